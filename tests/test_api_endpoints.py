"""The JSON API and the pages over a live server (uvicorn on loopback): shapes, filters,
pagination, validation, the one error shape, escaping, read-only access."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_corpus import XSS_MARKERS, build_store, live_server

from waishi.server import create_app
from waishi.store import Store, StoreError
from waishi.store import views as V


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with live_server(db) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


HTML = {"accept": "text/html"}


@pytest.mark.parametrize("path", [
    "/api", "/api/stats", "/api/overview", "/api/events", "/api/events?country=LAO&type=meet",
    "/api/people", "/api/people?name=陈青敏", "/api/facts", "/api/facts?metric=trade_total&period=2023",
    "/api/search?q=洪森", "/api/search?q=议会合作", "/api/documents", "/api/documents?kind=teaser",
    "/api/timeline", "/api/timeline?bucket=year&country=KHM", "/api/graph", "/api/graph?kind=person&type=meet",
    "/api/countries", "/api/countries/LAO", "/openapi.json",
])
def test_api_endpoints_answer_json(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    r.json()


def test_api_events_filters_match_the_store(client: httpx.Client, db: Path) -> None:
    got = client.get("/api/events", params={"country": "lao", "limit": 500}).json()
    assert got["items"] and all("LAO" in e["source_iso3"] + e["target_iso3"] for e in got["items"])
    meets = client.get("/api/events", params={"type": "meet", "since": "2024-06", "until": "2024-06-30"}).json()
    assert meets["items"] and all(e["type"] == "meet" and e["date"].startswith("2024-06") for e in meets["items"])
    # one meeting, two outlets: one event with two sources
    kh = client.get("/api/events", params={"country": "KHM", "type": "meet", "min_sources": 2}).json()["items"]
    assert len(kh) == 1 and kh[0]["n_sources"] == 2
    # every event says where its sentence is, and that is the sentence quoted
    with Store.open(db, readonly=True) as st:
        for e in client.get("/api/events", params={"limit": 500}).json()["items"]:
            doc = V.document(st, e["document_id"])
            assert doc is not None
            a, b = e["evidence_start"] - doc.start, e["evidence_end"] - doc.start
            assert doc.text[a:b] == e["evidence"]


def test_api_pagination_walks_every_event(client: httpx.Client) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()["items"]
    seen, url, pages = [], "/api/events?limit=4", 0
    while url:
        page = client.get(url).json()
        assert len(page["items"]) <= 4
        seen += [e["id"] for e in page["items"]]
        url = page["next"]
        pages += 1
        assert page["has_more"] == (url is not None)
    assert seen == [e["id"] for e in everything] and pages > 2


@pytest.mark.parametrize(("path", "status", "field", "words"), [
    ("/api/events?since=2024-13", 422, "since", "YYYY"),
    ("/api/events?until=yesterday", 422, "until", "YYYY"),
    ("/api/events?type=party", 422, "type", "must be one of"),
    ("/api/events?country=Atlantis", 422, "country", "no country matches"),  # names are resolved (issue 12)
    ("/api/events?limit=0", 422, "limit", "greater than"),
    ("/api/events?limit=100000", 422, "limit", "less than"),
    ("/api/timeline?bucket=week", 422, "bucket", "year"),
    ("/api/graph?kind=city", 422, "kind", "country"),
    ("/api/facts?period=20x3", 422, "period", "match"),
    ("/api/search", 422, "q", "required"),
    ("/api/events/abc", 422, "event_id", "integer"),
    ("/api/events/99999", 404, None, "no event 99999"),
    ("/api/people/99999", 404, None, "no person"),
    ("/api/documents/99999", 404, None, "no document"),
    ("/api/countries/XYZ", 404, None, "XYZ"),
    ("/api/nothing-here", 404, None, "Not Found"),
])
def test_api_errors_have_one_shape(client: httpx.Client, path: str, status: int, field: str | None,
                                   words: str) -> None:
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and set(body) == {"ok", "error"}
    err = body["error"]
    assert set(err) == {"status", "title", "message", "details"} and err["status"] == status
    assert words in err["message"], err
    if field:
        assert err["details"][0]["field"] == field
        assert err["message"].startswith(f"{field}: ")


def test_api_method_not_allowed_has_the_shape(client: httpx.Client) -> None:
    r = client.post("/api/events")
    assert r.status_code == 405 and r.json()["error"]["status"] == 405


def test_api_pages_have_json_twins(client: httpx.Client) -> None:
    page = client.get("/events?country=LAO", headers=HTML)
    assert page.status_code == 200
    twin = re.search(r'href="([^"]+)">JSON of this page', page.text)
    assert twin and twin.group(1).replace("&amp;", "&") == "/api/events?country=LAO"
    api = client.get(twin.group(1).replace("&amp;", "&")).json()
    for e in api["items"]:
        assert f'href="/events/{e["id"]}"' in page.text


@pytest.mark.parametrize("path", ["/api/events?since=2024-13", "/events?since=2024-13"])
def test_api_page_errors_render_for_browsers(client: httpx.Client, path: str) -> None:
    r = client.get(path, headers=HTML)
    assert r.status_code == 422
    if path.startswith("/api"):
        assert r.json()["error"]["details"][0]["field"] == "since"
    else:
        assert "text/html" in r.headers["content-type"] and "since: date must be" in r.text


@pytest.mark.parametrize("path", ["/", "/events", "/events/1", "/countries", "/countries/LAO", "/countries/KHM",
                                  "/people", "/people/1", "/documents", "/documents/1", "/facts",
                                  "/search?q=洪森", "/search?q=老挝外长", "/graph", "/graph?kind=person"])
def test_api_pages_render(client: httpx.Client, path: str) -> None:
    r = client.get(path, headers=HTML)
    assert r.status_code == 200, r.text[:500]
    assert "<html lang=\"zh-CN\">" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    # offline: every script, style and icon comes from this server
    for src in re.findall(r'<(?:script|link|img)[^>]*(?:src|href)="([^"]+)"', r.text):
        assert src.startswith("/"), src


def test_api_markup_in_stored_text_is_escaped_everywhere(client: httpx.Client) -> None:
    xss_doc = next(d for d in client.get("/api/documents", params={"limit": 500}).json()["items"]
                   if "<b onmouseover" in d["title"])
    ev = client.get("/api/events", params={"country": "LAO", "since": "2024-05-06", "until": "2024-05-06"}).json()
    assert ev["items"]
    pages = [f"/documents/{xss_doc['id']}", "/documents", "/events", "/events?country=LAO", "/",
             f"/events/{ev['items'][0]['id']}", "/search?q=script", "/search?q=onerror", "/facts",
             "/countries/LAO", "/people"]
    for path in pages:
        html = client.get(path, headers=HTML).text
        for marker in XSS_MARKERS:
            assert marker not in html, (path, marker)
    doc = client.get(f"/documents/{xss_doc['id']}", headers=HTML).text
    # shown as text (sentence spans may cut it at the semicolon)
    assert "&lt;script&gt;window.__xss=1;" in doc and "alert(1)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=" in doc and "&lt;b onmouseover=" in doc


def test_api_docs_are_offline(client: httpx.Client) -> None:
    docs = client.get("/docs").text
    assert "cdn" not in docs.lower() and "unpkg" not in docs.lower()
    for src in re.findall(r'(?:src|href)="([^"]+)"', docs):
        assert src.startswith("/"), src
        assert client.get(src).status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/graph" in spec["paths"]


def test_api_serves_plotly_itself(client: httpx.Client) -> None:
    r = client.get("/vendor/plotly.min.js", headers={"accept-encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert len(r.content) > 1_000_000 and b"plotly" in r.content[:2000].lower()


def test_api_document_annotations_point_into_the_text(client: httpx.Client) -> None:
    d = client.get("/api/documents/1").json()
    assert d["mentions"] and d["events"]
    for m in d["mentions"]:
        assert d["text"][m["start"] - d["start"]: m["end"] - d["start"]] == m["text"]
    for e in d["events"]:
        assert 0 <= e["start"] - d["start"] < e["end"] - d["start"] <= len(d["text"])


def test_api_timeline_and_graph_agree_with_events(client: httpx.Client) -> None:
    dated = [e for e in client.get("/api/events", params={"limit": 500}).json()["items"] if e["date"]]
    tl = client.get("/api/timeline", params={"bucket": "year"}).json()
    assert sum(b["count"] for b in tl) == len(dated)
    g = client.get("/api/graph").json()
    pairs = {(x["source"], x["target"]) for x in g["links"]}
    assert ("KHM", "VNM") in pairs and ("LAO", "VNM") in pairs
    kh = next(x for x in g["links"] if (x["source"], x["target"]) == ("KHM", "VNM"))
    assert kh["weight"] == sum(kh["by_type"].values()) >= 1
    assert {n["id"] for n in g["nodes"]} >= {"KHM", "VNM"}
    assert next(n for n in g["nodes"] if n["id"] == "KHM")["label"] == "柬埔寨"


def test_api_country_summary_has_figures_and_people(client: httpx.Client) -> None:
    c = client.get("/api/countries/lao").json()
    assert c["name"] == "老挝"
    s = c["summary"]
    assert s["iso3"] == "LAO" and s["n_events"] >= 2 and s["timeline"]
    assert any(f["metric"] == "trade_total" for f in s["facts"])
    assert any(p["country"] == "LAO" for p in s["people"])
    assert s["partners"][0][0] == "VNM"


def test_api_person_has_counterparts(client: httpx.Client) -> None:
    chen = client.get("/api/people", params={"name": "陈青敏"}).json()["items"][0]
    p = client.get(f"/api/people/{chen['id']}").json()
    assert p["detail"]["person"]["name"] == "陈青敏"
    assert any(m["name"] == "洪森" for m in p["counterparts"])


def test_api_store_is_opened_read_only(db: Path) -> None:
    app = create_app(db)
    ctx = app.state.ctx
    st = asyncio.run(ctx.pool.acquire())
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            st.con.execute("DELETE FROM events")
    finally:
        ctx.pool.release(st)
        ctx.pool.close()


@pytest.mark.parametrize("make", ["missing", "not_sqlite"])
def test_api_create_app_refuses_a_bad_store(tmp_path: Path, make: str) -> None:
    path = tmp_path / "x.db"
    if make == "not_sqlite":
        path.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match=str(path.name)):
        create_app(path)
