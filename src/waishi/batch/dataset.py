"""The batch output directory: one Parquet file per table per shard, and manifests.

    OUT/_dataset.json                 shard ids in reading order (what ``load`` replays)
    OUT/_shards/<shard>.json          a shard's completion marker: its inputs' size and mtime
    OUT/<table>/<shard>.parquet       pages, documents, events, people, facts, errors

A shard is complete when its manifest exists, says ``ok``, was written by this
waishi version, its inputs still have the size and modification time it
recorded, and its table files exist. Files are written to a ``.part`` name,
flushed and renamed; the manifest is written last, the same way, so a run
killed at any point leaves either a complete shard or one that is redone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import WaishiError
from .shards import Shard, input_state
from .tables import TABLE_NAMES
from .work import ShardOutput, table_bytes

__all__ = ["FORMAT", "BatchError", "Dataset", "ShardManifest"]

FORMAT = 1  # bump when the tables' layout changes: older shards are then redone


class BatchError(WaishiError):
    """The batch cannot run (no scheduler at that address, an unwritable output directory)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_atomic(path: Path, data: bytes) -> None:
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        with open(part, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, path)
    except OSError as e:  # disk full, output directory removed: the run stops, written shards stay
        part.unlink(missing_ok=True)
        raise BatchError(f"{path}: cannot write: {(e.strerror or str(e)).lower()}") from e


@dataclass
class ShardManifest:
    shard: str
    status: str  # "ok", or "failed" (the task itself failed: redone on the next run)
    inputs: list[dict[str, Any]]
    rows: dict[str, int]
    pages: int
    errors: int
    seconds: float
    cpu_seconds: float
    worker: str
    version: str
    format: int
    finished_at: str

    @classmethod
    def read(cls, path: Path) -> ShardManifest | None:
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{k: d[k] for k in cls.__dataclass_fields__})
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: the shard is redone


class Dataset:
    """A batch output directory (created if missing)."""

    def __init__(self, root: str | os.PathLike[str], create: bool = True) -> None:
        self.root = Path(root)
        if create:
            try:
                for sub in ("_shards", *TABLE_NAMES):
                    (self.root / sub).mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise BatchError(f"{self.root}: cannot create the output directory: "
                                 f"{(e.strerror or str(e)).lower()}") from e
        elif not (self.root / "_dataset.json").is_file():
            raise BatchError(f"{self.root}: not a waishi batch dataset (no _dataset.json)")

    def table_path(self, table: str, shard: str) -> Path:
        return self.root / table / f"{shard}.parquet"

    def manifest_path(self, shard: str) -> Path:
        return self.root / "_shards" / f"{shard}.json"

    # -- order -------------------------------------------------------------------------
    def shard_order(self) -> list[str]:
        try:
            d = json.loads((self.root / "_dataset.json").read_text(encoding="utf-8"))
            return [str(s) for s in d["shards"]]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    def register(self, shards: Sequence[Shard]) -> None:
        """Add the run's shards to the dataset's order (after those of earlier runs)."""
        order = self.shard_order()
        known = set(order)
        order += [s.id for s in shards if s.id not in known]
        d = {"format": FORMAT, "version": __version__, "updated_at": _now(), "shards": order}
        _write_atomic(self.root / "_dataset.json", json.dumps(d, indent=1).encode())

    # -- completeness ------------------------------------------------------------------
    def manifest(self, shard: str) -> ShardManifest | None:
        return ShardManifest.read(self.manifest_path(shard))

    def is_complete(self, shard: Shard) -> bool:
        m = self.manifest(shard.id)
        return (m is not None and m.status == "ok" and m.version == __version__ and m.format == FORMAT
                and m.inputs == input_state(shard)
                and all(self.table_path(t, shard.id).is_file() for t in TABLE_NAMES))

    def invalidate(self, shard: Shard) -> None:
        """Forget a shard's completion before redoing it (a crash then leaves it to redo)."""
        self.manifest_path(shard.id).unlink(missing_ok=True)

    # -- writing -----------------------------------------------------------------------
    def write(self, shard: Shard, out: ShardOutput, inputs: list[dict[str, Any]]) -> ShardManifest:
        """Store a worker's output for ``shard``; ``inputs`` is the state read before the task ran,
        so an input changed while it was being read is redone next time."""
        for table in TABLE_NAMES:
            _write_atomic(self.table_path(table, shard.id), out.tables[table])
        return self._mark(shard, "ok", inputs, out)

    def write_failed(self, shard: Shard, reason: str, inputs: list[dict[str, Any]]) -> ShardManifest:
        """The task failed as a whole (worker died, internal error): one error row, redone next run."""
        out = ShardOutput(shard.id, errors=1)
        for table in TABLE_NAMES:
            rows = [{"shard": shard.id, "ord": 0, "path": shard.name, "reason": reason}] if table == "errors" else []
            out.tables[table] = table_bytes(table, rows)
            out.rows[table] = len(rows)
        for table in TABLE_NAMES:
            _write_atomic(self.table_path(table, shard.id), out.tables[table])
        return self._mark(shard, "failed", inputs, out)

    def _mark(self, shard: Shard, status: str, inputs: list[dict[str, Any]], out: ShardOutput) -> ShardManifest:
        m = ShardManifest(shard.id, status, inputs, dict(out.rows), out.pages, out.errors, round(out.seconds, 3),
                          round(out.cpu_seconds, 3), out.worker, __version__, FORMAT, _now())
        _write_atomic(self.manifest_path(shard.id), json.dumps(m.__dict__, ensure_ascii=False, indent=1).encode())
        return m
