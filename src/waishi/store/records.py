"""A page's extraction record as the writer takes it: the typed ``Extraction`` or its dict.

The writer's one entry point (``Writer.put``) takes either and turns a typed record into
the stored form here, once: the dict is what the store keeps (``page_records``) and what
analysts' decisions edit (curation.py), so it stays the writer's inner form.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..fingerprint import extractor_version
from ..model import Extraction

__all__ = ["PageRecord", "as_record", "record_from_extraction"]

# an extraction of one page: typed, or as Extraction.to_dict() with the page's ``text``
PageRecord = Extraction | Mapping[str, Any]


def record_from_extraction(ext: Extraction) -> dict[str, Any]:
    """The dict the writer stores: ``Extraction.to_dict()`` plus the page ``text``."""
    d = ext.to_dict(mentions=True)
    d["text"] = ext.text
    d["extractor"] = extractor_version()  # kept per page: `waishi reextract` finds what a newer one has not seen
    return d


def as_record(rec: PageRecord) -> Mapping[str, Any]:
    """The stored form of a page's record (a typed one converted, a dict as it is)."""
    return record_from_extraction(rec) if isinstance(rec, Extraction) else rec
