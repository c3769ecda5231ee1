"""The FastAPI app: JSON API under /api, HTML pages, static files, one error shape.

    from waishi.api import create_app
    app = create_app("vn.db")            # read-only; uvicorn.run(app, host="127.0.0.1")

Layers (one direction): store functions <- api routes (JSON) and web pages (HTML),
both taking the same parameter classes (models.py). The app holds no global state:
everything lives on ``app.state.ctx`` (a pool of read-only connections, a small
cache of the aggregate views, country names, the templates).
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import WaishiError
from ..store import Store, StoreError
from .guard import CatchAll, HostCheck, hide_paths, shown_store_path
from .names import CountryNames

__all__ = ["create_app", "Context", "ConnectionPool"]

LOGGER = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

# Pages load scripts only from this server: a string that slipped through escaping
# still could not run (defence in depth; escaping is the first line).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class ConnectionPool:
    """Read-only connections lent to requests, one request at a time each.

    Requests wait for a free connection in the event loop (``await acquire()``),
    never in a worker thread: the sync handlers run in a bounded thread pool, and
    threads blocked waiting for a connection would starve the handlers holding one.
    """

    def __init__(self, path: str, *, readonly: bool = True, size: int = 8,
                 prepare: Callable[[Store], None] | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.size = size
        self.prepare = prepare  # run once on each new connection (e.g. guard.hide_paths)
        self._sem = asyncio.Semaphore(size)
        self._free: list[Store] = []
        self._all: list[Store] = []
        self._closed = False

    async def acquire(self) -> Store:
        await self._sem.acquire()
        try:
            if self._closed:
                raise StoreError(f"{self.path}: the server is shutting down")
            if self._free:
                return self._free.pop()
            st = Store.open(self.path, readonly=self.readonly, check_same_thread=False)
            if self.prepare is not None:
                self.prepare(st)
            self._all.append(st)
            return st
        except BaseException:
            self._sem.release()
            raise

    def release(self, st: Store) -> None:
        self._free.append(st)
        self._sem.release()

    def close(self) -> None:
        self._closed = True
        for st in self._all:
            try:
                st.close()
            except Exception:  # pragma: no cover - closing is best effort
                LOGGER.debug("closing %s failed", self.path, exc_info=True)
        self._all.clear()
        self._free.clear()


class ViewCache:
    """Results of the aggregate views (overview, graph, countries), kept while the database
    files are unchanged: their size and mtime change with every commit of a writer."""

    def __init__(self, path: str, size: int = 256) -> None:
        self.path = path
        self.size = size
        self._data: OrderedDict[tuple[Any, ...], tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}

    def _stamp(self) -> tuple[int, ...]:
        out: list[int] = []
        for p in (self.path, self.path + "-wal"):
            try:
                s = os.stat(p)
                out += [s.st_mtime_ns, s.st_size]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def _hit(self, key: tuple[Any, ...], stamp: tuple[int, ...]) -> tuple[bool, Any]:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] == stamp:
                self._data.move_to_end(key)
                return True, hit[1]
            return False, None

    def get(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        stamp = self._stamp()
        found, value = self._hit(key, stamp)
        if found:
            return value
        # one computation per key at a time: requests arriving meanwhile wait for its result
        # instead of all running the same second-long graph query
        with self._lock:
            busy = self._computing.setdefault(key, threading.Lock())
        with busy:
            found, value = self._hit(key, stamp)
            if found:
                return value
            value = compute()
            with self._lock:
                self._data[key] = (stamp, value)
                self._data.move_to_end(key)
                while len(self._data) > self.size:
                    self._data.popitem(last=False)
                self._computing.pop(key, None)
        return value


@dataclass
class Context:
    """Everything the routes need, on ``app.state.ctx``."""
    path: str
    readonly: bool
    pool: ConnectionPool
    cache: ViewCache
    names: CountryNames
    templates: Any  # jinja2.Environment (web/pages.py)
    shown_path: str = ""  # the store as pages and the API name it (guard.shown_store_path unless --show-paths)
    assets: dict[str, bytes] = field(default_factory=dict)  # gzipped vendor files, made on first use
    assets_lock: threading.Lock = field(default_factory=threading.Lock)

    async def db(self) -> AsyncIterator[Store]:
        st = await self.pool.acquire()
        try:
            yield st
        finally:
            self.pool.release(st)


async def get_ctx(request: Request) -> Context:
    # async: a sync dependency costs a hop to the thread pool and back on every request
    return request.app.state.ctx  # type: ignore[no-any-return]


async def get_db(request: Request) -> AsyncIterator[Store]:
    """A connection for the time of one request (a FastAPI dependency)."""
    ctx: Context = request.app.state.ctx
    async for st in ctx.db():
        yield st


# -- errors ---------------------------------------------------------------------------

_TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 422: "Invalid request",
           500: "Internal error", 503: "Unavailable"}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str,
                   details: list[dict[str, Any]] | None = None) -> Response:
    """The one error shape: ``{"ok": false, "error": {status, title, message, details}}``
    for the API, the same content as an HTML page for a browser."""
    title = _TITLES.get(status, "Error")
    body = {"status": status, "title": title, "message": message, "details": details or []}
    if _wants_json(request):
        return JSONResponse({"ok": False, "error": body}, status_code=status)
    from ..web.pages import render_error

    return render_error(request, body)


def _field(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def _clean(msg: str) -> str:
    return msg.removeprefix("Value error, ")


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"field": _field(e.get("loc", ())), "message": _clean(str(e.get("msg", "")))}
                   for e in exc.errors()]
        message = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "invalid request"
        return error_response(request, 422, message, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "error")
        return error_response(request, exc.status_code, message)

    @app.exception_handler(OverflowError)
    async def too_large(request: Request, exc: OverflowError) -> Response:
        # a number past SQLite's 64 bits that a parameter bound missed: the client's error
        return error_response(request, 422, "a number in the request is too large")

    @app.exception_handler(WaishiError)
    async def domain_error(request: Request, exc: WaishiError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        LOGGER.exception("internal error on %s", request.url.path)
        return error_response(request, 500, f"internal error: {type(exc).__name__}")


class SecurityHeaders:
    """CSP and friends on every HTML page (not on /docs, whose Swagger page has an inline script)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith("/docs")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                ctype = next((v for k, v in headers if k == b"content-type"), b"")
                if ctype.startswith(b"text/html") and not docs:
                    headers.append((b"content-security-policy", CSP.encode()))
                    headers.append((b"x-frame-options", b"DENY"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- the app --------------------------------------------------------------------------


def create_app(db_path: str | os.PathLike[str], readonly: bool = True, *, pool_size: int = 8,
               show_paths: bool = False, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The dashboard and JSON API over the store at ``db_path``.

    Opens the store once to check it (StoreError / SchemaError with a one-line reason
    if it is missing or unusable); requests then use a pool of read-only connections
    (``readonly=False`` opens them for writing, which migrates an older file once).

    File paths are shown relative to the store's directory (the store by its file
    name) unless ``show_paths``; ``allowed_hosts`` (see guard.allowed_hosts_for) are
    the Host names answered, None for any (tests, a server behind a proxy).
    """
    from ..web.pages import make_templates
    from ..web.pages import router as pages_router
    from .routes import router as api_router

    path = str(db_path)
    Store.open(path, readonly=readonly).close()
    shown = path if show_paths else shown_store_path(path)

    def prepare(st: Store) -> None:
        st.shown_path = shown
        if not show_paths:
            hide_paths(st.con, path)

    pool = ConnectionPool(path, readonly=readonly, size=pool_size, prepare=prepare)
    ctx = Context(path=path, readonly=readonly, pool=pool, cache=ViewCache(path), names=CountryNames.default(),
                  templates=make_templates(), shown_path=shown)

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        # Handlers are sync (SQLite) and run in anyio's thread pool. Past a few threads per
        # core they only fight over the GIL: 50 concurrent requests ran at ~90 requests/s
        # with the default 40 threads and at ~230 with as many threads as connections.
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = pool_size
        yield
        ctx.pool.close()

    app = FastAPIOffline(
        title="waishi", version=_version(), lifespan=lifespan,
        description="Diplomatic events, people and figures from Chinese-language foreign-affairs news, "
                    "each linked to its sentence. Every list takes `limit` and `offset` and gives `next`; "
                    "every error is `{\"ok\": false, \"error\": {status, title, message, details}}`.",
        redoc_url=None, static_url="/static/docs",
    )
    app.state.ctx = ctx
    _install_errors(app)
    app.add_middleware(CatchAll)  # the last added is outermost: security headers on every answer
    app.add_middleware(HostCheck, allowed=None if allowed_hosts is None else frozenset(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    app.include_router(api_router)
    from .decisions import router as decisions_router  # issue 13: who reviewed what

    app.include_router(decisions_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("waishi")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def gzip_asset(ctx: Context, name: str, path: Path) -> bytes:
    """A vendor file compressed once per app (plotly.min.js: 4.8 MB, 1.4 MB gzipped)."""
    with ctx.assets_lock:
        data = ctx.assets.get(name)
        if data is None:
            data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            ctx.assets[name] = data
        return data


# What `waishi serve --workers N` hands its worker processes (uvicorn imports the app by name).
SERVE_ENV = "WAISHI_SERVE"


def app_from_env() -> FastAPI:
    """The app of one `waishi serve --workers N` worker: the options the command checked, read
    from the environment variable ``WAISHI_SERVE`` (JSON: db, write, show_paths, allowed_hosts)."""
    import json

    opts = json.loads(os.environ[SERVE_ENV])
    hosts = opts.get("allowed_hosts")
    return create_app(opts["db"], readonly=not opts.get("write"), show_paths=bool(opts.get("show_paths")),
                      allowed_hosts=frozenset(hosts) if hosts is not None else None)
