"""`waishi fetch`: keep a store current from outlets' feeds and sitemaps (docs/fetch.md).

The command builds FetchOptions from its flags, opens the store for writing and
calls ``waishi.fetch.Fetcher`` (one pass, or ``--watch`` passes); fetch faults are
recorded by the library and summed up here, never shown as tracebacks.

Exit codes: 0 the pass ran (faults are recorded, see the table and `waishi stats`);
1 nothing could be fetched at all, or the store/profiles cannot be used; 2 bad usage;
130 interrupted (what was stored is kept; a rerun resumes).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..store import DEFAULT_DB
from .common import err, extract_page, fail, interruptible, open_store, run, to_day

__all__ = ["register"]


_COLUMNS = ("entries", "found", "new", "fetched", "stored", "unchanged", "failed", "robots", "old")


def _table(report: Any, n: int | None) -> Table:
    title = "fetch" + (f" pass {n}" if n else "") + f" — {report.requests} requests, {report.elapsed:.1f} s"
    t = Table("source", *_COLUMNS, title=title)
    for c in report.sources:
        t.add_row(Text(c.source), *(f"{getattr(c, k):,}" for k in _COLUMNS))
    return t


def fetch_cmd(
    sources: list[str] = typer.Argument(None, help="Outlet profiles (see --list-profiles), feed or sitemap URLs, "
                                                  "page URLs, or files with one URL a line."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store to create or update."),
    since: str | None = typer.Option(None, "--since", help="Skip pages published before YYYY-MM-DD."),
    max_pages: int | None = typer.Option(None, "--max-pages", min=0, help="Fetch at most N pages per pass."),
    watch: str | None = typer.Option(None, "--watch", help="Poll again every interval (30m, 1h, 90s) until "
                                                           "stopped."),
    polls: int | None = typer.Option(None, "--polls", min=1, help="With --watch: stop after N passes."),
    delay: float = typer.Option(1.0, "--delay", min=0.0, help="Seconds between two requests to one host."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.01, help="Seconds to connect / between reads."),
    retries: int = typer.Option(3, "--retries", min=0, help="Retries after 429, 5xx, timeouts."),
    backoff: float = typer.Option(1.0, "--backoff", min=0.0, help="First retry wait in seconds (doubles)."),
    max_size: str = typer.Option("10MB", "--max-size", help="Drop responses larger than this."),
    warc_dir: str | None = typer.Option(None, "--warc-dir", help="Where WARC files go (default: <db>.warc/)."),
    no_warc: bool = typer.Option(False, "--no-warc", help="Keep no WARC copy of the responses."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Do not obey robots.txt (own sites, "
                                                                       "benches)."),
    user_agent: str | None = typer.Option(None, "--user-agent", help="User-Agent header (identify yourself)."),
    profiles_file: str | None = typer.Option(None, "--profiles", help="TOML file of extra outlet profiles."),
    list_profiles: bool = typer.Option(False, "--list-profiles", help="List the outlet profiles and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, no tables (errors still show)."),
    format: str = typer.Option("table", "--format", "-f", help="Pass summary as table | json (one line a pass)."),
) -> None:
    """Fetch new pages of outlets (feeds, sitemaps) into the store; --watch keeps following them."""
    from ..fetch import Fetcher, FetchOptions, load_profiles, resolve_sources

    if format not in ("table", "json"):
        fail(f"--format must be table or json, got {format!r}")
        raise typer.Exit(2)
    profiles = run(lambda: load_profiles(profiles_file))
    if list_profiles:
        Console().print(_profiles_table(profiles))
        return
    if not sources:
        fail("name at least one SOURCE (a profile, a URL or a file of URLs); --list-profiles shows the profiles")
        raise typer.Exit(2)
    since_day = to_day(since, "--since")
    interval, cap = _interval_and_size(watch, max_size)
    options = FetchOptions(delay=delay, timeout=timeout, total_timeout=max(timeout * 6, 60.0), retries=retries,
                           backoff=backoff, max_bytes=cap, robots=not ignore_robots, since=since_day,
                           max_pages=max_pages, warc_dir="" if no_warc else warc_dir)
    if user_agent:
        options = dataclasses.replace(options, user_agent=user_agent)
    srcs = run(lambda: resolve_sources(sources, profiles))
    show = _Show(format, quiet, watching=interval is not None)
    with open_store(db, readonly=False) as store, \
            interruptible("stopped; the pages stored so far are kept (rerun to continue)"):
        fetcher = Fetcher(store, extract_page, options, progress=show.progress)
        reports: list[Any] = run(lambda: _passes(fetcher, srcs, interval, polls, show))
    last_rep = reports[-1]
    reached = sum(c.entries + c.fetched for c in last_rep.sources)
    failed = sum(c.failed + c.robots for c in last_rep.sources)
    if reached == 0 and failed > 0:
        fail(f"nothing could be fetched ({failed} failures; see `waishi stats --db {db}`)")
        raise typer.Exit(1)


def _profiles_table(profiles: dict[str, Any]) -> Table:
    t = Table("profile", "outlet", "edition", "entry points", "aliases")
    for p in profiles.values():
        t.add_row(*(Text(c) for c in (p.key, p.name, p.edition, "\n".join(p.feeds + p.sitemaps),
                                      ", ".join(p.aliases))))
    return t


def _interval_and_size(watch: str | None, max_size: str) -> tuple[float | None, int]:
    """--watch in seconds (None without it) and --max-size in bytes; exit 2 when malformed."""
    from ..fetch import parse_interval, parse_size

    try:
        return (parse_interval(watch) if watch else None), parse_size(max_size)
    except ValueError as e:
        fail(str(e))
        raise typer.Exit(2) from None


class _Show:
    """What a fetch prints: a progress line on stderr at most twice a second, then a table (or
    a JSON line) a pass and each source's last failure."""

    def __init__(self, format: str, quiet: bool, watching: bool) -> None:
        self.format = format
        self.quiet = quiet
        self.watching = watching
        self.last = 0.0

    def progress(self, c: Any) -> None:
        now = time.monotonic()
        if self.quiet or now - self.last < 0.5:
            return
        self.last = now
        err.print(Text(f"{c.source}: found {c.found}, new {c.new}, fetched {c.fetched}, failed {c.failed}, "
                       f"robots {c.robots}", style="dim"), highlight=False, soft_wrap=True)

    def __call__(self, n: int, rep: Any) -> None:
        if self.format == "json":
            sys.stdout.write(json.dumps(rep.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif not self.quiet:
            Console().print(_table(rep, n if self.watching else None))
        for c in rep.sources:
            if c.last_error and not self.quiet:
                err.print(Text(f"{c.source}: {c.failed} failed; last: {c.last_error}", style="yellow"),
                          highlight=False, soft_wrap=True)


def _passes(fetcher: Any, srcs: Any, interval: float | None, polls: int | None, show: _Show) -> list[Any]:
    """One pass, or with an interval (--watch) a pass every interval until ``polls`` or Ctrl+C."""
    if interval is None:
        rep = fetcher.run_pass(srcs)
        show(1, rep)
        return [rep]
    return list(fetcher.watch(srcs, interval, polls=polls, on_poll=show))


def register(app: typer.Typer) -> None:
    """Add `fetch` to ``app``."""
    app.command("fetch")(fetch_cmd)
