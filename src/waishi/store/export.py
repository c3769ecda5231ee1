"""Export the store's tables for analysis elsewhere: Parquet (pyarrow), CSV or JSON Lines.

``TABLES`` is the one description of every exported table and column (name,
Arrow type, meaning); docs/store.md lists the same columns and a test checks that
they agree. Rows are streamed in chunks, so memory stays flat on large stores.
In CSV, list columns are joined with ``|``; Parquet and JSONL keep them as lists.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..csvout import BOM, cell
from .db import Store, StoreError

__all__ = ["Column", "ExportFormat", "TABLES", "Table", "export"]

CHUNK = 5000


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # string | int64 | float64 | bool | list<string>
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    sql: str
    convert: Callable[[tuple[Any, ...]], dict[str, Any]] | None = None

    def rows(self, con: sqlite3.Connection) -> Iterator[list[dict[str, Any]]]:
        cur = con.execute(self.sql)
        names = [c.name for c in self.columns]
        while chunk := cur.fetchmany(CHUNK):
            yield [self.convert(r) if self.convert else dict(zip(names, r, strict=True)) for r in chunk]


def _split(v: str | None) -> list[str]:
    return [x for x in v.split("\x1f") if x] if v else []


def _event(r: tuple[Any, ...]) -> dict[str, Any]:
    names = [c.name for c in EVENTS.columns]
    d = dict(zip(names, r, strict=True))
    for k in ("source_names", "source_iso3", "target_names", "target_iso3"):
        d[k] = list(dict.fromkeys(_split(d[k])))
    return d


def _person(r: tuple[Any, ...]) -> dict[str, Any]:
    d = dict(zip([c.name for c in PEOPLE.columns], r, strict=True))
    d["titles"] = _split(d["titles"])
    return d


def _whole(v: Any) -> Any:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _fact(r: tuple[Any, ...]) -> dict[str, Any]:
    d = dict(zip([c.name for c in FACTS.columns], r, strict=True))
    d["subject"] = json.loads(d["subject"]) if d["subject"] else []
    d["subject_iso3"] = json.loads(d["subject_iso3"]) if d["subject_iso3"] else []
    return d


def _figure(r: tuple[Any, ...]) -> dict[str, Any]:
    d = dict(zip([c.name for c in FIGURES.columns], r, strict=True))
    d["subject"] = json.loads(d["subject"]) if d["subject"] else []
    d["subject_iso3"] = json.loads(d["subject_iso3"]) if d["subject_iso3"] else []
    d["conflict"] = d["conflict"] > 1
    return d


def _snip(table: str, start: str = "start", end: str = "end") -> str:
    return f"substr(d.text, {table}.{start} - d.start + 1, {table}.{end} - {table}.{start})"


def _actors(role: str, col: str) -> str:
    # \x1f (unit separator) cannot occur in names; split again in Python
    return (f"(SELECT group_concat({col}, char(31)) FROM (SELECT {col} FROM event_actors "
            f"WHERE event_id = e.id AND role = '{role}' AND {col} IS NOT NULL ORDER BY id))")


EVENTS = Table("events", "One row per real-world event (reports of it on several pages merged).", (
    Column("event_id", "int64", "Event id in the store."),
    Column("date", "string", "Date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown."),
    Column("date_end", "string", "Last day of a multi-day event (visits), else empty."),
    Column("date_precision", "string", "day, month or year; empty when the date is unknown."),
    Column("type", "string", "meet, visit, phone_call, sign, attend, host, congratulate, aid; upgrade (a "
                             "relation raised to a higher tier, docs/relations.md)."),
    Column("plover", "string", "PLOVER event type (CONSULT, SUPPORT, AID)."),
    Column("plover_mode", "string", "PLOVER mode (visit, phone, sign, multilateral, praise) or empty."),
    Column("cameo", "string", "CAMEO code (040-044, 051, 057, 070)."),
    Column("source_names", "list<string>", "Source actors as written (people without titles, bodies, countries)."),
    Column("source_iso3", "list<string>", "ISO 3166-1 alpha-3 codes of the source actors, where known."),
    Column("target_names", "list<string>", "Target actors as written."),
    Column("target_iso3", "list<string>", "ISO3 codes of the target actors, where known."),
    Column("location", "string", "Where it happened, as written (most frequent across reports)."),
    Column("num_sources", "int64", "Distinct articles reporting the event (by headline; teasers and copies "
                                    "of an article count once)."),
    Column("num_reports", "int64", "All reports of the event, teasers and copies included."),
    Column("evidence", "string", "The sentence of the most precisely dated report."),
    Column("url", "string", "URL of that report's page, when known."),
    Column("document_id", "int64", "Document of that report."),
    Column("factuality", "string", "reported, or planned (an upcoming visit or meeting announced by the page)."),
), f"""
SELECT e.id, e.date, e.date_end, e.precision, e.type, e.plover, e.plover_mode, e.cameo,
       {_actors('source', 'name')}, {_actors('source', 'iso3')},
       {_actors('target', 'name')}, {_actors('target', 'iso3')},
       e.location, e.n_sources, e.n_reports, {_snip('r')}, s.url, d.id, e.factuality
