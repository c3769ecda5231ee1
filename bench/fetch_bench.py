"""Fetch benchmark: pages/s fetched vs pages/s fetched *and* ingested, politeness off.

    python bench/fetch_bench.py [-n 1000] [--json PATH]

A local threaded HTTP server (127.0.0.1, this process) serves N synthetic pages
(bench/synth.py, rendered as HTML articles with their publication date) and an RSS
feed listing them. Then, on one core:

1. fetch only: the polite client (delay 0) GETs every page, nothing read or stored:
   the fetcher's own rate;
2. fetch + ingest: ``waishi.fetch.Fetcher.run_pass`` over the feed into a fresh store
   (delay 0, robots.txt read, WARC written): the rate a user sees, with the time split
   between HTTP and reading/extracting/storing.

The ratio (1)/(2) says how much faster the fetcher is than ingest: above 1, the
fetcher is not the bottleneck. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from waishi.fetch import Fetcher, FetchOptions, PoliteClient, load_profiles, resolve_sources  # noqa: E402
from waishi.fetch.page import page_from_response  # noqa: E402
from waishi.store import Store  # noqa: E402


def _article(title: str, body: str, day: str) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta property='article:published_time' content='{day}T08:00:00+07:00'></head><body>"
            f"<article><h1>{html.escape(title)}</h1>{paras}</article></body></html>").encode()


def serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``pages`` (path -> bytes; read at request time, so entries may be added later)."""
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else keep-alive responses stall ~40 ms on delayed ACKs

        def log_message(self, *a: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/feed.rss" and self.path in pages:
                body, ctype = pages[self.path], "application/rss+xml"
            elif self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            else:
                body, ctype = pages.get(self.path, b""), "text/html; charset=utf-8"
                if not body:
                    self.send_error(404)
                    return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def _extract(page: Any) -> Any:
    from waishi.extract.pipeline import extract

    return extract(page.text, published=page.published, url=page.url, source=page.source, encoding=page.encoding)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="pages to serve")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args()

    pages: dict[str, bytes] = {}
    items = []
    for sp in synth.generate(args.n, seed=1):
        head, _, body = sp.text.partition("\n")
        path = f"/news/{sp.name}.html"
        pages[path] = _article(head.strip(), body, sp.published)
        items.append(path)
    httpd, base = serve(pages)
    pages["/feed.rss"] = ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><link>" + base
                          + "/</link>" + "".join(f"<item><link>{base}{p}</link></item>" for p in items)
                          + "</channel></rss>").encode()

    work = Path(tempfile.mkdtemp(prefix="waishi-fetch-bench-"))
    try:
        opts = FetchOptions(delay=0.0, timeout=10.0, retries=0, robots=True, batch_size=200, batch_seconds=5.0)
        # 1. fetch only: HTTP, nothing read or stored (one warm-up request first)
        total_bytes = 0
        with PoliteClient(opts) as client:
            page_from_response(client.get(base + items[0]), None)  # warm imports (trafilatura)
            t = time.perf_counter()
            for p in items:
                total_bytes += len(client.get(base + p).body)
            fetch_s = time.perf_counter() - t
        fetch_rate = len(items) / fetch_s

        # 2. fetch + ingest through the fetcher
        db = work / "bench.db"
        with Store.open(db) as st:
            srcs = resolve_sources([base + "/feed.rss"], load_profiles())
            t = time.perf_counter()
            rep = Fetcher(st, _extract, opts).run_pass(srcs)
            ingest_s = time.perf_counter() - t
        stored = sum(c.stored for c in rep.sources)
        ingest_rate = stored / ingest_s
        ratio = fetch_rate / ingest_rate if ingest_rate else float("inf")
        print(f"pages served: {len(items):,} ({total_bytes / len(items) / 1024:.1f} KB each)")
        print(f"fetch only (HTTP):           {fetch_rate:8,.1f} pages/s")
        print(f"fetch + ingest (end to end): {ingest_rate:8,.1f} pages/s  ({stored:,} stored in {ingest_s:.1f} s; "
              f"HTTP {rep.fetch_seconds:.1f} s, read+extract+store {rep.store_seconds:.1f} s)")
        print(f"ratio fetched/ingested: {ratio:.1f}x  -> "
              + ("the fetcher is not the bottleneck (ingest is)" if ratio > 1 else "the fetcher is the bottleneck"))
        if args.json:
            Path(args.json).write_text(json.dumps({
                "bench": "fetch", "pages": len(items), "fetch_pages_per_s": round(fetch_rate, 1),
                "ingest_pages_per_s": round(ingest_rate, 1), "ratio": round(ratio, 2),
                "http_s": round(rep.fetch_seconds, 2), "store_s": round(rep.store_seconds, 2)}, indent=2) + "\n",
                encoding="utf-8")
    finally:
        httpd.shutdown()
        httpd.server_close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
