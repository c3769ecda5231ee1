"""API load benchmark: concurrent requests at the main endpoints of `waishi serve`.

    python bench/api_bench.py [-n 20000] [--requests 1000] [--concurrency 50] [--keep DIR | --db FILE]
    python bench/api_bench.py -n 2000 --reports 250     # every event reported by ~250 pages

1. builds a store of N synthetic pages (bench/synth.py + the store's ingest, as
   bench/ingest_bench.py does), or reuses one (``--db FILE``, or ``--keep DIR``
   holding DIR/api.db from an earlier run). ``--reports K`` makes the pages report
   N/K events, each about K times (a summit every outlet covers, issue 15: an event
   with 290 reports once made a 213 KB answer and a loaded server's p95 1.5 s);
2. starts `waishi serve` on a free loopback port in a subprocess (one uvicorn
   worker, read-only store);
3. calls every endpoint once (cold: the aggregate views are then cached until
   the database changes), then fires ``--requests`` requests, ``--concurrency``
   at a time, from one asyncio client (httpx) over a mix of API calls and pages
   with arguments drawn from the store;
4. prints throughput, p50/p95/p99 latency overall and per endpoint, and the
   errors (any status but 200).

Client and server share the machine: on 2 cores the figures are a floor.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

import waishi  # noqa: E402
from waishi import store as S  # noqa: E402
from waishi.lexicon import Lexicon  # noqa: E402
from waishi.model import EVENT_TYPES, Page  # noqa: E402


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def build(db: Path, n: int, seed: int, reports: int = 0) -> None:
    corpus = db.parent / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    t0 = time.perf_counter()
    # K reports per event: all pages but one in K repeat an earlier page's event
    repeat_rate = 1 - 1 / reports if reports > 1 else 0.2
    synth.write_corpus(corpus, n, seed=seed, fmt="txt", repeat_rate=repeat_rate)
    lex = Lexicon.default()

    def extract(page: Page) -> Any:
        return waishi.extract(page.text, published=page.published, url=page.url, source=page.source,
                              encoding=page.encoding, lexicon=lex)

    with S.Store.open(db) as st:
        run = S.ingest(st, [corpus], extract, lexicon=lex)
        st.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        st.con.execute("ANALYZE")
        n_events, top, mean = st.con.execute("SELECT count(*), max(n_reports), avg(n_reports) FROM events").fetchone()
    shutil.rmtree(corpus, ignore_errors=True)
    print(f"store: {run.pages:,} pages ingested in {time.perf_counter() - t0:.0f} s -> {db}")
    print(f"events: {n_events:,}, reports per event: mean {mean:.0f}, max {top:,}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` and its live children (uvicorn's workers)
    (Linux /proc; NaN elsewhere)."""
    def stat(p: str) -> list[str]:
        with open(f"/proc/{p}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    try:
        own = stat(str(pid))
        total = int(own[11]) + int(own[12])
        for p in os.listdir("/proc"):
            if p.isdigit() and p != str(pid):
                try:
                    f = stat(p)
                except (OSError, IndexError):
                    continue
                if f[1] == str(pid):  # ppid
                    total += int(f[11]) + int(f[12])
        return total / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def requests_mix(db: Path, k: int, rng: random.Random, heavy: bool = False) -> list[tuple[str, str]]:
    """(endpoint name, URL path) pairs with arguments drawn from the store."""
    with S.Store.open(db, readonly=True) as st:
        con = st.con
        countries = [r[0] for r in con.execute(
            "SELECT iso3 FROM event_actors WHERE iso3 IS NOT NULL GROUP BY iso3 ORDER BY count(*) DESC LIMIT 20")]
        # with --reports, the events every outlet covered: the answers the bench is about
        order = "n_reports DESC" if heavy else "random()"
        events = [r[0] for r in con.execute(f"SELECT id FROM events ORDER BY {order} LIMIT ?",
                                            (50 if heavy else 500,))]
        people = [r[0] for r in con.execute("SELECT id FROM people ORDER BY random() LIMIT 500")]
        names = [r[0] for r in con.execute("SELECT name FROM people ORDER BY random() LIMIT 200")]
        docs = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY random() LIMIT 500")]
        metrics = [r[0] for r in con.execute("SELECT DISTINCT metric FROM facts")] or ["trade_total"]
    words = ["全面战略伙伴", "合作", "越南", "投资", "代表团", "谅解备忘录"] + names[:20]
    years = [str(y) for y in range(2014, 2026)]
    mix: list[tuple[int, str, Any]] = [
        (12, "api/events", lambda: "/api/events"),
        (10, "api/events?country", lambda: f"/api/events?country={rng.choice(countries)}"),
        (6, "api/events?type+since", lambda: f"/api/events?type={rng.choice(EVENT_TYPES)}"
                                            f"&since={rng.choice(years)}"),
        (10, "api/events/{id}", lambda: f"/api/events/{rng.choice(events)}"),
        (3, "api/events/{id}/reports", lambda: f"/api/events/{rng.choice(events)}/reports"
                                               f"?offset={rng.choice((20, 70, 120))}"),
        (3, "page /events/{id}", lambda: f"/events/{rng.choice(events)}"),
        (6, "api/people?name", lambda: f"/api/people?name={rng.choice(names)}"),
        (8, "api/people/{id}", lambda: f"/api/people/{rng.choice(people)}"),
        (8, "api/documents/{id}", lambda: f"/api/documents/{rng.choice(docs)}"),
        (5, "api/facts?metric", lambda: f"/api/facts?metric={rng.choice(metrics)}"),
        (8, "api/search", lambda: f"/api/search?q={rng.choice(words)}"),
        (3, "api/stats", lambda: "/api/stats"),
        (3, "api/overview", lambda: "/api/overview"),
        (3, "api/timeline?country", lambda: f"/api/timeline?country={rng.choice(countries)}"),
        (3, "api/graph", lambda: rng.choice(["/api/graph", "/api/graph?kind=person"])),
        (3, "api/countries/{iso3}", lambda: f"/api/countries/{rng.choice(countries)}"),
        (4, "page /", lambda: "/"),
        (4, "page /events?country", lambda: f"/events?country={rng.choice(countries)}"),
        (4, "page /documents/{id}", lambda: f"/documents/{rng.choice(docs)}"),
    ]
    weights = [w for w, _, _ in mix]
    out = []
    for _ in range(k):
        _, name, make = rng.choices(mix, weights)[0]
        out.append((name, make()))
    # the cold calls: each endpoint once, before the timed run
    return [(name, make()) for _, name, make in mix] + out


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str,
               accept: str) -> int:
    """One keep-alive HTTP/1.1 GET; returns the status. Responses of this app carry a length."""
    path = quote(path, safe="/?=&")
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(x.split(":", 1)[1]) for x in lines[1:] if x.lower().startswith("content-length:")), None)
    if length is None:
        raise ValueError(f"{path}: response without Content-Length")
    await reader.readexactly(length)
    return status


