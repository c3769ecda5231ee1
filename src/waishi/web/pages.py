"""The dashboard's pages. Each page takes the same parameter class and calls the same
view (api/views.py) as its JSON twin under /api (linked from the page's footer), and
renders the result with autoescaping Jinja2 templates.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response

from ..api import views
from ..api.deps import DB, Context, Ctx, gzip_asset
from ..api.models import (
    CountriesParams,
    CountryParams,
    DocumentsParams,
    EventParams,
    EventsParams,
    FactsParams,
    GraphKind,
    GraphParams,
    ItemId,
    OverviewParams,
    PeopleParams,
    SearchParams,
)
from ..api.present import CountryItem, event_items, json_twin, label_graph
from ..model import EVENT_TYPES, FACT_KINDS
from ..numfmt import exact, pct
from ..store import Store
from ..store.query import REPORTS_SHOWN
from .downloads import router as downloads_router
from .render import ENTITY_LABELS, highlight, human, snippet_html, when

__all__ = ["router", "make_templates", "render", "render_error", "country_choices"]

HERE = FsPath(__file__).resolve().parent
router = APIRouter(include_in_schema=False)
GRAPH_SHOWN = 80  # links drawn when the address names no limit: more do not read
COUNTRIES_SHOWN = 300  # every country on the page and in the filters' lists
router.include_router(downloads_router)  # /download/<list>.csv|json: the list pages' filtered views


def make_templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["human"] = human
    env.filters["exact"] = exact
    env.filters["pct"] = pct
    env.globals.update(EVENT_TYPES=EVENT_TYPES, ENTITY_LABELS=ENTITY_LABELS, when=when)
    return env


def render(request: Request, template: str, json_url: str | None, status: int = 200, **ctx: Any) -> HTMLResponse:
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
    return render(request, "error.html", None, status=body["status"], error=body)


# -- vendor files ---------------------------------------------------------------------


@router.get("/vendor/plotly.min.js")
def plotly_js(request: Request, ctx: Ctx) -> Response:
    """plotly.js as the ``plotly`` package ships it: the charts work with no internet."""
    import plotly  # only for its file's location: a large package most requests never need

    path = FsPath(plotly.__file__).parent / "package_data" / "plotly.min.js"
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return Response(gzip_asset(ctx, "plotly", path), media_type="text/javascript", headers=headers)
    return Response(path.read_bytes(), media_type="text/javascript", headers=headers)


# -- pages ----------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, ctx: Ctx, db: DB, q: Annotated[OverviewParams, Depends()]) -> HTMLResponse:
    ov = views.overview(ctx, db, q)
    latest = event_items(db, ov.latest)
    chart = {"buckets": [b.to_dict() for b in ov.timeline]}
    partners = {"labels": [ctx.names.name(c) for c, _ in ov.partners], "codes": [c for c, _ in ov.partners],
                "values": [n for _, n in ov.partners]}
    return render(request, "overview.html", "/api/overview", ov=ov, latest=latest, timeline=chart,
                   partners=partners, charts=True, n_countries=len(country_choices(ctx, db)))


def country_choices(ctx: Context, db: Store) -> list[tuple[str, str, int]]:
    got = views.countries(ctx, db, CountriesParams(), COUNTRIES_SHOWN)
    return _choices(got.items)


def _choices(items: list[CountryItem]) -> list[tuple[str, str, int]]:
    return [(c.iso3, c.name, c.n_events) for c in items]


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, ctx: Ctx, db: DB, q: Annotated[EventsParams, Depends()]) -> HTMLResponse:
    got = views.events(request, db, q)
    facets = db.event_facets(**q.kwargs())
    return render(request, "events.html", json_twin(request, "/api/events"), f=q, res=got.res,
                   items=got.items, countries=country_choices(ctx, db), next=got.next, facets=facets)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, db: DB, event_id: ItemId, q: Annotated[EventParams, Depends()]
               ) -> HTMLResponse:
    got = views.event(db, event_id, q)
    more = f"/events/{event_id}?offset={q.offset + REPORTS_SHOWN}" if got.reports.has_more else None
    return render(request, "event.html", f"/api/events/{event_id}", d=got.detail, ev=got.item,
                   reports=got.reports, more_reports=more,
                   decisions=db.decisions_for_event(event_id))


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request, ctx: Ctx, db: DB, q: Annotated[CountriesParams, Depends()]
                   ) -> HTMLResponse:
    def tiers() -> list[Any]:
        rep = db.relations(country="VNM")
        order = {"comprehensive_strategic": 0, "comprehensive_strategic_cooperative": 0, "special": -1}
        return sorted((p for p in rep.pairs if p.current and p.countries[0] == "VNM"),
                      key=lambda p: (order.get(p.current or "", 1), -len(p.current or ""), p.since or ""))

    got = views.countries(ctx, db, q, COUNTRIES_SHOWN)
    return render(request, "countries.html", json_twin(request, "/api/countries"), countries=_choices(got.items),
                   partnerships=ctx.cache.get(("partnerships",), tiers))


def _figure_lines(facts: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """A country's figures as chart lines, one per metric and unit, by year."""
    figures: dict[str, list[dict[str, Any]]] = {}
    for x in facts:
        if x.metric == "count":
            continue  # counts of different things (projects, agreements) do not make one line
        year = (x.period or "")[-4:] or (x.date or "")[:4]
        if year:
            figures.setdefault(f"{x.metric} ({x.unit})", []).append(
                {"x": year, "y": x.value, "text": x.number, "doc": x.document_id})
    for pts in figures.values():
        pts.sort(key=lambda d: d["x"])
    return figures


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country_page(request: Request, ctx: Ctx, db: DB, iso3: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$")],
                 q: Annotated[CountryParams, Depends()]) -> HTMLResponse:
    got = views.country(ctx, db, iso3, q)
    s = got.summary
    anchors = db.fact_anchors([x.id for x in s.facts])
    return render(request, "country.html", json_twin(request, f"/api/countries/{s.iso3}"), s=s, name=got.name,
                   events=event_items(db, s.events), anchors=anchors, charts=True,
                   timeline={"buckets": [b.to_dict() for b in s.timeline]}, figures=_figure_lines(s.facts),
                   written=ctx.names.written(s.iso3), rel=got.relations)


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, ctx: Ctx, db: DB, q: Annotated[PeopleParams, Depends()]) -> HTMLResponse:
    got = views.people(request, db, q)
    return render(request, "people.html", json_twin(request, "/api/people"), res=got.res, name=q.name or "",
                   country=q.country or "", countries=country_choices(ctx, db), next=got.next)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, db: DB, person_id: ItemId) -> HTMLResponse:
    got = views.person(db, person_id)
    d = got.detail
    titles = [{"title": r.title, "first": r.first_seen, "last": r.last_seen, "n": r.n_documents}
              for r in d.person.titles if r.first_seen]
    return render(request, "person.html", f"/api/people/{person_id}", d=d, p=d.person,
                   decisions=db.decisions_for_person(person_id),
                   events=event_items(db, d.events), met=got.counterparts, titles=titles,
                   charts=bool(titles), offices=got.offices)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, db: DB, q: Annotated[DocumentsParams, Depends()]) -> HTMLResponse:
    got = views.documents(request, db, q)
    return render(request, "documents.html", json_twin(request, "/api/documents"), res=got.res,
                   kind=q.kind.value if q.kind else "", since=q.since or "", until=q.until or "", next=got.next)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, ctx: Ctx, db: DB, document_id: ItemId) -> HTMLResponse:
    d = views.document(db, document_id)
    people: dict[int, str] = {}
    for m in d.mentions:
        if m.kind == "person" and m.person_id and m.person_id not in people:
            people[m.person_id] = m.text
    kinds = sorted({m.kind for m in d.mentions} | ({"figure"} if d.facts else set()),
                   key=lambda k: list(ENTITY_LABELS).index(k) if k in ENTITY_LABELS else 99)
    body = highlight(d, ctx.names.names)
    return render(request, "document.html", f"/api/documents/{document_id}", d=d, body=body, people=people,
                   decisions=db.decisions_for_document(document_id),
                   kinds=kinds)


