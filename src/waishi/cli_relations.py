"""``waishi relations`` and ``waishi offices``: thin commands over ``waishi.store.relations``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .cli_store import OutFormat, _clip, _emit_csv, _emit_json, _fail, _open, _run
from .errors import WaishiError
from .store import DEFAULT_DB
from .store.query import normalize_day
from .store.relations import OfficesReport, RelationsReport
from .store.relations import offices as q_offices
from .store.relations import relations as q_relations

__all__ = ["register"]


def _iso3(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().upper()
    if len(v) != 3 or not v.isalpha():
        _fail(f"--country must be an ISO 3166-1 alpha-3 code such as VNM, got {value!r}")
        raise typer.Exit(2)
    return v


def relations_cmd(
    country: str | None = typer.Option(None, "--country", "-c", help="Only pairs with this country (ISO3)."),
    conflicts: bool = typer.Option(False, "--conflicts", help="List what pages and the lexicon disagree on."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """Relations between countries: the current tier, since when, and the history with its sources."""
    iso = _iso3(country)
    with _open(db) as st:
        rep: RelationsReport = _run(lambda: q_relations(st, country=iso, conflicts=conflicts))
    if conflicts:
        _conflicts(rep, format)
        return
    if format is OutFormat.json:
        _emit_json(rep.pairs)
        return
    if format is OutFormat.csv:
        _emit_csv(_history_rows(rep))
        return
    con = Console()
    if not rep.pairs:
        con.print("no relations stored" + (f" for {iso}" if iso else ""))
        return
    for p in rep.pairs:
        since = f" since {p.since} ({p.since_basis})" if p.since else ""
        con.print(f"[bold]{'–'.join(p.countries)}[/bold] {escape('–'.join(p.names))}: "
                  f"[green]{p.current or 'unknown'}[/green]{since}; {p.n_documents} documents", highlight=False)
        t = Table("since", "tier", "basis", "docs", "from", "by", "as written / first source")
        for s in p.history:
            src = s.sources[0].text if s.sources else ""
            t.add_row(s.since or "", s.tier, s.since_basis, str(s.n_documents), s.upgraded_from or "",
                      escape("、".join(s.people)), escape(_clip(" | ".join(s.wording[:2]) + (" — " if s.wording else "")
                                                             + src, 70)))
        con.print(t)
        if p.anniversaries:
            years = sorted({f"{a['number']}th ({a['year']})" if a["year"] else f"{a['number']}th"
                            for a in p.anniversaries})
            con.print(f"  anniversaries reported: {', '.join(years)}", highlight=False)


def _history_rows(rep: RelationsReport) -> Iterator[dict[str, Any]]:
    for p in rep.pairs:
        for s in p.history:
            yield {"country_a": p.countries[0], "country_b": p.countries[1], "current": s.tier == p.current,
                   "tier": s.tier, "since": s.since, "since_basis": s.since_basis, "first_seen": s.first_seen,
                   "last_seen": s.last_seen, "n_documents": s.n_documents, "upgraded_from": s.upgraded_from,
                   "people": s.people, "wording": s.wording,
                   "document_ids": [x.document_id for x in s.sources]}


def _conflicts(rep: RelationsReport, format: OutFormat) -> None:
    if format is OutFormat.json:
        _emit_json(rep.conflicts)
        return
    if format is OutFormat.csv:
        _emit_csv({"countries": c.countries, "kind": c.kind, "lexicon": c.lexicon, "page": c.page,
                   "detail": c.detail, "document_id": c.source.document_id, "title": c.source.title,
                   "url": c.source.url, "evidence": c.source.text} for c in rep.conflicts)
        return
    con = Console()
    if not rep.conflicts:
        con.print("no conflicts")
        return
    t = Table("pair", "kind", "lexicon / earlier", "page", "document", "evidence", title="relations to check")
    for c in rep.conflicts:
        t.add_row("–".join(c.countries), c.kind, c.lexicon or "", c.page or "",
                  f"#{c.source.document_id} {escape(_clip(c.source.title, 24))}", escape(_clip(c.source.text, 50)))
    con.print(t)


def offices_cmd(
    at: str | None = typer.Option(None, "--at", help="A day, month or year (default: today)."),
    country: str | None = typer.Option(None, "--country", "-c", help="Only this country's offices (ISO3)."),
    office: str | None = typer.Option(None, "--office", help="Only this office (VNM.foreign_minister or "
                                                             "foreign_minister)."),
    conflicts: bool = typer.Option(False, "--conflicts", help="Pages naming another holder than the lexicon."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table | json | csv"),
) -> None:
    """Who held which office at a date (the offices lexicon, with the stored pages naming them)."""
    iso = _iso3(country)
    if at is not None:
        try:
            normalize_day(at)
        except WaishiError:
            _fail(f"--at must be YYYY, YYYY-MM or YYYY-MM-DD, got {at!r}")
            raise typer.Exit(2) from None
    with _open(db) as st:
        rep: OfficesReport = _run(lambda: q_offices(st, at=at, country=iso, office=office, conflicts=conflicts))
    if conflicts:
        items: list[Any] = rep.conflicts
        if format is OutFormat.json:
            _emit_json(items)
        elif format is OutFormat.csv:
            _emit_csv({"office": c.office, "country": c.country, "page_names": c.name, "title": c.title,
                       "lexicon": c.lexicon, "date": c.date, "n_documents": c.n_documents,
                       "document_ids": [s.document_id for s in c.sources]} for c in rep.conflicts)
        else:
            con = Console()
            if not rep.conflicts:
                con.print("no conflicts")
                return
            t = Table("office", "page names", "lexicon then", "title", "docs", "date", "first document",
                      title="offices to check")
            for c in rep.conflicts:
                first = c.sources[0] if c.sources else None
                t.add_row(c.office, escape(c.name), escape("、".join(c.lexicon)), escape(c.title),
                          str(c.n_documents), c.date or "",
                          f"#{first.document_id} {escape(_clip(first.title, 24))}" if first else "")
            con.print(t)
        return
    if format is OutFormat.json:
        _emit_json(rep.holders)
        return
    if format is OutFormat.csv:
        _emit_csv({k: v for k, v in h.to_dict().items()} for h in rep.holders)
        return
    when = f"{rep.at}…{rep.until}" if rep.at and rep.until != rep.at else (rep.at or "today")
    t = Table("office", "holder", "from", "until", "docs", "pages also name", "source", title=f"offices at {when}")
    for h in rep.holders:
        t.add_row(h.office, escape(h.holder), h.start or "", h.end or "", str(h.n_documents),
                  escape("、".join(h.disputed_by)), escape(_clip(h.source, 40)))
    Console().print(t)
    if not rep.holders:
        sys.stderr.write("no office matches\n")


def register(app: typer.Typer) -> None:
    """Add ``relations`` and ``offices`` to ``app``."""
    app.command("relations")(relations_cmd)
    app.command("offices")(offices_cmd)
