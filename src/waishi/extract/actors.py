"""What an event's actor is, by the gazetteer: a country, a place, a body of some country, or other.

The store's writer asks this of every actor name it stores that is not a person it
identified (person identity is the store's, across pages); the answer decides how the
actor matches other reports of the same event (store/merge.py ``actor_keys``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon

__all__ = ["ActorClass", "classify_actor"]


@dataclass(frozen=True, slots=True)
class ActorClass:
    kind: str  # country | place | org | other
    iso3: str | None


def classify_actor(lex: Lexicon, name: str, side_iso3: Sequence[str] = (), side_size: int = 0) -> ActorClass:
    """The kind and country of an actor name as written.

    A gazetteer entry gives both (a region counts as a place); an unknown name holding a
    known one (越南外交部代表团) is a body of that one's country. A lone actor of a side
    whose extraction found exactly one country (``side_iso3``) takes that country.
    """
    ent = lex.entities.get(name)
    iso3: str | None
    if ent is not None:
        kind = "country" if ent.kind == "country" else "place" if ent.kind in ("place", "region") else "org"
        iso3 = lex.country_of(name)
    else:
        kind, iso3 = "other", None
        for found, _s, _e in lex.find("gazetteer", name):
            iso3 = lex.country_of(found)
            if iso3:
                kind = "org"  # a delegation, ministry or city body of that country
                break
    if iso3 is None and side_size == 1 and len(side_iso3) == 1:
        iso3 = side_iso3[0]
    return ActorClass(kind, iso3)
