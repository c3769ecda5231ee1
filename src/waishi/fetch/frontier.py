"""The URL frontier, in the store's own SQLite file: what was found, fetched, failed.

Created by the fetcher (``CREATE TABLE IF NOT EXISTS``), not by a store migration:
a store that never fetched has no such tables, and the store's schema stays the
store's (docs/fetch.md lists the columns).

States: ``new`` (to fetch), ``done`` (fetched and stored, or unchanged), ``failed``
(a transient fault: retried next run, at most MAX_ATTEMPTS times), ``gone`` (a
permanent fault: 404/410, size cap, redirect loop, not a page), ``robots``
(disallowed), ``old`` (before ``--since``). A page's row is updated on the writer's
connection after its page is put, so it commits with (or after) the page: a killed
run never marks done a page it did not store; at worst a rerun fetches a page
again and the writer finds it unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = ["MAX_ATTEMPTS", "Frontier", "FrontierRow", "SourceCounts", "ensure_tables"]

MAX_ATTEMPTS = 5

_DDL = (
    """CREATE TABLE IF NOT EXISTS fetch_frontier (
  url            TEXT PRIMARY KEY,
  source         TEXT NOT NULL,
  kind           TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'new',
  hint_date      TEXT,
  found_at       TEXT NOT NULL,
  fetched_at     TEXT,
  next_at        TEXT,
  status         INTEGER,
  etag           TEXT,
  last_modified  TEXT,
  attempts       INTEGER NOT NULL DEFAULT 0,
  error          TEXT,
  published      TEXT,
  warc           TEXT
)""",
    "CREATE INDEX IF NOT EXISTS fetch_frontier_todo ON fetch_frontier(source, state)",
    """CREATE TABLE IF NOT EXISTS fetch_sources (
  source      TEXT PRIMARY KEY,
  last_fetch  TEXT,
  found       INTEGER NOT NULL DEFAULT 0,
  new         INTEGER NOT NULL DEFAULT 0,
  fetched     INTEGER NOT NULL DEFAULT 0,
  stored      INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  robots      INTEGER NOT NULL DEFAULT 0,
  errors      INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT
)""",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ensure_tables(con: sqlite3.Connection) -> None:
    for stmt in _DDL:
        con.execute(stmt)


@dataclass(frozen=True, slots=True)
class FrontierRow:
    url: str
    source: str
    kind: str
    state: str
    hint_date: str | None
    fetched_at: str | None
    etag: str | None
    last_modified: str | None
    attempts: int


@dataclass(slots=True)
class SourceCounts:
    """One source's figures for one pass (also kept in ``fetch_sources``)."""

    source: str
    found: int = 0  # URLs its entry points list (pages)
    new: int = 0  # of which not seen before
    fetched: int = 0  # page responses received (incl. 304)
    stored: int = 0  # pages added or replaced in the store
    unchanged: int = 0  # 304, or same content again
    failed: int = 0  # URLs (entry points or pages) that could not be fetched or read
    robots: int = 0  # skipped: robots.txt
    old: int = 0  # skipped: before --since
    entries: int = 0  # feeds and sitemaps read
    last_error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


