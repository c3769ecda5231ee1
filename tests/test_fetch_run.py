"""waishi.fetch against two fake outlets on 127.0.0.1 (tests/fetch_server.py): the right pages
arrive once with their dates, every fault is recorded and the pass goes on, a second pass
fetches nothing new, --since and --max-pages bound a pass, the WARC holds the responses."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from fetch_server import (
    A_ARTICLES,
    A_GBK,
    PROFILE_TOML,
    Resolver,
    Server,
    a_day,
    a_path,
    b_path,
    build_outlet_a,
    build_outlet_b,
)

from waishi.cli.common import extract_page as _extract_page
from waishi.fetch import Fetcher, FetchOptions, load_profiles, resolve_sources
from waishi.store import Store

OPTS = FetchOptions(delay=0.0, timeout=0.4, total_timeout=5.0, retries=1, backoff=0.05, max_bytes=2 * 1024 * 1024)


@pytest.fixture(scope="module")
def outlets() -> Any:
    a = Server(build_outlet_a(slow_seconds=1.2, host="agency-a.test"))
    b = Server(build_outlet_b(host="site-b.test"))
    yield a.outlet, b.outlet
    a.close()
    b.close()


def _sources(tmp: Path, a: Any, b: Any) -> list[Any]:
    pf = tmp / "profiles.toml"
    pf.write_text(PROFILE_TOML.format(base=a.base), encoding="utf-8")
    return resolve_sources(["fakea", b.base + "/atom.xml"], load_profiles(pf))


@pytest.fixture(scope="module")
def two_passes(outlets: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Pass 1 over both outlets, a copy of the store after it, then pass 2."""
    a, b = outlets
    tmp = tmp_path_factory.mktemp("fetch")
    srcs = _sources(tmp, a, b)
    db = tmp / "vn.db"
    with Store.open(db) as st:
        rep1 = Fetcher(st, _extract_page, OPTS, transport=Resolver(a, b)).run_pass(srcs)
    logs1 = (list(a.log), list(b.log))
    shutil.copy(db, tmp / "after1.db")
    with Store.open(db) as st:
        rep2 = Fetcher(st, _extract_page, OPTS, transport=Resolver(a, b)).run_pass(srcs)
    logs2 = (a.log[len(logs1[0]):], b.log[len(logs1[1]):])
    return {"db": db, "rep1": rep1, "rep2": rep2, "logs1": logs1, "logs2": logs2, "a": a, "b": b, "tmp": tmp}


def _rows(db: Path, sql: str, *args: Any) -> list[Any]:
    with Store.open(db, readonly=True) as st:
        return st.con.execute(sql, args).fetchall()


def _frontier(db: Path, path: str, base: str) -> Any:
    from urllib.parse import quote

    return _rows(db, "SELECT state, status, error, published FROM fetch_frontier WHERE url=?",
                 base + quote(path))[0]


def test_fetch_run_pages_arrive_once_with_published_dates(two_passes: Any) -> None:
    db, b = two_passes["db"], two_passes["b"]
    got = dict(_rows(db, "SELECT title, published FROM sources"))
    want = {title: a_day(aid) for aid, title, _ in A_ARTICLES} | {A_GBK[1]: "2024-05-14"}
    want |= {f"越南与各国合作新闻第{i}号": f"2024-05-{(i % 20) + 1:02d}" for i in range(1, 15)}
    want["越南与印度举行会谈"] = "2024-05-03"  # no metadata: htmldate reads the URL's date
    assert {k: got.get(k) for k in want} == want
    assert len(got) == len(want) + 1  # + the 2019 page of the gzipped sitemap
    n_sources = _rows(db, "SELECT count(*), count(DISTINCT url) FROM sources")[0]
    assert n_sources[0] == n_sources[1]
    # listed by the feed and by a sitemap, fetched once
    assert sum(1 for p, _, _ in two_passes["logs1"][0] if p == a_path(101)) == 1
    # every page is stored under its URL and has documents
    assert _rows(db, "SELECT count(*) FROM sources s WHERE NOT EXISTS "
                     "(SELECT 1 FROM documents d WHERE d.source_id = s.id)")[0][0] == 0
    assert _rows(db, "SELECT count(*) FROM sources WHERE url NOT LIKE 'http://%'")[0][0] == 0
    assert b.hits(b_path(3)) >= 1


def test_fetch_run_gbk_page_without_charset_decoded(two_passes: Any) -> None:
    text, enc = _rows(two_passes["db"], "SELECT d.text, s.encoding FROM documents d JOIN sources s "
                                        "ON s.id = d.source_id WHERE s.title = ?", A_GBK[1])[0]
    assert "留学生交流" in text and enc == "gb18030"


