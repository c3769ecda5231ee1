"""The server's assembly: the JSON API under /api, the HTML pages, static files, one error shape.

    from waishi.server import create_app
    app = create_app("vn.db")            # read-only; uvicorn.run(app, host="127.0.0.1")

Layers (one direction): store <- api (deps, parameter classes, one view per resource,
the JSON routes) <- web (the HTML pages, calling the same views) <- this module, the only
one importing both; api/ never imports web/. The app holds no global state: everything lives on
``app.state.ctx`` (api/deps.py: a pool of read-only connections, a small cache of the
aggregate views, country names, the templates).
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from .api.decisions import router as decisions_router
from .api.deps import ConnectionPool, Context, ViewCache, install_errors
from .api.guard import CatchAll, HostCheck, SecurityHeaders, hide_paths, shown_store_path
from .api.names import CountryNames
from .api.review import ReviewState
from .api.review import router as review_router
from .api.routes import router as api_router
from .store import Store
from .store.decisions import DecisionError
from .web.pages import make_templates, render_error
from .web.pages import router as pages_router
from .web.review import router as review_pages_router

__all__ = ["create_app", "create_review_app", "app_from_env", "SERVE_ENV"]

WEB_DIR = Path(__file__).resolve().parent / "web"


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

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Handlers are sync (SQLite) and run in anyio's thread pool. Past a few threads per
        # core they only fight over the GIL: 50 concurrent requests ran at ~90 requests/s
        # with the default 40 threads and at ~230 with as many threads as connections.
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
    install_errors(app, render_error)
    app.add_middleware(CatchAll, render=render_error)  # the last added is outermost: security headers on all
    app.add_middleware(HostCheck, allowed=None if allowed_hosts is None else frozenset(allowed_hosts),
                       render=render_error)
    app.add_middleware(SecurityHeaders)
    app.include_router(api_router)
    app.include_router(decisions_router)  # issue 13: who reviewed what
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app


def create_review_app(db_path: str | os.PathLike[str], tokens: dict[str, str], *, pool_size: int = 8) -> FastAPI:
    """The dashboard of ``create_app`` plus the review queue and its token-protected writes
    (api/review.py, web/review.py)."""
    if not tokens:
        raise DecisionError("review mode needs at least one token")
    store = Store.open(db_path, check_same_thread=False)  # creates or migrates the file once
    app = create_app(db_path, readonly=True, pool_size=pool_size)
    app.state.review = ReviewState(dict(tokens), store)
    app.state.ctx.templates.globals["review_mode"] = True  # the pages' menu links the queue
    app.include_router(review_router)
    app.include_router(review_pages_router)
    return app


def _version() -> str:
    try:
        return version("waishi")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


# What `waishi serve --workers N` hands its worker processes (uvicorn imports the app by name).
SERVE_ENV = "WAISHI_SERVE"


def app_from_env() -> FastAPI:
    """The app of one `waishi serve --workers N` worker: the options the command checked, read
    from the environment variable ``WAISHI_SERVE`` (JSON: db, write, show_paths, allowed_hosts)."""
    opts = json.loads(os.environ[SERVE_ENV])
    hosts = opts.get("allowed_hosts")
    return create_app(opts["db"], readonly=not opts.get("write"), show_paths=bool(opts.get("show_paths")),
                      allowed_hosts=frozenset(hosts) if hosts is not None else None)