FROM events e JOIN event_reports r ON r.id = e.report_id JOIN documents d ON d.id = r.document_id
JOIN sources s ON s.id = d.source_id ORDER BY e.id
""", _event)

EVENT_SOURCES = Table("event_sources", "One row per report of an event: the event's sources.", (
    Column("event_id", "int64", "The event (events.event_id)."),
    Column("report_id", "int64", "The report in the store."),
    Column("document_id", "int64", "The reporting document (documents.document_id)."),
    Column("kind", "string", "article or teaser."),
    Column("title", "string", "Headline of the reporting document."),
    Column("date", "string", "The event's date as this report gives it."),
    Column("trigger", "string", "The word the event was read from (会见, 正式访问 ...)."),
    Column("evidence", "string", "The report's sentence."),
    Column("start", "int64", "Offset of the sentence in the page text."),
    Column("end", "int64", "End offset (exclusive) of the sentence."),
    Column("url", "string", "URL of the page, when known."),
    Column("path", "string", "File (and line or WARC record) the page was read from."),
), f"""
SELECT r.event_id, r.id, d.id, d.kind, d.title, r.date, r.trigger, {_snip('r')}, r.start, r.end, s.url, s.path
FROM event_reports r JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id
ORDER BY r.event_id, r.id
""")

PEOPLE = Table("people", "One row per person (sightings on several pages merged).", (
    Column("person_id", "int64", "Person id in the store."),
    Column("name", "string", "Name as written in Chinese."),
    Column("latin", "string", "Latin-alphabet form when a page gives one."),
    Column("country", "string", "ISO3 code of the person's country, when known."),
    Column("titles", "list<string>", "Titles in order of first sighting."),
    Column("first_seen", "string", "Date of the first document naming the person."),
    Column("last_seen", "string", "Date of the last document naming the person."),
    Column("num_documents", "int64", "Documents naming the person."),
    Column("num_events", "int64", "Events with the person as an actor."),
), """
SELECT p.id, p.name, p.latin, p.country,
       (SELECT group_concat(title, char(31)) FROM (SELECT title FROM roles WHERE person_id = p.id
                                                   ORDER BY first_seen, id)),
       p.first_seen, p.last_seen, p.n_documents,
       (SELECT count(DISTINCT event_id) FROM event_actors WHERE person_id = p.id)