def test_fetch_run_faults_recorded_and_run_goes_on(two_passes: Any) -> None:
    db, a = two_passes["db"], two_passes["a"]
    base = a.base
    assert _frontier(db, a_path(104), base)[:2] == ("gone", 404)
    assert _frontier(db, a_path(108), base)[0] == "gone" and _frontier(db, a_path(108), base)[2] == "redirect loop"
    assert "body larger than" in _frontier(db, a_path(109), base)[2]
    assert _frontier(db, a_path(107), base)[0] == "failed" and "timeout" in _frontier(db, a_path(107), base)[2]
    assert _frontier(db, a_path(103, "private/机密"), base)[0] == "robots"
    assert a.hits(a_path(103, "private/机密")) == 0  # never requested
    # 500 then success, 429 then success: both stored after one retry
    assert _frontier(db, a_path(105), base)[0] == "done" and _frontier(db, a_path(106), base)[0] == "done"
    # Retry-After: 1 honoured between the two requests of the 429 page
    times = [t for p, _, t in two_passes["logs1"][0] if p == a_path(106)]
    assert len(times) == 2 and times[1] - times[0] >= 0.9
    errors = dict(_rows(db, "SELECT path, reason FROM errors"))
    assert any("redirect loop" in r for r in errors.values())
    assert any("HTTP 404" in r for r in errors.values())
    # the front page of the sitemap's about.html is no article of the profile: never fetched
    assert a.hits("/a/about.html") == 0
    rep = two_passes["rep1"]
    fake = next(s for s in rep.sources if s.source == "fakea")
    assert fake.failed == 4 and fake.robots == 1 and fake.stored >= 8


def test_fetch_run_second_pass_fetches_nothing_new(two_passes: Any) -> None:
    db, rep2 = two_passes["db"], two_passes["rep2"]
    assert rep2.run.added == 0 and rep2.run.replaced == 0
    logs_a, logs_b = two_passes["logs2"]
    feeds = [(p, h) for p, h, _ in logs_a + logs_b if p in ("/rss/home.rss", "/atom.xml", "/sitemap-index.xml")]
    assert len(feeds) == 3 and all("If-None-Match" in h for _, h in feeds)  # conditional GET -> 304
    pages = {p for p, _, _ in logs_a + logs_b if p.endswith((".vnp", ".html"))}
    assert pages <= {a_path(107)}  # only the transient failure is tried again
    assert _rows(db, "SELECT count(*) FROM sources") == _rows(two_passes["tmp"] / "after1.db",
                                                              "SELECT count(*) FROM sources")


def test_fetch_run_stats_show_sources(two_passes: Any) -> None:
    from waishi.store import stats

    with Store.open(two_passes["db"], readonly=True) as st:
        s = stats(st)
    by = {r["source"]: r for r in s.fetch_sources}
    assert by["fakea"]["errors"] == 4 and by["fakea"]["last_fetch"]
    assert by[two_passes["b"].base + "/atom.xml"]["errors"] == 0


def test_fetch_run_warc_keeps_responses(two_passes: Any) -> None:
    from waishi.read import iter_pages

    warcs = sorted((two_passes["tmp"] / "vn.db.warc").glob("*.warc.gz"))
    assert len(warcs) == 2
    pages = [p for p in iter_pages(str(warcs[0])) if not isinstance(p, Exception)]
    titles = {p.text.split("\n", 1)[0] for p in pages}
    assert A_ARTICLES[0][1] in titles and "越南与各国合作新闻第1号" in titles
    # the frontier points at the response record a stored page came from
    from urllib.parse import quote

    from warcio.archiveiterator import ArchiveIterator

    url = two_passes["a"].base + quote(a_path(101))
    ref = _rows(two_passes["db"], "SELECT warc FROM fetch_frontier WHERE url=?", url)[0][0]
    name, offset = ref.split("#")
    with open(two_passes["tmp"] / "vn.db.warc" / name, "rb") as fh:
        fh.seek(int(offset))
        record = next(iter(ArchiveIterator(fh)))
        assert record.rec_type == "response"
        assert record.rec_headers.get_header("WARC-Target-URI") == url
        assert A_ARTICLES[0][1] in record.content_stream().read().decode("utf-8")


def test_fetch_run_since_and_max_pages(outlets: Any, tmp_path: Path) -> None:
    a, b = outlets
    srcs = _sources(tmp_path, a, b)
    before = a.hits(a_path(113))
    opts = FetchOptions(delay=0.0, timeout=0.4, retries=0, backoff=0.0, since="2024-05-10", max_pages=3)
    with Store.open(tmp_path / "s.db") as st:
        rep = Fetcher(st, _extract_page, opts, transport=Resolver(a, b)).run_pass(srcs[:1])
        rows = {u.rsplit("-post", 1)[-1]: (s, e) for u, s, e in
                st.con.execute("SELECT url, state, error FROM fetch_frontier WHERE kind='page'")}
        stored = st.con.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert a.hits(a_path(113)) == before  # the sitemap dates it 2019: never fetched
    assert rows["113.vnp"][0] == "old"
    assert rep.pages_fetched == 3  # --max-pages
    # fetched, but the page's own date (1 and 2 May) is before --since: not stored
    assert rows["101.vnp"][0] == "old" and "before --since" in rows["101.vnp"][1]
    assert rows["102.vnp"][0] == "old" and stored == 0
    assert sum(1 for s, _ in rows.values() if s == "new") >= 5  # left for the next pass
