"""Which dates of a story set its running date (the day its later day-only dates count from): the
dateline's day; not a date of another year, a term's first day, a report's day, or an aside in brackets."""

from __future__ import annotations

import re
from datetime import date

from ..model import Dateline, Span
from ..text.dates import WEEKDAY_GLOSS, DateMention
from .events.words import RESTATED, TOOK_OFFICE_VERB, reports_after


def background_day(text: str, dm: DateMention, year: int | None) -> bool:
    """A date that cannot be the story's own: another explicit year than the document's, or one
    end of a range of years (1945.9.2~2021.9.2). VNA writes the story's date without a year."""
    if dm.year is not None and year is not None and dm.year != year:
        return True
    after, before = text[dm.end:dm.end + 1], text[max(0, dm.start - 1):dm.start]
    return bool(after) and after in "~～" or bool(before) and before in "~～"


_TOOK_OFFICE = re.compile(r"[^，。；,;]{0,8}?" + TOOK_OFFICE_VERB)


def term_start(text: str, dm: DateMention, s: Span) -> bool:
    """于5月15日宣誓就任总理后的首次访问: the day a term began, or a date in a sentence that restates
    an act (本次系…首次访问), sets no running date for the days after it."""
    return _TOOK_OFFICE.match(text, dm.end) is not None or RESTATED.match(text, s.start) is not None


def report_day(text: str, dm: DateMention) -> bool:
    """《某报》上星期二(10月29日)引述…报道，…: the day a report came out is no day of the acts it tells."""
    m = _CLAUSE_REST.match(text, dm.end)
    return m is not None and reports_after(text, dm.start, dm.end, m.end())



_CLAUSE_REST = re.compile(r"[^，,。；;\n]{0,30}")


def dateline_day(dl: Dateline | None, year: int | None) -> date | None:
    """越通社河内1月8日——: the dateline's month and day, in the document's year, are the story's day."""
    if dl is None or dl.month_day is None or year is None:
        return None
    try:
        return date(year, *dl.month_day)
    except ValueError:
        return None


def bracketed(text: str, pos: int, sent: Span) -> bool:
    """A date inside a bracket (an aside), unless the bracket glosses a weekday (周二(2月27日))."""
    left = text[sent.start:pos]
    return left.count("(") + left.count("（") > left.count(")") + left.count("）") and \
        not WEEKDAY_GLOSS.search(text, max(0, pos - 6), pos)


# 刚刚过去的8月, 过去的一个月里 (a review of the month past): the acts it lists without a day are of that month
PAST_MONTH = re.compile(r"(?:刚刚过去的|刚过去的|过去的)\s*(\d{1,2})\s*月")


def past_month(month: int, year: int, story: date | None) -> str:
    """The month a review looks back on, in the story's year (or the year before, from January)."""
    y = year - 1 if story is not None and month > story.month else year
    return f"{y:04d}-{month:02d}"


# 越通社一周要闻回顾(2019.3.18-2019.3.24), 本周(2015.3.2-2015.3.8)要闻回顾: a review of one week, in its headline
_WEEK = re.compile(r"[（(]\s*((?:19|20)\d\d)\.(\d{1,2})\.\d{1,2}\s*[-—–~至]")


def week_of(title: str) -> str | None:
    """The month of the week a round-up's headline names, for the acts it lists without a day."""
    m = _WEEK.search(title)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}" if m and 1 <= int(m.group(2)) <= 12 else None
