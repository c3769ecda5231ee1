"""One view per resource (issue 16): every HTML page and its JSON twin take the same query
parameters, and a filter of the API works on its page (``unit`` on the figures page)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import pytest
from api_corpus import build_store
from fastapi import APIRouter, Depends, Query
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from waishi.api.models import Paging
from waishi.api.review import router as review_api
from waishi.api.routes import router as api
from waishi.server import create_app
from waishi.web.pages import router as pages
from waishi.web.review import router as review_pages

HTML = {"accept": "text/html"}
# A page whose twin is not at /api + its path.
TWIN_OF = {"/": "/api/overview", "/review": "/api/review/queue"}
# Page-only parameters that are no filter, with the reason.
PAGE_ONLY = {("/review", "token")}  # signing in: /review?token=… sets the cookies and drops it from the address


def _query_params(route: APIRoute) -> set[str]:
    def walk(d: Dependant) -> Iterator[str]:
        yield from (p.alias for p in d.query_params)
        for sub in d.dependencies:
            yield from walk(sub)

    return set(walk(route.dependant))


def _gets(routers: Iterable[APIRouter]) -> dict[str, APIRoute]:
    return {r.path: r for router in routers for r in router.routes
            if isinstance(r, APIRoute) and "GET" in r.methods}


def twins(json_routers: Iterable[APIRouter], html_routers: Iterable[APIRouter]
          ) -> dict[str, tuple[set[str], set[str]]]:
    """Page path -> (its query parameters, its JSON twin's), for every page that has a twin."""
    json_routes = _gets(json_routers)
    out = {}
    for path, route in _gets(html_routers).items():
        twin = json_routes.get(TWIN_OF.get(path, "/api" + path))
        if twin is not None:
            out[path] = ({p for p in _query_params(route) if (path, p) not in PAGE_ONLY}, _query_params(twin))
    return out


def test_api_views_twins_take_the_same_parameters() -> None:
    pairs = twins([api, review_api], [pages, review_pages])
    # every resource with a page: a renamed path must not make this test pass by finding no pairs
    assert set(pairs) >= {"/", "/events", "/events/{event_id}", "/people", "/people/{person_id}", "/facts",
                          "/documents", "/documents/{document_id}", "/search", "/graph", "/countries",
                          "/countries/{iso3}", "/review", "/review/pages/{page_id}/{ord}"}
    drift = {path: (sorted(html - js), sorted(js - html)) for path, (html, js) in pairs.items() if html != js}
    assert drift == {}, "page-only and API-only parameters"
    assert pairs["/facts"][0] >= {"metric", "subject", "period", "unit", "kind", "figure", "limit", "offset"}


def test_api_views_twin_check_finds_a_parameter_on_one_side() -> None:
    """The check above fails when a page gains a parameter its twin lacks (and the reverse)."""
    js, html = APIRouter(prefix="/api"), APIRouter()

    @js.get("/things")
    def things(p: Annotated[Paging, Depends()]) -> None: ...

    @html.get("/things")
    def things_page(p: Annotated[Paging, Depends()], colour: Annotated[str, Query()] = "") -> None: ...

    (page_side, api_side), = twins([js], [html]).values()
    assert page_side - api_side == {"colour"} and api_side <= page_side


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = build_store(tmp_path_factory.mktemp("views"))
    with TestClient(create_app(db)) as c:
        yield c


def test_api_views_facts_page_honours_unit(client: TestClient) -> None:
    every = {x["id"]: x["unit"] for x in client.get("/api/facts?limit=100").json()["items"]}
    assert {"count", "USD"} <= set(every.values())
    for unit in ("count", "USD"):
        page = client.get(f"/facts?unit={unit}&limit=100", headers=HTML)
        assert page.status_code == 200
        shown = {int(i) for i in re.findall(r'<tr id="f-(\d+)"', page.text)}
        assert shown == {i for i, u in every.items() if u == unit}
        assert f'<input type="hidden" name="unit" value="{unit}">' in page.text  # the filter form keeps it
    assert 'name="unit"' not in client.get("/facts", headers=HTML).text


def test_api_views_event_json_pages_reports_like_its_page(client: TestClient) -> None:
    """``offset`` on /api/events/<id> (the page's parameter) gives the reports from there."""
    ev = max(client.get("/api/events?limit=100").json()["items"], key=lambda e: e["n_reports"])
    assert ev["n_reports"] >= 2
    first = client.get(f"/api/events/{ev['id']}").json()
    rest = client.get(f"/api/events/{ev['id']}?offset=1").json()
    assert [r["document_id"] for r in rest["reports"]] == [r["document_id"] for r in first["reports"]][1:]
    assert rest["event"] == first["event"]


def test_api_views_json_side_imports_no_html() -> None:
    """api/ never imports web/ (nor Jinja): only waishi.server wires the pages in."""
    code = ("import sys, waishi.api.routes, waishi.api.review, waishi.api.decisions, waishi.api.guard; "
            "print(sorted(m for m in sys.modules if m.startswith(('waishi.web', 'jinja2', 'waishi.server'))))")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert got.stdout.strip() == "[]"
