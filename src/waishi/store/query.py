"""Analysts' questions as library functions: events, people, facts, search, stats.

Each function takes a Store (or a bare sqlite3 connection, e.g. one per server
thread) and returns dataclasses with ``to_dict()``; lists come in a ``Results``
page (``limit``/``offset``, ``has_more``). The CLI and the dashboard of issue 4
are thin layers over these. Nothing here writes: a read-only store is enough.

Evidence sentences are not stored twice: they are cut from ``documents.text`` by
their page offsets (``documents.start`` is the document's offset in its page).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..model import FACT_KINDS
from .errors import StoreError
from .rows import (
    Conn,
    Results,
    Where,
    connection,
    marks,
    named,
    page,
)
from .rows import Row as _Row
from .rows import fold as _fold
from .schema import schema_version

__all__ = [
    "EventRow", "EventDetail", "Report", "Actor", "PersonRow", "PersonDetail", "RoleRow", "Evidence",
    "DocumentRef", "FactRow", "FigureDetail", "SearchHit", "Stats", "Results", "FACT_KINDS", "events", "event",
    "event_reports", "people", "person", "close_names", "facts", "figure", "search", "stats",
]

REPORTS_SHOWN = 20  # reports of an event given with it; the rest page through event_reports()
# Actor rows read per event (each report repeats its event's actors): for the names of an
# event in a list (16: some 8 reports), and for the actors of one event. Later reports
# name the same people.
ACTOR_ROWS_LISTED = 16
ACTOR_ROWS_DETAIL = 400
RANK_LIMIT = 5_000  # search: more matches than this are ordered by date, not bm25



# -- events ---------------------------------------------------------------------------


@dataclass
class Actor(_Row):
    role: str
    name: str
    kind: str
    iso3: str | None
    person_id: int | None


@dataclass
class EventRow(_Row):
    id: int
    type: str
    date: str | None
    date_end: str | None
    precision: str | None  # day | month | year | None (unknown)
    plover: str
    plover_mode: str | None
    cameo: str
    location: str | None
    source: list[str]
    target: list[str]
    source_iso3: list[str]
    target_iso3: list[str]
    n_sources: int  # distinct articles reporting it (by headline)
    n_reports: int  # reports in all documents, teasers and copies included
    evidence: str  # the sentence of the representative report
    document_id: int
    title: str
    url: str | None
    path: str | None


@dataclass
class Report(_Row):
    id: int
    document_id: int
    source_id: int
    kind: str
    title: str
    date: str | None
    url: str | None
    path: str | None
    trigger: str | None
    evidence: str
    start: int
    end: int


@dataclass
class EventDetail(_Row):
    event: EventRow
    actors: list[Actor]
    reports: list[Report]  # the first ``reports_limit`` of ``event.n_reports`` (event_reports() pages on)
    more_reports: bool = False


_EVENT_SELECT = """
SELECT e.id, e.type, e.date, e.date_end, e.precision, e.plover, e.plover_mode, e.cameo, e.location,
       e.n_sources, e.n_reports, r.document_id, d.title,
       substr(d.text, r.start - d.start + 1, r.end - r.start) AS evidence, s.url, s.path
