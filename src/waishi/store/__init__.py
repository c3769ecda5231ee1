"""The knowledge store: extraction records kept in one SQLite file, merged across pages.

    from waishi.store import Store, ingest, events
    with Store.open("vn.db") as st:
        ingest(st, ["corpus/"], extract=my_extract)        # the CLI passes waishi.extract
    with Store.open("vn.db", readonly=True) as st:
        for ev in events(st, country="LAO", type="visit", since="2024"):
            print(ev.date, ev.source, ev.target, ev.n_sources)

The questions are also methods of an open Store (``st.events(country="LAO")``).

Modules: schema (the SQL of each version; a leaf), migrations (their data steps, on
frozen data), db (opening; the Store), rows (connection, named rows, pages, the ``Where``
builder), writer (the single writer; records: what it takes), merge (cross-page
identity), ingest (files and records -> writer), query and views (questions),
relations_read / relations_write (relations and offices), curation and review
(analysts' decisions), export (Parquet/CSV/JSONL). docs/store.md describes the schema
and the rules.
"""

from __future__ import annotations

from .db import DEFAULT_DB, SchemaError, Store, StoreError
from .export import TABLES, ExportFormat, export
from .ingest import ingest, load_records
from .query import (
    DocumentRef,
    EventDetail,
    EventRow,
    Evidence,
    FactRow,
    FigureDetail,
    PersonDetail,
    PersonRow,
    Report,
    Results,
    RoleRow,
    SearchHit,
    Stats,
    event,
    events,
    facts,
    figure,
    people,
    person,
    search,
    stats,
)
from .records import record_from_extraction
from .schema import MIGRATIONS, SCHEMA_VERSION, Migration
from .writer import RunStats, Writer

__all__ = [
    "DEFAULT_DB",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "DocumentRef",
    "EventDetail",
    "EventRow",
    "Evidence",
    "ExportFormat",
    "FactRow",
    "FigureDetail",
    "Migration",
    "PersonDetail",
    "PersonRow",
    "Report",
    "Results",
    "RoleRow",
    "RunStats",
    "SchemaError",
    "SearchHit",
    "Stats",
    "Store",
    "StoreError",
    "Writer",
    "event",
    "events",
    "export",
    "facts",
    "figure",
    "ingest",
    "load_records",
    "people",
    "person",
    "record_from_extraction",
    "search",
    "stats",
]
