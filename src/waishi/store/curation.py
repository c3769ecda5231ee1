"""The curation layer: analysts' decisions kept apart from what the extractor wrote.

    from waishi.store import Store
    with Store.open("vn.db") as st:
        st.decide("event", "reject", target, author="lan", note="a plan, not a meeting")
        st.orphans()           # decisions whose target a re-extraction made vanish

(The functions here are those methods of Store, each taking the store first.)

How it fits together (docs/curation.md):

- Every stored page keeps its raw extraction record (``page_records``: compressed JSON with
  the page text and the extractor version). It is never edited.
- Decisions (``decisions``) name their targets by stable identities (store/decisions.py).
- The rows the queries read (events, people, facts ...) are the page's record with its
  decisions applied, written by the one writer: ``keep_page`` is the writer's hook. A new
  decision re-writes the pages it concerns (``rewrite``); a re-extraction writes the new raw
  record and re-applies every decision (``reextract``).
- Where each decision landed is kept in ``decision_hits``; a decision with none is an orphan,
  listed by ``orphans`` (never dropped).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WaishiError
from ..fingerprint import extractor_version
from ..model import Extraction, Page
from ..pageid import content_hash
from .decisions import DecisionError, apply, check_decision
from .errors import StoreError
from .raw import (  # noqa: F401
    _COLS,
    DecisionRow,
    _as_decision,
    _canon,
    _now,
    _page_decisions,
    _row,
    forget_page,
    keep_page,
    load_raw,
)
from .records import record_from_extraction
from .rows import Conn, Where, connection, named

if TYPE_CHECKING:
    from .db import Store

__all__ = [
    "DecisionRow", "ImportResult", "Orphan", "ReextractResult", "CurationStats",
    "decide", "decide_event", "decisions", "export_decisions", "for_document", "for_event", "for_person", "forget_page",
    "import_decisions", "keep_page", "load_raw", "orphans", "reextract", "rewrite", "stats",
]

LOGGER = logging.getLogger(__name__)

Extract = Callable[[Page], Extraction | Mapping[str, Any]]




# -- taking decisions -------------------------------------------------------------------


def _uid(kind: str, action: str, target: Mapping[str, Any], fields: Mapping[str, Any], author: str, at: str,
         note: str | None) -> str:
    return hashlib.sha256(_canon([kind, action, target, fields, author, at, note or ""]).encode()).hexdigest()[:20]


def _locators_for(con: sqlite3.Connection, kind: str, target: Mapping[str, Any],
                  fields: Mapping[str, Any]) -> list[str]:
    if kind != "person" or target.get("locator"):
        return [str(target["locator"])]
    names = {target["name"], *(str(v) for v in (fields.get("name"), (fields.get("into") or {}).get("name")) if v)}
    marks = ",".join("?" * len(names))
    locs = {r[0] for r in con.execute(
        f"SELECT DISTINCT s.locator FROM people p JOIN mentions m ON m.person_id = p.id "
        f"JOIN documents d ON d.id = m.document_id JOIN sources s ON s.id = d.source_id WHERE p.name IN ({marks})",
        sorted(names))}
    locs |= {r[0] for r in con.execute(
        "SELECT DISTINCT h.locator FROM decision_hits h JOIN decisions d ON d.id = h.decision_id "
        "WHERE d.kind = 'person' AND d.target = ?", (_canon(target),))}
    return sorted(locs)


def _insert(con: sqlite3.Connection, kind: str, action: str, target: Mapping[str, Any], fields: Mapping[str, Any],
            author: str, at: str, note: str | None, uid: str | None = None) -> tuple[int, bool]:
    uid = uid or _uid(kind, action, target, fields, author, at, note)
    cur = con.execute(
        "INSERT INTO decisions(uid, kind, action, locator, target, fields, author, created_at, note) "
        "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(uid) DO NOTHING",
        (uid, kind, action, target.get("locator"), _canon(target), _canon(fields), author, at, note))
    if cur.rowcount == 0:
        row = con.execute("SELECT id FROM decisions WHERE uid=?", (uid,)).fetchone()
        return int(row[0]), False
    return int(cur.lastrowid or 0), True


def decide(store: Store, kind: str, action: str, target: Mapping[str, Any], *, author: str,
           fields: Mapping[str, Any] | None = None, note: str | None = None, at: str | None = None) -> DecisionRow:
    """Record one decision and re-write the pages it concerns; returns it with its status.

    Raises DecisionError (a ValueError) for a malformed decision, StoreError when the store
    cannot be written.
    """
    if store.readonly:
        raise StoreError(f"{store.path}: opened read-only; cannot record a decision")
    if not author or not author.strip():
        raise DecisionError("a decision needs an author")
    t, f = check_decision(kind, action, target, fields)
    con = store.con
    did, _ = _insert(con, kind, action, t, f, author.strip(), at or _now(), (note or "").strip() or None)
    rewrite(store, _locators_for(con, kind, t, f))
    got = decision(con, did)
    assert got is not None
    return got


def decide_event(store: Store, event_id: int, action: str, *, author: str, fields: Mapping[str, Any] | None = None,
                 note: str | None = None) -> list[DecisionRow]:
    """A decision on a merged event (all its reports, across pages): one decision per report,
    each keyed by the report's own identity, so it survives re-extraction like any other."""
    if action not in ("confirm", "reject", "edit"):
        raise DecisionError(f"a decision on a whole event is confirm, reject or edit, not {action!r}")
    con = store.con
    rows = con.execute("SELECT s.locator, e.type, r.start, r.end FROM event_reports r JOIN events e ON e.id = r.event_id "
                       "JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id "
                       "WHERE r.event_id = ? ORDER BY r.id", (event_id,)).fetchall()
    if not rows:
        raise DecisionError(f"no event {event_id}")
    targets = []
    for loc, etype, start, end in rows:
        raw = load_raw(con, loc)
        if raw is None:
            raise DecisionError(f"page {loc} has no raw record (run `waishi reextract`)")
        cur = apply(raw, _page_decisions(con, loc), loc, keep_rejected=True).record
        # the report's identity is that of the extracted (or added) event it comes from
        key = next((e["key"] for d in cur["documents"] for e in d["events"]
                    if (int(e["evidence"]["start"]), int(e["evidence"]["end"]), e["type"]) == (start, end, etype)),
                   None)
        if key is None:
            raise DecisionError(f"event {event_id}: no report at {loc}:{start}-{end} in the page's record")
        targets.append(key)
    at = _now()
    return [decide(store, "event", action, t, author=author, fields=fields, note=note, at=at) for t in targets]


