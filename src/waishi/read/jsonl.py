"""JSON Lines -> Pages: one article per line; a bad line becomes an InputError, not a stop.

Each line is an object with ``text`` (required) and optional ``url``, ``title``
and ``published`` (``YYYY-MM-DD``, or a timestamp starting with one). Blank
lines are skipped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from os import PathLike

from ..errors import InputError
from ..model import Page
from .decode import normalize_newlines, os_error
from .html import iso_day

__all__ = ["iter_jsonl"]

LOGGER = logging.getLogger(__name__)


def iter_jsonl(path: str | PathLike[str]) -> Iterator[Page | InputError]:
    """Yield a Page per good line and an ``InputError("path:lineno", reason)`` per bad one.

    A file that cannot be opened yields one InputError naming the file.
    """
    name = str(path)
    try:
        fh = open(path, "rb")  # closed by the with below
    except OSError as e:
        yield os_error(name, e)
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
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
    text = normalize_newlines(text)
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


def _opt_str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) else None


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
