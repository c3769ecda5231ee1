"""Countries as people type them: ISO3 (LAO), the Chinese name (老挝), the English name (Laos)
or a Traditional form (老撾), all to one ISO3 code, saying what matched.

Every filter of the CLI and the API goes through ``CountryResolver.require``: an input
that names no country is an error that suggests the closest names, never an empty
result (issue 12: ``events --country 老挝`` used to return nothing with exit 0).
Chinese forms come from the lexicon (pycountry's zh_CN names and countries.tsv, with the
unambiguous one-character abbreviations such as 越); English ones from pycountry and
``country_aliases.tsv``; Traditional input is folded with OpenCC first.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field

from .errors import WaishiError
from .lexicon import Lexicon, read_tsv

__all__ = ["CountryMatch", "CountryResolver", "UnknownCountry", "fold"]

_KEY = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")


def _key(s: str) -> str:
    """Case, spaces and punctuation do not matter: 'Viet Nam' == 'vietnam'."""
    return _KEY.sub("", s.lower())


def fold(text: str) -> str:
    """Traditional characters to Simplified (範明政 -> 范明政); other text unchanged."""
    from .text.normalize import to_simplified

    return to_simplified(text) if text and not text.isascii() else text


class UnknownCountry(WaishiError):
    """No country goes by this name; ``suggestions`` are the closest ones (``Laos (LAO)``)."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no country matches {query!r} (give an ISO3 code, a Chinese or an English name){hint}")


@dataclass(frozen=True, slots=True)
class CountryMatch:
    iso3: str
    name: str  # the preferred Chinese name, 老挝
    english: str  # pycountry's name, Lao People's Democratic Republic
    query: str  # as typed
    how: str  # ISO3 code | ISO2 code | Chinese name | English name | Traditional form

    def describe(self) -> str:
        """'Laos -> LAO 老挝 (English name)': what a filter matched, for the user to see."""
        return f"{self.query} → {self.iso3} {self.name} ({self.how})"


@dataclass
class CountryResolver:
    chinese: dict[str, str] = field(default_factory=dict)  # written form -> ISO3
    english: dict[str, str] = field(default_factory=dict)  # _key(English) -> ISO3
    labels: dict[str, str] = field(default_factory=dict)  # _key(English) -> English as written
    codes: dict[str, str] = field(default_factory=dict)  # ISO3/ISO2 -> ISO3
    names: dict[str, str] = field(default_factory=dict)  # ISO3 -> preferred Chinese name
    english_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> English name

    @classmethod
    @functools.cache
    def default(cls) -> CountryResolver:
        return cls.from_lexicon(Lexicon.default())

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> CountryResolver:
        import pycountry

        r = cls()
        for name, ent in lex.entities.items():
            if ent.kind == "country" and ent.iso3:
                r.chinese[name] = ent.iso3
        for abbr, codes in lex.abbrs.items():
            if len(codes) == 1:  # 阿 names three countries: none of them
                r.chinese.setdefault(abbr, codes[0])
        r.names = {k: v for k, v in lex.country_names.items() if v and not v.isascii()}
        for c in pycountry.countries:
            r.codes[c.alpha_3] = c.alpha_3
            r.codes[c.alpha_2] = c.alpha_3
            r.english_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
            for attr in ("name", "official_name", "common_name"):
                en = getattr(c, attr, None)
                if en:
                    r.english.setdefault(_key(en), c.alpha_3)
                    r.labels.setdefault(_key(en), en)
        for row in read_tsv("country_aliases.tsv", ["alias", "iso3"]):
            r.english[_key(row["alias"])] = row["iso3"]
            r.labels[_key(row["alias"])] = row["alias"]
            if row["iso3"] in r.english_names and len(row["alias"]) > 3 and \
                    len(row["alias"]) < len(r.english_names[row["iso3"]]) and row["alias"][0].isupper():
                r.english_names[row["iso3"]] = row["alias"]  # Laos over Lao People's Democratic Republic
        return r

    def _match(self, q: str, query: str) -> CountryMatch | None:
        if q in self.chinese:
            iso = self.chinese[q]
            how = "Chinese name" if q == query else "Traditional form"
        elif q.isascii() and len(q) in (2, 3) and q.upper() in self.codes and q.upper() == q.upper().strip():
            iso = self.codes[q.upper()]
            how = "ISO3 code" if len(q) == 3 else "ISO2 code"
            if len(q) == 2 and _key(q) in self.english:  # US is a code and an alias: same answer
                iso = self.english[_key(q)]
        elif q.isascii() and _key(q) in self.english:
            iso = self.english[_key(q)]
            how = "English name"
        else:
            return None
        return CountryMatch(iso, self.names.get(iso, iso), self.english_names.get(iso, iso), query, how)

    def resolve(self, query: str | None) -> CountryMatch | None:
        """The country ``query`` names, or None."""
        if query is None or not query.strip():
            return None
        q = query.strip()
        return self._match(q, q) or (self._match(fold(q), q) if not q.isascii() else None)

    def require(self, query: str) -> CountryMatch:
        """Like ``resolve``; raises ``UnknownCountry`` (with the closest names) when nothing matches."""
        got = self.resolve(query)
        if got is None:
            raise UnknownCountry(query, self.suggest(query))
        return got

    def suggest(self, query: str, n: int = 3) -> list[str]:
        """The closest names to ``query``: 'Laos (LAO)', '老挝 (LAO)'."""
        q = query.strip()
        out: list[str] = []
        if q.isascii():
            seen: set[str] = set()
            for k in difflib.get_close_matches(_key(q), list(self.english), n=3 * n, cutoff=0.6):
                if self.english[k] not in seen and len(out) < n:
                    seen.add(self.english[k])
                    out.append(f"{self.labels.get(k, k)} ({self.english[k]})")
        else:
            folded = fold(q)
            pool = [k for k in self.chinese if len(k) > 1]
            for k in difflib.get_close_matches(folded, pool, n=n, cutoff=0.5):
                out.append(f"{k} ({self.chinese[k]})")
        return out
