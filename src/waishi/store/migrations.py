"""The data steps of schema migrations, registered above schema.py (which holds their SQL only).

``Store.open`` passes ``BACKFILLS`` to ``schema.migrate``: version -> a step run in the
same transaction as that version's DDL and version bump. A step never reads the lexicon
of the day: what a migration writes must not depend on when it runs, so the lexicon data
it needs is frozen beside it (``frozen/*.tsv``, written once when the step shipped; never
edit them). The writer, not a migration, applies the current lexicon to pages it stores.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType

from ..lexicon import Office
from .figures import Places
from .figures import backfill as backfill_figures
from .relations_write import backfill_office_claims

__all__ = ["BACKFILLS", "FrozenOffices", "frozen_offices", "frozen_places"]


def _frozen(name: str) -> Iterator[dict[str, str]]:
    raw = resources.files(__package__).joinpath("frozen", name).read_text(encoding="utf-8")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


class FrozenOffices:
    """The offices lexicon as migration 2 shipped with it (an ``OfficeBook``)."""

    def __init__(self, offices: list[Office], country_names: dict[str, str]) -> None:
        self.offices = offices
        self.country_names = country_names
        self._by_form: dict[str, list[Office]] = {}
        for o in offices:
            for f in o.forms:
                self._by_form.setdefault(f, []).append(o)

    def offices_by_form(self) -> dict[str, list[Office]]:
        return self._by_form


@cache
def frozen_offices() -> FrozenOffices:
    def day(v: str) -> date | None:
        return date.fromisoformat(v) if v else None

    offices = [Office(r["iso3"], r["office"], tuple(f for f in r["forms"].split("|") if f), r["holder"],
                      day(r["start"]), day(r["end"]), "frozen with schema migration 2")
               for r in _frozen("v2_offices.tsv")]
    return FrozenOffices(offices, {r["iso3"]: r["name"] for r in _frozen("v2_country_names.tsv")})


@cache
def _subjects() -> Mapping[str, tuple[str, bool]]:
    return MappingProxyType({r["name"]: (r["iso3"], r["country"] == "1") for r in _frozen("v4_subjects.tsv")})


def frozen_places(name: str) -> tuple[str | None, bool]:
    """``Places`` as migration 4 shipped with them."""
    return _subjects().get(name, (None, False))


def _v2_office_claims(con: sqlite3.Connection) -> None:
    # Titles already stored (roles) give office claims without re-extraction; relations need
    # the pages re-extracted (waishi ingest --force).
    backfill_office_claims(con, frozen_offices())


def _v4_figures(con: sqlite3.Connection) -> None:
    places: Places = frozen_places
    backfill_figures(con, places)


BACKFILLS: Mapping[int, Callable[[sqlite3.Connection], None]] = MappingProxyType({
    2: _v2_office_claims,
    4: _v4_figures,
})
