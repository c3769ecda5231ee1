"""The Dask adapter: map ``extract_shard`` over shards on a cluster, write what comes back.

One task per shard (a thousand pages), never per page: the scheduler's cost per
task (about a millisecond) stays far below the shard's work (seconds), and each
worker process keeps its lexicon between tasks. By default a LocalCluster of
worker processes with one thread each (extraction is pure Python: threads would
share one interpreter lock); ``scheduler="tcp://host:8786"`` uses a running
cluster instead, whose workers must see the input files at the same paths.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from .dataset import BatchError, Dataset
from .shards import DEFAULT_GROUP_SIZE, input_state, plan_shards
from .work import PROGRESS_TOPIC, extract_shard, warm_up

__all__ = ["BatchStats", "run_batch"]

LOGGER = logging.getLogger(__name__)

MAX_ERROR_SAMPLES = 50


@dataclass
class BatchStats:
    """What one batch run did."""

    out: str = ""
    scheduler: str = ""
    workers: int = 0
    shards: int = 0  # in the plan
    skipped: int = 0  # complete from an earlier run
    done: int = 0  # extracted in this run
    failed: int = 0  # tasks that failed as a whole (redone next run)
    pages: int = 0  # pages extracted in this run
    errors: int = 0  # error rows written in this run (bad files, pages, failed tasks)
    elapsed: float = 0.0  # wall time of the whole run
    work_seconds: float = 0.0  # wall time from the first task submitted to the last result
    task_seconds: float = 0.0  # wall time of the tasks, summed over workers
    cpu_seconds: float = 0.0  # CPU time of the tasks: below task_seconds when other jobs share the cores
    error_samples: list[tuple[str, str]] = field(default_factory=list)  # (file or page, reason), the first ones
    running: dict[str, int] = field(default_factory=dict)  # shard -> pages read so far, for shards not done

    @property
    def pages_so_far(self) -> int:
        """Pages of finished shards plus those read by the running ones (for progress displays)."""
        return self.pages + sum(dict(self.running).values())  # a copy: the client's loop thread writes it

    @property
    def rate(self) -> float:
        """Pages per second while the cluster was working."""
        return self.pages / self.work_seconds if self.work_seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"out": self.out, "scheduler": self.scheduler, "workers": self.workers, "shards": self.shards,
                "skipped": self.skipped, "done": self.done, "failed": self.failed, "pages": self.pages,
                "errors": self.errors, "elapsed_s": round(self.elapsed, 3),
                "work_s": round(self.work_seconds, 3), "task_s": round(self.task_seconds, 3),
                "cpu_s": round(self.cpu_seconds, 3), "pages_per_s": round(self.rate, 1),
                "error_samples": [{"path": p, "reason": r} for p, r in self.error_samples]}


Progress = Callable[[BatchStats], None]


def _probe(address: str) -> None:
    """Check a scheduler address before the Client sees it: a malformed one, or a tcp:// one where
    nothing listens, fails at once (the Client would retry for its timeout, then complain on exit)."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    host, _, port = rest.rpartition(":")
    if not host or not port.isdigit():
        raise BatchError(f"{address}: not a Dask scheduler address (expected tcp://HOST:PORT)")
    if scheme != "tcp":
        return  # tls://, ucx://: the Client knows them
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=10).close()
    except OSError as e:
        raise BatchError(f"{address}: cannot connect to the Dask scheduler: "
                         f"{(e.strerror or str(e) or type(e).__name__).lower()}") from e


