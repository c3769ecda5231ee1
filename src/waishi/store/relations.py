"""Relations and offices (issue 6): the write side is relations_write.py, the questions
relations_read.py. This module re-exports both for the callers of its old names.
"""
# shim: callers move to Store / relations_read / relations_write in wave 2

from __future__ import annotations

from .relations_read import (  # noqa: F401
    OfficeConflict,
    OfficeHolder,
    OfficesReport,
    PairRelations,
    Partnership,
    PersonOffice,
    RelationConflict,
    RelationSource,
    RelationsReport,
    TierStep,
    offices,
    partnerships,
    person_offices,
    relations,
)
from .relations_write import (  # noqa: F401
    KINDS,
    MIN_CLAIM_FORM,
    OfficeClaim,
    backfill_office_claims,
    insert_office_claims,
    insert_relation,
    office_claims_of,
)

__all__ = [
    "OfficeClaim", "OfficeConflict", "OfficeHolder", "OfficesReport", "PairRelations", "RelationConflict",
    "Partnership", "PersonOffice", "RelationSource", "RelationsReport", "TierStep", "backfill_office_claims",
    "partnerships", "person_offices", "insert_office_claims",
    "insert_relation", "office_claims_of", "offices", "relations",
]
