"""Date phrases: ``5月22日上午``, ``当地时间11月19日下午``, ``从11月19日至21日``,
``2024年4月2日``, ``2025年2月``, ``26日``, ``同日`` / ``当天`` / ``次日``.

``find_dates`` recognises; ``DateMention.resolve`` gives an ISO date (as precise
as the text supports) once the document year and the running context date are
known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .numbers import small_chinese

_TOD = r"(?:上午|下午|中午|晚上|晚间|晚|早上|早晨|凌晨|夜间|傍晚)"
_N = r"\d{1,2}"
_Y = r"(?:19|20)\d\d"
_FULL = re.compile(
    rf"(?P<local>当地时间)?\s*(?:(?P<y>{_Y})\s*年\s*)?(?P<m>{_N})\s*月\s*(?P<d>{_N})\s*(?:日|(?=\s*(?:至|到|-|—|–|~|～)\s*{_N}\s*日))"
    rf"(?:\s*(?:至|到|-|—|–|~|～)\s*(?:(?P<y2>{_Y})\s*年\s*)?(?:(?P<m2>{_N})\s*月\s*)?(?P<d2>{_N})\s*日)?"
    rf"(?P<tod>\s*{_TOD})?"
)
_MONTH = re.compile(rf"(?P<y>{_Y})\s*年\s*(?P<m>{_N})\s*月(?!\s*\d{{1,2}}\s*日)(?:份)?")
_ACT_AFTER_MONTH = "举行|访问|出访|出席|会见|会晤|签署|签订|通电话|访华|访越|前往|赴|抵达|到访"
# 于12月, 在6月, 8月举行会晤: a month named as when an act took place, its year the sentence's or the page's
_MONTH_ONLY = re.compile(rf"(?:(?<=[于在])(?P<m>{_N})\s*月(?:份)?(?![\d日底初中末上下])"
                         rf"|(?<![\d年.\-/])(?P<m3>{_N})\s*月(?:初|上旬|中旬|下旬|底)?(?=\s*(?:{_ACT_AFTER_MONTH})))")
# (9月初赴印尼进行国事访问: the part of the month before the act, still that month)
# 四月前往越南, 于十一月访问: a month in Chinese numerals named as when an act took place
_CN_MONTH_ONLY = re.compile(r"(?:(?<=[于在])|(?<![〇零一二三四五六七八九十年月两几第上下]))(?P<m>十[一二]?|[一二三四五六七八九])月(?:份)?"
                            rf"(?=\s*(?:{_ACT_AFTER_MONTH}))")
# (本月17日至20日: 本月 is no month number before the day)
_DAY_RANGE = re.compile(rf"(?<![\d年.])(?<![\d〇一二三四五六七八九十]月)(?P<d>{_N})\s*日?\s*(?:至|到|-|—|–|~|～)\s*(?P<d2>{_N})\s*日(?P<tod>\s*{_TOD})?(?![\d])")
_DAY = re.compile(rf"(?<![\d年])(?<![\d〇一二三四五六七八九十]月)(?P<d>{_N})\s*日(?P<tod>\s*{_TOD})?(?![\d])")
# (not 慰问311日本震灾灾区: 日本 is Japan; but 623日本报讯 is a dateline)
_GLUED = re.compile(rf"(?<![\d月年.\-/])(?P<m>1[0-2]|[1-9])(?P<d>[0-3]\d)\s*日(?!本(?![报報台网網刊]))(?P<tod>\s*{_TOD})?(?![\d])")
_ISO = re.compile(rf"(?<!\d)(?P<y>{_Y})[-/.](?P<m>{_N})[-/.](?P<d>{_N})(?!\d)")
# Month and day in Chinese numerals (三月三十一日, 二〇一二年十月五日), as some outlets write them.
_CN_D = r"[〇零一二三四五六七八九十]"
_CN_FULL = re.compile(
    rf"(?P<local>当地时间)?(?:(?P<y>[二][〇零][〇零一二三四五六七八九]{{2}})年)?"
    rf"(?P<m>十[一二]?|[一二三四五六七八九])月(?P<d>{_CN_D}{{1,3}})日(?P<tod>\s*{_TOD})?")
# A day written in brackets after 昨/今/明 (昨(27)日, 今（6）日), the press convention of Taiwan's
# and Hong Kong's papers: the bracket gives the day of the month.
# The mainland's and Singapore's papers write the word whole and the day in the brackets: 今天（4日）,
# 昨晚(5日): the bracket, not the word, gives the day (the word counts from the page's day, which may be later).
_BRACKET_DAY = re.compile(rf"(?:[昨今明前][（(]\s*(?P<d>{_N})\s*[)）]日|(?:[昨今明][天日晚早]|前天)\s*[（(]\s*"
                          rf"(?:(?P<m>{_N})\s*月\s*)?(?P<d2>{_N})\s*日\s*[)）])"
                          rf"(?P<tod>\s*{_TOD})?")
# 昨天 (18/8): Singapore's and Malaysia's press gloss a relative day with its day and month
_SLASH_DAY = re.compile(r"(?:今天|昨天|前天|明天|今日|昨日)\s*[（(]\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*[)）]")
# Days counted from the article's own day (its dateline or publication date), not from the
# story's running date: 昨天 in a report of the 25th is the 24th.
_NOW_RELATIVE = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1}
_NOW = re.compile(rf"(?:(?P<rel>今天|昨天|前天|明天|昨日)|(?P<rel2>今日|明日|前日)(?=\s*(?:{_TOD}|[，,在于起将已])))(?!的)")
_RELATIVE = {
    "同日": "same", "当天": "same", "当日": "same", "同一天": "same", "同天": "same",
    "次日": "next", "翌日": "next", "第二天": "next",
    "前一天": "prev", "前一日": "prev",
}
_REL = re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True)))
_YEAR_OFFSETS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
# (5年前的11月: N years before the document's year)
_REL_YEAR = re.compile(rf"(?P<rel>今年|本年|去年|上年|明年|前年|(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})年前(?:的)?)"
                       rf"(?:\s*(?P<m>{_N}|十[一二]|[一二三四五六七八九十])\s*月(?:\s*(?P<d>{_N})\s*日)?)?")
# the word alone before a month-day the day readers take (明年1月3日): joined to that date after reading
_REL_YEAR_WORD = re.compile(r"(?P<rel>今年|本年|去年|上年|明年|前年)(?=\s*\d{1,2}\s*月)")
# 下月初赴美, 上个月访问: the month before or after the article's own (a day after it is left to the day readers)
_REL_MONTH = re.compile(r"(?P<rel>[上下])个?月(?:初|中旬|上旬|下旬|中|底|末)?(?!\s*\d{1,2}\s*[日号])")
# A year on its own (他于2015年曾访问中国); not a range end, a decade, a fiscal year or a date's year.
_YEAR_ONLY = re.compile(rf"(?<![\d.\-—–~～至到])(?P<y>{_Y})\s*年(?![代度\d])(?!\s*(?:-|—|–|~|至|到)\s*{_Y})")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    relative: str | None = None  # same / next / prev
    time_of_day: str | None = None
    local_time: bool = False
    year_offset: int | None = None  # 今年 0, 去年 -1, 明年 +1, 前年 -2: relative to the document year
    day_offset: int | None = None  # 今天 0, 昨天 -1, 明天 +1: relative to the article's own day
    weekday: int | None = None  # 星期六 5: the latest such day on or before the article's own day
    week_offset: int = 0  # 上周 -1, 下周 +1: that weekday of the week before or after; 2: the next one ahead
    month_offset: int | None = None  # 上月 -1, 下个月 +1: the month before or after the article's own

    @property
    def explicit(self) -> bool:
        return self.relative is None and self.day_offset is None and self.weekday is None and self.month_offset is None

    def resolve(self, year: int | None, context: date | None = None) -> tuple[str | None, str | None]:
        """(date, end date) as ISO strings, as precise as known; (None, None) when unknown."""
        if self.month_offset is not None:
            return self._relative_month(year, context), None
        if self.relative or self.day_offset is not None or self.weekday is not None:
            if context is None:
                # 昨天(13日) on a page whose month is unknown: the article's year, no more
                if (self.day_offset is not None or self.weekday is not None) and year is not None:
                    return f"{year:04d}", None
                return None, None
            if self.weekday is not None:
                return self._weekday_date(context).isoformat(), None
            if self.day_offset is not None:
                return (context + timedelta(days=self.day_offset)).isoformat(), None
            step = {"same": 0, "next": 1, "prev": -1}[self.relative or "same"]
            return (context + timedelta(days=step)).isoformat(), None
        y = self.year or year
        if self.year_offset is not None:
            y = year + self.year_offset if year is not None else None
        m = self.month or (context.month if context and self.day else None)
        if self.month is None and context is not None and self.year is None and self.year_offset is None:
            y = y or context.year
        if y is None:
            return None, None
        if m is None:
            return f"{y:04d}", None
        if self.day is None:
            return f"{y:04d}-{m:02d}", None
        start = _safe(y, m, self.day)
        if start is None:
            return None, None
        end = None
        if self.end_day:
            ey = self.end_year or y
            em = self.end_month or m
            e = _safe(ey, em, self.end_day)
            if e is not None and e < start and not self.end_month:
                e = _safe(ey, em + 1 if em < 12 else 1, self.end_day)
            end = e.isoformat() if e else None
        return start.isoformat(), end

    def _relative_month(self, year: int | None, context: date | None) -> str | None:
        """下个月, 上月: the month counted from the article's own (``context``); without it, the year."""
        assert self.month_offset is not None
        if context is None:
            return f"{year:04d}" if year is not None else None
        k = context.year * 12 + context.month - 1 + self.month_offset
        return f"{k // 12:04d}-{k % 12 + 1:02d}"

    def _weekday_date(self, context: date) -> date:
        assert self.weekday is not None
        if self.week_offset == 0:  # the latest such day on or before the article's
            return context - timedelta(days=(context.weekday() - self.weekday) % 7)
        if self.week_offset == 2:  # ahead: the next such day on or after the article's
            return context + timedelta(days=(self.weekday - context.weekday()) % 7)
        monday = context - timedelta(days=context.weekday())
        return monday + timedelta(weeks=self.week_offset, days=self.weekday)

    def as_date(self, year: int | None, context: date | None = None) -> date | None:
        iso, _ = self.resolve(year, context)
        if iso and len(iso) == 10:
            return date.fromisoformat(iso)
        return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _tod(m: re.Match[str]) -> str | None:
    return (m.group("tod") or "").strip() or None


