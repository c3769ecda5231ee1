"""Run every bench and write their figures in one table: docs/benchmarks.md.

    python bench/report.py [--quick] [--out docs/benchmarks.md] [--only extract,ingest,api,batch]

``--only`` reruns those benches and keeps the others' last figures (from
docs/benchmarks.json, written beside the markdown; ``--only none`` only rewrites
the markdown).

Each bench runs in its own process with ``--json PATH`` and keeps printing what
it always printed; this script reads the JSON files, adds the machine (cores,
RAM, CPU, Python, SQLite) and writes the markdown: one table of figures with the
command that produced each, then each bench's own output. ``--quick`` (``make
bench BENCH_QUICK=1``) uses small sizes and writes to the temporary directory:
figures for a smoke test, not for the record. Benches run one after the other: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Bench:
    name: str
    script: str
    full: list[str]
    quick: list[str]
    figures: dict[str, Any] = field(default_factory=dict)
    output: str = ""
    command: str = ""
    status: str = "not run"
    seconds: float = 0.0
    date: str = ""


BENCHES = [
    Bench("extract", "bench/extract_bench.py", ["--mb", "2.0"], ["--mb", "0.3"]),
    Bench("ingest", "bench/ingest_bench.py", ["-n", "20000"], ["-n", "1000", "--runs", "10"]),
    Bench("api", "bench/api_bench.py", ["-n", "20000"], ["-n", "1000", "--requests", "200"]),
    Bench("api-many-reports", "bench/api_bench.py", ["-n", "2000", "--reports", "250", "--workers", "2"],
          ["-n", "600", "--reports", "100", "--requests", "200", "--workers", "2"]),
    Bench("batch", "bench/batch_bench.py", ["-n", "50000", "--shard-size", "1000"],
          ["-n", "4000", "--shard-size", "250", "--rounds", "2", "--baseline", "500"]),
    Bench("fetch", "bench/fetch_bench.py", ["-n", "1000"], ["-n", "150"]),
]


def machine() -> dict[str, str]:
    ram = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"cores (nproc)": str(os.cpu_count()), "RAM": ram, "CPU": cpu or "?",
            "OS": f"{platform.system()} {platform.release()}", "Python": platform.python_version(),
            "SQLite": sqlite3.sqlite_version, "report written": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            # other people's jobs share the cores: a load near the core count halves a run's figures
            "load average then": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def _supports_json(script: Path) -> bool:
    try:
        return "--json" in script.read_text(encoding="utf-8")
    except OSError:
        return False


def run(b: Bench, quick: bool, tmp: Path) -> None:
    script = ROOT / b.script
    args = b.quick if quick else b.full
    b.command = " ".join(["python", b.script, *map(shlex.quote, args)])
    if not script.is_file():
        b.status = "not yet run (the bench does not exist yet)"
        return
    has_json = _supports_json(script)
    out = tmp / f"{b.name}.json"
    print(f"== {b.command}", flush=True)
    t0 = time.perf_counter()
    b.date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    proc = subprocess.run([sys.executable, str(script), *args, *(["--json", str(out)] if has_json else [])],
                          cwd=ROOT, capture_output=True, text=True)
    b.seconds = time.perf_counter() - t0
    b.output = proc.stdout.strip()
    print(b.output, flush=True)
    if proc.returncode != 0 or (has_json and not out.is_file()):
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        b.status = f"failed (exit {proc.returncode}: {tail})"
        return
    # a bench without --json (api_bench.py): its summary lines are read from what it prints
    b.figures = json.loads(out.read_text(encoding="utf-8")) if has_json else _parse_printed(b.output)
    b.status = "ok"


def _parse_printed(text: str) -> dict[str, Any]:
    """Headline figures from a bench's printed summary (``throughput: …``, ``latency: …``, ``errors: …``)."""
    figures: dict[str, Any] = {"printed": True}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("throughput", "latency", "errors", "store", "events", "server CPU"):
            figures[key.strip()] = value.split(" -> ")[0].strip()  # not the temporary store's path
    return figures


def _n(x: Any, digits: int = 0) -> str:
    return f"{x:,.{digits}f}" if isinstance(x, (int, float)) else str(x)


