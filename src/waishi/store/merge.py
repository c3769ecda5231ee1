"""Cross-page identity: when two sightings are one person, when two reports are one event.

Pure functions over plain values; writer.py feeds them rows and applies the verdicts.
The rules (docs/store.md, "Across pages"):

People: a sighting joins an existing person of the same name whose country is
the same or unknown on either side, preferring one whose titles are compatible
(same title, one the end of the other, or the same head word such as 总理);
a different known country is a different person.

Events: a report joins an existing event of the same type whose date interval
overlaps its own (visits: within three days, one trip is reported on several
days) and whose actors overlap: on both sides when both sides are known, in
either order for symmetric types (meet, phone_call, sign). A place counts as
its country, and a country stands for its people and bodies.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicon import Lexicon

__all__ = [
    "PRECISION_RANK",
    "SYMMETRIC_TYPES",
    "Actor",
    "PersonCandidate",
    "actor_keys",
    "actors_match",
    "choose_person",
    "date_interval",
    "intervals_overlap",
    "title_key",
    "TitleParser",
]

# Most precise first; an event takes the date of its most precise report.
PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
SYMMETRIC_TYPES = frozenset({"meet", "phone_call", "sign"})
# A state visit is reported on arrival, during and at the end: one trip, several days.
TOLERANCE_DAYS = {"visit": 3}
# No report's date interval is longer (a year-precision date is the longest); the
# candidate search of writer.py relies on it to bound its index range.
MAX_SPAN_DAYS = 366

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def date_interval(value: str | None, end: str | None = None,
                  year: int | None = None) -> tuple[str | None, str | None, str | None]:
    """``(precision, lo, hi)`` of an event date; ISO days for lo and hi.

    A missing date falls back to the document's ``year`` for matching (precision
    None: the event's own date stays unknown); with neither, all three are None.
    """
    try:
        if value:
            if m := _DAY.match(value):
                lo = date(int(m[1]), int(m[2]), int(m[3]))
                hi = lo
                if end and _DAY.match(end):
                    hi = min(max(lo, date.fromisoformat(end)), lo + timedelta(days=MAX_SPAN_DAYS))
                return "day", lo.isoformat(), hi.isoformat()
            if m := _MONTH.match(value):
                y, mo = int(m[1]), int(m[2])
                last = calendar.monthrange(y, mo)[1]
                return "month", date(y, mo, 1).isoformat(), date(y, mo, last).isoformat()
            if m := _YEAR.match(value):
                return "year", f"{m[1]}-01-01", f"{m[1]}-12-31"
    except ValueError:
        pass
    if year:
        return None, f"{year:04d}-01-01", f"{year:04d}-12-31"
    return None, None, None


def widen(lo: str, hi: str, days: int) -> tuple[str, str]:
    if not days:
        return lo, hi
    return ((date.fromisoformat(lo) - timedelta(days=days)).isoformat(),
            (date.fromisoformat(hi) + timedelta(days=days)).isoformat())


def intervals_overlap(a: tuple[str, str], b: tuple[str, str], days: int = 0) -> bool:
    lo, hi = widen(a[0], a[1], days)
    return lo <= b[1] and b[0] <= hi


def title_key(title: str) -> str:
    """A headline reduced for comparison: NFKC, no spaces or punctuation.

    The source count of an event counts distinct headlines, so a teaser repeating
    an article's headline, or a copy of a page at another URL, is not a second source.
    """
    return _PUNCT.sub("", unicodedata.normalize("NFKC", title)).lower()


# -- events ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of one report: the name as written and the keys it matches by."""

    role: str  # source | target
    name: str
    kind: str  # person | country | place | org | other
    iso3: str | None
    person_id: int | None
    key: str
    alt_key: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, self.alt_key) if self.alt_key else (self.key,)


def actor_keys(name: str, kind: str, iso3: str | None, person_id: int | None) -> tuple[str, str | None]:
    """``(key, alt_key)`` an actor matches by.

    ``p:<id>`` for people, ``c:<ISO3>`` for countries, ``n:<name>`` for the rest.
    A place's ``alt_key`` is its country (a visit to Hanoi is a visit to Vietnam);
    a person's or body's is ``o:<ISO3>``, which a country matches but another person
    or body of that country does not (越南 gives aid = 越南政府 gives aid; two
    Vietnamese ministries are two parties).
    """
    if person_id is not None:
        return f"p:{person_id}", (f"o:{iso3}" if iso3 else None)
    if kind == "country" and iso3:
        return f"c:{iso3}", None
    if not iso3:
        return f"n:{name}", None
    return f"n:{name}", (f"c:{iso3}" if kind == "place" else f"o:{iso3}")


