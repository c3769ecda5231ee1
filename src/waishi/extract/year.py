"""The year a document was published, inferred from its text (GENRE.md 'Dates and years').

Evidence, each with a weight: explicit dates with a year, plain year mentions
(a range counts by its end when it looks back, by its start when it plans
ahead: 2016-2018年阶段总结 vs 2018-2020年阶段任务), phrases that name the
present year (在2024年到来之际), anniversaries counted from known founding
dates (越中建交76周年 -> 1950 + 76), lunar year names (丙午), party congress
numbers, and office holders (a name + title pair holds only in its years),
which act as a filter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from ..lexicon import Lexicon, series_year
from ..text.dates import SINCE_AFTER as _SINCE_AFTER
from ..text.sentences import find_all
from .events.words import TERM_BEGUN_RIGHT_AFTER
from .offices import short_country, title_fits
from .options import HOME
from .year_lexicon import (
    BRANCHES,
    STEMS,
    TITLE_ALONE,
    aims_at,
    anniversary_base,
    anniversary_mentions,
    body_automaton,
    held_together,
    is_target,
    lunar_year,
    ordinal,
    recent_trips,
    series_splits,
    split_series_name,
    tenure_year,
    visitor_automaton,
)
from .year_page_series import page_series
from .year_review import review_and_plan
from .year_solver import STRONG, Constraint, YearEvidence
from .year_terms import appointments, chair_turns, former_holder, incoming, is_former, sworn_in

__all__ = ["STRONG", "Constraint", "YearEvidence", "collect", "lunar_year"]

FULL_DATE_WEIGHT = 3.0
HISTORICAL_BEFORE = 2000  # office terms ended before this name figures of history, never date a page
_LUNAR = re.compile(f"([{STEMS}])([{BRANCHES}])(?:[鼠牛虎兔龙龍蛇马馬羊猴鸡雞狗猪豬])?(?:年|新春|春节)")
_NOW = re.compile(r"(?:在|值此|迎接|迎来|庆祝)?\s*((?:19|20)\d\d)\s*年\s*(?:到来之际|新年|新春|春节|元旦|来临之际|一开年|开年|伊始)")
_RANGE = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*(?:-|—|–|~|至|到|和|、)\s*((?:19|20)\d\d)\s*年?(.{0,8})")
_PAREN_RANGE = re.compile(r"[（(]\s*((?:19|20)\d\d)[^)）]{0,12}?[-—–~]\s*((?:19|20)\d\d)[^)）]{0,8}[)）]")
LEDE_DATE_WEIGHT = 2.0  # a day opening the lede (12 of 12 such days on the pages read give the year)
_BRACKET_DATELINE = re.compile(r"\s*[【\[（(][\u4e00-\u9fff]{0,8}")
LEDE_REACH = 400  # characters of the story's text in which its lede stands
_FULL = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_YEAR = re.compile(r"(?<![\d.\-—–~])((?:19|20)\d\d)\s*年(?!代)")
_FUTURE_BEFORE = ("到", "至", "截至", "展望", "面向", "迈向")
_FUTURE_AFTER = ("愿景", "远景", "目标", "以前", "之前", "规划", "计划", "战略")
# a period (2011-2019年期间) whose clause tells what was done in it (7次组团访问, 接待了, 达到): past, no plan
_TOLD_PERIOD = re.compile(r"\s*(?:期间|间|阶段|时期)")
_DONE = re.compile(r"[\d一二三四五六七八九十两几]+\s*次|了|共计|累计|总共")
_RETRO = re.compile(r"总结|以来|回顾|成果|成就|取得|实现了|完成了|期间[，,]")
_QUOTES = re.compile(r"[“”「」『』\"'‘’]")
_PLAN_WORDS = ("备忘录", "协议", "协定", "议定书", "合作", "阶段", "任期", "计划", "规划", "任务", "项目", "战略", "愿景", "目标", "行动", "方案", "期间", "时期", "年度")
# A year followed by its trade or investment figures; a part of a year or a forecast is not a
# whole past year (2023年前10个月, 2023年上半年, 2024年预计).
_STAT_AFTER = re.compile(r"[，,]?\s*(?:[\u4e00-\u9fff]{0,10}?)(?:双边贸易|贸易额|贸易总额|贸易金额|贸易总值|进出口|出口额|进口额|外国直接投资|投资额|吸引外资)")
_STAT_WORDS = re.compile(r"贸易|进出口|出口|进口|投资|营业额")
_AMOUNT_AFTER = re.compile(r"(?:全年)?(?:共有|达到|达|为|约|超过|近|将近|接近|逾){1,2}\s*约?\s*[\d.,]+\s*(?:亿|万)")  # (达近65亿)
_COUNTED_AFTER = re.compile(r"[^，。；]{0,6}?(?:游客|旅客|人次|访客)")
_FORECAST = re.compile(r"预计|有望|目标|力争|将|可望|估计")
_PART_YEAR = re.compile(r"\s*(?:前|头|上半年|下半年|第[一二三四]季度|\d{1,2}月|[一二三四五六七八九十]{1,2}月|1-|1至|以来|至今|初|底|年底|预计|有望|将|目标|力争)")
_FORMER = ("原", "前", "已故", "故", "老", "代理")  # (代理外长: acting, not the office's holder)
# 两国于1954年11月17日正式建交。经过67年…: the founding year plus the years gone by
_FOUNDED = re.compile(r"((?:19|20)\d\d)\s*年[^。；]{0,12}?(?:建交|建立外交关系|建立了外交关系)")
_YEARS_SINCE = re.compile(r"(?:经过|历经|走过)了?\s*(\d{1,3})\s*年|建交\s*(\d{1,3})\s*(?:周)?年(?:以)?来")
# Markers of time read in the clause around a year (one mechanism for all year mentions):
# 以来/至今 after it: a starting point, so only a lower bound (自2011年3月当选以来, 2015年起).
# a plan or target named after the year in the same noun phrase (2014年经济社会发展计划): the page
# is from before that year, or from its first months
_PLAN_AFTER = re.compile(r"[^，。；,;：:\n的]{0,10}?(?:计划|规划|预算|任务|目标|议程|愿景|展望)(?!投资部)")
# 为2019年…做好准备, 迎接2020年, 面向2030年: a year still to come
# (面向纪念越印建交45周年: the marker before a 纪念 of the anniversary, also inside the phrase read before the count)
_FOR_IN_KEY = re.compile(r"(?:迎接|筹备|面向|迈向)(?:纪念|庆祝)?")
_FOR_BEFORE = re.compile(r"(?:(?<![成认作称视定列])为\s*(?:在|于)?|迎接|筹备|面向|迈向|准备)\s*(?:纪念|庆祝)?\s*$")
# a proposal or a plan earlier in the sentence makes what follows it a plan (建议双方在…75周年之际…)
_PROPOSAL = re.compile(r"建议|提议|倡议|希望|期待|期望|同意|商定|一致认为|将|拟|计划|预计|即将|筹备")
_DOT_DATE = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])(?![\d])")
_NEW_TITLE = re.compile(r"新(?:任|当选的?|一届)?(?![加西几疆闻型兴])")
_PERIOD_START = re.compile(r"\s*(?:至|到|-|—|–|~|～)\s*(?:19|20)\d\d\s*年")
_POST_COVID = re.compile(r"疫情后|后疫情|疫情过后|疫情之后|疫情结束|恢复[^。]{0,30}疫情|疫情[^。]{0,8}中断")
_COVID = re.compile(r"新冠|COVID|疫情")
_COVID_NAMED = re.compile(r"新冠|COVID")
_HOPED = re.compile(r"(?:助力|帮助|协助|支持|尽早|早日|共同|携手|减少|为)[^，。；]{0,8}$")  # (助力缅甸战胜疫情: a hope)
_COVID_PAST = re.compile(r"(?:克服|战胜|走出|摆脱)[^，。；]{0,6}疫情|疫情(?:带来|造成)的(?:困难|挑战|影响)")
# A year in a clause about plans (将于2018年访问, 预计于2011年底举行) names a future year, not the page's.
_FUTURE_CTX = ("将", "预计", "计划", "拟", "即将", "下一次", "下一届", "下届", "届时", "邀请",
               "建议", "提议", "倡议", "希望", "争取", "力争")  # (a proposal or a hope looks ahead too)
_FIRST_TRIP = re.compile(r"首次(?:正式|国事|工作|官方)?(?:访问|出访|访)")
# 双方同意2025年在老挝举行…, 商定于2019年…: the time of an act agreed on, which is still to come (not
# 同意落实2019年签署的…, where the year is a past act's)
_AGREED_WHEN = re.compile(r"(?:同意|商定|约定)(?:于|在)?\s*$")
_ORDINAL = re.compile(r"第\s*(\d{1,3}|[一二三四五六七八九十百零〇两]{1,6})\s*(?:届|次)")
_PREPARING = re.compile(r"筹备|迎接|准备|面向|召开前|提交")  # (提交越共十三大审议的文件: to be laid before it)
# 截至2019年5月: figures as of a past month (the page is of that month or later), unless the clause
# plans (截至2025年底将完成…)
_AS_OF_BEFORE = ("截至", "截止", "截止到", "截至到")
_PLAN_IN_CLAUSE = re.compile(r"将|力争|争取|预计|计划|目标|有望|要|拟")
# 2019年前5月, 2019年上半年, 2019年第一季度, 2019年1-5月: part of a year's figures, reported in that year
_PART_OF_YEAR = re.compile(r"\s*(?:前\s*[\d一二三四五六七八九十两]{1,2}\s*(?:个)?月|头\s*[\d一二三四五六七八九十两]{1,2}\s*(?:个)?月|"
                           r"[上下]半年|第[一二三四1-4]季度|1\s*[-—至~]\s*\d{1,2}\s*月)")
# 双方于2011年6月所签署的备忘录: a date inside a relative clause (所 + verb + 的) names a past act the
# page refers to; the page is no older, and says nothing more of its year
_RELATIVE_AFTER = re.compile(r"[^，。；,;：:\n]{0,10}?所[\u4e00-\u9fff]{1,3}(?:一致|共识)?的")  # (所达成一致的)
# 于2017年签署的, 2015年建立的: a year inside a relative clause on an agreement or a relation made then
# 于1998年10月由两国倡议建立。2001年3月，论坛首届外长会议在某地举行: a body's founding or its first
# session, told as its history; the page is no older, and says nothing more of its own date
_HISTORY_AFTER = re.compile(r"[^。；;\n]{0,24}?(?:倡议)?(?:正式)?(?:成立|建立|建交|创立|创建|创办|首届|第一届)")
# 去年是…N周年, 明年将迎来…N周年: the anniversary's year told relative to the page's
_ATTENDS_BEFORE = re.compile(r"(?:出席|参加|参观|观看)(?:了)?(?:在[^，。；]{1,8}?举行的)?$")
_EDITION_AFTER = re.compile(r"[^，。；,;]{2,24}?(?:运动会|博览会|峰会|论坛|年会|大会|开幕式|闭幕式|世博会|会议)")
_YEAR_AND_THIS = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?:全年)?(?:和|及|与|以及)今年")
_REL_ANNIV = re.compile(r"(去年|前年|明年)[^，。；,;]{0,16}$")
_REL_SHIFT = {"去年": 1, "前年": 2, "明年": -1}
_PAST_AGREEMENT = re.compile(r"\s*(?:所)?(?:共同)?(?:签署|签订|建立|达成|通过|发表|批准|制定|成立)(?:了)?(?:一致|共识)?的")
# A leader's trip the lexicon dates: the story names a visit, opens with the visitor (its headline
# and lede, this many characters), and its day is within the trip, give or take the days a
# preview or a report is written before or after
_VISIT_WORD = re.compile(r"访问|访华|访越|访老|访柬|出访|到访|抵达|国事访问|正式访问|工作访问|出席")
_ABBREVIATED = re.compile(r"[访赴]([\u4e00-\u9fff])|对([\u4e00-\u9fff])(?=进行|开展)")  # 访华, 赴老, 对华进行
_TRIP_HEAD = 300
_TRIP_SLACK = timedelta(days=4)
# (正在对越南进行正式访问的NAME; 访问埃塞俄比亚期间，当地时间8月24日，NAME…: the trip's country before
# the visitor, in a relative clause or in an adverbial clause of the time of the trip)
_VISITING_REL = re.compile(r"(?:对([^，。；对]{2,8}?)进行[^，。；]{0,8}?访问|(?:访问|出访|到访)([^，。；的]{2,8}?)"
                           r"|在([^，。；在同与和]{2,8}?)(?:进行[^，。；]{0,6}?)?访问|[来访]([\u4e00-\u9fff])进行[^，。；]{0,8}?访问)"
                           r"(?:的[^，。；]{0,20}|期间[，,][^。；]{0,30})$")
# a visitor named by his visit, the host left implicit (到访的/来访的 + title + NAME)
_VISITOR_REL = re.compile(r"(?:到访|来访|前来访问|正在访问)的[^，。；的]{0,10}$")
_TRIP_DAYS = 14  # (a month-only row takes in every day: it dates nothing by a day alone)
_TRIP_REACH = 60  # the destination within this many characters after the visitor's name
_TRIP_WEIGHT = 3.0  # as a dated mention: below STRONG, so the office holders' window holds
_TOWARDS = ("对", "访问", "赴", "前往", "抵达", "到访", "出访")
# a body's lesser meeting named after it (东盟地区论坛高官会) keeps a numbering of its own
_SUB_MEETING = ("高官", "筹备", "预备", "工作组", "专家组", "附属")
# a figure a clause sets as a target for a year (将…提升至2020年的…, 力争…达到2025年的…)
_TARGET_BEFORE = re.compile(r"(?:提升|提高|增加|增长|扩大|达)(?:至|到)\s*$|实现\s*$")
_TARGET_CLAUSE = re.compile(r"将|力争|争取|目标|承诺|计划|希望|有望|预计")
# a purpose clause (以满足2022年…需求, 为了…, 旨在…) looks ahead
_PURPOSE_START = re.compile(r"\s*(?:以便|以期|以满足|以迎接|以实现|以完成|为了|旨在|力争|争取)")


def _bound_after(text: str, end: int) -> str | None:
    """What a full date is when the words after it make it a past act's, not the story's day: a
    relative clause's act, a founding or first session, or a term begun (于2022年11月24日出任首相后)."""
    if _RELATIVE_AFTER.match(text, end):
        return "a past act referred to"
    if _HISTORY_AFTER.match(text, end):
        return "a founding or first session"
    if TERM_BEGUN_RIGHT_AFTER.match(text, end):
        return "a term begun"
    return None


