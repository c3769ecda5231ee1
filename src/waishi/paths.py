"""Printable file names: what is stored and reported for a file whose name is not plain text.

File names on Linux are bytes; Python hands names that are not UTF-8 over as
strings with lone surrogates (PEP 383), which SQLite, JSON and a UTF-8 terminal
all refuse (``UnicodeEncodeError: surrogates not allowed`` lost a whole ingest run,
issue 15). ``shown_path`` turns them, and control characters (a newline in a name
split its error message over two lines), into backslash escapes; ``unshown_path``
is its inverse, for finding the file again. A leaf module: errors.py uses it.
"""

from __future__ import annotations

import re

__all__ = ["shown_path", "unshown_path"]

# Undecodable bytes (U+DC80-U+DCFF under surrogateescape) become \xNN, C0 controls and DEL
# \xNN (below 0x80, so the two never meet), other lone surrogates, C1 controls and the
# Unicode line separators \uNNNN; tab, CR and LF their usual \t \r \n.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|([nrt]))")


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown_path(path: str) -> str:
    """``path`` with undecodable bytes as ``\\xff`` and control characters as ``\\n``/``\\x01``:
    text any UTF-8 sink (SQLite, JSON, a terminal line) takes as it is."""
    return _UNSHOWABLE.sub(_escape, path) if _UNSHOWABLE.search(path) else path


def _unescape(m: re.Match[str]) -> str:
    if m.group(3):
        return {"n": "\n", "r": "\r", "t": "\t"}[m.group(3)]
    if m.group(2):
        return chr(int(m.group(2), 16))
    code = int(m.group(1), 16)
    return chr(0xDC00 + code) if code >= 0x80 else chr(code)


def unshown_path(shown: str) -> str:
    """The file name ``shown_path`` was given (exact unless the name itself held such escapes)."""
    return _ESCAPE.sub(_unescape, shown) if "\\" in shown else shown
