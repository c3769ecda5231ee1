"""Relations between countries: partnership tiers, upgrades, founding dates, anniversaries (issue 6).

One pass of the ``relations`` automaton (``tiers.tsv``: tier phrases, upgrade and
establish verbs, goal markers) per sentence, plus two regular expressions for
``建交N周年`` and dated ``建交``. Each statement needs a pair of countries, read from
the sentence (docs/relations.md, 'Pairs'):

* a compound (越中, 中老) or two country names in the clause before the phrase;
* ``两国`` / ``双方`` -> the document's two main countries;
* one foreign country named -> it and Vietnam (the home of the outlet);
* a list of three or more countries, a count (与18个国家建立...), an international body
  (东盟, 欧盟) without a second country, or nothing at all -> no pair, no relation.

A tier named as a goal (希望建立战略伙伴关系, 朝着...迈进, 提升为...的目标) is no relation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon, RelationWord
from ..model import Mention, Relation, Span
from ..text.numbers import to_number
from .options import HOME

_CLAUSE_END = "，,；;。！？!?\n：:"
# after a verb, the tier it names follows within this many characters in the same clause
# (提升为"为和平、合作与可持续发展的全面战略伙伴关系": a long qualifier between them)
_TIER_REACH = 30
_DATE_REACH = 60  # a founding date stands at most this far before 建交
_PAIR_WORDS = ("两国", "双方", "两党", "两国间", "彼此")
_GENERIC = re.compile(r"\d+\s*个(?:国家|伙伴|国)|各国|多国|许多国家|一些国家|多个国家|等国|其他国家|世界各")
_CN_NUM = "一二三四五六七八九十百零〇两"
_ANNIV = re.compile(rf"(?:建交|建立(?:正式)?外交关系)\s*(\d{{1,3}}|[{_CN_NUM}]{{1,5}})\s*周年")
_ESTABLISHED = re.compile(r"(?:正式)?(?:建交|建立(?:了)?(?:正式)?外交关系)")
_YEAR_IN = re.compile(r"(?:19|20)\d\d")


@dataclass(slots=True)
class _Word:
    w: RelationWord
    start: int
    end: int
    used: bool = False


def document_pair(lex: Lexicon, entities: Sequence[Mention], home: str = HOME) -> tuple[str, str] | None:
    """The document's two main countries (what 两国 / 双方 refers to): Vietnam and the most named other."""
    counts = Counter(m.value for m in entities if m.kind == "country" and isinstance(m.value, str))
    foreign = [iso for iso, _n in counts.most_common() if iso != home]
    if not foreign:
        return None
    if counts.get(home) or len(foreign) == 1:
        return home, foreign[0]
    return foreign[0], foreign[1]