FROM events e
JOIN event_reports r ON r.id = e.report_id
JOIN documents d ON d.id = r.document_id
JOIN sources s ON s.id = d.source_id
"""


def _actor_rows(con: sqlite3.Connection, ids: list[int], cap: int) -> list[tuple[int, str, str, str | None]]:
    """``(event_id, role, name, iso3)`` of the first ``cap`` actor rows of each event, in order.

    Every report of an event names its actors again, so an event every outlet covered has
    thousands of rows saying the same two names (1,764 rows, 2 actors, for one event of
    882 reports): reading them all cost a list of 50 events 40 ms (issue 15). The index on
    event_id walks each event's rows in id order, so the cap stops the walk early. Plain
    tuples, unpacked by name by the caller: this runs once per listed event."""
    out: list[tuple[int, str, str, str | None]] = []
    for eid in ids:
        out += con.execute("SELECT event_id, role, name, iso3 FROM event_actors WHERE event_id = ? "
                           "ORDER BY id LIMIT ?", (eid, cap)).fetchall()
    return out


def _event_rows(con: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[EventRow]:
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    sides: dict[int, dict[str, tuple[list[str], list[str]]]] = {i: {"source": ([], []), "target": ([], [])}
                                                               for i in ids}
    for event_id, role, name, iso3 in _actor_rows(con, ids, ACTOR_ROWS_LISTED):
        names, codes = sides[event_id][role]
        if name not in names:
            names.append(name)
        if iso3 and iso3 not in codes:
            codes.append(iso3)
    out = []
    for r in rows:
        s, t = sides[r["id"]]["source"], sides[r["id"]]["target"]
        out.append(EventRow(id=r["id"], type=r["type"], date=r["date"], date_end=r["date_end"],
                            precision=r["precision"], plover=r["plover"], plover_mode=r["plover_mode"],
                            cameo=r["cameo"], location=r["location"], source=s[0], target=t[0],
                            source_iso3=s[1], target_iso3=t[1], n_sources=r["n_sources"],
                            n_reports=r["n_reports"], evidence=r["evidence"] or "", document_id=r["document_id"],
                            title=r["title"], url=r["url"], path=r["path"]))
    return out


def events(db: Conn, *, type: str | None = None, country: str | None = None, actor: str | None = None,
           since: str | None = None, until: str | None = None, person_id: int | None = None,
           min_sources: int | None = None, limit: int = 50, offset: int = 0) -> Results[EventRow]:
    """Events, newest first. ``country`` is an ISO3 code on either side; ``actor`` matches
    actor names as written (substring); ``since``/``until`` take YYYY[-MM[-DD]] and keep
    events whose date interval overlaps; events of unknown date drop out when given."""
    con = connection(db)
    limit, offset = page(limit, offset)
    w = Where().events(type=type, country=country, actor=actor, person_id=person_id, since=since, until=until,
                       min_sources=min_sources, listing=True)
    sql = _EVENT_SELECT + w.sql + " ORDER BY e.date_lo DESC, e.id DESC LIMIT ? OFFSET ?"
    rows = named(con, sql, (*w.params, limit + 1, offset))
    return Results(_event_rows(con, rows[:limit]), limit, offset, len(rows) > limit)


def event(db: Conn, event_id: int, *, reports_limit: int = REPORTS_SHOWN) -> EventDetail | None:
    """One event with all its actors and its first ``reports_limit`` reports (each with its
    document and URL); ``more_reports`` says there are more (``event_reports`` pages them).

    Bounded because one event can have hundreds of reports (a summit every outlet covers):
    all of them made a 213 KB answer that took a loaded server's p95 to 1.5 s (issue 15)."""
    con = connection(db)
    rows = named(con, _EVENT_SELECT + " WHERE e.id = ?", (event_id,))
    if not rows:
        return None
    ev = _event_rows(con, rows)[0]
    # one row per report names the same actors again: each actor once, in first-seen order,
    # from the first ACTOR_ROWS_DETAIL rows (see _actor_rows)
    actors = [Actor(r["role"], r["name"], r["kind"], r["iso3"], r["person_id"]) for r in named(
        con, "SELECT role, name, kind, iso3, person_id FROM (SELECT * FROM event_actors WHERE event_id = ? "
        "ORDER BY id LIMIT ?) GROUP BY role, name, kind, iso3, person_id ORDER BY min(id)",
        (event_id, ACTOR_ROWS_DETAIL))]
    reports = event_reports(con, event_id, limit=reports_limit)
    return EventDetail(ev, actors, reports.items, reports.has_more)


def event_reports(db: Conn, event_id: int, *, limit: int = 50, offset: int = 0) -> Results[Report]:
    """The reports of one event in the order they were stored, one page at a time."""
    limit, offset = page(limit, offset)
    rows = named(
        db, "SELECT r.id, d.id AS document_id, d.source_id, d.kind, d.title, COALESCE(r.date, d.date) AS date, "
        "s.url, s.path, r.trigger, substr(d.text, r.start - d.start + 1, r.end - r.start) AS evidence, r.start, r.end "
        "FROM event_reports r JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id "
        "WHERE r.event_id = ? ORDER BY r.id LIMIT ? OFFSET ?", (event_id, limit + 1, offset))
    return Results([Report(**dict(r)) for r in rows[:limit]], limit, offset, len(rows) > limit)


# -- people ---------------------------------------------------------------------------


