"""Analysts' decisions in the JSON API (read-only, in every mode): who reviewed what, when.

The event, person and document pages show the same lists (web/pages.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from ..store import curation as C
from .deps import DB

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["decisions"])
Id = Annotated[int, Path(ge=1)]


@router.get("/decisions", response_model=list[C.DecisionRow], summary="Analysts' decisions, oldest first")
def decisions(db: DB, kind: Annotated[str | None, Query(pattern="^(event|person|fact|document)?$")] = None,
              author: Annotated[str | None, Query(max_length=100)] = None,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
              offset: Annotated[int, Query(ge=0)] = 0) -> Any:
    return db.decisions(kind=kind or None, author=author or None, limit=limit, offset=offset)


@router.get("/decisions/stats", response_model=C.CurationStats, summary="Decisions, reviewed documents, versions")
def stats(db: DB) -> Any:
    return db.curation_stats()


@router.get("/decisions/orphans", response_model=list[C.Orphan], summary="Decisions whose target vanished")
def orphans(db: DB) -> Any:
    return db.orphans()


@router.get("/events/{event_id}/decisions", response_model=list[C.DecisionRow], summary="Decisions on an event")
def event_decisions(db: DB, event_id: Id) -> Any:
    return db.decisions_for_event(event_id)


@router.get("/people/{person_id}/decisions", response_model=list[C.DecisionRow], summary="Decisions on a person")
def person_decisions(db: DB, person_id: Id) -> Any:
    return db.decisions_for_person(person_id)


@router.get("/documents/{document_id}/decisions", response_model=list[C.DecisionRow],
            summary="Decisions on a document and its items")
def document_decisions(db: DB, document_id: Id) -> Any:
    return db.decisions_for_document(document_id)
