"""Presentation shared by the JSON API and the HTML pages: list pages and their ``next``
links, events with where their evidence sentence is, country names on rows and graphs.

The JSON routes return these objects; the pages render them. Neither side formats on its
own, so a page and its JSON twin show the same things.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from ..store import EventRow, Results, Store
from ..store import views as V
from .names import CountryNames

__all__ = ["EventItem", "event_items", "next_url", "page", "json_twin", "CountryItem", "country_items",
           "label_graph"]


@dataclass
class EventItem(EventRow):
    """An event with where its evidence sentence is: ``/documents/<document_id>#s-<evidence_start>``."""
    evidence_start: int | None = None
    evidence_end: int | None = None


def event_items(db: Store, rows: list[EventRow]) -> list[EventItem]:
    where = db.anchors([e.id for e in rows])
    out = []
    for e in rows:
        a = where.get(e.id)
        out.append(EventItem(**e.__dict__, evidence_start=a[1] if a else None, evidence_end=a[2] if a else None))
    return out


def next_url(request: Request, res: Results[Any]) -> str | None:
    """The URL of the page after ``res`` (the request's own query, offset moved on), or None."""
    if not res.has_more:
        return None
    return str(request.url.include_query_params(offset=res.offset + res.limit, limit=res.limit))


def page(request: Request, res: Results[Any], items: list[Any] | None = None) -> dict[str, Any]:
    """A list as the API gives it: ``{items, limit, offset, has_more, next}``."""
    return {"items": res.items if items is None else items, "limit": res.limit, "offset": res.offset,
            "has_more": res.has_more, "next": next_url(request, res)}


def json_twin(request: Request, path: str) -> str:
    """The JSON twin of the page at ``request``: ``path`` with the same query string."""
    q = request.url.query
    return path + (f"?{q}" if q else "")


@dataclass
class CountryItem(V.CountryRow):
    name: str = ""


def country_items(names: CountryNames, rows: list[V.CountryRow]) -> list[CountryItem]:
    return [CountryItem(**c.__dict__, name=names.name(c.iso3)) for c in rows]


def label_graph(names: CountryNames, g: V.Graph, kind: str) -> dict[str, str]:
    """Node id -> label: a country's name in the reader's words, a person's as stored."""
    return {n.id: (names.name(n.id) if kind == "country" else n.label) for n in g.nodes}
