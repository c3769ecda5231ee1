"""Relations between countries and holders of offices: the questions (issue 6).

* ``relations(db, country=, conflicts=)``: per pair of countries the current tier,
  since when, and the history of tiers with their sources; with ``conflicts`` what
  pages and the lexicon disagree on.
* ``offices(db, at=, country=, office=, conflicts=)``: who held which office at a
  date (the lexicon, with the pages that name them); with ``conflicts`` the pages
  naming another holder than the lexicon's.

relations_write.py stores them; docs/relations.md gives the rules.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..lexicon import Lexicon
from .errors import StoreError
from .merge import date_interval
from .office_terms import names_match, overlaps
from .rows import Conn, Where, connection, marks, named, normalize_day
from .rows import Row as _Row

__all__ = [
    "OfficeConflict", "OfficeHolder", "OfficesReport", "PairRelations", "RelationConflict", "Partnership",
    "PersonOffice", "RelationSource", "RelationsReport", "TierStep", "offices", "partnerships", "person_offices",
    "relations",
]

MAX_SOURCES = 5
# -- relations: the questions ---------------------------------------------------------


@dataclass
class RelationSource(_Row):
    """A sentence stating a relation, with its document."""

    document_id: int
    title: str
    date: str | None  # the document's date
    url: str | None
    kind: str
    stated: str | None  # the date the sentence gives, if any
    text: str
    start: int
    end: int


@dataclass
class TierStep(_Row):
    """One tier of a pair's history."""

    tier: str
    wording: list[str]  # as written (全面战略合作伙伴关系 ...)
    rank: int
    since: str | None  # the stated date (upgrade, founding), else the lexicon's, else the first page
    since_basis: str  # stated | lexicon | first seen
    first_seen: str | None
    last_seen: str | None
    n_documents: int
    upgraded_from: str | None = None
    people: list[str] = field(default_factory=list)  # named in the upgrade's sentences (who upgraded it)
    sources: list[RelationSource] = field(default_factory=list)
    source: str | None = None  # the partnerships lexicon's source for its date (a joint statement)


@dataclass
class PairRelations(_Row):
    countries: list[str]
    names: list[str]
    current: str | None  # the latest upgrade's tier (lexicon or pages); never the founding of relations
    since: str | None
    since_basis: str | None
    history: list[TierStep]
    anniversaries: list[dict[str, Any]]
    n_documents: int
    source: str | None = None  # what dates the current tier: the lexicon's source, or the first page's title
    established: str | None = None  # diplomatic relations since (relations.tsv)


@dataclass(frozen=True, slots=True)
class Partnership:
    """A row of partnerships.tsv: Vietnam and ``iso3`` reached ``tier`` on ``date``."""
    iso3: str
    tier: str
    date: str
    source: str


def partnerships(lex: Lexicon) -> dict[str, list[Partnership]]:
    """ISO3 -> its partnership steps with Vietnam, oldest first (partnerships.tsv, read once)."""
    def build() -> dict[str, list[Partnership]]:
        from ..lexicon import read_tsv

        out: dict[str, list[Partnership]] = {}
        for row in read_tsv("partnerships.tsv", ["iso3", "tier", "date", "source"]):
            if not row["iso3"] or not row["tier"] or not row["date"]:
                raise StoreError(f"partnerships.tsv: incomplete row {row!r}")
            out.setdefault(row["iso3"], []).append(Partnership(row["iso3"], row["tier"], row["date"], row["source"]))
        for steps in out.values():
            steps.sort(key=lambda p: p.date)
        return out

    got: dict[str, list[Partnership]] = lex.memo("partnerships", build)
    return got


@dataclass
class RelationConflict(_Row):
    countries: list[str]
    kind: str  # established_date | upgrade_date | lower_tier
    detail: str
    lexicon: str | None  # what the lexicon (or the earlier pages) say
    page: str | None  # what this page says
    source: RelationSource


@dataclass
class RelationsReport(_Row):
    pairs: list[PairRelations]
    conflicts: list[RelationConflict]


_REL_SQL = """
SELECT r.id, r.kind, r.country_a, r.country_b, r.tier, r.tier_text, r.previous_tier, r.date, r.date_lo,
       r.year, r.number, r.established, r.people, r.doc_date, d.id AS document_id, d.title, s.url,
       substr(d.text, r.start - d.start + 1, r.end - r.start) AS evidence, r.start, r.end
FROM relations r JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id
"""


