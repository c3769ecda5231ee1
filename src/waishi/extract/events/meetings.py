"""Frames of meetings, phone calls and visits."""

from __future__ import annotations

import re

from ...lexicon import Frame
from ...model import Event, Span
from ..places import visit_abbreviation
from .clauses import ClauseReader, listed
from .context import Actor, SentenceCtx, _dedupe
from .pronouns import PRONOUN as _PRONOUN
from .words import (
    INVITE,
    LED_BY,
    MEETING_AS_NOUN,
    MUTUAL,
    NOT_A_VISIT,
    OBJECT_THEN_WHEN,
    PRESS,
    SKIP_AFTER_MEET,
    TOURISTS,
)

_ARRIVED = re.compile(r"抵达(?=[^，。；]{2,12}[，,])")


_LIST_REACH = 16  # a listed person's title and name start this close to the comma before


# the passive of a meeting: 获/被/受到 + the one who receives + (的)(亲切) + the trigger
_PASSIVE = re.compile(r"(?:获|被|受到|得到)(?=[^，。；]{2,90}?(?:的)?(?:亲切|热情)?$)")


# (高度评价B2017年对越进行正式访问的成果: the visit's outcome, the visit B's own)
_OUTCOME = re.compile(r"(?:重要)?(?:成果|结果|成效|意义|成功)")
_COORDINATED = re.compile(r"\s*(?:并且|并|还|也|又|随后)")


def _by_country(partners: list[Actor]) -> list[list[Actor]]:
    """A call with persons of several countries (与老挝总理A和柬埔寨首相B通电话) is one call
    each: calls are between two sides. Persons of one country (or of none known) stay one call."""
    persons = [a for a in partners if a.kind == "person"]
    isos = {a.iso3 for a in persons}
    if len(persons) < 2 or len(isos) < 2 or None in isos:
        return [partners]
    return [[a] for a in persons]


_CHOSE = re.compile(r"[^，。；]{0,4}?(?:选择|选定|定在)了?(\S{2,12})")
_AS_FIRST = re.compile(r"把(\S{2,12}?)(?:作为|当作|列为)[^，。；]{0,8}$")
_COUNTED_COUNTRIES = re.compile(r"对([两三四五])国(?:进行|开展|展开)[^，。；]{0,8}$")
_PAIR_DASH = re.compile(r"\s*[—\-–－]")  # 中国—中东欧…会晤: a country opening a gathering's name
_GLOSS = re.compile(r"\s*[（(][^)）]{1,8}[)）]\s*")


# a person with an adverb after him opens a clause of his own (马丁还将到访…), no item of a list
_OWN_SUBJECT = re.compile(r"还|将|也|又|则|随后|随即")


# 结束为期两天汶莱工作访问, 展开澳大利亚国事访问: a trip's destination as the modifier of the visit's noun
_NAMED_TRIP = re.compile(r"(?:结束|开始|展开|进行)(?:了)?(?:为期[^，。；]{1,4}?[天日]的?)?([\u4e00-\u9fff]{2,8}?)(?:国事|正式|工作|友好|私人)*$")


