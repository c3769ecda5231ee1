"""The JSON API under /api: thin handlers over the store's query and view functions.

Each handler validates its parameters (models.py), calls one store function and
wraps the result; lists come as ``{items, limit, offset, has_more, next}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..model import FACT_METRICS
from ..resolve import CountryResolver
from ..store import (
    EventDetail,
    EventRow,
    FactRow,
    FigureDetail,
    PersonDetail,
    PersonRow,
    Results,
    SearchHit,
    Stats,
    Store,
)
from ..store import events as q_events
from ..store import facts as q_facts
from ..store import figure as q_figure
from ..store import people as q_people
from ..store import person as q_person
from ..store import search as q_search
from ..store import stats as q_stats
from ..store import views as V
from ..store.query import REPORTS_SHOWN, Report
from ..store.query import event as q_event
from ..store.query import event_reports as q_event_reports
from ..store.relations import OfficesReport, PairRelations, PersonOffice, RelationsReport, person_offices
from ..store.relations import offices as q_offices
from ..store.relations import relations as q_relations
from .app import Context, get_ctx, get_db
from .models import (
    MAX_COUNT,
    MAX_PAGE,
    Bucket,
    Day,
    DocKind,
    ErrorResponse,
    EventFilters,
    EventTypeParam,
    GraphKind,
    Iso3,
    ItemId,
    Page,
    Paging,
)

__all__ = ["router", "EventItem", "FactFilters", "country_relations", "next_url", "event_items"]

router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": ErrorResponse, "description": "The store refused the request"},
    422: {"model": ErrorResponse, "description": "A parameter is malformed"},
})

DB = Annotated[Store, Depends(get_db)]
Ctx = Annotated[Context, Depends(get_ctx)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse, "description": "No such item"}}


@dataclass
class EventItem(EventRow):
    """An event with where its evidence sentence is: ``/documents/<document_id>#s-<evidence_start>``."""
    evidence_start: int | None = None
    evidence_end: int | None = None


def event_items(db: Store, rows: list[EventRow]) -> list[EventItem]:
    where = V.anchors(db, [e.id for e in rows])
    out = []
    for e in rows:
        a = where.get(e.id)
        out.append(EventItem(**e.__dict__, evidence_start=a[1] if a else None, evidence_end=a[2] if a else None))
    return out


def next_url(request: Request, res: Results[Any]) -> str | None:
    if not res.has_more:
        return None
    return str(request.url.include_query_params(offset=res.offset + res.limit, limit=res.limit))


def _page(request: Request, res: Results[Any], items: list[Any] | None = None) -> dict[str, Any]:
    return {"items": res.items if items is None else items, "limit": res.limit, "offset": res.offset,
            "has_more": res.has_more, "next": next_url(request, res)}


@router.get("", summary="What the API offers")
def index(request: Request) -> dict[str, Any]:
    base = str(request.base_url).rstrip("/")
    names = ("stats", "overview", "events", "people", "facts", "documents", "search?q=", "graph", "timeline",
             "countries", "relations", "offices")
    return {"ok": True, "docs": f"{base}/docs", "openapi": f"{base}/openapi.json",
            "endpoints": {n.split("?")[0]: f"{base}/api/{n}" for n in names}}


@router.get("/stats", response_model=Stats, summary="Counts of everything")
def stats(ctx: Ctx, db: DB) -> Any:
    return ctx.cache.get(("stats",), lambda: q_stats(db))


@router.get("/overview", response_model=V.Overview, summary="Counts, events over time, top partners, latest events")
def overview(ctx: Ctx, db: DB, bucket: Bucket = Bucket.month) -> Any:
    return ctx.cache.get(("overview", bucket.value), lambda: V.overview(db, bucket=bucket.value))


@router.get("/events", response_model=Page[EventItem], summary="Events, newest first")
def events(request: Request, db: DB, f: Annotated[EventFilters, Depends()], p: Annotated[Paging, Depends()]) -> Any:
    res = q_events(db, **f.kwargs(), limit=p.limit, offset=p.offset)
    return _page(request, res, event_items(db, res.items))


@dataclass
class EventOut(EventDetail):
    """An event with its first reports; ``reports_next`` is the URL of the rest (or null)."""
    reports_next: str | None = None


def reports_url(request: Request, event_id: int, offset: int, limit: int = 50) -> str:
    return str(request.url_for("event_reports", event_id=str(event_id)).include_query_params(offset=offset,
                                                                                             limit=limit))


@router.get("/events/{event_id}", response_model=EventOut, responses=NOT_FOUND,
            summary=f"One event: actors, its first {REPORTS_SHOWN} reports with their sentences, a link to the rest")
def event(request: Request, db: DB, event_id: ItemId) -> Any:
    got = q_event(db, event_id)
    if got is None:
        raise HTTPException(404, f"no event {event_id}")
    more = reports_url(request, event_id, len(got.reports)) if got.more_reports else None
    return EventOut(**got.__dict__, reports_next=more)