@dataclass
class _Rel:
    id: int
    kind: str
    a: str
    b: str
    tier: str | None
    tier_text: str | None
    previous: str | None
    date: str | None
    date_lo: str | None
    year: int | None
    number: int | None
    established: str | None
    people: list[str]
    source: RelationSource

    @property
    def when(self) -> str | None:
        """The time the statement holds: its stated date, else its document's."""
        return self.date_lo or _day(self.source.date)


def _day(v: str | None) -> str | None:
    try:
        return normalize_day(v) if v else None
    except StoreError:
        return None


def _better(new: str, cur: str | None) -> bool:
    """The earliest stated date wins; of two that agree (2023-09-10 within 2023-09), the more precise."""
    if cur is None:
        return True
    if new.startswith(cur) or cur.startswith(new):
        return len(new) > len(cur)
    return new < cur


def _load(con: sqlite3.Connection, country: str | None) -> list[_Rel]:
    if country:
        rows = named(con, _REL_SQL + " WHERE r.country_a = ? UNION ALL " + _REL_SQL +
                     " WHERE r.country_b = ? AND r.country_a <> ?", (country, country, country))
    else:
        rows = named(con, _REL_SQL)
    out = []
    for r in sorted(rows, key=lambda r: r["id"]):
        src = RelationSource(r["document_id"], r["title"], r["doc_date"], r["url"], r["kind"], r["date"],
                             r["evidence"] or "", r["start"], r["end"])
        out.append(_Rel(r["id"], r["kind"], r["country_a"], r["country_b"], r["tier"], r["tier_text"],
                        r["previous_tier"], r["date"], r["date_lo"], r["year"], r["number"], r["established"],
                        json.loads(r["people"]) if r["people"] else [], src))
    return out


def _pair_names(lex: Lexicon, a: str, b: str) -> tuple[list[str], list[str]]:
    pair = [a, b] if a == "VNM" or b != "VNM" else [b, a]
    return pair, [lex.country_names.get(c, c) for c in pair]


def _page_steps(lex: Lexicon, rows: list[_Rel]) -> dict[str, TierStep]:
    """The tiers the pages name, each with its wording, sightings, stated date and sources."""
    steps: dict[str, TierStep] = {}
    stated: dict[str, str] = {}
    for r in rows:
        if r.kind == "anniversary" or not r.tier:
            continue
        st = steps.get(r.tier)
        if st is None:
            st = steps[r.tier] = TierStep(r.tier, [], lex.tier_rank(r.tier) or (1 if r.tier == "diplomatic" else 0),
                                          None, "first seen", None, None, 0)
        if r.tier_text and r.tier_text not in st.wording and r.kind != "established":
            st.wording.append(r.tier_text)
        seen = _day(r.source.date)
        if seen:
            st.first_seen = min(st.first_seen or seen, seen)
            st.last_seen = max(st.last_seen or seen, seen)
        if r.date_lo and r.date and _better(r.date, stated.get(r.tier)):
            stated[r.tier] = st.since = r.date
        if r.kind == "upgrade":
            st.upgraded_from = st.upgraded_from or r.previous
            st.people += [p for p in r.people if p not in st.people]
        if len(st.sources) < MAX_SOURCES:
            st.sources.append(r.source)
    for st in steps.values():
        st.n_documents = len({s.document_id for r in rows if r.tier == st.tier for s in [r.source]})
        if st.since is not None:
            st.since_basis = "stated"
        elif st.first_seen:
            st.since = st.first_seen
    return steps


def _lexicon_steps(lex: Lexicon, other: str | None, steps: dict[str, TierStep]) -> date | None:
    """Add the partnerships lexicon's steps with Vietnam and the founding of relations to
    ``steps``; returns the founding date (relations.tsv), if known."""
    previous: str | None = None
    for ps in partnerships(lex).get(other or "", []):
        st = steps.get(ps.tier)
        if st is None:
            st = steps[ps.tier] = TierStep(ps.tier, [], lex.tier_rank(ps.tier), None, "lexicon", None, None, 0)
        # the curated date wins over the pages' (their disagreements are conflicts to check),
        # unless a page states the same date more precisely (2023-09-10 within 2023-09)
        if not (st.since_basis == "stated" and st.since and st.since.startswith(ps.date)):
            st.since, st.since_basis = ps.date, "lexicon"
        st.source = ps.source
        st.upgraded_from = st.upgraded_from or previous
        previous = ps.tier
    founded = lex.relations.get(other) if other else None
    if founded is not None:
        st = steps.get("diplomatic")
        if st is None:
            st = steps["diplomatic"] = TierStep("diplomatic", [], 1, None, "lexicon", None, None, 0)
        if st.since_basis != "stated":
            st.since, st.since_basis = founded.isoformat(), "lexicon"
    return founded


