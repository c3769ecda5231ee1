"""Store benchmark: ingest rate, database size and query latency at corpus size N.

    python bench/ingest_bench.py [-n 20000] [--format txt|jsonl] [--runs 40] [--keep DIR] [--json PATH]

1. writes N synthetic pages (bench/synth.py: the genre's shape, lexicon names and dates);
2. ingests them on one core with the library call the CLI makes (extraction
   included) and prints pages/s, with the time split into extraction and the rest
   (reading, hashing, writing, merging);
3. prints the database size per 1,000 pages (after a WAL checkpoint) and the
   largest tables;
4. runs each query function ``--runs`` times with varied arguments drawn from
   the store and prints p50/p95 latency in milliseconds.

Targets (issue 3): >= 200 pages/s on one core; p95 < 50 ms per query. Figures,
not assertions: compare runs on the same machine.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

import waishi  # noqa: E402
from waishi import store as S  # noqa: E402
from waishi.lexicon import Lexicon  # noqa: E402
from waishi.model import Page  # noqa: E402


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def _table_sizes(con: Any) -> list[tuple[str, int]]:
    try:
        rows = con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    except Exception:  # dbstat is not compiled into every SQLite
        return []
    return [(r[0], int(r[1])) for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20_000, help="pages to generate and ingest")
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--runs", type=int, default=40, help="calls per query function")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", help="keep corpus and database in this directory")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="waishi-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, db = work / "corpus", work / "bench.db"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    shutil.rmtree(corpus, ignore_errors=True)
    try:
        t0 = time.perf_counter()
        synth.write_corpus(corpus, args.n, seed=args.seed, fmt=args.format)
        size = sum(f.stat().st_size for f in corpus.rglob("*") if f.is_file())
        print(f"corpus: {args.n:,} pages ({args.format}), {size / 1e6:.1f} MB, "
              f"{size / args.n:,.0f} bytes/page, written in {time.perf_counter() - t0:.1f} s")

        lex = Lexicon.default()
        waishi.extract("越南政府总理会见老挝外长。", lexicon=lex)  # build the automata outside the timing
        spent = [0.0]

        def extract(page: Page) -> Any:
            t = time.perf_counter()
            try:
                return waishi.extract(page.text, published=page.published, url=page.url, source=page.source,
                                      encoding=page.encoding, lexicon=lex)
            finally:
                spent[0] += time.perf_counter() - t

        with S.Store.open(db) as st:
            t0 = time.perf_counter()
            run = S.ingest(st, [corpus], extract, lexicon=lex)
            dt = time.perf_counter() - t0
            st.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            st.con.execute("ANALYZE")
        print(f"ingest: {run.pages:,} pages in {dt:.1f} s = {run.pages / dt:,.1f} pages/s "
              f"(extraction {spent[0]:.1f} s = {run.pages / spent[0]:,.0f} pages/s alone; "
              f"read+hash+store {dt - spent[0]:.1f} s = {1000 * (dt - spent[0]) / max(run.pages, 1):.2f} ms/page); "
              f"{run.errors} errors")
        t0 = time.perf_counter()
        with S.Store.open(db) as st:
            again = S.ingest(st, [corpus], extract, lexicon=lex)
        print(f"re-ingest of the same corpus: {again.unchanged:,} unchanged, {again.added} added, "
              f"{time.perf_counter() - t0:.1f} s")

        db_size = db.stat().st_size
        print(f"database: {db_size / 1e6:.1f} MB = {db_size / 1e6 / (args.n / 1000):.2f} MB per 1,000 pages")
        st = S.Store.open(db, readonly=True)
        sizes = _table_sizes(st.con)
        if sizes:
            print("  largest: " + ", ".join(f"{n} {b / 1e6:.1f} MB" for n, b in sizes[:8]))
        s = st.stats()
        print(f"store: {s.sources:,} pages, {s.documents:,} documents, {s.events:,} events "
              f"({s.multi_source_events:,} with more than one source) from {s.event_reports:,} reports, "
              f"{s.people:,} people, {s.facts:,} facts")

        rng = random.Random(1)
        con = st.con
        countries = [r[0] for r in con.execute("SELECT DISTINCT iso3 FROM event_actors WHERE iso3 IS NOT NULL")]
        actors = [r[0] for r in con.execute("SELECT name FROM event_actors WHERE kind='person' LIMIT 2000")]
        names = [r[0] for r in con.execute("SELECT name FROM people ORDER BY random() LIMIT 500")]
        subjects = ["越南", "老挝", "中国", "日本", "德国", "美国"]
        words3 = ["正式访问", "通电话", "双边贸易额", "合作谅解备忘录", "东盟峰会", "捐赠", "传统友好关系"]
        words2 = ["苏林", "会见", "老挝", "大使"]
        types = ["meet", "visit", "phone_call", "sign", "attend", "host", "congratulate", "aid"]

        def years() -> tuple[str, str]:
            y = rng.randint(2016, 2025)
            return f"{y}-{rng.randint(1, 12):02d}", f"{y + rng.randint(0, 1)}"

        def person_detail() -> Any:
            res = st.people(rng.choice(names), limit=5)
            return [st.person(p.id) for p in res.items]

        cases: list[tuple[str, Callable[[], Any]]] = [
            ("events()", lambda: st.events()),
            ("events(type)", lambda: st.events(type=rng.choice(types))),
                                               ("events(country)", lambda: st.events(country=rng.choice(countries))),
            ("events(actor)", lambda: st.events(actor=rng.choice(actors))),
            ("events(since, until)", lambda: st.events(since=(y := years())[0], until=y[1])),
            ("events(type, country, since)", lambda: st.events(type=rng.choice(types),
                                                               country=rng.choice(countries), since="2020")),
            ("events(offset=1000)", lambda: st.events(offset=1000)),
            ("event(id)", lambda: st.event(rng.randint(1, max(1, s.events)))),
            ("people()", lambda: st.people()),
            ("people(NAME)", lambda: st.people(rng.choice(names))),
            ("people(NAME)+person()", person_detail),
            ("facts()", lambda: st.facts()),
            ("facts(metric)", lambda: st.facts(metric=rng.choice(["trade_total", "count", "aid"]))),
            ("facts(subject, period)", lambda: st.facts(subject=rng.choice(subjects),
                                                        period=str(rng.randint(2016, 2025)))),
            ("search(>=3 chars)", lambda: st.search(rng.choice(words3))),
            ("search(2 chars)", lambda: st.search(rng.choice(words2))),
            ("search(two terms)", lambda: st.search(f"{rng.choice(words3)} {rng.choice(subjects)}")),
            ("stats()", lambda: st.stats()),
        ]
        print(f"query latency at {args.n:,} pages ({args.runs} calls each, ms):")
        print(f"  {'function':32s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
        worst = 0.0
        latency: dict[str, dict[str, float]] = {}
        for label, fn in cases:
            fn()  # warm the page cache once
            ts = []
            for _ in range(args.runs):
                t = time.perf_counter()
                fn()
                ts.append((time.perf_counter() - t) * 1000)
            p95 = _pct(ts, 95)
            worst = max(worst, p95)
            print(f"  {label:32s} {statistics.median(ts):8.2f} {p95:8.2f} {max(ts):8.2f}")
            latency[label] = {"p50_ms": round(statistics.median(ts), 2), "p95_ms": round(p95, 2)}
        st.close()
        print(f"worst p95: {worst:.1f} ms (target < 50 ms); ingest {run.pages / dt:,.1f} pages/s (target >= 200)")
        if args.json:
            Path(args.json).write_text(json.dumps({
                "bench": "ingest", "pages": args.n, "format": args.format, "ingest_pages_per_s": round(run.pages / dt, 1),
                "extract_pages_per_s": round(run.pages / spent[0], 1),
                "store_ms_per_page": round(1000 * (dt - spent[0]) / max(run.pages, 1), 2),
                "db_mb_per_1000_pages": round(db_size / 1e6 / (args.n / 1000), 2),
                "worst_p95_ms": round(worst, 2), "latency": latency}, indent=2) + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
