"""Figures: trade, investment, aid and counts of relations.

The metric is read from the words just before the figure (same clause, else the
sentence): 进出口 -> trade_total, 顺差 -> trade_surplus, 外资 ... 到位 ->
fdi_disbursed, 外资 -> fdi_registered, 援助 -> aid, 投资/引进 -> investment.
Growth is the first ``增长 N%`` after the figure and before the next one; the
period is the nearest year phrase before it in the sentence, else in the
paragraph so far (``2016和2017年`` -> 2016-2017, ``2023年初至今`` -> 2023-YEAR).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..model import Fact, Mention, Span
from ..text import numbers
from .options import HOME

# Ordered: the first rule whose keyword appears in the window wins.
_METRICS: list[tuple[str, tuple[str, ...]]] = [
    ("trade_surplus", ("顺差",)),
    ("trade_surplus", ("逆差",)),
    ("fdi_disbursed", ("实际到位", "到位资金", "到位", "实际投入", "实际利用", "已落实")),
    ("trade_total", ("进出口", "贸易额", "贸易总额", "双边贸易", "贸易往来", "贸易额达", "贸易")),
    ("export", ("出口",)),
    ("import", ("进口",)),
    ("fdi_registered", ("外资", "外国直接投资", "FDI", "直接投资", "外国投资", "注册资本", "注册资金", "注册总额", "注册总资本", "对越投资",
                        "对越南投资", "在越投资", "在越南投资")),
    ("aid", ("援助", "捐赠", "资助", "赠送", "捐款", "无偿", "贷款", "援建", "ODA", "发展援助", "捐助", "转交", "援款", "物资")),
    ("investment", ("投资", "引进", "引资", "注资")),
]
_FDI_CONTEXT = re.compile(r"注册资本|注册资金|注册资|直接投资|外国直接投资|FDI|外资|投资来源国|投资项目|对越南?投资|在越南?投资")
_GROWTH = re.compile(r"(增长|增加|提高|上升|增幅为?|同比增长|下降|减少|降低)了?\s*(?:约|近)?\s*$")
_YEARS = re.compile(
    r"(?P<a>(?:19|20)\d\d)\s*(?:年)?(?:\s*\d{1,2}\s*月(?:份)?)?\s*(?P<sep>-|—|–|~|～|至|到|和|、)\s*"
    r"(?P<b>(?:19|20)\d\d)\s*(?:学|财政|年度)?年?(?!\d)"
    r"|(?P<c>(?:19|20)\d\d)\s*年\s*(?P<since>初至今|以来|至今)?"
    r"|(?P<rel>今年|本年|去年|上年)(?P<same>同期)?"
)
_REL_OFFSET = {"今年": 0, "本年": 0, "去年": -1, "上年": -1}
# a span of months with no year before it (1月至8月, 1-8月, 前8个月): the document's year so far
_MONTH_SPAN = re.compile(r"(?<![\d年])\d{1,2}\s*月?\s*(?:至|到|-|—|–|~|～)\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*日)|(?<![\d年])前\s*\d{1,2}\s*个?月")
# the thing a sum is, named after it (提供10万美元的援助, 5万美元捐款)
_METRIC_AFTER = re.compile(r"\s*(?:的)?\s*(援助|援款|捐款|捐助|无偿援助|贷款|赠款|发展援助)")
_COMPARE_BEFORE = ("较", "比", "与", "同")
# a sum followed by its dollar equivalent in brackets: 2.1万亿日元(约合210亿美元)
_EQUIVALENT = re.compile(r"\s*[（(]\s*(?:合约|约合|折合|合|约|相当于)[^)）]{0,16}?美元\s*[)）]")
_COUNTED = re.compile(r"[^，,。；;：:、\s“”()（）的在与和及是为有了等]{1,8}")
_COUNT_NOUN_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,8})\s*$")
_AID_VERB = re.compile(r"(援助|捐赠|赠送|移交|捐助)了?[^，。；]{0,6}$")
# A counted noun ends where a verb phrase begins: 193个国家|建立外交关系.
# Things a partner gives, counted: scholarships, supplies, vaccines, boats.
_GRANTED = ("奖学金", "名额", "物资", "援助物资", "疫苗", "口罩", "巡逻艇", "救护车", "设备", "套", "批")
# who invests where: A(企业)对/在B(的)投资
_DIRECTION = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,6}?)(?:企业|公司|投资者)?(?:对|在)(?P<b>[\u4e00-\u9fff]{1,8}?)(?:的)?投资")
# a vote's tally (500名代表中，480名投了赞成票) counts no relation
_VOTE = re.compile(r"赞成票|反对票|投票|表决|弃权")
_GOODS = frozenset(numbers.GOODS_CLASSIFIERS.split("|"))
_QUANTITY = re.compile(rf"\d[\d.,]*\s*(?:万|千|百)?\s*(?:{numbers.GOODS_CLASSIFIERS}|个|张|只|瓶|套|件|吨|剂)")
_GIVE = re.compile(r"提供|援助|捐赠|赠送|移交|资助|捐助|援建")
_IMPLEMENTED = re.compile(r"落实|遵守|执行|实施|履行")
# 150多名代表等一同出席, 约500家企业代表参加的论坛: who attends a gathering, counted
_ATTENDED = re.compile(r"[^，。；,;]{0,24}?(?:代表|嘉宾|领导|官员)[^，。；,;]{0,6}?(?:一同|共同|等)?(?:出席|参加)")
# 向X提供了价值约N万美元的设备, N万美元的现金: a sum given to someone is aid
_GIVEN_TO = re.compile(r"向[^，。；,;]{1,12}?(?:提供|捐赠|赠送|援助|移交|转交)了?[^。；;]{0,30}$")
_COUNT_VERB = re.compile(r"建立|建交|签署|签订|开展|实施|参加|出席|参与|达成|举行|举办|派出|访问|进行|保持|设立|开设|提供|捐赠|援助")
# the largest sum a page of this genre states in each currency (world output is about 1e14 USD)
_PLAUSIBLE = {"USD": 1e13, "EUR": 1e13, "CNY": 1e14, "JPY": 1e15, "VND": 1e17}
_COUNT_SKIP = ("分钟", "小时", "天", "周", "年", "岁", "倍", "公里", "米", "吨", "平方", "席位", "席")


def _metric(window: str) -> str | None:
    best: tuple[int, str] | None = None
    for metric, keys in _METRICS:
        for k in keys:
            i = window.rfind(k)
            if i >= 0:
                # the closest keyword to the figure wins; earlier rules break ties
                if best is None or i + len(k) > best[0]:
                    best = (i + len(k), metric)
                break
    return best[1] if best else None


def period_before(text: str, start: int, pos: int, doc_year: int | None) -> tuple[str | None, int]:
    """(period, position) of the nearest year phrase in ``text[start:pos]``; a span of months with no
    year (1月至8月, 前8个月) is the document's year so far. A negative position marks a comparison's
    base (去年同期): the figure after it is of that year, the sentence's context is not."""
    found: tuple[str | None, int] = (None, -1)
    if doc_year:
        for m in _MONTH_SPAN.finditer(text, start, pos):
            found = (str(doc_year), m.start())
    for m in _YEARS.finditer(text, start, pos):
        if m.start() < found[1]:
            continue
        pre = text[max(start, m.start() - 1):m.start()]
        if pre in _COMPARE_BEFORE:
            continue
        if m.group("rel"):
            # 今年/去年: the document's year, or the one before
            if doc_year:
                found = (str(doc_year + _REL_OFFSET[m.group("rel")]), -1 - m.start() if m.group("same") else m.start())
            continue
        if m.group("a"):
            a, b = int(m.group("a")), int(m.group("b"))
            if b < a:
                continue
            tail = text[m.end():m.end() + 2]
            if tail.startswith("阶段") and pre == "":
                pass
            found = (f"{a}-{b}" if a != b else str(a), m.start())
        else:
            y = int(m.group("c"))
            if m.group("since") and doc_year and doc_year > y:
                found = (f"{y}-{doc_year}", m.start())
            else:
                found = (str(y), m.start())
    return found


