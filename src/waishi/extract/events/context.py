"""What the event readers know of a document: its actors (persons, delegations, gazetteer
entities) in text order, its dates, its two sides."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...lexicon import Lexicon
from ...model import Mention, Span
from ...text.dates import DateMention
from ..options import HOME
from .words import (
    DELEG_CUT,
    DELEGATION,
    ORGAN,
)


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
    home: str = HOME
    title_spans: list[Span] = field(default_factory=list)  # title chains of persons (中央对外部部长)
    roundup: bool = False  # the document reports messages of congratulation (贺电, 致电祝贺 in its headline)
    doc_start: int = 0  # where the document starts in the page's text
    review: bool = False  # a review of the week's or the month's news (一周要闻回顾 in its headline)
    _p_starts: list[int] = field(init=False, default_factory=list, repr=False)
    _e_starts: list[int] = field(init=False, default_factory=list, repr=False)
    _named: frozenset[str] | None = field(init=False, default=None, repr=False)
    person_ends: frozenset[int] = field(init=False, default=frozenset(), repr=False)  # where a person's name ends

    def __post_init__(self) -> None:
        self.persons.sort(key=lambda a: a.span.start)
        self.entities.sort(key=lambda m: m.span.start)
        self._p_starts = [a.span.start for a in self.persons]
        self._e_starts = [m.span.start for m in self.entities]
        self.person_ends = frozenset(a.span.end for a in self.persons)

    def named_countries(self) -> frozenset[str]:
        """ISO3 of every country the page names."""
        if self._named is None:
            self._named = frozenset(m.value for m in self.entities if m.kind == "country" and isinstance(m.value, str))
        return self._named

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
        # each side as the page writes it (印尼, 星洲), else the lexicon's name
        # (a one-character abbreviation, 中越, is no name: the lexicon's then)
        written = {m.value: m.text for m in reversed(self.entities)
                   if m.kind == "country" and isinstance(m.value, str) and len(m.text) >= 2}
        names = [written.get(i) or self.lex.country_names.get(i, i) for i in isos[:2]]
        return (Actor(names[0], Span(0, 0), "country", isos[0]), Actor(names[1], Span(0, 0), "country", isos[1]))

    def entities_between(self, s: int, e: int) -> list[Mention]:
        """Entity mentions starting in [s, e), in text order (bisect over the sorted starts)."""
        return self.entities[bisect.bisect_left(self._e_starts, s):bisect.bisect_left(self._e_starts, e)]

    def actors_in(self, s: int, e: int, kinds: tuple[str, ...] = ("person", "org", "country", "place", "group")) -> list[Actor]:
        if "person" in kinds:
            starts = self._p_starts
            out = [a for a in self.persons[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
                   if a.span.end <= e]
        else:
            out = []
        starts = self._e_starts
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        with_org = "org" in kinds
        for m in self.entities[lo:hi] if lo < hi else ():
            # (a mention of no kind asked for, and no country or place an organ may follow, adds nothing)
            org_able = with_org and m.kind in ("country", "place")
            if m.span.end > e or not (org_able or m.kind in kinds) or _starts_inside(out, m.span.start):
                continue
            if org_able:
                om = ORGAN.match(self.text, m.span.end, e)
                if om:
                    out.append(Actor(m.text + om.group(), Span(m.span.start, om.end()), "org", m.value))
                    continue
            if m.kind in kinds:
                out.append(Actor(m.text, m.span, m.kind, m.value))
        if "group" in kinds and self.text.find("代表团", s, e) >= 0:
            for dm in DELEGATION.finditer(self.text, s, e):
                gs = dm.start()
                for c in DELEG_CUT.finditer(self.text, dm.start(), dm.end()):
                    before = self.entities[:bisect.bisect_left(self._e_starts, c.end())]  # (start < c.end())
                    if not any(m.span.start < c.end() and c.start() < m.span.end and
                               not (c.start() == m.span.start) for m in before):
                        gs = c.end()
                g = self.text[gs:dm.end()]
                if self.text.startswith(("互访", "往来", "交流"), dm.end()):
                    continue  # 高级代表团互访: a topic, not a delegation
                if len(g) >= 3 and self.text[max(0, gs - 2):gs] not in _SENT_BEFORE:  # (派遣代表团: the one sent, not an actor)
                    out.append(Actor(g, Span(gs, dm.end()), "group", None))
        if len(out) > 1:
            out.sort(key=lambda a: a.span.start)
        return out


def _starts_inside(actors: list[Actor], pos: int) -> bool:
    for a in actors:
        if a.span.start <= pos < a.span.end:
            return True
    return False


_SENT_BEFORE = ("派遣", "派出", "组成", "组建")


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