class RelationFinder:
    """Finds the relations of one document, sentence by sentence."""

    def __init__(self, lex: Lexicon, text: str, entities: Sequence[Mention],
                 dates: Sequence[tuple[int, int, str | None]], persons: Sequence[tuple[str, Span]],
                 home: str = HOME) -> None:
        self.lex = lex
        self.text = text
        self.home = home
        self.countries = sorted((m for m in entities if m.kind == "country"), key=lambda m: m.span.start)
        self.bodies = [m for m in entities if m.kind == "org" and m.value is None]  # 东盟, 欧盟, 联合国 ...
        self.named = {m.value for m in self.countries if isinstance(m.value, str)}
        self.pair = document_pair(lex, entities, home)
        self.dates = sorted(dates)
        self.persons = sorted(persons, key=lambda p: p[1].start)
        self.prev: Span | None = None  # the sentence before the one being read

    # -- pairs ------------------------------------------------------------------------
    def _iso(self, m: Mention) -> str | None:
        if isinstance(m.value, str):
            return m.value
        # an ambiguous abbreviation (新 = Singapore or New Zealand): the one the document names
        cands = [i for i in self.lex.abbrs.get(m.text, ()) if i in self.named]
        return cands[0] if len(cands) == 1 else None

    def _countries(self, lo: int, hi: int) -> list[str]:
        out: list[str] = []
        for m in self.countries:
            if lo <= m.span.start and m.span.end <= hi:
                iso = self._iso(m)
                if iso and iso not in out:
                    out.append(iso)
        return out

    def _resolve(self, lo: int, hi: int) -> tuple[str, str] | None | bool:
        """The pair named in ``text[lo:hi]``; None when none is; False when it is ambiguous or generic."""
        seg = self.text[lo:hi]
        if _GENERIC.search(seg):
            return False
        isos = self._countries(lo, hi)
        if len(isos) > 2:
            return False
        if len(isos) == 2:
            return _ordered(isos[0], isos[1], self.home)
        foreign = [i for i in isos if i != self.home]
        if foreign:
            if any(lo <= b.span.start < hi for b in self.bodies):
                return False  # 中国与东盟: a body is the other side, not Vietnam
            return self.home, foreign[0]
        if any(w in seg for w in _PAIR_WORDS):
            return self.pair if self.pair is not None else False
        return None

    def _compound(self, pos: int) -> tuple[str, str] | None:
        """A compound glued to the phrase (越日广泛战略..., 越中两国...): one the gazetteer pass
        may miss, since its tail word is the tier itself."""
        i = pos
        for skip in ("两国", "的"):
            if self.text[max(0, i - len(skip)):i] == skip:
                i -= len(skip)
        two = self.text[max(0, i - 2):i]
        if len(two) < 2 or "越" not in two and "中" not in two:
            return None
        isos = []
        for ch in two:
            cands = self.lex.abbrs.get(ch, ())
            if len(cands) > 1:
                cands = tuple(c for c in cands if c in self.named)
            if len(cands) != 1:
                return None
            isos.append(cands[0])
        if isos[0] == isos[1] or (i - 3 >= 0 and self.text[i - 3] in self.lex.abbrs):
            return None  # 越老柬: three countries
        return _ordered(isos[0], isos[1], self.home)

    def pair_at(self, pos: int, sent: Span) -> tuple[str, str] | None:
        """The two countries a phrase at ``pos`` is about: its clause first, then the sentence before it."""
        glued = self._compound(pos)
        if glued is not None:
            return glued
        cstart = _clause_start(self.text, sent.start, pos)
        got = self._resolve(cstart, pos)
        if got is None and cstart > sent.start:
            got = self._resolve(sent.start, pos)
        return got if isinstance(got, tuple) else None

    # -- dates --------------------------------------------------------------------------
    def _date_before(self, lo: int, hi: int, *, explicit_year: bool = False) -> tuple[str | None, int]:
        """The last date phrase in ``text[lo:hi]`` and its start (-1 when none)."""
        best: tuple[str | None, int] = (None, -1)
        for s, e, iso in self.dates:
            if s < lo or e > hi or not iso:
                continue
            if explicit_year and not _YEAR_IN.search(self.text[s:e]):
                continue
            best = (iso, s)
        return best

    def _people(self, sent: Span) -> list[str]:
        """Persons named in the sentence; else in the sentence just before it in the same paragraph
        (两国领导人宣布将关系提升为...: the leaders were named in the sentence of the talks)."""
        out = self._named_in(sent.start, sent.end)
        if not out and self.prev is not None and "\n" not in self.text[self.prev.end:sent.start]:
            out = self._named_in(self.prev.start, self.prev.end)
        return out

    def _named_in(self, lo: int, hi: int) -> list[str]:
        out: list[str] = []
        for name, sp in self.persons:
            if lo <= sp.start < hi and name not in out:
                out.append(name)
        return out

    # -- one sentence ---------------------------------------------------------------------
    def find(self, sent: Span, context_date: str | None) -> list[Relation]:
        text, lex = self.text, self.lex
        seg = text[sent.start:sent.end]
        words = [_Word(lex.relation_words[p], sent.start + s, sent.start + e) for p, s, e in lex.find("relations", seg)]
        if not words and "建" not in seg:
            return []
        out: list[Relation] = []
        tiers = [w for w in words if w.w.kind == "tier"]
        decided = any(w.w.kind == "decision" for w in words)

        def negated(verb_or_tier: _Word, tier: _Word) -> bool:
            return self._negated(words, sent, verb_or_tier, tier)

        for kind in ("upgrade", "establish"):
            for v in (w for w in words if w.w.kind == kind):
                target = next((t for t in tiers if t.start >= v.end and t.start - v.end <= _TIER_REACH
                               and not _boundary(text, v.end, t.start)), None)
                if target is None or target.used:
                    continue
                target.used = True
                cstart = _clause_start(text, sent.start, v.start)
                prev = None
                if kind == "upgrade":
                    prev = next((t for t in reversed(tiers) if cstart <= t.start and t.end <= v.start), None)
                    if prev is not None:
                        prev.used = True
                if negated(v, target):
                    continue
                pair = self.pair_at(v.start, sent)
                if pair is None:
                    continue
                date, src = self._dated(sent.start, v.start, decided, context_date)
                out.append(Relation(
                    "upgrade" if kind == "upgrade" else "tier", list(pair), sent, Span(v.start, target.end),
                    tier=target.w.tier, tier_text=text[target.start:target.end],
                    previous_tier=prev.w.tier if prev is not None else None,
                    date=date, year=int(date[:4]) if date else None, date_source=src, people=self._people(sent)))
        for t in tiers:
            if t.used or negated(t, t):
                continue
            pair = self.pair_at(t.start, sent)
            if pair is None:
                continue
            out.append(Relation("tier", list(pair), sent, Span(t.start, t.end), tier=t.w.tier,
                                tier_text=text[t.start:t.end]))
        out += self._anniversaries(sent)
        out.sort(key=lambda r: r.trigger.start)
        return out

    def _negated(self, words: list[_Word], sent: Span, verb_or_tier: _Word, tier: _Word) -> bool:
        """An aim (努力将…提升为), a goal word before the verb, or an aim right after the tier:
        the relation is wished for, not made."""
        text = self.text
        cstart = _clause_start(text, sent.start, verb_or_tier.start)
        before = [w for w in words if cstart <= w.start < verb_or_tier.start]
        if any(w.w.kind == "aim" for w in before):
            return True
        if verb_or_tier is not tier and any(w.w.kind == "goal" for w in before):
            return True
        after = [w for w in words if w.start == tier.end and w.w.kind == "aim_after"]
        return bool(after) or any(w.w.kind == "aim" and w.start > tier.end and
                                  _clause_start(text, sent.start, w.start) == cstart for w in words)

    def _dated(self, lo: int, hi: int, decided: bool, context_date: str | None) -> tuple[str | None, str | None]:
        iso, _ = self._date_before(lo, hi)
        if iso:
            return iso, "text"
        if decided and context_date:
            return context_date, "context"
        return None, None

    def _anniversaries(self, sent: Span) -> list[Relation]:
        text = self.text
        out: list[Relation] = []
        taken: list[tuple[int, int]] = []
        for m in _ANNIV.finditer(text, sent.start, sent.end):
            n = _number(m.group(1))
            taken.append((m.start(), m.end()))
            pair = self.pair_at(m.start(), sent)
            if n is None or pair is None:
                continue
            other = pair[1] if pair[0] == self.home else pair[0] if pair[1] == self.home else None
            est = self.lex.relations.get(other) if other else None
            out.append(Relation("anniversary", list(pair), sent, Span(m.start(), m.end()), number=n,
                                year=est.year + n if est else None, date_source="lexicon" if est else None,
                                established=est.isoformat() if est else None))
        for m in _ESTABLISHED.finditer(text, sent.start, sent.end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            iso, at = self._date_before(max(sent.start, m.start() - _DATE_REACH), m.start(), explicit_year=True)
            if not iso:
                continue  # 自建交以来: no date stated, nothing new
            pair = self.pair_at(m.start(), sent)
            if pair is None:
                continue
            out.append(Relation("established", list(pair), sent, Span(at, m.end()), tier="diplomatic",
                                tier_text=text[m.start():m.end()], date=iso, year=int(iso[:4]), date_source="text"))
        return out


def find_relations(lex: Lexicon, text: str, sentences: Sequence[tuple[Span, str | None]],
                   entities: Sequence[Mention], dates: Sequence[tuple[int, int, str | None]],
                   persons: Sequence[tuple[str, Span]] = (), home: str = HOME) -> list[Relation]:
    """Relations stated in a document's sentences, one entry per distinct statement."""
    finder = RelationFinder(lex, text, entities, dates, persons, home)
    out: list[Relation] = []
    seen: set[tuple[object, ...]] = set()
    for sent, ctx in sentences:
        found = finder.find(sent, ctx)
        finder.prev = sent
        for r in found:
            key = (r.kind, tuple(r.countries), r.tier, r.date, r.number, r.previous_tier)
            if key not in seen:
                seen.add(key)
                out.append(r)
    # the headline's undated 越美关系提升为... is the body's dated statement again
    dated = {(r.kind, tuple(r.countries), r.tier) for r in out if r.date}
    return [r for r in out if r.date or r.kind == "anniversary" or (r.kind, tuple(r.countries), r.tier) not in dated]


def _ordered(a: str, b: str, home: str) -> tuple[str, str]:
    return (b, a) if b == home else (a, b)


def _clause_start(text: str, lo: int, pos: int) -> int:
    i = pos - 1
    while i >= lo and text[i] not in _CLAUSE_END:
        i -= 1
    return i + 1


def _boundary(text: str, a: int, b: int) -> bool:
    return any(ch in _CLAUSE_END for ch in text[a:b])


def _number(s: str) -> int | None:
    n = to_number(s)  # Arabic or Chinese numerals (cn2an), one parser for the package
    return int(n) if n is not None and n == n.to_integral_value() else None