async def fire(base: str, reqs: list[tuple[str, str]], concurrency: int,
               client: str = "raw") -> tuple[list[tuple[str, float, int]], float]:
    """Send ``reqs`` over ``concurrency`` keep-alive connections; (name, seconds, status) each.

    ``raw``: a minimal asyncio HTTP/1.1 client, so that the client costs little of the
    shared CPU; ``httpx``: httpx.AsyncClient (its own cost shows in the figures)."""
    results: list[tuple[str, float, int]] = []
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for r in reqs:
        queue.put_nowait(r)
    host, port = base.removeprefix("http://").split(":")

    def accept(name: str) -> str:
        return "text/html" if name.startswith("page") else "application/json"

    async def raw_worker() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while not queue.empty():
                name, path = queue.get_nowait()
                t = time.perf_counter()
                try:
                    status = await _get(reader, writer, f"{host}:{port}", path, accept(name))
                except (OSError, ValueError, asyncio.IncompleteReadError):
                    status = -1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                results.append((name, time.perf_counter() - t, status))
        finally:
            writer.close()

    async def httpx_worker(c: httpx.AsyncClient) -> None:
        while not queue.empty():
            name, path = queue.get_nowait()
            t = time.perf_counter()
            try:
                status = (await c.get(path, headers={"accept": accept(name)})).status_code
            except httpx.HTTPError:
                status = -1
            results.append((name, time.perf_counter() - t, status))

    t0 = time.perf_counter()
    if client == "raw":
        await asyncio.gather(*(raw_worker() for _ in range(concurrency)))
    else:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as c:
            await asyncio.gather(*(httpx_worker(c) for _ in range(concurrency)))
    return results, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20_000, help="synthetic pages in the store")
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1, help="server processes (waishi serve --workers)")
    ap.add_argument("--reports", type=int, default=0,
                    help="about this many reports per event (0: the synthetic corpus's own mix, ~1.2)")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="raw: a minimal asyncio client (cheap); httpx: httpx.AsyncClient")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--keep", help="keep the store in this directory (DIR/api.db) and reuse it next time")
    g.add_argument("--db", help="use this store (built here first if missing)")
    args = ap.parse_args()

    tmp = None
    if args.db:
        db = Path(args.db)
    else:
        work = Path(args.keep) if args.keep else Path(tmp := tempfile.mkdtemp(prefix="waishi-api-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        db = work / "api.db"
    try:
        if db.exists():
            with S.Store.open(db, readonly=True) as st:
                print(f"store: reusing {db} ({st.stats().sources:,} pages)")
        else:
            db.parent.mkdir(parents=True, exist_ok=True)
            build(db, args.n, args.seed, args.reports)
        run(db, args)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def run(db: Path, args: argparse.Namespace) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "waishi.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")
            time.sleep(0.1)
        reqs = requests_mix(db, args.requests, random.Random(args.seed), heavy=args.reports > 1)
        n_cold = len(reqs) - args.requests
        cold, _ = asyncio.run(fire(base, reqs[:n_cold], 1, args.client))
        c0, s0, load0 = time.process_time(), _cpu_seconds(server.pid), os.getloadavg()[0]
        results, dt = asyncio.run(fire(base, reqs[n_cold:], args.concurrency, args.client))
        client_cpu = time.process_time() - c0
        server_cpu, load1 = _cpu_seconds(server.pid) - s0, os.getloadavg()[0]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()

    lat = [r[1] * 1000 for r in results]
    errors = [r for r in results if r[2] != 200]
    print(f"\n{len(results):,} requests, {args.concurrency} concurrent ({args.client} client), {args.workers} uvicorn worker(s) "
          f"on loopback ({os.cpu_count()} cores shared by client and server; the client used "
          f"{client_cpu:.1f} s of CPU in {dt:.1f} s)")
    print(f"throughput: {len(results) / dt:,.0f} requests/s ({dt:.1f} s)")
    print(f"latency: p50 {_pct(lat, 50):.0f} ms, p95 {_pct(lat, 95):.0f} ms, p99 {_pct(lat, 99):.0f} ms, "
          f"max {max(lat):.0f} ms")
    print(f"errors: {len(errors)}" + (f" (e.g. {errors[0]})" if errors else ""))
    # what the server itself spent: the figure other jobs on the machine do not change
    per = server_cpu / len(results) * 1000 if results else float("nan")
    print(f"server CPU: {per:.1f} ms per request ({server_cpu:.1f} s for {len(results):,}; one free core would "
          f"serve ~{1000 / per:,.0f} requests/s); load average {load0:.1f} at the start, {load1:.1f} at the end "
          f"({os.cpu_count()} cores)")
    by: dict[str, list[float]] = defaultdict(list)
    for name, t, _ in results:
        by[name].append(t * 1000)
    first = {name: t * 1000 for name, t, _ in cold}
    print(f"\n{'endpoint':26} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'cold ms':>8}")
    for name in sorted(by, key=lambda k: -_pct(by[k], 95)):
        xs = by[name]
        print(f"{name:26} {len(xs):4d} {_pct(xs, 50):8.0f} {_pct(xs, 95):8.0f} {first.get(name, float('nan')):8.0f}")
    print("\n(cold: the endpoint's first call, alone; stats, overview, timeline, graph and country "
          "summaries are then cached until the database changes)")


if __name__ == "__main__":
    main()
