"""What a worker does with one shard: read its pages, extract each, return the tables.

No extraction logic here: pages come from ``waishi.read.iter_pages`` and records
from ``waishi.extract`` exactly as ``waishi ingest`` reads and extracts them
(same source names, same error reasons), so ``load`` gives the database
``ingest`` gives. The lexicon is ``Lexicon.default()``, cached per process, so a
worker loads it once, not once per shard.

The tables travel back to the client as Parquet bytes, compressed on the worker:
the client only writes files, so the CPU work stays on the workers and the
output directory needs to exist on the client's machine only.
"""

from __future__ import annotations

import io
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError, WaishiError
from ..extract.pipeline import extract
from ..lexicon import Lexicon
from ..model import Page
from ..pageid import content_hash, locator_of
from ..paths import shown_path
from ..read import iter_pages
from ..store.records import record_from_extraction
from .shards import Shard
from .tables import SCHEMAS, TABLE_NAMES, flat_rows

__all__ = ["ShardOutput", "extract_shard", "table_bytes", "warm_up"]

LOGGER = logging.getLogger(__name__)

MAX_SAMPLES = 20  # error lines a shard reports back for the progress display (all are in its errors table)
PROGRESS_TOPIC = "waishi-batch-progress"  # pages done within a running shard, as Dask worker events
PROGRESS_EVERY = 1.0  # seconds between two such events of one shard


def report_pages(shard_id: str, pages: int) -> None:
    """Tell the client how far a running shard is (issue 12: a batch showed "0 pages" for most of
    its run, shards being the only unit of progress). Outside a Dask worker it does nothing."""
    try:
        from distributed import get_worker

        get_worker().log_event(PROGRESS_TOPIC, {"shard": shard_id, "pages": pages})
    except (ImportError, ValueError):  # not running on a worker (a test calling extract_shard)
        pass


@dataclass
class ShardOutput:
    """One shard's result: Parquet bytes per table, and its figures."""

    shard: str
    tables: dict[str, bytes] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the worker process on this shard: seconds less waiting for a core
    worker: str = ""
    error_samples: list[tuple[str, str]] = field(default_factory=list)  # the first few (path, reason)


def warm_up() -> int:
    """Load the lexicon and build its automata in this worker process (before timing)."""
    extract("越南政府总理会见老挝外长。", lexicon=Lexicon.default())
    return os.getpid()


def _rename(value: str, shard_path: str, shown: str) -> str:
    """``/abs/dir/a.jsonl#3`` -> ``dir/a.jsonl#3``: the name ``ingest`` would have recorded.
    Readers name files printably (``shown_path``), so the prefix is compared so too."""
    shard_path, shown = shown_path(shard_path), shown_path(shown)
    return shown + value[len(shard_path):] if value.startswith(shard_path) else value


def _pages(shard: Shard) -> Iterator[tuple[Page | InputError, str]]:
    """Every page or error of the shard, renamed as the user named the input, with the
    page's absolute source (locators are absolute paths)."""
    for item in shard.inputs:
        for got in iter_pages(item.path):
            if isinstance(got, InputError):
                yield InputError(_rename(got.path, item.path, item.shown), got.reason), got.path
            else:
                abs_source = got.source
                got.source = _rename(got.source, item.path, item.shown)
                yield got, abs_source


def extract_shard(shard: Shard) -> ShardOutput:
    """Read and extract every page of ``shard``; bad pages and files become ``errors`` rows."""
    t0, c0 = time.perf_counter(), time.process_time()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    out = ShardOutput(shard.id, worker=f"{os.uname().nodename}:{os.getpid()}")
    last = t0
    for ord_, (got, abs_source) in enumerate(_pages(shard)):
        now = time.perf_counter()
        if now - last >= PROGRESS_EVERY:
            last = now
            report_pages(shard.id, ord_)
        if isinstance(got, InputError):
            rows["errors"].append({"shard": shard.id, "ord": ord_, "path": got.path, "reason": got.reason})
            continue
        try:
            ext = extract(got.text, published=got.published, url=got.url, source=got.source,
                          encoding=got.encoding)
        except WaishiError as e:  # the reasons `ingest` records for the same page
            reason = e.reason if isinstance(e, InputError) else str(e)
            rows["errors"].append({"shard": shard.id, "ord": ord_, "path": got.source, "reason": reason})
            continue
        except Exception as e:  # an extraction bug costs the page, not the shard
            LOGGER.debug("extraction failed on %s", got.source, exc_info=True)
            rows["errors"].append({"shard": shard.id, "ord": ord_, "path": got.source,
                                   "reason": f"extraction failed: {type(e).__name__}: {e}"})
            continue
        rec = record_from_extraction(ext)
        page = {"shard": shard.id, "ord": ord_, "locator": locator_of(abs_source, got.url), "path": got.source,
                "url": got.url, "published": got.published, "title": got.title, "encoding": got.encoding,
                "content_hash": content_hash(got.text, got.published), "length": len(got.text),
                "n_documents": len(rec.get("documents") or []),
                "record": json.dumps(rec, ensure_ascii=False, separators=(",", ":"))}
        rows["pages"].append(page)
        flat_rows(shard.id, ord_, page, rec, rows)
    out.pages = len(rows["pages"])
    out.errors = len(rows["errors"])
    out.error_samples = [(e["path"], e["reason"]) for e in rows["errors"][:MAX_SAMPLES]]
    for name in TABLE_NAMES:
        out.tables[name] = table_bytes(name, rows[name])
        out.rows[name] = len(rows[name])
    out.seconds = time.perf_counter() - t0
    out.cpu_seconds = time.process_time() - c0
    return out


def table_bytes(name: str, rows: list[dict[str, Any]]) -> bytes:
    """``rows`` as a Parquet file (zstd) in memory, with the table's fixed schema."""
    table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", compression_level=1)  # level 1: half the time, same size here
    return buf.getvalue()