def _full(m: re.Match[str]) -> DateMention | None:
    mo, d = int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    s = m.start("local") if m.group("local") else m.start("y") if m.group("y") else m.start("m")
    return DateMention(
        s, m.end(), int(m.group("y")) if m.group("y") else None, mo, d,
        int(m.group("y2")) if m.group("y2") else None,
        int(m.group("m2")) if m.group("m2") else None,
        int(m.group("d2")) if m.group("d2") else None,
        None, _tod(m), bool(m.group("local")))


def _iso(m: re.Match[str]) -> DateMention | None:
    mo, d = int(m.group("m")), int(m.group("d"))
    return DateMention(m.start(), m.end(), int(m.group("y")), mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _month(m: re.Match[str]) -> DateMention | None:
    mo = int(m.group("m"))
    return DateMention(m.start(), m.end(), int(m.group("y")), mo) if 1 <= mo <= 12 else None


def _month_only(m: re.Match[str]) -> DateMention | None:
    mo = int(m.group("m") or m.group("m3"))
    return DateMention(m.start(), m.end(), None, mo) if 1 <= mo <= 12 else None


def _cn_month_only(m: re.Match[str]) -> DateMention | None:
    mo = small_chinese(m.group("m"))
    return DateMention(m.start(), m.end(), None, mo) if mo is not None and 1 <= mo <= 12 else None


def _glued(m: re.Match[str]) -> DateMention | None:
    # 623日: the 月 lost in the page's markup (6月23日)
    mo, d = int(m.group("m")), int(m.group("d"))
    return DateMention(m.start(), m.end(), None, mo, d, time_of_day=_tod(m)) if 1 <= d <= 31 else None


def _day(m: re.Match[str]) -> DateMention | None:
    d = int(m.group("d"))
    return DateMention(m.start(), m.end(), day=d, time_of_day=_tod(m)) if 1 <= d <= 31 else None


def _cn_full(m: re.Match[str]) -> DateMention | None:
    mo, d = small_chinese(m.group("m")), small_chinese(m.group("d"))
    if mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    y = int("".join(str(small_chinese(c)) for c in m.group("y"))) if m.group("y") else None
    s = m.start("local") if m.group("local") else m.start("y") if m.group("y") else m.start("m")
    return DateMention(s, m.end(), y, mo, d, time_of_day=_tod(m), local_time=bool(m.group("local")))


def _slash_day(m: re.Match[str]) -> DateMention | None:
    d, mo = int(m.group("d")), int(m.group("m"))
    return DateMention(m.start(), m.end(), month=mo, day=d) if 1 <= d <= 31 and 1 <= mo <= 12 else None


def _bracket_day(m: re.Match[str]) -> DateMention | None:
    d = int(m.group("d") or m.group("d2"))
    mo = int(m.group("m")) if m.group("m") else None  # (昨天(9月14日): the month too)
    if not 1 <= d <= 31 or (mo is not None and not 1 <= mo <= 12):
        return None
    return DateMention(m.start(), m.end(), month=mo, day=d, time_of_day=_tod(m))


def _now(m: re.Match[str]) -> DateMention | None:
    return DateMention(m.start(), m.end(), day_offset=_NOW_RELATIVE[m.group("rel") or m.group("rel2")])


def _day_range(m: re.Match[str]) -> DateMention | None:
    # 自7日至15日: days of the story's month
    d, d2 = int(m.group("d")), int(m.group("d2"))
    return DateMention(m.start(), m.end(), day=d, end_day=d2, time_of_day=_tod(m)) if 1 <= d <= 31 and 1 <= d2 <= 31 else None


def _rel_year(m: re.Match[str]) -> DateMention | None:
    mo = m.group("m")
    rmo: int | None = (int(mo) if mo.isdigit() else small_chinese(mo)) if mo else None  # 去年十二月
    rd: int | None = int(m.group("d")) if m.group("d") else None
    if rmo is not None and not 1 <= rmo <= 12:
        return None
    if m.group("n"):
        n = int(m.group("n")) if m.group("n").isdigit() else small_chinese(m.group("n"))
        return DateMention(m.start(), m.end(), month=rmo, day=rd, year_offset=-n) if n else None
    return DateMention(m.start(), m.end(), month=rmo, day=rd, year_offset=_YEAR_OFFSETS[m.group("rel")])


def _rel_year_word(m: re.Match[str]) -> DateMention | None:
    return DateMention(m.start(), m.end(), year_offset=_YEAR_OFFSETS[m.group("rel")])


def _rel_month(m: re.Match[str]) -> DateMention | None:
    return DateMention(m.start(), m.end(), month_offset=-1 if m.group("rel") == "上" else 1)


def _year_only(m: re.Match[str]) -> DateMention | None:
    return DateMention(m.start(), m.end(), year=int(m.group("y")))


# 星期六, 周五, 下周二: a weekday, counted from the article's own day (the latest one on or before
# it; of the week before or after with 上/下); 每周一, 两周一次 are no dates
_WEEKDAY = re.compile(r"(?<![每一两二三几数这])(?P<wk>上|下)?(?:个)?(?:星期|礼拜|周|週)(?P<d>[一二三四五六日天])(?![次度年])")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


_AHEAD = re.compile(r"将|定于|拟|计划|料|预定|预计|即将")
_CLAUSE_BREAK = re.compile(r"[，。；,;]")


# 周五至周日(3月2日至4日), 星期二（2月27日）: the bracket glosses the weekday with the date itself
WEEKDAY_GLOSS = re.compile(r"(?:星期|礼拜|周|週)[一二三四五六日天]\s*[（(]$")
_GLOSSED = re.compile(r"\s*(?:(?:至|到|-|—)\s*(?:星期|礼拜|周|週)[一二三四五六日天])?\s*[（(]\s*\d{1,2}\s*月")


def _weekday(m: re.Match[str]) -> DateMention | None:
    if _GLOSSED.match(m.string, m.end()):
        return None  # (the date in the bracket is the one meant)
    # (定于星期天, 周五将访问…, 周五访问印度 料谈及…: a plan's weekday is the next one)
    before = _CLAUSE_BREAK.split(m.string[max(0, m.start() - 8):m.end()])[-1]
    after = _CLAUSE_BREAK.split(m.string[m.end():m.end() + 10])[0]
    near = before + after
    offset = {"上": -1, "下": 1}.get(m.group("wk") or "", 0)
    return DateMention(m.start(), m.end(), weekday=_WEEKDAYS[m.group("d")],
                       week_offset=offset if offset else (2 if _AHEAD.search(near) else 0))


def _rel(m: re.Match[str]) -> DateMention | None:
    return DateMention(m.start(), m.end(), relative=_RELATIVE[m.group()])


# The patterns in order of precedence: a later one only reads text no earlier one took.
_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], DateMention | None]], ...] = (
    # (a relative day glossed in brackets first: 昨天(9月14日) is one date, the bracket's)
    (_BRACKET_DAY, _bracket_day), (_FULL, _full), (_ISO, _iso), (_MONTH, _month), (_CN_FULL, _cn_full), (_SLASH_DAY, _slash_day),
    (_GLUED, _glued), (_DAY_RANGE, _day_range), (_DAY, _day), (_MONTH_ONLY, _month_only), (_CN_MONTH_ONLY, _cn_month_only), (_REL_YEAR, _rel_year), (_REL_YEAR_WORD, _rel_year_word), (_YEAR_ONLY, _year_only), (_REL, _rel), (_NOW, _now),
    (_WEEKDAY, _weekday), (_REL_MONTH, _rel_month))