class Meetings(ClauseReader):
    # meet -----------------------------------------------------------------------------
    def _read_meeting(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        if mode == "credentials":
            return self._credentials(sent, ts)
        if self._no_meeting(sent, ts, te):
            return []
        if mode == "partner":
            # A同B就…交换意见: an exchange of views is a meeting only with a partner named (双方…交换了
            # 意见 restates the meeting reported); …，同B就…交换意见 takes the sentence's subject
            lead = self._clause_initial_partner(sent, ts)
            if lead is not None:
                return [self._event("meet", sent, ts, lead[0], g) for g in self._titled_apart(lead[1], ts)]
            return self._partner_meeting(sent, t, ts, te)
        pair = self._pair_meeting(sent, ts)
        if pair is not None:
            return [self._event("meet", sent, ts, [pair[0]], [pair[1]])]
        separate = self._separate_partners(sent, ts) or self._listed_meetings(sent, ts, te)
        if separate:
            return separate
        # a clause that opens with 与/同 (…，与X会面) has its subject before it
        lead = self._clause_initial_partner(sent, ts)
        if lead is not None:
            return [self._event("meet", sent, ts, lead[0], g) for g in self._titled_apart(lead[1], ts)]
        # (A受到B和C的接见: a passive first, its 和 joins the receivers, no partner of A)
        partnered = self._passive_meeting(sent, ts) or self._partner_meeting(sent, t, ts, te)
        if partnered:
            return partnered
        src = self.subject(sent, ts, frame.source)
        tgt = [a for a in self._meeting_object(sent, te) if not any(w in a.name for w in PRESS)]
        if src and not tgt:
            return self._carried_partner(sent, ts)
        if not src or not tgt:
            return []
        src = [a for a in src if a.name not in {x.name for x in tgt}]
        if not src:
            return []
        if not self._foreign(sent.span, src + tgt) or all(a.iso3 == self.ctx.home for a in src + tgt):
            return []  # 拜访原党和国家领导人, two Vietnamese officials: a domestic call, not foreign relations
        return self._each_met(sent, ts, src, tgt)

    def _each_met(self, sent: SentenceCtx, ts: int, src: list[Actor], tgt: list[Actor]) -> list[Event]:
        """The meetings a subject and an object make: one each over a 分别 list or titled persons."""
        persons = _dedupe([a for a in tgt if a.kind == "person"])  # (维克多•奥尔班 read as two spans)
        each = "分别" in self.text[max(sent.span.start, ts - 4):ts]
        if len(persons) > 1 and each:
            return [self._event("meet", sent, ts, src, [a]) for a in persons]  # 分别会见A和B
        if each and not persons and len(tgt) > 1 and all(a.kind == "group" for a in tgt):
            return [self._event("meet", sent, ts, src, [a]) for a in tgt]  # 分别会见A国议长、B国议长
        hosts = [a for a in src if a.kind == "person"]
        if len(hosts) > 1 and each:
            return [self._event("meet", sent, ts, [a], tgt) for a in hosts]  # A和B分别会见了C
        # 会见参议院主席A和国会主席B (each with a title of his own): two meetings
        groups = self._titled_apart(persons)
        if len(groups) > 1:
            return [self._event("meet", sent, ts, src, g) for g in groups]
        return [self._event("meet", sent, ts, src, tgt)]

    def _passive_meeting(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """A获B接见, A受到B的亲切会见: the passive names the one who receives (B) after its marker, and
        the one received (A) as the clause's subject."""
        cs = self.clause_start(ts, sent.span.start)
        m = _PASSIVE.search(self.text, cs, ts)
        if m is None:
            return []
        agents = self.ctx.actors_in(m.end(), ts, ("person", "group"))
        received = self.ctx.actors_in(cs, m.start(), ("person", "group"))
        if not agents or not received:
            return []
        # (A及代表团受到B和C的接见: the person received heads the subject; each receiver a meeting)
        persons = [a for a in received if a.kind == "person"]
        guest = persons[-1:] if persons else received[-1:]
        hosts = [a for a in agents if a.kind == "person"]
        if len(hosts) > 1:
            return [self._event("meet", sent, ts, [a], guest) for a in _dedupe(hosts)]
        return [self._event("meet", sent, ts, agents, guest)]

    def _no_meeting(self, sent: SentenceCtx, ts: int, te: int) -> bool:
        """A meeting word that reports no meeting here."""
        if SKIP_AFTER_MEET.match(self.text[te:te + 3]) and not OBJECT_THEN_WHEN.match(self.text, te, te + 44):
            # 会谈中/会见时 refer back to a meeting reported before, unless the clause names the
            # partner: 在同NAME举行会谈时强调 reports it
            p = self.partner(sent, ts, named_only=True)
            lead = self._clause_initial_partner(sent, ts) if p is None else None
            if (p is None or not any(a.kind == "person" for a in p[0])) and \
                    not (lead and any(a.kind == "person" for a in lead[1])):
                return True
        if re.match(r"[和与、及](?:会谈|会晤|会面|座谈)", self.text[te:te + 3]):
            return True  # 会见和会谈: one meeting, read at its second word
        if TOURISTS.search(self.text, te, self.clause_end(te, sent.span.end)):
            return True  # 接待…游客…万人次: tourism counted, not a counterpart met
        if MUTUAL.search(self.text, self.clause_start(ts, sent.span.start), ts):
            return True  # 与NAME三次通电话和直接会见: a tally of meetings, not one
        return self.text[max(sent.span.start, ts - 3):ts].endswith(("主持", "出席", "参加"))

    def _credentials(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """A接受B、C递交国书 / B向A递交国书: the head of state receives each envoy, a meeting each."""
        cs = self.clause_start(ts, sent.span.start)
        recv = self.text.rfind("接受", cs, ts)
        to = self.preposition(cs, ts, "向")
        if recv >= 0:
            host = self.subject(sent, recv, ("person", "org", "country"))
            envoys = self.ctx.actors_in(recv + 2, ts, ("person",))
        elif to >= 0:
            host = self.ctx.actors_in(cs + to + 1, ts, ("person",)) or \
                self.ctx.actors_in(cs + to + 1, ts, ("org", "country"))
            envoys = self.subject(sent, cs + to, ("person",))
        else:
            return []
        host = [a for a in host if a.name not in {e.name for e in envoys}]
        if not host or not envoys:
            return []
        return [self._event("meet", sent, ts, host[:1], [a]) for a in _dedupe(envoys)]

    def _listed_meetings(self, sent: SentenceCtx, ts: int, te: int) -> list[Event]:
        """A，B，C分别会见X: one meeting each."""
        hosts = self._listed_subjects(sent, ts)
        tgt = [a for a in self._meeting_object(sent, te) if not any(w in a.name for w in PRESS)] if hosts else []
        return [self._event("meet", sent, ts, [a], tgt) for a in hosts] if tgt else []

    def _listed_subjects(self, sent: SentenceCtx, ts: int) -> list[Actor]:
        """``A，B，C分别会见X``: the titled persons listed over commas before 分别, each a subject."""
        if "分别" not in self.text[max(sent.span.start, ts - 3):ts]:
            return []
        out: list[Actor] = []
        end = self.text.rfind("分别", sent.span.start, ts)
        while end > sent.span.start:
            start = max(self.text.rfind(c, sent.span.start, end) for c in "，,、；") + 1
            start = max(start, sent.span.start)
            persons = self.ctx.actors_in(start, end, ("person",))
            if not persons or any(start <= t0 < end for t0 in self._sent_trigs):
                break
            out = persons[-1:] + out
            end = start - 1
        return out if len(out) >= 2 else []

    def _partner_meeting(self, sent: SentenceCtx, t: str, ts: int, te: int) -> list[Event]:
        """A与B会谈: the partner before the trigger, the subject before the partner (a province
        or a city holds talks too: 山罗省与赛宋奔省领导举行了会谈); a pronoun, or the subject
        carried from the sentence's first predicate (…，并将与X举行会谈)."""
        p = self.partner(sent, ts, named_only=True) or self.pronoun_partner(sent, ts)
        if p is None or not (t in ("会谈", "会晤", "座谈", "座谈会", "举行会谈", "举行会晤", "举行双边会议", "会面", "见面", "工作会谈",
                                   "交换意见", "交换了意见")
                             or self.text[te:te + 1] in "，。,"):
            return []
        partner, pos = p
        pcs = self.clause_start(pos, sent.span.start)
        # (他将于19日在越南河内与B举行会谈: a pronoun subject before the place the talks are held in)
        src = (self.pronoun_subject(sent, pcs) if _PRONOUN.match(self.text, pcs) else []) or \
            self._region_actors(pcs, pos, ("person", "org", "country", "group", "place")) or \
            self.pronoun_subject(sent, pcs) or self._semicolon_subject(sent, pos)
        if not src and pcs > sent.span.start:
            src = [a for a in self.subject(sent, pos, ("person", "org", "country", "group"))
                   if a.name not in {x.name for x in partner}]
        if len(src) >= 2 and all(a.kind == "country" for a in src) and re.match(r"(?:国家)?领导人?", self.text[src[-1].span.end:pos]):
            # (缅甸和越南领导人将与辛格会晤, on a page that named each country's leader: those leaders; not
            # 中国领导人将同B会谈, leaders left unnamed)
            named = [next((p for p in self.ctx.persons if p.iso3 == a.iso3 and p.span.start < a.span.start), None) for a in src]
            src = [p for p in named if p is not None] if all(named) else src
        if not src:
            return []
        return [self._event("meet", sent, ts, src, group) for group in self._titled_apart(partner, ts)]

    def _carried_partner(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """A同B举行视频会谈，并在…期间进行了双边会晤: a coordinated predicate with no partner or
        subject of its own meets the partner of the act before it, with that act's subject."""
        cs = self.clause_start(ts, sent.span.start)
        before = [t0 for t0 in self._sent_trigs if sent.span.start <= t0 < cs]
        if not before or not _COORDINATED.match(self.text, cs) or self.ctx.actors_in(cs, ts, ("person",)):
            return []
        p = self.partner(sent, before[-1], named_only=True)
        src = self._region_actors(self.clause_start(p[1], sent.span.start), p[1], ("person", "org")) if p else []
        return [self._event("meet", sent, ts, src, g) for g in self._titled_apart(p[0], ts)] if p and src else []

    def _titled_apart(self, persons: list[Actor], ts: int | None = None) -> list[list[Actor]]:
        """与总统A、总理B会谈 (each with a title of his own; in a list of three or more, all but the
        first, whose title the page gave before), 同A、B和C分别举行会谈: a meeting each; else one."""
        persons = _dedupe(persons)  # (NAME·NAME and its last part read again inside it: one person)
        ps = [a for a in persons if a.kind == "person"]
        if ts is not None and len(ps) > 1 and "分别" in self.text[ps[-1].span.end:ts]:
            return [[a] for a in ps]
        # (主席(议长)NAME: a gloss of the title between it and the name)
        # (NAME总统、NAME总理: titles written after the names)
        titled = [a for a in ps if any(t.end == a.span.start or t.start == a.span.end or (
            t.end < a.span.start and _GLOSS.fullmatch(self.text, t.end, a.span.start)) for t in self.ctx.title_spans)]
        if len(ps) == len(persons) and (len(titled) == len(ps) > 1 or (len(ps) >= 3 and titled == ps[1:])):
            return [[a] for a in ps]
        return [persons]

    def _separate_partners(self, sent: SentenceCtx, ts: int, etype: str = "meet") -> list[Event]:
        """分别与A和B会谈, 分别同A、B和C通电话: one meeting or call with each partner."""
        sep = re.search(r"分别(?:与|同|和|跟)", self.text[sent.span.start:ts])
        if not sep:
            return []
        ps = sent.span.start + sep.start()
        partners = self.ctx.actors_in(sent.span.start + sep.end(), ts, ("person",))
        src = self.subject(sent, ps, ("person", "org", "country", "group"))
        src = [a for a in src if a.name not in {p.name for p in partners}]
        if len(partners) > 1 and src:
            return [self._event(etype, sent, ts, src[:1], [a]) for a in partners]
        subjects = [a for a in src if a.kind == "person"]
        if len(partners) == 1 and len(subjects) > 1:
            # A、B和C分别与D会谈: 分别 distributes over the subjects, one meeting each
            return [self._event(etype, sent, ts, [a], partners) for a in subjects]
        src = src[:1]
        if not partners and src:
            # 分别与老挝、柬埔寨和印尼国会领导人会晤: countries listed before a shared head, one each
            listed = self._countries_with_head(sent.span.start + sep.end(), ts)
            if len(listed) > 1:
                return [self._event(etype, sent, ts, src, [a]) for a in listed]
        return []

    def _countries_with_head(self, lo: int, hi: int) -> list[Actor]:
        m = re.match(r"(?P<list>[^，。；,;]+?)(?P<head>(?:国会|议会|政府|外交部|国防部)?(?:领导人|领导|代表团|代表|高级官员))"
                     r"(?:举行|进行)?(?:了)?(?:双边|正式|工作)?$", self.text[lo:hi])
        if m is None:
            return []
        seg = m.group("list")
        hits = [(w, a, b) for w, a, b in self.lex.find("gazetteer", seg) if self.lex.entities[w].kind == "country"]
        rest = seg
        for w, _a, _b in hits:
            rest = rest.replace(w, "", 1)
        if len(hits) < 2 or re.sub(r"[、和及与\s]", "", rest):
            return []  # (only country names and their separators before the head)
        head = m.group("head")
        out: list[Actor] = []
        for w, a, b in hits:
            iso = self.lex.country_of(w)
            out.append(Actor(w + head, Span(lo + a, lo + b), "group", iso if isinstance(iso, str) else None))
        return out

    def _meeting_object(self, sent: SentenceCtx, te: int) -> list[Actor]:
        """Whom the meeting verb takes: the persons after it, else a body or group named there."""
        ce = self.clause_end(te, sent.span.end)
        # 分别拜会了A，以及B: the object runs over commas joined by 以及/和/及
        while ce < sent.span.end and self.text.startswith(("，以及", ",以及", "，和", "，及", "、"), ce):
            ce = self.clause_end(ce + 1, sent.span.end)
        # 分别会见了A(Latin),B(Latin),C和D: after 分别 (or 先后) a list of titled persons runs over plain commas
        if re.search("分别|先后", self.text[max(sent.span.start, te - 8):te]):
            while ce < sent.span.end and self.text[ce] in "，,":
                nxt = self.clause_end(ce + 1, sent.span.end)
                first = self.ctx.actors_in(ce + 1, nxt, ("person",))
                if not first or first[0].span.start - ce > _LIST_REACH or _OWN_SUBJECT.match(self.text, first[0].span.end):
                    break  # (…，访华期间马丁还将到访上海: the clause's subject, no item of the list)
                ce = nxt
        him = self.pronoun_object(sent, te, ce)
        if him:
            return him  # (A将会见B，C也将会见他: the one met before)
        # (会见应NAME的邀请…访问的B: the inviter in the relative clause is no one met)
        invited = [m.span() for m in INVITE.finditer(self.text, te, ce)]
        tgt = [a for a in self.ctx.actors_in(te, ce, ("person",)) if not any(a0 <= a.span.start < b0 for a0, b0 in invited)]
        if tgt:
            return tgt
        # 会见了古巴最高领导人，如A、B和C: the leaders met, listed after the class they belong to
        such = re.match(r"[，,]\s*(?:如|包括|例如|其中包括)", self.text[ce:ce + 6])
        if such:
            listed_ = self.ctx.actors_in(ce + such.end(), self.clause_end(ce + such.end(), sent.span.end), ("person",))
            if listed_:
                return listed_
        obj = re.sub(r"(?:时|期间|之际|时表示|后)$", "", self.text[te:ce].lstrip("了").strip())
        if obj[:1] in "，,；;":
            return []  # (…会面，以及也会前往上海: the verb took no object; another predicate follows)
        if obj.endswith("外") and "除" in self.text[self.clause_start(te, sent.span.start):te]:
            obj = obj[:-1]  # 除王毅会见越南党政高官外: the object before 外
        inner = self.ctx.actors_in(te, ce, ("country", "org", "place"))
        listed = self._listed_offices(obj, ce)
        if listed:
            return listed
        # a free-text partner must name a body or a group (…代表团, …一行, 各国大使), or end with a
        # body or place named (会见越南外交部); a meeting word inside a name (第二次会晤准备工作,
        # 新春会晤开幕式) or before 圆满成功 names no partner, nor does …的相关内容
        if 2 <= len(obj) <= 20 and self.names_a_party(obj, inner) and \
                not self.text.startswith(MEETING_AS_NOUN, te):
            return [Actor(obj, Span(ce - len(obj), ce), "group", inner[0].iso3 if inner else None)]
        return self.ctx.actors_in(te, ce, ("group", "org", "country"))[:2]

    def _listed_offices(self, obj: str, ce: int) -> list[Actor]:
        """会见中国全国人大常委会委员长、日本国会众议院议长和蒙古国会主席等: office holders named by their
        offices alone, each a counterpart (each item a title after its country or body)."""
        body = re.sub(r"等(?:人|领导人)?$", "", obj)
        items = re.split(r"、|和|及|以及", body)
        if len(items) < 2 or not all(2 <= len(x) <= 20 for x in items):
            return []
        out: list[Actor] = []
        pos = ce - len(obj)
        for x in items:
            i = self.text.find(x, pos, ce)
            ends_titled = any(b == len(x) and a > 0 for _t, a, b in self.lex.find("titles", x))
            named = [w for w, _a, _b in self.lex.find("gazetteer", x)]
            if i < 0 or not ends_titled or not named:
                return []
            iso = self.lex.country_of(named[0])
            out.append(Actor(x, Span(i, i + len(x)), "group", iso if isinstance(iso, str) else None))
            pos = i + len(x)
        return out

    # phone ----------------------------------------------------------------------------
    def _read_call(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        if MUTUAL.search(self.text, self.clause_start(ts, sent.span.start), ts):
            return []  # 两国总理两次互相通电话: a tally of calls, not one call
        pair = self._pair_meeting(sent, ts)
        if pair is not None:
            return [self._event("phone_call", sent, ts, [pair[0]], [pair[1]])]
        separate = self._separate_partners(sent, ts, "phone_call")
        if separate:
            return separate
        lead = self._clause_initial_partner(sent, ts)
        if lead is not None:
            return [self._event("phone_call", sent, ts, lead[0], lead[1])]
        p = self.partner(sent, ts, named_only=True)
        if p is not None:
            partner, pos = p
            src = self._region_actors(self.clause_start(pos, sent.span.start), pos, ("person", "org", "country", "group")) or \
                self.pronoun_subject(sent, self.clause_start(pos, sent.span.start))
            if src:
                groups = _by_country(partner) if all(a.kind == "person" for a in src) else [partner]
                return [self._event("phone_call", sent, ts, src, group) for group in groups]
        src = self.subject(sent, ts, frame.source)
        ce = self.clause_end(te, sent.span.end)
        tgt = self.ctx.actors_in(te, ce, frame.target)
        if src and tgt:
            return [self._event("phone_call", sent, ts, src, tgt)]
        return []

    # visit ----------------------------------------------------------------------------
    def _read_trip(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        possessed = self._possessed_visit(sent, t, ts)
        if possessed is not None:
            return possessed
        if mode == "this":
            return self._this_trip(sent, ts)
        cs = self.clause_start(ts, s.start)
        ce = self.clause_end(te, s.end)
        got = self._trip_places(sent, t, ts, te, cs, ce, mode)
        if got is None:
            return []
        places = self._host_of_visitor(sent, t, ts, te) or got
        if mode in ("noun", "onward"):
            mode = ""
        if not places or self._travel(t, s, ts, te, cs, places):
            return []
        src = self._visitor(sent, ts, te, cs, ce)
        if not src:
            return []
        src = [a for a in src if a.name not in {p.name for p in places}]
        # nobody visits his own country: 访俄期间，格拉西莫夫… names the host, not a visitor; in a list
        # of places (访问A、B并出席中国—中东欧…会晤) his own country is a gathering's word, dropped
        homes = {a.iso3 or self._named_country(a.name) for a in src}
        if any(p.iso3 not in homes for p in places):
            places = [p for p in places if p.iso3 not in homes or not _PAIR_DASH.match(self.text, p.span.end)]
        place_isos = {p.iso3 for p in places if p.iso3}
        src = [a for a in src if (a.iso3 or self._named_country(a.name)) not in place_isos]
        if not src:
            return []
        # one visit per country; a province travels with its country (中国广东省)
        by_country: dict[str, list[Actor]] = {}
        for a in places:
            by_country.setdefault(a.iso3 or a.name, []).append(a)
        out = []
        apart = self._respective_dates(cs, ts, len(by_country))
        for k, group in enumerate(by_country.values()):
            if all(a.kind == "place" for a in group) and group[0].iso3:
                # 抵达河内: a city visited is its country visited, named before the city
                country = self.lex.country_names.get(group[0].iso3)
                if country:
                    group = [Actor(country, group[0].span, "country", group[0].iso3), *group]
            for visitors, when in self._dated_apart(src):
                ev = self._event("visit", sent, ts, visitors, group)
                when = apart[k] if apart else when
                if when is not None:
                    ev.date, ev.date_end = when
                ev.visit_kind = mode or None
                out.append(ev)
        return out

    def _respective_dates(self, cs: int, ts: int, n: int) -> list[tuple[str, str | None]] | None:
        """从3月17日至18日和从3月19日和20日分别对A和B进行访问: the clause's dates, one per country in order
        (a day joined by 和/至 to the one before ends its span), when 分别 distributes them."""
        if n < 2 or self.text.find("分别", cs, ts) < 0:
            return None
        spans: list[tuple[str, str | None]] = []
        last_end = -1
        for dm, iso, end in self.ctx.dates:
            if not (cs <= dm.start < ts) or not iso:
                continue
            if spans and spans[-1][1] is None and dm.month is None and self.text[last_end:dm.start] in ("和", "至", "到"):
                spans[-1] = (spans[-1][0], iso)  # (从3月19日和20日: one span)
            else:
                spans.append((iso, end))
            last_end = dm.end
        return spans if len(spans) == n else None

    def _trip_places(self, sent: SentenceCtx, t: str, ts: int, te: int, cs: int, ce: int, mode: str) -> list[Actor] | None:
        """Where a trip goes, by the trigger's form and mode; None when 前往/前来 names no destination."""
        if mode == "noun":
            # 越南、泰国、印度尼西亚之行: the places listed right before the noun are the trip's
            return self._listed_before(ts, ("country", "place"))
        if mode == "onward":
            # 明日转往马来西亚及柬埔寨: the trip's next countries, named right after the verb
            # (抵达越南, 抵达河内: the country or place arrived in; 抵达机场 names none)
            kinds = ("country", "place") if t == "抵达" else ("country",)
            return [a for a in self.ctx.actors_in(te, ce, kinds) if a.span.start - te <= 8]
        if t in ("前往", "前来", "赴", "飞往"):
            return self._destination(t, ts, te, ce)
        abbr = visit_abbreviation(self.lex, t, self.ctx.named_countries())
        if abbr:
            return [Actor(self.lex.country_names.get(abbr, t[1]), Span(ts + 1, te), "country", abbr)]
        return self._visited_places(sent, ts, te, cs, ce)

    def _possessed_visit(self, sent: SentenceCtx, t: str, ts: int) -> list[Event] | None:
        """``A迎接/感谢B的到访``: the visit is B's, to the country of A, who receives him."""
        if self.text[ts - 1:ts] != "的" or t not in ("到访", "来访", "访问"):
            return None
        cs = self.clause_start(ts, sent.span.start)
        persons = self.ctx.actors_in(cs, ts - 1, ("person",))
        if len(persons) < 2 or persons[-1].span.end != ts - 1:
            return None
        visitor, host = persons[-1], persons[0]
        name = self.lex.country_names.get(host.iso3) if host.iso3 else None
        if not name or host.iso3 == visitor.iso3:
            return []
        return [self._event("visit", sent, ts, [visitor], [Actor(name, host.span, "country", host.iso3)])]

    def _this_trip(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """``NAME(总理)此访/此行``: the visit the story tells of, said again with its visitor; to the country
        the story's first sentences set it in (在内比都, the dateline's city), not his own."""
        lead = self.text[max(sent.span.start, ts - 6):ts]
        persons = [a for a in self.ctx.actors_in(max(sent.span.start, ts - 16), ts, ("person",))
                   if not self.text[a.span.end:ts].strip() or self.text[a.span.end:ts] in self.lex.titles_after
                   or self.text[a.span.end:ts] in lead and len(self.text[a.span.end:ts]) <= 4
                   and self.lex.find("titles", self.text[a.span.end:ts])]
        if not persons:
            return []
        visitor = persons[-1]
        here = self._story_country(visitor.iso3)
        if here is None:
            return []
        name = self.lex.country_names.get(here, here)
        return [self._event("visit", sent, ts, [visitor], [Actor(name, Span(ts, ts), "country", here)])]

    def _story_country(self, own: str | None) -> str | None:
        """The country of the first place the document's opening sets its story in (在X, 于X)."""
        lo = self.ctx.doc_start
        for a in self.ctx.actors_in(lo, min(len(self.text), lo + 300), ("country", "place")):
            if a.iso3 and a.iso3 != own and self.text[a.span.start - 1:a.span.start] in ("在", "于", "抵"):
                return a.iso3
        return None

    def _host_of_visitor(self, sent: SentenceCtx, t: str, ts: int, te: int) -> list[Actor]:
        """``A与到访的B举行…``: the country B visits is A's, the one who receives him (the country
        after 的, 到访的印尼总统NAME, is the visitor's own)."""
        if t not in ("到访", "来访"):
            return []
        cs = self.clause_start(ts, sent.span.start)
        if not self.text.startswith("的", te):
            # 举行仪式，欢迎越南总理NAME到访: the one welcomed visits the country of who welcomes him
            w = self.text.rfind("欢迎", cs, ts)
            if w < 0 or not self.ctx.actors_in(w + 2, ts, ("person", "group")):
                return []
            iso = next((a.iso3 for a in reversed(self.ctx.actors_in(sent.span.start, w, ("person",))) if a.iso3), None)
            name = self.lex.country_names.get(iso) if iso else None
            return [Actor(name, Span(ts, ts), "country", iso)] if name else []
        m = re.search(r"(?:与|同|和|会见|会晤|接见|欢迎)(?:了)?$", self.text[cs:ts])
        if m is None:
            return []
        # (the host may stand before a comma: 安倍晋三今日下午在首相官邸，与到访的NAME举行会谈)
        iso = next((a.iso3 for a in self.ctx.actors_in(cs, cs + m.start(), ("person",)) if a.iso3), None) or \
            (next((a.iso3 for a in self.ctx.actors_in(sent.span.start, cs, ("person",)) if a.iso3), None) if m.start() == 0 else None)
        name = self.lex.country_names.get(iso) if iso else None
        return [Actor(name, Span(ts, ts), "country", iso)] if name else []

    def _listed_before(self, pos: int, kinds: tuple[str, ...]) -> list[Actor]:
        """The actors written as a list (A、B和C) that ends right at ``pos``."""
        out: list[Actor] = []
        for a in reversed(self.ctx.actors_in(max(0, pos - 40), pos, kinds)):
            gap = self.text[a.span.end:out[-1].span.start] if out else self.text[a.span.end:pos]
            if gap.strip() not in ("", "、", "和", "及", "与", ",", "，") or (not out and gap):
                break
            out.append(a)
        return out[::-1]

    def _dated_apart(self, src: list[Actor]) -> list[tuple[list[Actor], tuple[str, str | None] | None]]:
        """A于12月和B于6月对X进行访问: visitors each with a date of his own made a trip each, then;
        else one trip of them all."""
        persons = [a for a in src if a.kind == "person"]
        if len(persons) < 2:
            return [(src, None)]
        dated: list[tuple[list[Actor], tuple[str, str | None] | None]] = []
        # A和B分别于Y年M月和M月访问: the dates after 分别于, one for each visitor in turn
        last = persons[-1].span.end
        resp = re.match(r"[^，。；]{0,4}?分别于", self.text[last:last + 12])
        if resp:
            lo = last + resp.end()
            hi = next((j for j in (self.text.find(c, lo) for c in "，。；") if j >= 0), lo + 40)
            days = [(iso, end) for dm, iso, end in self.ctx.dates if iso and lo <= dm.start < min(hi, lo + 40)]
            if len(days) == len(persons):
                return [([a], d) for a, d in zip(persons, days, strict=True)]
        # (A、B和C将于4月2日至5日分别访问中国: 分别 after the visitors' dates)
        each = re.match(r"[^，。；]{0,20}?(?:先后|分别)(?:对|赴|到|前往|访)", self.text[last:last + 30]) is not None
        for a in persons:
            own = next(((iso, end) for dm, iso, end in self.ctx.dates
                        if iso and a.span.end <= dm.start <= a.span.end + 1
                        and self.text[a.span.end:dm.start] in ("", "于")), None)
            if own is None:
                # (A和B先后访华: a trip each, on days the text does not give)
                return [([p], None) for p in persons] if each else [(src, None)]
            dated.append(([a], own))
        return dated

    def _named_country(self, name: str) -> str | None:
        """The country of the country or body a group's name opens with (越南高级代表团,
        越南政府高级代表团 -> VNM), or None."""
        for w, a, _b in self.lex.find("gazetteer", name[:8]):
            if a == 0:  # (越南政府高级代表团: the body named first is the country's)
                return self.lex.country_of(w)
        return None

    def _counted_countries(self, seg: str, lo: int, cs: int) -> list[Actor]:
        """应A国总统和B国总统的邀请，分别对两国进行访问: the countries the sentence named before, when
        they are as many as counted."""
        counted = _COUNTED_COUNTRIES.search(seg)
        if counted is None:
            return []
        named: dict[str, Actor] = {}
        for m in self.ctx.entities_between(lo, cs + counted.start()):
            if m.kind == "country" and isinstance(m.value, str):
                named.setdefault(m.value, Actor(m.text, m.span, "country", m.value))
        return list(named.values()) if len(named) == "一两三四五".index(counted.group(1)) + 1 else []

    def _visited_places(self, sent: SentenceCtx, ts: int, te: int, cs: int, ce: int) -> list[Actor]:
        """Where the visit goes: 对/赴/到/抵达/前往 X before the trigger, a place the gazetteer does
        not know (对X进行访问), a mission after it (访问驻X大使馆), 访问X, or 这个国家 for the
        country named before."""
        s = sent.span
        seg = self.text[cs:ts]
        counted = self._counted_countries(seg, s.start, cs)
        if counted:
            return counted
        got = self._place_after_preposition(seg, cs, ts, te)
        if got:
            return got
        # (对意进行历史性访问, 展开首次对华访问: 进行 may be left out before a noun of visit)
        one = re.search(r"对([\u4e00-\u9fff])(?:(?:进行|开展|展开)[^，。；]{0,6})?$", seg)
        iso = visit_abbreviation(self.lex, "访" + one.group(1), self.ctx.named_countries()) if one else None
        if one and iso:
            # 对意进行历史性访问: a country's one-character abbreviation
            return [Actor(self.lex.country_names.get(iso, one.group(1)), Span(cs + one.start(1), cs + one.end(1)),
                          "country", iso)]
        at_ = re.search(r"在([^在，。；\s]{2,10}?)(?:进行|开展)[^，。；]{0,6}$", seg)
        if at_:
            # 正在越南进行正式访问的NAME, 在日本进行国事访问期间: the visit is where it goes on
            here = self.ctx.actors_in(cs + at_.start(1), cs + at_.end(1), ("country", "place"))
            if here:
                return here
        raw = re.search(r"对([\u4e00-\u9fff]{2,12}?)(?:进行|开展|展开)[^，。；]{0,8}$", seg)
        if raw and not raw.group(1).startswith(("这个", "该", "其")) and \
                not any(ch in raw.group(1) for ch in "赴访能将到"):
            # a place the gazetteer does not know: keep it as written
            return [Actor(raw.group(1), Span(cs + raw.start(1), cs + raw.end(1)), "place", None)]
        named = _NAMED_TRIP.search(seg)
        if named:
            # 结束为期两天汶莱工作访问: the country named before the visit's kind, as its modifier
            here = self.ctx.actors_in(cs + named.start(1), cs + named.end(1), ("country", "place"))
            if here:
                return here
        obj = self.text[te:ce]
        emb = re.match(r"了?([^，。；]{2,24}?(?:大使馆|总领事馆|领事馆|代表处|代表机构))", obj)
        if emb:
            inner = self.ctx.actors_in(te, te + emb.end(), ("country",))
            return [Actor(emb.group(1), Span(te + emb.start(1), te + emb.end(1)), "place",
                          inner[-1].iso3 if inner else None)]
        # 访问X / 出访X
        places = self.ctx.actors_in(te, ce, ("country", "place"))[:3]
        if places and places[0].span.start - te <= 2:
            return places
        chosen = self._chosen_country(cs, ts, te, ce)
        if chosen:
            return chosen
        if "这个" in seg or "该国" in seg or "国家" in seg:
            prior = [m for m in self.ctx.entities_between(s.start, ts) if m.kind == "country"]
            if prior:
                m = prior[-1]
                return [Actor(m.text, m.span, "country", m.value)]
        arrived = _ARRIVED.search(self.text, s.start, cs)
        if arrived and re.match(r"\s*(?:展开|开始|进行)", self.text[cs:ts]):
            # NAME抵达河内，展开…国事访问: the visit goes where the sentence arrived
            return self.ctx.actors_in(arrived.end(), arrived.end() + 12, ("country", "place"))[:1]
        return []

    def _place_after_preposition(self, seg: str, cs: int, ts: int, te: int) -> list[Actor]:
        """对/赴/到/抵达/前往 X before the trigger (``seg`` is the clause up to it, from ``cs``)."""
        for w in ("对", "赴", "到", "抵达", "前往"):
            i = seg.rfind(w)
            if i >= 0 and w == "对" and seg.startswith("于", i + 1):
                i = seg.rfind(w, 0, i)  # (对于NAME访问X致以谢意: 对于 is "as for", no destination)
            if i >= 0 and w == "对" and self._to_visitor(cs, ts, te):
                continue  # (对代表团访问越南表示欢迎: the destination stands after the verb)
            if i >= 0:
                places = self.ctx.actors_in(cs + i, ts, ("country", "place"))
                # a body's seat is visited too when it is the preposition's object (对东盟秘书处及新加坡
                # 进行正式访问), not a word inside a name (对外委员会)
                objs = listed(self.ctx.actors_in(cs + i, ts, ("country", "place", "org")), self.text, cs + i + len(w))
                if any(a.kind == "org" for a in objs):
                    return objs
                if places:
                    return places
        return []

    def _chosen_country(self, cs: int, ts: int, te: int, ce: int) -> list[Actor]:
        """首次出访也选择了X, 把X作为出访首站: the country the trip chose."""
        chose = _CHOSE.match(self.text, te, ce)
        picked = _AS_FIRST.search(self.text, cs, ts)
        for m in (chose, picked):
            if m is not None:
                chosen = self.ctx.actors_in(m.start(1), m.end(1), ("country",))
                if chosen and chosen[0].span.start == m.start(1):
                    return chosen[:1]
        return []

    def _destination(self, t: str, ts: int, te: int, ce: int) -> list[Actor] | None:
        """前往X出席/访问: the place right after the verb; 前来出席 (came here): the home country, for a
        visitor from abroad. None when the trip is no visit (前往机场, 前往灾区)."""
        near = self.ctx.actors_in(te, ce, ("country", "place"))
        places: list[Actor] = []
        for a in near:  # 广宁省芒街市: a place and the place inside it, written together
            if (not places and a.span.start - te <= 2) or (places and a.span.start == places[-1].span.end):
                places.append(a)
        if not places and t == "前来":
            if re.match(r"(?:礼节性)?(?:拜会|拜访|看望|探望|迎接|送行|会见)", self.text[te:ce]):
                return None  # 前来拜会的NAME: he came to call on someone where the story is, no trip abroad
            here = self._story_place(ts) or self.ctx.home
            places = [Actor(self.lex.country_names.get(here, here), Span(ts, te), "country", here)]
        # (前往首都万象，同老挝国防部举行会谈: the purpose in the next clause, the trip's)
        then = re.match(r"[^，。；]{0,16}?[，,](?:(?:并|随后|然后)?(?:同|与|和)[^。；]{0,40}?(?:会谈|会见|会晤|举行|进行)|"
                        r"(?:并|随后|然后|除了|除|亦|还|以)?(?:会晤|会见|拜会|出席|参加))",
                        self.text[te:self.text.find("。", te) if "。" in self.text[te:te + 120] else te + 120])
        if not then and not re.match(r"[^，。；]{0,16}?(?:出席|参加|访问|出访|参观|考察|拜会|会见|会晤|进行|举行|开展|工作|祝贺)",
                                     self.text[te:ce]):
            return self._countries_ending(places, ce)
        return places

    def _countries_ending(self, places: list[Actor], ce: int) -> list[Actor] | None:
        """续程前往印尼和马来西亚。: countries, the clause's last words, are a trip's next stops."""
        if not places or any(p.kind != "country" for p in places):
            return None
        countries = self.ctx.actors_in(places[0].span.start, ce, ("country",))
        rest = self.text[places[0].span.start:ce]
        for c in countries:
            rest = rest.replace(c.name, "", 1)
        return countries if re.fullmatch(r"[和与及、\s]*", rest) else None

    def _story_place(self, ts: int) -> str | None:
        """The country of the place the sentence sets its story in before ``ts`` (在南宁会见前来…的NAME:
        he came to China), when one is named after 在 or 于."""
        lo = max(self.text.rfind(c, 0, ts) for c in "。；\n") + 1
        for a in reversed(self.ctx.actors_in(lo, ts, ("country", "place"))):
            if a.iso3 and self.text[a.span.start - 1:a.span.start] in ("在", "于"):
                return a.iso3
        return None

    def _travel(self, t: str, s: Span, ts: int, te: int, cs: int, places: list[Actor]) -> bool:
        """赴越南旅游 / 留学 / 务工 / 互访: travel or exchanges, not a diplomatic visit."""
        reach = max([p.span.end for p in places] + [te])
        return any(w in self.text[te:reach + 4] for w in NOT_A_VISIT) or self.text[max(s.start, ts - 1):ts] == "互" \
            or t.startswith("互") or MUTUAL.search(self.text, cs, ts) is not None

    def _visitor(self, sent: SentenceCtx, ts: int, te: int, cs: int, ce: int) -> list[Actor]:
        """Who visits: a relative clause (…访问的 PERSON) names the person after it; 邀请X访问 is an
        invitation (none); else the clause's subject, or a delegation the sentence names."""
        s = sent.span
        tail = self.text[te:te + 2]
        rel = None
        if any(self.lex.triggers.get(t2) and self.lex.triggers[t2].type in ("meet", "attend")
               for t2, _, _ in self.lex.find("triggers", self.text[cs:ts])):
            j = self.text.find("的", te, ce)
            nxt = self.ctx.actors_in(te, s.end, ("person",))
            if j >= 0 and nxt and nxt[0].span.start > j:
                rel = nxt[:1]
        # 应A、B和C邀请 (the host's invitation, however many hosts) is this trip's
        hosts = [m.span() for m in INVITE.finditer(self.text, s.start, ts)]
        for im in re.finditer(r"邀请", self.text[s.start:ts]):
            at = s.start + im.start()
            if not any(a <= at < b for a, b in hosts):
                # 邀请X对越南进行访问: an invitation, not a trip (the visit, if it comes, is reported then)
                return []
        if rel:
            return rel
        if re.search(r"派遣|派出|选派|委派", self.text[cs:ts]):
            return []  # 派遣一个调查团前往越南: who is sent travels, not who sends (a team, no visit)
        if (tail.startswith("的") and not self.text.startswith(("的框架内", "的框架下"), te) and
                not (_OUTCOME.match(self.text, te + 1) and "就" not in self.text[cs:ts])) or \
                (tail.startswith("之") and tail not in ("之旅", "之行", "之际", "之時", "之时")):
            # (…访问的NAME; but A对X进行访问之旅取得成功: the trip is A's; 作为访问的第一站: the
            # relative clause's head is no person, and the trip is told elsewhere)
            nxt = self.ctx.actors_in(te, s.end, ("person",))[:1]
            return nxt if nxt and self._np_head(te + 1, nxt[0].span.start) else []
        # (对担任东盟轮值主席国的马来西亚进行访问: the destination's description names no visitor)
        to = self.preposition(cs, ts, "对")
        src = self.subject(sent, cs + to if to > 0 else ts, ("person", "group", "org"))
        if src and any(g in self.text[src[-1].span.end:ts] for g in self.lex.goods):
            return []  # (A援助B的第六批疫苗抵达万象: the goods arrive, not A)
        about = self.text.rfind("对于", cs, ts)
        if about >= 0 and self.ctx.actors_in(about + 2, ts, ("person",)):
            # A对于B访问X致以谢意: the visit is told inside A's 对于 phrase, with B its subject
            src = self.ctx.actors_in(about + 2, ts, ("person",))
        elif to_visitor := self._to_visitor(cs, ts, te):
            src = to_visitor
        led = LED_BY.search(self.text, s.start, ts)
        framed = self.frame_subject(sent, ts, te)
        if framed is not None:
            return framed  # (NAME表示，在访问老挝两天期间，B与…会谈: the visitor is the next clause's subject)
        if not src and not self.text.startswith(("关于", "对于", "至于"), cs):
            # (关于此次访老的目的，NAME表示: a topic, whose speaker is no visitor)
            src = self.ctx.actors_in(te, s.end, ("person", "group"))[:2]
        groups = self.ctx.actors_in(s.start, ts, ("group",))
        if groups and not any(a.kind == "group" for a in src) and not led:
            src = src + groups[:1]
        return src

    def _to_visitor(self, cs: int, ts: int, te: int) -> list[Actor]:
        """A对B代表团访问越南表示欢迎: a visit with its destination after the verb, told inside A's 对
        phrase, has the phrase's delegation or person for its visitor."""
        to = self.text.rfind("对", cs, ts)
        after = self.ctx.actors_in(te, te + 8, ("country", "place")) if to >= 0 else []
        if not after or after[0].span.start != te:
            return []
        inner = self.ctx.actors_in(to + 1, ts, ("person", "group", "org"))
        return [a for a in inner if a.kind in ("person", "group")] or inner

    # sign ----------------------------------------------------------------------------

