"""The JSON API under /api: thin handlers over the views (views.py) and the store.

Each resource with a page shares its parameter class and view with that page
(web/pages.py); lists come as ``{items, limit, offset, has_more, next}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..store import EventDetail, FactRow, FigureDetail, PersonRow, SearchHit, Stats
from ..store import views as V
from ..store.query import REPORTS_SHOWN, Report
from ..store.relations_read import OfficesReport, RelationsReport
from . import views
from .deps import DB, Ctx
from .models import (
    ApiSearchParams,
    Bucket,
    CountriesParams,
    CountryParams,
    Day,
    DocumentsParams,
    ErrorResponse,
    EventParams,
    EventsParams,
    EventTypeParam,
    FactsParams,
    GraphKind,
    GraphParams,
    Iso3,
    ItemId,
    OverviewParams,
    Page,
    Paging,
    PeopleParams,
)
from .present import CountryItem, EventItem, page

__all__ = ["router", "EventOut", "CountryOut", "PersonOut", "GRAPH_LIMIT", "COUNTRIES_LIMIT"]

router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": ErrorResponse, "description": "The store refused the request"},
    422: {"model": ErrorResponse, "description": "A parameter is malformed"},
})

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse, "description": "No such item"}}
GRAPH_LIMIT = 200  # links when the request names no limit
COUNTRIES_LIMIT = 50  # countries per page when the request names no limit
PersonOut = views.PersonData
CountryOut = views.CountryData


@router.get("", summary="What the API offers")
def index(request: Request) -> dict[str, Any]:
    base = str(request.base_url).rstrip("/")
    names = ("stats", "overview", "events", "people", "facts", "documents", "search?q=", "graph", "timeline",
             "countries", "relations", "offices")
    return {"ok": True, "docs": f"{base}/docs", "openapi": f"{base}/openapi.json",
            "endpoints": {n.split("?")[0]: f"{base}/api/{n}" for n in names}}


@router.get("/stats", response_model=Stats, summary="Counts of everything")
def stats(ctx: Ctx, db: DB) -> Any:
    return ctx.cache.get(("stats",), lambda: db.stats())


@router.get("/overview", response_model=V.Overview, summary="Counts, events over time, top partners, latest events")
def overview(ctx: Ctx, db: DB, q: Annotated[OverviewParams, Depends()]) -> Any:
    return views.overview(ctx, db, q)


@router.get("/events", response_model=Page[EventItem], summary="Events, newest first")
def events(request: Request, db: DB, q: Annotated[EventsParams, Depends()]) -> Any:
    got = views.events(request, db, q)
    return page(request, got.res, got.items)


@dataclass
class EventOut(EventDetail):
    """An event with its first reports; ``reports_next`` is the URL of the rest (or null)."""
    reports_next: str | None = None


def reports_url(request: Request, event_id: int, offset: int, limit: int = 50) -> str:
    return str(request.url_for("event_reports", event_id=str(event_id)).include_query_params(offset=offset,
                                                                                             limit=limit))


@router.get("/events/{event_id}", response_model=EventOut, responses=NOT_FOUND,
            summary=f"One event: actors, its first {REPORTS_SHOWN} reports with their sentences, a link to the rest")
def event(request: Request, db: DB, event_id: ItemId, q: Annotated[EventParams, Depends()]) -> Any:
    got = views.event(db, event_id, q).detail
    more = reports_url(request, event_id, q.offset + len(got.reports)) if got.more_reports else None
    return EventOut(**got.__dict__, reports_next=more)


@router.get("/events/{event_id}/reports", response_model=Page[Report], responses=NOT_FOUND,
            summary="Every report of one event, a page at a time")
def event_reports(request: Request, db: DB, event_id: ItemId, p: Annotated[Paging, Depends()]) -> Any:
    res = db.event_reports(event_id, limit=p.limit, offset=p.offset)
    if not res.items and p.offset == 0 and db.event(event_id, reports_limit=1) is None:
        raise HTTPException(404, f"no event {event_id}")
    return page(request, res)


@router.get("/people", response_model=Page[PersonRow], summary="People, the most documented first")
def people(request: Request, db: DB, q: Annotated[PeopleParams, Depends()]) -> Any:
    return page(request, views.people(request, db, q).res)


@router.get("/people/{person_id}", response_model=PersonOut, responses=NOT_FOUND,
            summary="One person: titles over time, events, whom they met, sources")
def person(db: DB, person_id: ItemId) -> Any:
    return views.person(db, person_id)


@router.get("/facts", response_model=Page[FactRow],
            summary="Figures: trade, investment, aid, counts; one per real-world figure with its sources count")
def facts(request: Request, db: DB, q: Annotated[FactsParams, Depends()]) -> Any:
    return page(request, views.facts(request, db, q).res)


@router.get("/figures/{figure_id}", response_model=FigureDetail, responses=NOT_FOUND,
            summary="One figure with every page reporting it")
def figure(db: DB, figure_id: Annotated[int, Path(ge=1)]) -> Any:
    got = db.figure(figure_id)
    if got is None:
        raise HTTPException(404, f"no figure {figure_id}")
    return got


def _plain_snippet(hit: SearchHit) -> SearchHit:
    hit.snippet = hit.snippet.replace(views.SEARCH_MARK[0], "«").replace(views.SEARCH_MARK[1], "»")
    return hit


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search over documents")
def search(request: Request, db: DB, q: Annotated[ApiSearchParams, Depends()]) -> Any:
    got = views.search(request, db, q)
    if got.res is None:
        raise HTTPException(422, "q: search text is empty")
    return page(request, got.res, [_plain_snippet(h) for h in got.res.items])


@router.get("/documents", response_model=Page[V.DocumentRow], summary="Documents, newest first")
def documents(request: Request, db: DB, q: Annotated[DocumentsParams, Depends()]) -> Any:
    return page(request, views.documents(request, db, q).res)


@router.get("/documents/{document_id}", response_model=V.DocumentView, responses=NOT_FOUND,
            summary="One document: its text and every mention, event and figure found in it (page offsets)")
def document(db: DB, document_id: ItemId) -> Any:
    return views.document(db, document_id)


@router.get("/timeline", response_model=list[V.Bucket], summary="Events counted by period and type")
def timeline(ctx: Ctx, db: DB, bucket: Bucket = Bucket.month,
             type: Annotated[EventTypeParam, Query(description="Event type.")] = None,
             country: Annotated[Iso3, Query(description="ISO3 code on either side.")] = None,
             since: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None,
             until: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None) -> Any:
    key = ("timeline", bucket.value, type, country, since, until)
    return ctx.cache.get(key, lambda: db.timeline(bucket=bucket.value, type=type, country=country, since=since,
                                                  until=until))


@router.get("/graph", response_model=V.Graph, summary="Who deals with whom: links weighted by events")
def graph(ctx: Ctx, db: DB, q: Annotated[GraphParams, Depends()]) -> Any:
    g = views.graph(ctx, db, q, GRAPH_LIMIT)
    if q.kind is GraphKind.country:
        for n in g.nodes:
            n.label = ctx.names.name(n.id)
    return g


@router.get("/countries", response_model=Page[CountryItem], summary="Countries on events, most frequent first")
def countries(request: Request, ctx: Ctx, db: DB, q: Annotated[CountriesParams, Depends()]) -> Any:
    got = views.countries(ctx, db, q, COUNTRIES_LIMIT)
    return page(request, got.res, got.items)


@router.get("/countries/{iso3}", response_model=CountryOut, responses=NOT_FOUND,
            summary="One country: events over time, partners, people, figures")
def country(ctx: Ctx, db: DB, iso3: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$")],
            q: Annotated[CountryParams, Depends()]) -> Any:
    return views.country(ctx, db, iso3, q)


@router.get("/relations", response_model=RelationsReport,
            summary="Tiers between countries: the current tier (the latest upgrade), since when, source, history")
def relations(db: DB, country: Annotated[Iso3, Query(description="A country (ISO3, Chinese or English name): "
                                                                  "only its pairs.")] = None,
              conflicts: Annotated[bool, Query(description="Also what pages and the lexicon disagree on.")] = False
              ) -> Any:
    return db.relations(country=country, conflicts=conflicts)


@router.get("/offices", response_model=OfficesReport, summary="Who held which office at a date")
def offices(db: DB, at: Annotated[Day, Query(description="YYYY[-MM[-DD]]; default today.")] = None,
            country: Annotated[Iso3, Query(description="Only this country's offices.")] = None,
            office: Annotated[str | None, Query(max_length=60, pattern=r"^[A-Za-z_.]*$",
                                                description="An office key: VNM.prime_minister or prime_minister.")]
            = None) -> Any:
    return db.offices(at=at, country=country, office=office or None)
