"""Batch scaling: pages/s of `waishi batch` on a local Dask cluster with 1 and 2 workers.

    python bench/batch_bench.py [-n 50000] [--shard-size 1000] [--workers 1,2] [--keep DIR] [--json PATH]

1. writes N synthetic pages (bench/synth.py) as JSONL shards of --shard-size pages;
2. runs ``waishi.batch.run_batch`` (the library call of ``waishi batch``) on a fresh
   LocalCluster for each worker count, into a fresh output directory, and prints the
   pages/s while the cluster works (cluster start-up and the workers' one-time lexicon
   load are timed apart) and over the whole call;
3. extracts --baseline pages in this process with the same shard function and no
   Dask, for the cost of the distribution itself;
4. prints the scaling: rate with the most workers / rate with one.

Target (issue 5): >= 1.7x with 2 workers on a 2-core machine. Figures, not
assertions: the machine is shared, so compare the ratio within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from waishi.batch import plan_shards, run_batch  # noqa: E402
from waishi.batch.work import extract_shard, warm_up  # noqa: E402


def write_shards(out: Path, n: int, shard_size: int, seed: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    fh: Any = None
    for i, p in enumerate(synth.generate(n, seed=seed)):
        if i % shard_size == 0:
            if fh is not None:
                fh.close()
            files.append(out / f"shard-{i // shard_size:05d}.jsonl")
            fh = files[-1].open("w", encoding="utf-8")
        fh.write(json.dumps({"text": p.text, "url": p.url, "published": p.published}, ensure_ascii=False) + "\n")
    if fh is not None:
        fh.close()
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=50_000, help="pages to generate")
    ap.add_argument("--shard-size", type=int, default=1000, help="pages per JSONL shard")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--baseline", type=int, default=2000, help="pages extracted in-process without Dask (0: skip)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", help="keep corpus and outputs in this directory")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="waishi-batch-bench-"))
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    result: dict[str, Any] = {"bench": "batch", "pages": args.n, "shard_size": args.shard_size, "runs": []}
    try:
        t0 = time.perf_counter()
        files = write_shards(corpus, args.n, args.shard_size, args.seed)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {args.n:,} pages in {len(files)} JSONL shards of {args.shard_size:,}, {size / 1e6:.1f} MB, "
              f"written in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores")
        result.update(shards=len(files), corpus_mb=round(size / 1e6, 1))

        if args.baseline:
            warm_up()
            shards = plan_shards(files)
            done, t0 = 0, time.perf_counter()
            for s in shards:
                done += extract_shard(s).pages
                if done >= args.baseline:
                    break
            dt = time.perf_counter() - t0
            result["in_process_pages_per_s"] = round(done / dt, 1)
            print(f"in-process, no Dask : {done / dt:8.1f} pages/s ({done:,} pages, {dt:.1f} s)")

        for n in [int(x) for x in args.workers.split(",") if x.strip()]:
            out = work / f"out-{n}"
            shutil.rmtree(out, ignore_errors=True)
            s = run_batch([corpus], out, workers=n)
            assert s.pages == args.n and s.failed == 0, s.to_dict()
            setup = s.elapsed - s.work_seconds
            result["runs"].append({"workers": s.workers, "pages_per_s": round(s.rate, 1),
                                   "pages_per_s_total": round(s.pages / s.elapsed, 1), "work_s": round(s.work_seconds, 2),
                                   "elapsed_s": round(s.elapsed, 2), "setup_s": round(setup, 2)})
            print(f"{s.workers} worker(s)          : {s.rate:8.1f} pages/s while working ({s.work_seconds:.1f} s); "
                  f"{s.pages / s.elapsed:.1f} pages/s including {setup:.1f} s of cluster start-up and lexicon load")
            if not args.keep:
                shutil.rmtree(out, ignore_errors=True)

        runs = result["runs"]
        if len(runs) >= 2 and runs[0]["pages_per_s"] > 0:
            ratio = runs[-1]["pages_per_s"] / runs[0]["pages_per_s"]
            total = runs[-1]["pages_per_s_total"] / runs[0]["pages_per_s_total"]
            result.update(scaling=round(ratio, 2), scaling_total=round(total, 2),
                          efficiency=round(ratio / (runs[-1]["workers"] / runs[0]["workers"]), 2))
            print(f"scaling {runs[-1]['workers']} vs {runs[0]['workers']} worker(s): {ratio:.2f}x while working, "
                  f"{total:.2f}x including start-up (target >= 1.7x with 2 workers); "
                  f"efficiency {result['efficiency']:.0%}")
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
