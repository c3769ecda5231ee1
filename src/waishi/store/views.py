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
from dataclasses import dataclass, field
from typing import Any

from .errors import StoreError
from .query import EventRow, FactRow, PersonRow, Stats, events, facts_by_id, people
from .query import stats as store_stats
from .rows import Conn, Results, Where, connection, marks, named, normalize_day, page
from .rows import Row as _Row

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


# -- evidence anchors and counterparts -------------------------------------------------


def anchors(db: Conn, event_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """Event id -> (document id, start, end) of its representative report's sentence: the
    dashboard links an event to ``/documents/<id>#s-<start>``."""
    if not event_ids:
        return {}
    ids = list(event_ids)
    return {r["id"]: (r["document_id"], r["start"], r["end"]) for r in named(
        db, f"SELECT e.id, r.document_id, r.start, r.end FROM events e JOIN event_reports r ON r.id = e.report_id "
        f"WHERE e.id IN ({marks(len(ids))})", ids)}


def fact_anchors(db: Conn, fact_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """Fact id -> (document id, start, end) of its sentence."""
    if not fact_ids:
        return {}
    ids = list(fact_ids)
    return {r["id"]: (r["document_id"], r["start"], r["end"]) for r in named(
        db, f"SELECT id, document_id, start, end FROM facts WHERE id IN ({marks(len(ids))})", ids)}


def metrics(db: Conn) -> list[tuple[str, int]]:
    """The metrics the store holds figures for (merged across pages), the most frequent first."""
    return [(r["metric"], r["n"]) for r in named(
        db, "SELECT metric, count(*) AS n FROM figures GROUP BY metric ORDER BY 2 DESC, 1")]


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
    rows = named(
        db, "WITH mine AS (SELECT DISTINCT event_id, role FROM event_actors WHERE person_id = ?) "
        "SELECT a.name, a.kind, a.person_id, a.iso3, count(DISTINCT a.event_id) AS n_events, max(e.date_hi) AS last "
        "FROM mine m JOIN event_actors a ON a.event_id = m.event_id AND a.role != m.role "
        "JOIN events e ON e.id = a.event_id "
        "WHERE a.person_id IS NULL OR a.person_id != ? "
        "GROUP BY COALESCE('p' || a.person_id, 'n' || a.name) ORDER BY 5 DESC, 6 DESC LIMIT ?",
        (person_id, person_id, limit))
    return [Counterpart(**dict(r)) for r in rows]


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


# a document with its page and its event and fact counts (DocumentRow's columns)
_DOCUMENT_COLS = ("d.id, d.source_id, d.kind, d.title, d.date, s.url, s.path, "
                  "(SELECT count(*) FROM event_reports r WHERE r.document_id = d.id) AS n_events, "
                  "(SELECT count(*) FROM facts f WHERE f.document_id = d.id) AS n_facts")


def documents(db: Conn, *, kind: str | None = None, since: str | None = None, until: str | None = None,
              limit: int = 50, offset: int = 0) -> Results[DocumentRow]:
    """Documents, newest first (by the document's date), with their event and fact counts."""
    limit, offset = page(limit, offset)
    w = Where().add_if(kind, "d.kind = ?", kind)
    w.add_if(since, "d.date >= ?", normalize_day(since))
    # a document's date is a day, a month-less year (YYYY) or empty; YYYY sorts before YYYY-MM-DD
    w.add_if(until, "d.date <= ?", normalize_day(until, end=True))
    sql = (f"SELECT {_DOCUMENT_COLS} FROM documents d JOIN sources s ON s.id = d.source_id"
           + w.sql + " ORDER BY d.date DESC, d.id DESC LIMIT ? OFFSET ?")
    rows = named(db, sql, (*w.params, limit + 1, offset))
    return Results([DocumentRow(**dict(r)) for r in rows[:limit]], limit, offset, len(rows) > limit)


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


def _doc_events(con: sqlite3.Connection, document_id: int) -> list[DocEvent]:
    reports = named(
        con, "SELECT r.event_id, r.id AS report_id, e.type, COALESCE(r.date, e.date) AS date, r.trigger, r.start, "
        "r.end, r.extra_evidence, r.factuality "
        "FROM event_reports r JOIN events e ON e.id = r.event_id WHERE r.document_id = ? ORDER BY r.start, r.id",
        (document_id,))
    sides: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    if reports:
        for a in named(con, f"SELECT report_id, role, name FROM event_actors WHERE report_id IN "
                            f"({marks(len(reports))}) ORDER BY id", [x["report_id"] for x in reports]):
            if a["name"] not in sides[a["report_id"]][a["role"]]:
                sides[a["report_id"]][a["role"]].append(a["name"])
    return [DocEvent(x["event_id"], x["report_id"], x["type"], x["date"], sides[x["report_id"]]["source"],
                     sides[x["report_id"]]["target"], x["trigger"], x["start"], x["end"],
                     json.loads(x["extra_evidence"]) if x["extra_evidence"] else [], x["factuality"] or "reported")
            for x in reports]


def _doc_facts(con: sqlite3.Connection, document_id: int) -> list[DocFact]:
    out = []
    for f in named(con, "SELECT id, metric, value, unit, period, number_start, number_end, start, end, figure_id "
                        "FROM facts WHERE document_id = ? ORDER BY start, id", (document_id,)):
        d = dict(f)
        d["value"] = int(d["value"]) if float(d["value"]).is_integer() else d["value"]
        out.append(DocFact(**d))
    return out


def document(db: Conn, document_id: int) -> DocumentView | None:
    """One document with its mentions, event reports and facts (for highlighting), or None."""
    con = connection(db)
    found = named(
        con, "SELECT d.id, d.source_id, d.kind, d.title, d.date, d.year, d.year_evidence, s.url, s.path, "
        "s.published, d.start, d.end, d.text, d.year_lo, d.year_hi, d.year_constraints "
        "FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?", (document_id,))
    if not found:
        return None
    r = dict(found[0])
    r["year_constraints"] = json.loads(r["year_constraints"]) if r["year_constraints"] else []
    mentions = [Annotation(**dict(m)) for m in named(
        con, "SELECT kind, text, value, person_id, start, end FROM mentions WHERE document_id = ? ORDER BY start, id",
        (document_id,))]
    siblings = [DocumentRow(**dict(x)) for x in named(
        con, f"SELECT {_DOCUMENT_COLS} FROM documents d JOIN sources s ON s.id = d.source_id "
        "WHERE d.source_id = ? AND d.id != ? ORDER BY d.ord", (r["source_id"], document_id))]
    titled = [[x["start"], x["end"]] for x in named(
        con, "SELECT DISTINCT start, end FROM role_evidence WHERE document_id = ? ORDER BY start", (document_id,))]
    return DocumentView(**r, mentions=mentions, events=_doc_events(con, document_id),
                        facts=_doc_facts(con, document_id), siblings=siblings, title_sentences=titled)


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
    w = Where().add("e.precision IS NOT NULL").events(type=type, since=since, until=until, country=country)
    # an event counts at the precision it was dated: one dated 2024 is not a January event of a
    # month timeline (its date_lo is 2024-01-01) but a "2024" bucket marked coarse
    n = BUCKETS[bucket]
    plen = "(CASE e.precision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END)"
    sql = (f"SELECT substr(e.date_lo, 1, min({plen}, {n})) AS p, e.type, count(*) AS n, {plen} < {n} AS coarse "
           f"FROM events e{w.sql} GROUP BY p, e.type, coarse ORDER BY p, e.type")
    return [Bucket(r["p"], r["type"], r["n"], bool(r["coarse"])) for r in named(db, sql, w.params)]


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
    con = connection(db)

    def where(skip: str) -> Where:
        # each facet leaves its own filter out
        return Where().events(type=None if skip == "type" else type, since=since, until=until,
                              country=None if skip == "country" else country, actor=actor, min_sources=min_sources)

    w = where("type")
    by_type = [(r["type"], r["n"]) for r in named(
        con, f"SELECT e.type, count(*) AS n FROM events e{w.sql} GROUP BY e.type ORDER BY 2 DESC, 1", w.params)]
    w = where("country").add("x.iso3 IS NOT NULL")
    by_country = [(r["iso3"], r["n"]) for r in named(
        con, f"SELECT x.iso3, count(DISTINCT x.event_id) AS n FROM event_actors x JOIN events e ON e.id = x.event_id"
        f"{w.sql} GROUP BY x.iso3 ORDER BY 2 DESC, 1 LIMIT ?", (*w.params, top))]
    w = where("").add("e.precision IS NOT NULL")
    by_year = [(r["y"], r["n"]) for r in named(
        con, f"SELECT substr(e.date_lo, 1, 4) AS y, count(*) AS n FROM events e{w.sql} "
        f"GROUP BY y ORDER BY y DESC LIMIT ?", (*w.params, top))]
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
    limit, _ = page(limit, 0)
    con = connection(db)
    col = "iso3" if kind == "country" else "person_id"
    w = Where().events(type=type, since=since, until=until, country=country)
    ev_filter = f" AND a.event_id IN (SELECT e.id FROM events e{w.sql})" if w else ""
    # distinct (event, side, node) first: an event has one actor row per report, and a page
    # often reports the same meeting several times
    sql = (f"WITH s AS (SELECT DISTINCT a.event_id, a.role, a.{col} AS n, a.type FROM event_actors a "
           f"WHERE a.{col} IS NOT NULL{ev_filter}) "
           "SELECT min(x.n, y.n) AS a, max(x.n, y.n) AS b, x.type, count(DISTINCT x.event_id) AS n FROM s x "
           "JOIN s y ON y.event_id = x.event_id AND x.role = 'source' AND y.role = 'target' AND x.n != y.n "
           "GROUP BY 1, 2, 3")
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in named(con, sql, w.params):
        key = (str(r["a"]), str(r["b"]))
        pairs[key][r["type"]] = pairs[key].get(r["type"], 0) + r["n"]
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
        labels = {str(r["id"]): (r["name"], r["country"]) for r in named(
            con, f"SELECT id, name, country FROM people WHERE id IN ({marks(len(weight))})", [int(k) for k in weight])}
    nodes = [GraphNode(k, labels.get(k, (k, None))[0], k if kind == "country" else labels.get(k, (k, None))[1], n)
             for k, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
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
    limit, offset = page(limit, offset)
    rows = named(
        db, f"SELECT c.iso3, count(*) AS n_events, {FIRST_EXACT} AS first_event, {LAST_EXACT} AS last_event FROM "
        "(SELECT DISTINCT iso3, event_id FROM event_actors WHERE iso3 IS NOT NULL) c "
        "JOIN events e ON e.id = c.event_id GROUP BY c.iso3 ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?",
        (limit + 1, offset))
    return Results([CountryRow(**dict(r)) for r in rows[:limit]], limit, offset, len(rows) > limit)


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
    con = connection(db)
    code = iso3.upper()
    mine = Where().events(country=code)
    summary = named(con, f"SELECT count(*) AS n, {FIRST_EXACT} AS first, {LAST_EXACT} AS last FROM events e"
                         f"{mine.sql}", mine.params)[0]
    ppl = people(con, country=code, limit=people_limit).items
    if not summary["n"] and not ppl:
        return None
    by_type = {r["type"]: r["n"] for r in named(
        con, f"SELECT e.type, count(*) AS n FROM events e{mine.sql} GROUP BY e.type ORDER BY 2 DESC, 1", mine.params)}
    figures: list[FactRow] = []
    if names:
        ids = [r["id"] for r in named(
            con, f"SELECT f.id FROM facts f JOIN documents d ON d.id = f.document_id "
            f"WHERE EXISTS (SELECT 1 FROM json_each(f.subject) j WHERE j.value IN ({marks(len(names))})) "
            f"ORDER BY d.date DESC, f.id LIMIT ?", (*names, facts_limit))]
        figures = facts_by_id(con, ids)
    return CountrySummary(code, summary["n"], summary["first"], summary["last"], by_type, _partners(con, code, 20),
                          timeline(con, bucket=bucket, country=code),
                          events(con, country=code, limit=events_limit).items, ppl, figures)


def _partners(con: sqlite3.Connection, code: str, limit: int) -> list[tuple[str, int]]:
    """The countries on the other side of a country's events, most events first; a country on
    both sides (越南 meets 越南) is no partner."""
    return [(r["iso3"], r["n"]) for r in named(
        con, "WITH mine AS (SELECT DISTINCT event_id, role FROM event_actors WHERE iso3 = ?) "
        "SELECT a.iso3, count(DISTINCT a.event_id) AS n FROM mine m JOIN event_actors a "
        "ON a.event_id = m.event_id AND a.role != m.role AND a.iso3 IS NOT NULL AND a.iso3 != ? "
        "GROUP BY a.iso3 ORDER BY 2 DESC, 1 LIMIT ?", (code, code, limit))]


# -- overview -------------------------------------------------------------------------


def home_country(db: Conn) -> str | None:
    """The country on most events: the outlet's own (VNM for Vietnam News Agency)."""
    rows = named(db, "SELECT iso3 FROM event_actors WHERE iso3 IS NOT NULL GROUP BY iso3 "
                     "ORDER BY count(DISTINCT event_id) DESC, iso3 LIMIT 1")
    return rows[0]["iso3"] if rows else None


@dataclass
class Overview(_Row):
    stats: Stats
    home: str | None
    partners: list[tuple[str, int]]  # the home country's partners, most events first
    timeline: list[Bucket]
    latest: list[EventRow]


def overview(db: Conn, *, bucket: str = "month", latest: int = 15, partners: int = 15) -> Overview:
    """Counts, events over time by type, the home country's top partners, the latest events."""
    con = connection(db)
    st = store_stats(db)
    home = st.top_countries[0][0] if st.top_countries else None
    top = _partners(con, home, partners) if home else []
    return Overview(st, home, top, timeline(con, bucket=bucket), events(con, limit=latest).items)
