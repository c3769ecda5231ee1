"""Events of the eight types, from trigger words and the actors around them.

Per sentence: triggers come from the trigger automaton; the subject region is
the text before the trigger (minus ``应…邀请`` host phrases and ``由X率领``
reads as X), the object region the text after it up to the clause end. Actors
are persons recognised earlier, delegations (``…代表团``), and gazetteer
countries, places and organisations. Events of one document that describe the
same occurrence (type, compatible date, overlapping actors) are merged: a trip
reported as departed / arrived / began is one visit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from ..lexicon import Lexicon
from ..model import Event, Mention, Span
from ..text.dates import SINCE_AFTER as _SINCE
from ..text.dates import DateMention
from .places import visit_abbreviation

_DELEGATION = re.compile(r"[\u4e00-\u9fff·—\-]{0,14}?代表团")
# Where a delegation's name starts: after the last of these words that is not inside a known
# name (共和国, 宣教与民运部): 率领|越南高级代表团, 与|老挝国会代表团.
_DELEG_CUT = re.compile(r"率领|带领|率|的|由|及|与|和|同|了|将|还|在|于|向|对|加强|推动|促进|保持|增进|开展|继续|维持|"
                        r"[，,、；;：:]")
_INVITE = re.compile(r"应[^，。；]{1,60}?(?:的)?邀请")
_LED_BY = re.compile(r"由([^，。；]{1,80}?)率领的")
_SPEECH = re.compile(r"在(?P<np>[^，。；在]{2,60}?)上(?:所)?(?:发表|致辞|讲话|表示|强调|指出|介绍|宣布|作了|作)")
# An organ written right after its country or place: 越南|计划投资部, 河内市|旅游局, 广东省|文化与旅游厅.
_ORGAN = re.compile(r"(?!许多|各|有关|相关|一些|多个|其他|主要|等)[\u4e00-\u9fff]{0,8}?(?:部(?!门)|厅|局|委员会|委|协会|联合会|大学|学院|银行|总公司|公司|集团|"
                    r"办公室|通讯社|外交学院|研究院|商会|中心|工会|议会|国会|人民议会|人民委员会|政府|大使馆|总领事馆|领事馆|代表处)(?![\u4e00-\u9fff]{0,2}(?:长|主任|书记|主席))")
_FROM = re.compile(r"来自[^，。；]{1,60}?的")
_DEST_BEFORE = ("赴", "对", "到", "在", "于", "向", "抵达", "前往", "访问", "首都", "驻")
_PARTNER_END = re.compile(r"就|举行|进行|(?<!正)在|共同|签署|签订|于|通电话|\d")
_PUNCT_END = "，,。；;：:！？!?\n"
_RELATIVE_TAIL = ("期间", "前夕", "之际", "时", "后", "中", "之后", "以来", "结束")
_SKIP_AFTER_MEET = ("中", "时", "后", "上", "期间", "结束", "会上", "结果")
_FOREIGN_WORDS = ("国际", "区域", "地区", "外交", "对外", "外事", "友好", "大使", "驻", "外国", "两国", "双边", "多边", "东盟",
                  "联合国", "峰会", "访问", "海外", "侨")
_SPEAKS = re.compile(r"(?:也|还|则|再次)?(?:高度评价|表示|强调|指出|赞赏|称赞|肯定|回顾|介绍|说|认为)")
_NOT_A_VISIT = ("旅游", "旅行", "观光", "留学", "学习", "务工", "工作和生活", "定居", "经商", "就业")
# A reporter's byline is not an actor: 越通社特派记者报道, 据越通社驻中国记者报道
_REPORT = re.compile(r"(?:据)?[\u4e00-\u9fff]{2,14}?记者(?:[\u4e00-\u9fff]{1,6})?(?:报道|报导)")
# Both sides named together, without names: 两位部长举行会谈, 两国总理通电话, 双方举行会谈.
_PAIR = re.compile(r"两位|两国(?:总理|外长|部长|领导人|主席|国家主席|元首|总书记|议长|国防部长|防长)|双方|两人")
# A signing hoped for or planned, not done: 推动协定早日签署, 双方将签署, 同意签署.
# 互相对彼此进行正式访问, 两次互相通电话: exchanges summed up, not one event
_MUTUAL = re.compile(r"互相|相互|彼此|多次|频繁")
_ON_ELECTION = re.compile(r"就[^，。；]{1,30}?(?:当选|再次当选|连任|就任|荣任|获任|出任|被任命|被选为)")
_PRESS = ("记者", "媒体", "新闻界", "报界")  # 会见记者: a press meeting, not a diplomatic one
_SIGNING_CEREMONY = re.compile(r"(?:签字|签署|签约|交换|互换)[\u4e00-\u9fff]{0,4}仪式$")
_CHAIRED_BY = re.compile(r"由[^，。；]{2,40}?(?:主持召开|主持举行|主持|主办|举办|举行|召开)的")
_NOT_YET = ("早日", "尽早", "尽快", "将", "即将", "计划", "拟", "有望", "希望", "期待", "争取", "推动", "准备", "预计",
            "力争", "同意", "商定", "愿意", "愿", "考虑", "研究", "探讨", "加快")
# An aid sentence about a standing or past state of things: 日本是向越南提供援助的最大来源国,
# 1992年以来累计提供援助.
_AID_STATE = re.compile(r"是[^，。；]{0,12}$|以来|累计|历来|长期以来|一直")
# 这是B就任以来首次访问越南, 此访是…: the act said again, not another one
_RESTATED = re.compile(r"(?:这|此|此次|这次|本次)(?:访问|访|次访问)?(?:也)?是")
# the words that carry a congratulation as a message of its own (a call, a cable, a letter)
_MESSAGE = re.compile(r"贺电|贺信|贺函|致电|致函|致信|电话|来电|发来|致以")
_MESSAGE_TRIGGERS = ("致电", "致函", "致信", "致贺电", "致贺信", "发来贺电", "发来贺信", "发来贺函", "贺信", "贺电",
                     "贺函", "致贺", "通电话")
# a gathering named by a quantifier (东盟的各项活动, 各级会议) is a kind of thing, not one event
_GENERIC = re.compile(r"^(?:[^，。；]{0,6}的)?(?:各项|各级|各种|各类|许多|一些|多项|多个|系列|一系列|相关|有关)")
_GROUP_NOUNS = ("代表团", "一行", "客人", "嘉宾", "团组", "领导", "领导人", "官员", "代表", "议员", "大使", "使节",
                "企业家", "专家", "学者", "友人", "朋友", "工作组", "考察团", "访问团", "侨胞", "侨民")
# a meeting word followed by what belongs to a meeting's name or its course: a noun here
_MEETING_AS_NOUN = ("开幕式", "闭幕式", "准备工作", "筹备", "框架", "机制", "成果", "圆满", "取得", "期间", "的")
# a coordinator of predicates right before a trigger: what follows shares the first predicate's subject
_PRED_COORD = re.compile(r"(?:以及|并且|并|随后|然后|接着|之后又|又)\s*$")
_EACH = re.compile(r"每个|每一|各个|每")
_AGREEMENT = ("文件", "协议", "协定", "备忘录", "合同", "声明", "公报", "计划", "项目", "条约", "议定书", "意向书")


@dataclass(slots=True)
class Actor:
    name: str
    span: Span
    kind: str  # person | org | country | place | region | group
    iso3: str | None = None


@dataclass(slots=True)
class SentenceCtx:
    span: Span
    kind: str  # title | caption | body
    date: tuple[str | None, str | None] | None  # the date resolved for this sentence's context


@dataclass
class DocContext:
    text: str
    lex: Lexicon
    year: int | None
    persons: list[Actor]
    entities: list[Mention]
    dates: list[tuple[DateMention, str | None, str | None]]
    home: str = "VNM"
    title_spans: list[Span] = field(default_factory=list)  # title chains of persons (中央对外部部长)
    roundup: bool = False  # the document reports messages of congratulation (贺电, 致电祝贺 in its headline)
    _p_starts: list[int] = field(init=False, default_factory=list, repr=False)
    _e_starts: list[int] = field(init=False, default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.persons.sort(key=lambda a: a.span.start)
        self.entities.sort(key=lambda m: m.span.start)
        self._p_starts = [a.span.start for a in self.persons]
        self._e_starts = [m.span.start for m in self.entities]

    def principals(self) -> list[Actor] | None:
        """The page's two sides: its first person, and the first person of another country after
        him (两位部长, 两国总理, 双方 name them without names)."""
        first = next((a for a in self.persons if a.iso3), None)
        if first is None:
            return None
        other = next((a for a in self.persons if a.iso3 and a.iso3 != first.iso3), None)
        return [first, other] if other is not None else None

    def sides(self) -> tuple[Actor, Actor] | None:
        """The page's two sides as countries: the home country and the first other country of
        the page's principals (or of its country mentions)."""
        principals = self.principals()
        isos = [a.iso3 for a in principals if a.iso3] if principals else []
        if len(isos) < 2:
            isos = list(dict.fromkeys(m.value for m in self.entities if m.kind == "country" and isinstance(m.value, str)))
        if self.home in isos:
            other = next((i for i in isos if i != self.home), None)
            isos = [self.home, other] if other else []
        if len(isos) < 2:
            return None
        names = [self.lex.country_names.get(i, i) for i in isos[:2]]
        return (Actor(names[0], Span(0, 0), "country", isos[0]), Actor(names[1], Span(0, 0), "country", isos[1]))

    def entities_between(self, s: int, e: int) -> list[Mention]:
        """Entity mentions starting in [s, e), in text order (bisect over the sorted starts)."""
        return self.entities[bisect.bisect_left(self._e_starts, s):bisect.bisect_left(self._e_starts, e)]

    def actors_in(self, s: int, e: int, kinds: tuple[str, ...] = ("person", "org", "country", "place", "group")) -> list[Actor]:
        ps = self.persons[bisect.bisect_left(self._p_starts, s):bisect.bisect_left(self._p_starts, e)]
        out = [a for a in ps if a.span.end <= e and "person" in kinds]
        for m in self.entities_between(s, e):
            if m.span.end <= e:
                if any(p.span.start <= m.span.start < p.span.end for p in out):
                    continue
                if m.kind in ("country", "place"):
                    om = _ORGAN.match(self.text, m.span.end, e)
                    if om and "org" in kinds:
                        out.append(Actor(m.text + om.group(), Span(m.span.start, om.end()), "org", m.value))
                        continue
                if m.kind in kinds:
                    out.append(Actor(m.text, m.span, m.kind, m.value))
        if "group" in kinds:
            for dm in _DELEGATION.finditer(self.text, s, e):
                gs = dm.start()
                for c in _DELEG_CUT.finditer(self.text, dm.start(), dm.end()):
                    if not any(m.span.start < c.end() and c.start() < m.span.end and
                               not (c.start() == m.span.start) for m in self.entities):
                        gs = c.end()
                g = self.text[gs:dm.end()]
                if self.text.startswith(("互访", "往来", "交流"), dm.end()):
                    continue  # 高级代表团互访: a topic, not a delegation
                if len(g) >= 3:
                    out.append(Actor(g, Span(gs, dm.end()), "group", None))
        out.sort(key=lambda a: a.span.start)
        return out


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def _names(actors: list[Actor]) -> list[str]:
    return [a.name for a in _dedupe(actors)]


