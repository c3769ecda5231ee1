"""Two fake outlets on 127.0.0.1 for the fetch tests and bench (threaded http.server, in-process).

Outlet A looks like a news agency's Chinese edition: an RSS feed, a sitemap index
with a plain and a gzipped sitemap, robots.txt with a Disallow and a Sitemap line,
articles ending in -post<id>.vnp, and the faults a fetcher meets: 404, 500 then
success, 429 with Retry-After, a response slower than the timeout, a redirect loop,
a 20 MB body, a GBK page without any charset. Outlet B is a plain site with an Atom
feed and .html articles. Every article text is written for these tests.

Each response carries an ETag and Last-Modified and answers a matching conditional
GET with 304. ``log`` keeps every request (path, headers, time).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import httpx

LAST_MODIFIED = "Wed, 22 May 2024 02:00:00 GMT"

# (id, title, body) — short texts in the agency's style, written for these tests.
A_ARTICLES = [
    (101, "越南政府副总理会见老挝外交部代表团",
     "越通社河内——5月20日，越南政府副总理在河内会见了老挝外交部代表团。双方同意加强两国在贸易和投资领域的合作。"),
    (102, "越南与柬埔寨举行边境合作会议",
     "越通社金边——5月21日，越南与柬埔寨在金边举行边境合作会议。双方表示将继续维护边境地区的和平与稳定。"),
    (105, "越南国会代表团访问新加坡",
     "越通社新加坡——5月18日，越南国会代表团抵达新加坡，开始对新加坡进行为期三天的正式访问。"),
    (106, "越南与日本签署农业合作备忘录",
     "越通社东京——5月17日，越南农业部与日本农林水产省签署农业合作备忘录，双方将在水稻种植领域开展合作。"),
    (111, "越南外交部发言人就东海问题答记者问",
     "越通社河内——5月16日，越南外交部发言人在例行记者会上回答了记者关于东海问题的提问。"),
    (112, "越南驻泰国大使馆举行招待会",
     "越通社曼谷——5月15日，越南驻泰国大使馆在曼谷举行招待会，庆祝两国建交周年。"),
]
A_GBK = (110, "越南与老挝加强教育合作",
         "越通社万象——5月14日，越南教育部代表团在万象同老挝教育部举行工作会谈，双方同意扩大留学生交流。")
A_OLD = (113, "越南与缅甸举行政治磋商", "越通社内比都——3月2日，越南与缅甸在内比都举行第五次政治磋商。")

B_ARTICLES = [
    (i, f"越南与各国合作新闻第{i}号",
     f"越通社河内——5月{(i % 20) + 1}日，越南工贸部与第{i}个合作伙伴举行视频会议，讨论双边贸易合作事宜。"
     f"双方同意年内举行第{i}次联委会会议。")
    for i in range(1, 15)
]


def article_html(title: str, body: str, day: str | None, *, charset: bool = True) -> str:
    meta = f'<meta property="article:published_time" content="{day}T09:00:00+07:00">' if day else ""
    cs = '<meta charset="utf-8">' if charset else ""
    return (f"<!doctype html><html><head>{cs}<title>{title} | 测试通讯社</title>{meta}</head>"
            f"<body><nav><a href=\"/\">首页</a></nav><article><h1>{title}</h1><p>{body}</p>"
            f"<p>（完）</p></article><footer>版权所有</footer></body></html>")


@dataclass
class Outlet:
    """One fake outlet's routes and state."""

    name: str
    routes: dict[str, Any] = field(default_factory=dict)  # path -> (status, headers, body) | callable
    log: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""  # what its feeds and sitemaps call it: http://NAME (see Resolver) or http://127.0.0.1:PORT
    port: int = 0

    def hits(self, path: str) -> int:
        return sum(1 for p, _, _ in self.log if p == path)


