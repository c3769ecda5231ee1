"""The dashboard's pages. Each page calls the same store functions with the same
parameter classes as its JSON twin under /api (linked from the page's footer),
and renders them with autoescaping Jinja2 templates.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..api.app import Context, get_ctx, get_db, gzip_asset
from ..api.models import (
    MAX_COUNT,
    MAX_OFFSET,
    Day,
    DocKind,
    EventFilters,
    EventTypeParam,
    GraphKind,
    Iso3,
    ItemId,
    Paging,
)
from ..api.routes import FactFilters, country_relations, country_summary, event_items, next_url
from ..model import EVENT_TYPES, FACT_KINDS
from ..numfmt import exact, pct
from ..store import Store, curation
from ..store import events as q_events
from ..store import people as q_people
from ..store import person as q_person
from ..store import search as q_search
from ..store import views as V
from ..store.query import REPORTS_SHOWN
from ..store.query import event as q_event
from ..store.query import event_reports as q_event_reports
from ..store.query import figure as q_figure
from ..store.relations import person_offices
from ..store.relations import relations as q_relations
from .downloads import router as downloads_router
from .render import ENTITY_LABELS, highlight, human, snippet_html, when

__all__ = ["router", "make_templates", "render_error"]

HERE = FsPath(__file__).resolve().parent
router = APIRouter(include_in_schema=False)
DB = Annotated[Store, Depends(get_db)]
Ctx = Annotated[Context, Depends(get_ctx)]
_MARK = ("\x02", "\x03")  # search marks: control characters never met in escaped text
router.include_router(downloads_router)  # /download/<list>.csv|json: the list pages' filtered views


def make_templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["human"] = human
    env.filters["exact"] = exact
    env.filters["pct"] = pct
    env.globals.update(EVENT_TYPES=EVENT_TYPES, ENTITY_LABELS=ENTITY_LABELS, when=when)
    return env


def _render(request: Request, template: str, json_url: str | None, status: int = 200, **ctx: Any) -> HTMLResponse:
    c: Context = request.app.state.ctx
    tpl = c.templates.get_template(template)

    def qs(**changes: Any) -> str:
        """The current query string with ``changes`` (None drops a key)."""
        params = dict(request.query_params)
        for k, v in changes.items():
            if v is None:
                params.pop(k, None)
            else:
                params[k] = str(v)
        return "?" + urlencode({k: v for k, v in params.items() if v != ""})

    html = tpl.render(request=request, json_url=json_url, cname=c.names.name, qs=qs, path=c.shown_path, **ctx)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, body: dict[str, Any]) -> Response:
    return _render(request, "error.html", None, status=body["status"], error=body)


def _json_twin(request: Request, path: str) -> str:
    q = request.url.query
    return path + (f"?{q}" if q else "")


# -- vendor files ---------------------------------------------------------------------


@router.get("/vendor/plotly.min.js")
def plotly_js(request: Request, ctx: Ctx) -> Response:
    """plotly.js as the ``plotly`` package ships it: the charts work with no internet."""
    import plotly

    path = FsPath(plotly.__file__).parent / "package_data" / "plotly.min.js"
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return Response(gzip_asset(ctx, "plotly", path), media_type="text/javascript", headers=headers)
    return Response(path.read_bytes(), media_type="text/javascript", headers=headers)


# -- pages ----------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, ctx: Ctx, db: DB) -> HTMLResponse:
    ov = ctx.cache.get(("overview", "month"), lambda: V.overview(db, bucket="month"))
    latest = event_items(db, ov.latest)
    chart = {"buckets": [b.to_dict() for b in ov.timeline]}
    partners = {"labels": [ctx.names.name(c) for c, _ in ov.partners], "codes": [c for c, _ in ov.partners],
                "values": [n for _, n in ov.partners]}
    return _render(request, "overview.html", "/api/overview", ov=ov, latest=latest, timeline=chart,
                   partners=partners, charts=True, n_countries=len(_country_choices(ctx, db)))


def _country_choices(ctx: Context, db: Store) -> list[tuple[str, str, int]]:
    res = ctx.cache.get(("countries", 300, 0), lambda: V.countries(db, limit=300))
    return [(c.iso3, ctx.names.name(c.iso3), c.n_events) for c in res.items]


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, ctx: Ctx, db: DB, f: Annotated[EventFilters, Depends()],
                p: Annotated[Paging, Depends()]) -> HTMLResponse:
    res = q_events(db, **f.kwargs(), limit=p.limit, offset=p.offset)
    facets = V.event_facets(db, **f.kwargs())
    return _render(request, "events.html", _json_twin(request, "/api/events"), f=f, res=res,
                   items=event_items(db, res.items), countries=_country_choices(ctx, db),
                   next=next_url(request, res), facets=facets)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, db: DB, event_id: ItemId,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Reports to skip.")] = 0
               ) -> HTMLResponse:
    d = q_event(db, event_id)
    if d is None:
        raise HTTPException(404, f"no event {event_id}")
    # reports a page at a time: an event can have hundreds
    reports = q_event_reports(db, event_id, limit=REPORTS_SHOWN, offset=offset)
    more = f"/events/{event_id}?offset={offset + REPORTS_SHOWN}" if reports.has_more else None
    return _render(request, "event.html", f"/api/events/{event_id}", d=d, ev=event_items(db, [d.event])[0],
                   reports=reports, more_reports=more,
                   decisions=curation.for_event(db, event_id))


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request, ctx: Ctx, db: DB) -> HTMLResponse:
    def tiers() -> list[Any]:
        rep = q_relations(db, country="VNM")
        order = {"comprehensive_strategic": 0, "comprehensive_strategic_cooperative": 0, "special": -1}
        return sorted((p for p in rep.pairs if p.current and p.countries[0] == "VNM"),
                      key=lambda p: (order.get(p.current or "", 1), -len(p.current or ""), p.since or ""))

    return _render(request, "countries.html", "/api/countries", countries=_country_choices(ctx, db),
                   partnerships=ctx.cache.get(("partnerships",), tiers))


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country_page(request: Request, ctx: Ctx, db: DB,
                 iso3: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$")]) -> HTMLResponse:
    s = country_summary(ctx, db, iso3)
    if s is None:
        raise HTTPException(404, f"no event or person of country {iso3.upper()}")
    anchors = V.fact_anchors(db, [x.id for x in s.facts])
    figures: dict[str, list[dict[str, Any]]] = {}
    for x in s.facts:
        if x.metric == "count":
            continue  # counts of different things (projects, agreements) do not make one line
        year = (x.period or "")[-4:] or (x.date or "")[:4]
        if year:
            figures.setdefault(f"{x.metric} ({x.unit})", []).append(
                {"x": year, "y": x.value, "text": x.number, "doc": x.document_id})
    for pts in figures.values():
        pts.sort(key=lambda d: d["x"])
    return _render(request, "country.html", f"/api/countries/{s.iso3}", s=s, name=ctx.names.name(s.iso3),
                   events=event_items(db, s.events), anchors=anchors, charts=True,
                   timeline={"buckets": [b.to_dict() for b in s.timeline]}, figures=figures,
                   written=ctx.names.written(s.iso3), rel=country_relations(ctx, db, s.iso3))


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, ctx: Ctx, db: DB, p: Annotated[Paging, Depends()],
                name: Annotated[str | None, Query(max_length=100)] = None, country: Iso3 = None) -> HTMLResponse:
    res = q_people(db, name or None, country=country, limit=p.limit, offset=p.offset)
    return _render(request, "people.html", _json_twin(request, "/api/people"), res=res, name=name or "",
                   country=country or "", countries=_country_choices(ctx, db), next=next_url(request, res))


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, db: DB, person_id: ItemId) -> HTMLResponse:
    d = q_person(db, person_id)
    if d is None:
        raise HTTPException(404, f"no person {person_id}")
    titles = [{"title": r.title, "first": r.first_seen, "last": r.last_seen, "n": r.n_documents}
              for r in d.person.titles if r.first_seen]
    return _render(request, "person.html", f"/api/people/{person_id}", d=d, p=d.person,
                   decisions=curation.for_person(db, person_id),
                   events=event_items(db, d.events), met=V.counterparts(db, person_id), titles=titles,
                   charts=bool(titles), offices=person_offices(db, person_id, d.person.name))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, db: DB, p: Annotated[Paging, Depends()], kind: DocKind | None = None,
                   since: Day = None, until: Day = None) -> HTMLResponse:
    res = V.documents(db, kind=kind.value if kind else None, since=since, until=until, limit=p.limit,
                      offset=p.offset)
    return _render(request, "documents.html", _json_twin(request, "/api/documents"), res=res,
                   kind=kind.value if kind else "", since=since or "", until=until or "",
                   next=next_url(request, res))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, ctx: Ctx, db: DB, document_id: ItemId) -> HTMLResponse:
    d = V.document(db, document_id)
    if d is None:
        raise HTTPException(404, f"no document {document_id}")
    people: dict[int, str] = {}
    for m in d.mentions:
        if m.kind == "person" and m.person_id and m.person_id not in people:
            people[m.person_id] = m.text
    kinds = sorted({m.kind for m in d.mentions} | ({"figure"} if d.facts else set()),
                   key=lambda k: list(ENTITY_LABELS).index(k) if k in ENTITY_LABELS else 99)
    body = highlight(d, ctx.names.names)
    return _render(request, "document.html", f"/api/documents/{document_id}", d=d, body=body, people=people,
                   decisions=curation.for_document(db, document_id),
                   kinds=kinds)


@router.get("/facts", response_class=HTMLResponse)
def facts_page(request: Request, db: DB, p: Annotated[Paging, Depends()],
               f: Annotated[FactFilters, Depends()]) -> HTMLResponse:
    res = f.query(db, p.limit, p.offset)
    one = q_figure(db, f.figure) if f.figure else None
    reports = one.reports if one is not None else []  # every page reporting that figure
    return _render(request, "facts.html", _json_twin(request, "/api/facts"), res=res, reports=reports,
                   anchors=V.fact_anchors(db, [x.id for x in res.items]), metrics=V.metrics(db),
                   metric=f.metric or "", subject=f.subject or "", period=f.period or "", kind=f.kind or "",
                   kinds=FACT_KINDS, next=next_url(request, res))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: DB, p: Annotated[Paging, Depends()],
                q: Annotated[str, Query(max_length=200)] = "", kind: DocKind | None = None) -> HTMLResponse:
    res = None
    if q.strip():
        res = q_search(db, q, kind=kind.value if kind else None, limit=p.limit, offset=p.offset, mark=_MARK)
    hits = [(h, snippet_html(h.snippet, _MARK)) for h in res.items] if res else []
    return _render(request, "search.html", _json_twin(request, "/api/search") if res else None, q=q, res=res,
                   hits=hits, kind=kind.value if kind else "", next=next_url(request, res) if res else None)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, ctx: Ctx, db: DB, kind: GraphKind = GraphKind.country,
               type: EventTypeParam = None, country: Iso3 = None, since: Day = None, until: Day = None,
               min_weight: Annotated[int, Query(ge=1, le=MAX_COUNT)] = 1,
               limit: Annotated[int, Query(ge=1, le=500)] = 80) -> HTMLResponse:
    key = ("graph", kind.value, type, country, since, until, min_weight, limit)
    g = ctx.cache.get(key, lambda: V.graph(db, kind=kind.value, type=type, country=country, since=since,
                                           until=until, min_weight=min_weight, limit=limit))
    label = {n.id: (ctx.names.name(n.id) if kind is GraphKind.country else n.label) for n in g.nodes}
    data = {"kind": kind.value,
            "nodes": [{"id": n.id, "label": label[n.id], "country": n.country, "weight": n.weight,
                       "href": f"/countries/{n.id}" if kind is GraphKind.country else f"/people/{n.id}"}
                      for n in g.nodes],
            "links": [link.to_dict() for link in g.links]}
    return _render(request, "graph.html", _json_twin(request, "/api/graph"), g=g, label=label, data=data,
                   kind=kind.value, type=type or "", country=country or "", since=since or "", until=until or "",
                   countries=_country_choices(ctx, db), charts=True)
