"""The clause layer: a clause's predicate and its arguments, read between punctuation."""

from __future__ import annotations

import re

from ...model import Event, Span
from ...text.dates import PAPER_DATELINE, WEEKDAY_GLOSS, DateMention
from ...text.dates import SINCE_AFTER as _SINCE
from ...text.sentences import find_all
from .context import Actor, DocContext, SentenceCtx, _isos, _names
from .pronouns import PRONOUN as _PRONOUN
from .pronouns import Pronouns
from .words import (
    BENEFICIARY,
    BODY_HEAD,
    CAPACITY,
    CLAUSE_COORD,
    DEST_BEFORE,
    FOREIGN_WORDS,
    FROM,
    GENERIC_HUMANS,
    GROUP_NOUNS,
    INNER_COORD,
    INVITE,
    LED_BY,
    PAIR,
    PARTNER_END,
    PRAISE_CLOSE,
    PRED_COORD,
    PUNCT_END,
    REPORT,
    SPEAKS,
    TOOK_OFFICE_VERB,
    VENUE,
    according_to,
    reports_after,
)

_CLOSERS = re.compile(r"[”》)）]")
_END_OR_OPENER = re.compile("[" + re.escape(PUNCT_END + "“《(（") + "]")


_FRAME_VERB = re.compile(r"出席|参加|访问|会见|对")
_FRAME_ENDS = ("期间", "框架内", "之际")  # 在…期间, 在…框架内: a frame of time, not a clause with its own subject