class _Handler(BaseHTTPRequestHandler):
    outlet: Outlet
    protocol_version = "HTTP/1.0"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        o = self.outlet
        path = unquote(urlsplit(self.path).path)
        with o.lock:
            o.log.append((path, dict(self.headers.items()), time.monotonic()))
            n = o.counts[path] = o.counts.get(path, 0) + 1
        route = o.routes.get(path)
        if route is None:
            return self._send(404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>404</body></html>")
        if callable(route):
            route = route(self, n)
            if route is None:
                return None
        status, headers, body = route
        if status == 200:
            etag = '"' + hashlib.md5(body).hexdigest()[:16] + '"'
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, **headers}
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, {"ETag": etag}, b"")
        return self._send(status, headers, body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        try:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if "Content-Length" not in headers and body is not None:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server:
    def __init__(self, outlet: Outlet) -> None:
        handler = type("H", (_Handler,), {"outlet": outlet})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        outlet.port = int(self.httpd.server_address[1])
        if not outlet.base:
            outlet.base = f"http://127.0.0.1:{outlet.port}"
        self.outlet = outlet
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml; charset=utf-8"}


def a_url(o: Outlet, aid: int, slug: str = "新闻") -> str:
    return f"{o.base}/a/{quote(slug)}-post{aid}.vnp"


def a_path(aid: int, slug: str = "新闻") -> str:
    return f"/a/{slug}-post{aid}.vnp"


def build_outlet_a(slow_seconds: float = 1.5, host: str | None = None) -> Outlet:
    o = Outlet("a", base=f"http://{host}" if host else "")
    r = o.routes
    for aid, title, body in A_ARTICLES:
        r[a_path(aid)] = (200, HTML, article_html(title, body, a_day(aid)).encode())
    aid, title, body = A_GBK
    r[a_path(aid)] = (200, {"Content-Type": "text/html"},
                      article_html(title, body, "2024-05-14", charset=False).encode("gbk"))
    aid, title, body = A_OLD
    r[a_path(aid)] = (200, HTML, article_html(title, body, "2019-03-02").encode())
    r[a_path(103, "private/机密")] = (200, HTML, article_html("不应抓取", "不应抓取的页面。", "2024-05-01").encode())

    ok105, ok106 = r[a_path(105)], r[a_path(106)]

    def flaky(h: Any, n: int) -> Any:  # 500, then the page
        if n == 1:
            return (500, HTML, b"<html><body>error</body></html>")
        return ok105

    def busy(h: Any, n: int) -> Any:  # 429 Retry-After 1, then the page
        if n == 1:
            return (429, {"Retry-After": "1", **HTML}, b"<html><body>slow down</body></html>")
        return ok106

    def slow(h: Any, n: int) -> Any:
        time.sleep(slow_seconds)
        return (200, HTML, article_html("迟到的页面", "这一页来得太慢。", "2024-05-01").encode())

    def huge(h: Any, n: int) -> None:  # 20 MB, no Content-Length (read until close)
        try:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.end_headers()
            h.wfile.write(b"<html><body><p>")
            chunk = ("很长的页面。" * 4000).encode()
            sent = 0
            while sent < 20 * 1024 * 1024:
                h.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    r[a_path(105)] = flaky
    r[a_path(106)] = busy
    r[a_path(107)] = slow
    r[a_path(108)] = (302, {"Location": quote(a_path(208))}, b"")
    r[a_path(208)] = (302, {"Location": quote(a_path(108))}, b"")
    r[a_path(109)] = huge
    r["/a/about.html"] = (200, HTML, article_html("关于我们", "本站介绍。", None).encode())
    items = [(aid, A_ARTICLES[[a[0] for a in A_ARTICLES].index(aid)][1] if aid in (101, 102) else f"条目{aid}")
             for aid in (101, 102, 104, 105, 106, 107, 108, 109, 110)]
    o.routes["/rss/home.rss"] = lambda h, n: (200, XML, rss(o, items, private=True).encode())
    o.routes["/sitemap-index.xml"] = lambda h, n: (200, XML, sitemap_index(o).encode())
    o.routes["/sitemap-1.xml"] = lambda h, n: (200, XML, urlset(o, [(101, "2024-05-21"), (111, "2024-05-16")],
                                                                extra=["/a/about.html"]).encode())
    o.routes["/sitemap-2.xml.gz"] = lambda h, n: (
        200, {"Content-Type": "application/x-gzip"},
        gzip.compress(urlset(o, [(112, "2024-05-15"), (113, "2019-03-02")]).encode(), mtime=0))
    o.routes["/robots.txt"] = lambda h, n: (200, {"Content-Type": "text/plain"}, (
        "User-agent: *\nDisallow: /a/private/\n\n"
        f"Sitemap: {o.base}/sitemap-index.xml\n").encode())
    return o


def a_day(aid: int) -> str:
    return f"2024-05-{aid % 100:02d}"


def rss(o: Outlet, items: list[tuple[int, str]], private: bool = False) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>测试通讯社</title>',
           f"<link>{o.base}/</link>"]
    for i, (aid, title) in enumerate(items):
        out.append(f"<item><title>{title}</title><link>{a_url(o, aid)}</link>"
                   f"<pubDate>Wed, {22 - (i % 9):02d} May 2024 08:00:00 +0700</pubDate></item>")
    if private:
        out.append(f"<item><title>机密</title><link>{o.base}/a/{quote('private/机密')}-post103.vnp</link></item>")
    out.append("</channel></rss>")
    return "".join(out)


