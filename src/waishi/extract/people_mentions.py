"""Mentions of people already known on the page: a bare name or a name with a short title after
it (``裴青山外长``), and names glossed with their Latin form (``NAME·NAME(Latin Name)``)."""

from __future__ import annotations

import re
from typing import Any

from ..model import Span
from .people import _BEFORE_NAME, PeopleFinder, PersonMention


def name_title_mentions(text: str, start: int, end: int, names: set[str], finder: PeopleFinder,
                        own: set[str] | None = None) -> list[tuple[str, Span, str | None]]:
    """Bare-name and name + short-title mentions (``裴青山外长``) of known names (``own``: the
    page's own names among them, when the caller has them at hand)."""
    out: list[tuple[str, Span, str | None]] = []
    if not names:
        return out
    seg = text[start:end]
    # office holders through the lexicon's automaton, the page's own names with str.find
    holders = finder.holders
    cands = [(n, s) for n, s, _ in finder.lex.find("people", seg) if n in names]
    for name in (own if own is not None else names) - holders:
        pos = seg.find(name)
        while pos >= 0:
            cands.append((name, pos))
            pos = seg.find(name, pos + len(name))
    taken = bytearray(len(seg))  # positions already covered by a (longer) name
    for name, pos in sorted(cands, key=lambda c: (-len(c[0]), c[1])):
        s = start + pos
        e = s + len(name)
        if not any(taken[pos:pos + len(name)]):
            taken[pos:pos + len(name)] = b"\x01" * len(name)
            title = None
            for t in finder.lex.titles_after if text.startswith(finder.lex.titles_after, e) else ():
                if text.startswith(t, e):
                    title = t
                    break
            out.append((name, Span(s, e), title))
    return out


_GLOSSED = re.compile(r"([\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+)\s*[（(]\s*([A-Z][A-Za-zÀ-ỹ.'’\- ]{2,60})[)）]")


def glossed_names(text: str, start: int, end: int, found: list[PersonMention], sentence_of: Any,
                   region: Span, titles: frozenset[str] = frozenset(),
                   verbs: tuple[str, ...] = ()) -> list[PersonMention]:
    out: list[PersonMention] = []
    if text.find("·", start, end) < 0:
        return out  # no transliterated name here: skip the scan
    for m in _GLOSSED.finditer(text, start, end):
        s, e = m.span(1)
        dot = text.find("·", s, e)
        # (a person already read may end the run: 范平明致电NAME·NAME starts after him)
        before = [pm.span.end for pm in found if pm.span.start < dot and pm.span.end > s - 12]
        if any(b > dot for b in before) or any(s <= pm.span.start < e and pm.span.start > dot for pm in found):
            continue
        # the hanzi run may start with words before the name (值此NAME): from the run's start,
        # cut after the last such word
        while s > max(start, m.start(1) - 12) and "\u4e00" <= text[s - 1] <= "\u9fff":
            s -= 1
        if before:
            s = max(s, max(before))
        name = text[s:e]
        # (NAME·NAME总理(Latin): the holder's title written after his name is no part of it)
        last = name.rfind("·")
        tail = next((k for k in range(6, 1, -1) if len(name) - k > last + 1 and name[-k:] in titles), 0)
        if tail:
            name, e = name[:-tail], e - tail
        head = name.split("·")[0]
        cut = max((head.rfind(w) + len(w) for w in _BEFORE_NAME + verbs if w in head), default=0)
        # …古巴领导人NAME: the name starts after the last title word in the run
        for k in range(len(head) - 1, cut, -1):
            if any(head[j:k] in titles for j in range(max(0, k - 6), k - 1)):
                cut = k
                break
        if len(head) - cut < 1:
            continue
        pm = PersonMention(name[cut:], Span(s + cut, e), [], None, m.group(2).strip())
        pm.sentence = sentence_of(region, s)
        out.append(pm)
    return out
