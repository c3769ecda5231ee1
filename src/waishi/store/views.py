"""Questions the dashboard asks beyond query.py: documents with their annotations,
events over time, who meets whom (graph), a country's summary, the overview.

Same habits as query.py: functions over a Store or a bare connection, dataclasses
with ``to_dict()``, SQL built only with parameters (placeholders for every value;
the only text put into SQL is chosen from fixed tables here), nothing writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .db import StoreError
from .query import (
    Conn,
    EventRow,
    FactRow,
    PersonRow,
    Results,
    Stats,
    _con,
    _page,
    events,
    normalize_day,
    people,
)
from .query import _fold as fold
from .query import stats as store_stats

__all__ = [
    "DocumentRow", "Annotation", "DocEvent", "DocFact", "DocumentView", "Bucket", "GraphNode", "GraphLink", "Graph",
    "CountryRow", "CountrySummary", "Overview", "BUCKETS", "GRAPH_KINDS",
    "Counterpart", "documents", "document", "timeline", "graph", "countries", "country", "overview",
    "home_country", "anchors", "fact_anchors", "counterparts", "metrics",
]

# bucket name -> length of the date prefix that names it (dates are ISO strings)
BUCKETS = {"year": 4, "month": 7, "day": 10}
# Summaries give the first and last dates as written: the exact days when there are any (an
# event dated only 2026 is not "2026-12-31"), else the coarser dates themselves (2026, 2026-03).
FIRST_EXACT = ("COALESCE(min(CASE WHEN e.precision = 'day' THEN e.date END), "
               "min(CASE WHEN e.precision IS NOT NULL THEN e.date END))")
LAST_EXACT = ("COALESCE(max(CASE WHEN e.precision = 'day' THEN COALESCE(e.date_end, e.date) END), "
              "max(CASE WHEN e.precision IS NOT NULL THEN e.date END))")
GRAPH_KINDS = ("country", "person")


class _Row:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]


def _filters(type: str | None, since: str | None, until: str | None, country: str | None,
             alias: str = "e") -> tuple[list[str], list[Any]]:
    """WHERE terms shared by timeline and graph: event type, date overlap, a country on either side."""
    where: list[str] = []
    args: list[Any] = []
    if type:
        where.append(f"{alias}.type = ?")
        args.append(type)
    if since:
        where.append(f"{alias}.date_hi >= ?")
        args.append(normalize_day(since))
    if until:
        where.append(f"{alias}.date_lo <= ?")
        args.append(normalize_day(until, end=True))
    if country:
        where.append(f"{alias}.id IN (SELECT event_id FROM event_actors WHERE iso3 = ?)")
        args.append(country.upper())
    return where, args


# -- evidence anchors and counterparts -------------------------------------------------


def anchors(db: Conn, event_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """Event id -> (document id, start, end) of its representative report's sentence: the
    dashboard links an event to ``/documents/<id>#s-<start>``."""
    if not event_ids:
        return {}
    ids = list(event_ids)
    marks = ",".join("?" * len(ids))
    return {r[0]: (r[1], r[2], r[3]) for r in _con(db).execute(
        f"SELECT e.id, r.document_id, r.start, r.end FROM events e JOIN event_reports r ON r.id = e.report_id "
        f"WHERE e.id IN ({marks})", ids)}


