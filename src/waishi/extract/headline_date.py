"""A headline that carries a full date (越通社简讯2017.2.22, 一周要闻回顾(2019.12.23-2019.12.29),
2016年6月23日新闻联播文字版): the page's own day, or the week it reviews. Its year is the page's year
(33 of 33 such headlines on the pages read), whatever the story's background and plans name."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .year_solver import STRONG, YearEvidence

_HEADLINE_DAY = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*(?:\.\s*(?:1[0-2]|0?[1-9])\s*\.\s*|年\s*\d{1,2}\s*月\s*"
                           r"|-(?:1[0-2]|0?[1-9])-)(?:3[01]|[12]\d|0?[1-9])(?!\d)")
_PLANNED_BEFORE = ("将", "将于", "拟于", "计划于", "定于")


def headline_days(title: str, ev: YearEvidence, span: tuple[int, int] | None = None) -> tuple[date, date] | None:
    """Bound the page to the year of the headline's last full date, and weigh it; the first and the
    last day the headline gives (a week reviewed, in which its days without a month are read), or None."""
    days = [d for m in _HEADLINE_DAY.finditer(title)
            if not title[max(0, m.start() - 3):m.start()].endswith(_PLANNED_BEFORE)
            and (d := _day_of(m.group())) is not None]
    if not days:
        return None
    first, last = min(days), max(days)  # (a week that runs into the new year is reviewed in it)
    # (一周要闻回顾(2022.9.26-10.2): the range's end, written without its year, is the later day)
    for m in _RANGE_END.finditer(title):
        if m.start() >= 1 and (d := _safe(last.year, int(m.group(1)), int(m.group(2)))) is not None and d > last:
            last = d
    # (the headline's day beats every bound read from the story, which a background or planned
    # year can set wrong)
    ev.lo = ev.hi = None
    ev.bound(last.year, last.year, "the headline's date", span)
    ev.add(last.year, 2 * STRONG, "the headline's date", span)
    return first, last


def day_in(days: tuple[date, date], day: int) -> date | None:
    """The date of the headline's week (or day) that falls on day ``day`` of its month (28日 in
    2022.9.26-10.2 is September's, 1日 October's), or None."""
    first, last = days
    if (last - first).days > 31:
        return None
    d = first
    while d <= last:
        if d.day == day:
            return d
        d += timedelta(days=1)
    return None


_RANGE_END = re.compile(r"[-—–~～至到]+\s*(1[0-2]|0?[1-9])\s*[.月]\s*(3[01]|[12]\d|0?[1-9])(?!\d)")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_of(s: str) -> date | None:
    y, m, d = (int(x) for x in re.findall(r"\d+", s)[:3])
    return _safe(y, m, d)