# What every match of a reader contains: a text without it is not searched (the cheap test runs
# once per text; the readers' own patterns try every position).
_CN_HINT = re.compile("[一二三四五六七八九十]月")
_RANGE_SEPS = ("至", "到", "-", "—", "–", "~", "～")
_NOW_WORDS = tuple(_NOW_RELATIVE)


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """One search for any of ``words`` (a loop of ``in`` tests scans the text once per word)."""
    return re.compile("|".join(map(re.escape, words)))


_RANGE_SEP_RX, _NOW_RX, _REL_RX = _any_of(_RANGE_SEPS), _any_of(_NOW_WORDS), _any_of(_RELATIVE)
_REL_YEAR_RX = _any_of(("年前", *_YEAR_OFFSETS))
_NEEDLES: dict[re.Pattern[str], Callable[[str], bool]] = {
    _CN_FULL: lambda t: _CN_HINT.search(t) is not None, _CN_MONTH_ONLY: lambda t: _CN_HINT.search(t) is not None,
    _BRACKET_DAY: lambda t: "(" in t or "（" in t,
    _DAY_RANGE: lambda t: "日" in t and _RANGE_SEP_RX.search(t) is not None,
    _NOW: lambda t: _NOW_RX.search(t) is not None,
    _REL: lambda t: _REL_RX.search(t) is not None,
    _WEEKDAY: lambda t: "星期" in t or "周" in t or "週" in t or "礼拜" in t,
    _REL_YEAR: lambda t: _REL_YEAR_RX.search(t) is not None, _REL_YEAR_WORD: lambda t: _REL_YEAR_RX.search(t) is not None,
    _YEAR_ONLY: lambda t: "年" in t, _REL_MONTH: lambda t: "上月" in t or "下月" in t or "个月" in t, _ISO: lambda t: "-" in t or "/" in t or "." in t, _SLASH_DAY: lambda t: "/" in t,
    _FULL: lambda t: "月" in t, _MONTH: lambda t: "月" in t, _MONTH_ONLY: lambda t: "月" in t, _GLUED: lambda t: "日" in t, _DAY: lambda t: "日" in t,
}

