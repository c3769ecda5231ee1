"""Country names for display and for finding a country's figures, from the lexicon.

The store keeps ISO3 codes; people read 老挝. Facts keep their subjects as written
(越, 老挝, 越老 split into 越 and 老), so a country's figures are those whose subject is
one of its written forms: its names and its one-character abbreviations.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..lexicon import Lexicon

__all__ = ["CountryNames"]


@dataclass(frozen=True)
class CountryNames:
    names: dict[str, str] = field(default_factory=dict)  # ISO3 -> preferred Chinese name
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO3 -> every written form

    @classmethod
    @functools.cache
    def default(cls) -> CountryNames:
        return cls.from_lexicon(Lexicon.default())

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> CountryNames:
        forms: dict[str, list[str]] = {}
        for name, ent in lex.entities.items():
            if ent.kind == "country" and ent.iso3:
                forms.setdefault(ent.iso3, []).append(name)
        for abbr, codes in lex.abbrs.items():
            if len(codes) == 1:  # 阿 (three countries) names none of them
                forms.setdefault(codes[0], []).append(abbr)
        names = {k: v for k, v in lex.country_names.items() if v and not v.isascii()}
        return cls(names, {k: tuple(sorted(set(v), key=lambda s: (len(s), s))) for k, v in forms.items()})

    def name(self, iso3: str | None) -> str:
        """老挝 for LAO; the code itself when unknown."""
        if not iso3:
            return ""
        return self.names.get(iso3.upper(), iso3)

    def written(self, iso3: str) -> tuple[str, ...]:
        return self.forms.get(iso3.upper(), ())