@dataclass
class Evidence(_Row):
    document_id: int
    title: str
    date: str | None
    url: str | None
    text: str
    start: int
    end: int


@dataclass
class RoleRow(_Row):
    title: str
    organisation: str | None
    country: str | None
    first_seen: str | None
    last_seen: str | None
    n_documents: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PersonRow(_Row):
    id: int
    name: str
    latin: str | None
    country: str | None
    first_seen: str | None
    last_seen: str | None
    n_documents: int
    n_events: int
    titles: list[RoleRow]  # in order of first sighting


@dataclass
class DocumentRef(_Row):
    document_id: int
    kind: str
    title: str
    date: str | None
    url: str | None
    path: str | None


@dataclass
class PersonDetail(_Row):
    person: PersonRow
    events: list[EventRow]
    sources: list[DocumentRef]


_PERSON_COLS = "id, name, latin, country, first_seen, last_seen, n_documents"


def _roles(con: sqlite3.Connection, ids: list[int]) -> dict[int, list[RoleRow]]:
    out: dict[int, list[RoleRow]] = {i: [] for i in ids}
    if ids:
        for r in named(con, f"SELECT person_id, title, organisation, country, first_seen, last_seen, n_documents "
                            f"FROM roles WHERE person_id IN ({marks(len(ids))}) ORDER BY person_id, first_seen, id",
                       ids):
            out[r["person_id"]].append(RoleRow(r["title"], r["organisation"], r["country"], r["first_seen"],
                                               r["last_seen"], r["n_documents"]))
    return out


