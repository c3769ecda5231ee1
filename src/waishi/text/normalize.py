"""Traditional -> Simplified Chinese that keeps every character offset valid.

Extraction matches Simplified lexicons against the text, but offsets must point
into the page as read. OpenCC's ``t2s`` converts phrase by phrase and a phrase
may change length; every single character maps to exactly one character (all
of U+3400-U+9FFF checked), so a chunk whose length changes is redone character
by character. A length-equal chunk could in principle hide a +1/-1 pair; we
accept that risk for the phrase-level accuracy (乾隆 stays 乾隆, 乾燥 -> 干燥).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["looks_traditional", "to_simplified"]

# Chunks for the slow path: up to a sentence end or newline, at most 2000
# characters, so the per-character fallback never handles a whole 10 MB line.
_CHUNK = re.compile(r"[^。！？；\n]{1,2000}[。！？；\n]?|[。！？；\n]")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# looks_traditional: characters sampled from the start, middle and end.
_SAMPLE = 1000
# Share of sampled hanzi that t2s changes above which a text counts as Traditional.
# Simplified pages score ~0 (a stray 於 or 乾 in a name); Traditional ones 0.2-0.4.
_TRADITIONAL_SHARE = 0.05
# The commonest characters written only in Traditional script (國, 會, 這, 為…): a text with a
# Traditional share worth converting holds some of them
_TRADITIONAL_HINT = re.compile("[國會這為時個們對來過還從進發與關開經當說兩議長員統區際組織總務實現體動業東亞華灣協問題訪領導產貿強調濟]")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    """The OpenCC converter, built once per process (loading its dictionaries is slow)."""
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified characters written in Traditional (a lexicon's name on a Traditional page)."""
    return str(_s2t().convert(text)) if text else text


def to_simplified(text: str) -> str:
    """Traditional characters converted to Simplified; ``len`` and offsets unchanged."""
    if not text:
        return text
    conv = _t2s()
    out = conv.convert(text)
    if len(out) == len(text):
        lines_in = text.split("\n")
        lines_out = out.split("\n")
        if len(lines_in) == len(lines_out) and all(
            len(a) == len(b) for a, b in zip(lines_in, lines_out, strict=True)
        ):
            return out
    return "".join(_convert_chunk(conv, chunk) for chunk in _CHUNK.findall(text))


def _convert_chunk(conv: Any, chunk: str) -> str:
    out: str = conv.convert(chunk)
    if len(out) == len(chunk):
        return out
    # One converter call for the whole chunk: newlines keep OpenCC from matching
    # phrases across characters; a piece that is not one character stays as it was.
    pieces = conv.convert("\n".join(chunk.replace("\n", " "))).split("\n")
    if len(pieces) != len(chunk):  # pragma: no cover - OpenCC never touches newlines
        return chunk
    return "".join(c if c == "\n" or len(p) != 1 else p for p, c in zip(pieces, chunk, strict=True))


def looks_traditional(text: str) -> bool:
    """True when a meaningful share of the text's hanzi are Traditional forms.

    Cheap: converts at most three slices of ``_SAMPLE`` characters.
    """
    if not text:
        return False
    n = len(text)
    if n <= 3 * _SAMPLE:
        sample = text
    else:
        mid = n // 2
        sample = text[:_SAMPLE] + text[mid : mid + _SAMPLE] + text[-_SAMPLE:]
    if not _TRADITIONAL_HINT.search(sample):
        return False  # (none of the commonest Traditional-only characters: no conversion needed)
    hanzi = len(_HANZI.findall(sample))
    if hanzi == 0:
        return False
    converted = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=True) if a != b)
    # Two changed characters at least, unless the text is a word or two.
    return (changed >= 2 and changed >= _TRADITIONAL_SHARE * hanzi) or changed >= 0.5 * hanzi