def rewrite(store: Store, locators: Iterable[str]) -> int:
    """Write ``locators`` again from their raw records with their decisions applied; returns
    how many pages were written (pages stored before the curation layer have no raw record
    and are left as they are: ``waishi reextract`` gives them one)."""
    from .writer import Writer

    con = store.con
    n = 0
    with Writer(store, batch_size=500) as w:
        for loc in locators:
            raw = load_raw(con, loc)
            rows = named(con, "SELECT content_hash, path, url, published, title, encoding FROM sources "
                              "WHERE locator=?", (loc,))
            if raw is None or not rows:
                continue
            w.put(raw, locator=loc, force=True, **dict(rows[0]))
            n += 1
    return n


# -- reading decisions ------------------------------------------------------------------


def decision(db: Conn, decision_id: int) -> DecisionRow | None:
    rows = named(db, f"SELECT {_COLS} FROM decisions d WHERE d.id=?", (decision_id,))
    return _row(rows[0]) if rows else None


def decisions(db: Conn, *, kind: str | None = None, author: str | None = None, locator: str | None = None,
              limit: int = 10_000, offset: int = 0) -> list[DecisionRow]:
    w = Where()
    for col, v in (("kind", kind), ("author", author), ("locator", locator)):
        w.add_if(v, f"d.{col} = ?", v)
    sql = f"SELECT {_COLS} FROM decisions d{w.sql} ORDER BY d.created_at, d.id LIMIT ? OFFSET ?"
    return [_row(r) for r in named(db, sql, (*w.params, limit, offset))]