class Frontier:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        ensure_tables(con)

    def get(self, url: str) -> FrontierRow | None:
        r = self.con.execute("SELECT url, source, kind, state, hint_date, fetched_at, etag, last_modified, attempts "
                             "FROM fetch_frontier WHERE url=?", (url,)).fetchone()
        return FrontierRow(*r) if r else None

    def add(self, url: str, source: str, kind: str, hint_date: str | None, since: str | None) -> str:
        """Record a found URL; returns 'new', 'changed' (listed with a newer date), 'old' or 'known'."""
        row = self.get(url)
        old = bool(since and hint_date and hint_date < since)
        if row is None:
            state = "old" if old else "new"
            self.con.execute("INSERT INTO fetch_frontier(url, source, kind, state, hint_date, found_at) "
                             "VALUES (?,?,?,?,?,?)", (url, source, kind, state, hint_date, _now()))
            return state
        if row.state == "old" and not old:
            self.con.execute("UPDATE fetch_frontier SET state='new', hint_date=? WHERE url=?", (hint_date, url))
            return "new"
        if (row.state == "done" and hint_date and row.fetched_at and hint_date > row.fetched_at[:10]
                and (row.hint_date is None or hint_date > row.hint_date)):
            self.con.execute("UPDATE fetch_frontier SET state='new', hint_date=? WHERE url=?", (hint_date, url))
            return "changed"
        return "known"

    def todo(self, source: str) -> Iterator[FrontierRow]:
        """Pages of ``source`` to fetch: newest first by the date their feed or sitemap gave (so
        ``--max-pages`` takes the latest news), then the undated ones in the order they were found."""
        now = _now()
        rows = self.con.execute(
            "SELECT url, source, kind, state, hint_date, fetched_at, etag, last_modified, attempts "
            "FROM fetch_frontier WHERE source=? AND kind='page' AND "
            "(state='new' OR (state='failed' AND attempts < ? AND (next_at IS NULL OR next_at <= ?))) "
            "ORDER BY hint_date IS NULL, hint_date DESC, rowid", (source, MAX_ATTEMPTS, now)).fetchall()
        for r in rows:
            yield FrontierRow(*r)

    def entry(self, url: str, source: str) -> FrontierRow:
        row = self.get(url)
        if row is None:
            self.con.execute("INSERT INTO fetch_frontier(url, source, kind, state, found_at) VALUES (?,?,?,?,?)",
                             (url, source, "entry", "new", _now()))
            row = self.get(url)
            assert row is not None
        return row

    def done(self, url: str, status: int, etag: str | None, last_modified: str | None,
             published: str | None = None, warc: str | None = None) -> None:
        self.con.execute(
            # a 304 keeps the status of the response whose content is stored
            "UPDATE fetch_frontier SET state='done', status=CASE WHEN ?1=304 THEN coalesce(status, 304) ELSE ?1 END, "
            "fetched_at=?, etag=coalesce(?, etag), "
            "last_modified=coalesce(?, last_modified), error=NULL, next_at=NULL, attempts=0, "
            "published=coalesce(?, published), warc=coalesce(?, warc) WHERE url=?",
            (status, _now(), etag, last_modified, published, warc, url))

    def fail(self, url: str, reason: str, *, permanent: bool, status: int | None = None,
             retry_at: float | None = None, state: str | None = None) -> None:
        nxt = datetime.fromtimestamp(retry_at, UTC).isoformat(timespec="seconds") if retry_at else None
        self.con.execute(
            "UPDATE fetch_frontier SET state=?, status=?, fetched_at=?, error=?, attempts=attempts+1, next_at=? "
            "WHERE url=?", (state or ("gone" if permanent else "failed"), status, _now(), reason, nxt, url))

    def mark(self, url: str, state: str, reason: str | None = None) -> None:
        self.con.execute("UPDATE fetch_frontier SET state=?, error=? WHERE url=?", (state, reason, url))

    def save_counts(self, c: SourceCounts) -> None:
        errors = self.con.execute("SELECT count(*) FROM fetch_frontier WHERE source=? AND state IN ('failed', 'gone')",
                                  (c.source,)).fetchone()[0]
        self.con.execute(
            "INSERT INTO fetch_sources(source, last_fetch, found, new, fetched, stored, failed, robots, errors, "
            "last_error) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(source) DO UPDATE SET "
            "last_fetch=excluded.last_fetch, found=excluded.found, new=excluded.new, fetched=excluded.fetched, "
            "stored=excluded.stored, failed=excluded.failed, robots=excluded.robots, errors=excluded.errors, "
            "last_error=coalesce(excluded.last_error, fetch_sources.last_error)",
            (c.source, _now(), c.found, c.new, c.fetched, c.stored, c.failed, c.robots, errors, c.last_error))