def _current(history: list[TierStep]) -> TierStep | None:
    # The current tier is the latest dated upgrade (lexicon or a page stating its date); pages
    # naming a tier without a date count only when nothing is dated; the founding of relations
    # is no tier (issue 12: "VNM-CHN: diplomatic since 1950" was shown as the current tier).
    tiers = [s for s in history if s.tier != "diplomatic"]
    dated = [s for s in tiers if s.since_basis in ("stated", "lexicon") and s.since]
    if dated:
        return max(dated, key=lambda s: (s.since or "", s.rank))
    if tiers:
        return max(tiers, key=lambda s: (s.rank, s.n_documents, s.since or ""))
    return None


def _history(lex: Lexicon, pair: list[str], rows: list[_Rel]) -> PairRelations:
    docs = {r.source.document_id for r in rows}
    steps = _page_steps(lex, rows)
    founded = _lexicon_steps(lex, pair[1] if pair[0] == "VNM" else None, steps)
    history = sorted(steps.values(), key=lambda s: (s.since or "9999", s.rank))
    current = _current(history)
    names = [lex.country_names.get(c, c) for c in pair]
    annivs = [{"number": r.number, "year": r.year, "established": r.established, "document_id": r.source.document_id,
               "title": r.source.title} for r in rows if r.kind == "anniversary"]
    source = None
    if current is not None:
        source = current.source or (current.sources[0].title if current.sources else None)
    return PairRelations(pair, names, current.tier if current else None, current.since if current else None,
                         current.since_basis if current else None, history, annivs, len(docs), source,
                         founded.isoformat() if founded else None)


def _conflicts(lex: Lexicon, pair: list[str], rows: list[_Rel], hist: PairRelations) -> list[RelationConflict]:
    out: list[RelationConflict] = []
    other = pair[1] if pair[0] == "VNM" else None
    founded = lex.relations.get(other) if other else None
    for r in rows:
        _prec, lo, hi = date_interval(r.date)
        if r.kind == "established" and founded is not None and lo and hi and not lo <= founded.isoformat() <= hi:
            out.append(RelationConflict(pair, "established_date", "the page dates the founding of relations "
                                        "otherwise than relations.tsv", founded.isoformat(), r.date, r.source))
    by_tier: dict[str, list[_Rel]] = {}
    for r in rows:
        if r.kind == "upgrade" and r.date and r.tier:
            by_tier.setdefault(r.tier, []).append(r)
    for tier, ups in by_tier.items():
        first = min(ups, key=lambda r: r.date_lo or "")
        for r in ups:
            if r.date and first.date and r.date[:7] != first.date[:7] and \
                    not (first.date.startswith(r.date) or r.date.startswith(first.date)):
                out.append(RelationConflict(pair, "upgrade_date", f"pages date the upgrade to {tier} differently",
                                            first.date, r.date, r.source))
    tops = [s for s in hist.history if s.since_basis in ("stated", "lexicon") and s.since]
    for r in rows:
        if r.kind not in ("tier", "upgrade") or not r.tier or not r.when:
            continue
        rank = lex.tier_rank(r.tier)
        higher = [s for s in tops if s.rank > rank and _day(s.since) is not None and (_day(s.since) or "") < r.when
                  and s.tier != "diplomatic"]
        if higher:
            h = max(higher, key=lambda s: s.rank)
            out.append(RelationConflict(pair, "lower_tier", f"the page names {r.tier} after {h.tier} "
                                        f"(since {h.since})", f"{h.tier} since {h.since}", f"{r.tier} on {r.when}",
                                        r.source))
    return out