@router.get("/facts", response_class=HTMLResponse)
def facts_page(request: Request, db: DB, q: Annotated[FactsParams, Depends()]) -> HTMLResponse:
    got = views.facts(request, db, q)
    one = db.figure(q.figure) if q.figure else None
    reports = one.reports if one is not None else []  # every page reporting that figure
    return render(request, "facts.html", json_twin(request, "/api/facts"), res=got.res, reports=reports,
                   anchors=db.fact_anchors([x.id for x in got.res.items]), metrics=db.metrics(),
                   metric=q.metric or "", subject=q.subject or "", period=q.period or "", kind=q.kind or "",
                   unit=q.unit or "", kinds=FACT_KINDS, next=got.next)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: DB, q: Annotated[SearchParams, Depends()]) -> HTMLResponse:
    got = views.search(request, db, q)
    hits = [(h, snippet_html(h.snippet, views.SEARCH_MARK)) for h in got.res.items] if got.res else []
    return render(request, "search.html", json_twin(request, "/api/search") if got.res else None, q=q.q,
                   res=got.res, hits=hits, kind=q.kind.value if q.kind else "", next=got.next)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, ctx: Ctx, db: DB, q: Annotated[GraphParams, Depends()]) -> HTMLResponse:
    g = views.graph(ctx, db, q, GRAPH_SHOWN)
    kind = q.kind
    label = label_graph(ctx.names, g, kind.value)
    data = {"kind": kind.value,
            "nodes": [{"id": n.id, "label": label[n.id], "country": n.country, "weight": n.weight,
                       "href": f"/countries/{n.id}" if kind is GraphKind.country else f"/people/{n.id}"}
                      for n in g.nodes],
            "links": [link.to_dict() for link in g.links]}
    return render(request, "graph.html", json_twin(request, "/api/graph"), g=g, label=label, data=data,
                   kind=kind.value, type=q.type or "", country=q.country or "", since=q.since or "",
                   until=q.until or "", countries=country_choices(ctx, db), charts=True)
