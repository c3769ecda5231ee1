"""Frames of signings, gatherings attended or hosted, congratulations and aid."""

from __future__ import annotations

import re

from ...lexicon import Frame
from ...model import Event, Span
from ..places import visit_abbreviation
from .clauses import ClauseReader, _period_end, listed
from .context import Actor, SentenceCtx, _dedupe, _names
from .merge import _same
from .words import (
    AGREEMENT,
    AID_STATE,
    BODY_HEAD,
    CHAIRED_BY,
    EACH,
    GENERIC,
    HELD_OBJECT,
    HELD_TOPIC,
    MESSAGE,
    MESSAGE_TRIGGERS,
    ON_ELECTION,
    ORGAN,
    PAIR,
    RECEIPT,
    SIGNING_CEREMONY,
    TALK_NOUNS,
)

# 祝贺NAME当选/就任…: the person a message of congratulation names as elected or appointed
_ELECTED_IN = re.compile(r"祝贺([^，。；祝]{2,30}?)(?:当选|再次当选|连任|就任|荣任|出任|被任命)")


# 对NAME(同志)被选为…表示祝贺, 祝贺NAME当选…: the person a message's purpose names as elected
_ELECTED_FOR = re.compile(r"(?:对|祝贺|就)([^，。；,;]{1,30}?)(?:同志)?(?:当选|再次当选|连任|就任|荣任|获任|出任|被任命|被选为|被选)")


# a province or a city written right after its country (越南奠边省, 老挝丰沙里省)
_LOCAL = re.compile(r"[\u4e00-\u9fff]{1,6}?[省市县州府]")
# 在致(给)B的贺电中, 在致B贺信中: the message's addressee, before 的 (or the message's noun)
_MESSAGE_TO = re.compile(r"在致(?:给)?([^，。；,;]{2,40}?)的?$")


# 移交(了)…职务/主席国: an office handed over (the object ends with what is held, not given)
_OFFICE_HANDED = re.compile(r"了?[^，。；,;]{0,16}?(?:职务|职位|主席国|主席职|轮值主席|接力棒|权力)")
# a clause stating what a donor is (仍是…最大援助国), carried into the giving clause after it
_DONOR_STATE = re.compile(r"(?:是|为)[^，。；,;]{0,14}(?:援助国|援助方|来源国|捐助国|伙伴)[，,]$")


_BY_DONOR = re.compile(r"由([^，。；,;由]{2,24})$")
HELD_AFTER = re.compile(r"\s*(?:在[^，。；,;]{1,16}?)?(?:举行|召开|举办)的")
_GIVING = re.compile(r"提供|捐赠|赠送|移交|交付|转交|捐助|援建")


# 转达A对C的祝贺: congratulations conveyed by another
_CONVEYED = re.compile(r"转达([^，。；,;]{1,40}?)对([^，。；,;]{1,30}?)的(?:亲切|诚挚|热烈)?$")

