"""waishi (外事): Chinese-language foreign-affairs news -> source-linked records.

    >>> import waishi
    >>> rec = waishi.extract("越南政府总理会见老挝外长……")
    >>> rec.to_dict()["documents"]
"""

from __future__ import annotations

from .errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    LexiconError,
    UnsupportedFormatError,
    WaishiError,
)
from .extract.pipeline import extract
from .lexicon import Lexicon
from .model import SCHEMA, Document, Event, Extraction, Fact, Mention, Page, Person, Span

__version__ = "0.1.0"

__all__ = [
    "extract",
    "Lexicon",
    "SCHEMA",
    "Extraction",
    "Document",
    "Event",
    "Person",
    "Fact",
    "Mention",
    "Page",
    "Span",
    "WaishiError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodeError",
    "UnsupportedFormatError",
    "LexiconError",
    "__version__",
]