# Readers every match of which holds a digit (consumed, not looked around): a text without one
# is not searched by them
_DIGIT = re.compile(r"\d")
_WITH_DIGITS = (_REL_YEAR_WORD, _FULL, _ISO, _MONTH, _SLASH_DAY, _BRACKET_DAY, _GLUED, _DAY_RANGE, _DAY, _MONTH_ONLY, _YEAR_ONLY)
# (paired once: a pattern's hash covers its compiled code, too dear to look up per text)
_CHECKED_READERS = tuple((rx, read, _NEEDLES.get(rx), rx in _WITH_DIGITS) for rx, read in _READERS)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date mentions in ``text[start:end]``, in text order, non-overlapping."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    seg = text[start:end]
    digits = _DIGIT.search(seg) is not None
    for rx, read, needed, with_digit in _CHECKED_READERS:
        if (with_digit and not digits) or (needed is not None and not needed(seg)):
            continue  # (a reader whose every match needs what the text lacks)
        for m in rx.finditer(text, start, end):
            if not all(m.end() <= a or m.start() >= b for a, b in taken):
                continue
            dm = read(m)
            if dm is not None:
                found.append(dm)
                taken.append((dm.start, dm.end))
    found.sort(key=lambda x: x.start)
    if "年" in seg:
        found = _counted_year_dates(text, found)
    if "年" in seg and _SAME_YEAR.search(seg):
        found = _same_year(text, start, end, found)
    return found