@router.get("/events/{event_id}/reports", response_model=Page[Report], responses=NOT_FOUND,
            summary="Every report of one event, a page at a time")
def event_reports(request: Request, db: DB, event_id: ItemId, p: Annotated[Paging, Depends()]) -> Any:
    res = q_event_reports(db, event_id, limit=p.limit, offset=p.offset)
    if not res.items and p.offset == 0 and q_event(db, event_id, reports_limit=1) is None:
        raise HTTPException(404, f"no event {event_id}")
    return _page(request, res)


@router.get("/people", response_model=Page[PersonRow], summary="People, the most documented first")
def people(request: Request, db: DB, p: Annotated[Paging, Depends()],
           name: Annotated[str | None, Query(max_length=100, description="Name or part of it (Chinese or Latin).")]
           = None, country: Annotated[Iso3, Query(description="ISO3 code.")] = None) -> Any:
    return _page(request, q_people(db, name or None, country=country, limit=p.limit, offset=p.offset))


@dataclass
class PersonOut:
    detail: PersonDetail
    counterparts: list[V.Counterpart]
    offices: list[PersonOffice] = field(default_factory=list)  # offices held over time (lexicon and pages)


@router.get("/people/{person_id}", response_model=PersonOut, responses=NOT_FOUND,
            summary="One person: titles over time, events, whom they met, sources")
def person(db: DB, person_id: ItemId) -> Any:
    got = q_person(db, person_id)
    if got is None:
        raise HTTPException(404, f"no person {person_id}")
    return PersonOut(got, V.counterparts(db, person_id), person_offices(db, person_id, got.person.name))


@dataclass
class FactFilters:
    """The filters of `waishi facts` (the dashboard's figures page and its downloads too)."""
    metric: Annotated[str | None, Query(pattern=r"^[a-z_]*$", max_length=40,
                                        description=f"One of {', '.join(FACT_METRICS)}.")] = None
    subject: Annotated[str | None, Query(max_length=50, description="A country (LAO, 老挝, Laos: matches 越老 "
                                                                    "too) or a place as written (广西).")] = None
    period: Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{4})?)?$", description="YYYY or YYYY-YYYY.")] = None
    unit: Annotated[str | None, Query(pattern=r"^[A-Za-z]*$", max_length=10, description="USD, VND ...")] = None
    kind: Annotated[str | None, Query(pattern=r"^(result|target|forecast)?$",
                                      description="result, target (力争, 目标) or forecast (有望, 预计).")] = None
    figure: Annotated[int | None, Query(ge=1, description="One figure (its id).")] = None

    def query(self, db: Store, limit: int, offset: int) -> Results[FactRow]:
        iso, written = None, self.subject or None
        if written:
            m = CountryResolver.default().resolve(written)
            if m is not None:
                iso, written = m.iso3, None
        return q_facts(db, metric=self.metric or None, subject=written, subject_iso3=iso,
                       period=self.period or None, unit=self.unit or None, kind=self.kind or None,
                       figure_id=self.figure, limit=limit, offset=offset)


@router.get("/facts", response_model=Page[FactRow],
            summary="Figures: trade, investment, aid, counts; one per real-world figure with its sources count")
def facts(request: Request, db: DB, p: Annotated[Paging, Depends()], f: Annotated[FactFilters, Depends()]) -> Any:
    return _page(request, f.query(db, p.limit, p.offset))


@router.get("/figures/{figure_id}", response_model=FigureDetail, responses=NOT_FOUND,
            summary="One figure with every page reporting it")
def figure(db: DB, figure_id: Annotated[int, Path(ge=1)]) -> Any:
    got = q_figure(db, figure_id)
    if got is None:
        raise HTTPException(404, f"no figure {figure_id}")
    return got


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search over documents")
def search(request: Request, db: DB, p: Annotated[Paging, Depends()],
           q: Annotated[str, Query(min_length=1, max_length=200, description="Words that must all occur.")],
           kind: DocKind | None = None) -> Any:
    if not q.strip():
        raise HTTPException(422, "q: search text is empty")
    res = q_search(db, q, kind=kind.value if kind else None, limit=p.limit, offset=p.offset)
    return _page(request, res)


@router.get("/documents", response_model=Page[V.DocumentRow], summary="Documents, newest first")
def documents(request: Request, db: DB, p: Annotated[Paging, Depends()], kind: DocKind | None = None,
              since: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None,
              until: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None) -> Any:
    return _page(request, V.documents(db, kind=kind.value if kind else None, since=since, until=until,
                                      limit=p.limit, offset=p.offset))


@router.get("/documents/{document_id}", response_model=V.DocumentView, responses=NOT_FOUND,
            summary="One document: its text and every mention, event and figure found in it (page offsets)")
