"""A page's identity, shared by the store's ingest and the batch runner (neither owns it).

``locator_of`` names a page (its URL, else its file's absolute path with ``#line`` or
``@record-id``); ``content_hash`` fingerprints what shapes its extraction (text and
publication date), so an unchanged page is recognised before it is extracted again.
"""

from __future__ import annotations

import hashlib
import os

from .paths import shown_path, unshown_path

__all__ = ["content_hash", "locator_of"]


def content_hash(text: str, published: str | None = None) -> str:
    """sha256 of the page text and its publication date (both shape the extraction)."""
    h = hashlib.sha256(text.encode("utf-8"))
    if published:
        h.update(b"\0" + published.encode("ascii", "replace"))
    return h.hexdigest()


def locator_of(source: str, url: str | None = None) -> str:
    """A page's identity in the store: its URL when known, else its file's absolute path
    (with ``#line`` for JSONL lines and ``@record-id`` for WARC records).

    ``source`` is the name the reader gave, escaped by ``shown_path`` when the file's
    name is not UTF-8; the file is looked up under both, the locator is escaped."""
    if url:
        return url
    absolute = _absolute(source)
    if absolute is not None:
        return absolute
    for sep in ("#", "@"):
        head, found, tail = source.rpartition(sep)
        if found and head:
            absolute = _absolute(head)
            if absolute is not None:
                return f"{absolute}{sep}{tail}"
    return source


def _absolute(name: str) -> str | None:
    for candidate in dict.fromkeys((name, unshown_path(name))):
        if os.path.exists(candidate):
            return shown_path(os.path.abspath(candidate))
    return None
