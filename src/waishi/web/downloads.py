"""Downloads of the dashboard's list pages: ``/download/<list>.csv`` and ``.json``.

Each takes exactly the query string of its page (the same parameter classes), so a
link built from the page's own query downloads the filtered view: every matching row
up to ``limit`` (10,000 by default), not only the page on screen. CSV cells follow
``waishi.csvout`` (integers as integers, formula-leading text escaped); ``bom=1``
starts the file with a byte-order mark so Excel reads the Chinese as UTF-8.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from ..api.deps import DB
from ..api.models import DocKind, EventFilters, Iso3
from ..api.present import event_items
from ..api.views import FactFilters, fact_rows
from ..csvout import rows_to_csv
from ..numfmt import human
from ..store.rows import MAX_LIMIT

__all__ = ["router"]

router = APIRouter(prefix="/download", tags=["downloads"])
Fmt = Annotated[str, Path(pattern=r"^(csv|json)$", description="csv or json")]


@dataclass
class Rows:
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows at most (all that match, up to this).")] = \
        MAX_LIMIT
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0
    bom: Annotated[bool, Query(description="CSV: start with a UTF-8 byte-order mark (for Excel).")] = False


def _plain(v: Any) -> Any:
    if hasattr(v, "to_dict"):
        return v.to_dict()
    return v


def _send(name: str, fmt: str, rows: Iterable[dict[str, Any]], bom: bool) -> Response:
    data = list(rows)
    disposition = {"Content-Disposition": f'attachment; filename="waishi-{name}.{fmt}"'}
    if fmt == "json":
        return Response(json.dumps(data, ensure_ascii=False, indent=1), media_type="application/json",
                        headers=disposition)
    fields = list(data[0]) if data else None
    return Response(rows_to_csv(data, bom=bom, fieldnames=fields), media_type="text/csv; charset=utf-8",
                    headers=disposition)


@router.get("/events.{fmt}", summary="Events matching the filters of /events")
def events(db: DB, fmt: Fmt, f: Annotated[EventFilters, Depends()], r: Annotated[Rows, Depends()]) -> Response:
    res = db.events(**f.kwargs(), limit=r.limit, offset=r.offset)
    return _send("events", fmt, (_plain(e) for e in event_items(db, res.items)), r.bom)


@router.get("/facts.{fmt}", summary="Figures matching the filters of /facts")
def facts(db: DB, fmt: Fmt, f: Annotated[FactFilters, Depends()], r: Annotated[Rows, Depends()]) -> Response:
    res = fact_rows(db, f, r.limit, r.offset)

    def row(x: Any) -> dict[str, Any]:
        d = x.to_dict()
        d["value_human"] = human(x.value)
        return d

    return _send("figures", fmt, (row(x) for x in res.items), r.bom)


@router.get("/people.{fmt}", summary="People matching the filters of /people")
def people(db: DB, fmt: Fmt, r: Annotated[Rows, Depends()],
           name: Annotated[str | None, Query(max_length=100)] = None, country: Iso3 = None) -> Response:
    res = db.people(name or None, country=country, limit=r.limit, offset=r.offset)
    if fmt == "json":
        return _send("people", fmt, (p.to_dict() for p in res.items), r.bom)
    return _send("people", fmt, ({"id": p.id, "name": p.name, "latin": p.latin, "country": p.country,
                                  "first_seen": p.first_seen, "last_seen": p.last_seen, "n_documents": p.n_documents,
                                  "n_events": p.n_events,
                                  "titles": [f"{t.title} ({t.first_seen}..{t.last_seen})" for t in p.titles]}
                                 for p in res.items), r.bom)


@router.get("/search.{fmt}", summary="Documents matching the search of /search")
def search(db: DB, fmt: Fmt, r: Annotated[Rows, Depends()], q: Annotated[str, Query(max_length=200)] = "",
           kind: DocKind | None = None) -> Response:
    if not q.strip():
        raise HTTPException(422, "q: search text is empty")
    res = db.search(q, kind=kind.value if kind else None, limit=r.limit, offset=r.offset)
    return _send("search", fmt, (h.to_dict() for h in res.items), r.bom)
