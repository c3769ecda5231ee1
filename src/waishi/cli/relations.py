"""``waishi relations`` and ``waishi offices``: thin commands over ``Store.relations`` and ``Store.offices`` (store/relations_read.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from ..store import DEFAULT_DB
from ..store.relations_read import OfficesReport, RelationsReport
from .common import FORMAT, WIDE, OutFormat, emit_csv, emit_json, err, fail, open_store, run, to_day, to_iso3
from .table import Col, print_table

__all__ = ["register"]


def relations_cmd(
    country: str | None = typer.Option(None, "--country", "-c", help="Only pairs with this country: ISO3 (CHN), "
                                                                     "Chinese (中国) or English (China) name."),
    conflicts: bool = typer.Option(False, "--conflicts", help="List what pages and the lexicon disagree on."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: OutFormat = FORMAT,
    wide: bool = WIDE,
) -> None:
    """Relations between countries: the current tier (the latest upgrade, with its year and
    source), and the history of tiers with their sources (partnerships.tsv and the pages)."""
    iso = to_iso3(country)
    with open_store(db) as st:
        rep: RelationsReport = run(lambda: st.relations(country=iso, conflicts=conflicts))
    if conflicts:
        _conflicts(rep, format, wide)
        return
    if format is OutFormat.json:
        emit_json(rep.pairs)
        return
    if format is OutFormat.csv:
        emit_csv(_history_rows(rep))
        return
    con = Console()
    if not rep.pairs:
        con.print("no relations stored" + (f" for {iso}" if iso else ""))
        return
    for p in rep.pairs:
        head = f"[bold]{'–'.join(p.countries)}[/bold] {escape('–'.join(p.names))}: "
        if p.current:
            head += f"[green]{p.current}[/green] since {p.since or '?'} ({p.since_basis})"
        else:
            head += "no partnership tier known"
        if p.established:
            head += f"; diplomatic relations since {p.established}"
        con.print(head + f"; {p.n_documents} document{'' if p.n_documents == 1 else 's'}", highlight=False)
        if p.current and p.source:
            con.print(f"  source: {escape(p.source)}", highlight=False)
        rows = []
        for s in p.history:
            src = s.source or (s.sources[0].text if s.sources else "")
            rows.append([s.since or "", s.tier, s.since_basis, str(s.n_documents), s.upgraded_from or "",
                         "、".join(s.people), " | ".join(s.wording[:2]) + (" — " if s.wording and src else "") + src])
        print_table([Col("since", 10, keep=True), Col("tier", 9, keep=True), Col("basis", 6, keep=True),
                     Col("docs", 5, keep=True, justify="right"), Col("from", 4, min_width=8),
                     Col("by", 3, min_width=6), Col("source / as written", 7, min_width=14, max_chars=80)],
                    rows, console=con, err=err, wide=wide)
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


def _conflicts(rep: RelationsReport, format: OutFormat, wide: bool = False) -> None:
    if format is OutFormat.json:
        emit_json(rep.conflicts)
        return
    if format is OutFormat.csv:
        emit_csv({"countries": c.countries, "kind": c.kind, "lexicon": c.lexicon, "page": c.page,
                  "detail": c.detail, "document_id": c.source.document_id, "title": c.source.title,
                  "url": c.source.url, "evidence": c.source.text} for c in rep.conflicts)
        return
    con = Console()
    if not rep.conflicts:
        con.print("no conflicts")
        return
    print_table([Col("pair", 9, keep=True), Col("kind", 8, keep=True), Col("lexicon / earlier", 7, min_width=10),
                 Col("page", 7, min_width=10), Col("document", 5, min_width=10, max_chars=30),
                 Col("evidence", 4, min_width=12, max_chars=60)],
                [["–".join(c.countries), c.kind, c.lexicon or "", c.page or "",
                  f"#{c.source.document_id} {c.source.title}", c.source.text] for c in rep.conflicts],
                title="relations to check", console=con, err=err, wide=wide)


def offices_cmd(
    at: str | None = typer.Option(None, "--at", help="A day, month or year (default: today)."),
    country: str | None = typer.Option(None, "--country", "-c", help="Only this country's offices (ISO3)."),
    office: str | None = typer.Option(None, "--office", help="Only this office (VNM.foreign_minister or "
                                                             "foreign_minister)."),
    conflicts: bool = typer.Option(False, "--conflicts", help="Pages naming another holder than the lexicon."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
    format: OutFormat = FORMAT,
    wide: bool = WIDE,
) -> None:
    """Who held which office at a date (the offices lexicon, with the stored pages naming them).

    --office takes a key (VNM.prime_minister, prime_minister), a part of one (minister) when
    it names one office, or its initials (pm, fm)."""
    iso = to_iso3(country)
    office = _office(office)
    to_day(at, "--at")  # checked here, taken as typed by the query
    with open_store(db) as st:
        rep: OfficesReport = run(lambda: st.offices(at=at, country=iso, office=office, conflicts=conflicts))
    if conflicts:
        _office_conflicts(rep, format, wide)
        return
    if format is OutFormat.json:
        emit_json(rep.holders)
        return
    if format is OutFormat.csv:
        emit_csv({k: v for k, v in h.to_dict().items()} for h in rep.holders)
        return
    when = f"{rep.at}…{rep.until}" if rep.at and rep.until != rep.at else (rep.at or "today")
    print_table([Col("office", 9, keep=True), Col("holder", 8, min_width=8), Col("from", 7, keep=True),
                 Col("until", 6, keep=True), Col("docs", 5, keep=True, justify="right"),
                 Col("pages also name", 4, min_width=8), Col("source", 2, min_width=12, max_chars=40)],
                [[h.office, h.holder, h.start or "", h.end or "", str(h.n_documents), "、".join(h.disputed_by),
                  h.source] for h in rep.holders], title=f"offices at {when}", err=err, wide=wide)
    if not rep.holders:
        sys.stderr.write("no office matches\n")


def _office_conflicts(rep: OfficesReport, format: OutFormat, wide: bool) -> None:
    items: list[Any] = rep.conflicts
    if format is OutFormat.json:
        emit_json(items)
    elif format is OutFormat.csv:
        emit_csv({"office": c.office, "country": c.country, "page_names": c.name, "title": c.title,
                  "lexicon": c.lexicon, "date": c.date, "n_documents": c.n_documents,
                  "document_ids": [s.document_id for s in c.sources]} for c in rep.conflicts)
    else:
        con = Console()
        if not rep.conflicts:
            con.print("no conflicts")
            return
        rows = []
        for c in rep.conflicts:
            first = c.sources[0] if c.sources else None
            rows.append([c.office, c.name, "、".join(c.lexicon), c.title, str(c.n_documents), c.date or "",
                         f"#{first.document_id} {first.title}" if first else ""])
        print_table([Col("office", 9, keep=True), Col("page names", 8, min_width=8),
                     Col("lexicon then", 7, min_width=8), Col("title", 5, min_width=8),
                     Col("docs", 6, keep=True, justify="right"), Col("date", 7, keep=True),
                     Col("first document", 3, min_width=12, max_chars=30)], rows,
                    title="offices to check", console=con, err=err, wide=wide)


def _office(value: str | None) -> str | None:
    """An office key as typed: exact, its initials (pm -> prime_minister) or a unique part;
    exit 2 naming the closest keys when nothing fits."""
    if value is None or not value.strip():
        return None
    from ..lexicon import Lexicon

    v = value.strip()
    full = sorted({o.office for o in Lexicon.default().offices})
    short = sorted({k.split(".", 1)[1] for k in full})
    if v in full or v in short:
        return v
    low = v.lower()
    cands = [k for k in short if "".join(w[0] for w in k.split("_")) == low] or \
        [k for k in short if low in k] or [k for k in full if low in k.lower()]
    if len(cands) == 1:
        err.print(f"[dim]--office {escape(v)} → {cands[0]}[/dim]", highlight=False)
        return cands[0]
    import difflib

    close = cands or difflib.get_close_matches(low, short, n=5, cutoff=0.5)
    fail(f"--office {v!r} names no single office" + (f"; did you mean {', '.join(close[:8])}?" if close else
                                                      f"; offices: {', '.join(short)}"))
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add ``relations`` and ``offices`` to ``app``."""
    app.command("relations")(relations_cmd)
    app.command("offices")(offices_cmd)