def _side(a: Iterable[str], b: Iterable[str]) -> bool | None:
    """True: the sides share an actor; False: both known, none shared; None: a side is empty."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return None
    if any(k[0] != "o" for k in sa & sb):
        return True
    # a country stands for its people and bodies
    if any(f"o:{k[2:]}" in sb for k in sa if k[0] == "c") or any(f"o:{k[2:]}" in sa for k in sb if k[0] == "c"):
        return True
    # names match when one contains the other (第44届东盟峰会 / 东盟峰会), as the gold scorer does
    na = [k[2:] for k in sa if k.startswith("n:") and len(k) > 3]
    nb = [k[2:] for k in sb if k.startswith("n:") and len(k) > 3]
    return any(x in y or y in x for x in na for y in nb)


def _both(p: bool | None, q: bool | None) -> bool:
    if p is False or q is False:
        return False
    return p is True or q is True


def actors_match(type_: str, src_a: Iterable[str], tgt_a: Iterable[str],
                 src_b: Iterable[str], tgt_b: Iterable[str]) -> bool:
    """Whether two reports' actor keys describe the same participants."""
    if _both(_side(src_a, src_b), _side(tgt_a, tgt_b)):
        return True
    # "A met B" against "B met A"; "A and B held talks" (no target) already matched above
    return type_ in SYMMETRIC_TYPES and _both(_side(src_a, tgt_b), _side(tgt_a, src_b))


# -- people ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonCandidate:
    id: int
    country: str | None
    titles: tuple[str, ...]


class TitleParser:
    """Head word, organisation and country of a title string, read with the lexicons."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._heads: dict[str, str] = {}  # titles recur on every page: read each once

    def head(self, title: str) -> str:
        """The title word the string ends with (总理 in 越南政府总理), or the string itself."""
        got = self._heads.get(title)
        if got is None:
            got = self._heads[title] = self._head(title)
        return got

    def _head(self, title: str) -> str:
        found = [(w, s, e) for w, s, e in self.lex.find("titles", title) if self.lex.titles.get(w) != "block"]
        for w, _s, e in reversed(found):
            if e == len(title):
                return w
        return title

    def split(self, title: str) -> tuple[str | None, str | None]:
        """``(organisation, ISO3)``: 越南政府总理 -> (越南政府, VNM); 外长 -> (None, None)."""
        head = self.head(title)
        org = title[: len(title) - len(head)].strip("、，, ") if head != title else ""
        country = None
        for name, _s, _e in self.lex.find("gazetteer", org or title):
            country = self.lex.country_of(name)
            if country:
                break
        return (org or None), country

    def affinity(self, a: Sequence[str], b: Sequence[str]) -> int:
        """2: a title in common (or one ending the other: 外长 / 越南外长); 1: the same head
        word (总理 / 越南政府总理, 省委书记 / 市委书记); 0: nothing in common."""
        if any(t == u or t.endswith(u) or u.endswith(t) for t in a for u in b):
            return 2
        heads_b = {self.head(u) for u in b}
        return int(any(self.head(t) in heads_b for t in a))

    def compatible(self, a: Sequence[str], b: Sequence[str]) -> bool:
        """Titles that can be one person's (either list empty counts as compatible)."""
        return not a or not b or self.affinity(a, b) > 0


def choose_person(candidates: Sequence[PersonCandidate], country: str | None, titles: Sequence[str],
                  parser: TitleParser, documents: dict[int, int] | None = None) -> int | None:
    """The id of the person a sighting (same name) belongs to, or None for a new person.

    ``documents`` gives candidates' document counts, used only to break ties.
    """
    fits = [c for c in candidates if c.country is None or country is None or c.country == country]
    if not fits:
        return None

    def rank(c: PersonCandidate) -> tuple[int, int, int, int]:
        same_country = int(country is not None and c.country == country)
        titled = parser.affinity(titles, c.titles) if titles and c.titles else 0
        docs = (documents or {}).get(c.id, 0)
        return (titled, same_country, docs, -c.id)

    best = max(fits, key=rank)
    return best.id
