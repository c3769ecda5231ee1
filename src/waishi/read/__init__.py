"""Input readers: files (txt, md, html, jsonl, warc[.gz]) and directories -> Pages.

``read_path`` reads one single-page file and raises InputError; ``iter_pages``
reads anything (containers, directories) and *yields* InputErrors in place of
the pages it cannot read, so a batch goes on past bad input (DESIGN.md).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from os import PathLike

from ..errors import InputError, UnsupportedFormatError
from ..model import Page
from ..paths import shown_path
from .decode import decode_bytes, normalize_text, os_error
from .files import MAX_FILE_BYTES, open_regular, read_capped
from .html import looks_like_html, read_html
from .jsonl import iter_jsonl
from .warc import iter_warc

__all__ = [
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "WARC_SUFFIXES",
    "MAX_FILE_BYTES",
    "decode_bytes",
    "iter_jsonl",
    "iter_pages",
    "iter_warc",
    "open_regular",
    "page_from_text",
    "read_capped",
    "read_bytes_as_page",
    "read_html",
    "read_path",
]

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")


def _kind(path: str) -> str | None:
    name = os.path.basename(path).lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                           ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def read_bytes_as_page(data: bytes, source: str = "<stdin>") -> Page:
    """One page from raw bytes (stdin, an upload): HTML if it looks like HTML, else text."""
    if looks_like_html(data[:4096].decode("latin-1")):
        # ASCII-compatible HTML: let read_html see the bytes and their meta charset.
        return read_html(data, source)
    text, encoding = decode_bytes(data, source)
    if looks_like_html(text):
        page = read_html(text, source)
        page.encoding = encoding
        return page
    return Page(text=text, source=source, encoding=encoding)


def read_path(path: str | PathLike[str]) -> Page:
    """Read one single-page file: ``.txt``/``.text``/``.md`` or ``.html``/``.htm``.

    Files with other suffixes are sniffed: HTML if they start like HTML, text if
    they decode as text. JSONL and WARC files hold many pages: use iter_pages.
    Only regular files are read, up to MAX_FILE_BYTES. Raises InputError (or a
    subclass) naming the file; the page's source is the name as given, escaped
    by ``shown_path`` when it is not printable text.
    """
    name = shown_path(str(path))
    kind = _kind(name)
    if kind in ("jsonl", "warc"):
        raise UnsupportedFormatError(name, f"{kind} holds many pages; use iter_pages")
    data = read_capped(path, name)
    if kind == "html":
        return read_html(data, name)
    if kind == "text":
        text, encoding = decode_bytes(data, name)
        return Page(text=text, source=name, encoding=encoding)
    return read_bytes_as_page(data, name)


def iter_pages(path: str | PathLike[str]) -> Iterator[Page | InputError]:
    """Every page under ``path``: a file of any supported kind, or a directory.

    Directories are walked recursively in sorted order, hidden files and
    directories skipped, files of unknown kind skipped silently (a file named
    explicitly is sniffed instead). Unreadable input yields an InputError.
    """
    name = str(path)
    if os.path.isdir(name):
        for file in walk_files(name):
            if isinstance(file, InputError):
                yield file
            else:
                yield from _iter_file(file)
    elif not os.path.exists(name) and not os.path.islink(name):
        yield InputError(name, "no such file")
    else:
        yield from _iter_file(name)


def _iter_file(path: str) -> Iterator[Page | InputError]:
    kind = _kind(path)
    if kind == "warc":
        yield from iter_warc(path)
    elif kind == "jsonl":
        yield from iter_jsonl(path)
    else:
        try:
            yield read_path(path)
        except InputError as e:
            yield e


def walk_files(root: str) -> Iterator[str | InputError]:
    """Supported files under ``root``, depth first, entries sorted by name.

    Symlinked directories are not followed (no loops); symlinked files are (the
    reader then refuses anything but a regular file). A directory that cannot be
    listed is an InputError; the walk goes on. Paths are yielded as the OS gave
    them (a name that is not UTF-8 keeps its surrogates, so it can be opened).
    """
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield os_error(root, e)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir:
            yield from walk_files(entry.path)
        elif _kind(entry.name) is not None:
            yield entry.path


def page_from_text(text: str, source: str = "<text>") -> Page:
    """A Page from text already in memory (newlines normalised, BOM dropped)."""
    return Page(text=normalize_text(text), source=source)
