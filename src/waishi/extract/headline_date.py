"""A headline that carries a full date (越通社简讯2017.2.22, 一周要闻回顾(2019.12.23-2019.12.29),
2016年6月23日新闻联播文字版): the page's own day, or the week it reviews. Its year is the page's year
(33 of 33 such headlines on the pages read), whatever the story's background and plans name."""

from __future__ import annotations

import re

from .year_solver import STRONG, YearEvidence

_HEADLINE_DAY = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*(?:\.\s*(?:1[0-2]|0?[1-9])\s*\.\s*|年\s*\d{1,2}\s*月\s*"
                           r"|-(?:1[0-2]|0?[1-9])-)(?:3[01]|[12]\d|0?[1-9])(?!\d)")
_PLANNED_BEFORE = ("将", "将于", "拟于", "计划于", "定于")


def headline_year(title: str, ev: YearEvidence, span: tuple[int, int] | None = None) -> int | None:
    """Bound the page to the year of the headline's last full date, and weigh it; the year, or None."""
    years = [int(m.group(1)) for m in _HEADLINE_DAY.finditer(title)
             if not title[max(0, m.start() - 3):m.start()].endswith(_PLANNED_BEFORE)]
    if not years:
        return None
    y = max(years)  # (a week that runs into the new year is reviewed in it)
    ev.bound(y, y, "the headline's date", span)
    ev.add(y, 2 * STRONG, "the headline's date", span)
    return y
