"""Small parts of waishi.fetch: profiles data, intervals and sizes, dates, URL filtering,
feed and sitemap parsing (trafilatura's path, with host names), Retry-After, robots."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest

from waishi.fetch import FetchOptions, PoliteClient, load_profiles, parse_interval, parse_size
from waishi.fetch.discover import accept_url, parse_entry, to_day
from waishi.fetch.http import Fault, _retry_after
from waishi.fetch.profiles import ProfileError, find_profile
from waishi.fetch.robots import RobotsCache


def test_fetch_profiles_shipped_outlets_load() -> None:
    profiles = load_profiles()
    assert {"vietnamplus", "nhandan", "vovworld", "dangcongsan", "sggp"} <= set(profiles)
    for p in profiles.values():
        assert p.feeds or p.sitemaps
        assert p.article is not None and p.evidence
    assert find_profile(profiles, "越通社") is profiles["vietnamplus"]
    assert find_profile(profiles, "zh.vietnamplus.vn") is profiles["vietnamplus"]


@pytest.mark.parametrize("profile, url, ok", [
    ("vietnamplus", "https://zh.vietnamplus.vn/%E8%B6%8A%E4%B8%AD-post219061.vnp", True),
    ("vietnamplus", "https://zh.vietnamplus.vn/%E8%B6%8A%E4%B8%AD/89763.vnp", True),
    ("vietnamplus", "https://zh.vietnamplus.vn/chinhtri.vnp", False),
    ("nhandan", "https://cn.nhandan.vn/article-post156813.html", True),
    ("nhandan", "https://cn.nhandan.vn/political/", False),
    ("vovworld", "https://vovworld.vn/zh-CN/新闻/越侨媒体代表团访问-189344.vov", True),
    ("vovworld", "https://vovworld.vn/en-US/news/x-189344.vov", False),
    ("sggp", "https://cn.sggp.org.vn/%E6%99%82%E6%94%BF-post144539.html", True),
])
def test_fetch_profiles_article_patterns(profile: str, url: str, ok: bool) -> None:
    p = load_profiles()[profile]
    assert (accept_url(url, url, p) is not None) is ok


def test_fetch_profiles_bad_file_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text('[outlets.x]\nfeeds = "not a list"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"p\.toml: outlet 'x': feeds"):
        load_profiles(bad)
    bad.write_text("[outlets.x\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profiles(bad)
    bad.write_text('[outlets.x]\nfeeds = ["http://a.test/f"]\narticle = "("\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="bad article pattern"):
        load_profiles(bad)


@pytest.mark.parametrize("text, seconds", [("30m", 1800), ("1h", 3600), ("45", 45), ("0.2s", 0.2), ("500ms", 0.5)])
def test_fetch_options_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == pytest.approx(seconds)


def test_fetch_options_parse_bad_values() -> None:
    with pytest.raises(ValueError):
        parse_interval("soon")
    assert parse_size("10MB") == 10 * 1024 * 1024 and parse_size("512kb") == 512 * 1024
    with pytest.raises(ValueError):
        parse_size("big")


@pytest.mark.parametrize("text, day", [
    ("2024-05-22T08:00:00+07:00", "2024-05-22"),
    ("Wed, 22 May 2024 08:00:00 +0700", "2024-05-22"),
    ("2024年5月22日 10:31:05", "2024-05-22"),
    ("Thứ Tư, 22/05/2024 10:31", "2024-05-22"),
    ("2024-02-30", None),
    ("", None),
])
def test_fetch_discover_to_day(text: str, day: str | None) -> None:
    assert to_day(text) == day


def test_fetch_discover_accept_url_filters() -> None:
    base = "https://zh.example.vn/"
    assert accept_url("/a/b-1.html#top", base, None) == "https://zh.example.vn/a/b-1.html"
    assert accept_url("https://other.example.com/a-1.html", base, None) is None  # another host
    assert accept_url("https://zh.example.vn/img/a.jpg", base, None) is None  # not a page
    assert accept_url("https://zh.example.vn/", base, None) is None  # a front page
    assert accept_url("mailto:x@zh.example.vn", base, None) is None
    # an extension courlan does not know is kept unless it names a non-page type
    assert accept_url("https://zh.example.vn/a-post1.vnp", base, None) == "https://zh.example.vn/a-post1.vnp"
    assert accept_url("https://zh.example.vn/a.pdf", base, None) is None
    # a URL the user named is only normalised
    assert accept_url("https://zh.example.vn/tag/x", base, None) is None
    assert accept_url("https://zh.example.vn/tag/x", base, None, explicit=True) == "https://zh.example.vn/tag/x"


def test_fetch_run_resolve_sources(tmp_path: Path) -> None:
    from waishi.fetch import FetchError, resolve_sources

    profiles = load_profiles()
    urls = tmp_path / "urls.txt"
    urls.write_text("# mine\nhttps://zh.vietnamplus.vn/x-post1.vnp\n\n", encoding="utf-8")
    a, b, c = resolve_sources(["越通社", "https://cn.nhandan.vn/rss/home.rss", str(urls)], profiles)
    assert a.profile is profiles["vietnamplus"] and a.entries == profiles["vietnamplus"].feeds + a.profile.sitemaps
    assert b.profile is profiles["nhandan"]  # a known outlet's feed keeps its article pattern
    assert c.pages == ("https://zh.vietnamplus.vn/x-post1.vnp",) and c.profile is None
    with pytest.raises(FetchError, match="not an outlet profile"):
        resolve_sources(["nosuch"], profiles)
    (tmp_path / "empty.txt").write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(FetchError, match="no URLs"):
        resolve_sources([str(tmp_path / "empty.txt")], profiles)


def test_fetch_discover_feed_links_and_dates() -> None:
    rss = ('<?xml version="1.0" encoding="UTF-8"?><rss><channel><link>https://zh.example.vn/</link>'
           "<item><link>https://zh.example.vn/a-post1.vnp</link><pubDate>Tue, 21 May 2024 09:00:00 +0700</pubDate>"
           "</item><item><link>https://zh.example.vn/b-post2.vnp</link></item></channel></rss>")
    found = parse_entry(rss.encode(), "https://zh.example.vn/rss/home.rss", 10**6)
    assert found.kind == "feed"
    got = {link.url: link.date for link in found.pages}
    assert got["https://zh.example.vn/a-post1.vnp"] == "2024-05-21"
    assert got["https://zh.example.vn/b-post2.vnp"] is None


def test_fetch_discover_sitemap_index_and_gzip() -> None:
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             "<sitemap><loc>https://zh.example.vn/sm-1.xml.gz</loc></sitemap></sitemapindex>")
    found = parse_entry(index.encode(), "https://zh.example.vn/sitemap.xml", 10**6)
    assert found.kind == "sitemap" and found.sitemaps == ["https://zh.example.vn/sm-1.xml.gz"] and not found.pages
    urlset = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              "<url><loc>https://zh.example.vn/x-post9.vnp</loc><lastmod>2024-05-20</lastmod></url></urlset>")
    found = parse_entry(gzip.compress(urlset.encode()), "https://zh.example.vn/sm-1.xml.gz", 10**6)
    assert [(link.url, link.date) for link in found.pages] == [("https://zh.example.vn/x-post9.vnp", "2024-05-20")]
    with pytest.raises(ValueError, match="larger than"):
        parse_entry(gzip.compress(urlset.encode() * 50), "https://zh.example.vn/sm-1.xml.gz", 1000)


def test_fetch_http_retry_after_forms() -> None:
    assert _retry_after("7") == 7.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _retry_after("soon") is None and _retry_after(None) is None


def _client(handler: object, **kw: object) -> PoliteClient:
    opts = FetchOptions(**{"delay": 0.0, "retries": 2, "backoff": 0.0, **kw})  # type: ignore[arg-type]
    return PoliteClient(opts, transport=httpx.MockTransport(handler), sleep=lambda s: None)  # type: ignore[arg-type]


def test_fetch_http_long_retry_after_defers() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        return httpx.Response(503, headers={"Retry-After": "3600"})

    with _client(handler) as c, pytest.raises(Fault) as e:
        c.get("https://zh.example.vn/a.html")
    assert "deferred" in e.value.reason and e.value.retry_at is not None and not e.value.permanent


def test_fetch_http_too_many_redirects() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        n = int(req.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"Location": f"/{n + 1}"})

    with _client(handler, max_redirects=3) as c, pytest.raises(Fault, match="more than 3 redirects"):
        c.get("https://zh.example.vn/0")


def test_fetch_http_identifies_itself_and_sends_validators() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return httpx.Response(304)

    with _client(handler) as c:
        assert c.get("https://zh.example.vn/a", etag='"x"', last_modified="Wed, 22 May 2024 02:00:00 GMT").status == 304
    assert seen[0].headers["If-None-Match"] == '"x"' and "If-Modified-Since" in seen[0].headers
    assert seen[0].headers["User-Agent"].startswith("waishi/")


def test_fetch_http_waits_between_requests_to_one_host() -> None:
    clock = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        clock[0] += s

    opts = FetchOptions(delay=2.0, retries=0)
    c = PoliteClient(opts, transport=httpx.MockTransport(lambda r: httpx.Response(200, text="ok")),
                     sleep=sleep, clock=lambda: clock[0])
    c.get("https://a.example.vn/1")
    c.get("https://a.example.vn/2")
    c.get("https://b.example.vn/1")  # another host: no wait
    assert slept == [2.0]


def test_fetch_robots_rules() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.host == "down.example.vn":
            return httpx.Response(503)
        if req.url.host == "none.example.vn":
            return httpx.Response(404)
        return httpx.Response(200, text="User-agent: waishi\nDisallow: /x/\nCrawl-delay: 5\n"
                                        "Sitemap: https://a.example.vn/s.xml\n")

    with _client(handler, retries=0) as c:
        r = RobotsCache(c)
        assert not r.allowed("https://a.example.vn/x/1.html") and r.allowed("https://a.example.vn/y/1.html")
        assert r.sitemaps("https://a.example.vn/") == ["https://a.example.vn/s.xml"]
        assert c._delay["https://a.example.vn"] == 5.0
        assert not r.allowed("https://down.example.vn/a.html")  # 5xx: assume complete disallow
        assert r.allowed("https://none.example.vn/a.html")  # 404: no rules
        assert RobotsCache(c, obey=False).allowed("https://a.example.vn/x/1.html")


def test_fetch_discover_feed_in_gbk() -> None:
    rss = ('<?xml version="1.0" encoding="gbk"?><rss><channel><link>https://zh.example.vn/</link>'
           "<item><title>越南</title><link>https://zh.example.vn/越南-post7.vnp</link></item></channel></rss>")
    found = parse_entry(rss.encode("gbk"), "https://zh.example.vn/rss.xml", 10**6)
    assert "https://zh.example.vn/越南-post7.vnp" in [link.url for link in found.pages]


def test_fetch_frontier_newest_first(tmp_path: Path) -> None:
    from waishi.fetch import Frontier
    from waishi.store import Store

    with Store.open(tmp_path / "f.db") as st:
        f = Frontier(st.con)
        for url, day in (("u1", "2024-05-01"), ("u2", None), ("u3", "2024-05-09"), ("u4", "2019-01-01")):
            f.add(f"https://zh.example.vn/{url}", "s", "page", day, since="2020-01-01")
        assert [r.url[-2:] for r in f.todo("s")] == ["u3", "u1", "u2"]  # u4: before --since
