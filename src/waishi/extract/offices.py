"""Offices: who held the office a title names, at the page's date (issue 6).

The offices lexicon (``offices.tsv``) lists holders with their terms. Two uses here:

* a person read with a title that names an office they held at the page's date gets
  that office's key (``范明政`` + ``越南政府总理`` -> ``VNM.prime_minister``);
* a title written without a name (``越南政府总理在会上表示``) resolves to the holder at
  the page's date when exactly one holder fits; it becomes an ``OfficeMention`` that
  names the holder, never a person of the page (the page did not name anyone).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import ahocorasick_rs as ac

from ..lexicon import Lexicon, Office
from ..model import OfficeMention, Person, Span
from .options import HOME

# A bare title preceded by another country or place names that country's office
# (老挝总理 is Laos's prime minister): look this far back for a place name.
_LOOKBACK = 6
_NAME_FOLLOWS = 1  # a title followed by a name is a chain, not a bare title


def _when(published: date | None, year: int | None) -> tuple[date, date] | None:
    """The window the page's 'now' lies in: the publication day, else its year."""
    if published is not None:
        return published, published
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    return None


def _fits(o: Office, lo: date, hi: date) -> bool:
    return (o.start is None or o.start <= hi) and (o.end is None or lo <= o.end)


# A deputy's title ends with the office's own form (国务院副总理 ends with 总理): the character
# before the form says the title names another office.
_DEPUTY = "副"


def title_fits(title: str, forms: tuple[str, ...], min_len: int = 1) -> bool:
    """Whether ``title`` names the office whose written forms are ``forms``: it is one of them, or
    ends with one (中华人民共和国主席 ends with 国家主席's 主席) not preceded by 副."""
    title = title.replace("特命全权", "")  # (驻越特命全权大使: the ambassador's full rank, the same post)
    for f in forms:
        if len(f) < min_len:
            continue
        if title == f or (title.endswith(f) and title[-len(f) - 1] != _DEPUTY):
            return True
    return False


def short_country(lex: Lexicon, title: str) -> str:
    """A title opening with a country's full name in its short name (中华人民共和国国防部长 ->
    中国国防部长), as office forms are written."""
    for w, a, b in lex.find("gazetteer", title[:12]):
        if a != 0:
            continue
        ent = lex.entities.get(w)
        if ent is None or ent.kind != "country" or not ent.iso3:
            continue
        short = lex.country_names.get(ent.iso3)
        if short and short != w and not short.isascii():
            return short + title[b:]
    return title


# A title names an office on its own when it is one of the office's forms of this many characters
# or more (越南政府总理, 外交部长, 国务卿); 总理 or 主席 alone also title a province's chair.
_OWN_FORM = 3


def offices_of(lex: Lexicon, name: str, titles: list[str], published: date | None, year: int | None,
               country: str | None = None) -> list[str]:
    """Office keys ``name`` held at the page's date under one of ``titles``.

    With ``country``, a title that is exactly an office's form of that country gives the office
    even when the lexicon has another holder then: the page wins for that page (the store lists
    the disagreement, ``waishi offices --conflicts``).
    """
    win = _when(published, year)
    out: list[str] = []
    for o in lex.offices_for(name):
        if win is not None and not _fits(o, *win):
            continue
        if any(title_fits(t, o.forms) for t in titles) and o.office not in out:
            out.append(o.office)
    if country is not None and win is not None:
        by_form = lex.offices_by_form()
        for t in titles:
            if len(t) < _OWN_FORM:
                continue
            for o in by_form.get(t, ()):
                if o.iso3 == country and o.office not in out:
                    out.append(o.office)
    return out


def offices_named(people: Sequence[Person]) -> dict[str, str]:
    """Office key -> the one person the page names in it (offices named for two people are left out)."""
    got: dict[str, set[str]] = {}
    for p in people:
        for o in p.offices:
            got.setdefault(o, set()).add(p.name)
    return {o: next(iter(names)) for o, names in got.items() if len(names) == 1}


# Words that may follow a bare title (总理在…, 总理表示…); any other hanzi means a name or
# a longer word follows.
_BARE_FOLLOWERS = ("在", "于", "会见", "表示", "出席", "和", "与", "同", "的", "已", "将", "也", "还", "强调", "指出")


