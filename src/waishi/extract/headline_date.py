"""A headline that carries a full date (越通社简讯2017.2.22, 一周要闻回顾(2019.12.23-2019.12.29),
2016年6月23日新闻联播文字版): the page's own day, or the week it reviews. Its year is the page's year
(33 of 33 such headlines on the pages read), whatever the story's background and plans name."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..text.dates import DateMention, find_dates
from .year_solver import STRONG, YearEvidence

_PLANNED_BEFORE = ("将", "将于", "拟于", "计划于", "定于")
# (一周要闻回顾(2022.9.26-10.2): a range's end written without its year, which the date readers leave)
_RANGE_END = re.compile(r"[-—–~～至到]+\s*(1[0-2]|0?[1-9])\s*[.月]\s*(3[01]|[12]\d|0?[1-9])(?!\d)")


def headline_days(title: str, ev: YearEvidence, span: tuple[int, int] | None = None) -> tuple[date, date] | None:
    """Bound the page to the year of the headline's last full date, and weigh it; the first and the
    last day the headline gives (a week reviewed, in which its days without a month are read), or None."""
    days: list[date] = []
    for dm in find_dates(title):
        if dm.year is None or dm.day is None or title[max(0, dm.start - 3):dm.start].endswith(_PLANNED_BEFORE):
            continue
        start, end = dm.resolve(None)
        days += [date.fromisoformat(x) for x in (start, end) if x]  # (2018年3月26日至4月1日: both ends)
    if not days:
        return None
    first, last = min(days), max(days)  # (a week that runs into the new year is reviewed in it)
    for m in _RANGE_END.finditer(title):
        d = DateMention(m.start(), m.end(), last.year, int(m.group(1)), int(m.group(2))).as_date(None)
        if m.start() >= 1 and d is not None and d > last:
            last = d
    # (the headline's day beats every bound read from the story, which a background or planned
    # year can set wrong)
    ev.fix(last.year, "the headline's date", span)
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

