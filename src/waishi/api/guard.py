"""What the server tells and whom it answers (issue 15).

- ``HostCheck``: only requests whose ``Host`` header names an allowed host are
  answered. A dashboard on 127.0.0.1 is otherwise readable by any web page through
  DNS rebinding (the page's own domain is made to resolve to 127.0.0.1; the browser
  then sends that domain as Host).
- ``CatchAll``: an unexpected exception becomes the one JSON error shape with status
  500, and the connection stays usable. Starlette's outermost middleware re-raises
  after answering, and uvicorn then closes the keep-alive connection, so a client's
  next request failed too.
- ``SecurityHeaders``: CSP and friends on every HTML page.
- ``hide_paths``: the ``path`` columns of ``sources`` and ``errors`` as the server
  shows them: relative to the store's directory, or the file's name alone when the
  file lies elsewhere. Done once, in SQL, by TEMP views named like the tables
  (SQLite resolves unqualified names in ``temp`` first), so every query, of today's
  routes and of routes added later, sees the shown paths.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .deps import ErrorRenderer, error_response

__all__ = ["CatchAll", "HostCheck", "SecurityHeaders", "HttpMiddleware", "CSP", "allowed_hosts_for", "hide_paths",
           "host_of", "shown_store_path"]

LOGGER = logging.getLogger(__name__)

# Pages load scripts only from this server: a string that slipped through escaping
# still could not run (defence in depth; escaping is the first line).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
# Tables whose ``path`` column names ingested files.
_PATH_TABLES = ("sources", "errors")


def host_of(header: str) -> str:
    """``Example.COM.:8765`` -> ``example.com``; ``[::1]:80`` -> ``::1``."""
    h = header.strip().lower()
    if h.startswith("["):
        h = h[1:].split("]", 1)[0]
    elif h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


def allowed_hosts_for(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server bound to ``bind`` answers by default, plus ``extra``.

    A loopback address: the localhost forms. A specific address: that address and the
    localhost forms. A wildcard (0.0.0.0, ::): this machine's name, its addresses and
    the localhost forms. ``extra`` (``--allow-host``) adds names; ``*`` allows any.
    """
    names = {host_of(bind), *LOCAL_NAMES}
    try:
        wildcard = ipaddress.ip_address(host_of(bind)).is_unspecified
    except ValueError:
        wildcard = False
    if wildcard:
        names.discard(host_of(bind))
        names.update(_this_machine())
    names.update(host_of(h) if h != "*" else "*" for h in extra)
    return frozenset(n for n in names if n)


def _this_machine() -> set[str]:
    out: set[str] = set()
    try:
        name = socket.gethostname()
        out.update({name.lower(), socket.getfqdn().lower()})
        for info in socket.getaddrinfo(name, None):
            out.add(str(info[4][0]).lower())
    except OSError:  # pragma: no cover - no resolver: the localhost forms remain
        LOGGER.debug("cannot resolve this machine's name", exc_info=True)
    return out


class HttpMiddleware:
    """An ASGI middleware acting on HTTP requests only (websocket and lifespan pass through)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)  # pragma: no cover - every subclass overrides it


def on_start(send: Send, change: Callable[[Message], None]) -> Send:
    """``send`` with ``change`` applied to the response's start message (status, headers)."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            change(message)
        await send(message)

    return wrapped


class HostCheck(HttpMiddleware):
    """Refuse (400) requests whose Host header is not allowed; ``None`` allows any."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str] | None = None,
                 render: ErrorRenderer | None = None) -> None:
        super().__init__(app)
        self.allowed = allowed
        self.render = render

    def refused(self, scope: Scope) -> bool:
        if self.allowed is None or "*" in self.allowed:
            return False
        header = next((v for k, v in scope.get("headers", []) if k == b"host"), None)
        # HTTP/1.0 clients may send none; a browser always does (and rebinding needs one)
        return header is not None and host_of(header.decode("latin-1")) not in self.allowed

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.refused(scope):
            response = error_response(Request(scope), 400, "this server does not answer for that Host name; "
                                      "start it with --allow-host NAME to add one", render=self.render)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class CatchAll(HttpMiddleware):
    """An unexpected exception -> a 500 in the one error shape, without closing the connection."""

    def __init__(self, app: ASGIApp, render: ErrorRenderer | None = None) -> None:
        super().__init__(app)
        self.render = render

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        def seen(message: Message) -> None:
            nonlocal started
            started = True

        try:
            await self.app(scope, receive, on_start(send, seen))
        except Exception as exc:
            if started:  # half an answer is out: only closing the connection tells the client
                raise
            LOGGER.exception("internal error on %s", scope.get("path"))
            await error_response(Request(scope), 500, f"internal error: {type(exc).__name__}",
                                 render=self.render)(scope, receive, send)


class SecurityHeaders(HttpMiddleware):
    """CSP and friends on every HTML page (not on /docs, whose Swagger page has an inline script)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        docs = scope["path"].startswith("/docs")

        def add(message: Message) -> None:
            headers = list(message.get("headers", []))
            headers.append((b"x-content-type-options", b"nosniff"))
            headers.append((b"referrer-policy", b"no-referrer"))
            ctype = next((v for k, v in headers if k == b"content-type"), b"")
            if ctype.startswith(b"text/html") and not docs:
                headers.append((b"content-security-policy", CSP.encode()))
                headers.append((b"x-frame-options", b"DENY"))
            message["headers"] = headers

        await self.app(scope, receive, on_start(send, add))


def shown_store_path(db_path: str) -> str:
    """The store as the server names it: its file name, no directory."""
    return os.path.basename(db_path) or db_path


def _shower(db_path: str) -> Callable[[str | None], str | None]:
    prefixes = tuple(dict.fromkeys(os.path.join(os.path.dirname(f(db_path)), "")
                                   for f in (os.path.abspath, os.path.realpath)))

    def shown(path: str | None) -> str | None:
        if not path or not path.startswith("/"):
            return path  # relative as ingest was given it, a URL, or nothing
        for prefix in prefixes:
            if path.startswith(prefix):
                return path[len(prefix):]
        head, sep, record = path.partition("@urn:")  # a WARC record id may hold slashes
        return head.rsplit("/", 1)[-1] + sep + record

    return shown


def hide_paths(con: sqlite3.Connection, db_path: str) -> None:
    """Make ``path`` in ``sources`` and ``errors`` read as shown paths on this connection."""
    con.create_function("waishi_shown_path", 1, _shower(db_path), deterministic=True)
    for table in _PATH_TABLES:
        cols = [r[1] for r in con.execute(f"PRAGMA main.table_info({table})")]
        if "path" not in cols:
            continue
        select = ", ".join(f"waishi_shown_path({c}) AS {c}" if c == "path" else f'"{c}"' for c in cols)
        con.execute(f"CREATE TEMP VIEW IF NOT EXISTS {table} AS SELECT {select} FROM main.{table}")
