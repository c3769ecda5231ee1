"""The dashboard for analysts (issue 12): figures read right (a real browser reads 6800亿美元
as 680 bn), downloads of exactly the filtered view, country names in filters, tiers on a
country page."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_corpus import live_server
from fastapi.testclient import TestClient

import waishi
from waishi.server import create_app
from waishi.store import Store, ingest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = Path("/usr/bin/chromium")
PAGES = {
    "big.txt": "中国与东盟经贸合作再创新高\n\n越通社河内——2024年，中国与东盟双边贸易额达到6800亿美元，同比增长7.8%。\n",
    "formula.txt": "=1+1 越老合作新闻\n\n越通社万象——2024年5月6日，越南外交部长裴青山在万象会见老挝外交部长沙伦赛。\n",
}


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("analyst")
    (d / "c").mkdir()
    for name in ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt"):
        shutil.copy(EXAMPLES / name, d / "c" / name)
    for name, text in PAGES.items():
        (d / "c" / name).write_text(text, encoding="utf-8")
    with Store.open(d / "w.db") as st:
        ingest(st, [d / "c"], _extract)
    return d / "w.db"


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_web_analyst_figures_page_reads_680_bn(client: TestClient) -> None:
    html = client.get("/facts?metric=trade_total").text
    assert re.search(r'title="680,000,000,000[^"]*">680 bn', html)
    assert ">68 bn<" not in html


def test_web_analyst_download_csv_is_the_filtered_view(client: TestClient) -> None:
    r = client.get("/download/facts.csv?subject=%E8%80%81%E6%8C%9D&bom=1")  # subject=老挝
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert rows and all("LAO" in row["subject_iso3"] for row in rows)
    api = client.get("/api/facts?subject=Laos&limit=500").json()["items"]
    assert sorted(int(r["id"]) for r in rows) == sorted(x["id"] for x in api)
    assert {row["value"] for row in rows} >= {"1900000000"}  # integers, not 1900000000.0
    plain = client.get("/download/facts.csv?subject=LAO").content.decode("utf-8")
    assert not plain.startswith("\ufeff")


def test_web_analyst_download_escapes_formulas(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/download/search.csv?q=%E8%A3%B4%E9%9D%92%E5%B1%B1").text)))
    titles = [r["title"] for r in rows]
    assert "'=1+1 越老合作新闻" in titles and not any(t.startswith("=") for t in titles)


def test_web_analyst_list_pages_link_their_downloads(client: TestClient) -> None:
    html = client.get("/events?country=LAO&type=meet").text
    links = re.findall(r'href="(/download/events\.(?:csv|json)\?[^"]*)"', html)
    assert len(links) == 3 and all("country=LAO" in x and "type=meet" in x for x in links)
    rows = client.get(links[-1].replace("&amp;", "&")).json()
    assert rows and all(r["type"] == "meet" and "LAO" in r["source_iso3"] + r["target_iso3"] for r in rows)
    for page in ("/facts", "/people", "/search?q=%E8%B6%8A%E5%8D%97"):
        assert "/download/" in client.get(page).text


def test_web_analyst_country_filter_takes_names(client: TestClient) -> None:
    by_name = client.get("/api/events?country=%E8%80%81%E6%8C%9D").json()["items"]  # 老挝
    assert by_name and by_name == client.get("/api/events?country=LAO").json()["items"]
    assert by_name == client.get("/api/events?country=Laos").json()["items"]
    bad = client.get("/api/events?country=Laoss")
    assert bad.status_code == 422 and "Laos (LAO)" in bad.json()["error"]["message"]


def test_web_analyst_country_page_shows_its_tier(client: TestClient) -> None:
    html = client.get("/countries/CHN").text
    assert "comprehensive strategic cooperative" in html and "2008-05" in html and "joint statement" in html
    got = client.get("/api/countries/CHN").json()
    assert got["relations"]["current"] == "comprehensive_strategic_cooperative"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (/usr/bin/chromium)")
def test_web_analyst_browser_reads_figures_as_written(db: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with live_server(db) as base, sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            pg: Any = b.new_page(viewport={"width": 1280, "height": 900})
            pg.goto(base + "/facts?metric=trade_total")
            row = pg.locator("tr", has_text="6800亿美元")
            assert row.count() == 1
            cell = row.locator("td.value")
            assert cell.inner_text().strip() == "680 bn"
            assert cell.get_attribute("title").startswith("680,000,000,000")
            pg.fill("input[name=subject]", "Laos")
            pg.click("form.filters button[type=submit]")
            pg.wait_for_url(re.compile(r"subject=Laos"))
            assert pg.locator("table.figures tbody tr").count() >= 1
            assert "6800亿美元" not in pg.locator("table.figures").inner_text()
        finally:
            b.close()


def test_web_analyst_relations_and_offices_in_the_api(client: TestClient) -> None:
    rel = client.get("/api/relations?country=%E7%BE%8E%E5%9B%BD").json()  # 美国
    (usa,) = rel["pairs"]
    assert (usa["current"], usa["since"]) == ("comprehensive_strategic", "2023-09-10")
    assert [s["tier"] for s in usa["history"]] == ["diplomatic", "comprehensive", "comprehensive_strategic"]
    got = client.get("/api/offices?at=2019&office=prime_minister&country=VNM").json()
    assert [h["holder"] for h in got["holders"]] == ["阮春福"]


def test_web_analyst_person_page_lists_offices_held(client: TestClient) -> None:
    people = client.get("/api/people?name=%E8%8C%83%E6%98%8E%E6%94%BF").json()["items"]  # 范明政
    pid = people[0]["id"]
    offices = client.get(f"/api/people/{pid}").json()["offices"]
    pm = next(o for o in offices if o["office"] == "VNM.prime_minister")
    assert pm["start"] == "2021-04-05" and pm["n_documents"] >= 1 and pm["agrees"] and "越南政府总理" in pm["titles"]
    html = client.get(f"/people/{pid}").text
    assert "Offices held" in html and "VNM.prime_minister" in html


def test_web_analyst_events_page_shows_facets_of_the_filtered_view(client: TestClient) -> None:
    from waishi.store import Store
    from waishi.store.views import event_facets

    html = client.get("/events?country=LAO").text
    assert 'class="facets"' in html
    db = client.app.state.ctx.path  # type: ignore[attr-defined]
    with Store.open(db, readonly=True) as st:
        f = event_facets(st, country="LAO")
        everything = event_facets(st)
    lao_events = client.get("/api/events?country=LAO&limit=500").json()["items"]
    assert sum(n for _, n in f.type) == len(lao_events)  # types: counted within the country filter
    assert dict(f.country) == dict(everything.country)  # countries: their own filter left out
    for t, n in f.type:
        assert f">{t} <span class=\"n\">{n}</span>" in html


def test_web_analyst_countries_page_lists_partnerships(client: TestClient) -> None:
    html = client.get("/countries").text
    assert "Vietnam&#39;s partnerships" in html or "Vietnam's partnerships" in html
    part = html[html.index('id="partnerships"'):]
    assert part.index("/countries/LAO") < part.index("/countries/CHN") < part.index("/countries/USA")
    assert "2023-09-10" in part and "Biden" in part


def test_web_analyst_document_figure_tags_lead_to_the_figure_and_its_pages(client: TestClient) -> None:
    docs = client.get("/api/documents?limit=50").json()["items"]
    big = next(d for d in docs if "东盟" in d["title"])
    html = client.get(f"/documents/{big['id']}").text
    fig = re.search(r'class="facttag" href="/facts\?figure=(\d+)"', html)
    assert fig
    page = client.get(f"/facts?figure={fig.group(1)}").text
    assert "Reported by 1 page" in page and "6800亿美元" in page
    assert len(client.get(f"/api/facts?figure={fig.group(1)}").json()["items"]) == 1
