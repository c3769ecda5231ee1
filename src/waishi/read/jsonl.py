"""JSON Lines -> Pages: one article per line; a bad line becomes an InputError, not a stop.

Each line is an object with ``text`` (required) and optional ``url``, ``title``
and ``published`` (``YYYY-MM-DD``, or a timestamp starting with one). Blank
lines are skipped. A line longer than MAX_FILE_BYTES is an error of its own (it
is skipped without being held in memory); lone surrogates that JSON escapes can
smuggle into strings (``"\\ud800"``) become U+FFFD, as undecodable bytes would.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from os import PathLike

from ..errors import InputError
from ..model import Page
from ..paths import shown_path
from .decode import normalize_text
from .files import MAX_FILE_BYTES, open_regular
from .html import iso_day

__all__ = ["iter_jsonl"]

LOGGER = logging.getLogger(__name__)

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def iter_jsonl(path: str | PathLike[str]) -> Iterator[Page | InputError]:
    """Yield a Page per good line and an ``InputError("path:lineno", reason)`` per bad one.

    A file that cannot be opened (or is not a regular file) yields one InputError
    naming the file; a read error part way yields one after the lines read so far.
    """
    name = shown_path(str(path))
    try:
        fh = open_regular(path, name)  # closed by the with below
    except InputError as e:
        yield e
        return
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_FILE_BYTES + 1)
            except OSError as e:
                yield InputError(name, f"read error after line {lineno}: {(e.strerror or str(e)).lower()}")
                return
            if not raw:
                return
            lineno += 1
            if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield InputError(f"{name}:{lineno}", f"line too long: more than {MAX_FILE_BYTES:,} bytes")
                continue
            if not raw.strip():
                continue
            yield _page(raw, name, lineno)


def _page(raw: bytes, name: str, lineno: int) -> Page | InputError:
    where = f"{name}:{lineno}"
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError:
        return InputError(where, "not UTF-8")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(where, f"invalid JSON: {e.msg}")
    if not isinstance(obj, dict):
        return InputError(where, "not a JSON object")
    text = obj.get("text")
    if text is None:
        return InputError(where, "missing 'text'")
    if not isinstance(text, str):
        return InputError(where, "'text' is not a string")
    text = normalize_text(_no_surrogates(text))
    if not text.strip():
        return InputError(where, "empty text")

    title = _opt_str(obj.get("title"))
    if title:
        title = " ".join(title.split())
        if not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"
    url = _opt_str(obj.get("url"))
    published = _day(obj.get("published"), where)
    return Page(text=text, source=f"{name}#{lineno}", url=url or None, published=published, title=title or None)


def _no_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _opt_str(value: object) -> str | None:
    return _no_surrogates(value).strip() if isinstance(value, str) else None


def _day(value: object, where: str) -> str | None:
    """``YYYY-MM-DD`` from a date or timestamp string; anything else is dropped with a warning.

    A bad date should not cost the article: the year is inferred from the text
    when ``published`` is missing.
    """
    if value is None or value == "":
        return None
    day = iso_day(value)
    if day is None:
        LOGGER.warning("%s: ignoring 'published' %r: not YYYY-MM-DD", where, value)
    return day