def for_event(db: Conn, event_id: int) -> list[DecisionRow]:
    """Decisions that landed on a report of this event."""
    return [_row(r) for r in named(
        db, f"SELECT DISTINCT {_COLS} FROM event_reports r JOIN documents doc ON doc.id = r.document_id "
        f"JOIN sources s ON s.id = doc.source_id JOIN decision_hits h ON h.locator = s.locator "
        f"AND h.kind = 'event' AND h.start = r.start AND h.end = r.end JOIN decisions d ON d.id = h.decision_id "
        f"WHERE r.event_id = ? ORDER BY d.created_at, d.id", (event_id,))]


def for_person(db: Conn, person_id: int) -> list[DecisionRow]:
    """Decisions on this person's name (as the target, or as the name an edit or merge gave)."""
    con = connection(db)
    row = con.execute("SELECT name FROM people WHERE id=?", (person_id,)).fetchone()
    if row is None:
        return []
    return [_row(r) for r in named(
        con, f"SELECT {_COLS} FROM decisions d WHERE d.kind = 'person' AND (json_extract(d.target, '$.name') = ?1 "
        f"OR json_extract(d.fields, '$.name') = ?1 OR json_extract(d.fields, '$.into.name') = ?1) "
        f"ORDER BY d.created_at, d.id", (row[0],))]


def for_document(db: Conn, document_id: int) -> list[DecisionRow]:
    """Decisions that landed in this document (on it, or on its events, people and figures)."""
    return [_row(r) for r in named(
        db, f"SELECT DISTINCT {_COLS} FROM documents doc JOIN sources s ON s.id = doc.source_id "
        f"JOIN decision_hits h ON h.locator = s.locator AND h.document_ord = doc.ord "
        f"JOIN decisions d ON d.id = h.decision_id WHERE doc.id = ? ORDER BY d.created_at, d.id", (document_id,))]


# -- orphans ----------------------------------------------------------------------------


@dataclass
class Orphan:
    decision: DecisionRow
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"decision": self.decision.to_dict(), "reason": self.reason}


def orphans(db: Conn) -> list[Orphan]:
    """Decisions that landed nowhere at the last (re-)extraction of their page, with why."""
    con = connection(db)
    out = []
    for r in named(con, f"SELECT {_COLS} FROM decisions d WHERE NOT EXISTS "
                        f"(SELECT 1 FROM decision_hits h WHERE h.decision_id = d.id) ORDER BY d.created_at, d.id"):
        d = _row(r)
        loc = d.target.get("locator")
        if d.kind == "person" and not loc:
            reason = f"no page names {d.target['name']} ({d.target.get('country') or 'country unknown'})"
        else:
            stored = con.execute("SELECT 1 FROM sources WHERE locator=?", (loc,)).fetchone() is not None
            raw = load_raw(con, loc) if loc and stored else None
            if raw is None:
                reason = f"page {loc} is not stored" if not stored else \
                    f"page {loc} has no raw record (stored before the curation layer: run `waishi reextract`)"
            else:
                got = apply(raw, [_as_decision(d)], str(loc))
                reason = got.orphans.get(d.id) or "target not found"
                reason += f" (extracted by {raw.get('extractor') or 'an unknown extractor'})"
        out.append(Orphan(d, reason))
    return out


# -- stats ------------------------------------------------------------------------------