def _people_rows(con: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[PersonRow]:
    ids = [r["id"] for r in rows]
    roles = _roles(con, ids)
    n_events: dict[int, int] = {}
    if ids:
        n_events = {r["person_id"]: r["n"] for r in named(
            con, f"SELECT person_id, count(DISTINCT event_id) AS n FROM event_actors "
                 f"WHERE person_id IN ({marks(len(ids))}) GROUP BY person_id", ids)}
    return [PersonRow(id=r["id"], name=r["name"], latin=r["latin"], country=r["country"],
                      first_seen=r["first_seen"], last_seen=r["last_seen"], n_documents=r["n_documents"],
                      n_events=n_events.get(r["id"], 0), titles=roles[r["id"]]) for r in rows]


def people(db: Conn, name: str | None = None, *, country: str | None = None, limit: int = 50,
           offset: int = 0) -> Results[PersonRow]:
    """People, the most documented first; ``name`` matches exactly first, then as a substring
    of the name or its Latin form."""
    con = connection(db)
    limit, offset = page(limit, offset)
    order = "n_documents DESC, id"
    name = _fold(name) if name else name
    w = Where().add_if(name, "(instr(name, ?) > 0 OR instr(lower(COALESCE(latin, '')), lower(?)) > 0)", name, name)
    if country:
        w.add("country = ?", country.upper())
    if name:
        order = "name = ? DESC, " + order
    sql = f"SELECT {_PERSON_COLS} FROM people{w.sql} ORDER BY {order} LIMIT ? OFFSET ?"
    order_args = [name] if name else []
    rows = named(con, sql, (*w.params, *order_args, limit + 1, offset))
    return Results(_people_rows(con, rows[:limit]), limit, offset, len(rows) > limit)


def close_names(db: Conn, name: str, n: int = 5) -> list[str]:
    """Stored people's names closest to ``name`` (sharing a character; difflib's ratio)."""
    import difflib

    con = connection(db)
    name = _fold(name)
    chars = list(dict.fromkeys(c for c in name if not c.isspace()))[:6]
    if not chars:
        return []
    cond = " OR ".join("instr(name, ?) > 0" for _ in chars)
    pool = [r["name"] for r in named(con, f"SELECT DISTINCT name FROM people WHERE {cond} "
                                          f"ORDER BY n_documents DESC LIMIT 5000", chars)]
    return difflib.get_close_matches(name, pool, n=n, cutoff=0.4)


def person(db: Conn, person_id: int, *, evidence: int = 3, events_limit: int = 50,
           sources_limit: int = 50) -> PersonDetail | None:
    """One person: titles over time (each with up to ``evidence`` sentences), events, sources."""
    con = connection(db)
    rows = named(con, f"SELECT {_PERSON_COLS} FROM people WHERE id = ?", (person_id,))
    if not rows:
        return None
    p = _people_rows(con, rows)[0]
    for role in p.titles:
        role.evidence = [Evidence(**dict(r)) for r in named(
            con, "SELECT d.id AS document_id, d.title, re.date, s.url, "
            "substr(d.text, re.start - d.start + 1, re.end - re.start) AS text, re.start, re.end "
            "FROM roles ro JOIN role_evidence re ON re.role_id = ro.id "
            "JOIN documents d ON d.id = re.document_id JOIN sources s ON s.id = d.source_id "
            "WHERE ro.person_id = ? AND ro.title = ? ORDER BY re.date, re.id LIMIT ?",
            (person_id, role.title, evidence))]
    evs = events(con, person_id=person_id, limit=events_limit).items
    sources = [DocumentRef(**dict(r)) for r in named(
        con, "SELECT d.id AS document_id, d.kind, d.title, d.date, s.url, s.path "
        "FROM documents d JOIN sources s ON s.id = d.source_id "
        "WHERE d.id IN (SELECT document_id FROM mentions WHERE person_id = ?) ORDER BY d.date DESC, d.id LIMIT ?",
        (person_id, sources_limit))]
    return PersonDetail(p, evs, sources)


# -- facts ----------------------------------------------------------------------------


@dataclass
class FactRow(_Row):
    id: int  # the fact (one report); with merged figures, the representative report
    metric: str
    value: float
    unit: str
    period: str | None
    growth_pct: float | None
    subject: list[str]
    counted: str | None
    qualifier: str | None
    number: str  # the figure as written
    evidence: str
    document_id: int
    title: str
    date: str | None
    url: str | None
    kind: str = "result"  # result | target | forecast
    subject_iso3: list[str] = field(default_factory=list)
    figure_id: int | None = None
    n_sources: int = 1  # distinct articles (by headline) reporting the figure
    n_reports: int = 1
    value_lo: float | None = None  # the range of the values its reports give (within rounding)
    value_hi: float | None = None
    conflict: bool = False  # pages give other values for the same metric, subject, period
    other_values: list[float] = field(default_factory=list)


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def _num(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


# a fact (one report) with its figure as written, its sentence and its page
FACT_COLS = ("f.id, f.metric, f.value, f.unit, f.period, f.growth_pct, f.subject, f.counted, f.qualifier, "
             "substr(d.text, f.number_start - d.start + 1, f.number_end - f.number_start) AS number, "
             "substr(d.text, f.start - d.start + 1, f.end - f.start) AS evidence, d.id AS document_id, d.title, "
             "d.date, s.url, f.kind, f.subject_iso3, f.figure_id")
# the figure merged across pages, after FACT_COLS
_FIGURE_COLS = ("g.value AS g_value, g.growth_pct AS g_growth_pct, g.n_sources, g.n_reports, g.value_lo, "
                "g.value_hi, g.n_values, g.key")


def fact_row(r: sqlite3.Row) -> FactRow:
    """A FactRow from a row of FACT_COLS."""
    return FactRow(r["id"], r["metric"], _num(r["value"]), r["unit"], r["period"], r["growth_pct"],
                   json.loads(r["subject"]), r["counted"], r["qualifier"], r["number"] or "", r["evidence"] or "",
                   r["document_id"], r["title"], r["date"], r["url"], kind=r["kind"] or "result",
                   subject_iso3=json.loads(r["subject_iso3"]) if r["subject_iso3"] else [], figure_id=r["figure_id"])


def _fact_where(t: str, *, figure_id: int | None, metric: str | None, kind: str | None, unit: str | None,
                subject: str | None, subject_iso3: str | None, period: str | None) -> Where:
    """The fact filters; ``t`` is the alias of the table that holds metric, kind, unit, period."""
    if kind is not None and kind not in FACT_KINDS:
        raise StoreError(f"kind must be one of {', '.join(FACT_KINDS)}, got {kind!r}")
    w = Where()
    if figure_id is not None:
        w.add("f.figure_id = ?", figure_id)
    w.add_if(metric, f"{t}.metric = ?", metric)
    w.add_if(kind, f"{t}.kind = ?", kind)
    w.add_if(unit, f"{t}.unit = ?", unit)
    if subject:
        w.add("instr(f.subject, ?) > 0", _fold(subject))
    if subject_iso3:
        w.add("instr(f.subject_iso3, ?) > 0", f'"{subject_iso3.upper()}"')
    if period:
        m = _PERIOD.match(period.strip())
        if not m:
            raise StoreError(f"period must be YYYY or YYYY-YYYY, got {period!r}")
        lo, hi = int(m[1]), int(m[2] or m[1])
        w.add(f"{t}.period_lo <= ? AND {t}.period_hi >= ?", hi, lo)
    return w


def _merged(con: sqlite3.Connection, row: FactRow, r: sqlite3.Row) -> FactRow:
    """``row`` with the figure's values across pages, and the other values pages give."""
    row.value, row.growth_pct = _num(r["g_value"]), r["g_growth_pct"]
    row.n_sources, row.n_reports = r["n_sources"], r["n_reports"]
    row.value_lo, row.value_hi = _num(r["value_lo"]), _num(r["value_hi"])
    if r["n_values"] > 1:
        row.conflict = True
        row.other_values = [_num(v["value"]) for v in named(
            con, "SELECT value FROM figures WHERE key = ? AND id != ? ORDER BY n_sources DESC, value",
            (r["key"], r["figure_id"]))]
    return row


def facts(db: Conn, *, metric: str | None = None, subject: str | None = None, period: str | None = None,
          unit: str | None = None, subject_iso3: str | None = None, kind: str | None = None,
          merged: bool = True, figure_id: int | None = None, limit: int = 50, offset: int = 0) -> Results[FactRow]:
    """Figures, the most recently reported first.

    With ``merged`` (the default) one row per real-world figure (figures.py: the same metric,
    kind, subject, period and a value within rounding across pages) with ``n_sources`` and
    any conflicting values; without it one row per report. ``subject`` matches a written
    subject (substring), ``subject_iso3`` a subject's country code (越老 matches LAO);
    ``period`` (YYYY or YYYY-YYYY) keeps facts whose period overlaps it; ``kind`` is one
    of result, target, forecast."""
    con = connection(db)
    limit, offset = page(limit, offset)
    w = _fact_where("g" if merged else "f", figure_id=figure_id, metric=metric, kind=kind, unit=unit,
                    subject=subject, subject_iso3=subject_iso3, period=period)
    if merged:
        sql = (f"SELECT {FACT_COLS}, {_FIGURE_COLS} FROM figures g JOIN facts f ON f.id = g.fact_id "
               f"JOIN documents d ON d.id = f.document_id JOIN sources s ON s.id = d.source_id"
               + w.sql + " ORDER BY g.date DESC, g.id DESC LIMIT ? OFFSET ?")
    else:
        sql = (f"SELECT {FACT_COLS} "
               # Unfiltered (or by metric only), walk documents newest first on their date index and
               # stop at the page's end; a subject or period is selective: find those facts, then sort.
               + ("FROM facts f JOIN documents d ON d.id = f.document_id" if subject or period or subject_iso3
                  else "FROM documents d CROSS JOIN facts f ON f.document_id = d.id")
               + " JOIN sources s ON s.id = d.source_id"
               + w.sql + " ORDER BY d.date DESC, f.id LIMIT ? OFFSET ?")
    rows = named(con, sql, (*w.params, limit + 1, offset))
    items = [_merged(con, fact_row(r), r) if merged else fact_row(r) for r in rows[:limit]]
    return Results(items, limit, offset, len(rows) > limit)


@dataclass
class FigureDetail(_Row):
    figure: FactRow
    reports: list[FactRow]  # every page reporting it, newest first


def facts_by_id(db: Conn, ids: list[int]) -> list[FactRow]:
    """The facts of ``ids``, newest first."""
    if not ids:
        return []
    return [fact_row(r) for r in named(
        db, f"SELECT {FACT_COLS} FROM facts f JOIN documents d ON d.id = f.document_id "
        f"JOIN sources s ON s.id = d.source_id WHERE f.id IN ({marks(len(ids))}) ORDER BY d.date DESC, f.id", ids)]


def figure(db: Conn, figure_id: int, *, reports: int = 200) -> FigureDetail | None:
    """One figure with its reports (each with its sentence and page)."""
    con = connection(db)
    found = facts(con, figure_id=figure_id, limit=1).items
    if not found:
        return None
    reps = [fact_row(r) for r in named(
        con, f"SELECT {FACT_COLS} FROM facts f JOIN documents d ON d.id = f.document_id "
        "JOIN sources s ON s.id = d.source_id WHERE f.figure_id = ? ORDER BY d.date DESC, f.id LIMIT ?",
        (figure_id, reports))]
    return FigureDetail(found[0], reps)


# -- search ---------------------------------------------------------------------------


@dataclass
class SearchHit(_Row):
    document_id: int
    kind: str
    title: str
    date: str | None
    url: str | None
    path: str | None
    snippet: str  # the match between the two ``mark`` strings
    score: float  # -bm25, higher is better; 0 when ordered by date (short terms, very common terms)


def search(db: Conn, text: str, *, kind: str | None = None, limit: int = 20, offset: int = 0,
           mark: tuple[str, str] = ("«", "»"), width: int = 60) -> Results[SearchHit]:
    """Documents containing every space-separated term of ``text``, best first.

    Traditional characters are folded to Simplified first (範明政 finds 范明政). The
    snippet is about ``width`` characters centred on the first match.

    Terms of three or more characters use the FTS5 trigram index and bm25 ranking;
    shorter ones (two-character names such as 苏林) are matched by scanning, and a
    query of short terms only is ordered by date, newest first; one matching more than
    RANK_LIMIT documents is ordered most recently stored first.
    """
    con = connection(db)
    limit, offset = page(limit, offset)
    terms = [t for t in _fold(text).split() if t]
    if not terms:
        raise StoreError("search text is empty")
    long_ = [t for t in terms if len(t) >= 3]
    short = [t for t in terms if len(t) < 3]
    w = Where()
    for t in short:
        w.add("(instr(d.text, ?) > 0 OR instr(d.title, ?) > 0)", t, t)
    w.add_if(kind, "d.kind = ?", kind)
    cols = "d.id AS document_id, d.kind, d.title, d.date, s.url, s.path"
    if long_:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_)
        # bm25 costs a few microseconds per matching document; a term on nearly every page
        # (越通社) ranks nothing, so such queries come most recently stored first instead
        many = con.execute("SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? "
                           "LIMIT ?)", (match, RANK_LIMIT + 1)).fetchone()[0] > RANK_LIMIT
        order, score = ("documents_fts.rowid DESC", "0.0") if many else ("rank", "-rank")
        # the snippet is cut here, centred on the match: FTS5's snippet() counts trigram
        # tokens and gave ~8 characters, seldom the match
        sql = (f"SELECT {cols}, {score} AS score, d.text "
               f"FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
               f"JOIN sources s ON s.id = d.source_id WHERE documents_fts MATCH ?"
               + w.and_sql + f" ORDER BY {order} LIMIT ? OFFSET ?")
        rows = named(con, sql, (match, *w.params, limit + 1, offset))
    else:
        sql = (f"SELECT {cols}, 0.0 AS score, d.text FROM documents d JOIN sources s ON s.id = d.source_id"
               + w.sql + " ORDER BY d.date DESC, d.id DESC LIMIT ? OFFSET ?")
        rows = named(con, sql, (*w.params, limit + 1, offset))
    hits = [SearchHit(r["document_id"], r["kind"], r["title"], r["date"], r["url"], r["path"],
                      _snippet(r["text"], terms, mark, width), round(float(r["score"]), 4)) for r in rows[:limit]]
    return Results(hits, limit, offset, len(rows) > limit)


def _mark_outside(snippet: str, terms: list[str], mark: tuple[str, str]) -> str:
    """Mark ``terms`` in an FTS snippet (which marks only the indexed terms), outside its marks."""
    if not terms:
        return snippet
    out, rest = [], snippet
    while rest:
        i = rest.find(mark[0])
        plain, rest = (rest, "") if i < 0 else (rest[:i], rest[i:])
        for t in sorted(set(terms), key=len, reverse=True):
            plain = plain.replace(t, f"{mark[0]}{t}{mark[1]}")
        out.append(plain)
        if rest:
            j = rest.find(mark[1], len(mark[0]))
            j = len(rest) if j < 0 else j + len(mark[1])
            out.append(rest[:j])
            rest = rest[j:]
    return "".join(out)


def _snippet(text: str, terms: list[str], mark: tuple[str, str], width: int) -> str:
    """About ``width`` characters of ``text`` centred on the first match, on one line."""
    text = text.replace("\n", " ")
    pos = [(i, t) for t in terms if (i := text.find(t)) >= 0]
    if not pos:
        return text[:width]
    i, t = min(pos)
    side = max(0, width - len(t)) // 2
    lo = max(0, i - side)
    hi = min(len(text), i + len(t) + side + max(0, side - (i - lo)))
    lo = max(0, min(lo, hi - width))
    body = _mark_outside(text[lo:hi], terms, mark)
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


# -- stats ----------------------------------------------------------------------------


@dataclass
class Stats(_Row):
    path: str | None
    schema_version: int
    size_bytes: int | None
    sources: int
    documents: int
    articles: int
    teasers: int
    events: int
    event_reports: int
    multi_source_events: int
    people: int
    roles: int
    facts: int
    figures: int  # facts merged across pages
    errors: int
    first_event: str | None
    last_event: str | None
    events_by_type: dict[str, int]
    top_countries: list[tuple[str, int]]
    last_run: dict[str, Any] | None
    recent_errors: list[dict[str, Any]]
    # `waishi fetch` sources: last fetch, figures of that pass, URLs failing now (empty if never fetched)
    fetch_sources: list[dict[str, Any]] = field(default_factory=list)


def stats(db: Conn, *, top: int = 10) -> Stats:
    """Counts of everything, events by type, the most frequent countries, the last run."""
    con = connection(db)
    path: str | None = getattr(db, "path", None)  # a Store knows its file; a bare connection does not
    size = os.path.getsize(path) if path and path != ":memory:" and os.path.exists(path) else None
    path = getattr(db, "shown_path", None)

    def one(sql: str, *args: Any) -> Any:
        return con.execute(sql, args).fetchone()[0]

    kinds = dict(con.execute("SELECT kind, count(*) FROM documents GROUP BY kind").fetchall())
    by_type = dict(con.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall())
    countries = [(r["iso3"], r["n"]) for r in named(
        con, "SELECT iso3, count(DISTINCT event_id) AS n FROM event_actors WHERE iso3 IS NOT NULL "
        "GROUP BY iso3 ORDER BY 2 DESC, 1 LIMIT ?", (top,))]
    runs = named(con, "SELECT id, started_at, finished_at, pages, added, replaced, unchanged, duplicates, errors "
                      "FROM runs ORDER BY id DESC LIMIT 1")
    last_run = dict(runs[0]) if runs else None
    errs = [dict(r) for r in named(
        con, "SELECT path, reason, count, last_at FROM errors ORDER BY last_at DESC, id DESC LIMIT ?", (top,))]
    return Stats(
        path=path, schema_version=schema_version(con), size_bytes=size,
        sources=one("SELECT count(*) FROM sources"), documents=sum(kinds.values()),
        articles=kinds.get("article", 0), teasers=kinds.get("teaser", 0),
        events=sum(by_type.values()), event_reports=one("SELECT count(*) FROM event_reports"),
        multi_source_events=one("SELECT count(*) FROM events WHERE n_sources > 1"),
        people=one("SELECT count(*) FROM people"), roles=one("SELECT count(*) FROM roles"),
        facts=one("SELECT count(*) FROM facts"), figures=one("SELECT count(*) FROM figures"), errors=one("SELECT count(*) FROM errors"),
        # the first and last exact days: an event dated only "2026" is no 2026-12-31
        first_event=one("SELECT COALESCE((SELECT min(date) FROM events WHERE precision = 'day'), "
                        "(SELECT min(date) FROM events WHERE precision IS NOT NULL))"),
        last_event=one("SELECT COALESCE((SELECT max(COALESCE(date_end, date)) FROM events WHERE precision = 'day'), "
                       "(SELECT max(date) FROM events WHERE precision IS NOT NULL))"),
        events_by_type=by_type, top_countries=countries, last_run=last_run, recent_errors=errs,
        fetch_sources=_fetch_sources(con))


def _fetch_sources(con: sqlite3.Connection) -> list[dict[str, Any]]:
    # the table is the fetcher's (waishi.fetch.frontier), created on first fetch
    if con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='fetch_sources'").fetchone() is None:
        return []
    return [dict(r) for r in named(
        con, "SELECT source, last_fetch, found, new, fetched, stored, failed, robots, errors, last_error "
        "FROM fetch_sources ORDER BY source")]
