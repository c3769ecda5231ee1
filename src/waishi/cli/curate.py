"""CLI of the curation layer (issue 13): `waishi curate ...`, `waishi reextract`, and the
bodies of `waishi export --gold` and `waishi serve --review`.

Each command opens the store, calls one function of ``waishi.store.curation`` (or
``gold``) and renders the result; domain errors become one line here.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..errors import WaishiError
from ..store import DEFAULT_DB, Store
from ..store.decisions import DecisionError
from .common import err, extract_page, fail, note, open_store, run

__all__ = ["register", "export_gold_cmd", "serve_review", "read_tokens"]


class _Record(Protocol):  # what `curate list` and `curate orphans` list
    def to_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=_Record)

curate_app = typer.Typer(add_completion=False, no_args_is_help=True,
                         help="Analysts' decisions: list, orphans, stats, export and import (JSONL).")


def _json(v: Any) -> None:
    sys.stdout.write(json.dumps(v, ensure_ascii=False, indent=2) + "\n")


def _target(t: dict[str, Any]) -> str:
    if "name" in t:
        return f"{t['name']} ({t.get('country') or '?'})" + (f" @ {t['locator']}" if t.get("locator") else "")
    if "ord" in t:
        return f"document {t['ord']} 「{t.get('title')}」 @ {t['locator']}"
    return f"{t.get('type') or t.get('metric')} {t['start']}-{t['end']} @ {t['locator']}"


def _list(db: str, format: str, query: Callable[[Store], Sequence[T]], columns: Sequence[str],
          row: Callable[[T], Sequence[str]], title: Callable[[int], str | None] = lambda n: None,
          empty: str | None = None) -> None:
    """A list of decisions (``curate list``, ``curate orphans``): JSON, or a table of ``columns``
    with a ``row`` per item, or ``empty`` when there is none."""
    with open_store(db, readonly=True) as st:
        items = query(st)
    if format == "json":
        _json([i.to_dict() for i in items])
        return
    if not items and empty is not None:
        Console().print(empty)
        return
    t = Table(*columns, title=title(len(items)))
    for item in items:
        t.add_row(*(Text(c) for c in row(item)))  # analysts' text is shown as written, never read as markup
    Console().print(t)


# -- curate ----------------------------------------------------------------------------


@curate_app.command("list")
def list_cmd(db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
             kind: str | None = typer.Option(None, "--kind", help="event, person, fact or document."),
             author: str | None = typer.Option(None, "--author", help="Only this author's decisions."),
             format: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Every decision with its author, time, target and whether it applies."""
    _list(db, format, lambda st: st.decisions(kind=kind, author=author),
          ("id", "time", "author", "kind", "action", "target", "fields", "note", "status"),
          lambda r: (str(r.id), r.created_at, r.author, r.kind, r.action, _target(r.target),
                     json.dumps(r.fields, ensure_ascii=False) if r.fields else "", r.note or "", r.status))