def _counted_year_dates(text: str, found: list[DateMention]) -> list[DateMention]:
    """明年1月3日, 去年12月3日至5日: a year counted from the page's right before a date read without it
    is that date's year (the month-day readers take the date, the year's reader the word alone)."""
    out: list[DateMention] = []
    for dm in found:
        prev = out[-1] if out else None
        if prev is not None and prev.year_offset is not None and prev.month is None and prev.day is None \
                and dm.year is None and dm.year_offset is None and dm.month is not None and dm.explicit \
                and not text[prev.end:dm.start].strip():
            out[-1] = replace(dm, start=prev.start, year_offset=prev.year_offset)
            continue
        out.append(dm)
    return out


# 同年10月, 次年3月5日: a month in the year just named (or the one after it)
_SAME_YEAR = re.compile(r"(?P<rel>同年|当年|次年|翌年|第二年)\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?")


def _same_year(text: str, start: int, end: int, found: list[DateMention]) -> list[DateMention]:
    out = list(found)
    for m in _SAME_YEAR.finditer(text, start, end):
        inner = [d for d in out if d.start < m.end() and m.start() < d.end]
        if any(d.year is not None or not (m.start() <= d.start and d.end <= m.end()) for d in inner):
            continue
        out = [d for d in out if d not in inner]  # (次年3月5日: the month-day read alone, now with its year)
        named = max((d for d in out if d.end <= m.start() and d.year is not None), key=lambda d: d.end, default=None)
        if named is None or named.year is None or not 1 <= int(m.group("m")) <= 12:
            continue
        y = named.year + (0 if m.group("rel") in ("同年", "当年") else 1)
        day = int(m.group("d")) if m.group("d") else None
        out.append(DateMention(m.start(), m.end(), y, int(m.group("m")), day))
    out.sort(key=lambda x: x.start)
    return out