def sitemap_index(o: Outlet) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{o.base}/sitemap-1.xml</loc></sitemap>"
            f"<sitemap><loc>{o.base}/sitemap-2.xml.gz</loc></sitemap></sitemapindex>")


def urlset(o: Outlet, items: list[tuple[int, str]], extra: list[str] = ()) -> str:  # type: ignore[assignment]
    out = ['<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for aid, day in items:
        out.append(f"<url><loc>{a_url(o, aid)}</loc><lastmod>{day}</lastmod></url>")
    for path in extra:
        out.append(f"<url><loc>{o.base}{path}</loc></url>")
    out.append("</urlset>")
    return "".join(out)


def b_path(i: int) -> str:
    return f"/b/news/art-{i}.html"


def build_outlet_b(n: int = len(B_ARTICLES), host: str | None = None) -> Outlet:
    o = Outlet("b", base=f"http://{host}" if host else "")
    shown = {"n": n}
    for i, title, body in B_ARTICLES:
        o.routes[b_path(i)] = (200, HTML, article_html(title, body, f"2024-05-{(i % 20) + 1:02d}").encode())
    # a page whose only date is in its URL (htmldate's fallback)
    o.routes["/b/news/2024/05/03/dated.html"] = (200, HTML, (
        "<!doctype html><html><head><meta charset='utf-8'><title>越南与印度举行会谈</title></head><body>"
        "<article><h1>越南与印度举行会谈</h1><p>越通社新德里——越南外交部副部长同印度外交部秘书举行会谈，"
        "双方讨论了两国全面战略伙伴关系。</p></article></body></html>").encode())

    def atom(h: Any, k: int) -> Any:
        entries = "".join(
            f'<entry><title>第{i}号</title><link href="{o.base}{b_path(i)}"/>'
            f"<updated>2024-05-{(i % 20) + 1:02d}T08:00:00Z</updated><id>b-{i}</id></entry>"
            for i in range(1, shown["n"] + 1))
        entries += (f'<entry><title>dated</title><link href="{o.base}/b/news/2024/05/03/dated.html"/>'
                    "<id>b-dated</id></entry>")
        return (200, {"Content-Type": "application/atom+xml"}, (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>B</title><link href="{o.base}/" rel="alternate"/>{entries}</feed>').encode())

    o.routes["/atom.xml"] = atom
    o.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
    o.shown = shown  # type: ignore[attr-defined]
    return o


PROFILE_TOML = """
[outlets.fakea]
name = "Fake agency A"
edition = "zh-Hans"
home = "{base}/"
feeds = ["{base}/rss/home.rss"]
sitemaps = ["{base}/sitemap-index.xml"]
article = '-post\\d+\\.vnp$'
headline = "//article/h1"
published = "//meta[@property='article:published_time']/@content"
"""


class Resolver(httpx.BaseTransport):
    """An httpx transport that sends ``http://NAME/...`` to the 127.0.0.1 port registered for NAME,
    so the fake outlets have host names (courlan and trafilatura need a domain) without DNS."""

    def __init__(self, *outlets: Outlet) -> None:
        self.inner = httpx.HTTPTransport()
        self.hosts = {httpx.URL(o.base).host: o.port for o in outlets}

    def handle_request(self, request: Any) -> Any:
        port = self.hosts.get(request.url.host)
        if port is not None:
            request.url = request.url.copy_with(host="127.0.0.1", port=port)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
