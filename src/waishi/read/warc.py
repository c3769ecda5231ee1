"""WARC (``.warc``, ``.warc.gz``) -> Pages: each HTML response record is one page.

Only ``response`` records with HTTP status 200 and an HTML content type are
read; request, metadata, revisit and non-HTML records are skipped. A corrupt
record or a truncated gzip member yields one InputError and ends the file: the
stream cannot be resynchronised reliably, and the pages before it are kept.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from os import PathLike
from typing import IO, Any

from ..errors import EmptyInputError, InputError, PageTooLargeError
from ..model import Page
from ..paths import shown_path
from .files import MAX_FILE_BYTES, open_regular
from .html import iso_day, read_html

__all__ = ["iter_warc"]

LOGGER = logging.getLogger(__name__)

_BLOCK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: str | PathLike[str]) -> Iterator[Page | InputError]:
    """Yield a Page per HTML response record, an InputError per unreadable one.

    Sources are ``f"{path}@{record_id}"`` (the WARC-Record-ID without its angle
    brackets); the record's target URI is the page URL and its WARC-Date the
    fallback publication date.
    """
    from warcio.archiveiterator import ArchiveIterator

    name = shown_path(str(path))
    try:
        fh = open_regular(path, name)  # closed by the with below
    except InputError as e:
        yield e
        return

    with fh:
        if not fh.peek(1):
            yield EmptyInputError(name, "empty file")
            return
        stream: Any = _StrictGzip(fh) if fh.peek(2)[:2] == b"\x1f\x8b" else fh
        archive = ArchiveIterator(stream)
        records = iter(archive)
        count = 0
        while True:
            try:
                record = next(records)
                if record.format != "warc":
                    # warcio also reads ARC; lines of plain text can parse as ARC headers.
                    raise _NotWarc(f"not a WARC record ({record.format})")
                item = _page(record, name)
                count += 1
            except StopIteration:
                break
            except Exception as e:  # warcio, zlib, gzip, _Truncated: the rest is unreadable
                LOGGER.debug("%s: corrupt after %d records: %r", name, count, e)
                yield InputError(name, f"corrupt WARC after {count} records: {_reason(e)}")
                return
            if item is not None:
                yield item
        # warcio ends quietly when a record's headers are cut short; the bytes
        # after the last complete record tell.
        left = stream.tell() - archive.offset
        if left > 0:
            yield InputError(name, f"truncated WARC: {left} bytes after record {count}")


def _page(record: Any, name: str) -> Page | InputError | None:
    """The record's page, its InputError, or None for records that are not HTML pages.

    Raises _Truncated (and whatever the decompressor raises) when the record is
    cut short: the caller ends the file there.
    """
    wanted = record.rec_type == "response" and record.http_headers is not None
    if wanted:
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        wanted = record.http_headers.get_statuscode() == "200" and ctype.startswith(_HTML_TYPES)
    # bounded: one huge record must not take the memory the other records need
    body = record.content_stream().read(MAX_FILE_BYTES + 1) if wanted else b""
    _drain(record)
    if not wanted:
        return None
    record_id = shown_path((record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>"))
    source = f"{name}@{record_id}"
    if len(body) > MAX_FILE_BYTES:
        return PageTooLargeError(source, f"record too large: more than {MAX_FILE_BYTES:,} bytes")
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    warc_day = iso_day(record.rec_headers.get_header("WARC-Date"))
    try:
        return read_html(body, source, url=url, published=warc_day, charset=_charset(ctype))
    except InputError as e:
        return e


class _Truncated(Exception):
    """A record or gzip member is cut short."""


class _NotWarc(Exception):
    """A record warcio parsed as another archive format."""


class _StrictGzip:
    """A gzip reader whose truncation error is not EOFError.

    warcio takes EOFError for a clean end of file, so a .warc.gz cut inside a
    member would end iteration silently; gzip.GzipFile is also stricter than
    warcio's own decompressor, which stops at a truncated member without a word.
    """

    def __init__(self, fh: IO[bytes]) -> None:
        self._gz = gzip.GzipFile(fileobj=fh)

    def read(self, size: int = -1) -> bytes:
        # read1: one decompression step per call, so the records before the cut
        # are handed out before the error (read(n) would lose a partial block).
        try:
            return self._gz.read1(size)
        except EOFError as e:
            raise _Truncated("gzip data cut short") from e

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._gz.readline(size)
        except EOFError as e:
            raise _Truncated("gzip data cut short") from e

    def tell(self) -> int:
        return self._gz.tell()

    def close(self) -> None:
        self._gz.close()


def _drain(record: Any) -> None:
    """Read what is left of the record's block; raise _Truncated if bytes are missing.

    warcio returns a short read at end of file without complaint, so a WARC cut
    inside a record would otherwise pass for a complete (shorter) page.
    """
    raw = record.raw_stream
    while raw.read(_BLOCK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _Truncated(f"record cut short by {raw.limit} bytes")


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _reason(e: BaseException) -> str:
    """A short reason; warcio's own errors say what they found, others are generic."""
    from warcio.exceptions import ArchiveLoadFailed

    if isinstance(e, (_Truncated, _NotWarc, ArchiveLoadFailed)):
        msg = str(e).strip().splitlines()[0] if str(e).strip() else "cut short"
        return msg[:120]
    if isinstance(e, (zlib.error, gzip.BadGzipFile)):
        return "bad gzip data"
    return "unreadable record"
