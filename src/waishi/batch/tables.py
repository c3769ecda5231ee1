"""The batch dataset's tables: Arrow schemas, and extraction records -> rows.

``pages`` keeps, per page, everything ``Writer.put`` is given by ``ingest``
(locator, path, url, published, title, encoding, content hash) and the full
serialised record (``record``, JSON), so ``load`` stores exactly what ``ingest``
would. ``documents``, ``events``, ``people`` and ``facts`` are flat views of the
same records for reading the dataset directly (DuckDB, pandas, Spark);
``errors`` holds the pages and files that could not be read or extracted.
Every row carries its ``shard`` and the page's position in it (``ord``/``page_ord``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

__all__ = ["SCHEMAS", "TABLE_NAMES", "flat_rows"]

_S = pa.string()
_I = pa.int32()
_L = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "pages": pa.schema([
        ("shard", _S), ("ord", _I), ("locator", _S), ("path", _S), ("url", _S), ("published", _S),
        ("title", _S), ("encoding", _S), ("content_hash", _S), ("length", _I), ("n_documents", _I),
        ("record", pa.large_string()),
    ]),
    "documents": pa.schema([
        ("shard", _S), ("page_ord", _I), ("locator", _S), ("url", _S), ("path", _S), ("published", _S),
        ("doc_ord", _I), ("kind", _S), ("title", _S), ("year", _I), ("year_evidence", _S), ("start", _I),
        ("end", _I), ("n_events", _I), ("n_people", _I), ("n_facts", _I),
    ]),
    "events": pa.schema([
        ("shard", _S), ("page_ord", _I), ("locator", _S), ("url", _S), ("published", _S), ("doc_ord", _I),
        ("type", _S), ("date", _S), ("date_end", _S), ("source", _L), ("target", _L), ("source_iso3", _L),
        ("target_iso3", _L), ("location", _S), ("trigger", _S), ("visit_kind", _S), ("caption", pa.bool_()),
        ("plover", _S), ("plover_mode", _S), ("cameo", _S), ("evidence", _S), ("start", _I), ("end", _I),
    ]),
    "people": pa.schema([
        ("shard", _S), ("page_ord", _I), ("locator", _S), ("url", _S), ("doc_ord", _I), ("name", _S),
        ("latin", _S), ("country", _S), ("titles", _L), ("offices", _L), ("n_mentions", _I), ("evidence", _S),
    ]),
    "facts": pa.schema([
        ("shard", _S), ("page_ord", _I), ("locator", _S), ("url", _S), ("doc_ord", _I), ("metric", _S),
        ("value", pa.float64()), ("unit", _S), ("period", _S), ("growth_pct", pa.float64()), ("subject", _L),
        ("counted", _S), ("qualifier", _S), ("number", _S), ("evidence", _S), ("start", _I), ("end", _I),
    ]),
    "errors": pa.schema([("shard", _S), ("ord", _I), ("path", _S), ("reason", _S)]),
}
TABLE_NAMES = tuple(SCHEMAS)


def _opt(v: Any) -> str | None:
    return None if v is None else str(v)


def _span_text(text: str, span: Mapping[str, Any] | None) -> str | None:
    if not span:
        return None
    return text[int(span["start"]):int(span["end"])]


def flat_rows(shard: str, ord_: int, page: Mapping[str, Any], rec: Mapping[str, Any],
              out: Mapping[str, list[dict[str, Any]]]) -> None:
    """Append the documents, events, people and facts rows of one page's record to ``out``."""
    text = rec["text"]
    base = {"shard": shard, "page_ord": ord_, "locator": page["locator"], "url": page["url"]}
    for d_ord, doc in enumerate(rec.get("documents") or []):
        events, people, facts = doc.get("events") or [], doc.get("people") or [], doc.get("facts") or []
        out["documents"].append({
            **base, "path": page["path"], "published": page["published"], "doc_ord": d_ord, "kind": doc.get("kind"),
            "title": doc.get("title"), "year": doc.get("year"), "year_evidence": _opt(doc.get("year_evidence")),
            "start": doc["start"], "end": doc["end"], "n_events": len(events), "n_people": len(people),
            "n_facts": len(facts)})
        for ev in events:
            evd = ev.get("evidence") or {}
            out["events"].append({
                **base, "published": page["published"], "doc_ord": d_ord, "type": ev["type"], "date": ev.get("date"),
                "date_end": ev.get("date_end"), "source": list(ev.get("source") or []),
                "target": list(ev.get("target") or []), "source_iso3": list(ev.get("source_iso3") or []),
                "target_iso3": list(ev.get("target_iso3") or []), "location": ev.get("location"),
                "trigger": ev.get("trigger"), "visit_kind": ev.get("visit_kind"),
                "caption": bool(ev.get("caption")), "plover": ev.get("plover"), "plover_mode": ev.get("plover_mode"),
                "cameo": ev.get("cameo"), "evidence": _span_text(text, evd), "start": evd.get("start"),
                "end": evd.get("end")})
        for p in people:
            ev_spans = p.get("evidence") or []
            out["people"].append({
                **base, "doc_ord": d_ord, "name": p["name"], "latin": p.get("latin"), "country": p.get("country"),
                "titles": list(p.get("titles") or []), "offices": list(p.get("offices") or []),
                "n_mentions": len(p.get("mentions") or []),
                "evidence": _span_text(text, ev_spans[0]) if ev_spans else None})
        for f in facts:
            evd = f.get("evidence") or {}
            out["facts"].append({
                **base, "doc_ord": d_ord, "metric": f["metric"], "value": float(f["value"]), "unit": f.get("unit"),
                "period": _opt(f.get("period")), "growth_pct": f.get("growth_pct"),
                "subject": [str(s) for s in f.get("subject") or []], "counted": f.get("counted"),
                "qualifier": f.get("qualifier"), "number": _span_text(text, f.get("number")),
                "evidence": _span_text(text, evd), "start": evd.get("start"), "end": evd.get("end")})
