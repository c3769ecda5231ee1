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


# 佐科访华期间会与习近平会晤, 在对老挝进行正式访问期间: an act told inside a trip's frame
_TRIP_FRAME = re.compile(r"(?:访(?P<abbr>[\u4e00-\u9fff])|访问(?P<to>[^，。；,;]{2,12}?)|对(?P<to2>[^，。；,;]{2,12}?)(?:进行)?[^，。；,;]{0,6}?访问)期间")
_DAY_BEFORE = re.compile(r"\d{1,2}\s*日|[一二三四五六七八九十]{1,3}日|当天|次日|同日")


def date_by_the_frame(events: list[Event], text: str, lex: Lexicon) -> None:
    """B访华期间会与A会晤: an act with no day of its own before it, told inside the frame of a trip the
    page dates (the visitor's visit to that country), is of that trip (its month, or its one day)."""
    visits = [e for e in events if e.type == "visit" and e.date and len(e.date) >= 7]
    if not visits:
        return
    for e in events:
        if e.type == "visit":
            continue
        ts = text.find(e.trigger, e.evidence.start, e.evidence.end) if e.trigger else -1
        if ts < 0:
            continue
        m = _TRIP_FRAME.search(text, e.evidence.start, ts)
        if m is None or _DAY_BEFORE.search(text, e.evidence.start, ts):
            continue
        where = m.group("abbr") or m.group("to") or m.group("to2") or ""
        isos = set(lex.abbrs.get(where, ())) if m.group("abbr") else \
            {iso for w, _a, _b in lex.find("gazetteer", where) if (iso := lex.country_of(w))}
        trip = [v for v in visits if set(v.target_iso3) & isos and set(v.source) & set(e.source + e.target)]
        if len(trip) != 1:
            continue
        day = trip[0].date or ""
        e.date = day[:7] if trip[0].date_end or len(day) < 10 else day
        e.date_end = None
