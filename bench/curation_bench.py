"""What the curation layer costs: storing with and without it, decisions, re-extraction.

    python bench/curation_bench.py [-n 2000] [--decisions 200] [--json out.json]

The same extracted records (bench/synth.py pages) are stored twice in one run: with the
curation layer (raw record kept per page, decisions applied by the writer) and with its
hook disabled (the store as it was before it), so the ratio is measured on this machine
now. Then analysts' decisions are taken one by one (each re-writes its page), every page
is re-extracted with the decisions re-applied, orphans are listed and gold exported.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate  # noqa: E402

import waishi  # noqa: E402
from waishi.store import Store, load_records, record_from_extraction  # noqa: E402
from waishi.store import writer as W  # noqa: E402
from waishi.store.gold import export_gold  # noqa: E402


def _size(path: Path) -> int:
    return sum(os.path.getsize(p) for p in (str(path), f"{path}-wal") if os.path.exists(p))


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] if xs else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="pages")
    ap.add_argument("--decisions", type=int, default=200, help="decisions to take one by one")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args()

    pages = list(generate(args.n, seed=args.seed))
    t = time.perf_counter()
    records = []
    for p in pages:
        rec = record_from_extraction(waishi.extract(p.text, published=p.published, url=p.url, source=p.name))
        rec["locator"] = p.url
        records.append(rec)
    t_extract = time.perf_counter() - t

    tmp = Path(tempfile.mkdtemp(prefix="waishi-curation-"))
    fig: dict[str, Any] = {"pages": args.n, "extract_pages_per_s": round(args.n / t_extract, 1)}

    # the peer: the writer without the curation hook
    hook = W.keep_page
    W.keep_page = lambda con, sid, loc, h, rec: rec  # type: ignore[assignment]
    try:
        with Store.open(tmp / "plain.db") as st:
            t = time.perf_counter()
            load_records(st, records)
            t_plain = time.perf_counter() - t
            st.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        W.keep_page = hook
    st = Store.open(tmp / "curated.db")
    t = time.perf_counter()
    load_records(st, records)
    t_cur = time.perf_counter() - t
    st.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fig.update(store_plain_pages_per_s=round(args.n / t_plain, 1), store_curated_pages_per_s=round(args.n / t_cur, 1),
               store_time_ratio=round(t_cur / t_plain, 2),
               db_plain_mb_per_1000=round(_size(tmp / "plain.db") / 1e6 / args.n * 1000, 2),
               db_curated_mb_per_1000=round(_size(tmp / "curated.db") / 1e6 / args.n * 1000, 2))

    # decisions, one by one, as a reviewer takes them
    rng = random.Random(args.seed)
    rows = st.con.execute("SELECT locator FROM page_records").fetchall()
    lat: list[float] = []
    for i in range(args.decisions):
        loc = rng.choice(rows)[0]
        raw = st.raw_record(loc)
        assert raw is not None
        evs = [e for d in raw["documents"] for e in d["events"]]
        if not evs:
            continue
        ev = rng.choice(evs)
        key = {"locator": loc, "type": ev["type"], "start": ev["evidence"]["start"], "end": ev["evidence"]["end"]}
        action, fields = rng.choice((("reject", None), ("edit", {"date": ev["date"] or "2024"}), ("confirm", None)))
        t = time.perf_counter()
        st.decide("event", action, key, author=f"r{i % 3}", fields=fields)
        lat.append(time.perf_counter() - t)
        if i % 10 == 0:
            d = raw["documents"][0]
            st.decide("document", "confirm", {"locator": loc, "ord": 0, "title": d["title"]}, author="r0")
    fig.update(decisions=len(lat), decision_ms_p50=round(_pct(lat, 0.5) * 1000, 1),
               decision_ms_p95=round(_pct(lat, 0.95) * 1000, 1))

    def extract(page: waishi.Page) -> waishi.Extraction:
        return waishi.extract(page.text, published=page.published, url=page.url, source=page.source)

    t = time.perf_counter()
    res = st.reextract(extract, everything=True)
    t_re = time.perf_counter() - t
    t = time.perf_counter()
    n_orphans = len(st.orphans())
    t_orph = time.perf_counter() - t
    t = time.perf_counter()
    g = export_gold(st, tmp / "gold")
    t_gold = time.perf_counter() - t
    fig.update(reextract_pages_per_s=round(res.reextracted / t_re, 1), reextract_orphans=res.orphans,
               orphans_s=round(t_orph, 3), orphans=n_orphans, gold_documents=g.documents, gold_s=round(t_gold, 3))
    st.close()
    width = max(len(k) for k in fig)
    for k, v in fig.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