def _client(scheduler: str | None, workers: int | None, n_tasks: int) -> tuple[Any, Any]:
    """A dask.distributed Client, and the LocalCluster it owns (None for a given scheduler)."""
    from distributed import Client, LocalCluster

    if scheduler:
        _probe(scheduler)
        try:
            return Client(scheduler, timeout="10s", set_as_default=False), None
        except (OSError, TimeoutError, ValueError) as e:
            raise BatchError(f"{scheduler}: cannot connect to the Dask scheduler: {e}") from e
    n = workers or os.cpu_count() or 1
    try:
        cluster = LocalCluster(n_workers=max(1, min(n, n_tasks)), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
    except Exception as e:  # no free port, no /dev/shm, a worker that cannot start
        raise BatchError(f"cannot start a local Dask cluster: {type(e).__name__}: {e}") from e
    try:
        return Client(cluster, set_as_default=False), cluster
    except BaseException:
        cluster.close()
        raise


def run_batch(inputs: Iterable[str | PathLike[str]], out: str | PathLike[str], *, scheduler: str | None = None,
              workers: int | None = None, group_size: int = DEFAULT_GROUP_SIZE, force: bool = False,
              progress: Progress | None = None) -> BatchStats:
    """Extract every page under ``inputs`` on a Dask cluster into the Parquet dataset ``out``.

    Shards complete from an earlier run are skipped (``force`` redoes them). A shard
    that cannot be read is recorded in its ``errors`` table; a task that fails as a
    whole is recorded too and redone on the next run; neither stops the others.
    """
    from distributed import as_completed

    t0 = time.perf_counter()
    stats = BatchStats(out=str(out))
    plan = plan_shards(inputs, group_size)
    ds = Dataset(out)
    ds.register(plan)
    stats.shards = len(plan)
    todo = [s for s in plan if force or not ds.is_complete(s)]
    stats.skipped = len(plan) - len(todo)
    if progress is not None:
        progress(stats)
    if not todo:
        stats.elapsed = time.perf_counter() - t0
        return stats

    client, cluster = _client(scheduler, workers, len(todo))
    try:
        stats.scheduler = str(client.scheduler.address)
        stats.workers = len(client.run(warm_up))  # every worker loads its lexicon once, now
        states = {}
        for s in todo:
            ds.invalidate(s)
            states[s.id] = input_state(s)
        by_key = {}
        t_work = time.perf_counter()
        futures = []
        for s in todo:
            fut = client.submit(extract_shard, s, key=f"waishi-shard-{s.id}-{os.getpid()}-{time.time_ns()}",
                                pure=False, retries=0)
            by_key[fut.key] = s
            futures.append(fut)
        if progress is not None:
            progress(stats)

            def on_pages(event: tuple[float, dict[str, Any]]) -> None:
                # runs on the client's event loop while the main thread waits for results
                msg = event[1]
                if isinstance(msg, dict) and msg.get("shard") in states and msg["shard"] in running_ids:
                    stats.running[msg["shard"]] = int(msg.get("pages") or 0)
                    stats.work_seconds = time.perf_counter() - t_work
                    progress(stats)

            running_ids = set(states)
            client.subscribe_topic(PROGRESS_TOPIC, on_pages)
        for fut in as_completed(futures, loop=client.loop):
            shard = by_key[fut.key]
            if progress is not None:
                running_ids.discard(shard.id)
                stats.running.pop(shard.id, None)
            try:
                res = fut.result()
            except Exception as e:  # the task died (worker lost, a bug): record it, go on
                reason = f"shard failed: {type(e).__name__}: {e}".splitlines()[0]
                ds.write_failed(shard, reason, states[shard.id])
                stats.failed += 1
                stats.errors += 1
                stats.error_samples.append((shard.name, reason))
            else:
                ds.write(shard, res, states[shard.id])
                stats.done += 1
                stats.pages += res.pages
                stats.task_seconds += res.seconds
                stats.cpu_seconds += res.cpu_seconds
                stats.errors += res.errors
                stats.error_samples += res.error_samples[:max(0, MAX_ERROR_SAMPLES - len(stats.error_samples))]
            fut.release()
            stats.work_seconds = time.perf_counter() - t_work
            if progress is not None:
                progress(stats)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    stats.elapsed = time.perf_counter() - t0
    return stats
