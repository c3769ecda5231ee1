"""What the command groups share: the consoles, the one error printer, opening the store,
options as typed (days, countries), JSON and CSV output, and the progress, interrupt and
exit status of a store run (``ingest``, ``load``).

Messages are built as Rich ``Text``, never as markup: file names, reasons and analysts' text
are shown as written (``missing[/b].txt`` crashed the markup parser, ``missing[bold].txt``
lost its ``[bold]``, issue 16).

``waishi extract`` imports this module at start-up (evaluation scripts run it once per file,
0.8 s each), so the store, the country resolver and ``rich.progress`` are imported by the helpers that use them.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from ..errors import WaishiError

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID
    from rich.table import Table

    from ..model import Extraction, Page
    from ..store import RunStats, Store

__all__ = ["BOM", "MAX_ERROR_LINES", "WIDE", "ErrorLines", "OutFormat", "emit_csv", "emit_json", "err",
           "exit_for_run", "extract_page", "fail", "interruptible", "note", "open_store", "plain", "run",
           "run_reporter", "run_summary", "to_day", "to_iso3"]

T = TypeVar("T")

err = Console(stderr=True)
MAX_ERROR_LINES = 20  # error lines shown while a run goes on; the errors table keeps them all


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


WIDE = typer.Option(False, "--wide", "-w", help="Every column, on as many terminal columns as they need.")
BOM = typer.Option(False, "--bom", help="CSV: start with a UTF-8 byte-order mark (for Excel).")
LIMIT = typer.Option(50, "--limit", "-n", min=1, max=10_000)
OFFSET = typer.Option(0, "--offset", min=0)
FORMAT = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv")


# -- messages -------------------------------------------------------------------------


def _say(label: str, style: str, msg: str, console: Console | None) -> None:
    (console or err).print(Text.assemble((label, style), " ", msg), highlight=False, soft_wrap=True)


def fail(msg: str, console: Console | None = None) -> None:
    """``waishi: error: <msg>`` on stderr (or ``console``: a progress bar's), ``msg`` as written."""
    _say("waishi: error:", "red", msg, console)


def note(msg: str) -> None:
    """``waishi: note: <msg>`` on stderr, ``msg`` as written."""
    _say("waishi: note:", "yellow", msg, None)


# -- the store --------------------------------------------------------------------------


def open_store(db: str, readonly: bool = True) -> Store:
    """The store at ``db``; a store that cannot be opened is one line and exit 1."""
    from ..store import Store

    try:
        return Store.open(db, readonly=readonly)
    except WaishiError as e:
        fail(str(e))
        raise typer.Exit(1) from None


def run(fn: Callable[[], T]) -> T:
    """Call a library function; its deliberate errors become one line and exit 1."""
    try:
        return fn()
    except WaishiError as e:
        fail(str(e))
        raise typer.Exit(1) from None


def extract_page(page: Page) -> Extraction:
    """The extractor a store run (ingest, fetch, reextract) calls on each page."""
    from ..extract.pipeline import extract

    return extract(page.text, published=page.published, url=page.url, source=page.source, encoding=page.encoding)


# -- options as typed -------------------------------------------------------------------


def to_day(value: str | None, option: str, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as a day (the first, or with ``end`` the last); exit 2 otherwise."""
    from ..store.rows import normalize_day

    try:
        return normalize_day(value, end=end)
    except WaishiError:
        fail(f"{option} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2) from None


def to_iso3(value: str | None, option: str = "--country") -> str | None:
    """ISO3 for what the user typed (LAO, 老挝, Laos, 老撾), saying what it matched; exit 2 with
    the closest names when it names no country."""
    if value is None or not value.strip():
        return None
    from ..resolve import CountryResolver, UnknownCountry

    try:
        m = CountryResolver.default().require(value)
    except UnknownCountry as e:
        fail(f"{option}: {e}")
        raise typer.Exit(2) from None
    if m.query.strip().upper() != m.iso3:  # say what an interpreted name matched (老挝 -> LAO)
        err.print(Text(f"{option} {m.describe()}", style="dim"), highlight=False)
    return m.iso3


# -- output -----------------------------------------------------------------------------


def plain(v: Any) -> Any:
    """Dataclasses as dicts, all the way down (for JSON and CSV)."""
    if is_dataclass(v) and not isinstance(v, type):
        return {f.name: plain(getattr(v, f.name)) for f in fields(v)}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def emit_json(items: Iterable[Any]) -> None:
    sys.stdout.write(json.dumps([plain(i) for i in items], ensure_ascii=False, indent=2) + "\n")


def emit_csv(rows: Iterable[dict[str, Any]], bom: bool = False) -> None:
    """CSV on stdout (csvout: integers as integers, formula-leading cells escaped, optional BOM)."""
    from .. import csvout

    csvout.write_rows(sys.stdout, ({k: plain(v) for k, v in row.items()} for row in rows), bom=bom)


# -- a store run: ingest, load ------------------------------------------------------------


class ErrorLines:
    """Prints the first ``MAX_ERROR_LINES`` error samples of a run as they come, on ``console``
    (a progress bar's, so the lines stay above the bar)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.shown = 0

    def show(self, samples: Sequence[tuple[str, str]]) -> None:
        while self.shown < min(len(samples), MAX_ERROR_LINES):
            name, reason = samples[self.shown]
            fail(f"{name}: {reason}", console=self.console)
            self.shown += 1


def run_reporter(progress: Progress, task: TaskID,
                 fields: Callable[[RunStats], dict[str, Any]]) -> Callable[[RunStats], None]:
    """The ``progress`` callback of a store run: its first error lines as they come, and the
    bar's ``fields(stats)`` at most ten times a second."""
    lines = ErrorLines(progress.console)
    last = [0.0]

    def report(s: RunStats) -> None:
        lines.show(s.error_samples)
        now = time.monotonic()
        if now - last[0] > 0.1:
            last[0] = now
            progress.update(task, **fields(s))

    return report


@contextmanager
def interruptible(kept: str, cleanup: Callable[[], object] | None = None) -> Iterator[None]:
    """Ctrl+C inside: ``cleanup`` (close the store), one line saying what is kept, exit 130."""
    try:
        yield
    except KeyboardInterrupt:
        if cleanup is not None:
            cleanup()
        fail(kept)
        raise typer.Exit(130) from None


def run_summary(s: RunStats, totals: Any, title: str = "ingest summary") -> Table:
    """A run's counts, and the store's (``totals``: its stats) when given."""
    from rich.table import Table

    t = Table(title=title, show_header=False)
    t.add_column("", style="bold")
    t.add_column("", justify="right")
    rows: list[tuple[str, str]] = [
        ("pages read", f"{s.pages:,}"), ("added", f"{s.added:,}"), ("replaced (changed)", f"{s.replaced:,}"),
        ("unchanged (skipped)", f"{s.unchanged:,}"), ("same content elsewhere", f"{s.duplicates:,}"),
        ("errors", f"{s.errors:,}"), ("documents written", f"{s.documents:,}"),
        ("event reports written", f"{s.events:,}"), ("facts written", f"{s.facts:,}"),
        ("time", f"{s.elapsed:.1f} s"), ("rate", f"{s.rate:,.1f} pages/s"),
    ]
    if totals is not None:
        rows += [("store: pages", f"{totals.sources:,}"), ("store: events", f"{totals.events:,}"),
                 ("store: events with >1 source", f"{totals.multi_source_events:,}"),
                 ("store: people", f"{totals.people:,}"), ("store: facts", f"{totals.facts:,}")]
    for k, v in rows:
        t.add_row(k, v)
    return t


def exit_for_run(s: RunStats, db: str, nothing: str) -> None:
    """Exit 1 when the run stored nothing (saying ``nothing``) or any input failed: the good
    pages are stored, and a script still learns that some input was bad."""
    if s.stored == 0:
        fail(nothing)
        raise typer.Exit(1)
    if s.errors:
        fail(f"{s.errors:,} input{'s' if s.errors != 1 else ''} failed ({s.stored:,} pages stored); "
             f"`waishi stats --db {db}` lists them")
        raise typer.Exit(1)