YEAR = re.compile(rf"(?<![\d.])(?P<y>{_Y})(?:\s*(?:-|—|–|~|至|到)\s*(?P<y2>{_Y}))?\s*年")
"""Year mentions: ``2023年``, ``2016-2018年`` (range)."""


# 以来/至今 (or 起/开始) right after a date or year: the start of a period up to now, so a lower
# bound of the page's year and never an event's date (自2011年3月当选以来, 2015年起).
SINCE_AFTER = re.compile(r"[^，。；,;：:\n]{0,18}?(?:以来|至今)|\s*(?:月|日)?\s*(?:起|开始)(?![草来])")


def since_date(text: str, dm: DateMention) -> bool:
    """A date that starts a period up to now (自2022年2月以来, 2015年起): a bound, no date of the story."""
    return text[max(0, dm.start - 1):dm.start] in ("自", "从") or SINCE_AFTER.match(text, dm.end) is not None


def period_start(text: str, dm: DateMention) -> bool:
    """A day that opens a period up to the story (自7月29日后即未露面, 自3月5日以来): stricter than
    :func:`since_date`, which also takes the start of a range (从6月23日至25日) and a day things began (从11月11日起举行)."""
    return dm.end_day is None and text[max(0, dm.start - 1):dm.start] in ("自", "从") and \
        _PERIOD_FROM.match(text, dm.end) is not None


_PERIOD_FROM = re.compile(r"\s*(?:以来|至今|后|後)")
# A paper's dateline in brackets, (吉隆坡27日讯), （北京5日电）: the place of filing and the day
PAPER_DATELINE = re.compile(r"[（(][\u4e00-\u9fff]{2,8}?(?:\d{1,2}月)?\d{1,2}日(?:讯|电|訊|電|專電|专电)[)）]")