FROM people p ORDER BY p.id
""", _person)

ROLES = Table("roles", "One row per person and title: titles over time.", (
    Column("role_id", "int64", "Role id in the store."),
    Column("person_id", "int64", "The person (people.person_id)."),
    Column("name", "string", "The person's name."),
    Column("title", "string", "Title as written (越南政府总理, 外长 ...)."),
    Column("organisation", "string", "The title's organisation part (越南政府 in 越南政府总理), when there is one."),
    Column("country", "string", "ISO3 code of the organisation's (else the person's) country."),
    Column("first_seen", "string", "Date of the first document giving the title."),
    Column("last_seen", "string", "Date of the last document giving the title."),
    Column("num_documents", "int64", "Documents giving the title."),
    Column("evidence", "string", "A sentence giving the title (the earliest)."),
    Column("document_id", "int64", "Document of that sentence."),
    Column("url", "string", "URL of that document's page, when known."),
), f"""
SELECT ro.id, ro.person_id, p.name, ro.title, ro.organisation, ro.country, ro.first_seen, ro.last_seen,
       ro.n_documents, {_snip('re')}, d.id, s.url
FROM roles ro JOIN people p ON p.id = ro.person_id
JOIN role_evidence re ON re.id = (SELECT id FROM role_evidence WHERE role_id = ro.id ORDER BY date, id LIMIT 1)
JOIN documents d ON d.id = re.document_id JOIN sources s ON s.id = d.source_id
ORDER BY ro.id
""")

FACTS = Table("facts", "One row per figure reported (trade, investment, aid, counts).", (
    Column("fact_id", "int64", "Fact id in the store."),
    Column("metric", "string", "trade_total, export, import, trade_surplus, fdi_registered, fdi_disbursed, "
                               "investment, aid or count."),
    Column("value", "float64", "The figure in base units (480亿美元 -> 48000000000)."),
    Column("unit", "string", "USD, VND, CNY, EUR, or count."),
    Column("period", "string", "YYYY or YYYY-YYYY, when stated."),
    Column("growth_pct", "float64", "Growth in percent, when stated."),
    Column("subject", "list<string>", "Places or parties the figure is about."),
    Column("counted", "string", "For counts: what is counted (国家, 合作文件 ...)."),
    Column("qualifier", "string", "近, 约, 超过 ... as written."),
    Column("number", "string", "The figure as written."),
    Column("evidence", "string", "The sentence."),
    Column("document_id", "int64", "The document."),
    Column("date", "string", "The document's date."),
    Column("url", "string", "URL of the page, when known."),
    Column("kind", "string", "result, target (力争, 目标 ...) or forecast (有望, 预计 ...)."),
    Column("subject_iso3", "list<string>", "ISO3 codes of the subjects (a place gives its country's)."),
    Column("figure_id", "int64", "The figure this report is of (figures.figure_id)."),
), f"""
SELECT f.id, f.metric, f.value, f.unit, f.period, f.growth_pct, f.subject, f.counted, f.qualifier,
       {_snip('f', 'number_start', 'number_end')}, {_snip('f')}, d.id, d.date, s.url, f.kind, f.subject_iso3,
       f.figure_id