def _forms_automaton(lex: Lexicon) -> tuple[dict[str, list[Office]], Any, list[str]]:
    by_form: dict[str, list[Office]] = {}
    for o in lex.offices:
        for f in o.forms:
            by_form.setdefault(f, []).append(o)
    forms = sorted(by_form)
    return by_form, ac.AhoCorasick(forms, matchkind=ac.MatchKind.LeftmostLongest), forms


class _Covered:
    """Whether a range overlaps any of a set of spans (bisect over sorted starts)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted((s.start, s.end) for s in spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end: list[int] = []
        m = -1
        for _s, e in self.spans:
            m = max(m, e)
            self.max_end.append(m)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e) - 1  # spans starting before e
        return i >= 0 and self.max_end[i] > s


def bare_titles(lex: Lexicon, text: str, regions: list[Span], covered: list[Span], published: date | None,
                year: int | None, home: str = HOME, named: Mapping[str, str] | None = None) -> list[OfficeMention]:
    """Titles naming an office without a name after them, resolved to the holder of the day.

    ``named`` maps offices to the holder the page itself names (office key -> name): the page wins
    over the lexicon for that page.
    """
    win = _when(published, year)
    if win is None:
        return []
    by_form, auto, forms = lex.memo("office_forms", lambda: _forms_automaton(lex))
    taken = _Covered(covered)
    out: list[OfficeMention] = []
    for sp in regions:
        seg = text[sp.start:sp.end]
        # leftmost-longest, non-overlapping: 越南政府总理 wins over 政府总理 and 总理
        for fi, i, j in auto.find_matches_as_indexes(seg):
            form = forms[fi]
            s, e = sp.start + i, sp.start + j
            if taken.overlaps(s, e):
                continue
            nxt = text[e:e + 1]
            if nxt and ("\u4e00" <= nxt <= "\u9fff") and not text.startswith(_BARE_FOLLOWERS, e):
                continue  # a name or another word follows: not a bare title
            offices = [o for o in by_form[form] if _fits(o, *win)]
            before = text[max(sp.start, s - _LOOKBACK):s]
            # a place in the sentence before (会见老挝客人。越南外交部长...) says nothing about this title,
            # nor does one before a title that names its own country
            before = before[max(before.rfind(c) for c in "。；;！？!?\n") + 1:]
            own = any(form.startswith(lex.country_names.get(o.iso3, "\0")) for o in offices)
            foreign = [] if own else [n for n, _a, _b in lex.find("gazetteer", before)
                                      if lex.entities[n].kind == "country" and lex.country_of(n) not in (None, home)]
            if foreign:
                iso = lex.country_of(foreign[-1])
                offices = [o for o in offices if o.iso3 == iso]
            elif not any(form.startswith(lex.country_names.get(o.iso3, "\0")) for o in offices):
                offices = [o for o in offices if o.iso3 == home]
            keys = {o.office for o in offices}
            if named and len(keys) == 1 and next(iter(keys)) in named:
                o = offices[0]
                out.append(OfficeMention(form, Span(s, e), o.office, named[o.office], o.iso3))
                continue
            holders = {o.holder for o in offices}
            # rows of one term under two written forms (通伦 / 通伦·西苏里, 范明正 / 范明政) are one
            # holder: the lexicon's first form names him
            if len(holders) != 1 and len({(o.office, o.start, o.end) for o in offices}) != 1:
                continue
            o = offices[0]
            out.append(OfficeMention(form, Span(s, e), o.office, o.holder, o.iso3))
    out.sort(key=lambda m: m.span.start)
    return out


@functools.lru_cache(maxsize=8)
def _first_index(words: tuple[str, ...]) -> dict[str, int]:
    return {w: i for i, w in reversed(list(enumerate(words)))}


def words_ending(t: str, words: tuple[str, ...]) -> list[str]:
    """The ``words`` ``t`` ends with, in their order: a set look-up per suffix, not a test per word."""
    if not t.endswith(words):
        return []
    idx = _first_index(words)
    ends = [t[k:] for k in range(len(t) + 1)]
    return [w for _i, w in sorted((idx[x], x) for x in ends if x in idx)]