def _clause_end(text: str, pos: int) -> int:
    return min((j for j in (text.find(ch, pos) for ch in "，,。；;\n") if j >= 0), default=len(text))


def _future(text: str, pos: int) -> bool:
    """True when a plan word stands in the same clause within 10 characters before ``pos`` (24 when
    a quoted name opens right before it: 建议…举办“2022年…友好年”)."""
    window = text[max(0, pos - (24 if text[pos - 1:pos] in "“\"「" else 10)):pos]
    for ch in "，,。；;：:\n":
        window = window[window.rfind(ch) + 1:]
    if any(w in window for w in _FUTURE_CTX) or _AGREED_WHEN.search(window):
        return True
    clause_start = max(text.rfind(ch, 0, pos) for ch in "，,。；;：:\n") + 1
    if _PURPOSE_START.match(text, clause_start) and pos - clause_start <= 30:
        return True
    # 邀请X访问越南并出席2017年…: an invitation earlier in the sentence (not 应…邀请, which is the present trip)
    # (the window is wide: a Latin name in parentheses can stand between 应…邀请 and the year)
    sentence = text[max(0, pos - 200):pos]
    sentence = sentence[max(sentence.rfind("。"), sentence.rfind("\n")) + 1:]
    i = sentence.rfind("邀请")
    return i >= 0 and "应" not in sentence[max(0, i - 40):i]