FROM facts f JOIN documents d ON d.id = f.document_id JOIN sources s ON s.id = d.source_id ORDER BY f.id
""", _fact)

FIGURES = Table("figures", "One row per real-world figure: its reports on several pages merged "
                           "(same metric, kind, subject, period, value within rounding).", (
    Column("figure_id", "int64", "Figure id in the store."),
    Column("metric", "string", "As facts.metric."),
    Column("kind", "string", "result, target or forecast."),
    Column("value", "float64", "The value most reports give, in base units."),
    Column("value_lo", "float64", "The smallest value a report gives (within rounding)."),
    Column("value_hi", "float64", "The largest."),
    Column("unit", "string", "USD, VND, CNY, EUR, or count."),
    Column("period", "string", "YYYY or YYYY-YYYY, when stated."),
    Column("growth_pct", "float64", "Growth in percent, as most reports give it."),
    Column("subject", "list<string>", "Subjects as the representative report writes them."),
    Column("subject_iso3", "list<string>", "Their ISO3 codes."),
    Column("counted", "string", "For counts: what is counted."),
    Column("num_sources", "int64", "Distinct articles (by headline) reporting the figure."),
    Column("num_reports", "int64", "All reports of it."),
    Column("conflict", "bool", "true when pages give another value for the same metric, kind, subject and "
                                 "period (another row of this table)."),
    Column("date", "string", "Date of the latest report."),
    Column("number", "string", "The figure as the representative report writes it."),
    Column("evidence", "string", "That report's sentence."),
    Column("document_id", "int64", "That report's document."),
    Column("url", "string", "URL of its page, when known."),
), f"""
SELECT g.id, g.metric, g.kind, g.value, g.value_lo, g.value_hi, g.unit, g.period, g.growth_pct, f.subject,
       f.subject_iso3, g.counted, g.n_sources, g.n_reports, g.n_values, g.date,
       {_snip('f', 'number_start', 'number_end')}, {_snip('f')}, d.id, s.url
FROM figures g JOIN facts f ON f.id = g.fact_id JOIN documents d ON d.id = f.document_id
JOIN sources s ON s.id = d.source_id ORDER BY g.id
""", _figure)

DOCUMENTS = Table("documents", "One row per document (an article, or a teaser of another article).", (
    Column("document_id", "int64", "Document id in the store."),
    Column("source_id", "int64", "The page it was read from."),
    Column("kind", "string", "article or teaser."),
    Column("title", "string", "Headline as written."),
    Column("year", "int64", "Publication year (given or inferred; empty when the text leaves it open)."),
    Column("year_lo", "int64", "Earliest year the text allows (docs/extraction.md 'Year')."),
    Column("year_hi", "int64", "Latest year the text allows."),
    Column("year_constraints", "string", "JSON list of the bounds and points the year was read from, with offsets."),
    Column("date", "string", "Publication date for articles with one, else the date of its events, else the year."),
    Column("url", "string", "URL of the page, when known."),
    Column("path", "string", "File (and line or WARC record) the page was read from."),
    Column("published", "string", "Publication date the page carried, when any."),
    Column("content_hash", "string", "sha256 of the page text (and publication date)."),
    Column("ingested_at", "string", "When the page was stored (UTC)."),
    Column("start", "int64", "Offset of the document in the page text."),
    Column("end", "int64", "End offset (exclusive) in the page text."),
    Column("text", "string", "The document's text."),
), """
SELECT d.id, d.source_id, d.kind, d.title, d.year, d.year_lo, d.year_hi, d.year_constraints, d.date, s.url, s.path,
       s.published, s.content_hash,
       s.ingested_at, d.start, d.end, d.text
FROM documents d JOIN sources s ON s.id = d.source_id ORDER BY d.id
""")

def _relation(r: tuple[Any, ...]) -> dict[str, Any]:
    d = dict(zip([c.name for c in RELATIONS.columns], r, strict=True))
    d["people"] = json.loads(d["people"]) if d["people"] else []
    return d


RELATIONS = Table("relations", "One row per statement of relations between two countries on a page "
                               "(tier, upgrade, founding, anniversary).", (
    Column("relation_id", "int64", "Relation statement id in the store."),
    Column("kind", "string", "tier, upgrade, established or anniversary."),
    Column("country_a", "string", "ISO3 code of one country (the pair in alphabetical order)."),
    Column("country_b", "string", "ISO3 code of the other."),
    Column("tier", "string", "Canonical tier (comprehensive_strategic, strategic, comprehensive, special ...; "
                             "diplomatic for a founding)."),
    Column("tier_text", "string", "The tier as written."),
    Column("previous_tier", "string", "For upgrades: the tier before, when stated."),
    Column("date", "string", "The date the sentence states (YYYY-MM-DD, YYYY-MM or YYYY), else empty."),
    Column("year", "int64", "The date's year; for anniversaries the founding year + N."),
    Column("date_source", "string", "text, context (the story's date, for decisions), or lexicon."),
    Column("number", "int64", "For anniversaries: N of 建交N周年."),
    Column("established", "string", "For anniversaries: the founding date from relations.tsv."),
    Column("people", "list<string>", "Persons named in the sentence (who upgraded it)."),
    Column("event_id", "int64", "For dated upgrades: the upgrade event (events.event_id)."),
    Column("document_id", "int64", "The document."),
    Column("title", "string", "Its headline."),
    Column("doc_date", "string", "The document's date."),
    Column("evidence", "string", "The sentence."),
    Column("start", "int64", "Offset of the sentence in the page text."),
    Column("end", "int64", "End offset (exclusive) of the sentence."),
    Column("url", "string", "URL of the page, when known."),
), f"""
SELECT r.id, r.kind, r.country_a, r.country_b, r.tier, r.tier_text, r.previous_tier, r.date, r.year,
       r.date_source, r.number, r.established, r.people, r.event_id, d.id, d.title, r.doc_date, {_snip('r')},
       r.start, r.end, s.url