@dataclass
class CurationStats:
    decisions: int
    orphans: int
    by_action: dict[str, int]
    by_kind: dict[str, int]
    by_author: dict[str, int]
    documents: int
    documents_reviewed: int
    pages: int
    pages_current: int  # extracted by this extractor version
    extractor: str
    extractors: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def stats(db: Conn) -> CurationStats:
    con = connection(db)
    n = con.execute("SELECT count(*) FROM decisions").fetchone()[0]
    n_orphans = con.execute("SELECT count(*) FROM decisions d WHERE NOT EXISTS "
                            "(SELECT 1 FROM decision_hits h WHERE h.decision_id = d.id)").fetchone()[0]

    def by(col: str) -> dict[str, int]:
        return dict(con.execute(f"SELECT {col}, count(*) FROM decisions GROUP BY {col} ORDER BY 2 DESC").fetchall())

    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    reviewed = con.execute(
        "SELECT count(*) FROM documents doc JOIN sources s ON s.id = doc.source_id WHERE EXISTS (SELECT 1 FROM "
        "decision_hits h WHERE h.locator = s.locator AND h.document_ord = doc.ord AND h.kind = 'document' "
        "AND h.action = 'confirm')").fetchone()[0]
    versions = dict(con.execute("SELECT coalesce(extractor, '(unknown)'), count(*) FROM sources "
                                "GROUP BY 1 ORDER BY 2 DESC").fetchall())
    cur = extractor_version()
    return CurationStats(n, n_orphans, by("action"), by("kind"), by("author"), docs, reviewed,
                         sum(versions.values()), versions.get(cur, 0), cur, versions)


# -- exchange ---------------------------------------------------------------------------


