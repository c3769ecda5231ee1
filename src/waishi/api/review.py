"""Review mode (`waishi serve --review`): the dashboard plus a review queue whose writes
need a token.

Who may write:

- a token names its author (``--user``, or ``TOKEN AUTHOR`` lines of ``--token-file``);
- a browser signs in once with ``/review?token=…``: the server sets an HttpOnly,
  SameSite=Strict cookie with the token and a second, script-readable CSRF cookie; every
  write then carries ``X-CSRF-Token`` equal to that cookie (double submit), and its
  ``Origin`` (or ``Referer``) must be this server. A script may instead send
  ``Authorization: Bearer TOKEN`` (no cookie, so nothing for another site to ride on);
- no valid token: 401 and nothing changes; a failed CSRF or origin check: 403.

One lock serialises writes (SQLite has one writer); reads use the app's read-only pool.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from ..model import EVENT_TYPES
from ..store import Store
from ..store import curation as C
from ..store import review as R
from ..store.decisions import DecisionError
from .deps import DB

__all__ = ["ReviewState", "QueueParams", "COOKIE", "CSRF_COOKIE", "CSRF_HEADER", "reader", "writer", "state",
           "new_csrf", "router"]

COOKIE = "waishi_review"
CSRF_COOKIE = "waishi_csrf"
CSRF_HEADER = "x-csrf-token"


@dataclass
class ReviewState:
    """On ``app.state.review``: the tokens, the one writable connection and its lock."""
    tokens: dict[str, str]  # token -> author
    store: Store
    lock: threading.Lock = field(default_factory=threading.Lock)

    def author(self, token: str | None) -> str | None:
        if not token:
            return None
        for known, who in self.tokens.items():
            if hmac.compare_digest(known.encode(), token.encode()):
                return who
        return None


def state(request: Request) -> ReviewState:
    st = getattr(request.app.state, "review", None)
    if st is None:  # pragma: no cover - the router is only mounted by create_review_app
        raise HTTPException(404, "review mode is off (waishi serve --review)")
    return st  # type: ignore[no-any-return]


def _bearer(request: Request) -> str | None:
    h = request.headers.get("authorization", "")
    return h[7:].strip() if h.lower().startswith("bearer ") else None


def reader(request: Request) -> str:
    """The signed-in author (cookie or bearer token), else 401."""
    st = state(request)
    who = st.author(_bearer(request) or request.cookies.get(COOKIE))
    if who is None:
        raise HTTPException(401, "review mode needs the token: open the /review?token=… address `waishi serve "
                                 "--review` printed, or send Authorization: Bearer <token>")
    return who


def _same_origin(request: Request, url: str) -> bool:
    got = urlsplit(url)
    own = urlsplit(str(request.base_url))
    host = request.headers.get("host") or own.netloc
    return (got.scheme, got.netloc) == (own.scheme, host)


def writer(request: Request) -> str:
    """``reader`` plus the CSRF checks every write must pass."""
    st = state(request)
    bearer = _bearer(request)
    who = st.author(bearer or request.cookies.get(COOKIE))
    if who is None:
        raise HTTPException(401, "writing needs the review token")
    origin = request.headers.get("origin")
    referer = request.headers.get("referer")
    if origin is not None and origin != "null":
        if not _same_origin(request, origin):
            raise HTTPException(403, "cross-site write refused (Origin is another site)")
    elif origin == "null" or (referer and not _same_origin(request, referer)):
        raise HTTPException(403, "cross-site write refused (Referer is another site)")
    if not bearer:  # a cookie rides along with any request: the page must prove it read the CSRF cookie
        sent = request.headers.get(CSRF_HEADER, "")
        want = request.cookies.get(CSRF_COOKIE, "")
        if not sent or not want or not hmac.compare_digest(sent.encode(), want.encode()):
            raise HTTPException(403, "missing or wrong CSRF token (X-CSRF-Token must equal the waishi_csrf cookie)")
    return who


Reader = Annotated[str, Depends(reader)]
Writer = Annotated[str, Depends(writer)]

router = APIRouter(prefix="/api/review", tags=["review"])


class DecisionIn(BaseModel):
    kind: str = Field(description="event, person, fact or document")
    action: str = Field(description="confirm, reject, edit, add, merge or split")
    target: dict[str, Any] = Field(description="the item's identity (its `key` in /api/review/pages/…)")
    fields: dict[str, Any] = Field(default_factory=dict, description="edited or added values")
    note: str | None = Field(default=None, max_length=2000)


@dataclass
class QueueParams:
    """The review queue's filters (its page and /api/review/queue)."""
    status: Annotated[str, Query(pattern="^(unreviewed|reviewed|all)$")] = "unreviewed"
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{3})?$")] = None
    type: Annotated[str | None, Query(pattern="^(" + "|".join(EVENT_TYPES) + ")?$")] = None
    doubtful: bool = False
    limit: Annotated[int, Query(ge=1, le=500)] = 50
    offset: Annotated[int, Query(ge=0)] = 0


def queue_view(db: Store, q: QueueParams) -> R.ReviewQueue:
    return db.review_queue(status=q.status, country=q.country or None, type=q.type or None, doubtful=q.doubtful,
                           limit=q.limit, offset=q.offset)


def document_view(db: Store, page_id: int, ord: int) -> R.ReviewDoc:
    got = db.review_document(page_id, ord)
    if got is None:
        raise HTTPException(404, f"no document {ord} on page {page_id}")
    return got


@router.get("/queue", response_model=R.ReviewQueue, summary="Documents to review, with progress")
def queue(db: DB, who: Reader, q: Annotated[QueueParams, Depends()]) -> Any:
    return queue_view(db, q)


@router.get("/pages/{page_id}/{ord}", response_model=R.ReviewDoc, summary="One document as the reviewer sees it")
def document(db: DB, who: Reader, page_id: Annotated[int, Path(ge=1)], ord: Annotated[int, Path(ge=0)]) -> Any:
    return document_view(db, page_id, ord)


@router.post("/decisions", response_model=C.DecisionRow, status_code=201, summary="Record a decision (token)")
def decide(request: Request, who: Writer, body: Annotated[DecisionIn, Body()]) -> Any:
    st = state(request)
    try:
        with st.lock:
            return st.store.decide(body.kind, body.action, body.target, author=who, fields=body.fields,
                                   note=body.note)
    except DecisionError as e:
        raise HTTPException(422, str(e)) from None


class EventDecisionIn(BaseModel):
    action: str = Field(description="confirm, reject or edit: applied to every report of the event")
    fields: dict[str, Any] = Field(default_factory=dict, description="edited values (type, date, source ...)")
    note: str | None = Field(default=None, max_length=2000)


@router.post("/events/{event_id}/decisions", response_model=list[C.DecisionRow], status_code=201,
             summary="A decision on a merged event: one per report (token)")
def decide_event(request: Request, who: Writer, event_id: Annotated[int, Path(ge=1)],
                 body: Annotated[EventDecisionIn, Body()]) -> Any:
    st = state(request)
    try:
        with st.lock:
            return st.store.decide_event(event_id, body.action, author=who, fields=body.fields, note=body.note)
    except DecisionError as e:
        raise HTTPException(422, str(e)) from None


def new_csrf() -> str:
    return secrets.token_urlsafe(24)
