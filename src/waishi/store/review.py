"""What the review queue reads: documents to review with their progress, and one document as
an analyst sees it (its text, and every event, person and figure with its identity and the
decisions taken on it, rejected ones included so they can be taken back).

Read-only; the review pages and their JSON twins (api/review.py, web/review.py) call these.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .curation import decisions
from .decisions import apply
from .errors import StoreError
from .raw import DecisionRow, _page_decisions, load_raw
from .rows import Conn, Where, connection, named

if TYPE_CHECKING:
    pass

__all__ = ["QueueItem", "ReviewQueue", "ReviewDoc", "Segment", "neighbours", "queue", "review_document"]





_REVIEWED = ("EXISTS (SELECT 1 FROM decision_hits h WHERE h.locator = s.locator AND h.document_ord = doc.ord "
             "AND h.kind = 'document' AND h.action = 'confirm')")


@dataclass
class QueueItem:
    page_id: int
    ord: int
    document_id: int
    kind: str
    title: str
    date: str | None
    n_events: int
    reviewed: bool
    reviewed_by: str | None
    reviewed_at: str | None


@dataclass
class ReviewQueue:
    items: list[QueueItem]
    total: int  # documents in the store that can be reviewed
    reviewed: int
    matching: int  # documents matching the filters
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def queue(db: Conn, *, status: str = "unreviewed", country: str | None = None, type: str | None = None,
          doubtful: bool = False, limit: int = 50, offset: int = 0) -> ReviewQueue:
    """Documents to review, oldest stored first. ``status``: unreviewed, reviewed or all;
    ``country`` (ISO3 on an event's side), ``type`` (an event type of the document);
    ``doubtful``: an event without a date or a person without a country."""
    con = connection(db)
    if status not in ("unreviewed", "reviewed", "all"):
        raise StoreError(f"status must be unreviewed, reviewed or all, got {status!r}")
    base = "FROM documents doc JOIN sources s ON s.id = doc.source_id JOIN page_records p ON p.locator = s.locator"
    w = Where()
    if status != "all":
        w.add(_REVIEWED if status == "reviewed" else "NOT " + _REVIEWED)
    if country:
        w.add("EXISTS (SELECT 1 FROM event_reports r JOIN event_actors a ON a.report_id = r.id "
              "WHERE r.document_id = doc.id AND a.iso3 = ?)", country.upper())
    w.add_if(type, "EXISTS (SELECT 1 FROM event_reports r JOIN events e ON e.id = r.event_id "
                   "WHERE r.document_id = doc.id AND e.type = ?)", type)
    if doubtful:
        w.add("(EXISTS (SELECT 1 FROM event_reports r WHERE r.document_id = doc.id AND r.precision IS NULL) "
              "OR EXISTS (SELECT 1 FROM mentions m JOIN people pe ON pe.id = m.person_id "
              "WHERE m.document_id = doc.id AND pe.country IS NULL))")
    total = named(con, f"SELECT count(*) AS n {base}")[0]["n"]
    reviewed = named(con, f"SELECT count(*) AS n {base} WHERE {_REVIEWED}")[0]["n"]
    matching = named(con, f"SELECT count(*) AS n {base}{w.sql}", w.params)[0]["n"]
    rows = named(
        con, f"SELECT p.id AS page_id, doc.ord, doc.id AS document_id, doc.kind, doc.title, doc.date, "
        f"(SELECT count(*) FROM event_reports r WHERE r.document_id = doc.id) AS n_events, {_REVIEWED} AS reviewed, "
        f"s.locator {base}{w.sql} ORDER BY s.id, doc.ord LIMIT ? OFFSET ?", (*w.params, limit, offset))
    items = []
    for r in rows:
        by = at = None
        if r["reviewed"]:
            hit = named(
                con, "SELECT d.author, d.created_at FROM decision_hits h JOIN decisions d ON d.id = h.decision_id "
                "WHERE h.locator = ? AND h.document_ord = ? AND h.kind = 'document' AND h.action = 'confirm' "
                "ORDER BY d.created_at DESC LIMIT 1", (r["locator"], r["ord"]))
            by, at = (hit[0]["author"], hit[0]["created_at"]) if hit else (None, None)
        items.append(QueueItem(r["page_id"], r["ord"], r["document_id"], r["kind"], r["title"], r["date"],
                               r["n_events"], bool(r["reviewed"]), by, at))
    return ReviewQueue(items, total, reviewed, matching, limit, offset)


def neighbours(db: Conn, page_id: int, ord_: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """``(page_id, ord)`` of the unreviewed documents before and after this one in queue order;
    the next one wraps around to the start of the queue."""
    con = connection(db)
    here = con.execute("SELECT s.id FROM page_records p JOIN sources s ON s.locator = p.locator WHERE p.id = ?",
                       (page_id,)).fetchone()
    if here is None:
        return None, None
    sid = here[0]
    base = ("SELECT p.id, doc.ord FROM documents doc JOIN sources s ON s.id = doc.source_id "
            f"JOIN page_records p ON p.locator = s.locator WHERE NOT {_REVIEWED} AND ")
    after = "(s.id > ?1 OR (s.id = ?1 AND doc.ord > ?2))"
    before = "(s.id < ?1 OR (s.id = ?1 AND doc.ord < ?2))"
    prev = con.execute(base + before + " ORDER BY s.id DESC, doc.ord DESC LIMIT 1", (sid, ord_)).fetchone()
    nxt = con.execute(base + after + " ORDER BY s.id, doc.ord LIMIT 1", (sid, ord_)).fetchone() or \
        con.execute(base + before + " ORDER BY s.id, doc.ord LIMIT 1", (sid, ord_)).fetchone()
    return (tuple(prev) if prev else None), (tuple(nxt) if nxt else None)  # type: ignore[return-value]


@dataclass
class Segment:
    """A run of the document's text and what covers it (indexes into the item lists)."""
    text: str
    start: int
    events: list[int] = field(default_factory=list)
    facts: list[int] = field(default_factory=list)
    person: bool = False


@dataclass
class ReviewDoc:
    page_id: int
    ord: int
    locator: str
    document_id: int | None  # the stored document (the dashboard's page), None if not stored
    key: dict[str, Any]
    kind: str
    title: str
    year: int | None
    start: int
    end: int
    reviewed: dict[str, Any]  # the document's review state (status, author, at)
    events: list[dict[str, Any]]
    people: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    segments: list[Segment]
    decisions: list[DecisionRow]
    extractor: str | None
    n_documents: int  # on the page

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _segments(text: str, start: int, end: int, events: list[dict[str, Any]], facts: list[dict[str, Any]],
              people: list[dict[str, Any]]) -> list[Segment]:
    marks: set[int] = {start, end}
    covers: list[tuple[str, int, int, int]] = []
    for i, e in enumerate(events):
        s, t = int(e["evidence"]["start"]), int(e["evidence"]["end"])
        covers.append(("e", i, s, t))
    for i, f in enumerate(facts):
        num = f.get("number") or f["evidence"]
        covers.append(("f", i, int(num["start"]), int(num["end"])))
    for p in people:
        for m in p.get("mentions") or []:
            covers.append(("p", 0, int(m["start"]), int(m["end"])))
    for _, _, s, t in covers:
        if start <= s < end:
            marks.add(s)
        if start < t <= end:
            marks.add(t)
    bounds = sorted(marks)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg = Segment(text[a:b], a)
        for what, i, s, t in covers:
            if s <= a and b <= t:
                if what == "e":
                    seg.events.append(i)
                elif what == "f":
                    seg.facts.append(i)
                else:
                    seg.person = True
        out.append(seg)
    return out


def review_document(db: Conn, page_id: int, ord_: int) -> ReviewDoc | None:
    """One document of a stored page, curated, with rejected items kept and flagged."""
    con = connection(db)
    row = con.execute("SELECT locator FROM page_records WHERE id=?", (page_id,)).fetchone()
    if row is None:
        return None
    loc = row[0]
    raw = load_raw(con, loc)
    if raw is None or not 0 <= ord_ < len(raw.get("documents") or []):
        return None
    cur = apply(raw, _page_decisions(con, loc), loc, keep_rejected=True).record
    d = cur["documents"][ord_]
    text = raw.get("text") or ""
    start, end = int(d["start"]), int(d["end"])
    stored = con.execute("SELECT doc.id FROM documents doc JOIN sources s ON s.id = doc.source_id "
                         "WHERE s.locator = ? AND doc.ord = ?", (loc, ord_)).fetchone()
    people = list(d.get("people") or [])
    names = {p["name"] for p in people} | {p["key"]["name"] for p in people}

    def here(x: DecisionRow) -> bool:
        t = x.target
        if x.kind == "document":
            return bool(t.get("ord") == ord_)
        if x.kind == "person":
            return t["name"] in names and t.get("locator") in (None, loc)
        return start <= int(t["start"]) < end

    mine = [x for x in decisions(con, locator=loc) + decisions(con, kind="person") if here(x)]
    mine = sorted({x.id: x for x in mine}.values(), key=lambda x: (x.created_at, x.id))
    return ReviewDoc(page_id=page_id, ord=ord_, locator=loc, document_id=stored[0] if stored else None, key=d["key"],
                     kind=d.get("kind") or "article", title=d.get("title") or "", year=d.get("year"), start=start,
                     end=end, reviewed=d.get("review") or {}, events=d.get("events") or [], people=people,
                     facts=d.get("facts") or [],
                     segments=_segments(text, start, end, d.get("events") or [], d.get("facts") or [], people),
                     decisions=mine, extractor=raw.get("extractor"), n_documents=len(cur["documents"]))