class Gatherings(ClauseReader):
    def _read_signing(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        before = self.text[max(s.start, ts - 12):ts]
        witnessed = self._witness_route(sent, ts, te, before)
        if witnessed is not None:
            return witnessed
        if before.endswith("所"):
            return []
        ce = self.clause_end(te, s.end)
        obj = self.text[te:ce]
        if t == "交换" and not any(w in obj for w in AGREEMENT):
            return []
        if t == "签字" and "仪式" in obj[:3]:
            return []
        if self.text.startswith(("计划", "事宜"), te):
            return []  # 签署计划, 签署事宜: a noun (a signing hoped for or planned is its factuality)
        if self.text.startswith("的", te) and not re.search(r"\d{4}\s*年|[于在]\d", self.text[self.clause_start(ts, s.start):ts]) \
                and re.match(r"的(?:各项|多项|一系列|系列|各类)?(?:文件|协议|协定|合作文件)", self.text[te:te + 8]):
            return []  # 历次互访及双方共同签署的文件: documents signed over the years, no signing told
        if re.match(r"\s*[\d一二三四五六七八九十百]+\s*周年", self.text[te:te + 8]):
            return []  # 友好合作条约签署45周年: an anniversary of a signing, not one
        p = self.partner(sent, ts)
        agreement = re.search(r"《[^》]{2,60}》", self.text[te:ce])
        if p is not None:
            partner, pos = p
            src = self._region_actors(self.clause_start(pos, s.start), pos,
                                      ("person", "org", "country", "group", "place")) or \
                self.pronoun_subject(sent, self.clause_start(pos, s.start))
            if src:
                names = _names(partner) + ([agreement.group()[1:-1]] if agreement else [])
                return [self._event("sign", sent, ts, src, partner, names)]
        cs = self.clause_start(ts, s.start)
        own = self.ctx.actors_in(cs, ts, ("person", "org", "country", "group"))
        src = [] if self._pair_signers(cs, ts) and not own else self.subject(sent, ts, frame.source)
        tgt = [a for a in self.ctx.actors_in(te, ce, frame.target)]
        pair = self._abbreviated_pair(own, obj, cs, ts) if not tgt else None
        if pair is not None:
            src, tgt = [pair[0]], [pair[1]]
        if not src and self._pair_signers(cs, ts):
            # 双方签署了…文件, 两国签订了《…协定》: the page's two sides, as countries (a subject
            # carried from an earlier clause gives way: NAME访问X，双方签署了…)
            sides = self._local_sides() or self.ctx.sides()
            if sides is not None:
                src, tgt = [sides[0]], [sides[1]] + tgt
        if not src:
            return []
        names = _names(tgt) + ([agreement.group()[1:-1]] if agreement else [])
        if not names:
            return []
        return [self._event("sign", sent, ts, src, tgt, names)]

    def _witness_route(self, sent: SentenceCtx, ts: int, te: int, before: str) -> list[Event] | None:
        """A signing told through its witnesses (NAME见证…的签署, 见证A省和B省…协议书的签署: the sides in
        the object sign); none under a frame of witnesses (马中两国在其见证下签署了…: the subject signs)."""
        cs0 = self.clause_start(ts, sent.span.start)
        if "见证" not in self.text[cs0:ts] or \
                re.search(r"^[^，。；]{2,12}?在[^，。；]{0,16}?见证下(?:共同|正式)?$", self.text[cs0:ts]):
            return None
        if "见证" in before or self.text.startswith(("仪式", "签字仪式"), te):
            return self._witnessed(sent, ts)
        return self._witnessed_sides(sent, self.text.find("见证", cs0, ts), ts) or None

    def _local_sides(self) -> tuple[Actor, Actor] | None:
        """The two sides a headline pairs below the state (越南奠边省与老挝丰沙里省深化合作): 双方 are
        these provinces or cities, each written right after its country."""
        lo = self.ctx.doc_start
        hi = self.text.find("\n", lo)
        hi = hi if hi >= 0 else len(self.text)
        found: list[tuple[int, Actor]] = []  # (where its country is written, the place)
        for m in self.ctx.entities_between(lo, hi):
            place = _LOCAL.match(self.text, m.span.end, hi) if m.kind == "country" and isinstance(m.value, str) else None
            if place:
                found.append((m.span.start, Actor(place.group(), Span(place.start(), place.end()), "place", str(m.value))))
        for (_c1, x), (c2, y) in zip(found, found[1:], strict=False):
            if x.iso3 != y.iso3 and self.text[x.span.end:c2] in ("与", "和", "同", "與"):
                return x, y
        return None

    def _abbreviated_pair(self, own: list[Actor], obj: str, cs: int, ts: int) -> tuple[Actor, Actor] | None:
        """马中两国签署了…: the two countries the pair abbreviates, each a side (by its name); not the
        agreements of the years listed (越美两国签署了A、B、C等)."""
        pair = [a for a in own if a.kind == "country" and a.iso3][-2:]
        if len(pair) != 2 or pair[0].iso3 == pair[1].iso3 or not self._pair_signers(cs, ts) or obj.count("、") >= 2:
            return None
        a, b = (Actor(self.lex.country_names.get(x.iso3 or "", x.name), x.span, "country", x.iso3) for x in pair)
        return a, b

    def _witnessed(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """A与B共同见证了…文件的签署: two leaders of two countries witness the documents their sides
        sign (the annotators' practice, as for the signing ceremonies leaders attend)."""
        cs = self.clause_start(ts, sent.span.start)
        w = self.text.find("见证", cs, ts)
        persons = [a for a in self.subject(sent, w, ("person",)) if a.kind == "person"] if w >= 0 else []
        if w >= 0 and len(persons) < 2:
            # (A与B共同出席…，并见证…: the pair of the sentence's first clause witnesses)
            persons = _dedupe(self.ctx.actors_in(sent.span.start, w, ("person",)))
        isos = {a.iso3 for a in persons if a.iso3}
        if len(persons) < 2 or len(isos) < 2:
            return self._witnessed_sides(sent, w, ts)

        def side(p: Actor) -> list[Actor]:
            name = self.lex.country_names.get(p.iso3) if p.iso3 else None
            return ([Actor(name, p.span, "country", p.iso3)] if name else []) + [p]
        ev = self._event("sign", sent, ts, side(persons[0]), side(persons[1]))
        ev.trigger = "见证"  # (merged into a signing the page names on the same day: its witnesses)
        return [ev]

    def _witnessed_sides(self, sent: SentenceCtx, w: int, ts: int) -> list[Event]:
        """NAME见证越南广宁省和中国福建省…协议书的签署: the signing sides are named in the object."""
        by_iso: dict[str, list[Actor]] = {}
        for a in _dedupe(self.ctx.actors_in(w + 2, ts, ("place", "org", "country"))) if w >= 0 else []:
            if a.iso3:
                by_iso.setdefault(a.iso3, []).append(a)
        if len(by_iso) != 2:
            return []
        first, second = by_iso.values()
        ev = self._event("sign", sent, ts, first, second)
        ev.trigger = "见证"
        return [ev]

    def _pair_signers(self, cs: int, ts: int) -> bool:
        """The clause before a signing names both sides without names (双方, 两国总理, 两国政府于…)."""
        return bool(PAIR.search(self.text, cs, ts) or
                    re.search(r"两国(?:政府)?(?:于[^，。；]{1,12})?(?:在[^，。；]{0,16}?见证下)?(?:共同|正式|已|曾)?$", self.text[cs:ts]))

    # attend / host --------------------------------------------------------------------
    def _read_gathering(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        if mode == "copula":
            return self._host_named(sent, ts)
        if frame.type == "host":
            # (A与B举行视频会议/峰会: two leaders' summit or video call, before 举行视频… is read as a
            # meeting held by its own trigger)
            summit = None if "主持" in t else self._summit_of_two(sent, ts, te)
            if summit is not None:
                return summit
        if frame.type == "host" and self._meeting_held(te):
            return []
        return self._gathering(frame.type, sent, t, ts, te)

    def _summit_of_two(self, sent: SentenceCtx, ts: int, te: int) -> list[Event] | None:
        """``A与B举行…峰会/会晤``: a summit two leaders hold together is their meeting (a gathering of
        many is hosted: 与B共同主持…会议)."""
        ce = self.clause_end(te, sent.span.end)
        obj = self.text[te:ce]
        if not re.match(r"了?[^，。；,;]{0,16}?(?:峰会|会晤|(?:视频|线上|网络|在线|视讯)会议)(?:(?:时|上|中|期间)|$)", obj):
            return None
        # (a video summit is a call)
        etype = "phone_call" if re.search(r"视频|视讯|电话|线上|在线|网络", obj) else "meet"
        p = self.partner(sent, ts)
        if p is None or not all(a.kind == "person" for a in p[0]):
            return None
        src = [a for a in self._region_actors(self.clause_start(p[1], sent.span.start), p[1], ("person",))]
        if not src:
            return None
        return [self._event(etype, sent, ts, src, p[0])]

    def _meeting_held(self, te: int) -> bool:
        """举行会谈, 举行双边会晤: a meeting held, read by its own trigger."""
        if self.text.startswith(("会谈", "会晤", "座谈", "电话", "视频", "会见", "了会谈", "了会见"), te):
            return True
        return re.match(r"了?(?:双边|正式|工作|简短|友好|首次)?(?:会谈|会晤|会见|会面|通话)", self.text[te:te + 8]) is not None

    def _topic_gathering(self, sent: SentenceCtx, ts: int, earlier: bool = True) -> tuple[str, Span] | None:
        """``X会议在万象举行，NAME率团出席``: an attendance without an object attends the gathering
        an earlier clause of the sentence says was held."""
        # (this sentence, then the ones before, nearest first: 第43届东盟峰会在雅加达开幕。…NAME出席。)
        spans = [(sent.span.start, ts)]
        hi = sent.span.start
        for _ in range(1 if earlier else 0):
            lo = max(self.text.rfind("。", 0, hi - 1), self.text.rfind("\n", 0, hi - 1)) + 1
            if lo >= hi:
                break
            spans.append((lo, hi))
            hi = lo
        for lo, hi in spans:
            pos = lo
            while pos < hi:
                m = HELD_TOPIC.match(self.text, pos, hi)
                np_ = m.group("np").strip("“”\"「」") if m else ""
                if m and np_.endswith(tuple(self.nouns)):
                    # (“X交流会”在吉隆坡举行: the name inside its quotes)
                    lo_ = self.text.find(np_, m.start("np"))
                    return np_, Span(lo_, lo_ + len(np_))
                nxt = min([j for j in (self.text.find(ch, pos, hi) for ch in "，,；;。") if j >= 0] + [hi])
                # (X举行招待会，…，NAME出席: the gathering a clause says someone held)
                h = HELD_OBJECT.search(self.text, pos, nxt)
                if h and h.group("np").endswith(tuple(self.nouns)) and not GENERIC.match(h.group("np")):
                    return h.group("np"), Span(h.start("np"), h.end("np"))
                nxt = min([j for j in (self.text.find(ch, pos, hi) for ch in "，,；;。") if j >= 0] + [hi])
                pos = nxt + 1
        return None

    def _story_gathering(self, bare: str, hi: int) -> tuple[str, Span] | None:
        """将出席会议, far from where the gathering was named: the gathering the story's first sentence
        that names one says is held (X论坛即将于4月23日召开), when the bare noun fits its name."""
        lo = self.ctx.doc_start
        for m in re.finditer(r"[^。！？\n]+", self.text[lo:hi]):
            pos = lo + m.start()
            while pos < lo + m.end():
                h = HELD_TOPIC.match(self.text, pos, lo + m.end())
                if h and h.group("np").endswith(tuple(self.nouns)) and not GENERIC.match(h.group("np")):
                    np_ = h.group("np").rsplit("——", 1)[-1]  # (越通社河内——X论坛…: after the dateline)
                    # (在开幕式上致辞: the opening of the gathering the story says opened or was held)
                    if bare in ("会议", "会", "活动", "开幕式", "闭幕式") or np_.endswith(bare):
                        return np_, Span(h.end("np") - len(np_), h.end("np"))
                    return None
                nxt = min([j for j in (self.text.find(ch, pos, lo + m.end()) for ch in "，,；;") if j >= 0] + [lo + m.end()])
                pos = nxt + 1
        return None

    def _relative_head(self, name: str, np_span: Span, s: Span) -> tuple[str, Span, Actor] | None:
        j = name.find("的")
        if j < 2 or not name[:j].endswith(tuple(self.nouns)):
            return None
        after = np_span.start + j + 1
        nxt = self.ctx.actors_in(after, s.end, ("person",))[:1]
        if not nxt or not self._np_head(after, nxt[0].span.start):
            return None
        return name[:j], Span(np_span.start, np_span.start + j), nxt[0]

    def _gathering_object(self, type_: str, sent: SentenceCtx, t: str, ts: int, te: int,
                          pos: int) -> tuple[str, Span] | None:
        """The gathering attended or held: the object after the verb; a bare noun there (陈红河主持
        会议, 一同出席会议) or none at all is the gathering named before."""
        s = sent.span
        got = self.object_np(pos, s.end)
        if got is not None and got[0] in self.nouns and len(got[0]) <= 3 and got[0] not in self.lex.press_nouns \
                and (type_ == "attend" or t.endswith("主持")):
            got = self._topic_gathering(sent, ts) or self._story_gathering(got[0], sent.span.start) or \
                (None if got[0] == "活动" else got)  # (出席活动 with none named before: no gathering)
        if got is None and (type_ == "attend" or t.endswith("主持")) and \
                (self.clause_end(te, s.end) - te <= 1 or self.text.startswith("并", te)):
            # (…会议21日在北京举行，A和B共同主持: the gathering a clause before says was held; one
            # chaired, only in the same sentence)
            got = self._topic_gathering(sent, ts, earlier=type_ == "attend")
            if got is not None and got[0].endswith(TALK_NOUNS):
                return None  # (…举行双边会谈。NAME亦有出席: he sat in on talks, no gathering attended)
        return got

    def _gathering(self, type_: str, sent: SentenceCtx, t: str, ts: int, te: int) -> list[Event]:
        s = sent.span
        pos = te
        if self.text.startswith(("计划", "事宜", "工作", "筹备", "准备"), te):
            return []  # 举办计划, 举办事宜: a noun, not an event held
        if type_ == "host" and self.text.startswith("召开", pos):
            pos += 2
        got = self._gathering_object(type_, sent, t, ts, te, pos)
        if got is None or GENERIC.match(got[0]):
            return []
        name, np_span = got
        head = self._relative_head(name, np_span, s) if type_ == "attend" else None
        if head is not None:
            # 与出席博览会的越南总理NAME举行会谈: the attendee is the person the relative clause
            # describes, and the gathering's name ends at 的
            name, np_span, head_person = head
        if type_ == "host" and name.endswith(TALK_NOUNS) and not t.endswith("主持"):
            # 两党举行了高层会晤: a meeting held, read by its own trigger when it names the sides
            # (a meeting chaired, 共同主持高层会晤, is hosted)
            return []
        src = [head_person] if head is not None else self._gathering_source(type_, sent, ts, te, np_span)
        if not src and type_ == "attend" and SIGNING_CEREMONY.search(name) and \
                PAIR.search(self.text, self.clause_start(ts, s.start), ts):
            # 两国总理出席两国合作文件签字仪式: the documents are signed between the page's two sides
            two = self.ctx.sides()
            return [self._event("sign", sent, ts, [two[0]], [two[1]])] if two else []
        if not src:
            return []
        # only gatherings with a foreign element (no domestic ceremonies)
        # (the gathering's own name may carry it, when a clause before names it: 东盟-中国…大会)
        if not self._foreign(s, src) and not self._foreign(np_span, []):
            return []
        name, out = self._chaired(type_, name, np_span, sent, ts)
        if type_ == "attend" and name.endswith(("欢迎仪式", "欢迎式")):
            return out  # (a welcome ceremony is the host's act; those present are the visit's party)
        names = self._split_gatherings(name) if type_ == "attend" else [name]
        own = self._gathering_days(te, np_span)
        for i, nm in enumerate(names):
            ev = self._event(type_, sent, ts, src, [], [nm])
            if own is not None:
                ev.date, ev.date_end = own
            out.insert(i, ev)
        if type_ == "attend" and SIGNING_CEREMONY.search(name):
            # leaders attending their countries' signing or exchange ceremony: the documents are
            # signed between their sides (the annotators' practice, dev and held-out alike)
            sides = self._ceremony_sides(src, name, np_span, s)
            if sides is not None:
                ev = self._event("sign", sent, ts, sides[0], sides[1])
                out.append(ev)
        return out

    def _host_named(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """``X是Y的东道主`` (X作为Y的东道主): X hosts Y, a gathering the clause names between 是 and 的."""
        cs = self.clause_start(ts, sent.span.start)
        m = re.search(r"(?:是|为|作为|担任)([^，。；是为]{2,40}?)的$", self.text[cs:ts])
        if m is None or not m.group(1).endswith(tuple(self.nouns) + ("APEC", "G20")):
            return []
        src = [a for a in self.ctx.actors_in(cs, cs + m.start(), ("country", "org", "place")) if a.iso3][-1:]
        if not src:
            return []
        return [self._event("host", sent, ts, src, [], [m.group(1).strip()])]

    def _chaired(self, type_: str, name: str, np_span: Span, sent: SentenceCtx, ts: int) -> tuple[str, list[Event]]:
        """出席由新加坡总理李显龙主持召开的非正式会议: an attendance and a host (the name without its chair)."""
        chair = CHAIRED_BY.match(name) if type_ == "attend" else None
        if not chair or len(name) - chair.end() < 2:
            return name, []
        name = name[chair.end():]
        hosts = self.ctx.actors_in(np_span.start + 1, np_span.start + chair.end(), ("person", "org", "country", "group"))
        persons = [a for a in hosts if a.kind == "person"]
        return name, ([self._event("host", sent, ts, persons or hosts[:1], [], [name])] if hosts else [])

    def _gathering_days(self, te: int, np_span: Span) -> tuple[str | None, str | None] | None:
        """出席从10日至13日举行的X: the days the gathering's own clause gives are the attendance's."""
        return next(((iso, end) for dm, iso, end in self.ctx.dates
                     if iso and te <= dm.start < np_span.start and HELD_AFTER.match(self.text, dm.end, np_span.start)), None)

    def _gathering_source(self, type_: str, sent: SentenceCtx, ts: int, te: int, np_span: Span) -> list[Actor]:
        """Who attends or hosts: the clause's subject; a host named by 由X (由X主持召开的Y), none when
        the gathering is a relative clause's head without 由 (举行的会议上); the person after
        an attended gathering's 的 (出席…的NAME)."""
        framed = self.frame_subject(sent, ts, te) if type_ == "attend" else None
        if framed is not None:
            return framed  # (在出席X并对中国进行访问框架内，NAME会见…)
        s = sent.span
        if type_ == "host":
            praised = re.search(r"为([^，。；为]{2,20}?)(?:成功|圆满)$", self.text[self.clause_start(ts, s.start):ts])
            if praised:
                # 巴育为越南成功举办APEC会议周表示祝贺: the country congratulated hosted it
                base = self.clause_start(ts, s.start)
                return self.ctx.actors_in(base + praised.start(1), base + praised.end(1), ("person", "org", "country", "group"))
            led = re.search(r"由([^，。；]{1,40})$", self.text[self.clause_start(ts, s.start):ts])
            if led and re.search(r"[在于][^，。；]{0,20}$", led.group(1)):
                return []  # 由X在…举行的会议上提议的…: X is the proposer, 举行 names the occasion
            if led:
                base = self.clause_start(ts, s.start)
                return self.ctx.actors_in(base + led.start(1), ts, ("person", "org", "country", "group"))
            if self.text[te:te + 1] == "的":
                return []
            return self.subject(sent, ts, ("person", "org", "country", "group"))
        if self.text[np_span.end:np_span.end + 1] == "的":
            return self.ctx.actors_in(np_span.end, s.end, ("person",))[:1]
        return self.subject(sent, ts, ("person", "org", "country", "group"))

    def _split_gatherings(self, name: str) -> list[str]:
        """出席A会议(GMS8)、B峰会和C峰会, A博览会暨B峰会: one attendance per gathering named."""
        nouns = tuple(self.nouns)

        def whole(p: str) -> bool:
            core = re.sub(r"\s*[（(][^)）]{1,20}[)）]$", "", p)
            return len(core) >= 4 and core.endswith(nouns)

        # (A峰会和纪念B暨C胜利80周年活动: 暨 joins the second name's own parts; tried after the list's joints)
        for joints in (r"、|以及|和|及", r"、|以及|和|及|暨"):
            parts = [p.strip() for p in re.split(joints, name)]
            if len(parts) >= 2 and all(whole(p) for p in parts) and \
                    not any(p.startswith(("相关", "有关", "其他", "系列", "各项", "一些", "多项", "其它", "开展", "进行", "举行"))
                            for p in parts):
                return parts  # (会议和相关双边活动: one trip's programme, not a second gathering)
        return [name]

    def _ceremony_sides(self, src: list[Actor], name: str, np_span: Span, s: Span) -> tuple[list[Actor], list[Actor]] | None:
        persons = [a for a in src if a.kind == "person"]
        isos = {a.iso3 for a in persons if a.iso3}
        if len(persons) >= 2 and len(isos) != 1:
            # the leaders witness; the documents are signed between their sides (两国各项合作文件)
            def side(ps: list[Actor]) -> list[Actor]:
                iso = ps[0].iso3
                name = self.lex.country_names.get(iso) if iso else None
                return ([Actor(name, ps[0].span, "country", iso)] if name else []) + ps
            return side(persons[:1]), side(persons[1:])
        # one attendee: the other side is a country named in the ceremony's name or sentence
        home = {a.iso3 for a in src if a.iso3} or {self.ctx.home}
        others = [Actor(m.text, m.span, "country", m.value) for m in self.ctx.entities_between(s.start, s.end)
                  if m.kind == "country" and m.value and m.value not in home]
        if src and others:
            return src[:1], others[:1]
        return None

    # congratulate -----------------------------------------------------------------------
    def _read_message(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        if mode == "wish" and not (self.ctx.roundup and sent.kind == "body" and
                                   self.ctx.actors_in(self.clause_start(ts, s.start), ts, ("person",))):
            # NAME祝愿…: in a round-up of messages (各国领导致电祝贺…) each sender's paragraph is his
            # message; elsewhere a wish voiced in talks is no congratulation
            return []
        conveyed = self._conveyed(sent, ts)  # (B转达A对C的祝贺)
        if conveyed is not None or self.text[max(s.start, ts - 1):ts] == "的" or \
                (self.text.startswith(("中", "里"), te) and _MESSAGE_TO.search(self.text, self.clause_start(ts, s.start), ts)):
            return conveyed if conveyed is not None else self._message_to(sent, ts, te)  # (在致B的贺电中, 在致B贺信中)
        # (the purpose may close a list of messages: A致电B；C致电D，庆祝两国建交50周年。)
        if t in ("致电", "致函", "致信") and not re.search(r"祝贺|庆祝|致贺|贺电|贺信|贺函|恭贺|表示祝贺",
                                                       self.text[te:_period_end(self.text, te)]):
            return []  # a call or a letter, congratulating only when it says so
        if t not in MESSAGE_TRIGGERS and MESSAGE.search(self.text, s.start, ts):
            return []  # 致贺电，祝贺他当选…: the message's content, the message is the one act
        if "表示" in t and (not MESSAGE.search(self.text, s.start, s.end) or
                            not self.ctx.actors_in(s.start, ts, ("person",))):
            return []  # 对越南的发展表示祝贺 said in talks: a remark, no message of congratulation
        spread = self._spread_congratulations(sent, ts, te)
        if spread is not None:
            return spread
        listed = self._listed_messages(sent, ts)
        if listed:
            return listed
        if self.text[ts - 1:ts] == "互":
            # A与B互致贺电: each congratulates the other
            p = self.partner(sent, ts - 1)
            if p is not None:
                src = self._region_actors(self.clause_start(p[1], s.start), p[1], ("person", "org", "country"))
                if src:
                    return [self._event("congratulate", sent, ts, src[-1:], p[0][:1]),
                            self._event("congratulate", sent, ts, p[0][:1], src[-1:])]
        src, tgt = self._congratulation_sides(sent, t, ts, te)
        if not src or not tgt:
            return []
        if self.text.startswith(("中", "里", "内"), te) and t.endswith(("电", "信", "函")) and \
                all(a.name in self._senders for a in src):
            return []  # A和B已致电…。A和B贺电中强调…: the message reported before, its content now
        self._senders.update(a.name for a in src)
        self._congratulated = tgt
        # one sender writing to several of one country (X向A和B致贺电) is one message, as the page
        # says; to leaders of several countries, a message each; several senders to one (A、B向X)
        # are a message each
        tp, sp = [a for a in tgt if a.kind == "person"], [a for a in src if a.kind == "person"]
        countries = {a.iso3 for a in tp}
        if len(src) == 1 and len(tp) > 1 and len(countries) > 1 and None not in countries:
            return [self._event("congratulate", sent, ts, src, [a for a in tp if a.iso3 == c])
                    for c in dict.fromkeys(a.iso3 for a in tp)]
        # (senders listed over commas, A，B，C等发来贺电, are not paired by the text: one message, as
        # for receivers listed so)
        over_commas = len(sp) > 1 and re.search(r"[，,]", self.text[sp[0].span.end:sp[-1].span.start]) is not None
        if len(sp) > 1 and len(tgt) == 1 and not over_commas:
            return [self._event("congratulate", sent, ts, [a], tgt) for a in sp]
        return [self._event("congratulate", sent, ts, src, tgt)]

    def _listed_messages(self, sent: SentenceCtx, ts: int) -> list[Event]:
        """``A，B，C向X，Y，Z等致贺电``: senders and receivers listed over commas (the clause layer
        reads one comma-part at a time); without 分别 the text does not pair them: one message
        from the senders to the receivers."""
        s = sent.span
        to = self.text.rfind("向", s.start, ts)
        if to < 0 or not any(c in self.text[s.start:ts] for c in "，,"):
            return []
        receivers = self.ctx.actors_in(to + 1, ts, ("person",))
        senders: list[Actor] = []
        end = to
        while end > s.start:
            start = max(max(self.text.rfind(c, s.start, end) for c in "，,、；") + 1, s.start)
            persons = self.ctx.actors_in(start, end, ("person",))
            if not persons or "向" in self.text[start:end] or any(start <= t0 < end for t0 in self._sent_trigs):
                break  # (a part with a message of its own: A向B致电，C向D…)
            senders = persons + senders
            end = start - 1
        if len(senders) + len(receivers) < 3 or not senders or not receivers or \
                not any(c in self.text[s.start:ts] for c in "，,") or \
                (len(self.ctx.actors_in(self.clause_start(to, s.start), to, ("person",))) == len(senders)
                 and len(self.ctx.actors_in(to + 1, ts, ("person",))) == len(self.ctx.actors_in(
                     self.clause_start(ts, s.start), ts, ("person",)))):
            return []  # (all within one clause: the clause layer reads it)
        senders = [a for a in _dedupe(senders) if a.name not in {b.name for b in receivers}]
        if not senders:
            return []
        return [self._event("congratulate", sent, ts, senders, _dedupe(receivers))]

    def _conveyed(self, sent: SentenceCtx, ts: int) -> list[Event] | None:
        """B转达A对C的祝贺: A's congratulations to C, carried by B (None: no such construction)."""
        m = _CONVEYED.search(self.text, self.clause_start(ts, sent.span.start), ts)
        if m is None:
            return None
        src = self.ctx.actors_in(m.start(1), m.end(1), ("person", "org", "country"))
        tgt = self.ctx.actors_in(m.start(2), m.end(2), ("person", "org", "country"))
        tgt = [a for a in tgt if a.kind == "person"] or tgt
        return [self._event("congratulate", sent, ts, src[-1:], tgt[:1])] if src and tgt else []

    def _message_to(self, sent: SentenceCtx, ts: int, te: int) -> list[Event]:
        """``A在致B的贺电中…``: the message to B, reported with its content (once per sender)."""
        cs = self.clause_start(ts, sent.span.start)
        m = _MESSAGE_TO.search(self.text, cs, ts)
        if m is None or not self.text.startswith(("中", "里"), te):
            return []
        src = self._region_actors(cs, m.start(), ("person", "org", "country"))
        tgt = self.ctx.actors_in(m.start(1), m.end(1), ("person",)) or \
            self.ctx.actors_in(m.start(1), m.end(1), ("org", "country"))
        if not src or not tgt or all(a.name in self._senders for a in src):
            return []
        self._senders.update(a.name for a in src)
        self._congratulated = tgt
        return [self._event("congratulate", sent, ts, src, tgt)]

    def _congratulation_sides(self, sent: SentenceCtx, t: str, ts: int, te: int) -> tuple[list[Actor], list[Actor]]:
        """Who congratulates whom: the subject; the one after 向/对, after the verb, named in the
        topic (就NAME当选…), the page's subject for 发来贺电, or, left out (同日，NAME也致电祝贺),
        the one congratulated just before."""
        s = sent.span
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
            # (致电A，B，C，祝贺…: receivers listed over commas, each part nothing but a titled person)
            while ce < s.end and self.text[ce] in "，," and self.ctx.actors_in(te, ce, ("person",)):
                nxt = self.clause_end(ce + 1, s.end)
                if not self.ctx.actors_in(ce + 1, nxt, ("person",)) or not self._only_names(ce + 1, nxt):
                    break
                ce = nxt
            tgt = self.ctx.actors_in(te, ce, ("person", "org", "country"))
            persons = [a for a in tgt if a.kind == "person"]
            tgt = persons[:3] if persons else tgt[:1]
        topic = ON_ELECTION.search(self.text, cs, ts)
        if topic is not None and not tgt:
            # 就NAME总书记当选国家主席发来贺电: the one elected is the one congratulated
            tgt = self.ctx.actors_in(topic.start(), topic.end(), ("person",))[:1]
            src = [a for a in src if a.span.end <= topic.start()]
        if src and not tgt and t in ("发来贺电", "发来贺信", "发来贺函", "致贺信", "致贺电", "贺信", "贺电", "贺函"):
            # NAME发来贺信: the one congratulated is the page's own subject, its first person of
            # another country than the sender's
            src_iso = {a.iso3 for a in src if a.iso3}
            # (…发来贺电，对NAME被选为国家主席表示祝贺: the one the purpose clause names as elected)
            tgt = _dedupe([a for m in _ELECTED_FOR.finditer(self.text, te, s.end)
                           for a in self.ctx.actors_in(m.start(1), m.end(1), ("person",))
                           if a.iso3 not in src_iso or not a.iso3])
            tgt = tgt or next(([a] for a in self.ctx.persons if a.iso3 and a.iso3 not in src_iso), [])
        if self.text.startswith("中", te) and not any(a.kind == "person" for a in tgt):
            # NAME在贺电中对…同志当选…表示高兴，…向王廷惠…: the person the message is to, named
            # anywhere in its sentence
            named = [a for a in self.ctx.actors_in(te, s.end, ("person",)) if a.name not in {x.name for x in src}]
            tgt = named[:1] or tgt
        if tgt and not any(a.kind == "person" for a in tgt):
            # 向老挝新一届领导人致电，祝贺NAME当选国家主席: those the message names as elected
            elected = [a for m in _ELECTED_IN.finditer(self.text, te, s.end)
                       for a in self.ctx.actors_in(m.start(1), m.end(1), ("person",))]
            if elected:
                tgt = _dedupe(elected)
        if src and not tgt and re.search(r"也|亦|同日|同时|当天", self.text[cs:ts]):
            # 同日，NAME也致电祝贺: the one congratulated just before, the object left out
            tgt = [a for a in getattr(self, "_congratulated", []) if a.name not in {x.name for x in src}]
        return src, tgt

    def _spread_congratulations(self, sent: SentenceCtx, ts: int, te: int) -> list[Event] | None:
        """``A、B、C分别向D，E，F致贺电``: the senders before 分别向, the receivers after it, over
        commas. As many persons writing as written to are paired in the order written
        (respectively); otherwise the text does not say who wrote to whom, and each sender's event
        lists every receiver (or each receiver's every sender, when fewer write to more)."""
        s = sent.span
        m = None
        for m2 in re.finditer(r"分别(?:向|对|给)", self.text[s.start:ts]):
            m = m2
        if m is None and self.text[max(s.start, ts - 2):ts] == "分别":
            # A、B等分别致电X和Y: the receivers after the verb, each sender's message to them all
            j = ts - 2
            lo, hi = te, self.clause_end(te, s.end)
            titled = self.ctx.title_spans
            tgt = [a for a in self.ctx.actors_in(lo, hi, ("person", "org"))
                   if a.kind == "person" or not any(t.start <= a.span.start < t.end for t in titled)]
        elif m is None:
            return None
        else:
            j, k = s.start + m.start(), s.start + m.end()
            tgt = self.ctx.actors_in(k, ts, ("person",)) or self.ctx.actors_in(k, ts, ("org", "country"))
        src = self.ctx.actors_in(self.clause_start(j, s.start), j, ("person",)) or \
            self.ctx.actors_in(self.clause_start(j, s.start), j, ("org", "country", "group"))
        src, tgt = _dedupe(src), _dedupe(tgt)
        if not src or not tgt:
            return None
        if len(src) == len(tgt) > 1 and all(a.kind == "person" for a in src + tgt):
            return [self._event("congratulate", sent, ts, [a], [b]) for a, b in zip(src, tgt, strict=True)]
        if len(src) >= len(tgt):
            return [self._event("congratulate", sent, ts, [a], tgt) for a in src]
        return [self._event("congratulate", sent, ts, src, [b]) for b in tgt]

    # aid --------------------------------------------------------------------------------
    def _received_aid(self, sent: SentenceCtx, ts: int, rv: re.Match[str]) -> list[Event]:
        """A converse verb: 某部接收了A国政府提供的物资, 感谢A提供的援助: aid from the provider
        named between the verb and the trigger to the subject of the verb."""
        kinds = ("person", "org", "country", "group")
        provider = self.ctx.actors_in(rv.end(), ts, kinds)
        recipient = self.subject(sent, rv.start(), kinds)
        recipient = [a for a in recipient if a.name not in {p.name for p in provider}]
        if not recipient:
            # a body the lexicon does not list, named by its kind (农业和农村发展部接收了…)
            cs = self.clause_start(rv.start(), sent.span.start)
            np_ = self.text[cs:rv.start()].strip()
            if 3 <= len(np_) <= 20 and ORGAN.fullmatch(np_):
                recipient = [Actor(np_, Span(rv.start() - len(np_), rv.start()), "org", None)]
        if not provider or not recipient:
            return []
        return [self._event("aid", sent, ts, provider[-1:], recipient[:1])]

    def _recipients_after(self, sent: SentenceCtx, te: int) -> list[Actor]:
        """The recipients after the verb (移交给A、B和C): what follows 等 describes the list
        (A、B和C等越南在东南亚的伙伴), it adds no recipient."""
        ce = self.clause_end(te, sent.span.end)
        tgt = self.ctx.actors_in(te, ce, ("person", "org", "country", "group", "place"))
        if tgt:
            etc = self.text.find("等", tgt[0].span.end, ce)
            if etc >= 0:
                tgt = [a for a in tgt if a.span.start < etc]
        return tgt

    def _no_gift_or_passive(self, sent: SentenceCtx, cs: int, ts: int, te: int) -> list[Event] | None:
        """[] when the word gives nothing here (援助总额, 援助项目, a standing state), the gift told in the
        passive, or None to read the gift on."""
        if self.text.startswith(("总额", "资金", "项目", "金额", "方", "物资的"), te) and not self.text.startswith("了", te):
            return []
        if self._no_giving(cs, ts, te, sent.span):
            return []
        return self._passive_gift(sent, cs, ts, te)

    def _passive_gift(self, sent: SentenceCtx, cs: int, ts: int, te: int) -> list[Event] | None:
        """由古巴捐赠的105万剂疫苗: a gift told in the passive names its donor after 由; its recipient,
        unnamed, is the home country the goods arrive in."""
        m = _BY_DONOR.search(self.text, cs, ts)
        if m is None or not self.text.startswith("的", te) or "向" in self.text[m.end():ts]:
            return None
        donors = self.ctx.actors_in(m.start(1), m.end(1), ("person", "org", "country", "group"))
        home = self.lex.country_names.get(self.ctx.home)
        if not donors or not home or any(a.iso3 == self.ctx.home for a in donors) or \
                self.ctx.home not in self.ctx.named_countries():
            return None  # (a page about other countries: the goods' destination is not told)
        return [self._event("aid", sent, ts, donors, [Actor(home, Span(ts, te), "country", self.ctx.home)])]

    def _side(self, at: int, word: str) -> Actor | None:
        """中方, 泰方: a side named by its country's one-character abbreviation and 方."""
        if len(word) != 2 or word[1] != "方":
            return None
        iso = visit_abbreviation(self.lex, "访" + word[0], self.ctx.named_countries())
        return Actor(word, Span(at, at + 2), "country", iso) if iso else None

    def _recipient_preposition(self, t: str, cs: int, ts: int, te: int) -> int:
        """Offset of 向 before the verb; or of 为 in a gift's relative clause (移交了越南政府为法国、
        德国等国政府和人民捐赠的物资: 为 names who the gift is for); -1 if neither."""
        i = self.preposition(cs, ts, "向")
        if i < 0 and t in ("捐赠", "赠送", "捐助", "援助") and self.text.startswith("的", te):
            i = self.preposition(cs, ts, "为")
            if i >= 0 and not self.ctx.actors_in(cs + i, ts, ("country",)):
                i = -1
        return i

    def _donor_before_xiang(self, cs: int, xiang: int, rv: re.Match[str] | None, tgt_isos: set[str]) -> list[Actor]:
        if rv is not None:
            # 大使馆接收了X基金会向越南援助的物资: a donor the gazetteer does not know, named by
            # its body's head between the converse verb and 向
            np_ = self.text[rv.end():xiang].lstrip("了").strip()
            if 2 <= len(np_) <= 20 and BODY_HEAD.search(np_) and not re.search(r"[，。；、]", np_):
                return [Actor(np_, Span(xiang - len(np_), xiang), "org", None)]
        # the actor right before 向 (对越南向俄罗斯…: 对 is "about" here, not a destination)
        near = [a for a in self.ctx.actors_in(cs, xiang, ("person", "org", "country", "group"))
                if not (a.iso3 and a.iso3 in tgt_isos)]
        return near[-1:]

    def _no_giving(self, cs: int, ts: int, te: int, s: Span) -> bool:
        """A standing state (是…最大来源国), a running total, or an office handed over (移交了东盟轮值
        主席国职务): no act of giving."""
        return AID_STATE.search(self.text, cs, ts) is not None or \
            re.match(r"[^，。；]{0,6}的(?:最大|主要|重要)", self.text[te:te + 12]) is not None or \
            _OFFICE_HANDED.match(self.text, te, self.clause_end(te, s.end)) is not None

    def _read_gift(self, frame: Frame, sent: SentenceCtx, t: str, ts: int, te: int, mode: str) -> list[Event]:
        s = sent.span
        if "受援" in self.text[s.start:ts]:
            return []  # 受援国: the recipients as a class
        rv = RECEIPT.search(self.text, s.start, ts)
        if rv is not None and "向" not in self.text[rv.end():ts]:
            return self._received_aid(sent, ts, rv)
        cs = self.clause_start(ts, s.start)
        other = self._no_gift_or_passive(sent, cs, ts, te)
        if other is not None:
            return other
        i = self._recipient_preposition(t, cs, ts, te)
        if i >= 0:
            tgt = self.ctx.actors_in(cs + i, ts, frame.target)
            if not tgt:
                # (向泰方提供人道主义援助: the recipient ends at the giving verb)
                np_ = _GIVING.split(self.text[cs + i + 1:ts], maxsplit=1)[0].strip()
                if 2 <= len(np_) <= 16 and np_ not in ("对方", "双方", "各方", "他方", "该国", "他们", "对方国家"):
                    tgt = [self._side(cs + i + 1, np_) or Actor(np_, Span(cs + i + 1, cs + i + 1 + len(np_)), "group", None)]
            side = self._side(cs + i - 2, self.text[cs + i - 2:cs + i])
            src = [side] if side is not None else self._region_actors(cs, cs + i, frame.source)
            if not src:
                if _DONOR_STATE.search(self.text, s.start, cs):
                    return []  # X仍是越南最大援助国，向…提供援助: what the donor does as a rule
                src = self._region_actors(s.start, cs + i, frame.source)
        else:
            src = self.subject(sent, ts, frame.source)
            tgt = self._recipients_after(sent, te)
        # a country does not aid itself: a Lao leader speaking of aid to Laos is no donor
        # (俄罗斯对越南向俄罗斯捐赠…表示感谢: the donor is 越南)
        tgt_isos = {a.iso3 for a in tgt if a.iso3}
        src = [a for a in src if not (a.iso3 and a.iso3 in tgt_isos)]
        if not src and i >= 0:
            src = self._donor_before_xiang(cs, cs + i, rv, tgt_isos)
        tgt = [a for a in tgt if not any(_same(a.name, b.name) for b in src)]
        if not src or not tgt:
            return []
        if len(tgt) == 1 and tgt[0].kind == "group" and EACH.match(tgt[0].name):
            # 向每个国家提供10万美元: each of the countries the sentence named before
            src_isos = {a.iso3 for a in src if a.iso3}
            named = _dedupe([a for a in self.ctx.actors_in(s.start, tgt[0].span.start, ("country",))
                             if a.iso3 not in src_isos and self.text[a.span.start - 1:a.span.start] != "驻"])
            if named:
                return [self._event("aid", sent, ts, src, [a]) for a in named]
            return []
        # 捐赠老挝和柬埔寨两国政府…: one gift to each recipient country
        # (the countries written as one list, none the donor's own)
        countries = [c for a in tgt for c in ([a] if a.kind == "country" else
                                              self.ctx.actors_in(a.span.start, a.span.end, ("country",)))]
        countries = listed(countries, self.text, countries[0].span.start) if countries else []
        src_isos = {a.iso3 for a in src if a.iso3}
        if 2 <= len({c.iso3 for c in countries}) <= 4 and all(c.iso3 and c.iso3 not in src_isos for c in countries):
            return [self._event("aid", sent, ts, src, [c]) for c in _dedupe(countries)]
        return [self._event("aid", sent, ts, src, tgt)]