def document(db: DB, document_id: ItemId) -> Any:
    got = V.document(db, document_id)
    if got is None:
        raise HTTPException(404, f"no document {document_id}")
    return got


@router.get("/timeline", response_model=list[V.Bucket], summary="Events counted by period and type")
def timeline(ctx: Ctx, db: DB, bucket: Bucket = Bucket.month,
             type: Annotated[EventTypeParam, Query(description="Event type.")] = None,
             country: Annotated[Iso3, Query(description="ISO3 code on either side.")] = None,
             since: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None,
             until: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None) -> Any:
    key = ("timeline", bucket.value, type, country, since, until)
    return ctx.cache.get(key, lambda: V.timeline(db, bucket=bucket.value, type=type, country=country, since=since,
                                                 until=until))


@router.get("/graph", response_model=V.Graph, summary="Who deals with whom: links weighted by events")
def graph(ctx: Ctx, db: DB, kind: GraphKind = GraphKind.country,
          type: Annotated[EventTypeParam, Query(description="Event type.")] = None,
          country: Annotated[Iso3, Query(description="Only events with this country (ISO3).")] = None,
          since: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None,
          until: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None,
          min_weight: Annotated[int, Query(ge=1, le=MAX_COUNT, description="Links of at least this many events.")] = 1,
          limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="The heaviest links.")] = 200) -> Any:
    key = ("graph", kind.value, type, country, since, until, min_weight, limit)
    g = ctx.cache.get(key, lambda: V.graph(db, kind=kind.value, type=type, country=country, since=since,
                                           until=until, min_weight=min_weight, limit=limit))
    if kind is GraphKind.country:
        for n in g.nodes:
            n.label = ctx.names.name(n.id)
    return g


@dataclass
class CountryItem(V.CountryRow):
    name: str = ""


@router.get("/countries", response_model=Page[CountryItem], summary="Countries on events, most frequent first")
def countries(request: Request, ctx: Ctx, db: DB, p: Annotated[Paging, Depends()]) -> Any:
    res = ctx.cache.get(("countries", p.limit, p.offset), lambda: V.countries(db, limit=p.limit, offset=p.offset))
    items = [CountryItem(**c.__dict__, name=ctx.names.name(c.iso3)) for c in res.items]
    return _page(request, res, items)


@dataclass
class CountryOut:
    name: str
    summary: V.CountrySummary
    relations: PairRelations | None = None  # its tier with Vietnam: current, since, history, sources


def country_relations(ctx: Context, db: Store, iso3: str) -> PairRelations | None:
    """The pair (Vietnam, ``iso3``): current tier (the latest upgrade) and its history."""
    code = iso3.upper()
    if code == "VNM":
        return None

    def build() -> PairRelations | None:
        rep = q_relations(db, country=code)
        return next((p for p in rep.pairs if "VNM" in p.countries), None)

    got: PairRelations | None = ctx.cache.get(("relations", code), build)
    return got


def country_summary(ctx: Context, db: Store, iso3: str, bucket: str = "year") -> V.CountrySummary | None:
    code = iso3.upper()
    return ctx.cache.get(("country", code, bucket), lambda: V.country(db, code, names=ctx.names.written(code),
                                                                       bucket=bucket))


@router.get("/countries/{iso3}", response_model=CountryOut, responses=NOT_FOUND,
            summary="One country: events over time, partners, people, figures")
def country(ctx: Ctx, db: DB, iso3: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$")],
            bucket: Bucket = Bucket.year) -> Any:
    got = country_summary(ctx, db, iso3, bucket.value)
    if got is None:
        raise HTTPException(404, f"no event or person of country {iso3.upper()}")
    return CountryOut(ctx.names.name(got.iso3), got, country_relations(ctx, db, got.iso3))


@router.get("/relations", response_model=RelationsReport,
            summary="Tiers between countries: the current tier (the latest upgrade), since when, source, history")
def relations(db: DB, country: Annotated[Iso3, Query(description="A country (ISO3, Chinese or English name): "
                                                                  "only its pairs.")] = None,
              conflicts: Annotated[bool, Query(description="Also what pages and the lexicon disagree on.")] = False
              ) -> Any:
    return q_relations(db, country=country, conflicts=conflicts)


@router.get("/offices", response_model=OfficesReport, summary="Who held which office at a date")
def offices(db: DB, at: Annotated[Day, Query(description="YYYY[-MM[-DD]]; default today.")] = None,
            country: Annotated[Iso3, Query(description="Only this country's offices.")] = None,
            office: Annotated[str | None, Query(max_length=60, pattern=r"^[A-Za-z_.]*$",
                                                description="An office key: VNM.prime_minister or prime_minister.")]
            = None) -> Any:
    return q_offices(db, at=at, country=country, office=office or None)