def fact_anchors(db: Conn, fact_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """Fact id -> (document id, start, end) of its sentence."""
    if not fact_ids:
        return {}
    ids = list(fact_ids)
    marks = ",".join("?" * len(ids))
    return {r[0]: (r[1], r[2], r[3]) for r in _con(db).execute(
        f"SELECT id, document_id, start, end FROM facts WHERE id IN ({marks})", ids)}


def metrics(db: Conn) -> list[tuple[str, int]]:
    """The metrics the store holds figures for (merged across pages), the most frequent first."""
    return [(r[0], r[1]) for r in _con(db).execute(
        "SELECT metric, count(*) FROM figures GROUP BY metric ORDER BY 2 DESC, 1")]


@dataclass
class Counterpart(_Row):
    """Someone (or some country or body) on the other side of a person's events."""
    name: str
    kind: str  # person, country, place, org, other
    person_id: int | None
    iso3: str | None
    n_events: int
    last: str | None


def counterparts(db: Conn, person_id: int, *, limit: int = 30) -> list[Counterpart]:
    """Whom a person met, called, visited ...: the actors on the other side of their events,
    the most frequent first (a person counts once however their name was written)."""
    rows = _con(db).execute(
        "WITH mine AS (SELECT DISTINCT event_id, role FROM event_actors WHERE person_id = ?) "
        "SELECT a.name, a.kind, a.person_id, a.iso3, count(DISTINCT a.event_id), max(e.date_hi) "
        "FROM mine m JOIN event_actors a ON a.event_id = m.event_id AND a.role != m.role "
        "JOIN events e ON e.id = a.event_id "
        "WHERE a.person_id IS NULL OR a.person_id != ? "
        "GROUP BY COALESCE('p' || a.person_id, 'n' || a.name) ORDER BY 5 DESC, 6 DESC LIMIT ?",
        (person_id, person_id, limit)).fetchall()
    return [Counterpart(*r) for r in rows]


# -- documents ------------------------------------------------------------------------


@dataclass
class DocumentRow(_Row):
    id: int
    source_id: int
    kind: str  # article | teaser
    title: str
    date: str | None
    url: str | None
    path: str | None
    n_events: int
    n_facts: int


def documents(db: Conn, *, kind: str | None = None, since: str | None = None, until: str | None = None,
              limit: int = 50, offset: int = 0) -> Results[DocumentRow]:
    """Documents, newest first (by the document's date), with their event and fact counts."""
    con = _con(db)
    limit, offset = _page(limit, offset)
    where: list[str] = []
    args: list[Any] = []
    if kind:
        where.append("d.kind = ?")
        args.append(kind)
    if since:
        where.append("d.date >= ?")
        args.append(normalize_day(since))
    if until:
        # a document's date is a day, a month-less year (YYYY) or empty; YYYY sorts before YYYY-MM-DD
        where.append("d.date <= ?")
        args.append(normalize_day(until, end=True))
    sql = ("SELECT d.id, d.source_id, d.kind, d.title, d.date, s.url, s.path, "
           "(SELECT count(*) FROM event_reports r WHERE r.document_id = d.id), "
           "(SELECT count(*) FROM facts f WHERE f.document_id = d.id) "
           "FROM documents d JOIN sources s ON s.id = d.source_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY d.date DESC, d.id DESC LIMIT ? OFFSET ?")
    rows = con.execute(sql, (*args, limit + 1, offset)).fetchall()
    return Results([DocumentRow(*r) for r in rows[:limit]], limit, offset, len(rows) > limit)


@dataclass
class Annotation(_Row):
    """A recognised string (person, title, org, place, country, date, money, quantity)."""
    kind: str
    text: str
    value: Any
    person_id: int | None
    start: int  # page offsets, like every offset in the store
    end: int


@dataclass
class DocEvent(_Row):
    event_id: int
    report_id: int
    type: str
    date: str | None
    source: list[str]
    target: list[str]
    trigger: str | None
    start: int  # the evidence sentence
    end: int
    extra: list[list[int]] = field(default_factory=list)  # other sentences merged into this report
    factuality: str = "reported"  # or planned


@dataclass
class DocFact(_Row):
    id: int
    metric: str
    value: float
    unit: str
    period: str | None
    number_start: int  # the figure as written
    number_end: int
    start: int  # its sentence
    end: int
    figure_id: int | None = None  # the figure (merged across pages) this report is of


@dataclass
class DocumentView(_Row):
    """A document with everything found in it. Offsets are page offsets; ``text`` begins at
    ``start``, so an annotation's string is ``text[a.start - start : a.end - start]``."""
    id: int
    source_id: int
    kind: str
    title: str
    date: str | None
    year: int | None
    year_evidence: str | None
    url: str | None
    path: str | None
    published: str | None
    start: int
    end: int
    text: str
    mentions: list[Annotation]
    events: list[DocEvent]
    facts: list[DocFact]
    siblings: list[DocumentRow]  # the other documents of the same page (article and teasers)
    title_sentences: list[list[int]] = field(default_factory=list)  # [start, end] of sentences giving titles
    year_lo: int | None = None  # the window the year was chosen in
    year_hi: int | None = None
    year_constraints: list[dict[str, Any]] = field(default_factory=list)  # each bound or point, with offsets


def document(db: Conn, document_id: int) -> DocumentView | None:
    """One document with its mentions, event reports and facts (for highlighting), or None."""
    con = _con(db)
    r = con.execute(
        "SELECT d.id, d.source_id, d.kind, d.title, d.date, d.year, d.year_evidence, s.url, s.path, s.published, "
        "d.start, d.end, d.text, d.year_lo, d.year_hi, d.year_constraints "
        "FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?",
        (document_id,)).fetchone()
    if r is None:
        return None
    mentions = [Annotation(*m) for m in con.execute(
        "SELECT kind, text, value, person_id, start, end FROM mentions WHERE document_id = ? ORDER BY start, id",
        (document_id,))]
    reports = con.execute(
        "SELECT r.event_id, r.id, e.type, COALESCE(r.date, e.date), r.trigger, r.start, r.end, r.extra_evidence, "
        "r.factuality "
        "FROM event_reports r JOIN events e ON e.id = r.event_id WHERE r.document_id = ? ORDER BY r.start, r.id",
        (document_id,)).fetchall()
    sides: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    if reports:
        marks = ",".join("?" * len(reports))
        for rid, role, name in con.execute(
                f"SELECT report_id, role, name FROM event_actors WHERE report_id IN ({marks}) ORDER BY id",
                [x[1] for x in reports]):
            if name not in sides[rid][role]:
                sides[rid][role].append(name)
    evs = [DocEvent(x[0], x[1], x[2], x[3], sides[x[1]]["source"], sides[x[1]]["target"], x[4], x[5], x[6],
                    json.loads(x[7]) if x[7] else [], x[8] or "reported") for x in reports]
    fs = []
    for f in con.execute("SELECT id, metric, value, unit, period, number_start, number_end, start, end, figure_id "
                         "FROM facts WHERE document_id = ? ORDER BY start, id", (document_id,)):
        value = int(f[2]) if float(f[2]).is_integer() else f[2]
        fs.append(DocFact(f[0], f[1], value, *f[3:]))
    siblings = [DocumentRow(*s) for s in con.execute(
        "SELECT d.id, d.source_id, d.kind, d.title, d.date, s.url, s.path, "
        "(SELECT count(*) FROM event_reports r WHERE r.document_id = d.id), "
        "(SELECT count(*) FROM facts f WHERE f.document_id = d.id) "
        "FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.source_id = ? AND d.id != ? ORDER BY d.ord",
        (r[1], document_id))]
    titled = [[a, b] for a, b in con.execute(
        "SELECT DISTINCT start, end FROM role_evidence WHERE document_id = ? ORDER BY start", (document_id,))]
    return DocumentView(id=r[0], source_id=r[1], kind=r[2], title=r[3], date=r[4], year=r[5], year_evidence=r[6],
                        url=r[7], path=r[8], published=r[9], start=r[10], end=r[11], text=r[12], mentions=mentions,
                        events=evs, facts=fs, siblings=siblings, title_sentences=titled,
                        year_lo=r[13], year_hi=r[14], year_constraints=json.loads(r[15]) if r[15] else [])


# -- events over time -----------------------------------------------------------------


@dataclass
class Bucket(_Row):
    period: str  # YYYY, YYYY-MM or YYYY-MM-DD
    type: str
    count: int
    coarse: bool = False  # events dated less precisely than the bucket (2024 in a month timeline): period as dated


def timeline(db: Conn, *, bucket: str = "month", type: str | None = None, country: str | None = None,
             since: str | None = None, until: str | None = None) -> list[Bucket]:
    """Events counted by period (the start of their date) and type, oldest first; events of
    unknown date are left out."""
    if bucket not in BUCKETS:
        raise StoreError(f"bucket must be one of {', '.join(BUCKETS)}, got {bucket!r}")
    where, args = _filters(type, since, until, country)
    where.insert(0, "e.precision IS NOT NULL")
    # an event counts at the precision it was dated: one dated 2024 is not a January event of a
    # month timeline (its date_lo is 2024-01-01) but a "2024" bucket marked coarse
    n = BUCKETS[bucket]
    plen = "(CASE e.precision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END)"
    sql = (f"SELECT substr(e.date_lo, 1, min({plen}, {n})) AS p, e.type, count(*), {plen} < {n} AS coarse "
           f"FROM events e WHERE {' AND '.join(where)} GROUP BY p, e.type, coarse ORDER BY p, e.type")
    return [Bucket(r[0], r[1], r[2], bool(r[3])) for r in _con(db).execute(sql, args)]


# -- facets ---------------------------------------------------------------------------


@dataclass
class Facets(_Row):
    """Counts of the events matching a filter, by type, country and year (datasette's facets):
    each facet leaves its own filter out, so it shows the choices beside the current one."""
    type: list[tuple[str, int]]
    country: list[tuple[str, int]]
    year: list[tuple[str, int]]  # as dated: an event of unknown date is left out


def event_facets(db: Conn, *, type: str | None = None, country: str | None = None, actor: str | None = None,
                 since: str | None = None, until: str | None = None, min_sources: int | None = None,
                 top: int = 12) -> Facets:
    con = _con(db)

    def where(skip: str) -> tuple[str, list[Any]]:
        w, a = _filters(None if skip == "type" else type, since, until, None if skip == "country" else country)
        if actor:
            w.append("e.id IN (SELECT event_id FROM event_actors WHERE instr(name, ?) > 0)")
            a.append(fold(actor))
        if min_sources:
            w.append("e.n_sources >= ?")
            a.append(min_sources)
        return (" WHERE " + " AND ".join(w)) if w else "", a

    w, a = where("type")
    by_type = [(r[0], r[1]) for r in con.execute(
        f"SELECT e.type, count(*) FROM events e{w} GROUP BY e.type ORDER BY 2 DESC, 1", a)]
    w, a = where("country")
    by_country = [(r[0], r[1]) for r in con.execute(
        f"SELECT x.iso3, count(DISTINCT x.event_id) FROM event_actors x JOIN events e ON e.id = x.event_id{w}"
        f"{' AND' if w else ' WHERE'} x.iso3 IS NOT NULL GROUP BY x.iso3 ORDER BY 2 DESC, 1 LIMIT ?", (*a, top))]
    w, a = where("")
    by_year = [(r[0], r[1]) for r in con.execute(
        f"SELECT substr(e.date_lo, 1, 4) AS y, count(*) FROM events e{w}{' AND' if w else ' WHERE'} "
        f"e.precision IS NOT NULL GROUP BY y ORDER BY y DESC LIMIT ?", (*a, top))]
    return Facets(by_type, by_country, by_year)


# -- graph ----------------------------------------------------------------------------


@dataclass
class GraphNode(_Row):
    id: str  # ISO3 for countries, the person id (as text) for people
    label: str
    country: str | None
    weight: int  # events the node is in (among the links shown)


@dataclass
class GraphLink(_Row):
    source: str  # node ids, the smaller first: links are undirected
    target: str
    weight: int  # distinct events with one on each side
    by_type: dict[str, int]


@dataclass
class Graph(_Row):
    kind: str
    nodes: list[GraphNode]
    links: list[GraphLink]


def graph(db: Conn, *, kind: str = "country", type: str | None = None, since: str | None = None,
          until: str | None = None, country: str | None = None, min_weight: int = 1,
          limit: int = 200) -> Graph:
    """Who deals with whom: one link per pair of countries (or people) found on opposite sides
    of the same events, weighted by the number of distinct events, heaviest first."""
    if kind not in GRAPH_KINDS:
        raise StoreError(f"kind must be one of {', '.join(GRAPH_KINDS)}, got {kind!r}")
    limit, _ = _page(limit, 0)
    con = _con(db)
    col = "iso3" if kind == "country" else "person_id"
    where, args = _filters(type, since, until, country)
    ev_filter = (" AND a.event_id IN (SELECT e.id FROM events e WHERE " + " AND ".join(where) + ")") if where else ""
    # distinct (event, side, node) first: an event has one actor row per report, and a page
    # often reports the same meeting several times
    sql = (f"WITH s AS (SELECT DISTINCT a.event_id, a.role, a.{col} AS n, a.type FROM event_actors a "
           f"WHERE a.{col} IS NOT NULL{ev_filter}) "
           "SELECT min(x.n, y.n), max(x.n, y.n), x.type, count(DISTINCT x.event_id) FROM s x "
           "JOIN s y ON y.event_id = x.event_id AND x.role = 'source' AND y.role = 'target' AND x.n != y.n "
           "GROUP BY 1, 2, 3")
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for a, b, t, n in con.execute(sql, args):
        pairs[(str(a), str(b))][t] = pairs[(str(a), str(b))].get(t, 0) + n
    links = [GraphLink(a, b, sum(bt.values()), dict(sorted(bt.items(), key=lambda kv: -kv[1])))
             for (a, b), bt in pairs.items() if sum(bt.values()) >= min_weight]
    links.sort(key=lambda link: (-link.weight, link.source, link.target))
    links = links[:limit]
    weight: dict[str, int] = defaultdict(int)
    for link in links:
        weight[link.source] += link.weight
        weight[link.target] += link.weight
    labels: dict[str, tuple[str, str | None]] = {}
    if kind == "person" and weight:
        marks = ",".join("?" * len(weight))
        labels = {str(r[0]): (r[1], r[2]) for r in con.execute(
            f"SELECT id, name, country FROM people WHERE id IN ({marks})", [int(k) for k in weight])}
    nodes = [GraphNode(k, labels.get(k, (k, None))[0], k if kind == "country" else labels.get(k, (k, None))[1], w)
             for k, w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Graph(kind, nodes, links)


# -- countries ------------------------------------------------------------------------


@dataclass
class CountryRow(_Row):
    iso3: str
    n_events: int
    first_event: str | None
    last_event: str | None


def countries(db: Conn, *, limit: int = 300, offset: int = 0) -> Results[CountryRow]:
    """Countries named on events (either side), the most frequent first."""
    con = _con(db)
    limit, offset = _page(limit, offset)
    rows = con.execute(
        f"SELECT c.iso3, count(*), {FIRST_EXACT}, {LAST_EXACT} FROM "
        "(SELECT DISTINCT iso3, event_id FROM event_actors WHERE iso3 IS NOT NULL) c "
        "JOIN events e ON e.id = c.event_id GROUP BY c.iso3 ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?",
        (limit + 1, offset)).fetchall()
    return Results([CountryRow(*r) for r in rows[:limit]], limit, offset, len(rows) > limit)


@dataclass
class CountrySummary(_Row):
    iso3: str
    n_events: int
    first_event: str | None
    last_event: str | None
    by_type: dict[str, int]
    partners: list[tuple[str, int]]  # countries on the other side of its events, most frequent first
    timeline: list[Bucket]
    events: list[EventRow]  # the latest
    people: list[PersonRow]  # its most documented people
    facts: list[FactRow]  # figures naming it (by the names given), newest first


def country(db: Conn, iso3: str, *, names: Sequence[str] = (), bucket: str = "year", events_limit: int = 20,
            people_limit: int = 30, facts_limit: int = 200) -> CountrySummary | None:
    """One country: its events over time, partners, people and the figures whose subject is one
    of ``names`` (its Chinese names and abbreviations as the text writes them: 老挝, 老); None
    when no event names it and no person belongs to it."""
    con = _con(db)
    code = iso3.upper()
    n, first, last = con.execute(
        f"SELECT count(*), {FIRST_EXACT}, {LAST_EXACT} FROM events e "
        "WHERE e.id IN (SELECT event_id FROM event_actors WHERE iso3 = ?)", (code,)).fetchone()
    ppl = people(con, country=code, limit=people_limit).items
    if not n and not ppl:
        return None
    by_type = dict(con.execute(
        "SELECT type, count(*) FROM events WHERE id IN (SELECT event_id FROM event_actors WHERE iso3 = ?) "
        "GROUP BY type ORDER BY 2 DESC, 1", (code,)).fetchall())
    # the other side of each of its events; a country on both sides (越南 meets 越南) is no partner
    partners = [(r[0], r[1]) for r in con.execute(
        "WITH mine AS (SELECT DISTINCT event_id, role FROM event_actors WHERE iso3 = ?) "
        "SELECT a.iso3, count(DISTINCT a.event_id) FROM mine m JOIN event_actors a "
        "ON a.event_id = m.event_id AND a.role != m.role AND a.iso3 IS NOT NULL AND a.iso3 != ? "
        "GROUP BY a.iso3 ORDER BY 2 DESC, 1 LIMIT 20", (code, code))]
    figures: list[FactRow] = []
    if names:
        marks = ",".join("?" * len(names))
        ids = [r[0] for r in con.execute(
            f"SELECT f.id FROM facts f JOIN documents d ON d.id = f.document_id "
            f"WHERE EXISTS (SELECT 1 FROM json_each(f.subject) j WHERE j.value IN ({marks})) "
            f"ORDER BY d.date DESC, f.id LIMIT ?", (*names, facts_limit))]
        figures = _facts_by_id(con, ids)
    return CountrySummary(code, n, first, last, by_type, partners, timeline(con, bucket=bucket, country=code),
                          events(con, country=code, limit=events_limit).items, ppl, figures)


def _facts_by_id(con: sqlite3.Connection, ids: list[int]) -> list[FactRow]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    out = []
    for r in con.execute(
            "SELECT f.id, f.metric, f.value, f.unit, f.period, f.growth_pct, f.subject, f.counted, f.qualifier, "
            "substr(d.text, f.number_start - d.start + 1, f.number_end - f.number_start), "
            "substr(d.text, f.start - d.start + 1, f.end - f.start), d.id, d.title, d.date, s.url, f.kind, "
            "f.subject_iso3, f.figure_id "
            f"FROM facts f JOIN documents d ON d.id = f.document_id JOIN sources s ON s.id = d.source_id "
            f"WHERE f.id IN ({marks}) ORDER BY d.date DESC, f.id", ids):
        value = int(r[2]) if float(r[2]).is_integer() else r[2]
        out.append(FactRow(r[0], r[1], value, r[3], r[4], r[5], json.loads(r[6]), r[7], r[8], r[9] or "",
                           r[10] or "", r[11], r[12], r[13], r[14], kind=r[15] or "result",
                           subject_iso3=json.loads(r[16]) if r[16] else [], figure_id=r[17]))
    return out


# -- overview -------------------------------------------------------------------------


def home_country(db: Conn) -> str | None:
    """The country on most events: the outlet's own (VNM for Vietnam News Agency)."""
    r = _con(db).execute("SELECT iso3 FROM event_actors WHERE iso3 IS NOT NULL GROUP BY iso3 "
                         "ORDER BY count(DISTINCT event_id) DESC, iso3 LIMIT 1").fetchone()
    return r[0] if r else None


@dataclass
class Overview(_Row):
    stats: Stats
    home: str | None
    partners: list[tuple[str, int]]  # the home country's partners, most events first
    timeline: list[Bucket]
    latest: list[EventRow]


def overview(db: Conn, *, bucket: str = "month", latest: int = 15, partners: int = 15) -> Overview:
    """Counts, events over time by type, the home country's top partners, the latest events."""
    con = _con(db)
    st = store_stats(db)
    home = st.top_countries[0][0] if st.top_countries else None
    top: list[tuple[str, int]] = []
    if home:
        top = [(r[0], r[1]) for r in con.execute(
            "WITH mine AS (SELECT DISTINCT event_id, role FROM event_actors WHERE iso3 = ?) "
            "SELECT a.iso3, count(DISTINCT a.event_id) FROM mine m JOIN event_actors a "
            "ON a.event_id = m.event_id AND a.role != m.role AND a.iso3 IS NOT NULL AND a.iso3 != ? "
            "GROUP BY a.iso3 ORDER BY 2 DESC, 1 LIMIT ?", (home, home, partners))]
    return Overview(st, home, top, timeline(con, bucket=bucket), events(con, limit=latest).items)
