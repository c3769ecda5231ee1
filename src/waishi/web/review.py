"""The review pages (`waishi serve --review`): the queue and one document to review.

Pages read through the same store functions as their JSON twins under /api/review; every
write goes through POST /api/review/decisions (api/review.py checks the token and CSRF).
The keyboard handling and the inline forms live in static/review.js (the pages' CSP allows
scripts from this server only).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..api.deps import DB, Ctx
from ..api.review import COOKIE, CSRF_COOKIE, QueueParams, document_view, new_csrf, queue_view, reader, state
from ..model import EVENT_TYPES
from ..store import Store
from .pages import country_choices, render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _signed_in(request: Request, token: str | None) -> Response | None:
    """``/review?token=…``: set the session and CSRF cookies and drop the token from the address."""
    if token is None:
        return None
    st = state(request)
    if st.author(token) is None:
        raise HTTPException(401, "unknown review token")
    resp = RedirectResponse(str(request.url.remove_query_params("token")), status_code=303)
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
    resp.set_cookie(CSRF_COOKIE, new_csrf(), httponly=False, samesite="strict", path="/")
    return resp


@router.get("/review", response_class=HTMLResponse)
def queue_page(request: Request, ctx: Ctx, db: DB, q: Annotated[QueueParams, Depends()],
               token: Annotated[str | None, Query(max_length=200, description="Sign in (once).")] = None
               ) -> Response:
    signed = _signed_in(request, token)
    if signed is not None:
        return signed
    who = reader(request)
    rq = queue_view(db, q)
    return render(request, "review_queue.html", str(request.url).replace("/review", "/api/review/queue", 1),
                  rq=rq, who=who, show=q.status, country=(q.country or "").upper(), type=q.type or "",
                  doubtful=q.doubtful, countries=country_choices(ctx, db), review=True)


def _neighbours(db: Store, page_id: int, ord_: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    prev, nxt = db.review_neighbours(page_id, ord_)
    return ({"page_id": prev[0], "ord": prev[1]} if prev else None), ({"page_id": nxt[0], "ord": nxt[1]} if nxt else None)


@router.get("/review/pages/{page_id}/{ord}", response_class=HTMLResponse)
def document_page(request: Request, db: DB, page_id: Annotated[int, Path(ge=1)],
                  ord: Annotated[int, Path(ge=0)]) -> Response:
    who = reader(request)
    d = document_view(db, page_id, ord)
    q = db.review_queue(status="all", limit=1)
    prev, nxt = _neighbours(db, page_id, ord)
    return render(request, "review_doc.html", f"/api/review/pages/{page_id}/{ord}", d=d, who=who, rq=q,
                  prev=prev, nxt=nxt, types=EVENT_TYPES, review=True)
