"""Review mode in a real browser (Chromium via Playwright, as test_web_browser.py) and its
write protection over HTTP: token, CSRF, origin, escaping of notes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_corpus import serve_app

import waishi
from waishi.server import create_review_app
from waishi.store import Store, events, ingest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TOKEN = "review-token-for-tests-0123456789"

PAGES = {
    "sg.txt": """越南副总理陈红河会见新加坡贸工部长颜金勇

2024年8月5日，越南政府副总理陈红河在河内会见新加坡贸工部长颜金勇。双方同意加强经贸合作。

当天，陈红河与颜金勇共同出席越新经济论坛。

8月6日，颜金勇与北宁省领导共进工作午餐。(完)
""",
    "la.txt": """越南外长裴青山与老挝外长沙伦赛通电话

2024年9月3日，越南外交部长裴青山与老挝外交部长沙伦赛·贡玛西通电话。(完)
""",
}
LUNCH = "8月6日，颜金勇与北宁省领导共进工作午餐。"


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


@contextmanager
def review_server(db: Path) -> Iterator[str]:
    with serve_app(create_review_app(db, {TOKEN: "lan"})) as url:
        yield url


@pytest.fixture
def db(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in PAGES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    path = tmp_path / "review.db"
    with Store.open(path) as st:
        ingest(st, [corpus], _extract)
    return path


def _count(db: Path) -> tuple[int, ...]:
    with Store.open(db, readonly=True) as st:
        return tuple(st.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("decisions", "events", "event_reports"))


def _event_key(base: str, client: httpx.Client) -> dict[str, Any]:
    got = client.get(base + "/api/review/pages/2/0", headers={"authorization": f"Bearer {TOKEN}"}).json()
    return got["events"][0]["key"]  # type: ignore[no-any-return]


def test_web_review_writes_need_the_token_and_a_same_site_page(db: Path) -> None:
    with review_server(db) as base, httpx.Client() as anon:
        key = _event_key(base, anon)
        before = _count(db)
        body = {"kind": "event", "action": "reject", "target": key, "note": "x"}
        assert anon.post(base + "/api/review/decisions", json=body).status_code == 401
        assert anon.post(base + "/api/review/decisions", json=body,
                         headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
        assert anon.get(base + "/review").status_code == 401
        # a cross-site form post: no token (the cookie is SameSite=Strict), another Origin
        form = anon.post(base + "/api/review/decisions", data={"kind": "event", "action": "reject"},
                         headers={"origin": "http://evil.example", "content-type": "application/x-www-form-urlencoded"})
        assert form.status_code == 401
        # signed in, but a page of another site rides on the cookie: refused
        with httpx.Client(follow_redirects=False) as me:
            r = me.get(base + f"/review?token={TOKEN}")
            assert r.status_code == 303 and "token" not in r.headers["location"]
            assert "httponly" in r.headers.get_list("set-cookie")[0].lower()
            csrf = me.cookies["waishi_csrf"]
            assert me.post(base + "/api/review/decisions", json=body).status_code == 403  # no CSRF header
            assert me.post(base + "/api/review/decisions", json=body,
                           headers={"x-csrf-token": csrf, "origin": "http://evil.example"}).status_code == 403
            assert me.post(base + "/api/review/decisions", json=body,
                           headers={"x-csrf-token": "forged", "origin": base}).status_code == 403
            assert _count(db) == before  # nothing changed
            ok = me.post(base + "/api/review/decisions", json={**body, "note": "<script>alert(1)</script>"},
                         headers={"x-csrf-token": csrf, "origin": base})
            assert ok.status_code == 201 and ok.json()["author"] == "lan"
            assert _count(db)[0] == before[0] + 1
            doc = me.get(base + "/review/pages/2/0").text
            assert "<script>alert(1)</script>" not in doc and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
            # the API and the dashboard's document page name the decision and its author (default mode too)
            doc_id = me.get(base + "/api/review/pages/2/0").json()["document_id"]
            listed = me.get(base + f"/api/documents/{doc_id}/decisions").json()
            assert [(x["action"], x["author"]) for x in listed] == [("reject", "lan")]
            page = me.get(base + f"/documents/{doc_id}", headers={"accept": "text/html"}).text
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
            bad = me.post(base + "/api/review/decisions", json={**body, "action": "edit", "fields": {"date": "soon"}},
                          headers={"x-csrf-token": csrf, "origin": base})
            assert bad.status_code == 422 and "date must be" in bad.text
        # a merged event: one decision per report, through the API (a script with the bearer token)
        auth = {"authorization": f"Bearer {TOKEN}"}
        call = next(e for e in anon.get(base + "/api/events?type=phone_call").json()["items"])
        assert 'id="event-review"' in anon.get(base + f"/events/{call['id']}", headers={"accept": "text/html"}).text
        r = anon.post(base + f"/api/events/{call['id']}/decisions", json={"action": "reject"}, headers=auth)
        assert r.status_code == 405  # the read-only API has no such write
        r = anon.post(base + f"/api/review/events/{call['id']}/decisions", json={"action": "reject"})
        assert r.status_code == 401
        r = anon.post(base + f"/api/review/events/{call['id']}/decisions", json={"action": "reject"}, headers=auth)
        assert r.status_code == 201 and [d["action"] for d in r.json()] == ["reject"]
        assert not anon.get(base + "/api/events?type=phone_call").json()["items"]


pytestmark_browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed")


@pytestmark_browser
def test_web_review_browser_reject_edit_add_then_events_page(db: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with review_server(db) as base, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN").new_page()
        pg.set_default_timeout(20_000)
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.goto(base + f"/review?token={TOKEN}")
        pg.wait_for_url(re.compile(r"/review$"))
        assert "0 / 2" in pg.locator("#progress").inner_text()
        pg.keyboard.press("j")  # the queue's second document: the Singapore one
        assert "cur" in (pg.locator("tr.qrow").nth(1).get_attribute("class") or "")
        assert "颜金勇" in pg.locator("tr.qrow.cur").inner_text()
        pg.keyboard.press("Enter")
        pg.wait_for_url(re.compile(r"/review/pages/2/0"))
        items = pg.locator("li.item[data-kind=event]")
        assert items.count() == 2
        assert "meet" in items.nth(0).inner_text() and "attend" in items.nth(1).inner_text()
        # reject the second event: j, r
        pg.keyboard.press("j")
        pg.keyboard.press("r")
        pg.wait_for_selector("li.item[data-kind=event].st-rejected")
        # edit the first one's date: k, e, type, Enter
        pg.keyboard.press("k")
        pg.keyboard.press("k")
        pg.keyboard.press("e")
        date = pg.locator("li.item[data-kind=event]").nth(0).locator("input[name=date]")
        date.fill("2024-08-04")
        date.press("Enter")
        pg.wait_for_selector("li.item[data-kind=event].st-edited")
        # add the missed lunch by selecting its sentence
        pg.evaluate("""(needle) => {
            const el = document.getElementById('rtext');
            const at = el.textContent.indexOf(needle), to = at + needle.length;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            const r = document.createRange();
            let n, pos = 0;
            while ((n = walker.nextNode())) {  // names are spans of their own: the sentence spans nodes
              const len = n.data.length;
              if (pos <= at && at < pos + len) r.setStart(n, at - pos);
              if (pos < to && to <= pos + len) r.setEnd(n, to - pos);
              pos += len;
            }
            const s = getSelection(); s.removeAllRanges(); s.addRange(r);
            el.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""", LUNCH)
        form = pg.locator("#addform")
        assert form.is_visible() and pg.locator("#addtext").inner_text() == LUNCH
        form.locator("select[name=type]").select_option("meet")
        form.locator("input[name=date]").fill("2024-08-06")
        form.locator("input[name=source]").fill("颜金勇")
        form.locator("input[name=target]").fill("北宁省领导")
        form.locator("input[name=note]").fill("共进午餐 is a meeting <i>too</i>")
        form.locator("button[type=submit]").click()
        pg.wait_for_selector("li.item[data-kind=event].st-added")
        assert pg.locator("li.item[data-kind=event]").count() == 3
        assert "<i>too</i>" in pg.locator("section.decisions").inner_text()  # the note, as text
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "review-document.png"), full_page=True)
        pg.keyboard.press("d")  # document reviewed: on to the next unreviewed one
        pg.wait_for_url(re.compile(r"/review/pages/1/0"))
        assert "1 / 2" in pg.locator("#progress").inner_text()
        # the events page shows the result
        pg.goto(base + "/events?country=SGP")
        assert pg.locator("header nav a[href='/review']").count() == 1  # review mode links its queue
        rows = pg.locator("table.events tbody tr")
        text = " | ".join(rows.nth(i).inner_text() for i in range(rows.count()))
        assert "2024-08-04" in text and "2024-08-05" not in text
        assert "attend" not in text and "北宁省领导" in text
        pg.screenshot(path=str(ARTIFACTS / "review-events-after.png"), full_page=True)
        # the event page names the decision and its author
        pg.locator("table.events tbody tr", has_text="北宁省领导").locator("td a").first.click()
        pg.wait_for_url(re.compile(r"/events/\d+$"))
        assert "add" in pg.locator("section.decisions").inner_text()
        assert "lan" in pg.locator("section.decisions").inner_text()
        assert not errors, errors
        browser.close()
    with Store.open(db, readonly=True) as st:
        got = sorted((e.type, e.date) for e in events(st, country="SGP"))
    assert got == [("meet", "2024-08-04"), ("meet", "2024-08-06")]
