"""CLI commands over the store: ingest, events, people, facts, search, stats, export.

Each command opens the store, calls one library function of ``waishi.store`` and
renders its result (``--format table|json|csv``); store and input errors become
one-line messages here. ``register(app)`` adds the commands to the main Typer app.

Exit codes: 0 success; 1 the command could not do its work (no database, nothing
could be ingested, any input failed to ingest, an unwritable export directory); 2 bad
usage (a malformed date, a country no name matches).

Tables fit the terminal (``cli.table``: 80 columns when piped), countries are taken as
typed (``resolve``), figures read 680 bn (``numfmt``), CSV follows ``csvout``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
)
from rich.table import Table
from rich.text import Text

from ..errors import InputError
from ..model import FACT_KINDS, FACT_METRICS, STORE_EVENT_TYPES
from ..numfmt import human, pct
from ..resolve import CountryResolver
from ..store import (
    DEFAULT_DB,
    TABLES,
    ExportFormat,
    PersonDetail,
    Results,
    RunStats,
)
from ..store import export as store_export
from ..store import ingest as store_ingest
from .common import (
    BOM,
    FORMAT,
    LIMIT,
    MAX_ERROR_LINES,
    OFFSET,
    WIDE,
    OutFormat,
    emit_csv,
    emit_json,
    err,
    exit_for_run,
    extract_page,
    fail,
    interruptible,
    open_store,
    run,
    run_reporter,
    run_summary,
    to_day,
    to_iso3,
)
from .table import Col, print_table

__all__ = ["register"]

_MARK = ("\x02", "\x03")  # search highlight markers, turned into Rich styles for tables


def _width() -> int:
    return Console().width


def _metric(value: str | None) -> str | None:
    """A metric as typed: exact, else the one metric containing it (trade -> trade_total)."""
    if value is None or not value.strip():
        return None
    v = value.strip().lower()
    if v in FACT_METRICS:
        return v
    cands = [m for m in FACT_METRICS if v in m]
    if len(cands) > 1 and f"{v}_total" in cands:
        cands = [f"{v}_total"]
    if len(cands) == 1:
        err.print(f"[dim]--metric {escape(value)} → {cands[0]}[/dim]", highlight=False)
        return cands[0]
    fail(f"--metric must be one of {', '.join(FACT_METRICS)}, got {value!r}"
         + (f" (matches {', '.join(cands)})" if cands else ""))
    raise typer.Exit(2)


def _nothing(what: str, filters: dict[str, Any]) -> None:
    """Say on stderr that a query matched nothing, with the filters it used."""
    used = ", ".join(f"{k} {v}" for k, v in filters.items() if v not in (None, "", False))
    err.print(f"no {what} match" + (f" ({escape(used)})" if used else ""), highlight=False)


def _more(res: Results[Any]) -> None:
    if res.has_more:
        err.print(f"[dim]more results: --offset {res.offset + res.limit}[/dim]", highlight=False)


def _when(date: str | None, end: str | None = None) -> str:
    if not date:
        return ""
    return f"{date}…{end[5:] if end and end[:4] == date[:4] else end}" if end else date


_TABLE_NAMES = ", ".join(t.name for t in TABLES)

# -- ingest ---------------------------------------------------------------------------


def _sizes(files: Sequence[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for f in files:
        try:
            sizes[f] = os.path.getsize(f)
        except OSError:
            sizes[f] = 0
    return sizes


def _plan(paths: Sequence[str]) -> tuple[list[str], int]:
    """The files ``ingest`` will read (directories walked as the reader walks them) and their
    total size: the progress bar's total, so it can show the time left."""
    from ..read import walk_files

    files: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for f in walk_files(p):
                # a directory that cannot be listed: hand the reader the directory again,
                # it records the same error
                files.append(p if isinstance(f, InputError) else f)
        else:
            files.append(p)
    return files, sum(_sizes(files).values())


