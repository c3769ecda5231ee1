"""One fetch pass (and ``watch``: passes at an interval): sources -> frontier -> pages -> store.

A pass reads each source's entry points (feeds, sitemaps, a sitemap index's
children; conditional GET, so an unchanged feed costs a 304), records the article
URLs they list in the frontier, then fetches the frontier's pending pages one at a
time and puts each through the reader and the store's writer like a file. Every
fault is recorded (frontier row, ``errors`` table, the source's counts) and the pass
goes on. A killed pass resumes from the frontier: pages not marked done are
fetched again and the writer recognises the ones it already stored.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import InputError
from ..lexicon import Lexicon
from ..store import RunStats, Store, Writer
from ..store.ingest import Extractor, put_page
from .archive import WarcArchive, warc_dir_for
from .discover import HTML, UNKNOWN, accept_url, parse_entry, read_url_list
from .frontier import Frontier, FrontierRow, SourceCounts
from .http import Fault, PoliteClient, Response
from .options import FetchOptions
from .page import page_from_response
from .profiles import FetchError, Profile, find_profile
from .robots import RobotsCache

__all__ = ["Fetcher", "PassReport", "Source", "resolve_sources"]

LOGGER = logging.getLogger(__name__)

MAX_ENTRIES = 500  # feeds + sitemaps read per source and pass (a sitemap index of a big site is bounded)
Progress = Callable[[SourceCounts], None]


@dataclass(frozen=True, slots=True)
class Source:
    """What one SOURCE argument names."""

    name: str  # key in fetch_sources: a profile key, a URL, or a file path
    entries: tuple[str, ...] = ()  # feeds, sitemaps or pages to read
    pages: tuple[str, ...] = ()  # page URLs the user named (a file of URLs): no pattern, no filter
    profile: Profile | None = None


def profile_for_url(profiles: dict[str, Profile], url: str) -> Profile | None:
    """The profile whose entry points are on ``url``'s host, if exactly one is."""
    host = urlsplit(url).hostname
    found = [p for p in profiles.values()
             if host in {urlsplit(u).hostname for u in (*p.feeds, *p.sitemaps, *((p.home,) if p.home else ()))}]
    return found[0] if len(found) == 1 else None


def resolve_sources(args: Sequence[str], profiles: dict[str, Profile]) -> list[Source]:
    """Profile names (or aliases), feed/sitemap/page URLs, files of URLs -> Sources; raises FetchError."""
    out: list[Source] = []
    for arg in args:
        prof = find_profile(profiles, arg)
        if prof is not None:
            out.append(Source(prof.key, entries=prof.feeds + prof.sitemaps, profile=prof))
        elif arg.startswith(("http://", "https://")):
            # a feed or sitemap of a known outlet keeps that outlet's article pattern and XPaths
            out.append(Source(arg, entries=(arg,), profile=profile_for_url(profiles, arg)))
        elif os.path.isfile(arg):
            try:
                urls = read_url_list(arg)
            except OSError as e:
                raise FetchError(f"{arg}: cannot read: {e.strerror or e}") from None
            if not urls:
                raise FetchError(f"{arg}: no URLs in the file")
            out.append(Source(os.path.abspath(arg), pages=tuple(urls)))
        else:
            raise FetchError(f"{arg}: not an outlet profile ({', '.join(sorted(profiles))}), "
                             "an http(s) URL, or a file of URLs")
    return out


@dataclass(slots=True)
class PassReport:
    sources: list[SourceCounts]
    run: RunStats
    requests: int = 0
    elapsed: float = 0.0
    warc: str | None = None
    pages_fetched: int = 0
    fetch_seconds: float = 0.0  # time inside HTTP (incl. politeness waits)
    store_seconds: float = 0.0  # time reading, extracting and writing pages

    def to_dict(self) -> dict[str, object]:
        return {"sources": [s.to_dict() for s in self.sources], "run": self.run.to_dict(),
                "requests": self.requests, "elapsed_s": round(self.elapsed, 3), "warc": self.warc,
                "fetch_s": round(self.fetch_seconds, 3), "store_s": round(self.store_seconds, 3)}


