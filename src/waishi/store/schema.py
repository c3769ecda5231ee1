"""The store's SQLite schema: an ordered list of migrations, ``PRAGMA user_version`` as the version.

Each migration runs in one transaction together with the ``user_version`` bump, so
a database is always at a whole version. This module is a leaf (the standard library only):
data steps that need more than SQL are registered from above (store/migrations.py). Later schema work (the offices/relations
tables of issue 6, ...) appends a ``Migration`` to ``MIGRATIONS``; never edit one
that has shipped. docs/store.md describes every table and column.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Backfill", "Migration", "SchemaMismatch", "migrate", "schema_version", "statements"]


class SchemaMismatch(Exception):
    """The database file is not a waishi store this version can use (``Store.open`` raises it
    as ``StoreError``'s sibling ``SchemaError``; this module imports nothing of waishi)."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str = ""
    run: Callable[[sqlite3.Connection], None] | None = None  # for steps SQL alone cannot do


_V1 = """
CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  pages        INTEGER NOT NULL DEFAULT 0,
  added        INTEGER NOT NULL DEFAULT 0,
  replaced     INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  duplicates   INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  locator       TEXT NOT NULL UNIQUE,
  path          TEXT,
  url           TEXT,
  content_hash  TEXT NOT NULL,
  published     TEXT,
  title         TEXT,
  encoding      TEXT,
  length        INTEGER NOT NULL,
  ingested_at   TEXT NOT NULL,
  run_id        INTEGER REFERENCES runs(id)
);
CREATE INDEX sources_hash ON sources(content_hash);

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  source_id      INTEGER NOT NULL REFERENCES sources(id),
  ord            INTEGER NOT NULL,
  kind           TEXT NOT NULL,
  title          TEXT NOT NULL,
  title_key      TEXT NOT NULL,
  year           INTEGER,
  year_evidence  TEXT,
  date           TEXT,
  start          INTEGER NOT NULL,
  end            INTEGER NOT NULL,
  text           TEXT NOT NULL,
  UNIQUE (source_id, ord)
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_kind ON documents(kind);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  country      TEXT,
  latin        TEXT,
  first_seen   TEXT,
  last_seen    TEXT,
  n_documents  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_name ON people(name);

CREATE TABLE roles (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES people(id),
  title         TEXT NOT NULL,
  organisation  TEXT,
  country       TEXT,
  first_seen    TEXT,
  last_seen     TEXT,
  n_documents   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (person_id, title)
);

CREATE TABLE role_evidence (
  id           INTEGER PRIMARY KEY,
  role_id      INTEGER NOT NULL REFERENCES roles(id),
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  date         TEXT,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL
);
CREATE INDEX role_evidence_role ON role_evidence(role_id);
CREATE INDEX role_evidence_document ON role_evidence(document_id);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  type         TEXT NOT NULL,
  date         TEXT,
  date_end     TEXT,
  precision    TEXT,
  date_lo      TEXT,
  date_hi      TEXT,
  location     TEXT,
  plover       TEXT NOT NULL,
  plover_mode  TEXT,
  cameo        TEXT NOT NULL,
  n_sources    INTEGER NOT NULL DEFAULT 0,
  n_reports    INTEGER NOT NULL DEFAULT 0,
  report_id    INTEGER
);
CREATE INDEX events_type_date ON events(type, date_lo);
CREATE INDEX events_date ON events(date_lo);

CREATE TABLE event_reports (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES events(id),
  document_id     INTEGER NOT NULL REFERENCES documents(id),
  date            TEXT,
  date_end        TEXT,
  precision       TEXT,
  date_lo         TEXT,
  date_hi         TEXT,
  location        TEXT,
  trigger         TEXT,
  visit_kind      TEXT,
  caption         INTEGER NOT NULL DEFAULT 0,
  start           INTEGER NOT NULL,
  end             INTEGER NOT NULL,
  extra_evidence  TEXT
);
CREATE INDEX event_reports_event ON event_reports(event_id);
CREATE INDEX event_reports_document ON event_reports(document_id);

CREATE TABLE event_actors (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES event_reports(id),
  event_id   INTEGER NOT NULL REFERENCES events(id),
  type       TEXT NOT NULL,
  date_lo    TEXT,
  date_hi    TEXT,
  role       TEXT NOT NULL CHECK (role IN ('source', 'target')),
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  person_id  INTEGER REFERENCES people(id),
  iso3       TEXT,
  key        TEXT NOT NULL,
  alt_key    TEXT,
  start      INTEGER,
  end        INTEGER
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_report ON event_actors(report_id);
CREATE INDEX event_actors_match ON event_actors(key, type, date_lo, date_hi, event_id);
CREATE INDEX event_actors_alt_match ON event_actors(alt_key, type, date_lo, date_hi, event_id)
  WHERE alt_key IS NOT NULL;
CREATE INDEX event_actors_iso3 ON event_actors(iso3, event_id) WHERE iso3 IS NOT NULL;
CREATE INDEX event_actors_person ON event_actors(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE facts (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id),
  metric        TEXT NOT NULL,
  value         REAL NOT NULL,
  unit          TEXT NOT NULL,
  period        TEXT,
  period_lo     INTEGER,
  period_hi     INTEGER,
  growth_pct    REAL,
  subject       TEXT NOT NULL,
  counted       TEXT,
  qualifier     TEXT,
  number_start  INTEGER NOT NULL,
  number_end    INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL
);
CREATE INDEX facts_metric ON facts(metric, period_hi);
CREATE INDEX facts_document ON facts(document_id);

CREATE TABLE mentions (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  kind         TEXT NOT NULL,
  text         TEXT NOT NULL,
  value,
  person_id    INTEGER REFERENCES people(id),
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL
);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX mentions_person ON mentions(person_id, document_id) WHERE person_id IS NOT NULL;

CREATE TABLE errors (
  id        INTEGER PRIMARY KEY,
  path      TEXT NOT NULL,
  reason    TEXT NOT NULL,
  first_at  TEXT NOT NULL,
  last_at   TEXT NOT NULL,
  count     INTEGER NOT NULL DEFAULT 1,
  run_id    INTEGER REFERENCES runs(id),
  UNIQUE (path, reason)
);
"""

# Version 2 (issue 6): relations between countries as pages state them, and office claims
# (a page naming a person with an office's title), checked against the offices lexicon.
_V2 = """
CREATE TABLE relations (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  kind         TEXT NOT NULL,
  country_a    TEXT NOT NULL,
  country_b    TEXT NOT NULL,
  tier         TEXT,
  tier_text    TEXT,
  previous_tier TEXT,
  date         TEXT,
  date_lo      TEXT,
  date_hi      TEXT,
  year         INTEGER,
  date_source  TEXT,
  number       INTEGER,
  established  TEXT,
  doc_date     TEXT,
  people       TEXT,
  event_id     INTEGER,
  trigger_start INTEGER,
  trigger_end  INTEGER,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL
);
CREATE INDEX relations_pair ON relations(country_a, country_b);
CREATE INDEX relations_b ON relations(country_b);
CREATE INDEX relations_document ON relations(document_id);

CREATE TABLE office_claims (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  office       TEXT NOT NULL,
  iso3         TEXT NOT NULL,
  name         TEXT NOT NULL,
  person_id    INTEGER REFERENCES people(id),
  title        TEXT NOT NULL,
  date         TEXT,
  date_lo      TEXT,
  date_hi      TEXT,
  agrees       INTEGER NOT NULL,
  lexicon      TEXT,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL
);
CREATE INDEX office_claims_office ON office_claims(office, date_lo);
CREATE INDEX office_claims_document ON office_claims(document_id);
CREATE INDEX office_claims_conflicts ON office_claims(office) WHERE agrees = 0;
"""


# Version 3 (issue 13): the curation layer. Every page's raw extraction record is kept
# (compressed JSON with the page text) with the extractor version that made it; analysts'
# decisions name their targets by stable identities (store/decisions.py); decision_hits say
# where each decision landed at the page's last (re-)extraction, so one without is an orphan.
_V3 = """
ALTER TABLE sources ADD COLUMN extractor TEXT;

CREATE TABLE page_records (
  id            INTEGER PRIMARY KEY,
  locator       TEXT NOT NULL UNIQUE,
  content_hash  TEXT NOT NULL,
  extractor     TEXT,
  ingested_at   TEXT NOT NULL,
  record        BLOB NOT NULL
);

CREATE TABLE decisions (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'person', 'fact', 'document')),
  action      TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'edit', 'add', 'merge', 'split')),
  locator     TEXT,
  target      TEXT NOT NULL,
  fields      TEXT NOT NULL DEFAULT '{}',
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX decisions_locator ON decisions(locator);
CREATE INDEX decisions_target ON decisions(kind, target);

CREATE TABLE decision_hits (
  decision_id   INTEGER NOT NULL REFERENCES decisions(id),
  kind          TEXT NOT NULL,
  action        TEXT NOT NULL,
  locator       TEXT NOT NULL,
  document_ord  INTEGER,
  start         INTEGER,
  end           INTEGER
);
CREATE INDEX decision_hits_decision ON decision_hits(decision_id);
CREATE INDEX decision_hits_locator ON decision_hits(locator, document_ord);
"""


# Version 4 (issue 12): figures merged across pages (one row per real-world number, with its
# reports' count), a fact's kind (result, target, forecast) and its subjects as ISO3 codes;
# period_assumed marks a period that is the story's year rather than written with the figure.
_V4 = """
ALTER TABLE facts ADD COLUMN kind TEXT NOT NULL DEFAULT 'result';
ALTER TABLE facts ADD COLUMN subject_iso3 TEXT;
ALTER TABLE facts ADD COLUMN figure_id INTEGER;
ALTER TABLE facts ADD COLUMN period_assumed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX facts_figure ON facts(figure_id);

CREATE TABLE figures (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL,
  metric       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  unit         TEXT NOT NULL,
  subject_key  TEXT NOT NULL,
  period       TEXT,
  period_lo    INTEGER,
  period_hi    INTEGER,
  counted      TEXT,
  value        REAL NOT NULL,
  value_lo     REAL,
  value_hi     REAL,
  approx       INTEGER NOT NULL DEFAULT 0,
  growth_pct   REAL,
  fact_id      INTEGER,
  date         TEXT,
  n_sources    INTEGER NOT NULL DEFAULT 0,
  n_reports    INTEGER NOT NULL DEFAULT 0,
  n_values     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX figures_key ON figures(key);
CREATE INDEX figures_metric ON figures(metric, date);
CREATE INDEX figures_date ON figures(date);
"""


# Version 5 (issue 11): a document's feasible year window and the constraints that set it (JSON:
# each bound or point with its page offsets), and the factuality of events (reported or planned;
# what is only proposed, offered or summed up stays in the extraction record, not in the store).
_V5 = """
ALTER TABLE documents ADD COLUMN year_lo INTEGER;
ALTER TABLE documents ADD COLUMN year_hi INTEGER;
ALTER TABLE documents ADD COLUMN year_constraints TEXT;
ALTER TABLE event_reports ADD COLUMN factuality TEXT NOT NULL DEFAULT 'reported';
ALTER TABLE events ADD COLUMN factuality TEXT NOT NULL DEFAULT 'reported';
"""


MIGRATIONS: list[Migration] = [
    Migration(1, "sources, documents (+FTS5 trigram), people, roles, events, facts, mentions, errors", _V1),
    Migration(2, "relations, office_claims (issue 6)", _V2),
    Migration(3, "curation: page_records, decisions, decision_hits, sources.extractor (issue 13)", _V3),
    Migration(4, "figures; facts.kind, .subject_iso3, .figure_id, .period_assumed (issue 12)", _V4),
    Migration(5, "documents.year_lo, .year_hi, .year_constraints; events' factuality (issue 11)", _V5),
]

SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(con: sqlite3.Connection) -> int:
    return int(con.execute("PRAGMA user_version").fetchone()[0])


Backfill = Callable[[sqlite3.Connection], None]


def migrate(con: sqlite3.Connection, name: str = "database", backfills: Mapping[int, Backfill] | None = None) -> int:
    """Bring ``con`` to SCHEMA_VERSION; returns the version it was at.

    ``backfills`` (version -> step) are the data steps registered from above
    (store/migrations.py, passed by ``Store.open``); each runs in its version's transaction.

    Raises SchemaError when the file is newer than this code, or is some other
    SQLite database (tables but no version).
    """
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise SchemaMismatch(f"{name}: schema version {current} is newer than this waishi ({SCHEMA_VERSION}); "
                          "upgrade waishi")
    if current == 0:
        tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise SchemaMismatch(f"{name}: not a waishi database (it has tables but no schema version)")
    for m in MIGRATIONS:
        if m.version <= current:
            continue
        # One transaction per step: the DDL and the version bump commit together.
        con.execute("BEGIN IMMEDIATE")
        try:
            if m.version <= schema_version(con):  # another process migrated meanwhile
                con.execute("COMMIT")
                continue
            for stmt in statements(m.sql):
                con.execute(stmt)
            step = m.run or (backfills or {}).get(m.version)
            if step is not None:
                step(con)
            con.execute(f"PRAGMA user_version = {int(m.version)}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return current


def statements(sql: str) -> list[str]:
    """Split a script into statements (sqlite3.complete_statement knows about trigger bodies)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
