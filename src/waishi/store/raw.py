"""Raw extraction records and the decisions that land on them: the writer's hook.

The writer keeps every page's raw record (``keep_page``), applies the page's decisions to it
and notes where they landed; ``forget_page`` removes the landings when a page goes. Curation
(``curation.py``) takes decisions and rewrites pages through the writer; this module sits below
both, so that the writer never imports curation.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from .decisions import Decision, Hit, apply
from .rows import Conn, connection, named

__all__ = ["DecisionRow", "forget_page", "keep_page", "load_raw"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _canon(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass
class DecisionRow:
    id: int
    uid: str
    kind: str
    action: str
    target: dict[str, Any]
    fields: dict[str, Any]
    author: str
    created_at: str
    note: str | None
    status: str  # applied | orphan

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_exchange(self) -> dict[str, Any]:
        """The line of ``curate export``: everything but the local id and status."""
        return {"uid": self.uid, "kind": self.kind, "action": self.action, "target": self.target,
                "fields": self.fields, "author": self.author, "time": self.created_at, "note": self.note}


_COLS = "d.id, d.uid, d.kind, d.action, d.target, d.fields, d.author, d.created_at, d.note, " \
        "EXISTS (SELECT 1 FROM decision_hits h WHERE h.decision_id = d.id) AS applied"


def _row(r: sqlite3.Row) -> DecisionRow:
    return DecisionRow(r["id"], r["uid"], r["kind"], r["action"], json.loads(r["target"]),
                       json.loads(r["fields"] or "{}"), r["author"], r["created_at"], r["note"],
                       "applied" if r["applied"] else "orphan")


def _as_decision(r: DecisionRow) -> Decision:
    return Decision(r.id, r.kind, r.action, r.target, r.fields, r.author, r.created_at, r.note, r.uid)


# -- the writer's hook ------------------------------------------------------------------


def _pack(rec: Mapping[str, Any]) -> bytes:
    return zlib.compress(json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def load_raw(db: Conn, locator: str) -> dict[str, Any] | None:
    """The raw extraction record stored for ``locator`` (with the page ``text``), or None."""
    row = connection(db).execute("SELECT record FROM page_records WHERE locator=?", (locator,)).fetchone()
    return json.loads(zlib.decompress(row[0])) if row else None


def _page_decisions(con: sqlite3.Connection, locator: str) -> list[Decision]:
    rows = named(con, f"SELECT {_COLS} FROM decisions d WHERE d.locator = ? OR d.locator IS NULL "
                      f"ORDER BY d.created_at, d.id", (locator,))
    return [_as_decision(_row(r)) for r in rows]


def keep_page(con: sqlite3.Connection, source_id: int, locator: str, content_hash: str,
              rec: Mapping[str, Any]) -> Mapping[str, Any]:
    """The writer's hook (inside the page's savepoint): keep ``rec`` as the page's raw record,
    apply the page's decisions, note where they landed, and return the record to write."""
    version = rec.get("extractor")
    con.execute(
        "INSERT INTO page_records(locator, content_hash, extractor, ingested_at, record) VALUES (?,?,?,?,?) "
        "ON CONFLICT(locator) DO UPDATE SET content_hash=excluded.content_hash, extractor=excluded.extractor, "
        "ingested_at=excluded.ingested_at, record=excluded.record",
        (locator, content_hash, version, _now(), _pack(rec)))
    con.execute("UPDATE sources SET extractor=? WHERE id=?", (version, source_id))
    con.execute("DELETE FROM decision_hits WHERE locator=?", (locator,))
    decs = _page_decisions(con, locator)
    if not decs:
        return rec
    got = apply(rec, decs, locator)
    _note_hits(con, locator, got.hits)
    return got.record


def _note_hits(con: sqlite3.Connection, locator: str, hits: Iterable[Hit]) -> None:
    con.executemany("INSERT INTO decision_hits(decision_id, kind, action, locator, document_ord, start, end) "
                    "VALUES (?,?,?,?,?,?,?)",
                    [(h.decision_id, h.kind, h.action, locator, h.document_ord, h.start, h.end) for h in hits])


def forget_page(con: sqlite3.Connection, source_id: int) -> None:
    """The writer removes a page: its decisions' landings go (the decisions stay; storing the
    page again lands them again). Its raw record row stays, so the page keeps its id (the
    review pages' addresses) when it is written again; ``keep_page`` replaces its content."""
    row = con.execute("SELECT locator FROM sources WHERE id=?", (source_id,)).fetchone()
    if row:
        con.execute("DELETE FROM decision_hits WHERE locator=?", (row[0],))
