"""Year evidence read against the dated lexicons, apart from the collector's passes.

A trip the page calls recent (近日NAME访华, NAME日前对老挝进行的正式访问): the lexicon dates the trip
(visits_*.tsv), and the page is of the weeks after it. With the story's month and day, the year in
which that day falls in the few months after the trip; without them, the year the trip ended.
A numbered series whose number stands inside its name (series.tsv) is found by its two parts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from ..lexicon import Lexicon
from .year_solver import YearEvidence

# a marker of the recent past, before the visitor or between him and the trip
RECENT = re.compile(r"近日|日前|不久前|前不久|最近|近期|刚刚|刚结束|上周|上月")
_AFTER = timedelta(days=100)  # how long a page still calls a trip recent
_REACH = 14  # the marker within this many characters of the visitor's name, in his clause
_CLAUSE_END = "，,。；;\n"
_WEIGHT = 3.0  # as a known trip: below STRONG, the office holders' window holds


def recent_trips(lex: Lexicon, text: str, ev: YearEvidence, weight: float, month_day: tuple[int, int] | None,
                 auto: tuple[list[str], Any], destinations: Callable[[str, int], set[str]]) -> None:
    """Point evidence from trips the page calls recent (see the module's doc)."""
    if not lex.visits or not RECENT.search(text):
        return
    names, automaton = auto
    fits: dict[int, str] = {}
    for k, i, j in automaton.find_matches_as_indexes(text, overlapping=True):
        name = names[k]
        lo = max(0, i - _REACH, *(text.rfind(c, 0, i) + 1 for c in _CLAUSE_END))
        hi = min([x for x in (text.find(c, j) for c in _CLAUSE_END) if x >= 0] + [j + _REACH * 2])
        if not RECENT.search(text, lo, hi):
            continue
        goes = destinations(text, j)
        for v in lex.visits[name]:
            if v.host_iso3 not in goes:
                continue
            end = v.end or v.start
            if month_day is None:
                fits[end.year] = name
                continue
            for y in (end.year, end.year + 1):
                try:
                    d = date(y, *month_day)
                except ValueError:
                    continue
                if end <= d + timedelta(days=4) and d <= end + _AFTER:
                    fits[y] = name
    lo_, hi_ = ev.window()
    # (trips outside the office holders' window share nothing with those inside)
    fits = {y: n for y, n in fits.items() if (lo_ is None or y >= lo_) and (hi_ is None or y <= hi_)} or fits
    for y, name in fits.items():
        ev.add(y, _WEIGHT * weight / len(fits), f"recent trip {name}")


def split_series_name(text: str, m: re.Match[str], names: list[str]) -> tuple[str, int] | None:
    """(series name, start) when the ordinal ``m`` stands inside a series' name: its first part
    (two characters or more) just before, its rest just after."""
    before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 16]
    for n in names:
        for i in range(len(n) - 2, 1, -1):
            if before.endswith(n[:i]) and after.startswith(n[i:]):
                return n, m.start() - i
    return None