class _Files(ProgressColumn):
    """4/40 files · 1,234 pages · 85 pages/s · 2 errors · 0:00:30 left (fits 80 columns)."""

    def render(self, task: Task) -> Text:
        f = task.fields
        elapsed = task.elapsed or 0.0
        rate = f["pages"] / elapsed if elapsed > 0 else 0.0
        left = task.time_remaining
        t = Text(f"{f['files_done']:,}/{f['files']:,} files · {f['pages']:,} pages · {rate:,.0f} pages/s")
        if f["errors"]:
            t.append(f" · {f['errors']:,} error{'s' if f['errors'] != 1 else ''}", style="red")
        if task.finished:
            t.append(f" · {elapsed:.0f} s")
        elif left is not None and task.completed > 0:
            t.append(f" · {int(left) // 60}:{int(left) % 60:02d} left", style="cyan")
        return t


class _Walk:
    """The files in order, counting the bytes and files read so far: progress advances by
    bytes of whole files read, so the time left is right for many files and a few big ones alike."""

    def __init__(self, files: Sequence[str]) -> None:
        self.files = files
        self.sizes = _sizes(files)
        self.bytes = 0
        self.done = 0

    def __iter__(self) -> Iterator[str]:
        for f in self.files:
            yield f
            self.bytes += self.sizes.get(f, 0)
            self.done += 1


def _ingest_summary(stats: RunStats, totals: Any) -> None:
    out = Console()
    out.print(run_summary(stats, totals))
    if stats.error_reasons:
        t = Table("reason", "files / pages", title="errors by reason")
        for reason, n in stats.error_reasons.most_common(10):
            t.add_row(Text(reason), f"{n:,}")
        out.print(t)


