"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright.

No `playwright install`: the system chromium (/usr/bin/chromium; `.ci/run` installs
it) is used as is. Every request leaving 127.0.0.1 is aborted and recorded, so the
pages are shown to work with no internet. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_corpus import build_store, live_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="chromium is not installed (/usr/bin/chromium; apt-get install chromium)")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(build_store(tmp_path_factory.mktemp("web"))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """What a page did that it should not: leave the machine, fail a script, open a dialog."""

    def __init__(self, page: Any, base: str) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r: Any) -> None:
            if r.request.url.startswith(base):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)

    def clean(self) -> None:
        assert not self.outside, f"requests left the machine: {self.outside}"
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        assert not self.errors, f"errors in the page: {self.errors}"


@pytest.fixture
def page(browser: Any, base: str) -> Iterator[tuple[Any, Watch]]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    yield pg, Watch(pg, base)
    ctx.close()


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_web_browser_overview_draws_its_charts(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    pg.goto(base + "/")
    pg.wait_for_selector(".chart[data-chart=timeline] .main-svg")  # plotly drew, from this server
    pg.wait_for_selector(".chart[data-chart=hbars] .main-svg")
    assert pg.locator(".card b").first.inner_text().strip() != "0"
    assert pg.locator("table.events tbody tr").count() >= 5
    assert "老挝" in pg.locator(".chart[data-chart=hbars]").inner_text()
    _shot(pg, "overview")
    watch.clean()


def test_web_browser_filter_events_by_country(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    pg.goto(base + "/events")
    everything = pg.locator("table.events tbody tr").count()
    pg.select_option("select[name=country]", "KHM")
    pg.click("form.filters button[type=submit]")
    pg.wait_for_url(re.compile(r"country=KHM"))
    rows = pg.locator("table.events tbody tr")
    assert 0 < rows.count() < everything
    for i in range(rows.count()):
        assert "KHM" in rows.nth(i).inner_text()
    assert pg.locator("select[name=country]").input_value() == "KHM"  # the form keeps the filter
    _shot(pg, "events-khm")
    watch.clean()


def test_web_browser_document_shows_its_highlights(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    pg.goto(base + "/documents/1")
    text = pg.locator("#text")
    assert text.locator(".ent-person").count() >= 2
    assert text.locator(".ent-country, .ent-place").count() >= 2
    assert text.locator(".ent-date").count() >= 1
    assert text.locator(".sent.has-ev").count() >= 1 and text.locator("a.evtag").count() >= 1
    assert text.locator(".sent.has-fact").count() >= 1
    person = text.locator("a.ent-person").first
    assert person.get_attribute("href", timeout=5000).startswith("/people/")
    # the legend hides a kind of highlight and shows it again
    pg.uncheck("input[data-toggle=person]")
    assert "hide-person" in (text.get_attribute("class") or "")
    pg.check("input[data-toggle=person]")
    _shot(pg, "document")
    watch.clean()


def test_web_browser_event_leads_to_its_evidence(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    pg.goto(base + "/events?country=KHM&type=meet")
    pg.locator("table.events tbody tr td a").first.click()  # the date links to the event
    pg.wait_for_url(re.compile(r"/events/\d+$"))
    assert pg.locator("ol.reports > li").count() == 2  # two outlets, two reports
    quote = pg.locator("ol.reports a.evlink").nth(1)
    sentence = quote.inner_text()
    quote.click()
    pg.wait_for_url(re.compile(r"/documents/\d+#s-\d+$"))
    target = pg.locator(":target")
    plain = target.evaluate("e => { const c = e.cloneNode(true); "
                            "c.querySelectorAll('.ent-label, .evtag, .facttag').forEach(x => x.remove()); "
                            "return c.textContent }")
    assert target.count() == 1 and plain == sentence
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }")
    _shot(pg, "evidence")
    watch.clean()


def test_web_browser_country_and_person_pages(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    pg.goto(base + "/countries/LAO")
    pg.wait_for_selector(".chart[data-chart=timeline] .main-svg")
    pg.wait_for_selector(".chart[data-chart=figures] .main-svg")
    _shot(pg, "country-lao")
    pg.locator("section:has(h2:text('People of')) a[href^='/people/']").first.click()
    pg.wait_for_url(re.compile(r"/people/\d+$"))
    assert pg.locator("h1").inner_text().strip()
    pg.wait_for_selector(".chart[data-chart=titles] .main-svg")
    _shot(pg, "person")
    pg.goto(base + "/graph")
    pg.wait_for_selector(".chart[data-chart=graph] .main-svg")
    _shot(pg, "graph")
    watch.clean()


@pytest.mark.parametrize("path", ["/documents?kind=article", "/search?q=script", "/events?country=LAO", "/"])
def test_web_browser_stored_markup_never_runs(page: tuple[Any, Watch], base: str, path: str) -> None:
    pg, watch = page
    pg.goto(base + path)
    if path.startswith("/documents"):
        pg.locator("a", has_text="onmouseover").first.click()
        pg.wait_for_url(re.compile(r"/documents/\d+$"))
        assert '<b onmouseover="window.__xss=3">' in pg.locator("h1").inner_text()
        body = pg.locator("#text").inner_text()
        # (an event's label may stand at a sentence end inside it: the markup is shown as text either way)
        assert "<script>window.__xss=1;" in body and "alert(1)</script>" in body and "onerror" in body
        pg.locator("h1").hover()
        _shot(pg, "xss-document")
    pg.wait_for_timeout(300)
    assert pg.evaluate("window.__xss") is None
    assert pg.locator("#text img, main img, main script:not([type='application/json'])").count() == 0
    watch.clean()
