"""Shared helpers of the extraction tests: the first document of a short text, and its events as
(type, date, source, target) rows."""

from waishi.extract.pipeline import extract


def first_doc(text):
    return extract(text, source="t.txt").documents[0]


def event_rows(text):
    return [(e.type, e.date, tuple(e.source), tuple(e.target)) for e in first_doc(text).events]
