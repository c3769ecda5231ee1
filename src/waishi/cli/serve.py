"""`waishi serve`: the dashboard and JSON API over a store, on 127.0.0.1 unless told otherwise.

The command checks the store and the port, prints a one-line summary and the URL,
and hands the app of ``waishi.server.create_app`` to uvicorn.
"""

from __future__ import annotations

import ipaddress
import os
import socket

import typer
from rich.console import Console

from ..errors import WaishiError
from ..store import DEFAULT_DB, Store
from .common import fail, note

__all__ = ["register", "serve_cmd", "summary_line"]


def summary_line(db: str) -> str:
    """`vn.db: 4 pages, 7 documents, 17 events (2 with 2+ sources), 9 people, 8 figures`."""
    with Store.open(db, readonly=True) as st:
        s = st.stats()
    return (f"{db}: {s.sources:,} pages, {s.documents:,} documents, {s.events:,} events "
            f"({s.multi_source_events:,} with 2+ sources), {s.people:,} people, {s.facts:,} figures"
            + (f", {s.errors:,} unreadable inputs" if s.errors else ""))


def _port_free(host: str, port: int) -> str | None:
    """None when ``host:port`` can be bound, else the reason."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            return e.strerror or str(e)
    return None


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_cmd(
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite store (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; 0.0.0.0 exposes it to the network."),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="TCP port."),
    write: bool = typer.Option(False, "--write", help="Open the store for writing (migrates an older file once)."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level: warning, info, debug."),
    review: bool = typer.Option(False, "--review", help="Add the review queue (writes need a token; "
                                "docs/curation.md)."),
    token_file: str | None = typer.Option(None, "--token-file", help="With --review: lines 'TOKEN [AUTHOR]' "
                                          "(else a fresh token is printed)."),
    user: str = typer.Option(os.environ.get("USER") or "reviewer", "--user", help="With --review: the author "
                             "named on decisions."),
    show_paths: bool = typer.Option(False, "--show-paths",
                                    help="Show the store's and ingested files' full paths (default: relative to "
                                         "the store's directory, or the file name)."),
    allow_host: list[str] = typer.Option([], "--allow-host", metavar="NAME",
                                         help="Also answer requests for this Host name (repeatable; '*' for any). "
                                              "By default only the bound address and localhost are answered."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Server processes (each with its own read-only connections); 2 on a "
                                     "2-core machine serves many clients faster."),
) -> None:
    """Serve the dashboard (overview, events, countries, people, documents, search) and the JSON API."""
    import uvicorn

    if review:
        from .curate import serve_review

        if _port_free(host, port):
            fail(f"{host}:{port}: cannot listen ({_port_free(host, port)}); choose another with --port")
            raise typer.Exit(1)
        try:
            line = summary_line(db) if os.path.isfile(db) else db
        except WaishiError:
            line = db  # an older schema: the review app migrates it
        serve_review(db, host, port, token_file, user, log_level, line, _loopback(host))
        return

    from ..api.guard import allowed_hosts_for
    from ..server import create_app

    try:
        app = create_app(db, readonly=not write, show_paths=show_paths,
                         allowed_hosts=allowed_hosts_for(host, allow_host))
        line = summary_line(db)
    except WaishiError as e:
        fail(str(e))
        raise typer.Exit(1) from None
    busy = _port_free(host, port)
    if busy:
        fail(f"{host}:{port}: cannot listen ({busy}); choose another with --port")
        raise typer.Exit(1)
    out = Console()
    out.print(line, highlight=False, soft_wrap=True)
    shown = f"[{host}]" if ":" in host else host
    out.print(f"dashboard: [bold]http://{shown}:{port}/[/bold]   API: http://{shown}:{port}/api   "
              f"docs: http://{shown}:{port}/docs   (Ctrl+C stops)", highlight=False, soft_wrap=True)
    if not _loopback(host):
        note(f"listening on {host}: anyone who can reach this machine can read the store (there is no login)")
    if workers > 1 and not write:
        import json

        from ..server import SERVE_ENV

        hosts = allowed_hosts_for(host, allow_host)
        os.environ[SERVE_ENV] = json.dumps({"db": os.path.abspath(db), "show_paths": show_paths,
                                            "allowed_hosts": sorted(hosts) if hosts is not None else None})
        uvicorn.run("waishi.server:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level=log_level, access_log=log_level in ("info", "debug"))
        return
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level in ("info", "debug"))


def register(app: typer.Typer) -> None:
    """Add `serve` to ``app``."""
    app.command("serve")(serve_cmd)
