"""One exception tree for waishi (httpx's habit: documented, in one place).

Everything the library raises on purpose derives from :class:`WaishiError`; the
CLI turns these into one-line messages at its boundary and never shows a
traceback for them.
"""

from __future__ import annotations

from .paths import shown_path

__all__ = [
    "WaishiError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodeError",
    "UnsupportedFormatError",
    "LexiconError",
]


class WaishiError(Exception):
    """Base class of every error waishi raises deliberately."""


class InputError(WaishiError):
    """An input file (or text) cannot be turned into a page.

    ``path`` names the file (or ``"<text>"``), ``reason`` says why in a few words. The
    path is kept printable (``shown_path``): a name that is not UTF-8 or holds a newline
    is escaped, so the error can be stored, printed on one line and put in JSON.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = shown_path(str(path))
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class EmptyInputError(InputError):
    """The input holds no text (empty file, only whitespace, or no extractable text)."""


class BinaryInputError(InputError):
    """The input looks like binary data, not text."""


class DecodeError(InputError):
    """The input bytes could not be decoded in any supported encoding."""


class PageTooLargeError(InputError):
    """The text is far longer than any news page (a concatenated dump, a binary blob as text)."""


class UnsupportedFormatError(InputError):
    """The file type is not one waishi reads."""


class LexiconError(WaishiError):
    """A lexicon data file is missing or malformed (names the file and line)."""
