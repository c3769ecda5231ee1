"""Extraction throughput and memory, against jieba.posseg on the same text.

    python bench/extract_bench.py [--mb 2.0] [--json PATH]

Builds a corpus of at least --mb megabytes (UTF-8) from the bundled examples and,
when ../shared is present, the dev pages, repeated; then on one core measures
chars/s and pages/s of waishi.extract and, in the same run, chars/s of
jieba.posseg tagging the same pages, and prints the ratio and peak memory.
Figures, not assertions: these machines are noisy, so compare the ratio.
"""
from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(min_bytes: int) -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    dev = ROOT.parent / "shared" / "eval" / "dev" / "texts"
    if dev.is_dir():
        pages += [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))]
    out: list[str] = []
    size = 0
    while size < min_bytes:
        for p in pages:
            out.append(p)
            size += len(p.encode("utf-8"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--jieba-pages", type=int, default=0, help="pages for jieba (default: all)")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args()
    pages = corpus(int(args.mb * 1024 * 1024))
    chars = sum(len(p) for p in pages)
    nbytes = sum(len(p.encode("utf-8")) for p in pages)

    import waishi
    from waishi.lexicon import Lexicon

    lex = Lexicon.default()
    waishi.extract(pages[0], lexicon=lex)  # build automata once, outside the timing
    gc.collect()
    t0 = time.perf_counter()
    n_events = 0
    for p in pages:
        n_events += sum(len(d.events) for d in waishi.extract(p, lexicon=lex).documents)
    t_w = time.perf_counter() - t0
    # memory in a second pass: tracemalloc slows Python down several times, so not while timing
    tracemalloc.start()
    for p in pages[:50]:
        waishi.extract(p, lexicon=lex)
    _, peak_w = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    jpages = pages[: args.jieba_pages] if args.jieba_pages else pages
    jchars = sum(len(p) for p in jpages)
    t0 = time.perf_counter()
    for p in jpages:
        for _ in pseg.cut(p):
            pass
    t_j = time.perf_counter() - t0

    w_cps, j_cps = chars / t_w, jchars / t_j
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(pages)} pages, {chars:,} chars, {nbytes / 1e6:.2f} MB, {n_events:,} events extracted")
    print(f"waishi.extract : {w_cps:12,.0f} chars/s  {len(pages) / t_w:8.1f} pages/s  ({t_w:.2f} s)")
    print(f"jieba.posseg   : {j_cps:12,.0f} chars/s  ({t_j:.2f} s on {len(jpages)} pages)")
    print(f"ratio extract/jieba.posseg: {w_cps / j_cps:.1f}x  (target >= 4x)")
    print(f"peak traced memory during extraction: {peak_w / 1e6:.1f} MB; process max RSS: {rss:.0f} MB (target < 300 MB)")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "bench": "extract", "mb": args.mb, "pages": len(pages), "chars": chars, "events": n_events,
            "extract_chars_per_s": round(w_cps), "extract_pages_per_s": round(len(pages) / t_w, 1),
            "jieba_chars_per_s": round(j_cps), "ratio": round(w_cps / j_cps, 2),
            "peak_traced_mb": round(peak_w / 1e6, 1), "max_rss_mb": round(rss)}, indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