def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Files or directories, read recursively: .txt, .html/.htm, "
                                                ".jsonl (one page per line: text, url, published), "
                                                ".warc/.warc.gz (response records)."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store to create or update."),
    batch: int = typer.Option(200, "--batch", min=1, help="Pages per committed batch."),
    force: bool = typer.Option(False, "--force", help="Re-extract pages whose content is already stored."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary table (errors still show)."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="Summary as table | json."),
) -> None:
    """Read pages, extract them and store them (idempotent: unchanged pages are skipped).

    Exit status: 0 when every input was stored; 1 when any file or page failed (the
    count is printed; the others are stored) or nothing could be ingested.
    """
    store = open_store(db, readonly=False)
    files, total_bytes = _plan(paths)
    walk = _Walk(files)
    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), BarColumn(bar_width=10), _Files(),
                  console=err, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=max(total_bytes, 1), errors=0, files=len(files), files_done=0,
                                 pages=0)
        report = run_reporter(progress, task, lambda s: {"completed": walk.bytes, "errors": s.errors,
                                                         "pages": s.pages, "files_done": walk.done})
        with interruptible("interrupted; the pages committed so far are kept (rerun to continue)", store.close):
            stats = run(lambda: store_ingest(store, iter(walk), extract_page, batch_size=batch, force=force,
                                             progress=report))
        progress.update(task, completed=max(total_bytes, 1), errors=stats.errors, pages=stats.pages,
                        files_done=len(files))
    if stats.errors > MAX_ERROR_LINES:
        fail(f"… and {stats.errors - MAX_ERROR_LINES} more; all are in the errors table (`waishi stats --db {db}`)")
    totals = store.stats()
    store.close()
    if format is OutFormat.json:
        sys.stdout.write(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        _ingest_summary(stats, totals)
    exit_for_run(stats, db, "nothing could be ingested"
                 + ("" if stats.errors else f": no pages found in {' '.join(paths)}"))


# -- events ---------------------------------------------------------------------------


def events_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    type: str | None = typer.Option(None, "--type", "-t", help=f"Event type: {', '.join(STORE_EVENT_TYPES)}."),
    country: str | None = typer.Option(None, "--country", "-c", help="A country on either side: ISO3 (LAO), "
                                                                     "Chinese (老挝) or English (Laos) name."),
    actor: str | None = typer.Option(None, "--actor", "-a", help="Actor name (substring), e.g. 范明政; Traditional "
                                                                 "forms are folded."),
    since: str | None = typer.Option(None, "--since", help="YYYY[-MM[-DD]]"),
    until: str | None = typer.Option(None, "--until", help="YYYY[-MM[-DD]]"),
    min_sources: int | None = typer.Option(None, "--min-sources", min=1, help="Reported by at least N articles."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    format: OutFormat = FORMAT,
    wide: bool = WIDE,
    bom: bool = BOM,
) -> None:
    """Events, newest first, with their sources count and evidence."""
    if type is not None and type not in STORE_EVENT_TYPES:
        fail(f"--type must be one of {', '.join(STORE_EVENT_TYPES)}, got {type!r}")
        raise typer.Exit(2)
    since_d, until_d = to_day(since, "--since"), to_day(until, "--until", end=True)
    iso = to_iso3(country)
    with open_store(db) as st:
        res = run(lambda: st.events(type=type, country=iso, actor=actor, since=since_d, until=until_d,
                                    min_sources=min_sources, limit=limit, offset=offset))
    if format is OutFormat.json:
        emit_json(res.items)
    elif format is OutFormat.csv:
        emit_csv((e.to_dict() for e in res.items), bom)
    elif res.items:
        cols = [Col("id", 9, keep=True, justify="right"), Col("date", 10, keep=True), Col("type", 8, keep=True),
                Col("source", 7, min_width=8), Col("target", 7, min_width=8), Col("location", 2, min_width=6),
                Col("src", 6, keep=True, justify="right"), Col("evidence", 4, min_width=12, max_chars=60)]
        rows = [[str(e.id), _when(e.date, e.date_end), e.type,
                 "、".join(e.source) + (f" ({','.join(e.source_iso3)})" if e.source_iso3 else ""),
                 "、".join(e.target) + (f" ({','.join(e.target_iso3)})" if e.target_iso3 else ""),
                 e.location or "", str(e.n_sources), e.evidence] for e in res.items]
        print_table(cols, rows, wide=wide, err=err)
    if not res.items and offset == 0:
        _nothing("events", {"--type": type, "--country": iso, "--actor": actor, "--since": since,
                            "--until": until, "--min-sources": min_sources})
    _more(res)


# -- people ---------------------------------------------------------------------------


def _person_table(d: PersonDetail, con: Console, wide: bool) -> None:
    p = d.person
    con.rule(f"[bold]{escape(p.name)}[/bold] {escape(p.latin or '')} {p.country or ''}  "
             f"[dim]#{p.id}, {p.n_documents} document{'' if p.n_documents == 1 else 's'}, "
             f"{p.n_events} event{'' if p.n_events == 1 else 's'}, "
             f"{p.first_seen or '?'} – {p.last_seen or '?'}[/dim]")
    if p.titles:
        print_table([Col("title", 9, min_width=10), Col("organisation", 3, min_width=8), Col("country", 4, keep=True),
                     Col("first seen", 8, keep=True), Col("last seen", 7, keep=True),
                     Col("docs", 6, keep=True, justify="right"), Col("evidence", 5, min_width=12, max_chars=60)],
                    [[r.title, r.organisation or "", r.country or "", r.first_seen or "", r.last_seen or "",
                      str(r.n_documents), r.evidence[0].text if r.evidence else ""] for r in p.titles],
                    title="titles over time", wide=wide, console=con, err=err)
    if d.events:
        print_table([Col("date", 10, keep=True), Col("type", 9, keep=True), Col("source", 7), Col("target", 7),
                     Col("src", 6, keep=True, justify="right")],
                    [[_when(e.date, e.date_end), e.type, "、".join(e.source), "、".join(e.target), str(e.n_sources)]
                     for e in d.events], title="events", wide=wide, console=con, err=err)
    if d.sources:
        print_table([Col("date", 10, keep=True), Col("kind", 5, keep=True), Col("title", 9, min_width=12, max_chars=60),
                     Col("url / file", 4, min_width=12)],
                    [[s.date or "", s.kind, s.title, s.url or s.path or ""] for s in d.sources],
                    title="sources", wide=wide, console=con, err=err)


def people_cmd(
    name: str | None = typer.Argument(None, help="A name (or part of one): show titles over time, events, sources. "
                                                 "Traditional forms are folded (範明政 finds 范明政)."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    country: str | None = typer.Option(None, "--country", "-c", help="ISO3 code, Chinese or English name."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    format: OutFormat = FORMAT,
    wide: bool = WIDE,
    bom: bool = BOM,
) -> None:
    """People: without NAME a list (most documented first); with NAME each match in detail."""
    iso = to_iso3(country)
    with open_store(db) as st:
        res = run(lambda: st.people(name, country=iso, limit=limit, offset=offset))
        details = [st.person(p.id) for p in res.items] if name else []
        close = st.close_names(name) if name and not res.items else []
    if name and not res.items:
        fail(f"no person matches {name!r}" + (f"; close names: {'、'.join(close)}" if close else ""))
        raise typer.Exit(1)
    if format is OutFormat.json:
        emit_json(details if name else res.items)
    elif format is OutFormat.csv:
        emit_csv(({"id": p.id, "name": p.name, "latin": p.latin, "country": p.country,
                    "first_seen": p.first_seen, "last_seen": p.last_seen, "n_documents": p.n_documents,
                    "n_events": p.n_events,
                    "titles": [f"{r.title} ({r.first_seen}..{r.last_seen})" for r in p.titles]}
                   for p in res.items), bom)
    elif name:
        con = Console()
        for d in details:
            if d is not None:
                _person_table(d, con, wide)
    elif res.items:
        print_table([Col("id", 9, keep=True, justify="right"), Col("name", 9, min_width=8),
                     Col("country", 6, keep=True), Col("titles (first seen)", 5, min_width=12, max_chars=40),
                     Col("first", 4, keep=True), Col("last", 7, keep=True), Col("docs", 8, keep=True, justify="right"),
                     Col("events", 6, keep=True, justify="right")],
                    [[str(p.id), p.name + (f" ({p.latin})" if p.latin else ""), p.country or "",
                      "、".join(r.title for r in p.titles), p.first_seen or "", p.last_seen or "",
                      str(p.n_documents), str(p.n_events)] for p in res.items], wide=wide, err=err)
    else:
        _nothing("people", {"--country": iso})
    _more(res)


# -- facts ----------------------------------------------------------------------------


def _fact_csv(f: Any) -> dict[str, Any]:
    d = f.to_dict()
    d["value_human"] = human(f.value)
    return d


def facts_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    metric: str | None = typer.Option(None, "--metric", "-m", help=f"{', '.join(FACT_METRICS)} (a unique part "
                                                                  "is enough: trade -> trade_total)."),
    subject: str | None = typer.Option(None, "--subject", "-s", help="A country (LAO, 老挝, Laos: matches 越老 too) "
                                                                     "or a place as written (广西)."),
    period: str | None = typer.Option(None, "--period", "-p", help="YYYY or YYYY-YYYY (overlapping)."),
    kind: str | None = typer.Option(None, "--kind", "-k", help=f"{' | '.join(FACT_KINDS)} (targets: 力争, 目标; "
                                                               "forecasts: 有望, 预计)."),
    reports: bool = typer.Option(False, "--reports", help="One row per page reporting a figure, not one per "
                                                          "figure."),
    limit: int = LIMIT,
    offset: int = OFFSET,
    format: OutFormat = FORMAT,
    wide: bool = WIDE,
    bom: bool = BOM,
) -> None:
    """Figures (trade, investment, aid, counts), one per real-world number with its sources
    count; the most recently reported first. Values: 680 bn = 680,000,000,000 (JSON and CSV
    give the exact number)."""
    m = _metric(metric)
    if kind is not None and kind not in FACT_KINDS:
        fail(f"--kind must be one of {', '.join(FACT_KINDS)}, got {kind!r}")
        raise typer.Exit(2)
    iso = None
    written = None
    if subject and subject.strip():
        got = CountryResolver.default().resolve(subject)
        if got is not None:
            iso = got.iso3
            err.print(f"[dim]--subject {escape(got.describe())}[/dim]", highlight=False)
        else:
            written = subject.strip()
    with open_store(db) as st:
        res = run(lambda: st.facts(metric=m, subject=written, subject_iso3=iso, period=period, kind=kind,
                                   merged=not reports, limit=limit, offset=offset))
    if format is OutFormat.json:
        emit_json(res.items)
    elif format is OutFormat.csv:
        emit_csv((_fact_csv(f) for f in res.items), bom)
    elif res.items:
        cols = [Col("id", 3, keep=True, justify="right"), Col("metric", 10, keep=True), Col("kind", 6, keep=True),
                Col("value", 10, keep=True, justify="right"), Col("unit", 9, keep=True), Col("period", 9, keep=True),
                Col("growth", 8, keep=True, justify="right"), Col("subject", 7, min_width=6),
                Col("as written", 4, min_width=8), Col("src", 7, keep=True, justify="right"),
                Col("date", 5, keep=True), Col("evidence", 1, min_width=12, max_chars=60)]
        rows = []
        for f in res.items:
            value = human(f.value) + (" ≠" if f.conflict else "")
            rows.append([str(f.id if reports else (f.figure_id or f.id)), f.metric, f.kind if f.kind != "result" else "", value, f.unit,
                         f.period or "", pct(f.growth_pct), "、".join(f.subject), f.number, str(f.n_sources),
                         f.date or "", f.evidence])
        print_table(cols, rows, wide=wide, err=err)
        if any(f.conflict for f in res.items):
            err.print("[dim]≠ pages give other values for the same figure (--format json: other_values)[/dim]",
                      highlight=False)
    if not res.items and offset == 0:
        _nothing("figures", {"--metric": m, "--subject": subject, "--period": period, "--kind": kind})
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
    text: str = typer.Argument(..., help="Words to find (all must occur), e.g. 全面战略伙伴; Traditional forms are "
                                         "folded (範明政 finds 范明政)."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    kind: str | None = typer.Option(None, "--kind", help="article | teaser"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=10_000),
    offset: int = OFFSET,
    format: OutFormat = FORMAT,
    wide: bool = WIDE,
    bom: bool = BOM,
) -> None:
    """Full-text search over documents (FTS5 trigram), ranked, with a snippet centred on the match."""
    mark = _MARK if format is OutFormat.table else ("«", "»")
    with open_store(db) as st:
        # about two lines of the snippet column at this width (a hanzi takes two columns)
        width = 60 if wide or format is not OutFormat.table else max(24, min(60, _width() // 2 - 4))
        res = run(lambda: st.search(text, kind=kind, limit=limit, offset=offset, mark=mark, width=width))
        close = st.close_names(text) if not res.items and offset == 0 else []
    if format is OutFormat.json:
        emit_json(res.items)
    elif format is OutFormat.csv:
        emit_csv((h.to_dict() for h in res.items), bom)
    elif res.items:
        print_table([Col("doc", 8, keep=True, justify="right"), Col("date", 9, keep=True),
                     Col("title", 5, min_width=10, max_chars=40), Col("snippet", 7, min_width=20),
                     Col("url / file", 2, min_width=12)],
                    [[str(h.document_id), h.date or "", h.title, _highlight(h.snippet), h.url or h.path or ""]
                     for h in res.items], wide=wide, err=err)
    if not res.items and offset == 0:
        err.print(Text(f"no document contains {text}" + (f"; people with close names: {'、'.join(close)}"
                                                          if close else "")), highlight=False)
    _more(res)


# -- stats ----------------------------------------------------------------------------


def stats_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: OutFormat = FORMAT,
) -> None:
    """What the store holds: counts, events by type, top countries, the last run, recent errors."""
    with open_store(db) as st:
        s = run(lambda: st.stats())
    d = s.to_dict()
    if format is OutFormat.json:
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
        return
    flat = {k: v for k, v in d.items() if not isinstance(v, (dict, list))}
    flat.update({f"events.{k}": v for k, v in s.events_by_type.items()})
    flat.update({f"country.{k}": v for k, v in s.top_countries})
    if format is OutFormat.csv:
        emit_csv({"key": k, "value": v} for k, v in flat.items())
        return
    con = Console()
    t = Table("", "", title=f"waishi store {escape(s.path or '')}", show_header=False)
    t.columns[1].overflow = "fold"
    for k, v in flat.items():
        t.add_row(k, Text("" if v is None else f"{v:,}" if isinstance(v, int) else str(v)))
    con.print(t)
    if s.last_run:
        r = s.last_run
        con.print(f"last run #{r['id']} {r['started_at']} → {r['finished_at'] or 'unfinished'}: "
                  f"{r['pages']} pages, {r['added']} added, {r['errors']} errors", highlight=False)
    if s.fetch_sources:
        counts = ("found", "new", "stored", "failed", "robots", "errors")
        print_table([Col("source", 9, min_width=10), Col("last fetch", 8, keep=True),
                     *(Col("errors now" if k == "errors" else k, 7 - i // 2, keep=True, justify="right")
                       for i, k in enumerate(counts))],
                    [[f["source"], f["last_fetch"] or "", *(f"{f[k]:,}" for k in counts)] for f in s.fetch_sources],
                    title="fetched sources", console=con, err=err)
    if s.recent_errors:
        print_table([Col("file", 8, min_width=12), Col("reason", 7, min_width=12), Col("times", 6, keep=True),
                     Col("last", 5, keep=True)],
                    [[e["path"], e["reason"], str(e["count"]), e["last_at"]] for e in s.recent_errors],
                    title="recent errors", console=con, err=err)


# -- export ---------------------------------------------------------------------------


def export_cmd(
    out_dir: str | None = typer.Argument(None, help="Directory to write <table>.<format> files into."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="parquet | csv | jsonl"),
    table: list[str] | None = typer.Option(None, "--table", help=f"Only these tables (repeatable): {_TABLE_NAMES}."),
    bom: bool = typer.Option(False, "--bom", help="CSV: start each file with a UTF-8 byte-order mark (Excel)."),
    gold: str | None = typer.Option(None, "--gold", help="Write reviewed documents as gold records into DIR "
                                    "(docs/curation.md)."),
    raw: str | None = typer.Option(None, "--raw", help="With --gold: the same documents as extracted, into DIR."),
) -> None:
    """Export the store's tables (docs/store.md lists the columns): events, event_sources,
    people, roles, facts, figures, documents, relations; or, with --gold, the reviewed documents."""
    if gold:
        from .curate import export_gold_cmd

        export_gold_cmd(db, gold, raw)
        return
    if out_dir is None:
        fail("give the directory to export into (or --gold DIR)")
        raise typer.Exit(2)
    with open_store(db) as st:
        done = run(lambda: store_export(st, out_dir, format, tuple(table) if table else None, bom=bom))
    print_table([Col("table", 9, keep=True), Col("rows", 8, keep=True, justify="right"),
                 Col("file", 7, min_width=12)], [[name, f"{n:,}", str(path)] for name, (path, n) in done.items()],
                err=err)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    commands: Sequence[tuple[str, Callable[..., None]]] = (
        ("ingest", ingest_cmd), ("events", events_cmd), ("people", people_cmd), ("facts", facts_cmd),
        ("search", search_cmd), ("stats", stats_cmd), ("export", export_cmd),
    )
    for name, fn in commands:
        app.command(name)(fn)
