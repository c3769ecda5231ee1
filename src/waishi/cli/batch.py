"""CLI commands for scale-out: ``batch`` (Dask -> Parquet dataset) and ``load`` (dataset -> store).

Each calls one function of ``waishi.batch`` and renders its progress and summary;
errors become one-line messages here. ``register(app)`` adds the commands.
Exit codes as for ``ingest``: 1 when nothing could be done, 2 for bad usage.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from ..errors import WaishiError
from ..store import DEFAULT_DB
from .common import (
    MAX_ERROR_LINES,
    ErrorLines,
    OutFormat,
    err,
    exit_for_run,
    fail,
    interruptible,
    note,
    open_store,
    run,
    run_reporter,
    run_summary,
)

if TYPE_CHECKING:  # waishi.batch (pyarrow, Dask) is imported by the commands, not at CLI start-up
    from ..batch import BatchStats, LoadStats

__all__ = ["register"]


def _batch_summary(s: BatchStats) -> Table:
    t = Table(title="batch summary", show_header=False)
    t.add_column("", style="bold")
    t.add_column("", justify="right")
    rows = [("output", s.out), ("scheduler", s.scheduler or "(not started: nothing to do)"),
            ("workers", f"{s.workers}"), ("shards", f"{s.shards:,}"),
            ("skipped (complete)", f"{s.skipped:,}"), ("extracted", f"{s.done:,}"), ("failed", f"{s.failed:,}"),
            ("pages", f"{s.pages:,}"), ("errors", f"{s.errors:,}"), ("time", f"{s.elapsed:.1f} s"),
            ("rate", f"{s.rate:,.1f} pages/s")]
    for k, v in rows:
        t.add_row(k, v)
    return t


def batch_cmd(
    inputs: list[str] = typer.Argument(..., help="Files, directories or quoted globs (txt, html, jsonl, warc.gz)."),
    out: str = typer.Argument(..., help="Output directory: a Parquet dataset (resumable)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="A running Dask scheduler, tcp://host:8786."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1,
                                       help="Local worker processes (default: one per core)."),
    group: int | None = typer.Option(None, "--group", min=1,
                                     help="Single-page files (txt, html) per shard (default 1000)."),
    force: bool = typer.Option(False, "--force", help="Redo shards that are already complete."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary table."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="Summary as table | json."),
) -> None:
    """Extract pages on a Dask cluster into a Parquet dataset (then `waishi load` it)."""
    if format is OutFormat.csv:
        fail("--format must be table or json")
        raise typer.Exit(2)
    if scheduler and workers:
        note("--workers is ignored with --scheduler")
    from ..batch import DEFAULT_GROUP_SIZE, run_batch

    with Progress(TextColumn("[bold]batch[/bold]"), BarColumn(), MofNCompleteColumn(), TextColumn("shards"),
                  TextColumn("{task.fields[pages]:,} pages"), TextColumn("[cyan]{task.fields[rate]:,.0f} pages/s"),
                  TextColumn("[red]{task.fields[errors]} errors[/red]"), TimeElapsedColumn(),
                  console=err, disable=quiet) as progress:
        task = progress.add_task("batch", total=None, pages=0, rate=0.0, errors=0)
        lines = ErrorLines(progress.console)
        lock = threading.Lock()  # the client's event loop reports running shards' pages too

        def report(s: BatchStats) -> None:
            with lock:
                lines.show(s.error_samples)
                # pages of the running shards too (their workers report every second)
                so_far = s.pages_so_far
                progress.update(task, total=s.shards, completed=s.skipped + s.done + s.failed, pages=so_far,
                                rate=so_far / s.work_seconds if s.work_seconds > 0 else 0.0, errors=s.errors)

        with interruptible("interrupted; completed shards are kept (rerun to continue)"):
            stats: BatchStats = run(lambda: run_batch(inputs, out, scheduler=scheduler, workers=workers,
                                                      group_size=group or DEFAULT_GROUP_SIZE, force=force,
                                                      progress=report))
    if format is OutFormat.json:
        sys.stdout.write(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        Console().print(_batch_summary(stats))
    if stats.errors > MAX_ERROR_LINES:
        fail(f"… and {stats.errors - MAX_ERROR_LINES:,} more; all are in the dataset's errors table (and in the "
             "store's after `waishi load`)")
    if stats.shards == 0:
        fail(f"no input found in {' '.join(inputs)}")
        raise typer.Exit(1)
    if stats.pages == 0 and stats.skipped == 0:
        fail("no page could be extracted")
        raise typer.Exit(1)


def load_cmd(
    out: str = typer.Argument(..., help="A dataset written by `waishi batch`."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store to create or update."),
    batch: int = typer.Option(200, "--batch", min=1, help="Pages per committed batch."),
    force: bool = typer.Option(False, "--force", help="Rewrite pages whose content is already stored."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, no summary table (errors still show)."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="Summary as table | json."),
) -> None:
    """Load a batch dataset into the store (same merging as `ingest`; idempotent)."""
    from ..batch import load_dataset

    store = open_store(db, readonly=False)
    total = _load_total(out)
    with Progress(TextColumn("[bold]load[/bold]"), BarColumn(bar_width=10), MofNCompleteColumn(),
                  TextColumn("pages"), TextColumn("[red]{task.fields[errors]} errors[/red]"), TimeElapsedColumn(),
                  TextColumn("left"), TimeRemainingColumn(), console=err, disable=quiet) as progress:
        task = progress.add_task("load", total=total, errors=0)
        report = run_reporter(progress, task, lambda s: {"completed": s.pages + s.errors, "errors": s.errors})
        with interruptible("interrupted; the pages committed so far are kept (rerun to continue)", store.close):
            res: LoadStats = run(lambda: load_dataset(store, out, batch_size=batch, force=force, progress=report))
        progress.update(task, completed=total or res.run.pages, errors=res.run.errors)
    for shard in res.incomplete[:MAX_ERROR_LINES]:
        note(f"{out}: shard {shard} is not complete (rerun `waishi batch`); skipped")
    totals = store.stats()
    store.close()
    if format is OutFormat.json:
        d = res.run.to_dict()
        d.update({"shards": res.shards, "shards_loaded": res.loaded, "shards_incomplete": res.incomplete})
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        Console().print(run_summary(res.run, totals, title="load summary"))
    exit_for_run(res.run, db, f"{out}: nothing could be loaded")


def _load_total(out: str) -> int | None:
    """Pages and errors the dataset's complete shards hold (their manifests): the progress total."""
    from ..batch.dataset import Dataset

    try:
        ds = Dataset(out, create=False)
        ms = [ds.manifest(s) for s in ds.shard_order()]
    except (WaishiError, OSError):
        return None  # load_dataset names the problem
    return sum(m.pages + m.errors for m in ms if m is not None) or None


def register(app: typer.Typer) -> None:
    """Add ``batch`` and ``load`` to ``app``."""
    commands: Sequence[tuple[str, Callable[..., None]]] = (("batch", batch_cmd), ("load", load_cmd))
    for name, fn in commands:
        app.command(name)(fn)
