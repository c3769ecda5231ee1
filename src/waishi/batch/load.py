"""A batch dataset -> the SQLite store, through the single writer.

Pages and errors reach ``Writer`` in the order ``ingest`` would have met them
(shards in the dataset's order, rows in each shard's ``ord``), with the same
locator, path, URL, date, title, encoding and content hash, so ``batch`` +
``load`` builds the same database as ``ingest`` (tested). It goes to ``Writer``
directly rather than through ``store.load_records``: that one has no title or
encoding per record and no way to replay an error in its place.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow.parquet as pq

from ..store import RunStats, Store, StoreError, Writer
from .dataset import Dataset

__all__ = ["LoadStats", "load_dataset"]

LOGGER = logging.getLogger(__name__)

_PAGE_COLUMNS = ["ord", "locator", "path", "url", "published", "title", "encoding", "content_hash", "record"]


@dataclass
class LoadStats:
    """The writer's figures for the run, and the shards that could not be loaded."""

    run: RunStats
    shards: int = 0
    loaded: int = 0
    incomplete: list[str] = field(default_factory=list)  # listed but not (yet) complete: rerun batch


Progress = Callable[[RunStats], None]


def _rows(ds: Dataset, shard: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``("page", row)`` and ``("error", row)`` of one shard, in reading order."""
    pages = pq.read_table(ds.table_path("pages", shard), columns=_PAGE_COLUMNS).to_pylist()
    errors = pq.read_table(ds.table_path("errors", shard), columns=["ord", "path", "reason"]).to_pylist()
    merged = [(r["ord"], 0, "page", r) for r in pages] + [(r["ord"], 1, "error", r) for r in errors]
    merged.sort(key=lambda x: (x[0], x[1]))
    for _, _, kind, row in merged:
        yield kind, row


def load_dataset(store: Store, out: str | os.PathLike[str], *, batch_size: int = 200, force: bool = False,
                 progress: Progress | None = None) -> LoadStats:
    """Store every complete shard of the dataset ``out``; idempotent like ``ingest``.

    Raises ``BatchError`` when ``out`` is not a batch dataset. A shard file that
    cannot be read is recorded in the store's errors and the run goes on.
    """
    ds = Dataset(out, create=False)
    order = ds.shard_order()
    with Writer(store, batch_size=batch_size) as w:
        result = LoadStats(w.stats, shards=len(order))
        for shard in order:
            m = ds.manifest(shard)
            if m is None:
                result.incomplete.append(shard)
                continue
            try:
                rows = list(_rows(ds, shard))
            except (OSError, ValueError) as e:  # a damaged or missing file: name it, go on
                reason = str(e).splitlines()[0] if str(e) else type(e).__name__
                w.add_error(str(ds.table_path("pages", shard)), f"unreadable batch output: {reason}")
                continue
            for kind, row in rows:
                if kind == "error":
                    w.add_error(row["path"], row["reason"])
                else:
                    _put(w, row, force)
                if progress is not None:
                    progress(w.stats)
            result.loaded += 1
        result.run = w.close()
    return result


def _put(w: Writer, row: dict[str, Any], force: bool) -> None:
    path = row["path"]
    try:
        rec = json.loads(row["record"])
        w.put(rec, locator=row["locator"], content_hash=row["content_hash"], path=path, url=row["url"],
              published=row["published"], title=row["title"], encoding=row["encoding"], force=force)
    except StoreError:
        raise  # the database failed, not the page
    except (KeyError, TypeError, ValueError) as e:  # a record the writer cannot read; nothing was written
        w.add_error(path, f"malformed record: {type(e).__name__}: {e}")