def relations(db: Conn, *, country: str | None = None, conflicts: bool = False,
              lexicon: Lexicon | None = None) -> RelationsReport:
    """The tier history of each pair of countries (with ``country``: its pairs), most documented first;
    with ``conflicts``, also what pages and the lexicon disagree on."""
    if country is not None and not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise StoreError(f"country must be an ISO 3166-1 alpha-3 code such as VNM, got {country!r}")
    lex = lexicon or Lexicon.default()
    by_pair: dict[tuple[str, str], list[_Rel]] = {}
    for r in _load(connection(db), country):
        by_pair.setdefault((r.a, r.b), []).append(r)
    pairs: list[PairRelations] = []
    found: list[RelationConflict] = []
    if country is not None:
        # Vietnam's partners in the lexicon have a history even before any page names them
        others = [country] if country != "VNM" else list(partnerships(lex))
        for o in others:
            if o != "VNM" and (o in partnerships(lex) or o in lex.relations):
                by_pair.setdefault(tuple(sorted(("VNM", o))), [])  # type: ignore[arg-type]
    for (a, b), rows in by_pair.items():
        pair, _names = _pair_names(lex, a, b)
        hist = _history(lex, pair, rows)
        pairs.append(hist)
        if conflicts:
            found += _conflicts(lex, pair, rows, hist)
    pairs.sort(key=lambda p: (-p.n_documents, p.countries))
    return RelationsReport(pairs, found)


# -- offices: the questions -------------------------------------------------------------


@dataclass
class OfficeHolder(_Row):
    office: str
    country: str
    holder: str
    names: list[str]  # every form the lexicon gives (full and short)
    start: str | None
    end: str | None
    source: str  # the lexicon row's source
    n_documents: int  # stored documents naming them with the office's title in the term
    disputed_by: list[str] = field(default_factory=list)  # other names pages give for the office then


@dataclass
class OfficeConflict(_Row):
    office: str
    country: str
    name: str  # the holder the page names
    title: str
    lexicon: list[str]  # the lexicon's holders at the page's date
    date: str | None
    n_documents: int
    sources: list[RelationSource]


@dataclass
class OfficesReport(_Row):
    at: str | None
    until: str | None
    holders: list[OfficeHolder]
    conflicts: list[OfficeConflict]


@dataclass
class PersonOffice(_Row):
    """An office a person held: the lexicon's term (with its source) and/or the pages naming them in it."""
    office: str
    country: str
    start: str | None  # the lexicon's term; None when only pages name it
    end: str | None
    source: str | None  # the lexicon row's source
    titles: list[str]  # as the pages write them
    first_seen: str | None  # the first and last stored documents naming them in the office
    last_seen: str | None
    n_documents: int
    agrees: bool  # the pages' naming agrees with the lexicon's terms


def person_offices(db: Conn, person_id: int, name: str, lexicon: Lexicon | None = None) -> list[PersonOffice]:
    """The offices of a person over time: the lexicon's terms of ``name`` and the stored
    documents naming them with an office's title, oldest first."""
    lex = lexicon or Lexicon.default()
    con = connection(db)
    out: dict[tuple[str, str | None], PersonOffice] = {}
    for o in lex.offices:
        if names_match(name, o.holder):
            key = (o.office, o.start.isoformat() if o.start else None)
            if key not in out:
                out[key] = PersonOffice(o.office, o.iso3, key[1], o.end.isoformat() if o.end else None, o.source,
                                        [], None, None, 0, True)
    docs: dict[int, set[int]] = {}
    for office, iso3, title, date_lo, date_hi, doc_id, agrees in con.execute(
            "SELECT office, iso3, title, date_lo, date_hi, document_id, agrees FROM office_claims "
            "WHERE person_id = ? ORDER BY date_lo, id", (person_id,)):
        # the lexicon term the claim falls in, else one entry per office named by pages only
        term = next((p for (k, _), p in out.items() if k == office and (p.start or "0000") <= (date_hi or "9999")
                     and (date_lo or "0000") <= (p.end or "9999")), None)
        if term is None:
            term = out.setdefault((office, None), PersonOffice(office, iso3, None, None, None, [], None, None, 0,
                                                               bool(agrees)))
        if title not in term.titles:
            term.titles.append(title)
        term.first_seen = min(term.first_seen or date_lo, date_lo) if date_lo else term.first_seen
        term.last_seen = max(term.last_seen or date_hi, date_hi) if date_hi else term.last_seen
        docs.setdefault(id(term), set()).add(doc_id)
        term.n_documents = len(docs[id(term)])
        term.agrees = term.agrees and bool(agrees)
    return sorted(out.values(), key=lambda p: (p.start or p.first_seen or "9999", p.office))