def _since(text: str, end: int) -> bool:
    """True when the year or date ending at ``end`` opens a period up to now (以来, 至今, 起)."""
    return _SINCE_AFTER.match(text, end) is not None


def _sentence_future(text: str, pos: int) -> bool:
    """A proposal or plan verb earlier in the sentence (建议双方…在…周年之际): what it governs is to come."""
    start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos), pos - 80) + 1
    return _PROPOSAL.search(text, start, pos) is not None


def collect(lex: Lexicon, text: str, people: Sequence[tuple[str, Sequence[str]]] | None = None,
            today: date | None = None, weight: float = 1.0,
            origin: Callable[[int], int] | None = None, month_day: tuple[int, int] | None = None,
            home: str = HOME, day_only: int | None = None, filed_in: str | None = None) -> YearEvidence:
    """Year evidence found in ``text``; ``people`` are (name, titles) pairs read from it."""
    c = _Collector(lex, text, today, weight, origin, home)
    c.month_day = month_day
    c.filed_in = filed_in
    c.names = [n for n, _t in people or []]
    c.now_phrases()
    c.full_dates()
    c.dotted_dates()
    c.year_ranges()
    c.bare_years()
    c.point_summary()
    c.lunar_years()
    c.anniversaries()
    c.series_and_congresses()
    c.founding_and_pandemic()
    c.world_events()
    c.bodies()
    chair_turns(c)
    c.offices(people or [], month_day)
    incoming(c)
    c.known_trips(month_day, day_only)
    recent_trips(lex, text, c.ev, weight, month_day, lex.memo("visitors", lambda: visitor_automaton(lex)),
                 c._destinations)
    review_and_plan(text, c.ev, weight, month_day)
    page_series(text, c.ev, weight, _future)
    if today is not None:
        c.ev.cap = today.year
    return c.ev


