"""Opening a store: one SQLite file in WAL mode, migrated on open for writing.

Readers open the file read-only (``Store.open(path, readonly=True)``) and can run
beside the one writer: WAL lets them read the last committed state while a batch
is being written. ``check_same_thread=False`` is for servers that hand one
read-only connection to worker threads (the dashboard of issue 4).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from ..errors import WaishiError
from . import curation, query, relations_read, review, views
from .errors import SchemaError, StoreError
from .migrations import BACKFILLS
from .schema import SCHEMA_VERSION, SchemaMismatch, migrate, schema_version

__all__ = ["DEFAULT_DB", "SchemaError", "Store", "StoreError"]

LOGGER = logging.getLogger(__name__)

DEFAULT_DB = "waishi.db"


class Store:
    """An open waishi database: ``con`` plus what was asked of it, and the questions one asks
    of it as methods (sqlite-utils' ``Database`` is the model)::

        with Store.open("vn.db", readonly=True) as st:
            st.events(country="LAO", since="2024")
            st.person(12).person.titles

    Each question is the function of the same name in query, views, relations_read, review or
    curation, which also take a bare connection; curation's writes (``decide`` ...) need a
    store opened for writing. Callers outside the store (api, web, cli) use these methods.
    """

    def __init__(self, con: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.con = con
        self.path = path
        self.readonly = readonly
        # the store as reports (stats) name it; a server shows its file name only (issue 15)
        self.shown_path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False,
             check_same_thread: bool = True, timeout: float = 30.0) -> Store:
        """Open (and for writing, create and migrate) the store at ``path``.

        ``":memory:"`` gives a private in-memory store (tests). Raises StoreError or
        SchemaError with a one-line reason naming the file.
        """
        name = str(path)
        memory = name == ":memory:"
        try:
            if readonly:
                if memory or not os.path.isfile(name):
                    raise StoreError(f"{name}: no such database (create it with `waishi ingest`)")
                con = _open_readonly(name, timeout, check_same_thread)
            else:
                if not memory:
                    parent = Path(name).resolve().parent
                    if not parent.is_dir():
                        raise StoreError(f"{name}: directory {parent} does not exist")
                con = sqlite3.connect(name, timeout=timeout, isolation_level=None,
                                      check_same_thread=check_same_thread)
        except sqlite3.Error as e:
            raise StoreError(f"{name}: cannot open database: {e}") from None
        try:
            _configure(con, readonly, memory)
            if readonly:
                version = schema_version(con)
                if version == 0:
                    raise SchemaError(f"{name}: not a waishi database (no schema version)")
                if version > SCHEMA_VERSION:
                    raise SchemaError(f"{name}: schema version {version} is newer than this waishi "
                                      f"({SCHEMA_VERSION}); upgrade waishi")
                if version < SCHEMA_VERSION:
                    raise SchemaError(f"{name}: schema version {version} is older than this waishi "
                                      f"({SCHEMA_VERSION}); open it for writing once (e.g. `waishi ingest`) "
                                      "to migrate")
            else:
                migrate(con, name, BACKFILLS)
        except SchemaMismatch as e:
            con.close()
            raise SchemaError(str(e)) from None
        except sqlite3.DatabaseError as e:
            con.close()
            raise StoreError(f"{name}: not a usable SQLite database: {e}") from None
        except WaishiError:
            con.close()
            raise
        return cls(con, name, readonly)

    @property
    def version(self) -> int:
        return schema_version(self.con)

    def close(self) -> None:
        if not self.readonly:
            try:
                # lets the query planner keep statistics fresh; cheap when nothing changed
                self.con.execute("PRAGMA optimize")
            except sqlite3.Error:  # pragma: no cover - a busy database is fine to leave
                pass
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- questions: events, people, facts, search, counts (query.py)
    events = query.events
    event = query.event
    event_reports = query.event_reports
    people = query.people
    person = query.person
    close_names = query.close_names
    facts = query.facts
    figure = query.figure
    search = query.search
    stats = query.stats
    # -- the dashboard's questions (views.py)
    documents = views.documents
    document = views.document
    timeline = views.timeline
    event_facets = views.event_facets
    graph = views.graph
    countries = views.countries
    country = views.country
    overview = views.overview
    home_country = views.home_country
    anchors = views.anchors
    fact_anchors = views.fact_anchors
    counterparts = views.counterparts
    metrics = views.metrics
    # -- relations and offices (relations_read.py)
    relations = relations_read.relations
    offices = relations_read.offices
    person_offices = relations_read.person_offices
    # -- curation: decisions and the review queue (curation.py, review.py)
    decision = curation.decision
    decisions = curation.decisions
    decisions_for_event = curation.for_event
    decisions_for_person = curation.for_person
    decisions_for_document = curation.for_document
    orphans = curation.orphans
    curation_stats = curation.stats
    raw_record = curation.load_raw
    review_queue = review.queue
    review_neighbours = review.neighbours
    review_document = review.review_document
    # -- curation's writes (a store open for writing; curation.py)
    decide = curation.decide
    decide_event = curation.decide_event
    export_decisions = curation.export_decisions
    import_decisions = curation.import_decisions
    reextract = curation.reextract


def _open_readonly(name: str, timeout: float, check_same_thread: bool) -> sqlite3.Connection:
    """A read-only connection, ``immutable=1`` when SQLite could not share the WAL index.

    Reading a WAL database needs its ``-shm`` file, which SQLite creates beside it:
    in a directory the reader cannot write (a store on read-only media, another
    user's directory) ``mode=ro`` fails with "attempt to write a readonly database"
    (issue 15). Nobody can then be writing it either, so it is opened immutable; a
    leftover ``-wal`` (a writer killed before its checkpoint) is then not seen, which
    is logged.
    """
    path = os.path.abspath(name)

    def connect(immutable: bool) -> sqlite3.Connection:
        uri = f"file:{quote(path)}?mode=ro" + ("&immutable=1" if immutable else "")
        con = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                              check_same_thread=check_same_thread)
        if immutable:
            wal = path + "-wal"
            if os.path.exists(wal) and os.path.getsize(wal) > 0:
                LOGGER.warning("%s: opened immutable (its directory is not writable); the %d bytes of its "
                               "-wal file are not read", name, os.path.getsize(wal))
        return con

    if not _shareable(path):
        return connect(True)
    con = connect(False)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        con.close()
        if "readonly" not in str(e) and "unable to open" not in str(e):
            raise
        LOGGER.debug("%s: %s; opening immutable", name, e)
        return connect(True)
    except sqlite3.DatabaseError:
        pass  # not a database at all: Store.open says so in its own words
    return con


def _shareable(path: str) -> bool:
    """Whether this process can create or write the WAL index (``-shm``) of ``path``."""
    shm = path + "-shm"
    if os.path.exists(shm):
        return os.access(shm, os.R_OK | os.W_OK)
    return os.access(os.path.dirname(path), os.W_OK | os.X_OK)


def _configure(con: sqlite3.Connection, readonly: bool, memory: bool) -> None:
    # Fail fast on files that are not SQLite: the first read of the header raises.
    con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if not readonly and not memory:
        mode = con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # pragma: no cover - e.g. a network file system
            LOGGER.warning("journal_mode is %s, not WAL", mode)
        # WAL + NORMAL: a crash (even SIGKILL) never corrupts or half-applies a commit;
        # a power cut may lose the last commits, which a rerun of ingest redoes.
        con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA cache_size=-65536")
    con.execute("PRAGMA temp_store=MEMORY")
    if not memory:
        con.execute("PRAGMA mmap_size=268435456")