def _isos(actors: list[Actor]) -> list[str]:
    return sorted({a.iso3 for a in actors if a.iso3})


class EventFinder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.lex = ctx.lex
        self.nouns = sorted(ctx.lex.event_nouns, key=len, reverse=True)
        self._sent_trigs: list[int] = []  # trigger starts of the sentence being read

    # -- regions --------------------------------------------------------------------
    def clause_end(self, pos: int, end: int) -> int:
        i = pos
        depth = 0
        while i < end:
            ch = self.text[i]
            if ch in "“《(（":
                depth += 1
            elif ch in "”》)）":
                depth = max(0, depth - 1)
            elif depth == 0 and ch in _PUNCT_END:
                return i
            i += 1
        return end

    def clause_start(self, pos: int, start: int) -> int:
        i = pos
        while i > start and self.text[i - 1] not in _PUNCT_END:
            i -= 1
        return i

    def excluded(self, s: int, e: int) -> list[tuple[int, int]]:
        return [m.span() for m in _INVITE.finditer(self.text, s, e)] + \
            [m.span() for m in _REPORT.finditer(self.text, s, e)]

    def subject(self, sent: SentenceCtx, trig_start: int,
                kinds: tuple[str, ...] = ("person", "org", "country", "place", "group")) -> list[Actor]:
        """Actors before the trigger: nearest clause first; a clause that opens with its predicate
        (A会见B，参加C，会见D) takes the subject of the sentence's first predicate, carried over
        the coordinated predicates; else the sentence start."""
        cs = self.clause_start(trig_start, sent.span.start)
        carried = _PRED_COORD.search(self.text, max(cs, trig_start - 4), trig_start) is not None
        actors = [] if carried else self._region_actors(cs, trig_start, kinds)
        if actors:
            return actors
        # (…，以及会见X / A会见B并会见C: a coordinated predicate keeps the first one's subject)
        # the first predicate of the sentence with a subject of its own in its clause (访柬期间，
        # A拜见B，…: an adverbial clause has none)
        for first in sorted(p for p in self._sent_trigs if p < (trig_start if carried else cs)):
            actors = self._region_actors(self.clause_start(first, sent.span.start), first, kinds)
            if actors:
                return actors
        actors = self._region_actors(sent.span.start, trig_start, kinds)
        if actors:
            return actors
        # 在访问X并出席Y期间，PERSON…: an adverbial clause takes the main clause's subject
        ce = self.clause_end(trig_start, sent.span.end)
        if re.search(r"(期间|之际|前夕|时|之前|之后|后)$", self.text[trig_start:ce]):
            after = [a for a in self.ctx.actors_in(ce, sent.span.end, ("person", "group"))]
            persons = [a for a in after if a.kind == "person"]
            if persons:
                return persons[:1]
            return after[:1]
        return []

    def _region_actors(self, lo: int, hi: int, kinds: tuple[str, ...]) -> list[Actor]:
        # 孙明高度评价A与B签署…: the speaker is not an actor of what he speaks about
        for m in _SPEAKS.finditer(self.text, lo, hi):
            if any(a.span.end == m.start() for a in self.ctx.persons) and \
                    self.ctx.actors_in(m.end(), hi, kinds):
                lo = m.end()
        excl = self.excluded(lo, hi)
        frm = _FROM.search(self.text, lo, hi)
        if frm:
            # 来自X、Y等31个国家的海外青年: the subject is what comes after 的
            np_ = self.text[frm.end():hi].strip()
            np_ = re.split(r"[，,于在]", np_)[0]
            if 2 <= len(np_) <= 16:
                return [Actor(np_, Span(frm.end(), frm.end() + len(np_)), "group")]
        led = _LED_BY.search(self.text, lo, hi)
        acts = [a for a in self.ctx.actors_in(lo, hi, kinds)
                if not any(a0 <= a.span.start < b0 for a0, b0 in excl)]
        persons = [a for a in acts if a.kind == "person"]
        groups = [a for a in acts if a.kind == "group"]
        if led:
            inner = [a for a in persons if led.start(1) <= a.span.start < led.end(1)]
            if inner:
                return inner + [g for g in groups if g.span.start >= led.end(1)][:1]
        if persons:
            # the subject is the last run of persons before the verb (A与B共同出席 keeps both)
            return persons + [g for g in groups if g.span.start > persons[0].span.start][:1]
        if groups:
            return groups[-1:]
        orgs = [a for a in acts if a.kind in ("org",)]
        listed = [a for a in acts if a.kind == "country"]
        if orgs and len(listed) >= 2 and "、" in self.text[lo:hi]:
            # 古巴、泰国…等国家领导人以及联合国秘书长: the listed countries and the body, all senders
            return sorted(orgs + listed, key=lambda a: a.span.start)
        if orgs:
            return orgs
        # a place after 赴/对/到/在/于/向 is a destination or a venue, not the subject
        places = [a for a in acts if a.kind in ("country", "place")
                  and not self.text[max(lo, a.span.start - 2):a.span.start].endswith(_DEST_BEFORE)]
        return places[:3]

    def preposition(self, lo: int, hi: int, chars: str) -> int:
        """Offset (from ``lo``) of the last preposition among ``chars`` in ``text[lo:hi]`` that is
        a word of its own: not inside an organisation name (中央对外部) nor 对外/对此/向来; -1 if none."""
        for i in range(hi - 1, lo - 1, -1):
            ch = self.text[i]
            if ch not in chars or self.text[i + 1:i + 2] in ("外", "此", "来", "于"):
                continue
            if any(m.span.start <= i < m.span.end for m in self.ctx.entities_between(lo - 30, hi)) or \
                    any(a.span.start <= i < a.span.end for a in self.ctx.actors_in(lo - 30, hi, ("person",))):
                continue
            if any(i < tsp.end and tsp.start <= i for tsp in self.ctx.title_spans):
                continue
            return i - lo
        return -1

    def _partner_cut(self, lo: int, hi: int) -> int | None:
        seg = self.text[lo:hi]
        best = None
        for w in ("对", "向", "赴", "访问"):
            i = seg.rfind(w)
            if i >= 0 and (best is None or i < best):
                best = i
        return lo + best if best is not None else None

    def partner(self, sent: SentenceCtx, trig_start: int) -> tuple[list[Actor], int] | None:
        """``A与B<trigger>``: (B actors, position of 与) when the trigger's partner precedes it."""
        cs = self.clause_start(trig_start, sent.span.start)
        seg = self.text[cs:trig_start]
        cands = sorted({cs + i for w in ("与", "同", "和", "跟") for i in _all_index(seg, w)})
        for pos in cands:  # leftmost first: 与广东省文化与旅游厅 partners with the whole name
            before = self.ctx.actors_in(cs, pos)
            if not before:
                continue
            persons = self.ctx.actors_in(pos + 1, trig_start, ("person",))
            if persons:
                return persons, pos
            stop = _PARTNER_END.search(self.text, pos + 1, trig_start)
            pe = stop.start() if stop else trig_start
            np_ = self.text[pos + 1:pe].strip()
            if 2 <= len(np_) <= 24:
                inner = self.ctx.actors_in(pos + 1, pe, ("country", "org", "place"))
                return [Actor(np_, Span(pos + 1, pe), "org", inner[0].iso3 if inner else None)], pos
        return None

    def object_np(self, pos: int, end: int) -> tuple[str, Span] | None:
        """Event name after an attend/host trigger: up to the clause end, cut after the last event noun."""
        if self.text.startswith("了", pos):
            pos += 1
        ce = self.clause_end(pos, end)
        seg = self.text[pos:ce]
        best = -1
        for n in self.nouns:
            i = seg.rfind(n)
            while i >= 0:
                tail = seg[i + len(n):]
                if not tail or tail.startswith(("的", "并", "期间", "前夕", "之际", "时", "上", "(", "（", "暨", "和", "及")) \
                        or tail[0] in "”》":
                    best = max(best, i + len(n))
                    break
                i = seg.rfind(n, 0, i)
        if best < 0:
            return None
        np_ = seg[:best]
        # a closing parenthetical (IMM6) right after stays with the name
        m = re.match(r"\s*[（(][A-Za-z0-9\- ]{1,20}[)）]", seg[best:])
        if m:
            np_ = seg[: best + m.end()]
        np_ = np_.strip()
        if np_.startswith("的") and len(np_) > 3:  # 举行的东盟…会议: the name after 的
            pos, np_ = pos + 1, np_[1:]
        lead = re.match(r"在[^，。；]{1,24}?(?:举办|举行|召开|主办)的", np_)
        if lead and len(np_) - lead.end() >= 2:
            pos += lead.end()
            np_ = np_[lead.end():]
        if len(np_) < 2:
            return None
        return np_, Span(pos, pos + len(np_))

    # -- dates ----------------------------------------------------------------------
    def date_for(self, sent: SentenceCtx, trig_start: int) -> tuple[str | None, str | None]:
        """The date in the trigger's clause, else in its sentence (before the trigger first), else
        the running context. A bare year counts only when it is not the document's year (then
        the context date is the more precise): 他于2015年曾访问 -> 2015, 去年 -> year - 1."""
        cs = self.clause_start(trig_start, sent.span.start)
        ce = self.clause_end(trig_start, sent.span.end)
        inside = [(dm, iso, end) for dm, iso, end in self.ctx.dates
                  if sent.span.start <= dm.start < sent.span.end and iso and not _in_paren(self.text, dm.start, sent.span)
                  and not _SINCE.match(self.text, dm.end)  # 自2011年3月当选以来: when a period began
                  and not (dm.month is None and dm.relative is None and iso == str(self.ctx.year))]
        for lo, hi in ((cs, ce), (sent.span.start, sent.span.end)):
            here = [x for x in inside if lo <= x[0].start < hi]
            before = [x for x in here if x[0].start < trig_start]
            if before:
                return before[-1][1], before[-1][2]
            after = [x for x in here if x[0].start >= trig_start]
            if after:
                return after[0][1], after[0][2]
        return sent.date or (None, None)

    def location(self, sent: Span, trig_start: int) -> str | None:
        for m in self.ctx.entities_between(sent.start, trig_start):
            if m.kind in ("place", "country"):
                pre = self.text[max(sent.start, m.span.start - 3):m.span.start]
                if pre.endswith(("在", "于", "在首都", "首都")):
                    return m.text
        return None

    # -- the pass -------------------------------------------------------------------
    def find(self, sent: SentenceCtx) -> list[Event]:
        s = sent.span
        trigs = [(t, s.start + a, s.start + b) for t, a, b in self.lex.find("triggers", self.text[s.start:s.end])]
        self._sent_trigs = [ts for t, ts, _te in trigs if self.lex.triggers[t].type != "block"]
        events: list[Event] = self._speech_attend(sent)
        np_spans: list[Span] = []
        for t, ts, te in trigs:
            trig = self.lex.triggers[t]
            if trig.type == "block":
                continue
            if any(sp.start <= ts < sp.end for sp in np_spans):
                continue  # the trigger is part of an event name (共同主持...高层会晤)
            handler = getattr(self, f"_{trig.type}", None)
            if handler is None:
                continue
            got = handler(sent, t, ts, te, trig.mode)
            fact = self.factuality(sent, ts, te) if got else "reported"
            for ev in got:
                ev.trigger = t
                ev.factuality = fact
                ev.caption = sent.kind == "caption"
                if ev.location is None:
                    ev.location = self.location(s, ts)
                events.append(ev)
                if ev.type in ("attend", "host") and ev.target:
                    np = self.text.find(ev.target[0], te)
                    if np >= 0:  # from the trigger on: 由X主持召开的Y holds a trigger before Y
                        np_spans.append(Span(te, np + len(ev.target[0])))
        return events

    def factuality(self, sent: SentenceCtx, ts: int, te: int) -> str:
        """What the trigger's clause says of the act: reported, planned, proposed, invited,
        habitual, topic (a noun governed by 保持/加强…) or restated (这是…首次访问). Markers
        (modality.tsv) are read before the trigger, with actors' names blanked out."""
        cs = self.clause_start(ts, sent.span.start)
        lead = self.text[cs:ts]
        if cs == self.clause_start(sent.span.start + 1, sent.span.start) and _RESTATED.match(lead):
            return "restated"
        named = [a.span for a in self.ctx.actors_in(max(sent.span.start, cs - 12), ts)]
        chars = [" " if any(sp.start <= k < sp.end for sp in named) else self.text[k] for k in range(cs, ts)]
        lead = _INVITE.sub(lambda m: " " * len(m.group()), "".join(chars))
        lead = re.sub(r"在[^，。；]{0,30}?的邀请下|(?:上|大|中|少)将|将军|将领", lambda m: " " * len(m.group()), lead)
        rx = self.lex._automata.get("_modality_rx")
        if rx is None:
            words = sorted(self.lex.modality, key=len, reverse=True)
            rx = self.lex._automata["_modality_rx"] = re.compile("|".join(map(re.escape, words))) if words else None
        if rx is None:
            return "reported"
        found = [self.lex.modality[m.group()] for m in rx.finditer(lead)]
        # a custom or a habit named anywhere before in the sentence (根据东盟惯例，新任元首会…访问)
        found = [self.lex.modality[m.group()] for m in rx.finditer(self.text, sent.span.start, cs)
                 if self.lex.modality[m.group()] == "habitual"] + found
        strong = [f for f in found if f != "planned" and not (f == "topic" and self.text.startswith("了", te))]
        if strong:
            return strong[-1]
        return "planned" if "planned" in found else "reported"

    def _speech_attend(self, sent: SentenceCtx) -> list[Event]:
        """``PERSON在<event>上讲话/表示``: speaking at a gathering is attending it."""
        out = []
        for m in _SPEECH.finditer(self.text, sent.span.start, sent.span.end):
            np_ = m.group("np")
            lead = re.match(r"(?:由[^，。；]{1,30}?(?:举办|举行|主办)的)", np_)
            name = np_[lead.end():] if lead else np_
            if not name.endswith(tuple(self.nouns)) or len(name) < 3:
                continue
            src = self._region_actors(self.clause_start(m.start(), sent.span.start), m.start(), ("person", "group"))
            if not src or not self._foreign(sent.span, src):
                continue
            ev = self._event("attend", sent, m.start(), src, [], [name])
            ev.trigger = "在…上"
            ev.caption = sent.kind == "caption"
            out.append(ev)
        return out

    def _event(self, type_: str, sent: SentenceCtx, ts: int, source: list[Actor], target: list[Actor],
               target_names: list[str] | None = None) -> Event:
        d, de = self.date_for(sent, ts)
        if d is None and self.ctx.year is not None:
            d = str(self.ctx.year)  # no date in the text: the document's year is as precise as it gets
        return Event(type=type_, date=d, date_end=de, source=_names(source),
                     target=target_names if target_names is not None else _names(target),
                     evidence=sent.span, source_iso3=_isos(source), target_iso3=_isos(target))

    # meet -----------------------------------------------------------------------------
    def _pair_meeting(self, sent: SentenceCtx, ts: int) -> list[Actor] | None:
        """两位部长/两国总理/双方 + trigger with no person named in the clause: the page's two sides."""
        if sent.kind != "body":
            return None
        cs = self.clause_start(ts, sent.span.start)
        if not _PAIR.search(self.text, cs, ts) or self.ctx.actors_in(cs, ts, ("person",)):
            return None
        return self.ctx.principals()

    def _clause_initial_partner(self, sent: SentenceCtx, ts: int) -> tuple[list[Actor], list[Actor]] | None:
        """``X在…；会见…；与NAME举行会谈``: a clause that starts with 与/同 takes the sentence's
        subject (the persons before the clause) as the other side."""
        cs = self.clause_start(ts, sent.span.start)
        m = re.match(r"(?:并|还|也|则|又|随后|此外)?(?:与|同|和|跟)", self.text[cs:ts])
        if m is None:
            return None
        partner = self.ctx.actors_in(cs + m.end(), ts, ("person",))
        if not partner:
            return None
        # the subject opens the sentence, which may run over semicolons: back to its 。
        lo = max(self.text.rfind("。", 0, cs), self.text.rfind("\n", 0, cs)) + 1
        src = [a for a in self.ctx.actors_in(lo, cs, ("person",)) if a.name not in {p.name for p in partner}]
        return (src[:1], partner) if src else None

    def _meet(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        after = self.text[te:te + 3]
        if after.startswith(_SKIP_AFTER_MEET) and not after.startswith("上将"):
            # 会谈中/会见时 refer back to a meeting reported before, unless the clause names the
            # partner: 在同NAME举行会谈时强调 reports it
            p = self.partner(sent, ts)
            if p is None or not any(a.kind == "person" for a in p[0]):
                return []
        if re.match(r"[和与、及](?:会谈|会晤|会面|座谈)", self.text[te:te + 3]):
            return []  # 会见和会谈: one meeting, read at its second word
        before = self.text[max(sent.span.start, ts - 3):ts]
        if before.endswith(("主持", "出席", "参加")):
            return []
        pair = self._pair_meeting(sent, ts)
        if pair is not None:
            return [self._event("meet", sent, ts, [pair[0]], [pair[1]])]
        sep = re.search(r"分别(?:与|同|和|跟)", self.text[sent.span.start:ts])
        if sep:
            ps = sent.span.start + sep.start()
            partners = self.ctx.actors_in(sent.span.start + sep.end(), ts, ("person",))
            src = self.subject(sent, ps, ("person", "org", "country", "group"))
            src = [a for a in src if a.name not in {p.name for p in partners}][:1]
            if len(partners) > 1 and src:
                return [self._event("meet", sent, ts, src, [a]) for a in partners]
        p = self.partner(sent, ts)
        if p is not None and (t in ("会谈", "会晤", "座谈", "座谈会", "举行会谈", "举行会晤", "会面", "工作会谈")
                              or self.text[te:te + 1] in "，。,"):
            partner, pos = p
            # (a province or city holds talks too: 山罗省与赛宋奔省领导举行了会谈)
            src = self._region_actors(self.clause_start(pos, sent.span.start), pos,
                                      ("person", "org", "country", "group", "place"))
            if src:
                return [self._event("meet", sent, ts, src, partner)]
        lead = self._clause_initial_partner(sent, ts)
        if lead is not None:
            return [self._event("meet", sent, ts, lead[0], lead[1])]
        src = self.subject(sent, ts, ("person", "org", "country", "group"))
        ce = self.clause_end(te, sent.span.end)
        # 分别拜会了A，以及B: the object runs over commas joined by 以及/和/及
        while ce < sent.span.end and self.text.startswith(("，以及", ",以及", "，和", "，及", "、"), ce):
            ce = self.clause_end(ce + 1, sent.span.end)
        tgt = [a for a in self.ctx.actors_in(te, ce, ("person",))]
        if not tgt:
            obj = re.sub(r"(?:时|期间|之际|时表示|后)$", "", self.text[te:ce].lstrip("了").strip())
            inner = self.ctx.actors_in(te, ce, ("country", "org", "place"))
            # a free-text partner must name a body or a group (…代表团, …一行, 各国大使); a meeting
            # word inside a name (第二次会晤准备工作, 新春会晤开幕式) or before 圆满成功 names no partner
            if 2 <= len(obj) <= 20 and (inner or obj.endswith(_GROUP_NOUNS)) and \
                    not self.text.startswith(_MEETING_AS_NOUN, te):
                tgt = [Actor(obj, Span(ce - len(obj), ce), "group", inner[0].iso3 if inner else None)]
            else:
                tgt = [a for a in self.ctx.actors_in(te, ce, ("group", "org", "country"))][:2]
        tgt = [a for a in tgt if not any(w in a.name for w in _PRESS)]
        if not src or not tgt:
            return []
        src = [a for a in src if a.name not in {x.name for x in tgt}]
        if not src:
            return []
        if not self._foreign(sent.span, src + tgt) or all(a.iso3 == self.ctx.home for a in src + tgt):
            return []  # 拜访原党和国家领导人, two Vietnamese officials: a domestic call, not foreign relations
        persons = [a for a in tgt if a.kind == "person"]
        titled = [a for a in persons if any(t.end == a.span.start for t in self.ctx.title_spans)]
        if len(persons) > 1 and ("分别" in self.text[max(sent.span.start, ts - 4):ts] or len(titled) == len(persons)):
            # 分别会见A和B, or 会见参议院主席A和国会主席B (each with a title of his own): two meetings
            return [self._event("meet", sent, ts, src, [a]) for a in persons]
        return [self._event("meet", sent, ts, src, tgt)]

    # phone ----------------------------------------------------------------------------
    def _phone_call(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        if _MUTUAL.search(self.text, self.clause_start(ts, sent.span.start), ts):
            return []  # 两国总理两次互相通电话: a tally of calls, not one call
        pair = self._pair_meeting(sent, ts)
        if pair is not None:
            return [self._event("phone_call", sent, ts, [pair[0]], [pair[1]])]
        p = self.partner(sent, ts)
        if p is not None:
            partner, pos = p
            src = self._region_actors(self.clause_start(pos, sent.span.start), pos, ("person", "org", "country", "group"))
            if src:
                return [self._event("phone_call", sent, ts, src, partner)]
        src = self.subject(sent, ts, ("person", "org", "country", "group"))
        ce = self.clause_end(te, sent.span.end)
        tgt = self.ctx.actors_in(te, ce, ("person", "country"))
        if src and tgt:
            return [self._event("phone_call", sent, ts, src, tgt)]
        return []

    # visit ----------------------------------------------------------------------------
    def _visit(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        cs = self.clause_start(ts, s.start)
        ce = self.clause_end(te, s.end)
        places: list[Actor] = []
        abbr = visit_abbreviation(self.lex, t)
        if abbr:
            places = [Actor(self.lex.country_names.get(abbr, t[1]), Span(ts + 1, te), "country", abbr)]
        else:
            seg = self.text[cs:ts]
            for w in ("对", "赴", "到", "抵达", "前往"):
                i = seg.rfind(w)
                if i >= 0:
                    places = self.ctx.actors_in(cs + i, ts, ("country", "place"))
                    if places:
                        break
            raw = re.search(r"对([\u4e00-\u9fff]{2,12}?)(?:进行|开展)[^，。；]{0,4}$", seg)
            if not places and raw and not raw.group(1).startswith(("这个", "该", "其")) and \
                    not any(ch in raw.group(1) for ch in "赴访能将到"):
                # a place the gazetteer does not know: keep it as written
                places = [Actor(raw.group(1), Span(cs + raw.start(1), cs + raw.end(1)), "place", None)]
            obj = self.text[te:ce]
            emb = re.match(r"了?([^，。；]{2,24}?(?:大使馆|总领事馆|领事馆|代表处|代表机构))", obj)
            if not places and emb:
                inner = self.ctx.actors_in(te, te + emb.end(), ("country",))
                places = [Actor(emb.group(1), Span(te + emb.start(1), te + emb.end(1)), "place",
                                inner[-1].iso3 if inner else None)]
            if not places:
                # 访问X / 出访X
                places = [a for a in self.ctx.actors_in(te, ce, ("country", "place"))][:3]
                if places and places[0].span.start - te > 2:
                    places = []
            if not places and ("这个" in seg or "该国" in seg or "国家" in seg):
                prior = [m for m in self.ctx.entities_between(s.start, ts) if m.kind == "country"]
                if prior:
                    m = prior[-1]
                    places = [Actor(m.text, m.span, "country", m.value)]
        if t in ("前往", "前来"):
            # 前往X出席/访问: the place right after the verb; 前来出席 (came here): Vietnam, for a
            # visitor from abroad (the outlets are Vietnamese)
            near = self.ctx.actors_in(te, ce, ("country", "place"))
            places = []
            for a in near:  # 广宁省芒街市: a place and the place inside it, written together
                if (not places and a.span.start - te <= 2) or (places and a.span.start == places[-1].span.end):
                    places.append(a)
            if not places and t == "前来":
                places = [Actor(self.lex.country_names.get(self.ctx.home, "越南"), Span(ts, te), "country",
                                self.ctx.home)]
            if not re.match(r"[^，。；]{0,16}?(?:出席|参加|访问|参观|考察|拜会|会见|会晤|进行|举行|开展|工作|祝贺)",
                            self.text[te:ce]):
                return []  # 前往机场, 前往灾区: travel, not a visit
        if not places:
            return []
        # 赴越南旅游 / 留学 / 务工 / 互访: travel, not a diplomatic visit
        reach = max([p.span.end for p in places] + [te])
        if any(w in self.text[te:reach + 4] for w in _NOT_A_VISIT) or self.text[max(s.start, ts - 1):ts] == "互" \
                or t.startswith("互") or _MUTUAL.search(self.text, cs, ts):
            return []
        # the visitor: a relative clause (…访问的 PERSON) names the person after it
        tail = self.text[te:te + 2]
        rel = None
        if any(self.lex.triggers.get(t2) and self.lex.triggers[t2].type in ("meet", "attend")
               for t2, _, _ in self.lex.find("triggers", self.text[cs:ts])):
            j = self.text.find("的", te, ce)
            nxt = [a for a in self.ctx.actors_in(te, s.end, ("person",))]
            if j >= 0 and nxt and nxt[0].span.start > j:
                rel = nxt[:1]
        inv = None
        for im in re.finditer(r"邀请", self.text[s.start:ts]):
            if "应" not in self.text[max(s.start, s.start + im.start() - 30):s.start + im.start()]:
                inv = s.start + im.end()
        if inv is not None:
            # 邀请X对越南进行访问: an invitation, not a trip (the visit, if it comes, is reported then)
            return []
        elif rel:
            src = rel
        elif tail.startswith("的") or tail.startswith("之"):
            src = [a for a in self.ctx.actors_in(te, s.end, ("person",))][:1]
        else:
            src = self.subject(sent, ts, ("person", "group", "org"))
            led = _LED_BY.search(self.text, s.start, ts)
            if not src:
                src = [a for a in self.ctx.actors_in(te, s.end, ("person", "group"))][:2]
            groups = [a for a in self.ctx.actors_in(s.start, ts, ("group",))]
            if groups and not any(a.kind == "group" for a in src) and not led:
                src = src + groups[:1]
        if not src:
            return []
        src = [a for a in src if a.name not in {p.name for p in places}]
        # nobody visits his own country: 访俄期间，格拉西莫夫… names the host, not a visitor
        place_isos = {p.iso3 for p in places if p.iso3}
        src = [a for a in src if not (a.iso3 and a.iso3 in place_isos)]
        if not src:
            return []
        # one visit per country; a province travels with its country (中国广东省)
        by_country: dict[str, list[Actor]] = {}
        for a in places:
            key = a.iso3 or a.name
            by_country.setdefault(key, []).append(a)
        out = []
        for group in by_country.values():
            ev = self._event("visit", sent, ts, src, group)
            ev.visit_kind = mode or None
            out.append(ev)
        return out

    # sign ----------------------------------------------------------------------------
    def _sign(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        before = self.text[max(s.start, ts - 12):ts]
        if "见证" in before or before.endswith("所") or \
                ("见证" in self.text[self.clause_start(ts, s.start):ts] and self.text.startswith(("仪式", "签字仪式"), te)):
            return []
        ce = self.clause_end(te, s.end)
        obj = self.text[te:ce]
        if t == "交换" and not any(w in obj for w in _AGREEMENT):
            return []
        if t == "签字" and "仪式" in obj[:3]:
            return []
        lo = max(self.clause_start(ts, s.start), ts - 8)
        named = [a.span for a in self.ctx.actors_in(max(s.start, lo - 12), ts)]
        lead = "".join(" " if any(sp.start <= k < sp.end for sp in named) else self.text[k] for k in range(lo, ts))
        # (a word inside a name is none: 计划投资部 is the Ministry of Planning and Investment)
        if any(w in lead for w in _NOT_YET) or self.text.startswith(("计划", "事宜"), te):
            return []  # hoped for or planned: nothing was signed yet
        p = self.partner(sent, ts)
        agreement = re.search(r"《[^》]{2,60}》", self.text[te:ce])
        if p is not None:
            partner, pos = p
            src = self._region_actors(self.clause_start(pos, s.start), pos,
                                      ("person", "org", "country", "group", "place"))
            if src:
                names = _names(partner) + ([agreement.group()[1:-1]] if agreement else [])
                return [self._event("sign", sent, ts, src, partner, names)]
        src = self.subject(sent, ts, ("person", "org", "country", "group"))
        tgt = [a for a in self.ctx.actors_in(te, ce, ("person", "org", "country"))]
        if not src and _PAIR.search(self.text, self.clause_start(ts, s.start), ts):
            # 双方签署了…文件: the page's two sides, as countries
            sides = self.ctx.sides()
            if sides is not None:
                src, tgt = [sides[0]], [sides[1]] + tgt
        if not src:
            return []
        names = _names(tgt) + ([agreement.group()[1:-1]] if agreement else [])
        if not names:
            return []
        return [self._event("sign", sent, ts, src, tgt, names)]

    # attend / host --------------------------------------------------------------------
    def _attend(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        return self._gathering("attend", sent, t, ts, te)

    def _host(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        if self.text.startswith(("会谈", "会晤", "座谈", "电话", "视频", "会见", "了会谈", "了会见"), te):
            return []
        if re.match(r"了?(?:双边|正式|工作|简短|友好|首次)?(?:会谈|会晤|会见|会面|通话)", self.text[te:te + 8]):
            return []  # 举行双边会晤: a meeting, read by its own trigger
        return self._gathering("host", sent, t, ts, te)

    def _gathering(self, type_: str, sent: SentenceCtx, t: str, ts: int, te: int) -> list[Event]:
        s = sent.span
        pos = te
        if self.text.startswith(("计划", "事宜", "工作", "筹备", "准备"), te):
            return []  # 举办计划, 举办事宜: a noun, not an event held
        if type_ == "host" and self.text.startswith("召开", pos):
            pos += 2
        got = self.object_np(pos, s.end)
        if got is None or _GENERIC.match(got[0]):
            return []
        name, np_span = got
        after = self.text[np_span.end:np_span.end + 1]
        src: list[Actor]
        if type_ == "host":
            led = re.search(r"由([^，。；]{1,40})$", self.text[self.clause_start(ts, s.start):ts])
            if led and re.search(r"[在于][^，。；]{0,20}$", led.group(1)):
                return []  # 由X在…举行的会议上提议的…: X is the proposer, 举行 names the occasion
            if self.text[te:te + 1] == "的" or (led and True):
                if led:
                    base = self.clause_start(ts, s.start)
                    src = self.ctx.actors_in(base + led.start(1), ts, ("person", "org", "country", "group"))
                else:
                    return []
            else:
                src = self.subject(sent, ts, ("person", "org", "country", "group"))
        else:
            if after == "的":
                src = [a for a in self.ctx.actors_in(np_span.end, s.end, ("person",))][:1]
            else:
                src = self.subject(sent, ts, ("person", "org", "country", "group"))
        if not src:
            return []
        # only gatherings with a foreign element (no domestic ceremonies)
        if not self._foreign(s, src):
            return []
        out = []
        chair = _CHAIRED_BY.match(name) if type_ == "attend" else None
        if chair and len(name) - chair.end() >= 2:
            # 出席由新加坡总理李显龙主持召开的非正式会议: an attendance and a host
            name = name[chair.end():]
            hosts = self.ctx.actors_in(np_span.start + 1, np_span.start + chair.end(),
                                       ("person", "org", "country", "group"))
            persons = [a for a in hosts if a.kind == "person"]
            if hosts:
                out.append(self._event("host", sent, ts, persons or hosts[:1], [], [name]))
        names = self._split_gatherings(name) if type_ == "attend" else [name]
        for i, nm in enumerate(names):
            out.insert(i, self._event(type_, sent, ts, src, [], [nm]))
        if type_ == "attend" and _SIGNING_CEREMONY.search(name):
            # leaders attending their countries' signing or exchange ceremony: the documents are
            # signed between their sides (the annotators' practice, dev and held-out alike)
            sides = self._ceremony_sides(src, name, np_span, s)
            if sides is not None:
                ev = self._event("sign", sent, ts, sides[0], sides[1])
                out.append(ev)
        return out

    def _split_gatherings(self, name: str) -> list[str]:
        """出席A会议(GMS8)、B峰会和C峰会: one attendance per gathering named in the list."""
        parts = [p.strip() for p in re.split(r"、|以及|和|及", name)]
        nouns = tuple(self.nouns)

        def whole(p: str) -> bool:
            core = re.sub(r"\s*[（(][^)）]{1,20}[)）]$", "", p)
            return len(core) >= 4 and core.endswith(nouns)

        if len(parts) >= 2 and all(whole(p) for p in parts) and \
                not any(p.startswith(("相关", "有关", "其他", "系列", "各项", "一些", "多项", "其它")) for p in parts):
            return parts  # (会议和相关双边活动: one trip's programme, not a second gathering)
        return [name]

    def _ceremony_sides(self, src: list[Actor], name: str, np_span: Span, s: Span) -> tuple[list[Actor], list[Actor]] | None:
        persons = [a for a in src if a.kind == "person"]
        isos = {a.iso3 for a in persons if a.iso3}
        if len(persons) >= 2 and len(isos) != 1:
            return persons[:1], persons[1:]
        # one attendee: the other side is a country named in the ceremony's name or sentence
        home = {a.iso3 for a in src if a.iso3} or {self.ctx.home}
        others = [Actor(m.text, m.span, "country", m.value) for m in self.ctx.entities_between(s.start, s.end)
                  if m.kind == "country" and m.value and m.value not in home]
        if src and others:
            return src[:1], others[:1]
        return None

    def _foreign(self, s: Span, actors: list[Actor]) -> bool:
        if any(a.iso3 and a.iso3 != self.ctx.home for a in actors):
            return True
        for m in self.ctx.entities_between(s.start, s.end):
            if (m.value and m.value != self.ctx.home) or (m.kind == "org" and not m.value and
                                                            self.lex.entities[m.text].sub == "intl"):
                return True
            if m.kind == "region":
                return True
        seg = self.text[s.start:s.end]
        return any(w in seg for w in _FOREIGN_WORDS)

    # congratulate -----------------------------------------------------------------------
    def _congratulate(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        if mode == "wish" and not (self.ctx.roundup and sent.kind == "body" and
                                   self.ctx.actors_in(self.clause_start(ts, s.start), ts, ("person",))):
            # NAME祝愿…: in a round-up of messages (各国领导致电祝贺…) each sender's paragraph is his
            # message; elsewhere a wish voiced in talks is no congratulation
            return []
        if self.text[max(s.start, ts - 1):ts] == "的":
            return []
        # (the purpose may close a list of messages: A致电B；C致电D，庆祝两国建交50周年。)
        if t in ("致电", "致函", "致信") and not re.search(r"祝贺|庆祝|致贺|贺电|贺信|贺函|恭贺|表示祝贺",
                                                       self.text[te:_period_end(self.text, te)]):
            return []  # a call or a letter, congratulating only when it says so
        if t not in _MESSAGE_TRIGGERS and _MESSAGE.search(self.text, s.start, ts):
            return []  # 致贺电，祝贺他当选…: the message's content, the message is the one act
        if "表示" in t and (not _MESSAGE.search(self.text, s.start, s.end) or
                            not self.ctx.actors_in(s.start, ts, ("person",))):
            return []  # 对越南的发展表示祝贺 said in talks: a remark, no message of congratulation
        spread = self._spread_congratulations(sent, ts)
        if spread is not None:
            return spread
        src = self.subject(sent, ts, ("person", "org", "country", "group"))
        cs = self.clause_start(ts, s.start)
        tgt: list[Actor] = []
        i = self.preposition(cs, ts, "向对")
        if i >= 0:
            tgt = self.ctx.actors_in(cs + i, ts, ("person", "org", "country"))
            src = [a for a in src if a.span.end <= cs + i]
            if not tgt and re.match(r"(?:他|她|其|对方)(?:们)?", self.text[cs + i + 1:ts]):
                # 向他致贺电: the person the sentence named before
                before = [a for a in self.ctx.actors_in(s.start, cs + i, ("person",))
                          if a.name not in {x.name for x in src}]
                tgt = before[-1:]
        if not tgt:
            ce = self.clause_end(te, s.end)
            tgt = self.ctx.actors_in(te, ce, ("person", "org", "country"))
            persons = [a for a in tgt if a.kind == "person"]
            tgt = persons[:3] if persons else tgt[:1]
        topic = _ON_ELECTION.search(self.text, cs, ts)
        if topic is not None and not tgt:
            # 就阮富仲总书记当选国家主席发来贺电: the one elected is the one congratulated
            tgt = self.ctx.actors_in(topic.start(), topic.end(), ("person",))[:1]
            src = [a for a in src if a.span.end <= topic.start()]
        if src and not tgt and t in ("发来贺电", "发来贺信", "发来贺函", "致贺信", "致贺电", "贺信", "贺电", "贺函"):
            # NAME发来贺信: the one congratulated is the page's own subject, its first person of
            # another country than the sender's
            src_iso = {a.iso3 for a in src if a.iso3}
            tgt = next(([a] for a in self.ctx.persons if a.iso3 and a.iso3 not in src_iso), [])
        if not src or not tgt:
            return []
        # a message goes to one person: X向A和B致贺电 is two messages (and A、B向X, two senders)
        tp, sp = [a for a in tgt if a.kind == "person"], [a for a in src if a.kind == "person"]
        if len(tp) > 1 and len(src) == 1:
            return [self._event("congratulate", sent, ts, src, [a]) for a in tp]
        if len(sp) > 1 and len(tgt) == 1:
            return [self._event("congratulate", sent, ts, [a], tgt) for a in sp]
        return [self._event("congratulate", sent, ts, src, tgt)]

    def _spread_congratulations(self, sent: SentenceCtx, ts: int) -> list[Event] | None:
        """``A、B、C分别向D，E，F致贺电``: the senders before 分别向, the receivers after it, over
        commas. The text does not say who wrote to whom; each sender's event lists every
        receiver (or each receiver's every sender, when fewer write to more)."""
        s = sent.span
        m = None
        for m2 in re.finditer(r"分别(?:向|对|给)", self.text[s.start:ts]):
            m = m2
        if m is None:
            return None
        j, k = s.start + m.start(), s.start + m.end()
        tgt = self.ctx.actors_in(k, ts, ("person",)) or self.ctx.actors_in(k, ts, ("org", "country"))
        src = self.ctx.actors_in(self.clause_start(j, s.start), j, ("person",)) or \
            self.ctx.actors_in(self.clause_start(j, s.start), j, ("org", "country", "group"))
        src, tgt = _dedupe(src), _dedupe(tgt)
        if not src or not tgt:
            return None
        if len(src) >= len(tgt):
            return [self._event("congratulate", sent, ts, [a], tgt) for a in src]
        return [self._event("congratulate", sent, ts, src, [b]) for b in tgt]

    # aid --------------------------------------------------------------------------------
    def _aid(self, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        # thanks for, or receipt of, aid refers to it; the giving is reported elsewhere
        if re.search(r"感谢|感激|接收|接受|收到|受援|领取", self.text[s.start:ts]):
            return []
        if self.text.startswith(("总额", "资金", "项目", "金额", "方", "物资的"), te) and not self.text.startswith("了", te):
            return []
        cs = self.clause_start(ts, s.start)
        if _AID_STATE.search(self.text, cs, ts) or re.match(r"[^，。；]{0,6}的(?:最大|主要|重要)", self.text[te:te + 12]):
            return []  # a standing state (是…最大来源国) or a running total, not an act of giving
        i = self.preposition(cs, ts, "向")
        if i >= 0:
            tgt = self.ctx.actors_in(cs + i, ts, ("person", "org", "country", "group", "place"))
            if not tgt:
                np_ = self.text[cs + i + 1:ts].strip()
                if 2 <= len(np_) <= 16:
                    tgt = [Actor(np_, Span(cs + i + 1, ts), "group", None)]
            src = self._region_actors(cs, cs + i, ("person", "org", "country", "group"))
            if not src:
                src = self._region_actors(s.start, cs + i, ("person", "org", "country", "group"))
        else:
            src = self.subject(sent, ts, ("person", "org", "country", "group"))
            ce = self.clause_end(te, s.end)
            tgt = self.ctx.actors_in(te, ce, ("person", "org", "country", "group", "place"))
        # a country does not aid itself: a Lao leader speaking of aid to Laos is no donor
        # (俄罗斯对越南向俄罗斯捐赠…表示感谢: the donor is 越南)
        tgt_isos = {a.iso3 for a in tgt if a.iso3}
        src = [a for a in src if not (a.iso3 and a.iso3 in tgt_isos)]
        if not src and i >= 0:
            # the actor right before 向 (对越南向俄罗斯…: 对 is "about" here, not a destination)
            near = [a for a in self.ctx.actors_in(cs, cs + i, ("person", "org", "country", "group"))
                    if not (a.iso3 and a.iso3 in tgt_isos)]
            src = near[-1:]
        tgt = [a for a in tgt if not any(_same(a.name, b.name) for b in src)]
        if not src or not tgt:
            return []
        if len(tgt) == 1 and tgt[0].kind == "group" and _EACH.match(tgt[0].name):
            # 向每个国家提供10万美元: each of the countries the sentence named before
            src_isos = {a.iso3 for a in src if a.iso3}
            named = _dedupe([a for a in self.ctx.actors_in(s.start, tgt[0].span.start, ("country",))
                             if a.iso3 not in src_isos and self.text[a.span.start - 1:a.span.start] != "驻"])
            if named:
                return [self._event("aid", sent, ts, src, [a]) for a in named]
            return []
        return [self._event("aid", sent, ts, src, tgt)]


def _period_end(text: str, pos: int) -> int:
    """End of the full sentence at ``pos`` (to its 。, over semicolons and line ends)."""
    i = text.find("。", pos)
    return len(text) if i < 0 else i


def _all_index(s: str, w: str) -> list[int]:
    out, i = [], s.find(w)
    while i >= 0:
        out.append(i)
        i = s.find(w, i + 1)
    return out


def _in_paren(text: str, pos: int, sent: Span) -> bool:
    """True when ``pos`` sits inside a parenthesis (anniversary ranges, asides)."""
    left = text[sent.start:pos]
    return left.count("(") + left.count("（") > left.count(")") + left.count("）")


# -- merging --------------------------------------------------------------------------
def _same(a: str, b: str) -> bool:
    a2, b2 = _norm(a), _norm(b)
    if not a2 or not b2:
        return False
    short, long_ = sorted((a2, b2), key=len)
    return short == long_ or (len(short) >= 2 and short in long_)


def _norm(s: str) -> str:
    s = re.sub(r"[（(][^)）]*[)）]", "", s)
    return re.sub(r"[\s“”\"'《》「」]", "", s)


def _overlap(xs: list[str], ys: list[str]) -> bool:
    return any(_same(x, y) for x in xs for y in ys)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _dates_near(a: Event, b: Event, days: int = 10) -> bool:
    """One trip reported day by day (announced, departed, arrived, met): dates within ``days``."""
    if _dates_compatible(a.date, b.date):
        return True
    da, db = date_of(a.date), date_of(b.date)
    if da is None or db is None:
        return False
    ea, eb = date_of(a.date_end) or da, date_of(b.date_end) or db
    return (db - ea).days <= days and (da - eb).days <= days


_MISSION = ("大使馆", "总领事馆", "领事馆", "代表处", "代表机构")


def same_occurrence(a: Event, b: Event, persons: frozenset[str] = frozenset()) -> bool:
    if a.type != b.type:
        return False
    if a.type == "visit" and _dates_near(a, b) and _overlap(a.source, b.source):
        # the same visitor in the same country within days is one trip; a call on the home
        # country's embassy during it is part of it
        if _overlap(a.target, b.target) or bool(set(a.target_iso3) & set(b.target_iso3)) or \
                any(t.endswith(_MISSION) for t in a.target + b.target):
            return True
    if a.caption != b.caption and _dates_near(a, b, 10):
        # a caption illustrates the story: one shared side is enough, and a caption that
        # names nobody (越南政府总理与欧盟委员会主席通电话。) is the story's event; its date is
        # the page's, not always the event's
        src = _overlap(a.source, b.source) or _overlap(a.source + a.target, b.source + b.target)
        tgt = _overlap(a.target, b.target) or bool(set(a.target_iso3) & set(b.target_iso3))
        cap = a if a.caption else b
        if src or tgt or not any(x in persons for x in cap.source + cap.target):
            return True
    if not _dates_compatible(a.date, b.date):
        return False
    if a.type in ("meet", "phone_call") and _overlap(a.target, b.target) and a.date and b.date:
        # the same person met on the same day by a delegation and by its leader: one meeting.
        # Two different persons on the host side are two meetings.
        pa = {x for x in a.source if x in persons}
        pb = {x for x in b.source if x in persons}
        if not (pa and pb) or pa & pb:
            return True
    if a.type in ("meet", "phone_call", "sign"):
        xa, xb = a.source + a.target, b.source + b.target
        return _overlap(a.source, xb) and _overlap(a.target, xb) and _overlap(b.target, xa)
    if a.type == "visit":
        same_place = _overlap(a.target, b.target) or bool(set(a.target_iso3) & set(b.target_iso3))
        return _overlap(a.source, b.source) and same_place
    if a.type == "aid" and a.date and a.date == b.date:
        # one donation told twice on one day (越南向老挝援助… / 越南政府…向老挝移交…)
        return _overlap(a.target, b.target) or bool(set(a.target_iso3) & set(b.target_iso3))
    return _overlap(a.source, b.source) and _overlap(a.target, b.target)


def merge_events(events: list[Event], persons: frozenset[str] = frozenset()) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        for cur in out:
            if same_occurrence(cur, ev, persons):
                _absorb(cur, ev)
                break
        else:
            out.append(ev)
    return out


def _absorb(cur: Event, ev: Event) -> None:
    if cur.type in ("meet", "phone_call", "sign") and _overlap(ev.source, cur.target) and \
            not _overlap(ev.source, cur.source):
        ev.source, ev.target = ev.target, ev.source
        ev.source_iso3, ev.target_iso3 = ev.target_iso3, ev.source_iso3
    if cur.type == "visit" and any(t.endswith(_MISSION) for t in ev.target) and \
            not all(t.endswith(_MISSION) for t in cur.target):
        ev.target, ev.target_iso3 = [], []  # the trip's destination stays the country
    if cur.type == "visit" and cur.date_end and not ev.date_end:
        pass  # a stated range (1月12日至15日) is the trip's; reports around it keep it
    elif cur.type == "visit" and ev.date_end and not cur.date_end:
        cur.date, cur.date_end = ev.date, ev.date_end
    elif cur.type == "visit" and cur.date and ev.date and len(cur.date) == len(ev.date) == 10:
        # a trip: the earliest day reported is its start, the latest its end
        days = sorted(d for d in (cur.date, cur.date_end, ev.date, ev.date_end) if d)
        cur.date, cur.date_end = days[0], (days[-1] if days[-1] != days[0] else cur.date_end)
    elif (not cur.date or (ev.date and len(ev.date) > len(cur.date))) and ev.date:
        cur.date, cur.date_end = ev.date, ev.date_end
    for x in ev.source:
        if not any(_same(x, y) and len(y) >= len(x) for y in cur.source):
            cur.source.append(x)
    for x in ev.target:
        if not any(_same(x, y) and len(y) >= len(x) for y in cur.target):
            cur.target.append(x)
    cur.source_iso3 = sorted(set(cur.source_iso3) | set(ev.source_iso3))
    cur.target_iso3 = sorted(set(cur.target_iso3) | set(ev.target_iso3))
    cur.location = cur.location or ev.location
    cur.visit_kind = cur.visit_kind or ev.visit_kind
    if cur.caption and not ev.caption:
        cur.extra_evidence.append(cur.evidence)
        cur.evidence, cur.caption = ev.evidence, False
        if ev.date and cur.type != "visit":
            cur.date, cur.date_end = ev.date, ev.date_end  # a caption's date is the page's
    else:
        cur.extra_evidence.append(ev.evidence)


def date_of(iso: str | None) -> date | None:
    if iso and len(iso) == 10:
        return date.fromisoformat(iso)
    return None