def offices(db: Conn, *, at: str | None = None, country: str | None = None, office: str | None = None,
            conflicts: bool = False, lexicon: Lexicon | None = None) -> OfficesReport:
    """Holders of the lexicon's offices at ``at`` (a day, month or year; default today), with the stored
    documents naming them; with ``conflicts``, pages naming another holder than the lexicon's."""
    lex = lexicon or Lexicon.default()
    con = connection(db)
    lo = normalize_day(at) if at else date.today().isoformat()
    hi = normalize_day(at, end=True) if at else lo
    assert lo is not None and hi is not None
    dlo, dhi = date.fromisoformat(lo), date.fromisoformat(hi)

    def wanted(iso3: str, key: str) -> bool:
        return (country is None or iso3 == country) and (office is None or key == office or
                                                         key.split(".", 1)[-1] == office)

    terms: dict[tuple[str, date | None, date | None, str], OfficeHolder] = {}
    keys: list[str] = []
    for o in lex.offices:
        if not wanted(o.iso3, o.office) or not overlaps(o, dlo, dhi):
            continue
        if o.office not in keys:
            keys.append(o.office)
        # one holder per term: the short and full forms of a name share the term's dates
        k = next((k for k in terms if k[0] == o.office and k[1] == o.start and k[2] == o.end
                  and names_match(o.holder.split("·")[0], k[3])), None)
        if k is None:
            terms[(o.office, o.start, o.end, o.holder)] = OfficeHolder(
                o.office, o.iso3, o.holder, [o.holder], o.start.isoformat() if o.start else None,
                o.end.isoformat() if o.end else None, o.source, 0)
        else:
            h = terms[k]
            h.names.append(o.holder)
            if len(o.holder) > len(h.holder):
                h.holder = o.holder
    holders = list(terms.values())
    for h in holders:
        h.n_documents = named(
            con, f"SELECT count(DISTINCT document_id) AS n FROM office_claims WHERE office = ? AND agrees = 1 "
            f"AND name IN ({marks(len(h.names))}) AND date_hi >= ? AND date_lo <= ?",
            (h.office, *h.names, h.start or "0000", h.end or "9999"))[0]["n"]
        h.disputed_by = [r["name"] for r in named(
            con, "SELECT DISTINCT name FROM office_claims WHERE office = ? AND agrees = 0 AND date_lo <= ? "
            "AND date_hi >= ? ORDER BY name", (h.office, hi, lo))]
    holders.sort(key=lambda h: (keys.index(h.office), h.start or ""))
    found: list[OfficeConflict] = []
    if conflicts:
        found = _office_conflicts(con, lo if at else None, hi if at else None, wanted)
    return OfficesReport(lo if at else None, hi if at else None, holders, found)


def _office_conflicts(con: sqlite3.Connection, lo: str | None, hi: str | None, wanted: Any) -> list[OfficeConflict]:
    w = Where().add("c.agrees = 0")
    if lo and hi:
        w.add("c.date_lo <= ? AND c.date_hi >= ?", hi, lo)
    sql = ("SELECT c.office, c.iso3, c.name, c.title, c.lexicon, c.date, d.id, d.title, s.url, "
           "substr(d.text, c.start - d.start + 1, c.end - c.start), c.start, c.end "
           "FROM office_claims c JOIN documents d ON d.id = c.document_id JOIN sources s ON s.id = d.source_id"
           + w.sql)
    args = w.params
    groups: dict[tuple[str, str], OfficeConflict] = {}
    docs: dict[tuple[str, str], set[int]] = {}
    for office, iso3, name, title, lexj, dt, did, dtitle, url, snip, s, e in con.execute(sql + " ORDER BY c.id", args):
        if not wanted(iso3, office):
            continue
        key = (office, name)
        c = groups.get(key)
        if c is None:
            c = groups[key] = OfficeConflict(office, iso3, name, title, json.loads(lexj) if lexj else [], dt, 0, [])
            docs[key] = set()
        docs[key].add(did)
        for h in json.loads(lexj) if lexj else []:
            if h not in c.lexicon:
                c.lexicon.append(h)
        if len(c.sources) < MAX_SOURCES:
            c.sources.append(RelationSource(did, dtitle, dt, url, "office", dt, snip or "", s, e))
    for key, c in groups.items():
        c.n_documents = len(docs[key])
    return sorted(groups.values(), key=lambda c: (-c.n_documents, c.office, c.name))