class ClauseReader(Pronouns):
    """A sentence's clauses: where a clause starts and ends, its subject, its partner (与/同/和),
    its object, the date and place it names. The event frames read their arguments here."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.lex = ctx.lex
        self.nouns = sorted(ctx.lex.event_nouns, key=len, reverse=True)
        self._sent_trigs: list[int] = []  # trigger starts of the sentence being read
        self._senders: set[str] = set()  # who has sent a message so far in the document
        # (the readers ask for the same clause bounds many times: once per document is enough)
        self._ends: dict[tuple[int, int], int] = {}
        self._starts: dict[tuple[int, int], int] = {}

    # -- regions --------------------------------------------------------------------
    def clause_end(self, pos: int, end: int) -> int:
        got = self._ends.get((pos, end))
        if got is None:
            got = self._ends[pos, end] = self._clause_end(pos, end)
        return got

    def _clause_end(self, pos: int, end: int) -> int:
        if self.ctx.review:
            # (…出席第四届湄公河委员会峰会和俄罗斯副总理对越南进行访问等是…: the next item, an act of its own)
            stop = _END_OR_OPENER.search(self.text, pos, end)
            hi = stop.start() if stop is not None else end
            for m in _REVIEW_SEP.finditer(self.text, pos, hi):
                nxt = _REVIEW_SEP.search(self.text, m.end(), hi)
                if _REVIEW_ACT.search(self.text, m.end(), nxt.start() if nxt else hi) and \
                        not _PREDICATE_OPEN.match(self.text, m.end()):
                    end = m.start()
                    break
        first = _END_OR_OPENER.search(self.text, pos, end)
        if first is None or first.group() in PUNCT_END:
            return first.start() if first is not None else end  # (no bracket opens before it)
        i = pos
        depth = 0
        while i < end:
            ch = self.text[i]
            if ch in "“《(（":
                depth += 1
            elif ch in "”》)）":
                depth = max(0, depth - 1)
            elif depth == 0 and ch in PUNCT_END:
                return i
            i += 1
        return end

    def clause_start(self, pos: int, start: int) -> int:
        """Back to the punctuation that opens the clause; punctuation inside brackets or quotes
        (联合国大会(简称:联大)主席) opens none."""
        got = self._starts.get((pos, start))
        if got is None:
            got = self._starts[pos, start] = self._clause_start(pos, start)
        return got

    def _clause_start(self, pos: int, start: int) -> int:
        text = self.text
        i = pos
        while i > start and text[i - 1] not in PUNCT_END:
            i -= 1
        if self.ctx.review and ("、" in text[i:pos] or "和" in text[i:pos] or "以及" in text[i:pos]):
            # 一周要闻: A对越南进行正式访问、B出席X峰会和C与D举行会晤等是…要闻 (a list of the week's acts,
            # each a clause: a separator after an act)
            lo = i
            for m in _REVIEW_SEP.finditer(text, i, pos):
                # (the item since the last separator holds an act: 对美国和联合国进行访问 lists places, no acts)
                if _REVIEW_ACT.search(text, lo, m.start()) and not _PREDICATE_OPEN.match(text, m.end()):
                    i = m.end()
                lo = m.end()
        if _CLOSERS.search(text, i, pos) is None:
            return i  # no bracket closes before the trigger: the plain scan is the answer
        i = pos
        depth = 0
        while i > start:
            ch = self.text[i - 1]
            if ch in "”》)）":
                depth += 1
            elif ch in "“《(（":
                depth = max(0, depth - 1)
            elif depth == 0 and ch in PUNCT_END:
                break
            i -= 1
        return i

    def excluded(self, s: int, e: int) -> list[tuple[int, int]]:
        # (a reporter's byline holds 记者: a region without it is not searched, a search tried at
        # every character)
        reports = [m.span() for m in REPORT.finditer(self.text, s, e)] if self.text.find("记者", s, e) >= 0 else []
        return [m.span() for m in INVITE.finditer(self.text, s, e)] + reports + \
            [m.span() for m in CAPACITY.finditer(self.text, s, e)] + \
            [m.span() for m in BENEFICIARY.finditer(self.text, s, e + 6)] + \
            [m.span() for m in _VIA.finditer(self.text, s, e + 2)] + \
            [m.span() for m in VENUE.finditer(self.text, s, e)] + \
            [m.span() for m in _TOPIC.finditer(self.text, s, e + 2)] + \
            [m.span() for m in PAPER_DATELINE.finditer(self.text, s, e)] + \
            [m.span() for m in _ELECTED.finditer(self.text, s, e)] + \
            [m.span() for m in _OCCASION.finditer(self.text, s, e)]  # (_ELECTED: its verb stands at e)

    def subject(self, sent: SentenceCtx, trig_start: int,
                kinds: tuple[str, ...] = ("person", "org", "country", "place", "group")) -> list[Actor]:
        """Actors before the trigger: nearest clause first; a clause that opens with its predicate
        (A会见B，参加C，会见D) takes the subject of the sentence's first predicate, carried over
        the coordinated predicates; else the sentence start."""
        cs = self.clause_start(trig_start, sent.span.start)
        carried = PRED_COORD.search(self.text, max(cs, trig_start - 4), trig_start) is not None or \
            (cs > sent.span.start and (CLAUSE_COORD.match(self.text, cs) is not None or _NAMELY.match(self.text, cs))) or \
            any(any(cs <= t0 < m.start() for t0 in self._sent_trigs)
                for m in INNER_COORD.finditer(self.text, cs, trig_start))
        actors = [] if carried else self._region_actors(cs, trig_start, kinds)
        if actors and _PRONOUN.match(self.text, cs):
            # 他将与B一同出席…: a pronoun subject with a companion after it; the companion joins
            comp = _COMPANION.search(self.text, cs, actors[0].span.start)
            if comp is not None:
                actors = self.pronoun_subject(sent, cs) + actors
        elif actors and (pm := _PRONOUN_WITH.search(self.text, cs, actors[0].span.start)):
            # (访问期间他将同B共同主持…: the pronoun after a frame of time, then its companion)
            actors = self.pronoun_subject(sent, pm.start()) + actors
        if actors:
            if self._only_names(cs, actors[0].span.start):
                # 卡塔尔埃米尔A，捷克总统B，东盟秘书长C等也发来贺电: a list of titled persons run over
                # commas is the subject as a whole
                actors = self._listed_back(sent, cs) + actors
            return actors
        # (…，以及会见X / A会见B并会见C: a coordinated predicate keeps the first one's subject)
        # the first predicate of the sentence with a subject of its own in its clause (访柬期间，
        # A拜见B，…: an adverbial clause has none)
        for first in sorted(p for p in self._sent_trigs if p < (trig_start if carried else cs)):
            lo = self.clause_start(first, sent.span.start)
            # (A与B举行会谈，并拜会C: the first predicate's companion B is not the subject carried)
            companion = self.partner(sent, first)
            hi = companion[1] if companion is not None and lo <= companion[1] < first else first
            actors = self.pronoun_subject(sent, lo) if _PRONOUN.match(self.text, lo) else []
            actors = actors or self._region_actors(lo, hi, kinds)
            if actors:
                return actors
        return self._sentence_subject(sent, trig_start, cs, kinds)

    def _sentence_subject(self, sent: SentenceCtx, trig_start: int, cs: int, kinds: tuple[str, ...]) -> list[Actor]:
        """A clause with no subject of its own and none carried: an earlier pronoun, the main clause's
        subject after an adverbial frame, the sentence's actors, the sentence before's."""
        # (之后，他将与…共进午餐，出席…: a pronoun opening an earlier clause of the sentence is its subject)
        starts = [sent.span.start] + [sent.span.start + m.end()
                                      for m in re.finditer(r"[，,]", self.text[sent.span.start:trig_start])][:2]
        for pos in starts:
            if _PRONOUN.match(self.text, pos):
                got = self.pronoun_subject(sent, pos)
                if got:
                    return got
        # 在访问X并出席Y期间，PERSON…: an adverbial clause takes the main clause's subject (also after a
        # speaker's clause: A介绍，正式访问X期间，B将…)
        ce = self.clause_end(trig_start, sent.span.end)
        frame = re.search(r"(期间|之际|前夕|时|之前|之后|后)$", self.text[trig_start:ce]) is not None or (
            self.text.startswith("除", cs) and self.text[trig_start:ce].endswith("外"))  # (除了访问X外，B还将…)
        if frame and SPEAKS.search(self.text, sent.span.start, cs) is not None:
            persons = self.ctx.actors_in(ce, sent.span.end, ("person",))
            if persons:
                return persons[:1]
        actors = self._region_actors(sent.span.start, trig_start, kinds)
        if actors:
            return actors
        actors = self.pronoun_subject(sent, cs) or self._semicolon_subject(sent, trig_start) or \
            self._chained_subject(sent, trig_start)
        if actors:
            return actors
        if frame:
            after = [a for a in self.ctx.actors_in(ce, sent.span.end, ("person", "group"))]
            persons = [a for a in after if a.kind == "person"]
            if persons:
                return persons[:1]
            return after[:1]
        return []

    def _only_names(self, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` holds only persons, titles, countries and list words."""
        covered: set[int] = set()
        for a in self.ctx.actors_in(lo, hi):
            covered.update(range(a.span.start, a.span.end))
        for t in self.ctx.title_spans:
            if lo <= t.start < hi:
                covered.update(range(t.start, t.end))
        return all(i in covered or c in "、和及与 ·•前*" for i, c in enumerate(self.text[lo:hi], lo))

    def _listed_back(self, sent: SentenceCtx, cs: int) -> list[Actor]:
        """The persons of the clauses before ``cs`` that hold nothing but a list of titled persons."""
        out: list[Actor] = []
        while cs > sent.span.start and self.text[cs - 1] in "，,":
            pcs = self.clause_start(cs - 1, sent.span.start)
            if any(pcs <= t0 < cs for t0 in self._sent_trigs):
                break
            persons = self.ctx.actors_in(pcs, cs - 1, ("person",))
            if not persons or not self._only_names(pcs, cs - 1):
                break
            out = persons + out
            cs = pcs
        return out

    def _semicolon_subject(self, sent: SentenceCtx, trig_start: int) -> list[Actor]:
        """A part after `；` with no subject before its verb (…王廷惠开展了近50个活动；拜会…；会见…)
        keeps the subject of the sentence's first part: its persons before its first verb."""
        head = self.text[:sent.span.start].rstrip()
        if not head.endswith(("；", ";")) or self.ctx.actors_in(sent.span.start, trig_start, ("person", "group")):
            return []
        lo = max(head.rfind(c) for c in "。！？!?\n") + 1
        persons = self.ctx.actors_in(lo, len(head), ("person",))
        if not persons:
            return []
        # (the subject stands before that part's first verb)
        verb = next((m.start() for m in _VERB_AFTER_SUBJECT.finditer(self.text, persons[0].span.end, len(head))), len(head))
        return [a for a in persons if a.span.end <= verb][:1] or persons[:1]

    def _chained_subject(self, sent: SentenceCtx, trig_start: int) -> list[Actor]:
        """当地时间6月20日凌晨，在结束对朝鲜的访问后，抵达…: a sentence that opens with its time and
        names nobody before its verb goes on the one person the sentence before named (a topic
        chain of the same paragraph)."""
        excl = self.excluded(sent.span.start, trig_start)
        if any(not any(a0 <= a.span.start < b0 for a0, b0 in excl)
               for a in self.ctx.actors_in(sent.span.start, trig_start, ("person", "org", "group"))) or \
                not _TIME_OPENING.match(self.text, sent.span.start):
            return []
        head = self.text[:sent.span.start]
        if not head.endswith("。"):
            return []
        lo = max(head.rfind(c, 0, len(head) - 1) for c in "。！？!?\n") + 1
        persons = _dedupe_names(self.ctx.actors_in(lo, len(head), ("person",)))
        return persons if len(persons) == 1 else []

    def _region_actors(self, lo: int, hi: int, kinds: tuple[str, ...]) -> list[Actor]:
        # 孙明高度评价A与B签署…: the speaker is not an actor of what he speaks about
        for m in SPEAKS.finditer(self.text, lo, hi):
            if m.start() in self.ctx.person_ends:
                if self.ctx.actors_in(m.end(), hi, kinds):
                    lo = m.end()
                elif GENERIC_HUMANS.search(self.text, m.end(), hi):
                    return []  # NAME表示，各界人士积极参加…: what people at large do, not the speaker
        excl = self.excluded(lo, hi)
        frm = FROM.search(self.text, lo, hi)
        if frm:
            # 来自X、Y等31个国家的海外青年: the subject is what comes after 的
            np_ = self.text[frm.end():hi].strip()
            np_ = re.split(r"[，,于在]", np_)[0]
            if 2 <= len(np_) <= 16:
                return [Actor(np_, Span(frm.end(), frm.end() + len(np_)), "group")]
        led = LED_BY.search(self.text, lo, hi)
        acts = [a for a in self.ctx.actors_in(lo, hi, kinds)
                if not any(a0 <= a.span.start < b0 for a0, b0 in excl) and not self._press(a)]
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
                  and not self.text[max(lo, a.span.start - 2):a.span.start].endswith(DEST_BEFORE)]
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

    def partner(self, sent: SentenceCtx, trig_start: int, named_only: bool = False) -> tuple[list[Actor], int] | None:
        """``A与B<trigger>``: (B actors, position of 与) when the trigger's partner precedes it. A
        clause that opens with a titled person continues a list of partners begun before its comma
        (A与总书记B，总理C、委员长D等的会晤): the search starts where the list does. ``named_only``: a
        free-text partner must name a body or a group (a meeting's; a signing's partner may be a
        body the gazetteer does not know)."""
        cs = self.clause_start(trig_start, sent.span.start)
        for _ in range(3):
            first = self.ctx.actors_in(cs, trig_start, ("person",))[:1]
            comp = _COMPANION.search(self.text, cs, trig_start + 3)
            if cs <= sent.span.start or (comp is not None and comp.start() < trig_start) or not first or \
                    not (first[0].span.start == cs or
                         any(cs <= t.start and t.end == first[0].span.start for t in self.ctx.title_spans)):
                break
            prev = self.clause_start(cs - 1, sent.span.start)
            if any(prev <= t0 < cs for t0 in self._sent_trigs):
                break  # (the clause before reports an act of its own: no list runs over it)
            cs = prev
        if cs > sent.span.start and not self.ctx.actors_in(cs, trig_start):
            # A与B，分别率团出席并举行会谈: the pair stands alone in the clause before, its predicate after
            prev = self.clause_start(cs - 1, sent.span.start)
            if self._only_names(prev, cs - 1) and re.search(r"[与同和跟]", self.text[prev:cs - 1]) and \
                    len(self.ctx.actors_in(prev, cs - 1, ("person",))) >= 2:
                cs = prev
        seg = self.text[cs:trig_start]
        cands = sorted({cs + i for w in ("与", "同", "和", "跟") for i in find_all(seg, w)})
        if cands and self.text[cs:cands[0]] in ("", "在") and self.text[cands[0]] in "与同跟":
            cands = cands[:1]  # ((在)与A和B举行会谈时，C强调: the clause opens with its partners, 和 joins them)
        # (越南社会主义共和国: a 和 inside a name; 就…致贺信: what is spoken of names no partner)
        people = self.ctx.actors_in(max(0, cs - 30), trig_start, ("person",))
        inside = [(m.span.start, m.span.end) for m in self.ctx.entities_between(max(0, cs - 30), trig_start)
                  if not any(a.span.start < m.span.end and m.span.start < a.span.end for a in people)] + \
            [m.span() for m in _TOPIC.finditer(self.text, cs, trig_start + 2)]  # (苏林同…: no 林同省 there)
        cands = [c for c in cands if not any(a <= c < b for a, b in inside)]
        if any(self.text[c] in "与同跟" for c in cands):
            # (缅甸和越南领导人将与辛格会晤: with 与/同 in the clause, 和 joins the subject's nouns)
            cands = [c for c in cands if self.text[c] != "和"]
        for k, pos in enumerate(cands):  # leftmost first: 与广东省文化与旅游厅 partners with the whole name
            if k + 1 < len(cands) and self.text[cands[k + 1]] in "与同跟" and \
                    _CO_SUBJECT_TAIL.search(self.text, pos + 1, cands[k + 1]) and \
                    self.ctx.actors_in(pos + 1, cands[k + 1], ("person",)):
                continue  # (A与B还将与C举行会见: B joins the subject, C is the partner)
            before = self.ctx.actors_in(cs, pos)
            after_semicolon = cs == sent.span.start and self.text[:cs].rstrip().endswith(("；", ";"))
            persons = self.ctx.actors_in(pos + 1, trig_start, ("person",))
            if not before and not _PRONOUN.match(self.text, cs) and not CLAUSE_COORD.match(self.text, cs) \
                    and not after_semicolon and not (persons and cs > sent.span.start and _CARRIED_OPEN.match(self.text, cs)) \
                    and (cs == sent.span.start or self.ctx.actors_in(cs, trig_start, ("country", "org", "group"))):
                continue  # (他同B会谈, …，并将与B会谈, …，先后与B会谈: a pronoun or a carried subject)
            if persons:
                return persons, pos
            stop = PARTNER_END.search(self.text, pos + 1, trig_start)
            pe = stop.start() if stop else trig_start
            np_ = self.text[pos + 1:pe].strip()
            if np_.endswith(("并", "而")):
                continue  # (进行总结和评价并签署…: 和 joins two verbs, no partner between them)
            if 2 <= len(np_) <= 24:
                inner = self.ctx.actors_in(pos + 1, pe, ("country", "org", "place"))
                if named_only and not self.names_a_party(np_, inner):
                    continue  # (…评估和发展政治对话是会谈的主要议题: no partner)
                return [Actor(np_, Span(pos + 1, pe), "org", inner[0].iso3 if inner else None)], pos
        return None

    def frame_subject(self, sent: SentenceCtx, ts: int, te: int) -> list[Actor] | None:
        """在访问老挝两天期间，B与…会谈 / 在出席X并对中国进行访问框架内，B会见…: an act told inside a frame
        of time that names no actor has the next clause's subject; None when the clause is no such frame."""
        cs = self.clause_start(ts, sent.span.start)
        ce = self.clause_end(te, sent.span.end)
        clause = self.text[cs:ce]
        if not clause.startswith("在") or not clause.endswith(_FRAME_ENDS):
            return None
        # (a subject of the frame's own: a person, a group, a body before any verb; a body after one,
        # 出席世界经济论坛…, is the frame's object)
        if any(a.kind != "org" or not _FRAME_VERB.search(self.text, cs, a.span.start)
               for a in self.ctx.actors_in(cs, ts, ("person", "group", "org"))):
            return None
        if _PRONOUN.match(self.text, ce + 1):
            return self.pronoun_subject(sent, ce + 1)  # (在访问汶莱期间，他与苏丹…: whom the pronoun stands for)
        return self.ctx.actors_in(ce + 1, sent.span.end, ("person", "group"))[:1]

    def _np_head(self, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` holds only titles and names: what stands between 的 and a person
        is the person's own noun phrase (访问的美国国务卿克里), not another head (访问的第一站)."""
        covered = [sp for sp in self.ctx.title_spans] + [a.span for a in self.ctx.actors_in(lo, hi)]
        return all(any(sp.start <= i < sp.end for sp in covered) or self.text[i] in "、和及兼 "
                   for i in range(lo, hi))

    def names_a_party(self, np_: str, inner: list[Actor]) -> bool:
        """A free-text side of an act names a body or a group: it ends with a body or place named
        (越南外交部), a title (各国大使) or a group noun (…代表团, …一行)."""
        ends_named = bool(inner) and np_.endswith(inner[-1].name)
        # (a title at the end, or before a name the recogniser missed: 会长十仓雅和)
        tail = np_[-10:]
        ends_titled = any(len(tail) - 5 <= b <= len(tail) and self.lex.titles.get(_t) != "block"
                          for _t, _a, b in self.lex.find("titles", tail))
        return ends_named or ends_titled or np_.endswith(GROUP_NOUNS) or BODY_HEAD.search(np_) is not None

    def object_np(self, pos: int, end: int) -> tuple[str, Span] | None:
        """Event name after an attend/host trigger: up to the clause end, cut after the last event noun."""
        if self.text.startswith("了", pos):
            pos += 1
        if self.text[pos:pos + 1] in "、，,；;" or self.text.startswith(("等是", "等为", "等成为"), pos):
            return None  # (…峰会在河内召开、广治省纪念…, …在河内召开等是…要闻: the verb took no object)
        both = re.match(r"并(?:共同)?(?:主持|出席|参加|举办|举行)", self.text[pos:pos + 6])
        if both and re.match(r"了?(?:双边)?(?:会谈|会晤|会见)", self.text[pos + both.end():pos + both.end() + 5]):
            return None  # 出席并举行会谈: the talks are held, read by their own trigger; nothing attended named
        if both:
            pos += both.end()  # 出席并主持X: X is attended and hosted
        ce = self.clause_end(pos, end)
        # (出席X会晤举行吹风会: 举行 with no 的 after its object opens another predicate, the sentence's own)
        if (nxt := _NEXT_PREDICATE.search(self.text, pos, ce)) is not None:
            ce = nxt.start()
        seg = self.text[pos:ce]
        best = -1
        for n in self.nouns:
            i = seg.rfind(n)
            while i >= 0:
                tail = seg[i + len(n):]
                if not tail or tail.startswith(("的", "并", "期间", "前夕", "之际", "时", "上", "(", "（", "暨", "和", "及", "后", "之后", "结束后", "欢迎",
                                                "之旅", "之行")) \
                        or tail[0] in "”》」』" or PRAISE_CLOSE.match(tail):  # (对…大会给予高度评价)
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
        got = self._trim_name(pos, np_)
        if got is None:
            return None
        pos, np_ = got
        if len(np_) < 2:
            return None
        return np_, Span(pos, pos + len(np_))

    def _trim_name(self, pos: int, np_: str) -> tuple[int, str] | None:
        """An event name's lead trimmed: 的, a relative clause of time and place, a year's edition, quotes;
        None for a name told before (该会议)."""
        if np_.startswith("的") and len(np_) > 3:  # 举行的东盟…会议: the name after 的
            pos, np_ = pos + 1, np_[1:]
        if np_.startswith(("该", "上述")):
            return None  # 出席该会议: the gathering named before, told again
        if np_.startswith(("包括", "其中包括")) and len(np_) > 4:
            k = 4 if np_.startswith("其中") else 2  # (出席包括第46届东盟峰会、…等会议: the list's first item)
            pos, np_ = pos + k, np_[k:]
        # (在河内举行的…, 于9月29日至10月1日在夏威夷召开的…: a relative clause of time and place)
        # (从9月21日至25日在南宁举行的…: a span of days before the place)
        lead = re.match(r"(?:从[^，。；]{1,20}?(?:至|到)[^，。；]{1,12}?|于[^，。；]{1,20}?|在[^，。；]{1,24}?){1,3}"
                        r"(?:举办|举行|召开|主办)的", np_)
        if lead and len(np_) - lead.end() >= 2:
            pos += lead.end()
            np_ = np_[lead.end():]
        year_of = re.match(r"(?:19|20)\d\d\s*年度?的", np_)  # (参加2023年度的「博鳌亚洲论坛」: the year's edition)
        if year_of and len(np_) - year_of.end() >= 2:
            pos, np_ = pos + year_of.end(), np_[year_of.end():]
        if np_[:1] in "「『" and not any(q in np_[1:] for q in "」』"):
            pos, np_ = pos + 1, np_[1:]  # (「博鳌亚洲论坛」: a corner-quoted name, its close left outside)
        if np_[:1] in "“\"" and not any(q in np_[1:] for q in "”\""):
            pos, np_ = pos + 1, np_[1:]  # (an opening quote whose name the clause cuts before it closes)
        return pos, np_

    # -- dates ----------------------------------------------------------------------
    def date_for(self, sent: SentenceCtx, trig_start: int) -> tuple[str | None, str | None, bool]:
        """The date in the trigger's clause, else in its sentence (before the trigger first), else
        the running context (then the flag is set). A bare year counts only when it is not the document's
        year (then the context date is the more precise): 他于2015年曾访问 -> 2015, 去年 -> year - 1."""
        cs = self.clause_start(trig_start, sent.span.start)
        ce = self.clause_end(trig_start, sent.span.end)
        # what is said after the act (…致辞时强调，2022年…) is about other things: its dates are not the act's
        said = SPEAKS.search(self.text, trig_start, sent.span.end)
        said_at = said.start() if said else sent.span.end
        inside = [(dm, iso, end) for dm, iso, end in self.ctx.dates
                  if sent.span.start <= dm.start < sent.span.end and iso
                  and (not _in_paren(self.text, dm.start, sent.span) or WEEKDAY_GLOSS.search(self.text, dm.start - 6, dm.start))
                  and not _in_name(self.text, dm.start, sent.span)  # 《2025年后东盟共同体愿景》: a name
                  and not (_since_period(self.text, dm, trig_start))  # 自2011年3月当选以来: when a period began
                  and not (dm.month is not None and _TERM_BEGUN.match(self.text, dm.end)
                           and not (dm.end <= trig_start < dm.end + 12 and not _AFTER_WORD.search(self.text, dm.end, trig_start)))
                  and not (dm.month is None and dm.relative is None and iso == str(self.ctx.year))
                  and not self._report_date(dm.start, dm.end, trig_start)]
        own = self._paren_date(sent, trig_start)
        if own is not None:
            return own[0], own[1], False
        # time stands before the verb in Chinese: a date after the trigger is mostly its object's
        # (会见了自3月26日至28日访问越南的X), so any date before it in the sentence comes first
        spans = ((cs, min(ce, said_at)), (sent.span.start, said_at))
        # (A与由B率领自12月13日至16日访问越南的代表团举行会谈: a date inside the partner's description,
        # between 与/同 and the verb, is the partner's; one before the preposition is the act's)
        prep = _PARTNER_PREP.search(self.text, cs, trig_start)
        for lo, hi in spans:
            before = [x for x in inside if lo <= x[0].start < hi and x[0].start < trig_start]
            if prep is not None:
                before = [x for x in before if x[0].start < prep.start()] or \
                    ([] if lo == cs and cs > sent.span.start else before)  # (then the sentence's, before the clause)
            if before:
                return before[-1][1], before[-1][2], False
        # (a date after the trigger counts only in its own clause: 这是…首次访问，也是两国关系于2022年12月
        # 升级…: a later clause's date is another act's)
        after = [x for x in inside if cs <= x[0].start < min(ce, said_at) and x[0].start >= trig_start
                 and not self.ctx.actors_in(trig_start, x[0].start, ("person",))
                 and ("是" not in self.text[trig_start:x[0].start]
                      or self.text.endswith(("是在", "是于"), 0, x[0].start))]
        # (举行X是今年3月…之后: the copula's date; but 上一次访问X是在2018年: the act's, in a cleft)
        # (A即将开启的访越之旅以及B今年9月访俄之行: a date after another person is his act's)
        if after:
            return after[0][1], after[0][2], False
        d, de = sent.date or (None, None)
        return d, de, True

    def _report_date(self, start: int, end: int, trig_start: int) -> bool:
        """《某报》10月29日引述消息人士报道，X计划访问Y, 日本媒体5月30日报道关于X的访问: the day of a report
        told before the act is when it was told, not when the act is (据…报道: a source the story goes by)."""
        if end >= trig_start or according_to(self.text, start):
            return False
        if reports_after(self.text, start, end, trig_start):
            return True
        # (外长21日表示，A将访问X、Y和Z: the day of a statement of plans, not of the plans)
        said = _STATES.search(self.text, end, trig_start)
        return said is not None and _PLANNED_AFTER.search(self.text, said.end(), trig_start) is not None

    def _paren_date(self, sent: SentenceCtx, trig_start: int) -> tuple[str | None, str | None] | None:
        """A bracket holding only a date right after the act dates that act, one of a list each:
        ``A进行正式访问(Y年M月)和B进行国事访问(Y年M月)``, ``对智利(11月9日至12日)``."""
        m = _PAREN_AFTER.match(self.text, trig_start)
        if m is None or m.end() > sent.span.end:
            return None
        open_, close = m.end(), self.text.find("）" if m.group("open") == "（" else ")", m.end(), sent.span.end)
        if close < 0:
            return None
        for dm, iso, end in self.ctx.dates:
            if dm.start == open_ and self.text[dm.end:close].strip() == "" and iso:
                return iso, end
        return None

    def location(self, sent: Span, trig_start: int) -> str | None:
        for m in self.ctx.entities_between(sent.start, trig_start):
            if m.kind in ("place", "country"):
                pre = self.text[max(sent.start, m.span.start - 3):m.span.start]
                if pre.endswith(("在", "于", "在首都", "首都")):
                    return m.text
        return None


    def _event(self, type_: str, sent: SentenceCtx, ts: int, source: list[Actor], target: list[Actor],
               target_names: list[str] | None = None) -> Event:
        d, de, inherited = self.date_for(sent, ts)
        if d is None and self.ctx.year is not None:
            d = str(self.ctx.year)  # no date in the text: the document's year is as precise as it gets
        return Event(type=type_, date=d, date_end=de, source=self._with_short_forms(source),
                     target=target_names if target_names is not None else self._with_short_forms(target),
                     evidence=sent.span, source_iso3=_isos(source), target_iso3=_isos(target),
                     date_inherited=inherited)

    def _with_short_forms(self, actors: list[Actor]) -> list[str]:
        """The actors' names as written; a country written by its official name (中华人民共和国,
        柬埔寨王国) is named by its common name too."""
        names = _names(actors)
        out: list[str] = []
        for a in _dedupe_names(actors):
            out.append(a.name)
            short = self.lex.country_names.get(a.iso3) if a.kind == "country" and a.iso3 else None
            if short and short != a.name and _OFFICIAL.search(a.name) and short not in names:
                out.append(short)  # (right after the official name it shortens)
        return out

    # meet -----------------------------------------------------------------------------
    def _pair_meeting(self, sent: SentenceCtx, ts: int) -> list[Actor] | None:
        """两位部长/两国总理/双方 + trigger with no person named in the clause: the page's two sides."""
        if sent.kind != "body" or self.text[ts - 1:ts] == "的":
            return None  # (两位总理高度评价两国高层的会晤: meetings spoken of, no act of theirs)
        cs = self.clause_start(ts, sent.span.start)
        if not PAIR.search(self.text, cs, ts) or self.ctx.actors_in(cs, ts, ("person",)):
            return None
        return self.ctx.principals()

    def _clause_initial_partner(self, sent: SentenceCtx, ts: int) -> tuple[list[Actor], list[Actor]] | None:
        """``X在…；会见…；与NAME举行会谈``: a clause that starts with 与/同 takes the sentence's
        subject (the persons before the clause) as the other side."""
        cs = self.clause_start(ts, sent.span.start)
        m = re.match(r"(?:并|还|也|则|又|随后|此外)?(?:分别)?(?:与|同|和|跟)", self.text[cs:ts])
        if m is None:
            return None
        partner = self.ctx.actors_in(cs + m.end(), ts, ("person",)) or self._named_group(cs + m.end(), ts)
        if not partner:
            return None
        # the subject opens the sentence, which may run over semicolons: back to its 。
        lo = max(self.text.rfind("。", 0, cs), self.text.rfind("\n", 0, cs)) + 1
        src = [a for a in self.ctx.actors_in(lo, cs, ("person",)) if a.name not in {p.name for p in partner}]
        if not src and lo == cs and re.match(r".?(?:时|期间)", self.text[self.clause_end(ts, sent.span.end) - 2:]):
            # (与B举行会谈时，B表示…: a frame of the story's own talks, its subject the story's first person
            # of another country than B's)
            isos = {a.iso3 for a in partner}
            src = [a for a in self.ctx.persons if a.iso3 and a.iso3 not in isos and a.name not in {p.name for p in partner}]
        return (src[:1], partner) if src else None


    def _named_group(self, lo: int, hi: int) -> list[Actor]:
        """A partner written as a noun phrase (美国越商企业和知识分子, 民主党及共和党四名领导): kept
        as written when it names a country or body, or ends with a group noun."""
        np_ = re.sub(r"(?:举行|进行|开展)?(?:了)?$", "", self.text[lo:hi].strip())
        if not 2 <= len(np_) <= 32 or any(ch in np_ for ch in "，。；,;"):
            return []
        inner = self.ctx.actors_in(lo, lo + len(np_), ("country", "org"))
        if not inner and not np_.endswith(GROUP_NOUNS):
            return []
        return [Actor(np_, Span(lo, lo + len(np_)), "group", inner[0].iso3 if inner else None)]

    def _press(self, a: Actor) -> bool:
        """A news agency or paper (路透社 reports, 越通社 writes): it tells of acts, it does none."""
        ent = self.ctx.lex.entities.get(a.name) if a.kind == "org" else None
        return ent is not None and ent.sub == "media" and _REPORTS.match(self.text, a.span.end, a.span.end + 12) is not None

    def _foreign(self, s: Span, actors: list[Actor]) -> bool:
        if any(a.iso3 and a.iso3 != self.ctx.home for a in actors):
            return True
        if any(a.kind == "person" and a.iso3 is None for a in actors) and \
                any(a.iso3 == self.ctx.home for a in actors):
            return True  # (a company's head of no known country, met by the home side's leader)
        for m in self.ctx.entities_between(s.start, s.end):
            if (m.value and m.value != self.ctx.home) or (m.kind == "org" and not m.value and
                                                            self.lex.entities[m.text].sub == "intl"):
                return True
            if m.kind == "region":
                return True
        seg = self.text[s.start:s.end]
        return any(w in seg for w in FOREIGN_WORDS)



def _period_end(text: str, pos: int) -> int:
    """End of the full sentence at ``pos`` (to its 。, over semicolons and line ends)."""
    i = text.find("。", pos)
    return len(text) if i < 0 else i


# 通过世界粮食计划署向古巴援助: the channel an act goes through is not its actor
_VIA = re.compile(r"(?:通过|经由|借助)[^，。；,;]{2,24}?(?=向|对|为|给|与|同|和|把|将)")
# what a news agency does in a story: it reports (路透社在报道…时说, 据新华社报道)
_REPORTS = re.compile(r"[^，。；]{0,8}?(?:报道|报导|援引|评论|写道|称|说|指出)")
# a sentence opening with its time (当地时间6月20日凌晨，…, 21日上午，…, 随后，…)
_TIME_OPENING = re.compile(r"(?:当地时间)?\s*(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}\s*月)?\s*\d{1,2}\s*日|"
                           r"(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?|随后|此后|之后|同日|当天")


def _dedupe_names(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.name, a)
    return list(seen.values())


# the first verb after a subject (开展, 会见, 出席 …): what stands before it is the subject
_VERB_AFTER_SUBJECT = re.compile(r"开展|会见|拜会|出席|访问|举行|表示|强调|签署")
# the preposition that opens a meeting's partner (A与B会谈, A同由B率领的…举行会谈)
_PARTNER_PREP = re.compile(r"(?:与|同|跟)(?=由|[^，。；]{0,40}?的)")
# 外交部就A将访问B举行吹风会: what a briefing or talks are about names no actor of them
_TOPIC = re.compile(r"就(?!是|在|要|会|已)[^，。；,;]{2,120}?(?=举行|召开|向|致)")  # (就A当选…向他致贺电)
_STATES = re.compile(r"表示|宣布|称|透露|说")
_PLANNED_AFTER = re.compile(r"将(?!军)|即将|计划|拟|预计")
# (吉隆坡27日讯), （北京5日电）: a paper's dateline opening the lede names the place of filing, no actor
# 在越共十一大上当选为越共中央总书记: the congress and the office one is elected to name no actor
_ELECTED = re.compile(r"在[^，。；,;在]{2,16}?(?:[一二三四五六七八九十]+大|全会|代表大会)上|"
                      r"(?:当选|被选为|被任命为|出任)(?:为)?[^，。；,;]{2,24}?(?:总书记|主席|总理|总统|部长|议长|秘书长|首相)")
# a clause that opens with a time and an adverb before its 与 (…，今早(29日)首先与B会面): its subject is carried
_CARRIED_OPEN = re.compile(r"\s*(?:今早|今晨|今天|今日|昨天|昨日|当天|随后|之后|其后|接着|首先|稍后|\d{1,2}日)"
                           r"(?:\s*[（(]\s*\d{1,2}\s*日\s*[)）])?\s*(?:上午|下午|晚上|早上)?\s*(?:首先|随后|还|也|又|将|先)?\s*(?=与|同|跟)")
# an adverb right before a second 与 (A与B还将与C会见): what stands between the two is a co-subject
_CO_SUBJECT_TAIL = re.compile(r"(?:还|也|将|又|再|均|都|共同|一道|一起)+$")
# a review's list of acts: the separators between its items, and the verbs that make an item an act
_REVIEW_SEP = re.compile(r"、|和|以及")
# (即出席X、对美国进行访问: a predicate after the separator shares the item's subject, no item of its own)
_PREDICATE_OPEN = re.compile(r"对|出席|参加|与|同|在|前往|赴|访问|举行|并|及其|将")
_REVIEW_ACT = re.compile(r"访问|会见|会晤|会谈|通电话|出席|参加|举行|召开|签署|主持|致电|开幕|举办|访华|访越|抵达")
# 值此胡志明主席诞辰128周年和何塞·马蒂逝世123周年之际: an occasion's names are no actors
_OCCASION = re.compile(r"(?:值此|在|恰逢|适逢)[^，。；,;]{2,80}?(?:周年|纪念日)[^，。；,;]{0,30}?之际")
_AFTER_WORD = re.compile(r"后|後|以来")  # (于2022年11月24日出任首相后，首次访问: the act is after the day)
# …访美之旅，即出席X、对Y进行访问: the acts that make up the one told before, with its subject
_NAMELY = re.compile(r"\s*(?:即|亦即|也就是)(?![将使便])")
# (…举行两国外长会议是…之后的首次: 是 after the gathering's name is the sentence's copula; 出席X峰会、对美国进行工作
# 访问: 、 before a preposition or a verb lists another predicate)
_NEXT_PREDICATE = re.compile(r"(?<=[会议谈晤坛礼式])(?:(?:举行|召开)(?![^，。；,;]{0,12}?的)|是)|、(?=对|赴|向|前往|访问|会见)")
# the act's words up to a bracket, without crossing a clause or another bracket
_PAREN_AFTER = re.compile(r"[^，,。；;（()）、和与]{1,24}?\s*(?P<open>[（(])\s*(?=\d)")


_COMPANION = re.compile(r"[与同跟]|和(?!会谈|会晤|会见|会面|座谈)")
_PRONOUN_WITH = re.compile(r"(?<=期间|之际|前夕|当天|随后)(?:他|她)(?=[将还也]?[与同跟])")


def _in_name(text: str, pos: int, sent: Span) -> bool:
    """Inside 《…》 (a document's or a programme's name) within the sentence."""
    o = text.rfind("《", sent.start, pos)
    return o >= 0 and text.find("》", o, pos) < 0 and text.find("》", pos, sent.end) >= 0


# 今年3月出任国家主席后，首次出访…: the month a term began dates the term, not the acts told after it (a year
# alone, 去年就任…后首次出访, is theirs too)
_TERM_BEGUN = re.compile(TOOK_OFFICE_VERB)


def _since_period(text: str, dm: DateMention, trig_start: int) -> bool:
    """自2011年3月当选以来: the date a period began, no act's; but the act standing between the date
    and 以来 is of that date (于2013年签署合作备忘录以来: the signing, 2013)."""
    m = _SINCE.match(text, dm.end)
    return m is not None and not _act_from(text, dm) and not (dm.end <= trig_start < m.end())


def _act_from(text: str, dm: DateMention) -> bool:
    """8日起访问日本3天: a day from which an act runs is the act's first day (a period's start,
    自2011年3月当选以来, is not)."""
    return dm.day is not None and text.startswith(("起", "开始"), dm.end)


_OFFICIAL = re.compile(r"(?:共和国|王国|联邦|合众国|共和國|王國|聯邦|苏丹国|大公国|酋长国)$")


# 进行为期5天(自6月26日至7月1日)的访问: a bracket that glosses a duration with its days dates the act
_DURATION_GLOSS = re.compile(r"为期\s*[\d一二三四五六七八九十两]+\s*[天日]\s*[（(]\s*[自从]?\s*$")


def _in_paren(text: str, pos: int, sent: Span) -> bool:
    """True when ``pos`` sits inside a parenthesis (anniversary ranges, asides), not one that
    glosses the act's duration."""
    left = text[sent.start:pos]
    return left.count("(") + left.count("（") > left.count(")") + left.count("）") and \
        not _DURATION_GLOSS.search(text, max(sent.start, pos - 16), pos)

def listed(actors: list[Actor], text: str, start: int) -> list[Actor]:
    """The actors written as a list from ``start`` on (A、B及C), stopping at the first gap."""
    out: list[Actor] = []
    pos = start
    for a in actors:
        if a.span.start < pos or text[pos:a.span.start].strip() not in ("", "及", "和", "与", "、", "以及", "同"):
            break
        out.append(a)
        pos = a.span.end
    return out