def rows(b: Bench) -> list[tuple[str, str]]:
    """``(figure, value)`` rows of one bench's JSON."""
    f = b.figures
    if b.name == "extract":
        return [("extraction throughput (1 core)", f"{_n(f['extract_chars_per_s'])} chars/s = "
                 f"{_n(f['extract_pages_per_s'], 1)} pages/s ({_n(f['pages'])} pages)"),
                ("jieba.posseg on the same pages", f"{_n(f['jieba_chars_per_s'])} chars/s"),
                ("extraction / jieba.posseg", f"**{f['ratio']:.1f}×** (target ≥ 3×)"),
                ("memory", f"{f['peak_traced_mb']} MB traced peak, {f['max_rss_mb']} MB max RSS (target < 300 MB)")]
    if b.name == "ingest":
        lat = sorted(f["latency"].items(), key=lambda kv: -kv[1]["p95_ms"])[:3]
        return [("ingest incl. extraction (1 core)", f"**{_n(f['ingest_pages_per_s'], 1)} pages/s** "
                 f"({_n(f['pages'])} {f['format']} pages; target ≥ 200)"),
                ("extraction alone / reading+hashing+writing+merging",
                 f"{_n(f['extract_pages_per_s'], 1)} pages/s / {f['store_ms_per_page']} ms per page"),
                ("database size", f"{f['db_mb_per_1000_pages']} MB per 1,000 pages"),
                ("query latency, worst p95", f"**{f['worst_p95_ms']} ms** (target < 50 ms); slowest: " +
                 ", ".join(f"`{k}` {v['p95_ms']} ms" for k, v in lat))]
    if b.name == "batch":
        out = []
        if "in_process_pages_per_s" in f:
            out.append(("extraction in one process, no Dask", f"{_n(f['in_process_pages_per_s'], 1)} pages/s"))
        for r in f["runs"]:
            got = f"; the workers got {r['cores_used']} cores" if "cores_used" in r else ""
            out.append((f"`waishi batch`, {r['workers']} worker(s)",
                        f"{_n(r['pages_per_s'], 1)} pages/s while working ({r['work_s']} s); "
                        f"{_n(r['pages_per_s_total'], 1)} pages/s with {r['setup_s']} s start-up{got}"))
        if "scaling" in f:
            out.append((f"scaling, {f['runs'][-1]['workers']} vs {f['runs'][0]['workers']} worker(s)",
                        f"**{f['scaling']:.2f}×** (target ≥ 1.7×); best round {f.get('scaling_best_round', '?')}×; "
                        f"{f['scaling_total']:.2f}× with start-ups "
                        f"({_n(f['pages'])} pages in {f['shards']} JSONL shards)"))
            if "machine_ceiling" in f:
                out.append(("machine ceiling during the runs", f"{f['machine_ceiling']:.2f}× (2 processes of a "
                            "pure-Python loop vs 1, mean of the rounds; 2.00 on two free cores)"))
            if "per_cpu_second_ratio" in f:
                out.append(("pages per CPU-second, 2 vs 1 worker(s)", f"{f['per_cpu_second_ratio']:.2f}× "
                            "(1.00: distributing costs nothing; scaling below 2× is then CPU taken by other jobs)"))
        return out
    if f.get("printed"):
        return [(k, v.split(" -> ")[0]) for k, v in f.items() if k != "printed"]
    # a bench this script does not know in detail: its top-level numbers
    return [(k.replace("_", " "), _n(v, 2 if isinstance(v, float) else 0)) for k, v in f.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)]


def markdown(benches: list[Bench], quick: bool, mach: dict[str, str]) -> str:
    lines = ["# Benchmarks", "",
             "Generated by `make bench` (`python bench/report.py" + (" --quick" if quick else "") + "`); "
             "do not edit by hand. Figures, not assertions: the machine is shared by several people, so "
             "compare ratios measured within one run (extraction vs jieba.posseg, 2 workers vs 1).", ""]
    if quick:
        lines += ["**Quick run (`BENCH_QUICK=1`): small sizes, for a smoke test only.**", ""]
    lines += ["Machine: " + "; ".join(f"{k} {v}" for k, v in mach.items() if v), "",
              "| bench | figure | value | command |", "|---|---|---|---|"]
    for b in benches:
        cmd = f"`{b.command}`"
        if b.status != "ok":
            lines.append(f"| {b.name} | — | {b.status}; see below | {cmd} |")
            continue
        for i, (fig, val) in enumerate(rows(b)):
            lines.append(f"| {b.name if i == 0 else ''} | {fig} | {val} | {cmd if i == 0 else ''} |")
    lines += ["", "Targets come from the issues: extraction ≥ 3× jieba.posseg and < 300 MB; ingest ≥ 200 pages/s "
              "and query p95 < 50 ms at 20,000 pages (docs/store.md); API: docs/api.md; batch ≥ 1.7× with 2 workers on 2 cores "
              "(docs/batch.md).", ""]
    for b in benches:
        when = ", ".join(x for x in (f"{b.seconds:.0f} s" if b.seconds else "", f"run {b.date}" if b.date else "") if x)
        lines += [f"## {b.name}", "", f"`{b.command}`" + (f" ({when})" if when else ""), ""]
        lines += ["```", b.output, "```", ""] if b.output else [f"{b.status[:1].upper()}{b.status[1:]}.", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")),
                    help="small sizes (also BENCH_QUICK=1)")
    ap.add_argument("--out", help="markdown to write (default docs/benchmarks.md; with --quick a file in the "
                                  "temporary directory, so a smoke test never replaces the recorded figures)")
    ap.add_argument("--only", help="comma-separated bench names to run (the others are listed as not run)")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else None
    if not args.out:
        args.out = str(Path(tempfile.gettempdir()) / "waishi-benchmarks-quick.md" if args.quick
                       else ROOT / "docs" / "benchmarks.md")
    benches = list(BENCHES)
    mach = machine()
    store = Path(args.out).with_suffix(".json")  # the last figures of each bench, for --only
    try:
        previous = json.loads(store.read_text(encoding="utf-8")) if only else {}
    except (OSError, ValueError):
        previous = {}
    with tempfile.TemporaryDirectory(prefix="waishi-report-") as tmp:
        for b in benches:
            if only is None or b.name in only:
                run(b, args.quick, Path(tmp))
            elif b.name in previous and previous[b.name].get("quick") == args.quick:
                for k in ("figures", "output", "command", "status", "seconds", "date"):
                    setattr(b, k, previous[b.name].get(k, getattr(b, k)))
            else:
                b.command = " ".join(["python", b.script, *(b.quick if args.quick else b.full)])
    saved = {b.name: {"figures": b.figures, "output": b.output, "command": b.command, "status": b.status,
                      "seconds": b.seconds, "date": b.date, "quick": args.quick} for b in benches}
    store.write_text(json.dumps(saved, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    Path(args.out).write_text(markdown(benches, args.quick, mach) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {store.name}")


if __name__ == "__main__":
    main()