FROM relations r JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id ORDER BY r.id
""", _relation)

TABLES: tuple[Table, ...] = (EVENTS, EVENT_SOURCES, PEOPLE, ROLES, FACTS, FIGURES, DOCUMENTS, RELATIONS)


def export(store: Store, out_dir: str | Path, fmt: ExportFormat | str = ExportFormat.parquet,
           tables: tuple[str, ...] | None = None, *, bom: bool = False) -> dict[str, tuple[Path, int]]:
    """Write each table to ``out_dir/<table>.<fmt>``; returns ``{table: (path, rows)}``.

    CSV cells follow ``waishi.csvout`` (whole numbers as integers, formula-leading text
    escaped); ``bom`` starts each CSV file with a UTF-8 byte-order mark for Excel."""
    fmt = ExportFormat(fmt)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{out}: cannot create directory: {e.strerror or e}") from None
    wanted = [t for t in TABLES if tables is None or t.name in tables]
    unknown = set(tables or ()) - {t.name for t in TABLES}
    if unknown:
        raise StoreError(f"unknown table(s): {', '.join(sorted(unknown))}")
    done: dict[str, tuple[Path, int]] = {}
    for t in wanted:
        path = out / f"{t.name}.{fmt.value}"
        tmp = path.with_name(path.name + ".part")
        try:
            n = _csv(t, store.con, tmp, bom) if fmt is ExportFormat.csv else _WRITERS[fmt](t, store.con, tmp)
            tmp.replace(path)  # a reader never sees a half-written file
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{path}: cannot write: {e.strerror or e}") from None
        done[t.name] = (path, n)
    return done


def _arrow_schema(t: Table) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type]) for c in t.columns],
                     metadata={"waishi.table": t.doc})


def _parquet(t: Table, con: sqlite3.Connection, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(t)
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as w:
        for chunk in t.rows(con):
            w.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            w.write_table(schema.empty_table())
    return n


def _csv(t: Table, con: sqlite3.Connection, path: Path, bom: bool = False) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        if bom:
            fh.write(BOM)
        w = csv.writer(fh)
        w.writerow([c.name for c in t.columns])
        for chunk in t.rows(con):
            for row in chunk:
                w.writerow([cell(v) for v in row.values()])
            n += len(chunk)
    return n


def _jsonl(t: Table, con: sqlite3.Connection, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for chunk in t.rows(con):
            for row in chunk:
                fh.write(json.dumps({k: _whole(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
            n += len(chunk)
    return n


_WRITERS: dict[ExportFormat, Callable[[Table, sqlite3.Connection, Path], int]] = {
    ExportFormat.parquet: _parquet, ExportFormat.csv: _csv, ExportFormat.jsonl: _jsonl,
}
