"""One view per resource, shared by its JSON route (api/routes.py) and its HTML page
(web/pages.py), in the manner of datasette: each resource has one parameter class
(a dataclass FastAPI reads the query string into) and one function that reads the store
and returns a data object. The JSON route returns the object; the page renders it. Both
routes take the same parameter class, so a filter cannot exist on one twin only
(tests/test_api_views.py checks every pair).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import HTTPException, Request

from ..resolve import CountryResolver
from ..store import (
    EventDetail,
    EventRow,
    FactRow,
    PersonDetail,
    PersonRow,
    Results,
    SearchHit,
    Store,
)
from ..store import views as V
from ..store.query import REPORTS_SHOWN, Report
from ..store.relations_read import PairRelations, PersonOffice
from .deps import Context
from .models import (
    CountriesParams,
    CountryParams,
    DocumentsParams,
    EventParams,
    EventsParams,
    FactFilters,
    FactsParams,
    GraphParams,
    OverviewParams,
    PeopleParams,
    SearchParams,
)
from .present import CountryItem, EventItem, country_items, event_items, next_url

__all__ = [
    "overview", "EventsData", "events", "EventData", "event", "PeopleData", "people", "PersonData", "person",
    "FactsData", "facts", "fact_rows", "DocumentsData", "documents", "document", "SearchData", "search",
    "SEARCH_MARK", "graph", "CountriesData", "countries", "CountryData", "country", "country_summary",
    "country_relations",
]


# -- overview -------------------------------------------------------------------------


def overview(ctx: Context, db: Store, q: OverviewParams) -> V.Overview:
    got: V.Overview = ctx.cache.get(("overview", q.bucket.value), lambda: db.overview(bucket=q.bucket.value))
    return got


# -- events ---------------------------------------------------------------------------


@dataclass
class EventsData:
    res: Results[EventRow]
    items: list[EventItem]
    next: str | None


def events(request: Request, db: Store, q: EventsParams) -> EventsData:
    res = db.events(**q.kwargs(), limit=q.limit, offset=q.offset)
    return EventsData(res, event_items(db, res.items), next_url(request, res))


@dataclass
class EventData:
    detail: EventDetail  # its reports: REPORTS_SHOWN from ``offset``
    item: EventItem
    reports: Results[Report]


def event(db: Store, event_id: int, q: EventParams) -> EventData:
    d = db.event(event_id)
    if d is None:
        raise HTTPException(404, f"no event {event_id}")
    # reports a page at a time: an event can have hundreds
    reports = db.event_reports(event_id, limit=REPORTS_SHOWN, offset=q.offset)
    if q.offset:  # the detail carries the page asked for
        d = EventDetail(event=d.event, actors=d.actors, reports=reports.items, more_reports=reports.has_more)
    return EventData(d, event_items(db, [d.event])[0], reports)


# -- people ---------------------------------------------------------------------------


@dataclass
class PeopleData:
    res: Results[PersonRow]
    next: str | None


def people(request: Request, db: Store, q: PeopleParams) -> PeopleData:
    res = db.people(q.name or None, country=q.country, limit=q.limit, offset=q.offset)
    return PeopleData(res, next_url(request, res))


@dataclass
class PersonData:
    detail: PersonDetail
    counterparts: list[V.Counterpart]
    offices: list[PersonOffice] = field(default_factory=list)  # offices held over time (lexicon and pages)


def person(db: Store, person_id: int) -> PersonData:
    got = db.person(person_id)
    if got is None:
        raise HTTPException(404, f"no person {person_id}")
    return PersonData(got, db.counterparts(person_id), db.person_offices(person_id, got.person.name))


# -- figures --------------------------------------------------------------------------


def fact_rows(db: Store, f: FactFilters, limit: int, offset: int) -> Results[FactRow]:
    """The figures matching ``f`` (a country subject by its code, any other as written)."""
    iso, written = None, f.subject or None
    if written:
        m = CountryResolver.default().resolve(written)
        if m is not None:
            iso, written = m.iso3, None
    return db.facts(metric=f.metric or None, subject=written, subject_iso3=iso, period=f.period or None,
                    unit=f.unit or None, kind=f.kind or None, figure_id=f.figure, limit=limit, offset=offset)


@dataclass
class FactsData:
    res: Results[FactRow]
    next: str | None


def facts(request: Request, db: Store, q: FactsParams) -> FactsData:
    res = fact_rows(db, q, q.limit, q.offset)
    return FactsData(res, next_url(request, res))


# -- documents and search -------------------------------------------------------------


@dataclass
class DocumentsData:
    res: Results[V.DocumentRow]
    next: str | None


def documents(request: Request, db: Store, q: DocumentsParams) -> DocumentsData:
    res = db.documents(kind=q.kind.value if q.kind else None, since=q.since, until=q.until, limit=q.limit,
                       offset=q.offset)
    return DocumentsData(res, next_url(request, res))


def document(db: Store, document_id: int) -> V.DocumentView:
    got = db.document(document_id)
    if got is None:
        raise HTTPException(404, f"no document {document_id}")
    return got


# Marks around the matched words of a snippet: control characters never met in stored text,
# so the page can turn them into <mark> after escaping and the API into « ».
SEARCH_MARK = ("\x02", "\x03")


@dataclass
class SearchData:
    res: Results[SearchHit] | None  # None: no search text
    next: str | None


def search(request: Request, db: Store, q: SearchParams) -> SearchData:
    if not q.q.strip():
        return SearchData(None, None)
    res = db.search(q.q, kind=q.kind.value if q.kind else None, limit=q.limit, offset=q.offset,
                    mark=SEARCH_MARK)
    return SearchData(res, next_url(request, res))


# -- graph and countries --------------------------------------------------------------


def graph(ctx: Context, db: Store, q: GraphParams, default_limit: int) -> V.Graph:
    limit = q.limit or default_limit
    key = ("graph", q.kind.value, q.type, q.country, q.since, q.until, q.min_weight, limit)
    got: V.Graph = ctx.cache.get(key, lambda: db.graph(kind=q.kind.value, type=q.type, country=q.country,
                                                       since=q.since, until=q.until, min_weight=q.min_weight,
                                                       limit=limit))
    return got


@dataclass
class CountriesData:
    res: Results[V.CountryRow]
    items: list[CountryItem]


def countries(ctx: Context, db: Store, q: CountriesParams, default_limit: int) -> CountriesData:
    limit = q.limit or default_limit
    res = ctx.cache.get(("countries", limit, q.offset), lambda: db.countries(limit=limit, offset=q.offset))
    return CountriesData(res, country_items(ctx.names, res.items))


@dataclass
class CountryData:
    name: str
    summary: V.CountrySummary
    relations: PairRelations | None = None  # its tier with Vietnam: current, since, history, sources


def country_relations(ctx: Context, db: Store, iso3: str) -> PairRelations | None:
    """The pair (Vietnam, ``iso3``): current tier (the latest upgrade) and its history."""
    code = iso3.upper()
    if code == "VNM":
        return None

    def build() -> PairRelations | None:
        rep = db.relations(country=code)
        return next((p for p in rep.pairs if "VNM" in p.countries), None)

    got: PairRelations | None = ctx.cache.get(("relations", code), build)
    return got


def country_summary(ctx: Context, db: Store, iso3: str, bucket: str = "year") -> V.CountrySummary | None:
    code = iso3.upper()
    got: V.CountrySummary | None = ctx.cache.get(
        ("country", code, bucket), lambda: db.country(code, names=ctx.names.written(code), bucket=bucket))
    return got


def country(ctx: Context, db: Store, iso3: str, q: CountryParams) -> CountryData:
    got = country_summary(ctx, db, iso3, q.bucket.value)
    if got is None:
        raise HTTPException(404, f"no event or person of country {iso3.upper()}")
    return CountryData(ctx.names.name(got.iso3), got, country_relations(ctx, db, got.iso3))

