"""Sentence and clause spans with character offsets into the original text."""

from __future__ import annotations

import re

from ..model import Span

# A sentence ends at 。！？; (and their ASCII forms) plus any closing quotes or
# brackets that follow, or at a line break. Semicolons end sentences too: VNA
# lists parallel statements with ；and each carries its own subject.
_SENT = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)\]]*|\n|$)")
_CLAUSE = re.compile(r"[^，,：:。！？!?；;\n]*(?:[，,：:。！？!?；;]+|\n|$)")


def _spans(rx: re.Pattern[str], text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    for m in rx.finditer(text, start, end):
        s, e = m.start(), m.end()
        # trim whitespace on both sides without losing offsets
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]`` (offsets into ``text``)."""
    return _spans(_SENT, text, start, len(text) if end is None else end)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Clause spans (split also on ，and ：) of ``text[start:end]``."""
    return _spans(_CLAUSE, text, start, len(text) if end is None else end)


def find_all(text: str, s: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every offset at which ``s`` starts in ``text[start:end]`` (overlapping occurrences included)."""
    end = len(text) if end is None else end
    out, i = [], text.find(s, start, end)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1, end)
    return out
