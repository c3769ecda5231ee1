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
    ap.add_argument("--rounds", type=int, default=8, help="interleaved rounds (waishi, then jieba, per slice)")
    args = ap.parse_args()
    pages = corpus(int(args.mb * 1024 * 1024))
    chars = sum(len(p) for p in pages)
    nbytes = sum(len(p.encode("utf-8")) for p in pages)

    import waishi
    from waishi.lexicon import Lexicon

    lex = Lexicon.default()
    waishi.extract(pages[0], lexicon=lex)  # build automata once, outside the timing
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    jpages = pages[: args.jieba_pages] if args.jieba_pages else pages
    jchars = sum(len(p) for p in jpages)
    # Interleaved rounds: each slice of the corpus is read by waishi and then by jieba, so a
    # burst of load on this shared machine slows both alike; the ratio is taken per round too.
    rounds = max(1, args.rounds)
    gc.collect()
    t_w = t_j = 0.0
    n_events = 0
    per_round: list[float] = []
    for r in range(rounds):
        chunk = pages[r::rounds]
        jchunk = jpages[r::rounds]
        t0 = time.perf_counter()
        for p in chunk:
            n_events += sum(len(d.events) for d in waishi.extract(p, lexicon=lex).documents)
        dw = time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in jchunk:
            for _ in pseg.cut(p):
                pass
        dj = time.perf_counter() - t0
        t_w, t_j = t_w + dw, t_j + dj
        if dw > 0 and dj > 0:
            per_round.append((sum(map(len, chunk)) / dw) / (sum(map(len, jchunk)) / dj))
    # memory in a second pass: tracemalloc slows Python down several times, so not while timing
    tracemalloc.start()
    for p in pages[:50]:
        waishi.extract(p, lexicon=lex)
    _, peak_w = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    w_cps, j_cps = chars / t_w, jchars / t_j
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(pages)} pages, {chars:,} chars, {nbytes / 1e6:.2f} MB, {n_events:,} events extracted")
    print(f"waishi.extract : {w_cps:12,.0f} chars/s  {len(pages) / t_w:8.1f} pages/s  ({t_w:.2f} s)")
    print(f"jieba.posseg   : {j_cps:12,.0f} chars/s  ({t_j:.2f} s on {len(jpages)} pages)")
    per_round.sort()
    median = per_round[len(per_round) // 2] if per_round else 0.0
    print(f"ratio extract/jieba.posseg: {w_cps / j_cps:.1f}x  (target >= 4x); per round: median {median:.1f}x, "
          f"{per_round[0] if per_round else 0:.1f}x .. {per_round[-1] if per_round else 0:.1f}x over {len(per_round)} rounds")
    print(f"peak traced memory during extraction: {peak_w / 1e6:.1f} MB; process max RSS: {rss:.0f} MB (target < 300 MB)")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "bench": "extract", "mb": args.mb, "pages": len(pages), "chars": chars, "events": n_events,
            "extract_chars_per_s": round(w_cps), "extract_pages_per_s": round(len(pages) / t_w, 1),
            "jieba_chars_per_s": round(j_cps), "ratio": round(w_cps / j_cps, 2),
            "ratio_median_round": round(median, 2),
            "peak_traced_mb": round(peak_w / 1e6, 1), "max_rss_mb": round(rss)}, indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
