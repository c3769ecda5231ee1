"""CLI commands over the store: ingest, events, people, facts, search, stats, export.

Each command opens the store, calls one library function of ``waishi.store`` and
renders its result (``--format table|json|csv``); store and input errors become
one-line messages here. ``register(app)`` adds the commands to the main Typer app.

Exit codes: 0 success; 1 the command could not do its work (no database, nothing
could be ingested, an unwritable export directory); 2 bad usage (a malformed date).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .errors import WaishiError
from .model import STORE_EVENT_TYPES, Extraction, Page
from .store import (
    DEFAULT_DB,
    ExportFormat,
    PersonDetail,
    Results,
    RunStats,
    Store,
)
from .store import events as q_events
from .store import export as store_export
from .store import facts as q_facts
from .store import ingest as store_ingest
from .store import people as q_people
from .store import person as q_person
from .store import search as q_search
from .store import stats as q_stats
from .store.query import normalize_day

__all__ = ["register"]

err = Console(stderr=True)
MAX_ERROR_LINES = 20
_MARK = ("\x02", "\x03")  # search highlight markers, turned into Rich styles for tables


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _fail(msg: str) -> None:
    err.print(f"[red]waishi: error:[/red] {escape(msg)}", highlight=False, soft_wrap=True)


def _open(db: str, readonly: bool = True) -> Store:
    try:
        return Store.open(db, readonly=readonly)
    except WaishiError as e:
        _fail(str(e))
        raise typer.Exit(1) from None


def _run(fn: Callable[[], Any]) -> Any:
    """Call a library function; its deliberate errors become one line and exit 1."""
    try:
        return fn()
    except WaishiError as e:
        _fail(str(e))
        raise typer.Exit(1) from None


def _day(value: str | None, option: str, end: bool = False) -> str | None:
    try:
        return normalize_day(value, end=end)
    except WaishiError:
        _fail(f"{option} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2) from None


# -- rendering ------------------------------------------------------------------------


def _plain(v: Any) -> Any:
    if is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain(getattr(v, f.name)) for f in fields(v)}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _emit_json(items: Iterable[Any]) -> None:
    sys.stdout.write(json.dumps([_plain(i) for i in items], ensure_ascii=False, indent=2) + "\n")


def _emit_csv(rows: Iterable[dict[str, Any]]) -> None:
    w: Any = None
    for row in rows:
        if w is None:
            w = csv.DictWriter(sys.stdout, fieldnames=list(row))
            w.writeheader()
        w.writerow({k: "|".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                    for k, v in row.items()})


def _more(res: Results[Any]) -> None:
    if res.has_more:
        err.print(f"[dim]more results: --offset {res.offset + res.limit}[/dim]", highlight=False)


def _clip(s: str | None, n: int) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _when(date: str | None, end: str | None = None) -> str:
    if not date:
        return ""
    return f"{date}…{end[5:] if end and end[:4] == date[:4] else end}" if end else date


# -- ingest ---------------------------------------------------------------------------


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.0f} pages/s", style="cyan")


def _extract_page(page: Page) -> Extraction:
    from .extract.pipeline import extract

    return extract(page.text, published=page.published, url=page.url, source=page.source, encoding=page.encoding)


def _summary(s: RunStats, totals: Any) -> Table:
    t = Table(title="ingest summary", show_header=False)
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


def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Files or directories (txt, html, jsonl, warc[.gz]), recursively."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store to create or update."),
    batch: int = typer.Option(200, "--batch", min=1, help="Pages per committed batch."),
    force: bool = typer.Option(False, "--force", help="Re-extract pages whose content is already stored."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary table (errors still show)."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="Summary as table | json."),
) -> None:
    """Read pages, extract them and store them (idempotent: unchanged pages are skipped)."""
    store = _open(db, readonly=False)
    shown = 0

    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), TextColumn("{task.completed:,} pages"),
                  _Rate(), TextColumn("[red]{task.fields[errors]} errors[/red]"), TimeElapsedColumn(),
                  console=err, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=None, errors=0)
        last = [0.0]

        def report(s: RunStats) -> None:
            nonlocal shown
            while shown < min(len(s.error_samples), MAX_ERROR_LINES):
                path, reason = s.error_samples[shown]
                progress.console.print(f"[red]waishi: error:[/red] {escape(path)}: {escape(reason)}",
                                       highlight=False, soft_wrap=True)
                shown += 1
            now = time.monotonic()
            if now - last[0] > 0.1:
                last[0] = now
                progress.update(task, completed=s.pages, errors=s.errors)

        try:
            stats = _run(lambda: store_ingest(store, paths, _extract_page, batch_size=batch, force=force,
                                              progress=report))
        except KeyboardInterrupt:
            store.close()
            _fail("interrupted; the pages committed so far are kept (rerun to continue)")
            raise typer.Exit(130) from None
        progress.update(task, completed=stats.pages, errors=stats.errors)
    if stats.errors > MAX_ERROR_LINES:
        err.print(f"[red]waishi: error:[/red] … and {stats.errors - MAX_ERROR_LINES} more; "
                  f"all are in the errors table (`waishi stats --db {escape(db)}`)", highlight=False)
    totals = q_stats(store)
    store.close()
    if format is OutFormat.json:
        sys.stdout.write(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        out = Console()
        out.print(_summary(stats, totals))
        if stats.error_reasons:
            t = Table("reason", "files / pages", title="errors by reason")
            for reason, n in stats.error_reasons.most_common(10):
                t.add_row(reason, f"{n:,}")
            out.print(t)
    if stats.stored == 0:
        _fail("nothing could be ingested" + ("" if stats.errors else f": no pages found in {' '.join(paths)}"))
        raise typer.Exit(1)
    if stats.errors:  # the good pages are stored; a script still learns that some input was bad
        raise typer.Exit(1)


# -- events ---------------------------------------------------------------------------


def events_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    type: str | None = typer.Option(None, "--type", "-t", help=f"Event type: {', '.join(STORE_EVENT_TYPES)}."),
    country: str | None = typer.Option(None, "--country", "-c", help="ISO3 code of an actor (either side)."),
    actor: str | None = typer.Option(None, "--actor", "-a", help="Actor name (substring), e.g. 范明政."),
    since: str | None = typer.Option(None, "--since", help="YYYY[-MM[-DD]]"),
    until: str | None = typer.Option(None, "--until", help="YYYY[-MM[-DD]]"),
    min_sources: int | None = typer.Option(None, "--min-sources", min=1, help="Reported by at least N articles."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, max=10_000),
    offset: int = typer.Option(0, "--offset", min=0),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """Events, newest first, with their sources count and evidence."""
    if type is not None and type not in STORE_EVENT_TYPES:
        _fail(f"--type must be one of {', '.join(STORE_EVENT_TYPES)}, got {type!r}")
        raise typer.Exit(2)
    since_d, until_d = _day(since, "--since"), _day(until, "--until", end=True)
    with _open(db) as st:
        res = _run(lambda: q_events(st, type=type, country=country, actor=actor, since=since_d, until=until_d,
                                    min_sources=min_sources, limit=limit, offset=offset))
    if format is OutFormat.json:
        _emit_json(res.items)
    elif format is OutFormat.csv:
        _emit_csv(e.to_dict() for e in res.items)
    else:
        t = Table("id", "date", "type", "source", "target", "location", "src", "evidence")
        for e in res.items:
            t.add_row(str(e.id), _when(e.date, e.date_end), e.type,
                      "、".join(e.source) + (f" ({','.join(e.source_iso3)})" if e.source_iso3 else ""),
                      "、".join(e.target) + (f" ({','.join(e.target_iso3)})" if e.target_iso3 else ""),
                      e.location or "", str(e.n_sources), _clip(e.evidence, 48))
        Console().print(t)
    _more(res)


# -- people ---------------------------------------------------------------------------


def _person_table(d: PersonDetail, con: Console) -> None:
    p = d.person
    con.rule(f"[bold]{escape(p.name)}[/bold] {escape(p.latin or '')} {p.country or ''}  "
             f"[dim]#{p.id}, {p.n_documents} documents, {p.n_events} events, "
             f"{p.first_seen or '?'} – {p.last_seen or '?'}[/dim]")
    if p.titles:
        t = Table("title", "organisation", "country", "first seen", "last seen", "docs", "evidence",
                  title="titles over time")
        for r in p.titles:
            t.add_row(r.title, r.organisation or "", r.country or "", r.first_seen or "", r.last_seen or "",
                      str(r.n_documents), _clip(r.evidence[0].text if r.evidence else "", 40))
        con.print(t)
    if d.events:
        t = Table("date", "type", "source", "target", "src", title="events")
        for e in d.events:
            t.add_row(_when(e.date, e.date_end), e.type, "、".join(e.source), "、".join(e.target), str(e.n_sources))
        con.print(t)
    if d.sources:
        t = Table("date", "kind", "title", "url / file", title="sources")
        for s in d.sources:
            t.add_row(s.date or "", s.kind, _clip(s.title, 40), s.url or s.path or "")
        con.print(t)


def people_cmd(
    name: str | None = typer.Argument(None, help="A name (or part of one): show titles over time, events, sources."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    country: str | None = typer.Option(None, "--country", "-c", help="ISO3 code."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, max=10_000),
    offset: int = typer.Option(0, "--offset", min=0),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """People: without NAME a list (most documented first); with NAME each match in detail."""
    with _open(db) as st:
        res = _run(lambda: q_people(st, name, country=country, limit=limit, offset=offset))
        details = [q_person(st, p.id) for p in res.items] if name else []
    if name and not res.items:
        _fail(f"no person matches {name!r}")
        raise typer.Exit(1)
    if format is OutFormat.json:
        _emit_json(details if name else res.items)
    elif format is OutFormat.csv:
        _emit_csv({"id": p.id, "name": p.name, "latin": p.latin, "country": p.country, "first_seen": p.first_seen,
                   "last_seen": p.last_seen, "n_documents": p.n_documents, "n_events": p.n_events,
                   "titles": [f"{r.title} ({r.first_seen}..{r.last_seen})" for r in p.titles]}
                  for p in res.items)
    elif name:
        con = Console()
        for d in details:
            if d is not None:
                _person_table(d, con)
    else:
        t = Table("id", "name", "country", "titles (first seen)", "first", "last", "docs", "events")
        for p in res.items:
            t.add_row(str(p.id), p.name + (f" ({p.latin})" if p.latin else ""), p.country or "",
                      _clip("、".join(r.title for r in p.titles), 40), p.first_seen or "", p.last_seen or "",
                      str(p.n_documents), str(p.n_events))
        Console().print(t)
    _more(res)


# -- facts ----------------------------------------------------------------------------


def facts_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    metric: str | None = typer.Option(None, "--metric", "-m", help="trade_total, export, import, investment, ..."),
    subject: str | None = typer.Option(None, "--subject", "-s", help="A subject (substring), e.g. 老挝."),
    period: str | None = typer.Option(None, "--period", "-p", help="YYYY or YYYY-YYYY (overlapping)."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, max=10_000),
    offset: int = typer.Option(0, "--offset", min=0),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """Figures (trade, investment, aid, counts), newest document first."""
    with _open(db) as st:
        res = _run(lambda: q_facts(st, metric=metric, subject=subject, period=period, limit=limit, offset=offset))
    if format is OutFormat.json:
        _emit_json(res.items)
    elif format is OutFormat.csv:
        _emit_csv(f.to_dict() for f in res.items)
    else:
        t = Table("id", "metric", "value", "unit", "period", "growth %", "subject", "as written", "date")
        for f in res.items:
            t.add_row(str(f.id), f.metric, f"{f.value:,}", f.unit, f.period or "",
                      "" if f.growth_pct is None else str(f.growth_pct), "、".join(f.subject), f.number,
                      f.date or "")
        Console().print(t)
    _more(res)


# -- search ---------------------------------------------------------------------------


def _highlight(snippet: str) -> Text:
    out = Text()
    on = False
    for part in snippet.replace(_MARK[1], _MARK[0]).split(_MARK[0]):
        out.append(part.replace("\n", " "), style="bold yellow" if on else "")
        on = not on
    return out


def search_cmd(
    text: str = typer.Argument(..., help="Words to find (all must occur), e.g. 全面战略伙伴."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    kind: str | None = typer.Option(None, "--kind", help="article | teaser"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=10_000),
    offset: int = typer.Option(0, "--offset", min=0),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """Full-text search over documents (FTS5 trigram), ranked, with a highlighted snippet."""
    mark = _MARK if format is OutFormat.table else ("«", "»")
    with _open(db) as st:
        res = _run(lambda: q_search(st, text, kind=kind, limit=limit, offset=offset, mark=mark))
    if format is OutFormat.json:
        _emit_json(res.items)
    elif format is OutFormat.csv:
        _emit_csv(h.to_dict() for h in res.items)
    else:
        t = Table("doc", "date", "title", "snippet", "url / file")
        for h in res.items:
            t.add_row(str(h.document_id), h.date or "", _clip(h.title, 30), _highlight(h.snippet),
                      h.url or h.path or "")
        Console().print(t)
    _more(res)


# -- stats ----------------------------------------------------------------------------


def stats_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """What the store holds: counts, events by type, top countries, the last run, recent errors."""
    with _open(db) as st:
        s = _run(lambda: q_stats(st))
    d = s.to_dict()
    if format is OutFormat.json:
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
        return
    flat = {k: v for k, v in d.items() if not isinstance(v, (dict, list))}
    flat.update({f"events.{k}": v for k, v in s.events_by_type.items()})
    flat.update({f"country.{k}": v for k, v in s.top_countries})
    if format is OutFormat.csv:
        _emit_csv({"key": k, "value": v} for k, v in flat.items())
        return
    con = Console()
    t = Table("", "", title=f"waishi store {escape(s.path or '')}", show_header=False)
    for k, v in flat.items():
        t.add_row(k, "" if v is None else f"{v:,}" if isinstance(v, int) else str(v))
    con.print(t)
    if s.last_run:
        r = s.last_run
        con.print(f"last run #{r['id']} {r['started_at']} → {r['finished_at'] or 'unfinished'}: "
                  f"{r['pages']} pages, {r['added']} added, {r['errors']} errors", highlight=False)
    if s.fetch_sources:
        t = Table("source", "last fetch", "found", "new", "stored", "failed", "robots", "errors now",
                  title="fetched sources")
        for f in s.fetch_sources:
            t.add_row(escape(f["source"]), f["last_fetch"] or "", *(str(f[k]) for k in
                      ("found", "new", "stored", "failed", "robots", "errors")))
        con.print(t)
    if s.recent_errors:
        t = Table("file", "reason", "times", "last", title="recent errors")
        for e in s.recent_errors:
            t.add_row(e["path"], e["reason"], str(e["count"]), e["last_at"])
        con.print(t)


# -- export ---------------------------------------------------------------------------


def export_cmd(
    out_dir: str | None = typer.Argument(None, help="Directory to write <table>.<format> files into."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="parquet | csv | jsonl"),
    table: list[str] | None = typer.Option(None, "--table", help="Only these tables (repeatable)."),
    gold: str | None = typer.Option(None, "--gold", help="Write reviewed documents as gold records into DIR "
                                    "(docs/curation.md)."),
    raw: str | None = typer.Option(None, "--raw", help="With --gold: the same documents as extracted, into DIR."),
) -> None:
    """Export events, event_sources, people, roles, facts and documents (docs/store.md lists the columns)."""
    if gold:
        from .cli_curate import export_gold_cmd

        export_gold_cmd(db, gold, raw)
        return
    if out_dir is None:
        _fail("give the directory to export into (or --gold DIR)")
        raise typer.Exit(2)
    with _open(db) as st:
        done = _run(lambda: store_export(st, out_dir, format, tuple(table) if table else None))
    t = Table("table", "rows", "file")
    for name, (path, n) in done.items():
        t.add_row(name, f"{n:,}", str(path))
    Console().print(t)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    commands: Sequence[tuple[str, Callable[..., None]]] = (
        ("ingest", ingest_cmd), ("events", events_cmd), ("people", people_cmd), ("facts", facts_cmd),
        ("search", search_cmd), ("stats", stats_cmd), ("export", export_cmd),
    )
    for name, fn in commands:
        app.command(name)(fn)