class Fetcher:
    """Fetch sources into a store. ``transport`` (httpx) is for tests and benches."""

    def __init__(self, store: Store, extract: Extractor, options: FetchOptions | None = None, *,
                 transport: httpx.BaseTransport | None = None, progress: Progress | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.store = store
        self.extract = extract
        self.options = options or FetchOptions()
        self.transport = transport
        self.progress = progress
        self.lexicon = lexicon

    # -- passes --------------------------------------------------------------------------
    def watch(self, sources: Sequence[Source], interval: float, *, polls: int | None = None,
              on_poll: Callable[[int, PassReport], None] | None = None,
              sleep: Callable[[float], None] = time.sleep) -> list[PassReport]:
        """Passes every ``interval`` seconds until interrupted (or ``polls`` passes)."""
        reports: list[PassReport] = []
        n = 0
        while True:
            rep = self.run_pass(sources)
            n += 1
            reports.append(rep)
            if on_poll is not None:
                on_poll(n, rep)
            if polls is not None and n >= polls:
                return reports
            sleep(interval)

    def run_pass(self, sources: Sequence[Source]) -> PassReport:
        opts = self.options
        t0 = time.perf_counter()
        wdir = opts.warc_dir if opts.warc_dir is not None else warc_dir_for(self.store.path)
        archive = WarcArchive(wdir) if wdir and self.store.path != ":memory:" else None

        def record(resp: Response) -> None:
            if archive is not None:
                resp.warc = archive.write(resp)

        p = _Pass(self, record)
        try:
            with PoliteClient(opts, transport=self.transport, record=record) as client:
                p.client = client
                p.robots = RobotsCache(client, obey=opts.robots)
                with Writer(self.store, lexicon=self.lexicon, batch_size=opts.batch_size,
                            batch_seconds=opts.batch_seconds) as w:
                    p.w = w
                    p.frontier = Frontier(w.con)
                    for src in sources:
                        p.source(src)
                    stats = w.close()
                requests = client.requests
        finally:
            if archive is not None:
                archive.close()
        return PassReport(sources=p.reports, run=stats, requests=requests, elapsed=time.perf_counter() - t0,
                          warc=str(archive.path) if archive is not None and archive.path else None,
                          pages_fetched=p.pages_fetched, fetch_seconds=p.fetch_s, store_seconds=p.store_s)


class _Pass:
    """The state of one pass (client, robots, writer, frontier, budget)."""

    client: PoliteClient
    robots: RobotsCache
    w: Writer
    frontier: Frontier

    def __init__(self, fetcher: Fetcher, record: Callable[[Response], None]) -> None:
        self.f = fetcher
        self.opts = fetcher.options
        self.budget = fetcher.options.max_pages
        self.reports: list[SourceCounts] = []
        self.pages_fetched = 0
        self.fetch_s = 0.0
        self.store_s = 0.0

    def _report(self, c: SourceCounts) -> None:
        if self.f.progress is not None:
            self.f.progress(c)

    def source(self, src: Source) -> None:
        c = SourceCounts(src.name)
        self.reports.append(c)
        self._discover(src, c)
        self.w.commit()
        self._pages(src, c)
        self.frontier.save_counts(c)
        self.w.commit()
        self._report(c)

    # -- faults --------------------------------------------------------------------------
    def _fault(self, url: str, reason: str, c: SourceCounts, *, permanent: bool, status: int | None = None,
               retry_at: float | None = None) -> None:
        self.frontier.fail(url, reason, permanent=permanent, status=status, retry_at=retry_at)
        self.w.add_error(url, f"fetch: {reason}")
        c.failed += 1
        c.last_error = f"{url}: {reason}"

    def _get(self, url: str, etag: str | None, last_modified: str | None, c: SourceCounts) -> Response | None:
        t = time.perf_counter()
        try:
            return self.client.get(url, etag=etag, last_modified=last_modified, allowed=self.robots.allowed)
        except Fault as f:
            self._fault(url, f.reason, c, permanent=f.permanent, status=f.status, retry_at=f.retry_at)
            return None
        finally:
            self.fetch_s += time.perf_counter() - t

    def _robots_ok(self, url: str, c: SourceCounts) -> bool:
        if self.robots.allowed(url):
            return True
        c.robots += 1
        self.frontier.mark(url, "robots", self.robots.why_not(url))
        return False

    # -- discovery -----------------------------------------------------------------------
    def _discover(self, src: Source, c: SourceCounts) -> None:
        prof = src.profile
        for u in src.pages:
            self._found(u, u, None, src, c, explicit=True)
        queue = deque(src.entries)
        if prof is not None and prof.home and prof.robots_sitemaps:
            queue.extend(self.robots.sitemaps(prof.home))
        seen: set[str] = set()
        while queue and len(seen) < MAX_ENTRIES:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            row = self.frontier.entry(url, src.name)
            if row.kind == "page" and row.state == "done":
                continue  # a page given as an entry point, already stored
            queue.extend(sm for sm in self._entry(src, url, row, c) if sm not in seen)

    def _entry(self, src: Source, url: str, row: FrontierRow, c: SourceCounts) -> list[str]:
        """Fetch and read one entry point (feed, sitemap, or a page given as one): its pages go to
        the frontier; the sitemaps it lists are returned, to be read next."""
        if not self._robots_ok(url, c):
            return []
        resp = self._get(url, row.etag, row.last_modified, c)
        if resp is None:
            return []
        c.entries += 1
        if resp.status == 304:
            self.frontier.done(url, 304, None, None)
            return []
        if resp.status >= 300:
            self._fault(url, f"HTTP {resp.status}", c, permanent=resp.status in (404, 410), status=resp.status)
            return []
        try:
            found = parse_entry(resp.body, resp.url, self.opts.max_bytes)
        except ValueError as e:
            self._fault(url, str(e), c, permanent=True, status=resp.status)
            return []
        except Exception as e:  # a parser bug costs this entry point, not the pass
            LOGGER.debug("parsing %s failed", url, exc_info=True)
            self._fault(url, f"unreadable entry point: {type(e).__name__}", c, permanent=True,
                        status=resp.status)
            return []
        if found.kind == HTML:  # a page given as an entry point
            self.frontier.con.execute("UPDATE fetch_frontier SET kind='page' WHERE url=?", (url,))
            self._page(src, url, resp, None, c)
            return []
        if found.kind == UNKNOWN:
            self._fault(url, "not a feed, a sitemap or a page", c, permanent=True, status=resp.status)
            return []
        for link in found.pages:
            self._found(link.url, resp.url, link.date, src, c)
        self.frontier.done(url, resp.status, resp.header("etag"), resp.header("last-modified"), warc=resp.warc)
        return list(found.sitemaps)

    def _found(self, url: str, base: str, date: str | None, src: Source, c: SourceCounts,
               explicit: bool = False) -> None:
        acc = accept_url(url, base, None if explicit else src.profile, explicit=explicit)
        if acc is None:
            return
        c.found += 1
        state = self.frontier.add(acc, src.name, "page", date, self.opts.since)
        if state in ("new", "changed"):
            c.new += 1
        elif state == "old":
            c.old += 1

    # -- pages ---------------------------------------------------------------------------
    def _pages(self, src: Source, c: SourceCounts) -> None:
        for row in list(self.frontier.todo(src.name)):
            if self.budget is not None and self.budget <= 0:
                break
            if not self._robots_ok(row.url, c):
                continue
            if self.budget is not None:
                self.budget -= 1
            resp = self._get(row.url, row.etag, row.last_modified, c)
            if resp is None:
                self._report(c)
                continue
            self._page(src, row.url, resp, row.hint_date, c)
            self._report(c)

    def _page(self, src: Source, url: str, resp: Response, hint: str | None, c: SourceCounts) -> None:
        c.fetched += 1
        self.pages_fetched += 1
        if resp.status == 304:
            self.frontier.done(url, 304, None, None)
            c.unchanged += 1
            return
        if resp.status >= 300:
            transient = resp.status >= 500 or resp.status == 429
            self._fault(url, f"HTTP {resp.status}", c, permanent=not transient, status=resp.status)
            return
        t = time.perf_counter()
        try:
            try:
                page = page_from_response(resp, src.profile, hint)
            except InputError as e:
                self._fault(url, e.reason, c, permanent=True, status=resp.status)
                return
            except Exception as e:  # a reader bug costs this page, not the pass
                LOGGER.debug("reading %s failed", url, exc_info=True)
                self._fault(url, f"unreadable page: {type(e).__name__}: {e}", c, permanent=True, status=resp.status)
                return
            since = self.opts.since
            if since and page.published and page.published < since:
                self.frontier.fail(url, f"published {page.published}, before --since", permanent=True,
                                   status=resp.status, state="old")
                c.old += 1
                return
            s = self.w.stats
            before = (s.added, s.replaced, s.errors)
            put_page(self.w, page, self.f.extract)
            if s.errors > before[2]:
                reason = s.error_samples[-1][1] if s.error_samples else "could not be stored"
                self.frontier.fail(url, reason, permanent=True, status=resp.status)
                c.failed += 1
                c.last_error = f"{url}: {reason}"
                return
            if (s.added, s.replaced) != before[:2]:
                c.stored += 1
            else:
                c.unchanged += 1
            self.frontier.done(url, resp.status, resp.header("etag"), resp.header("last-modified"),
                               page.published, resp.warc)
        finally:
            self.store_s += time.perf_counter() - t