_DIGIT = re.compile(r"\d")


class FactFinder:
    def __init__(self, lex: Lexicon, text: str, entities: list[Mention], doc_year: int | None,
                 home: str = HOME) -> None:
        self.lex = lex
        self.home = home
        self.text = text
        self.entities = entities
        self.year = doc_year

    def _period(self, s: int, a: int, context: str | None) -> tuple[str | None, str | None]:
        """(the figure's period, the context for the figures after it)."""
        per, at = period_before(self.text, s, a, self.year)
        if per is None:
            return context, context
        # (not 超过去年同期的N: a comparison's base dates its own figure only)
        return per, (per if at >= 0 else context)

    def find(self, sentence: Span, paragraph: Span, context_period: str | None) -> tuple[list[Fact], str | None]:
        """Facts in one sentence; returns them and the period context for the next sentence."""
        text = self.text
        s, e = sentence.start, sentence.end
        out: list[Fact] = []
        period_ctx = context_period
        amounts = numbers.money(text, s, e)
        # (every count holds a digit: a sentence without one is not scanned for them)
        counts = [m for m in numbers.COUNT.finditer(text, s, e)] if _DIGIT.search(text, s, e) else []
        spans = sorted([(a.start, a.end, "money", a) for a in amounts] +
                       [(m.start(), m.end(), "count", m) for m in counts], key=lambda x: x[0])
        if amounts:  # (only a sum of money covers a figure: without one, every figure stays)
            spans = [x for x in spans if not any(y is not x and y[0] <= x[0] and x[1] <= y[1] and y[2] == "money"
                                                 for y in spans)]
        prev_end = s
        for idx, (a, b, _kind, obj) in enumerate(spans):
            nxt = spans[idx + 1][0] if idx + 1 < len(spans) else e
            clause_start = max(text.rfind(ch, s, a) for ch in "，,；;：:") + 1
            clause_start = max(clause_start, s) if clause_start > 0 else s
            per, period_ctx = self._period(s, a, period_ctx)
            growth = self._growth(b, nxt)
            subject = self._subject(s, a)
            if isinstance(obj, numbers.Amount):
                window = text[max(prev_end, clause_start):a]
                after = _METRIC_AFTER.match(text, b)
                metric = _metric(window) or ("aid" if after else None) or _metric(text[s:a]) or \
                    self._metric_of_head(b) or ("aid" if _GIVEN_TO.search(text, s, a) else None) or \
                    self._metric_before_semicolon(s, a)
                if metric is None:
                    prev_end = b
                    continue
                value = obj.value
                if abs(value) > _PLAUSIBLE.get(obj.unit, 1e13):
                    prev_end = b
                    continue  # 1380万亿美元: more than the world's output, a garbled figure
                if obj.unit != "USD" and _EQUIVALENT.match(text, b):
                    prev_end = b
                    continue  # 2.1万亿日元(约合210亿美元): the dollar figure stands for it
                if metric == "investment" and _FDI_CONTEXT.search(text, s, a + 12):
                    # registered capital of investment projects across a border is FDI as the
                    # investment agencies count it (注册资本, 直接投资项目)
                    metric = "fdi_registered"
                if metric == "fdi_registered" and self._outbound(s, a):
                    metric = "investment"  # 越南对老挝投资…: the home country's money abroad, no FDI in it
                if text[max(s, a - 6):a].find("逆差") >= 0:
                    value = -value
                out.append(Fact(metric, value, obj.unit, Span(s, e), Span(a, b), per, growth, subject,
                                qualifier=obj.qualifier))
            elif _VOTE.search(text, s, e):
                pass  # (a tally of votes)
            else:  # a COUNT match
                fact = self._count(obj, s, clause_start, per, growth, subject, Span(s, e))
                if fact is not None:
                    out.append(fact)
            prev_end = b
        for f in out:
            f.kind = self._kind(s, f.number.start, f.number.end)
            if f.period is None and f.metric in ("aid", "count") and self.year:
                # a sum given or a number counted in the story, with no period of its own, is the
                # story's (转交5万美元, 签署了11份合作文件); trade and investment figures say their period
                f.period = str(self.year)
                f.period_assumed = True
        return out, period_ctx

    def _metric_before_semicolon(self, s: int, a: int) -> str | None:
        """贸易额2021年达13亿美元；2022年前9个月达11亿美元: a figure after a semicolon with no metric word
        of its own is of the metric the sentence before it named."""
        if self.text[:s].rstrip()[-1:] not in ("；", ";"):
            return None
        lo = max(self.text.rfind("。", 0, s), self.text.rfind("\n", 0, s)) + 1
        return _metric(self.text[lo:a])

    def _outbound(self, s: int, a: int) -> bool:
        """The home country invests abroad: 越南(企业)对/在 + another country + 投资, before the figure."""
        m = _DIRECTION.search(self.text, s, a)
        if m is None:
            return False
        src = [n for n, _x, _y in self.lex.find("gazetteer", m.group("a"))]
        dst = [n for n, _x, _y in self.lex.find("gazetteer", m.group("b"))]
        return bool(src and dst) and self.lex.country_of(src[0]) == self.home and self.lex.country_of(dst[-1]) != self.home

    def _kind(self, s: int, a: int, b: int) -> str:
        """target / forecast / result: the last kind word before the figure in its sentence
        (fact_kinds.tsv), or a target word right after it (…的目标)."""
        text = self.text
        after = text[b:b + 4]
        window = text[s:a]
        cut = max(window.rfind("；"), window.rfind(";"))
        window = window[cut + 1:]
        best: tuple[int, str] | None = None
        for word, kind, pos in self.lex.fact_kinds:
            if pos == "after":
                if after.startswith(word):
                    return kind
                continue
            i = window.rfind(word)
            if i >= 0 and (best is None or i + len(word) > best[0]):
                best = (i + len(word), kind)
        return best[1] if best else "result"

    def _growth(self, after: int, before: int) -> float | None:
        for val, ps, _ in numbers.percent(self.text, after, before):
            pre = self.text[max(after, ps - 8):ps]
            m = _GROWTH.search(pre)
            if m:
                return -val if m.group(1) in ("下降", "减少", "降低") else val
        return None

    def _subject(self, s: int, a: int) -> list[str]:
        names = []
        for m in self.entities:
            if s <= m.span.start < a and m.kind in ("country", "place") and m.text not in names:
                names.append(m.text)
        return names or ["越南"]

    def _metric_of_head(self, b: int) -> str | None:
        """N亿美元的N个投资项目, 包括N万美元的现金…在内的紧急援助: a sum modifying the noun
        after it is of that noun's kind."""
        if not self.text.startswith("的", b):
            return None
        ends = [j for j in (self.text.find(c, b, b + 40) for c in "，,。；;") if j >= 0]
        return _metric(self.text[b:min(ends) if ends else b + 40])

    def _not_a_tally(self, m: re.Match[str], clause_start: int) -> bool:
        """Numbers that count nothing of a relation: inside a quoted name (“16字方针”), documents
        already in force being implemented (落实…3项文件), a gathering's attendance (150多名代表一同
        出席). (The size of the set a rank is taken in, N个国家和地区中居第K位, stays a count: the
        official gold counts it.)"""
        text = self.text
        left = text[clause_start:m.start()]
        if left.count("“") > left.count("”") or left.count("「") > left.count("」"):
            return True
        ce = min([j for j in (text.find(c, m.end()) for c in "，,。；;") if j >= 0] + [len(text)])
        if _IMPLEMENTED.search(left) and re.match(r"\s*(?:项|份|个)[^，。；]{0,6}(?:文件|协议|协定|文书)", text[m.end("num"):m.end() + 8]):
            return True
        # (会议吸引…500名代表参加: how many a gathering drew is its figure; a count of attendees
        # standing beside the persons who attend is not)
        return _ATTENDED.match(text, m.end(), ce) is not None and not re.search(r"吸引|共有|超过|多达", left)

    def _inventory(self, m: re.Match[str]) -> bool:
        """A quantity in an enumeration of three or more quantities of goods (A、B和C)."""
        text = self.text
        lo = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
        hi = min([j for j in (text.find(c, m.end()) for c in "，,。；;\n") if j >= 0] + [len(text)])
        seg = text[lo:hi]
        items = [p for p in re.split(r"[、]|和|及|以及", seg) if _QUANTITY.search(p)]
        return len(items) >= 3 and "、" in seg

    def _count(self, m: re.Match[str], s: int, clause_start: int, per: str | None, growth: float | None,
               subject: list[str], evidence: Span) -> Fact | None:
        text = self.text
        # (呼吸机16台、口罩25万个、防护罩2000个: a handover's inventory, no figure of relations)
        if self._inventory(m) or self._not_a_tally(m, clause_start):
            return None
        value = float(m.group("num")) * {"万": 10_000, "亿": 100_000_000}.get(m.group("mult") or "", 1)
        if value != int(value) or (m.group("mult") is None and "." in m.group("num")):
            return None  # 1.5个: no count
        value = int(value)
        if text[m.start("num") - 1:m.start("num")].isascii() and text[m.start("num") - 1:m.start("num")].isalpha():
            return None  # G7国家, G20成员: a name's number, not a count
        before = text[max(clause_start, m.start("num") - 12):m.start("num")].rstrip()
        if before.endswith(("第", "增加", "增长", "减少", "多出")) or re.search(r"将[^，。；,;]{0,8}$", before):
            return None  # 第 2 次 (an ordinal), 比…增加246份 (a difference), 将签订10多份 (a plan's figure)
        if value == 1 or (m.group("cls") == "国" and not m.group("more")):
            # 1名, 1个: an article, no figure; 东盟10国, 湄公河流域5国, 20国峰会: the members of a set
            # the page names (or a name), not a count of relations
            return None
        after = m.end()
        counted_m = _COUNTED.match(text, after)
        counted = counted_m.group() if counted_m else ""
        cut = _COUNT_VERB.search(counted, 1)
        if cut:
            counted = counted[:cut.start()]
        if any(counted.startswith(w) for w in _COUNT_SKIP) or counted.startswith(self.lex.not_counted):
            return None
        if not counted or text[after:after + 1] in "，,。；;":
            # 全面战略伙伴6个: the noun stands before the figure
            nb = _COUNT_NOUN_BEFORE.search(text[clause_start:m.start()])
            if not nb:
                return None
            counted = re.sub(r"^(其中|共有|已有|包括|拥有|共)", "", nb.group(1))
            counted = re.sub(r"(数量提升为|数量达到|数量为|达到|提升为|为|达|有)$", "", counted)
            # (…开展的投资项目276个, 创造就业岗位3万个: the noun after the relative clause or the verb)
            counted = counted.rsplit("的", 1)[-1]
            verbs = list(_COUNT_VERB.finditer(counted)) + list(re.finditer(r"创造|吸引|接待|带来", counted))
            if verbs:
                counted = counted[max(v.end() for v in verbs):]
        counted = re.sub(r"(中|里|上|内|之中)$", "", counted)
        if not counted or counted.startswith(self.lex.not_counted) or \
                any(w in counted for w in self.lex.not_counted_people):  # 该省人口约为69.4万: people anywhere
            return None  # (投资项目276个: the noun before the figure, as well)
        if 1900 <= value <= 2100 and counted.startswith("年"):
            return None
        metric = "count"
        if _AID_VERB.search(text[clause_start:m.start()]) or (
                (counted.startswith(_GRANTED) or m.group("cls") in _GOODS) and _GIVE.search(text, clause_start, m.start())):
            metric = "aid"  # 提供…965份奖学金, 援助12艘巡逻艇: things given are aid
        if m.group("cls") in _GOODS and metric != "aid":
            return None  # 3台设备 in a story of business: goods, but no gift
        qual = numbers.approx(m.group("qual"))
        start = m.start() if qual else m.start("num")
        return Fact(metric, value, "count", evidence, Span(start, m.end()), per, growth, subject,
                    counted=counted, qualifier=numbers.approx(m.group("qual")))