@dataclass
class ImportResult:
    added: int = 0
    already: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pages: int = 0  # pages re-written

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def export_decisions(db: Conn, path: str | os.PathLike[str]) -> int:
    """Every decision as one JSON line (``uid``, kind, action, target, fields, author, time,
    note); written whole or not at all. Returns the number written."""
    rows = decisions(db, limit=10**9)
    p = Path(path)
    tmp = p.with_name(p.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            for d in rows:
                f.write(json.dumps(d.to_exchange(), ensure_ascii=False) + "\n")
        tmp.replace(p)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write: {e.strerror or e}") from None
    return len(rows)


def _outcome(kind: str, action: str, fields: Mapping[str, Any]) -> Any:
    if action == "reject":
        return "reject"
    return (action, _canon(fields)) if action != "confirm" else ("confirm", _canon(fields))


def import_decisions(store: Store, path: str | os.PathLike[str]) -> ImportResult:
    """Add the decisions of a JSONL file (``export_decisions``' format) that the store lacks.

    A decision already present (same ``uid``) is skipped, so importing twice changes nothing.
    A decision on a target another author decided differently is added (the later one wins
    when they are applied) and reported as a conflict. Bad lines are reported, the rest goes on.
    """
    res = ImportResult()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise StoreError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    con = store.con
    touched: set[str] = set()
    con.execute("BEGIN IMMEDIATE")
    try:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                if not isinstance(d, dict):
                    raise DecisionError("not a JSON object")
                t, f = check_decision(str(d.get("kind")), str(d.get("action")), d.get("target") or {},
                                      d.get("fields"))
                author, at = str(d.get("author") or "").strip(), str(d.get("time") or "").strip()
                if not author or not at:
                    raise DecisionError("author and time are required")
            except (json.JSONDecodeError, DecisionError) as e:
                res.errors.append(f"{path}:{n}: {e}")
                continue
            uid = str(d.get("uid") or "") or None
            others = named(con, f"SELECT {_COLS} FROM decisions d WHERE d.kind=? AND d.target=? AND d.author<>?",
                           (d["kind"], _canon(t), author))
            did, new = _insert(con, d["kind"], d["action"], t, f, author, at, d.get("note"), uid)
            if not new:
                res.already += 1
                continue
            res.added += 1
            mine = _outcome(d["kind"], d["action"], f)
            for o in map(_row, others):
                if o.action in ("confirm", "reject", "edit") and d["action"] in ("confirm", "reject", "edit") and \
                        _outcome(o.kind, o.action, o.fields) != mine:
                    res.conflicts.append(
                        f"{d['kind']} {_describe(t)}: {o.author} ({o.created_at}) {o.action} {_canon(o.fields)} vs "
                        f"{author} ({at}) {d['action']} {_canon(f)}; the later applies")
            touched.update(_locators_for(con, d["kind"], t, f))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    res.pages = rewrite(store, sorted(touched))
    return res


def _describe(t: Mapping[str, Any]) -> str:
    if "name" in t:
        return f"{t['name']} ({t.get('country') or '?'})"
    if "ord" in t:
        return f"document 「{t.get('title')}」 of {t['locator']}"
    return f"{t.get('type') or t.get('metric')} at {t['locator']}:{t['start']}-{t['end']}"


# -- re-extraction ----------------------------------------------------------------------


@dataclass
class ReextractResult:
    pages: int = 0
    reextracted: int = 0
    skipped: int = 0  # already extracted by this version
    failed: list[tuple[str, str]] = field(default_factory=list)
    decisions: int = 0
    orphans: int = 0
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def reextract(store: Store, extract: Extract, *, everything: bool = False,
              progress: Callable[[ReextractResult], None] | None = None) -> ReextractResult:
    """Run ``extract`` again over every stored page's text and re-apply every decision.

    Pages already extracted by this extractor version are skipped unless ``everything``.
    Pages stored before the curation layer (no raw record) are re-read from their file when
    it still holds the same content. A page the extractor fails on keeps its old rows.
    """
    from .writer import Writer

    con = store.con
    version = extractor_version()
    res = ReextractResult(extractor=version)
    rows = con.execute("SELECT s.locator, s.content_hash, s.path, s.url, s.published, s.title, s.encoding, "
                       "s.extractor, p.id IS NOT NULL FROM sources s LEFT JOIN page_records p ON p.locator = s.locator "
                       "ORDER BY s.id").fetchall()
    with Writer(store) as w:
        for loc, chash, path, url, published, title, encoding, ext_v, has_raw in rows:
            res.pages += 1
            if ext_v == version and has_raw and not everything:
                res.skipped += 1
                continue
            text = _page_text(con, loc, chash, path, bool(has_raw))
            if text is None:
                res.failed.append((loc, "page text not stored and its file is gone or changed; "
                                        "ingest it again with `waishi ingest --force`"))
                continue
            page = Page(text=text, source=path or loc, url=url, published=published, title=title, encoding=encoding)
            try:
                got = extract(page)
                rec = dict(record_from_extraction(got) if isinstance(got, Extraction) else got)
                rec.setdefault("text", text)
                rec.setdefault("extractor", version)
                w.put(rec, locator=loc, content_hash=chash, path=path, url=url, published=published, title=title,
                      encoding=encoding, force=True)
            except StoreError:
                raise
            except Exception as e:  # a page the new extractor fails on keeps its old rows
                LOGGER.debug("re-extraction failed on %s", loc, exc_info=True)
                res.failed.append((loc, f"{type(e).__name__}: {e}"))
                continue
            res.reextracted += 1
            if progress is not None:
                progress(res)
    res.decisions = con.execute("SELECT count(*) FROM decisions").fetchone()[0]
    res.orphans = len(orphans(con))
    return res


def _page_text(con: sqlite3.Connection, locator: str, chash: str, path: str | None, has_raw: bool) -> str | None:
    if has_raw:
        raw = load_raw(con, locator)
        if raw and isinstance(raw.get("text"), str):
            return str(raw["text"])
    if not path:
        return None
    from ..read import iter_pages

    base = path.split("#")[0].split("@")[0]
    if not os.path.isfile(base):
        return None
    try:
        for p in iter_pages(base):
            if isinstance(p, WaishiError):
                continue
            if content_hash(p.text, p.published) == chash:
                return p.text
    except (OSError, WaishiError):
        return None
    return None
