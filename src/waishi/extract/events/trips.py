"""A visit the page dates only by its year (or not at all, in a dated document) takes the day of
the one trip the visits lexicons know of that visitor to that country in that year: the lexicon
grounds the date the text leaves open (本月15日 on a page without its month, 前往金边 with no day)."""

from __future__ import annotations

import re
from datetime import timedelta

from ...lexicon import Lexicon, Visit
from ...model import Event


def _precision(v: Visit) -> str:
    """The trip's start as the row knows it: a day, or only a month (a month-only row spans it)."""
    if v.start.day == 1 and v.end - v.start >= timedelta(days=27):
        return v.start.isoformat()[:7]
    return v.start.isoformat()


def date_by_known_trips(events: list[Event], lex: Lexicon, year: int | None) -> None:
    """Fill the date of year-only visits from the one known trip that fits (see the module's doc)."""
    if year is None or not lex.visits:
        return
    for e in events:
        if e.type != "visit" or (e.date and e.date != str(year)) or not e.target_iso3:
            continue
        trips = {(v.start, v.end): v for name in e.source for v in lex.visits.get(name, ())
                 if v.host_iso3 in e.target_iso3 and v.start.year == year}
        if len(trips) != 1:
            continue
        v = next(iter(trips.values()))
        e.date = _precision(v)
        if len(e.date) == 10 and v.end > v.start:
            e.date_end = v.end.isoformat()


# a trip told as past (5年前的11月, 去年, 曾): background, never the story's own
_PAST_TOLD = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)年前|去年|前年|曾经?(?!经)")


def year_from_told_trips(events: list[Event], lex: Lexicon, window: tuple[int | None, int | None],
                         month_day: tuple[int, int] | None, head_end: int, text: str = "") -> int | None:
    """An undated document whose visits (visitor and country read by the clause layer) fit known
    trips of one year only, inside the office holders' window (within a few days of the story's
    month-day, when it gives one): that year. Only visits told at the document's head count, and the
    window must be closed and at most eight years."""
    lo, hi = window
    if lo is None or hi is None or hi - lo > 8 or not lex.visits:
        return None
    years: set[int] = set()
    for e in events:
        if e.type != "visit" or not e.target_iso3 or e.evidence.start >= head_end or \
                _PAST_TOLD.search(text, e.evidence.start, e.evidence.end):
            continue  # (the story's own trip is told at its head; later ones, or 5年前…, are background)
        for name in e.source:
            for v in lex.visits.get(name, ()):
                if v.host_iso3 not in e.target_iso3 or not lo <= v.start.year <= hi:
                    continue
                if month_day is not None and not _fits(v, month_day):
                    continue
                years.add(v.start.year)
    return years.pop() if len(years) == 1 else None


def _fits(v: Visit, month_day: tuple[int, int]) -> bool:
    from datetime import date
    try:
        d = date(v.start.year, *month_day)
    except ValueError:
        return False
    return v.start - timedelta(days=4) <= d <= v.end + timedelta(days=4)


def date_by_known_gatherings(events: list[Event], lex: Lexicon) -> None:
    """李显龙参加了杭州G20峰会 on a page of 2017: an attendance (or hosting) of a gathering whose year
    is public knowledge (world_events.tsv) is of that year, whatever the running context says."""
    if not lex.gathering_months:
        return
    for e in events:
        if e.type not in ("attend", "host"):
            continue
        months = {m for t in e.target for pattern, m in lex.gathering_months.items() if pattern in t}
        if len(months) == 1 and not (e.date or "").startswith(m := months.pop()):
            e.date, e.date_end = m, None


def date_by_the_trip(events: list[Event]) -> None:
    """李克强将于12至16日访问新加坡，还将出席…会议: an act of a visitor that the page dates by its year
    alone, in a story of his one trip dated to the month, is of the trip's month."""
    trips: dict[str, set[str]] = {}
    for e in events:
        if e.type == "visit" and e.date and len(e.date) >= 7:
            for s in e.source:
                trips.setdefault(s, set()).add(e.date[:7])
    for e in events:
        if e.type == "visit" or not e.date or len(e.date) != 4:
            continue
        months = {m for s in e.source for m in trips.get(s, ()) if m.startswith(e.date)}
        if len(months) == 1:
            e.date = months.pop()
