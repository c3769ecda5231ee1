"""What every route depends on: the app's context (a pool of read-only connections, a
cache of the aggregate views, country names), ``get_db`` and the one error shape.

Nothing here knows about HTML: an error answers JSON unless the caller hands a renderer
(the dashboard's ``web.pages.render_error``) and the request comes from a browser.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import WaishiError
from ..store import Store, StoreError
from .names import CountryNames

__all__ = ["ConnectionPool", "ViewCache", "Context", "get_ctx", "get_db", "DB", "Ctx", "ErrorRenderer",
           "error_response", "install_errors", "gzip_asset"]

LOGGER = logging.getLogger(__name__)

# (request, error body) -> the error as an HTML page
ErrorRenderer = Callable[[Request, dict[str, Any]], Response]


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
    templates: Any  # jinja2.Environment (web/pages.py), None for an API without pages
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


DB = Annotated[Store, Depends(get_db)]
Ctx = Annotated[Context, Depends(get_ctx)]


def gzip_asset(ctx: Context, name: str, path: Path) -> bytes:
    """A vendor file compressed once per app (plotly.min.js: 4.8 MB, 1.4 MB gzipped)."""
    with ctx.assets_lock:
        data = ctx.assets.get(name)
        if data is None:
            data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            ctx.assets[name] = data
        return data


# -- errors ---------------------------------------------------------------------------


_TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 422: "Invalid request",
           500: "Internal error", 503: "Unavailable"}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
                   *, render: ErrorRenderer | None = None) -> Response:
    """The one error shape: ``{"ok": false, "error": {status, title, message, details}}``
    for the API, the same content as an HTML page (``render``, the dashboard's) for a browser."""
    title = _TITLES.get(status, "Error")
    body = {"status": status, "title": title, "message": message, "details": details or []}
    if render is None or _wants_json(request):
        return JSONResponse({"ok": False, "error": body}, status_code=status)
    return render(request, body)


def _field(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def _clean(msg: str) -> str:
    return msg.removeprefix("Value error, ")


def install_errors(app: FastAPI, render: ErrorRenderer | None = None) -> None:
    """Every error as ``error_response`` (HTML through ``render`` for a browser)."""
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"field": _field(e.get("loc", ())), "message": _clean(str(e.get("msg", "")))}
                   for e in exc.errors()]
        message = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "invalid request"
        return error_response(request, 422, message, details, render=render)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "error")
        return error_response(request, exc.status_code, message, render=render)

    @app.exception_handler(OverflowError)
    async def too_large(request: Request, exc: OverflowError) -> Response:
        # a number past SQLite's 64 bits that a parameter bound missed: the client's error
        return error_response(request, 422, "a number in the request is too large", render=render)

    @app.exception_handler(WaishiError)
    async def domain_error(request: Request, exc: WaishiError) -> Response:
        return error_response(request, 400, str(exc), render=render)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        LOGGER.exception("internal error on %s", request.url.path)
        return error_response(request, 500, f"internal error: {type(exc).__name__}", render=render)
