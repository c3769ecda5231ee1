"""Inputs -> shards: the unit of work a Dask worker takes, in the order ``ingest`` reads pages.

A multi-page file (``.jsonl``, ``.warc[.gz]``) is one shard. Single-page files
(``.txt``, ``.html``) are grouped: consecutive files of one directory, up to
``group_size`` per shard, so a directory of 50,000 pages is 50 tasks, not 50,000
(a task costs the scheduler about a millisecond; a page costs extraction two).

The order of shards, and of inputs within a shard, is exactly the order in which
``waishi ingest`` would read the same arguments (directories depth first, entries
sorted by name, hidden entries skipped): cross-page merging depends on the order
pages reach the writer, and ``load`` replays it.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike

from ..errors import InputError
from ..paths import shown_path
from ..read import JSONL_SUFFIXES, WARC_SUFFIXES, walk_files

__all__ = ["DEFAULT_GROUP_SIZE", "Shard", "ShardInput", "input_state", "plan_shards"]

DEFAULT_GROUP_SIZE = 1000
_MULTI = JSONL_SUFFIXES + WARC_SUFFIXES
_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class ShardInput:
    """One file of a shard: as the user named it (``shown``, kept in the store's ``path``
    column, as ``ingest`` keeps it) and its absolute path (what workers open)."""

    shown: str
    path: str


@dataclass(frozen=True, slots=True)
class Shard:
    """A unit of work: one multi-page file, or a run of single-page files of one directory."""

    id: str
    inputs: tuple[ShardInput, ...]

    @property
    def name(self) -> str:
        """The first input as the user named it, printable (for messages and error rows)."""
        return shown_path(self.inputs[0].shown) if self.inputs else self.id


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "_", text).strip("_")[:40] or "input"


def _shard_id(label: str, key: str) -> str:
    # readable prefix, and a hash of the absolute path so two `pages.jsonl` in two
    # directories are two shards
    return f"{_slug(label)}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"


def _is_multi(name: str) -> bool:
    return name.lower().endswith(_MULTI)


def _walk(root: str) -> Iterator[tuple[str, bool]]:
    """``(path, listable)`` of supported files under ``root`` in ``waishi.read.iter_pages`` order
    (the reader's own walk). A directory that cannot be listed comes out as ``(dir, False)``:
    the worker's reader then records it as an error, as ``ingest`` does."""
    for item in walk_files(root):
        if isinstance(item, InputError):
            yield item.path, False
        else:
            yield item, True


def _files(inputs: Iterable[str | PathLike[str]]) -> Iterator[tuple[str, bool]]:
    """Every file to read, as ``(shown path, groupable)``; missing inputs are kept (the
    reader records "no such file") unless they are globs, which are expanded first."""
    for raw in inputs:
        name = str(raw)
        if not os.path.lexists(name) and _GLOB.search(name):
            matches = sorted(glob.glob(name, recursive=True))
            if matches:
                yield from _files(matches)
                continue
        if os.path.isdir(name):
            for path, listable in _walk(name):
                yield path, listable and not _is_multi(path)
        else:
            yield name, os.path.isfile(name) and not _is_multi(name)


def plan_shards(inputs: Iterable[str | PathLike[str]], group_size: int = DEFAULT_GROUP_SIZE) -> list[Shard]:
    """The shards for ``inputs`` (files, directories, glob patterns), in reading order."""
    group_size = max(1, group_size)
    shards: list[Shard] = []
    run: list[ShardInput] = []

    def flush() -> None:
        if run:
            first = run[0]
            label = f"{os.path.basename(os.path.dirname(first.path))}-{os.path.basename(first.path)}"
            shards.append(Shard(_shard_id(label, "group:" + first.path), tuple(run)))
            run.clear()

    for shown, groupable in _files(inputs):
        item = ShardInput(shown, os.path.abspath(shown))
        if not groupable:
            flush()
            shards.append(Shard(_shard_id(os.path.basename(item.path), item.path), (item,)))
            continue
        if run and (len(run) >= group_size or os.path.dirname(run[0].path) != os.path.dirname(item.path)):
            flush()
        run.append(item)
    flush()
    return _unique(shards)


def _unique(shards: list[Shard]) -> list[Shard]:
    """A file named twice (``a.jsonl a.jsonl``) is read twice by ``ingest`` (the second
    time all unchanged); here its second shard gets its own id."""
    seen: dict[str, int] = {}
    out = []
    for s in shards:
        n = seen.get(s.id, 0)
        seen[s.id] = n + 1
        out.append(s if n == 0 else Shard(f"{s.id}.{n}", s.inputs))
    return out


def input_state(shard: Shard) -> list[dict[str, object]]:
    """What a completed shard's manifest remembers of its inputs: path, size, mtime.

    A changed size or modification time (or a file appearing or vanishing) means the
    shard's output is stale and a rerun extracts it again.
    """
    out: list[dict[str, object]] = []
    for item in shard.inputs:
        # names kept printable: a name that is not UTF-8 cannot go into the JSON manifest
        names = {"path": shown_path(item.path), "shown": shown_path(item.shown)}
        try:
            st = os.stat(item.path)
            out.append({**names, "size": st.st_size, "mtime_ns": st.st_mtime_ns})
        except OSError:
            out.append({**names, "size": None, "mtime_ns": None})
    return out