@curate_app.command("orphans")
def orphans_cmd(db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
                format: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Decisions whose target the last (re-)extraction no longer has, and why. Exit 0 either way."""
    _list(db, format, lambda st: st.orphans(), ("id", "author", "time", "action", "target", "why"),
          lambda o: (str(o.decision.id), o.decision.author, o.decision.created_at,
                     f"{o.decision.kind} {o.decision.action}", _target(o.decision.target), o.reason),
          title=lambda n: f"{n} orphaned decisions", empty="no orphaned decisions: every decision applies")


@curate_app.command("decide")
def decide_cmd(kind: str = typer.Argument(..., help="event, person, fact or document."),
               action: str = typer.Argument(..., help="confirm, reject, edit, add, merge or split."),
               target: str = typer.Option(..., "--target", help='The identity as JSON, e.g. \'{"name": "苏林", '
                                          '"country": "VNM"}\' (docs/curation.md).'),
               fields: str = typer.Option("{}", "--fields", help="Edited or added values as JSON."),
               author: str = typer.Option(os.environ.get("USER") or "", "--author", help="Who decides."),
               note: str | None = typer.Option(None, "--note", help="Why."),
               db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store.")) -> None:
    """Record one decision from the command line (scripts, bulk corrections)."""
    try:
        t, f = json.loads(target), json.loads(fields)
    except json.JSONDecodeError as e:
        fail(f"--target/--fields: not JSON: {e}")
        raise typer.Exit(2) from None
    if not isinstance(t, dict) or not isinstance(f, dict):
        fail("--target and --fields must be JSON objects")
        raise typer.Exit(2)
    with open_store(db, readonly=False) as st:
        try:
            got = run(lambda: st.decide(kind, action, t, author=author, fields=f, note=note))
        except DecisionError as e:
            fail(str(e))
            raise typer.Exit(2) from None
    Console().print(f"decision {got.id}: {got.kind} {got.action} {escape(_target(got.target))} — {got.status}",
                    highlight=False)


@curate_app.command("stats")
def stats_cmd(db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
              format: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Decisions by action, kind and author; reviewed documents; pages per extractor version."""
    with open_store(db, readonly=True) as st:
        s = st.curation_stats()
    if format == "json":
        _json(s.to_dict())
        return
    t = Table(show_header=False, title="curation")
    t.add_column("", style="bold")
    t.add_column("")
    t.add_row("decisions", f"{s.decisions:,} ({s.orphans:,} orphaned)")
    t.add_row("reviewed documents", f"{s.documents_reviewed:,} / {s.documents:,}")
    for label, d in (("by action", s.by_action), ("by kind", s.by_kind), ("by author", s.by_author)):
        t.add_row(label, escape(", ".join(f"{k} {v:,}" for k, v in d.items())) or "—")
    t.add_row("extractor", s.extractor)
    t.add_row("pages by it", f"{s.pages_current:,} / {s.pages:,}" +
              ("" if s.pages_current == s.pages else "  (`waishi reextract` brings the others up to date)"))
    Console().print(t)


@curate_app.command("export")
def export_cmd(file: str = typer.Argument(..., help="JSONL file to write."),
               db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store.")) -> None:
    """Write every decision as one JSON line (to share with other reviewers)."""
    with open_store(db, readonly=True) as st:
        n = run(lambda: st.export_decisions(file))
    Console().print(f"{n:,} decisions -> {escape(file)}", highlight=False)


@curate_app.command("import")
def import_cmd(file: str = typer.Argument(..., help="JSONL file of decisions (`waishi curate export`)."),
               db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
               format: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Add the decisions the store lacks (importing twice changes nothing); conflicts are reported."""
    with open_store(db, readonly=False) as st:
        res = run(lambda: st.import_decisions(file))
    if format == "json":
        _json(res.to_dict())
    else:
        Console().print(f"{res.added:,} added, {res.already:,} already there, {len(res.conflicts):,} conflicts, "
                        f"{len(res.errors):,} bad lines; {res.pages:,} pages re-written", highlight=False)
        for c in res.conflicts:
            err.print(f"[yellow]waishi: conflict:[/yellow] {escape(c)}", highlight=False, soft_wrap=True)
    for line in res.errors[:20]:
        fail(line)
    if res.errors and not res.added and not res.already:
        raise typer.Exit(1)


# -- reextract ---------------------------------------------------------------------------


def reextract_cmd(db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store."),
                  all_: bool = typer.Option(False, "--all", help="Also pages this extractor version already did."),
                  format: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Re-run the current extractor over the stored pages' texts and re-apply every decision."""
    with open_store(db, readonly=False) as st:
        res = run(lambda: st.reextract(extract_page, everything=all_))
    if format == "json":
        _json(res.to_dict())
    else:
        Console().print(f"extractor {res.extractor}: {res.reextracted:,} of {res.pages:,} pages re-extracted "
                        f"({res.skipped:,} already up to date, {len(res.failed):,} failed); "
                        f"{res.decisions:,} decisions, {res.orphans:,} orphaned"
                        + (" (`waishi curate orphans` lists them)" if res.orphans else ""), highlight=False)
    for loc, why in res.failed[:20]:
        fail(f"{loc}: {why}")


# -- export --gold ------------------------------------------------------------------------


def export_gold_cmd(db: str, gold_dir: str, raw_dir: str | None) -> None:
    """`waishi export --gold DIR [--raw DIR]`: reviewed documents as waishi.extraction/1 records."""
    from ..store.gold import export_gold

    with open_store(db, readonly=True) as st:
        res = run(lambda: export_gold(st, gold_dir, raw_dir=raw_dir))
    Console().print(f"{res.documents:,} reviewed documents of {res.pages:,} pages -> {escape(gold_dir)}"
                    + (f" (and as extracted -> {escape(raw_dir)})" if raw_dir else ""), highlight=False)
    if res.pages:
        sysdir = raw_dir or gold_dir
        Console().print(f"score: python ../shared/eval/score.py --gold {escape(gold_dir)} --system {escape(sysdir)}",
                        highlight=False)


# -- serve --review -----------------------------------------------------------------------


def read_tokens(token_file: str | None, user: str) -> dict[str, str]:
    """``token -> author``: each line of ``token_file`` is ``TOKEN [AUTHOR]`` (AUTHOR defaults
    to ``user``); without a file, one fresh token for ``user``."""
    if not token_file:
        return {secrets.token_urlsafe(24): user}
    try:
        lines = Path(token_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DecisionError(f"{token_file}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    out: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts[0]) < 16:
            raise DecisionError(f"{token_file}:{n}: a token needs at least 16 characters")
        out[parts[0]] = " ".join(parts[1:]) or user
    if not out:
        raise DecisionError(f"{token_file}: no token in it")
    return out


def serve_review(db: str, host: str, port: int, token_file: str | None, user: str, log_level: str,
                 summary: str, loopback: bool) -> None:
    """The body of `waishi serve --review`: the dashboard plus the token-protected review queue."""
    import uvicorn

    from ..server import create_review_app

    try:
        if not Path(db).is_file():
            raise DecisionError(f"{db}: no such database (create it with `waishi ingest`)")
        tokens = read_tokens(token_file, user)
        app = create_review_app(db, tokens)
    except (WaishiError, DecisionError) as e:
        fail(str(e))
        raise typer.Exit(1) from None
    out = Console()
    shown = f"[{host}]" if ":" in host else host
    out.print(summary, highlight=False, soft_wrap=True)
    out.print(f"dashboard: http://{shown}:{port}/   (Ctrl+C stops)", highlight=False)
    if token_file:
        out.print(f"review: [bold]http://{shown}:{port}/review[/bold] — sign in with "
                  f"http://{shown}:{port}/review?token=<your token from {escape(token_file)}>", highlight=False,
                  soft_wrap=True)
    else:
        tok, who = next(iter(tokens.items()))
        out.print(f"review as {escape(who)}: [bold]http://{shown}:{port}/review?token={tok}[/bold]",
                  highlight=False, soft_wrap=True)
    if not loopback:
        note(f"listening on {host}: anyone who can reach this machine can read the store; writes need the token")
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level in ("info", "debug"))


def register(app: typer.Typer) -> None:
    """Add `curate` and `reextract` to ``app``."""
    app.add_typer(curate_app, name="curate")
    app.command("reextract")(reextract_cmd)