class _Collector:
    """The passes of :func:`collect` over one text, each a kind of evidence; the mentions a pass
    reads are ``taken`` so that a later, looser pass does not read them again."""

    def __init__(self, lex: Lexicon, text: str, today: date | None, weight: float,
                 origin: Callable[[int], int] | None, home: str) -> None:
        self.lex, self.text, self.today, self.weight, self.origin, self.home = lex, text, today, weight, origin, home
        self.ev = YearEvidence()
        self.month_day: tuple[int, int] | None = None  # the story's month and day, when the page says
        self.filed_in: str | None = None  # the country of the dateline's city (越通社东京——)
        self.names: list[str] = []  # the persons the page names
        self.taken: list[tuple[int, int]] = []
        self.plain: list[int] = []
        self.future: list[int] = []
        self.dated: list[int] = []
        self.planned_days: list[int] = []  # (将于2022年10月30日访问: a day to come, the page's year or before)
        self.dated_at: dict[int, tuple[int, int] | None] = {}

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.taken)

    def at(self, span: tuple[int, int]) -> tuple[int, int] | None:
        return (self.origin(span[0]), self.origin(span[1])) if self.origin is not None else None

    def now_phrases(self) -> None:
        text, ev, weight = self.text, self.ev, self.weight
        for m in _NOW.finditer(text) if "年" in text else ():
            ev.add(int(m.group(1)), 5 * weight, "present-year phrase")
            self.taken.append(m.span())
        for m in _YEAR_AND_THIS.finditer(text) if "今年" in text else ():
            # 2016年和今年前9个月: a year named beside this year is the one before it
            ev.add(int(m.group(1)) + 1, 4 * weight, "a year beside this year", self.at(m.span()))
            self.taken.append(m.span())
        for m in _PAREN_RANGE.finditer(text) if "(" in text or "（" in text else ():
            y1, y2 = int(m.group(1)), int(m.group(2))
            if y2 - y1 >= 10:  # (1950-2026): an anniversary counted to the present; (将配合举办两国建交60周年
                # (1962年9月5日-2022年9月5日)…纪念活动: one still to come, the page no later)
                if (upcoming := _future(text, m.start()) or _sentence_future(text, m.start())):
                    ev.bound(None, y2, "upcoming anniversary range", self.at(m.span()))
                ev.add(y2, (0.5 if upcoming else 3) * weight, "anniversary range")
                self.taken.append(m.span())
            # (2017-2019), (2020-2021年): a plan's or a term's years, read as ranges below

    def full_dates(self) -> None:
        text, ev, at = self.text, self.ev, self.at
        if "年" not in text or "月" not in text:
            return
        for m in _FULL.finditer(text):
            if not self.free(*m.span()):
                continue
            before = text[max(0, m.start() - 3):m.start()].rstrip()
            y = int(m.group(1))
            if before.endswith(_AS_OF_BEFORE) and "月" in m.group():
                if not self._plans_after(m.end()) and not _future(text, m.start()):
                    self.taken.append(m.span())
                    ev.bound(y, None, "figures as of a date", at(m.span()))
                    self.dated.append(y)
                    self.dated_at.setdefault(y, at(m.span()))
                continue
            if any(before.endswith(w) for w in _FUTURE_BEFORE):
                continue
            self.taken.append(m.span())
            if _future(text, m.start()) and not _RELATIVE_AFTER.match(text, m.end()):
                # (将落实…访问(某年5月3日至6日)所达成的共识: a past act the plan refers to)
                if re.search(r"月\s*\d{1,2}\s*日", m.group()):
                    # 将于2025年3月25日访问: a day announced shortly before, in the same year
                    ev.bound(None, y, "a planned day", at(m.span()))
                    ev.add(y, 2.0 * self.weight, "a planned day", at(m.span()))
                    self.planned_days.append(y)
                else:
                    self.future.append(y)
            elif "摄" in text[m.end():m.end() + 3]:  # a photo's date in a caption credit
                pass
            elif _PERIOD_START.match(text, m.end()):
                # 从2020年9月至2023年5月: a period's start, not a day of the story
                self.plain.append(y)
            elif _since(text, m.end()):
                ev.bound(y, None, "since a date", at(m.span()))
            elif (why := _bound_after(text, m.end())) is not None:
                ev.bound(y, None, why, at(m.span()))
            else:
                self.dated.append(y)
                self.dated_at.setdefault(y, at(m.span()))
                if self._opens_lede(m.start(), m.end()):
                    ev.add(y, LEDE_DATE_WEIGHT * self.weight, "the lede opens with its day", at(m.span()))

    def _opens_lede(self, s: int, e: int) -> bool:
        """A day with its year that opens one of the story's first paragraphs, set off by a comma
        (2015年10月19日，某某在万象会见…): the day the story tells of."""
        text = self.text
        line = text.rfind("\n", 0, s) + 1
        if s >= LEDE_REACH or re.search(r"月\s*\d{1,2}\s*日$", text[s:e]) is None:
            return False
        # (【某某网2012年3月29日讯】: a dateline in brackets opening the lede)
        return (not text[line:s].strip() and text[e:e + 1] in "，,") or \
            (_BRACKET_DATELINE.fullmatch(text[line:s]) is not None and text[e:e + 1] in "讯电】")

    def _plans_after(self, end: int) -> bool:
        """A plan word later in the clause that starts at ``end``."""
        return _PLAN_IN_CLAUSE.search(self.text, end, min(_clause_end(self.text, end), end + 20)) is not None

    def dotted_dates(self) -> None:
        if "." not in self.text:
            return
        for m in _DOT_DATE.finditer(self.text):
            if self.free(*m.span()):
                self.dated.append(int(m.group(1)))  # 本周(2015.3.2-2015.3.8)要闻回顾: a dotted date range
                self.dated_at.setdefault(int(m.group(1)), self.at(m.span()))
                self.taken.append(m.span())

    def year_ranges(self) -> None:
        text = self.text
        for m in _RANGE.finditer(text):
            if not self.free(*m.span()):
                continue
            y1, y2, tail = int(m.group(1)), int(m.group(2)), m.group(3)
            if y2 < y1:
                continue
            span = (m.start(), m.end() - len(tail))
            self.taken.append(span)
            if any(w in text[max(0, m.start() - 10):m.start()] for w in ("将", "即将", "预计", "拟", "下一", "下届")):
                self.future.append(y1)  # 越南将担任…(2020-2021年): a term still to come
                continue
            head = text[max(0, m.start() - 6):m.start()]
            if _TOLD_PERIOD.match(tail) and _DONE.search(text, span[1], _clause_end(text, span[1])):
                self.plain.append(y2)  # 2011-2019年期间…7次组团访问…，接待了…: a period told as past
                continue
            if (any(w in tail for w in _PLAN_WORDS) or any(w in head for w in _PLAN_WORDS)) and y2 > y1:
                self.plain.append(y1)  # 2023~2027年合作备忘录, 合作计划(2017-2019): a plan from its first year
                # (or signed the year before it starts: what decides when the office holders exclude y1)
                self.ev.add(y1 - 1, 0.5 * self.weight, "a plan's year before its start", self.at(span))
            elif y2 - y1 > 1 and not _RETRO.search(tail + text[m.end():m.end() + 12]) and not \
                    _STAT_WORDS.search(text, m.end(), m.end() + 12):
                # 某国承诺在2016~2020年间提供…: a period the page stands somewhere in; only its start bounds it
                self.ev.bound(y1, None, "inside a period", self.at(span))
            else:
                self.plain.append(y2)

    def bare_years(self) -> None:
        text = self.text
        if "年" not in text:
            return
        for m in _YEAR.finditer(text):
            if not self.free(*m.span()):
                continue
            y = self._bare_year(m)
            if y is not None:
                self.plain.append(y)

    def _bare_year(self, m: re.Match[str]) -> int | None:
        """The year a bare ``N年`` stands for as a plain mention, or None when it is read otherwise
        (a plan, a bound, a target)."""
        text = self.text
        before = text[max(0, m.start() - 2):m.start()]
        after = text[m.end():m.end() + 3]
        if re.match(r"的\s*[\d.]+\s*(?:万|亿)", text[m.end():m.end() + 12]) and \
                _STAT_WORDS.search(text, max(0, m.start() - 30), m.start()) and not _future(text, m.start()):
            if _TARGET_BEFORE.search(text, max(0, m.start() - 5), m.start()) and \
                    _TARGET_CLAUSE.search(text, max(0, m.start() - 40, *(text.rfind(c, 0, m.start()) + 1 for c in "，,。；;")),
                                          m.start()):
                self.future.append(int(m.group(1)))  # 将贸易额提升至2020年的150亿美元: a target
                return None
            # 贸易额从2004年的500万美元增至2016年的8000万美元: a past year's figure
            return int(m.group(1)) + 1
        if text[max(0, m.start() - 4):m.start()].endswith("过去的"):  # 刚过去的2017年: the page is of the year after
            self.ev.bound(int(m.group(1)) + 1, None, "a year just past", self.at(m.span()))
            return int(m.group(1)) + 1
        if before.endswith(_AS_OF_BEFORE[:2]) and not self._plans_after(m.end()) and not _future(text, m.start()):
            # 截至2022年底: figures as of a year's end, the page no older than that year
            self.ev.bound(int(m.group(1)), None, "figures as of a year", self.at(m.span()))
            return None
        if any(before.endswith(w) for w in _FUTURE_BEFORE) or any(after.startswith(w) for w in _FUTURE_AFTER) \
                or self._within_year(m):
            return None
        if after.startswith("前") and not re.match(r"前\s*[\d一二三四五六七八九十几两]", after):
            if aims_at(text, m.end()):  # (在2020年前将贸易额提升至100亿美元的目标: set before it)
                self.ev.bound(None, int(m.group(1)) - 1, "a target set for a year", self.at(m.span()))
            return None  # 2020年前 (before 2020) is a target; 2016年前9月 is a period
        if _future(text, m.start()) or _PLAN_AFTER.match(text, m.end()) or \
                _FOR_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            self.future.append(int(m.group(1)))
            return None
        if is_target(text, m.start(), m.end()):  # (为实现2020年…的目标: the page is before it, by years maybe)
            self.ev.bound(None, int(m.group(1)) - 1, "a target set for a year", self.at(m.span()))
            return None
        if _since(text, m.end()):
            if before.endswith(("自", "从")) and _sentence_future(text, m.start()):
                self.future.append(int(m.group(1)))  # (双方同意…，自2023年起恢复…: a plan from that year on)
                return None
            self.ev.bound(int(m.group(1)), None, "since a year", self.at(m.span()))
            return None
        if _PAST_AGREEMENT.match(text, m.end()):
            # 两国于2017年签署的《…共同愿景》: the year of an agreement the page refers to, no date of it
            self.ev.bound(int(m.group(1)), None, "a past agreement referred to", self.at(m.span()))
            return None
        y = int(m.group(1))
        if self._year_now(m, y):
            return y
        amount = _AMOUNT_AFTER.match(text, m.end())
        stat = _STAT_AFTER.match(text, m.end()) or (amount and (
            _STAT_WORDS.search(text, max(0, m.start() - 40, text.rfind("。", 0, m.start())), m.start())
            or _COUNTED_AFTER.match(text, amount.end())))  # (2018年共有约30万外国游客: a year's count)
        if stat and not _PART_YEAR.match(text, m.end()) and not _FORECAST.search(text, m.end(), m.end() + 14):
            # a whole year's figures (2018年双边贸易额达…) are reported the year after
            y += 1
        return y

    def _year_now(self, m: re.Match[str], y: int) -> bool:
        """A bare year that is the page's own: the year's edition of a gathering attended (参加2023年成都
        世界大学生运动会开幕式), or the year's figures so far (2019年前5月双边贸易额达…)."""
        text = self.text
        if _ATTENDS_BEFORE.search(text, max(0, m.start() - 4), m.start()) and _EDITION_AFTER.match(text, m.end()):
            self.ev.add(y, 3.0 * self.weight, "an edition attended", self.at(m.span()))
            return True
        if _PART_OF_YEAR.match(text, m.end()) and not _FORECAST.search(text, m.end(), m.end() + 14) and \
                _STAT_WORDS.search(text, max(0, m.start() - 20), m.end() + 24):
            self.ev.bound(y, None, "part of a year's figures", self.at(m.span()))
            self.ev.add(y, 2.0 * self.weight, "part of a year's figures", self.at(m.span()))
            return True
        return False

    def _within_year(self, m: re.Match[str]) -> bool:
        """承诺在2021年内交付, 邀请…出席在2019年内举行的…: a plan within the year, made in that year."""
        text = self.text
        if not (text.startswith("内", m.end()) and text[max(0, m.start() - 2):m.start()].endswith(("在", "于")) and (
                _future(text, m.start()) or _sentence_future(text, m.start()) or
                "承诺" in text[max(0, m.start() - 12):m.start()])):
            return False
        self.ev.bound(None, int(m.group(1)), "a plan within a year", self.at(m.span()))
        self.ev.add(int(m.group(1)), 2.0 * self.weight, "a plan within a year", self.at(m.span()))
        return True

    def point_summary(self) -> None:
        ev, weight, dated, future = self.ev, self.weight, self.dated, self.future
        if dated:
            # full dates with a year are mostly history (建交, past visits); the story is no older
            # than the latest of them, which counts; the others count little
            later = [y for y in self.plain if y > max(dated) and (self.today is None or y <= self.today.year)]
            ev.add(max(dated), (1.0 if later else FULL_DATE_WEIGHT) * weight, "dated", self.dated_at.get(max(dated)))
            for y in set(dated) - {max(dated)}:
                ev.add(y, 0.5 * weight, "dated (earlier)")
        plain = self.plain
        if future:
            # a plan for year Y is mostly written the year before (下一次会议预计于2011年底举行)
            # the page is older than its plans and no older than the past years it names
            planned = min(future) - 1
            ev.add(planned, (2.0 if not plain or max(plain) <= planned else 1.0) * weight, "planned year - 1")
            # plans for later in the same year are announced too (将出席2024年APEC会议 in 2024)
            ev.add(planned + 1, 0.5 * weight, "planned year")
        if self.today is not None:
            plain = [y for y in plain if y <= self.today.year]  # 2030年议程: a name or a target, not a date
        if plain:
            # a review names last year often and this year once: the latest year mentioned counts
            ev.add(max(plain), 1.5 * weight, "latest year mentioned")

    def lunar_years(self) -> None:
        for m in _LUNAR.finditer(self.text):
            ly = lunar_year(m.group(1), m.group(2), around=self.today.year if self.today else 2015)
            if ly:
                self.ev.add(ly, 4 * self.weight, "lunar year")

    def anniversaries(self) -> None:
        text, ev, at, weight = self.text, self.ev, self.at, self.weight
        for m in anniversary_mentions(text):
            n = int(m.group(2))
            founded = anniversary_base(self.lex, text, m.start(), m.group(1), self.home)
            if not founded:
                continue
            y = founded + n
            k = m.start(2)  # the count: what stands before it in the sentence governs it
            rel = _REL_ANNIV.search(text, max(0, m.start() - 14), m.start(2))
            if rel:
                # 去年是两国建交60周年: the anniversary fell a year before the page (明年: falls a year after)
                ev.add(y + _REL_SHIFT[rel.group(1)], 4 * weight, "anniversary of a year named relative", at(m.span()))
                continue
            if _future(text, k) or _sentence_future(text, k) or _FOR_BEFORE.search(text, max(0, m.start() - 6), m.start()) \
                    or _FOR_IN_KEY.search(m.group(1)):
                # 将迎来建交50周年, 建议双方在建交75周年之际…: the anniversary is still to come
                ev.bound(None, y, "upcoming anniversary", at(m.span()))
                ev.add(y, 0.5 * weight, "upcoming anniversary", at(m.span()))
            else:
                # (an anniversary before the page's latest full date is one the story has passed)
                past = y < max(self.dated + self.planned_days, default=y)
                ev.add(y, (1 if past else 4) * weight, "anniversary", at(m.span()))

    def series_and_congresses(self) -> None:
        self.series()
        self.congresses()

    def series(self) -> None:
        text, ev, lex = self.text, self.ev, self.lex
        if lex.series:
            names = lex.memo("series_names", lambda: sorted(lex.series, key=len, reverse=True))
            for m in _ORDINAL.finditer(text):
                rest = text[m.end():m.end() + 20]
                # (the longest name the rest starts with: one set look-up per length, not a test per name)
                name = next((rest[:k] for k in range(len(rest), -1, -1) if rest[:k] in lex.series), None)
                if name is None and _QUOTES.search(rest):
                    # 第3届「一带一路」高峰论坛: the name quoted otherwise than the lexicon writes it
                    bare, unquoted = _QUOTES.sub("", rest), lex.memo("series_unquoted", lambda: {
                        _QUOTES.sub("", n): n for n in sorted(lex.series, key=len)})
                    name = next((unquoted[bare[:k]] for k in range(len(bare), 1, -1) if bare[:k] in unquoted), None)
                if name and rest.startswith(_SUB_MEETING, len(name)):
                    continue  # 第十三届东盟地区论坛高官会: another meeting, numbered on its own
                start = m.start()
                if name is None:
                    # the number inside the name (湄公河-澜沧江合作第三次领导人会议): the name's head
                    # before it, its rest after
                    found = split_series_name(text, m, lex.memo("series_splits", lambda: series_splits(names)))
                    if found is not None:
                        name, start = found
                num = ordinal(m.group(1))
                if name and num:
                    sy = series_year(lex.series[name], num)
                    if sy and not _future(text, m.start()):
                        ev.add(sy, 4 * self.weight, f"series {name}")
                    elif sy:
                        # a session still to come (将出席第四次…峰会): the page is no later, mostly its year
                        ev.bound(None, sy, f"upcoming series {name}", self.at((start, m.end())))
                        ev.add(sy, 1.5 * self.weight, f"upcoming series {name}")
            # 越老政府间合作委员会第47次会议: the number written after the name
            # (one search for all the names: a text naming none, most, skips the loop)
            for name in (n for n in names if n in text) if lex.names_any("series", lambda: names, text) else ():
                for m in re.finditer(re.escape(name) + r"\s*" + _ORDINAL.pattern + r"\s*(?:会议|会晤|峰会|大会|会)", text):
                    num = ordinal(m.group(1))
                    sy = series_year(lex.series[name], num) if num else None
                    if sy and not (_future(text, m.start()) or _sentence_future(text, m.start())):
                        ev.add(sy, 4 * self.weight, f"series {name}")
                    elif sy:  # (将出席越老政府间联合委员会第40次会议: as above, a session still to come)
                        ev.bound(None, sy, f"upcoming series {name}", self.at(m.span()))
                        ev.add(sy, 1.5 * self.weight, f"upcoming series {name}")

    def congresses(self) -> None:
        text, ev, lex = self.text, self.ev, self.lex
        if not lex.names_any("congress_forms", lambda: {f for c in lex.congresses for f in c.forms if len(f) >= 3}, text):
            return
        for c in lex.congresses:
            form = next((f for f in c.forms if len(f) >= 3 and f in text), None)
            if form is None or c.opened is None:
                continue
            i = text.find(form)
            ctx = text[i:i + len(form) + 12]
            if _PREPARING.search(text, max(0, i - 8), i) or re.match(r"(?:做|作)?(?:准备|筹备)", text[i + len(form):i + len(form) + 3]):
                # 支持越方筹备好越共十四大, 迎接…: a congress being prepared is still to come, for years
                ev.bound(None, c.opened.year, f"congress {form} prepared")
            elif any(w in ctx for w in ("召开", "闭幕", "成果", "胜利", "成功", "以来", "决议", "之后", "后", "情况", "精神",
                                        "主要内容", "确立的", "确定的", "提出的", "通过的")) and "草案" not in ctx:
                # (十四大确立的发展愿景: what it set, so it has been held)
                # (介绍…大会情况, 学习…大会精神: its outcome told, so it has been held)
                ev.bound(c.opened.year, None, f"congress {form}")
            else:
                ev.bound(c.opened.year - 1, None, f"congress {form}")
                if "\n" not in text[:i]:
                    # (a headline tagged 越共十三大：…: the congress is the news of its year)
                    ev.add(c.opened.year, 1.5 * self.weight, f"congress {form} in the headline", self.at((i, i + len(form))))

    def founding_and_pandemic(self) -> None:
        text, ev, bases = self.text, self.ev, {int(m.group(1)) for m in _FOUNDED.finditer(self.text)}
        for m in _YEARS_SINCE.finditer(text):  # (两国建交45年来, no founding year written: the lexicon's)
            base = next(iter(bases)) if len(bases) == 1 else \
                anniversary_base(self.lex, text, m.start(), "建交", self.home) if m.group(2) else None
            if base:
                ev.add(base + int(m.group(1) or m.group(2)), 4 * self.weight, "years since founding")
                break
        covid, unscored = _COVID.search(text), not ev.scores
        if covid and unscored:
            # supplies and masks were 2020's news, vaccines 2021's; a page looking back on the
            # pandemic (克服疫情带来的困难) is of some later year, which it does not tell
            if not any(not _HOPED.search(text, max(0, m.start() - 10), m.start()) for m in _COVID_PAST.finditer(text)):
                post = _POST_COVID.search(text) is not None
                ev.add(2022 if post else 2021 if "疫苗" in text else 2020, 0.5 * self.weight, "pandemic")
        if covid and (unscored or _COVID_NAMED.search(text)):  # (新冠 is named from 2020 on; later pages look back on it)
            ev.bound(2020, None, "pandemic")

    def world_events(self) -> None:
        """Events whose date is public knowledge (world_events.tsv): the page is no older than any
        it names; one it reports, outside a plan, counts a little for its year."""
        text, ev = self.text, self.ev
        if not self.lex.names_any("world_events", lambda: self.lex.world_events, text):
            return
        for pattern, (year, use) in self.lex.world_events.items():
            i = text.find(pattern)
            if i < 0:
                continue
            ev.bound(year, None, f"after {pattern}", self.at((i, i + len(pattern))))
            if use == "point" and not _future(text, i) and not _sentence_future(text, i):
                ev.add(year, 1.0 * self.weight, f"world event {pattern}", self.at((i, i + len(pattern))))

    def bodies(self) -> None:
        """A body named as it is called only from a month on (越共中央宣教与民运部, from 2025-02)
        dates the page no earlier; one named as it was called only until a month (计划投资部, merged
        in 2025) no later, unless named as a former one (原…) or only in sentences of dated past."""
        if not self.lex.bodies:
            return
        names, auto = self.lex.memo("bodies", lambda: body_automaton(self.lex))
        text, seen = self.text, set()
        for k, i, j in auto.find_matches_as_indexes(text, overlapping=False):
            name = names[k]
            if name in seen:
                continue
            seen.add(name)
            lo, hi = self.lex.bodies[name]
            span = self.at((i, j))
            # (to the month: a story of October naming a body renamed in January of a year is of
            # the year before; one of March naming a body founded in May, of the year after)
            md = self.month_day
            if lo is not None:
                ev_lo = lo.year + (1 if md is not None and md[0] < lo.month else 0)
                self.ev.bound(ev_lo, None, f"{name} exists since {lo.isoformat()[:7]}", span)
            if hi is not None and not text.endswith(_FORMER, 0, i) and not _only_in_dated_sentences(text, name):
                ev_hi = hi.year - (1 if md is not None and md[0] > hi.month else 0)
                self.ev.bound(None, ev_hi, f"{name} exists until {hi.isoformat()[:7]}", span)

    def offices(self, people: Sequence[tuple[str, Sequence[str]]], month_day: tuple[int, int] | None) -> None:
        terms: list[tuple[int | None, int | None, str]] = []
        present: list[tuple[set[int], str]] = []
        sworn: set[str] = set()
        for name, titles in people:
            offices = self.lex.offices_for(name)
            appointments(self, name, offices)
            titles = [*titles, *(short_country(self.lex, t) for t in titles)]
            # a former holder's title (原国家主席, 已故总书记) bounds the page by his term's end and dates
            # nothing else, nor does a historical figure's (胡志明主席 is named on pages of every year)
            former_holder(self, name, titles, offices, month_day)
            current = [t for t in titles if not is_former(t)]  # (老挝总理: Laos, no 老 of an old holder)
            current += [u for t in current if (u := _NEW_TITLE.sub("", t, count=1)) != t]  # (菲律宾新任外长)
            fits = [o for o in offices if any(title_fits(t, o.forms) for t in current)
                    and not (o.end and o.end.year < HISTORICAL_BEFORE)]
            if not fits:
                continue
            sworn_in(self, name, fits, sworn)
            if (ty := tenure_year(self.text, name, [o.start for o in fits if o.start])) is not None:
                self.ev.add(ty, 4 * self.weight, f"tenure of {name}")
            lo = min(o.start.year for o in fits if o.start) if any(o.start for o in fits) else None
            his = [o.end.year if o.end else None for o in fits]
            hi = None if None in his else max(h for h in his if h is not None)
            terms.append((lo, hi, name))
            if not _only_in_dated_sentences(self.text, name):
                present.append((held_together(current, fits, self.today, month_day), name))
            new = [o for o in fits if o.start and any(_NEW_TITLE.search(t) and (
                title_fits(t, o.forms) or title_fits(_NEW_TITLE.sub("", t, count=1), o.forms)) for t in current)]
            if new:
                # 澳大利亚新总理NAME: the page is of the first year of the term, on or after its first day
                # (新任驻越大使 met on 3月19日, a term begun in October: the next year's March)
                first = max(o.start for o in new if o.start)
                y = first.year + (1 if month_day and _before_in_year(month_day, first) else 0)
                self.ev.add(y, 4 * self.weight, f"new in office {name}")
        if present:
            # every holder named with his title in a sentence of the story (not one dated to another
            # year) was in office at once: their terms intersect
            common = set.intersection(*(ys for ys, _n in present))
            if common:
                self.ev.bound(min(common), max(common), "offices held at once " + ",".join(n for _ys, n in present))
        if terms:
            # every holder named with his title was in office by the page's date (the latest start
            # bounds it below), but a title can be a past one (2008年农德孟总书记访问…): only the
            # latest end bounds it above
            los = [lo for lo, _hi, _n in terms if lo is not None]
            his_ = [hi for _lo, hi, _n in terms]
            self.ev.bound(max(los) if los else None, None if None in his_ else max(h for h in his_ if h is not None),
                          "offices " + ",".join(n for _lo, _hi, n in terms))

    def known_trips(self, month_day: tuple[int, int] | None, day_only: int | None = None) -> None:
        """A trip the lexicon dates (visits_*.tsv): the story opens with the visitor going to the
        host country (NAME…对/访问/赴 + the country, or 访华 style), and its own month-day falls
        within one known trip: that trip's year. Several trips that fit share the weight, and the
        other evidence picks; it never overrides the office holders' window."""
        text, lex = self.text, self.lex
        if not lex.visits or (month_day is None and day_only is None):
            return
        head = text[:_TRIP_HEAD]
        names, auto, by_key = lex.memo("visitors", lambda: visitor_automaton(lex))
        found: dict[str, list[int]] = {}
        for k, i, _j in auto.find_matches_as_indexes(head, overlapping=True):
            if names[k] in lex.visits or (TITLE_ALONE.match(head, _j) and not any(h in text for h in by_key[names[k]])
                                          and not any(head.endswith(n, 0, i) for n in self.names)):
                # (a title only when its holder goes unnamed: not NAME副总理与…, a title after a name)
                found.setdefault(names[k], []).append(i)
        fits: dict[int, str] = {}
        for name, starts in found.items():
            trips = [v for n in by_key[name] for v in lex.visits[n]]
            goes = self._goes(head, name, starts, {v.visitor_iso3 for v in trips})
            if not goes:
                continue
            for v in trips:
                if v.host_iso3 not in goes:
                    continue
                if month_day is None:
                    # only a day: a trip (with its slack) that takes in a day of that number
                    days = (v.start - _TRIP_SLACK + timedelta(days=k)
                            for k in range((v.end - v.start + 2 * _TRIP_SLACK).days + 1))
                    if (v.end - v.start).days <= _TRIP_DAYS and any(d.day == day_only for d in days):
                        fits[v.start.year] = name
                    continue
                for y in range(v.start.year, v.end.year + 1):
                    try:
                        d = date(y, *month_day)
                    except ValueError:
                        continue
                    if v.start - _TRIP_SLACK <= d <= v.end + _TRIP_SLACK:
                        fits[y] = name
        lo, hi = self.ev.window()
        inside = {y: n for y, n in fits.items() if (lo is None or y >= lo) and (hi is None or y <= hi)}
        fits = inside or fits  # (trips outside the office holders' window share nothing with those inside)
        if len(fits) > 1 and _FIRST_TRIP.search(text, 0, _TRIP_HEAD):
            fits = {min(fits): fits[min(fits)]}  # (NAME…对越南进行的首次访问: the first of the trips that fit)
        for y, name in fits.items():
            later = 1.5 if self.dated and y > max(self.dated) else 0.0  # (the page's full dates are history)
            self.ev.add(y, (_TRIP_WEIGHT + later) * self.weight / len(fits), f"known trip {name}")

    def _goes(self, head: str, name: str, starts: list[int], own: set[str]) -> set[str]:
        """The countries the visitor goes to, as the page's head tells it."""
        goes = {iso for i in starts for iso in self._destinations(head, i + len(name)) | self._visiting_before(head, i)}
        goes -= own  # (NAME…对越南和越日关系…表示感谢: no trip to his own country)
        if not goes and any(_VISITOR_REL.search(head, max(0, i - 14), i) for i in starts):
            # 与到访的印度总理NAME会谈: the host is the other country the story names
            goes = {iso for n, _a, _b in self.lex.find("gazetteer", head) if (iso := self.lex.country_of(n))} - own
        if not goes:  # (NAME13日在万象同…会谈: a city of another country he is in)
            goes = {iso for i in starts for iso in self._destinations(head, i + len(name), at=True)} - own
        if not goes and self.filed_in and self.filed_in not in own:
            goes = {self.filed_in}  # (越通社东京——…NAME会见…: filed from the city of another country he is in)
        return goes

    def _visiting_before(self, head: str, pos: int) -> set[str]:
        """The country of a relative clause before the visitor (正在对越南进行正式访问的新加坡总理NAME)."""
        m = _VISITING_REL.search(head, max(0, pos - _TRIP_REACH), pos)
        if m is None:
            return set()
        if m.group(4):  # 来华进行正式访问的NAME: a one-character abbreviation
            return set(self.lex.abbrs.get(m.group(4), ())) if len(self.lex.abbrs.get(m.group(4), ())) == 1 else set()
        place = m.group(1) or m.group(2) or m.group(3)
        return {iso for n, _a, _b in self.lex.find("gazetteer", place) if (iso := self.lex.country_of(n))}

    def _destinations(self, head: str, pos: int, at: bool = False) -> set[str]:
        """Countries the sentence from ``pos`` on names as a destination (对老挝进行…, 访问老挝, 赴老挝,
        访老)."""
        end = min([j for j in (head.find(c, pos) for c in "。\n") if j >= 0] + [len(head)])
        seg = head[pos:min(end, pos + _TRIP_REACH)]
        out: set[str] = set()
        for n, a, _b in self.lex.find("gazetteer", seg):
            iso = self.lex.country_of(n)
            if iso and seg[max(0, a - 3):a].endswith(_TOWARDS + (("在",) if at else ())):
                out.add(iso)
        for m in _ABBREVIATED.finditer(seg):
            out.update(self.lex.abbrs.get(m.group(1) or m.group(2), ()))
        return out


def _before_in_year(month_day: tuple[int, int], day: date) -> bool:
    """The month-day falls before ``day`` in ``day``'s year."""
    return month_day < (day.month, day.day)


def _only_in_dated_sentences(text: str, name: str) -> bool:
    """True when every sentence naming ``name`` carries an explicit year: a past event
    (2008年农德孟总书记访问…), where the title is the one of its time, not of the page's."""
    found = False
    for i in find_all(text, name):
        found = True
        lo = max(text.rfind("。", 0, i), text.rfind("\n", 0, i)) + 1
        hi = min(j for j in (text.find("。", i), text.find("\n", i), len(text)) if j >= 0)
        if not _YEAR.search(text, lo, hi):
            return False
    return found
