"""Lexicons: data files under ``lexicon/data/*.tsv`` loaded into one object.

The object is built once (``Lexicon.default()``) and passed to the pipeline
stages; it pickles for Dask workers (the compiled automata are rebuilt lazily on
the other side, because ahocorasick-rs objects do not pickle).

Country names come from pycountry's zh_CN translations plus ``countries.tsv``
(the genre's own forms, and fixes such as pycountry's 柬埔塞 typo).
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import functools
import gettext
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick_rs as ac

from ..errors import LexiconError

LOGGER = logging.getLogger(__name__)

__all__ = ["Lexicon", "Entity", "Office", "Congress", "Trigger", "RelationWord", "Visit", "read_tsv"]


def read_tsv(name: str, header: list[str], data_dir: Path | None = None) -> Iterator[dict[str, str]]:
    """Rows of ``data/<name>`` as dicts; ``#`` lines are comments; checks the header."""
    try:
        if data_dir is not None:
            raw = (data_dir / name).read_text(encoding="utf-8")
        else:
            raw = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise LexiconError(f"lexicon file {name} is missing") from e
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    got = next(reader)
    if [h.strip() for h in got] != header:
        raise LexiconError(f"{name}: header {got!r}, expected {header!r}")
    for lineno, row in enumerate(reader, start=2):
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        if len(row) > len(header):
            raise LexiconError(f"{name}: line {lineno}: {len(row)} columns, expected {len(header)}")
        yield {h: v.strip() for h, v in zip(header, row, strict=True)}


_VISIT_KINDS = ("state", "official", "working", "summit", "other")


def _day_span(s: str, last: bool) -> date | None:
    """YYYY-MM-DD, or YYYY-MM as its first (or last) day."""
    d = _date(s)
    if d is not None or not re.fullmatch(r"\d{4}-\d{2}", s):
        return d
    y, m = int(s[:4]), int(s[5:])
    if not 1 <= m <= 12:
        return None
    if not last:
        return date(y, m, 1)
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def _visit(name: str, row: dict[str, str]) -> Visit:
    start = _day_span(row["start"], last=False)
    end = _day_span(row["end"] or row["start"], last=True)
    if start is None or end is None or end < start or row["kind"] not in _VISIT_KINDS or not row["visitor"]:
        raise LexiconError(f"{name}: bad row {row!r} (dates YYYY-MM[-DD], end not before start, "
                           f"kind one of {', '.join(_VISIT_KINDS)})")
    return Visit(row["visitor"], row["visitor_iso3"], row["host_iso3"], start, end, row["kind"], row["source"])


def _date(s: str) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


# Matches of Lexicon.find within one page (see page_scope); None outside a page. A context
# variable, so threads and tasks extracting at once each have their own.
_PAGE_FINDS: contextvars.ContextVar[dict[tuple[int, str, str], tuple[tuple[str, int, int], ...]] | None] = \
    contextvars.ContextVar("waishi_page_finds", default=None)


@contextlib.contextmanager
def page_scope() -> Iterator[None]:
    """Remember :meth:`Lexicon.find`'s matches while one page is read, and forget them after:
    the same text searched again gives the same matches, and nothing outlives the page."""
    token = _PAGE_FINDS.set({})
    try:
        yield
    finally:
        _PAGE_FINDS.reset(token)


@dataclass(frozen=True, slots=True)
class Entity:
    """A gazetteer entry: a country, a place or an organisation."""

    name: str
    kind: str  # country | place | org | region
    iso3: str | None
    sub: str = ""  # place kind (province, city, capital ...) or org kind (intl, party ...)
    parent: str = ""
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class Office:
    iso3: str
    office: str
    forms: tuple[str, ...]
    holder: str
    start: date | None
    end: date | None
    source: str


@dataclass(frozen=True, slots=True)
class Congress:
    party: str
    number: int
    forms: tuple[str, ...]
    opened: date | None
    closed: date | None


@dataclass(frozen=True, slots=True)
class Series:
    """A numbered recurring meeting: session ``first`` was held in ``base``, ``per_year`` a year,
    once every ``every`` years (the World Conference of Speakers of Parliament: every five)."""
    name: str
    first: int
    base: int
    per_year: int
    every: int = 1

    def year_of(self, n: int) -> int | None:
        return self.base + (n - self.first) // self.per_year * self.every if n >= self.first else None


# (the text is matched with a hyphen between hanzi read as a name dot: 湄公河·澜沧江)
_DASHES = "—-–－·"


def _pair_variants(name: str, known: Callable[[str], bool]) -> list[str]:
    """A name joining two parties (中国—东盟博览会) is written with either first and with any dash
    (东盟—中国博览会, 中国-东盟博览会); ``known`` tells a party's name (a country or body) from the
    rest of the name, which stays last."""
    i = next((k for k, ch in enumerate(name) if ch in _DASHES), -1)
    if i < 2:
        return []
    a, tail = name[:i], name[i + 1:]
    b = next((tail[:k] for k in range(len(tail) - 1, 1, -1) if known(tail[:k])), None)
    if b is None or not known(a):
        return [name[:i] + d + tail for d in _DASHES]
    rest = tail[len(b):]
    return [f"{x}{d}{y}{rest}" for x, y in ((a, b), (b, a)) for d in _DASHES]


def series_year(rows: list[Series], n: int) -> int | None:
    """Year of session ``n`` from the series' rows (sorted by ``first``)."""
    fit = [s for s in rows if s.first <= n]
    return fit[-1].year_of(n) if fit else None


@dataclass(frozen=True, slots=True)
class Frame:
    """An event type's frame (frames.tsv): its reader, whether its sides are unordered, and the
    actor kinds that fill its source and target."""

    type: str
    reader: str
    symmetric: bool
    source: tuple[str, ...]
    target: tuple[str, ...]


_READERS = ("meeting", "call", "signing", "trip", "gathering", "message", "gift")
_KINDS = ("person", "org", "country", "group", "place")


@dataclass(frozen=True, slots=True)
class Trigger:
    pattern: str
    type: str  # event type, or "block" for strings that contain a trigger but are none
    mode: str  # state / official / working / ... for visits; "" otherwise


@dataclass(frozen=True, slots=True)
class RelationWord:
    """A word of ``tiers.tsv``: a partnership tier phrase, or a verb or marker around one."""
    pattern: str
    kind: str  # tier | upgrade | establish | goal | aim | aim_after | decision
    tier: str = ""  # canonical tier key, for kind tier
    rank: int = 0  # the tier's level (higher = closer), for kind tier


@dataclass(frozen=True, slots=True)
class Visit:
    """A dated trip of a leader (visits_vn.tsv: Vietnam's leaders abroad; visits_partners.tsv:
    partners' leaders in Vietnam). ``start``/``end`` are the first and last day the row allows
    (a month-only row spans the month)."""

    visitor: str
    visitor_iso3: str
    host_iso3: str
    start: date
    end: date
    kind: str
    source: str


@dataclass
class Lexicon:
    entities: dict[str, Entity] = field(default_factory=dict)  # name -> entity (longest form wins at match)
    abbrs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 越 -> (VNM,)
    titles: dict[str, str] = field(default_factory=dict)  # title word -> kind ("block" = not a title)
    offices: list[Office] = field(default_factory=list)
    relations: dict[str, date] = field(default_factory=dict)  # ISO3 -> date relations with Vietnam began
    pair_relations: dict[frozenset[str], date] = field(default_factory=dict)  # two others' relations
    anniversaries: dict[str, date] = field(default_factory=dict)  # key phrase -> founding date
    world_events: dict[str, tuple[int, str]] = field(default_factory=dict)  # phrase -> (year, since|point|gathering)
    gathering_months: dict[str, str] = field(default_factory=dict)  # a gathering's phrase -> YYYY-MM
    congresses: list[Congress] = field(default_factory=list)
    series: dict[str, list[Series]] = field(default_factory=dict)
    surnames_vn: frozenset[str] = frozenset()
    surnames_cn: frozenset[str] = frozenset()
    name_stops: tuple[str, ...] = ()
    goods: tuple[str, ...] = ()  # goods.tsv: things shipped or handed over, no travellers
    furniture_head: frozenset[str] = frozenset()  # page_furniture.tsv: lines before a headline
    furniture_tail: frozenset[str] = frozenset()  # lines that end the article
    furniture_head_re: re.Pattern[str] | None = None  # page_furniture.tsv head_pattern rows, joined
    honorifics: tuple[str, ...] = ()  # name_words.tsv: 同志, 先生 …
    name_suffixes: tuple[str, ...] = ()  # 夫人, 长老 …: stripped from a name's end
    titles_after: tuple[str, ...] = ()  # 外长, 首相 … written after a known name
    honorifics_before: tuple[str, ...] = ()  # 拿督斯里 …: between a title and the name, not part of it
    party_of: dict[str, str] = field(default_factory=dict)  # iso3 -> ruling party (parties.tsv)
    triggers: dict[str, Trigger] = field(default_factory=dict)
    frames: dict[str, Frame] = field(default_factory=dict)  # event type -> its frame (frames.tsv)
    event_nouns: tuple[str, ...] = ()
    press_nouns: tuple[str, ...] = ()
    not_counted_people: tuple[str, ...] = ()
    modality: dict[str, str] = field(default_factory=dict)  # marker -> factuality (modality.tsv)
    relation_words: dict[str, RelationWord] = field(default_factory=dict)  # tiers.tsv
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> preferred Chinese name
    fact_kinds: tuple[tuple[str, str, str], ...] = ()  # fact_kinds.tsv: (word, kind, before|after)
    not_counted: tuple[str, ...] = ()  # not_counted.tsv: counted nouns that are no relations figure
    visits: dict[str, list[Visit]] = field(default_factory=dict)  # visitor name -> his dated trips
    bodies: dict[str, tuple[date | None, date | None]] = field(default_factory=dict)  # name -> (from, until)
    chairs: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # form -> [(iso3, year)] (chairs.tsv)
    _automata: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- pickling: automata are rebuilt on demand ---------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_automata"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # -- construction ---------------------------------------------------------------
    @classmethod
    @functools.cache
    def default(cls) -> Lexicon:
        """The lexicon of the bundled data files (built once per process)."""
        return cls.load()

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> Lexicon:
        """Build from the bundled data files, or from ``data_dir`` (same file names)."""
        lex = cls()
        ddir = Path(data_dir) if data_dir is not None else None

        def read_tsv(name: str, header: list[str]) -> Iterator[dict[str, str]]:
            return _read(name, header, ddir)

        lex._load_countries(read_tsv)
        lex._load_names(read_tsv)
        lex._load_dated(read_tsv)
        lex._load_words(read_tsv)
        return lex

    def _load_names(self, read_tsv: Callable[[str, list[str]], Iterator[dict[str, str]]]) -> None:
        """Places, organisations, titles, offices and diplomatic relations."""
        for row in read_tsv("places.tsv", ["name", "iso3", "kind", "parent", "valid_from", "valid_to"]):
            kind = "region" if row["kind"] == "region" else "place"
            self._add(Entity(row["name"], kind, row["iso3"] or None, row["kind"], row["parent"],
                            _date(row["valid_from"]), _date(row["valid_to"])))
        for row in read_tsv("orgs.tsv", ["name", "iso3", "kind"]):
            self._add(Entity(row["name"], "org", row["iso3"] or None, row["kind"]))
        for row in read_tsv("titles.tsv", ["title", "kind"]):
            self.titles[row["title"]] = row["kind"]
        for row in read_tsv("offices.tsv", ["iso3", "office", "forms", "holder", "start", "end", "source"]):
            forms = tuple(f for f in row["forms"].split("|") if f)
            self.offices.append(Office(row["iso3"], row["office"], forms, row["holder"],
                                      _date(row["start"]), _date(row["end"]), row["source"]))
        for row in read_tsv("relations.tsv", ["iso3", "established", "source"]):
            d = _date(row["established"])
            if d:
                self.relations[row["iso3"]] = d
        for row in read_tsv("relations_pairs.tsv", ["a", "b", "established", "source"]):
            d = _date(row["established"])
            if d:
                self.pair_relations[frozenset((row["a"], row["b"]))] = d

    def _load_dated(self, read_tsv: Callable[[str, list[str]], Iterator[dict[str, str]]]) -> None:
        """What dates a page: anniversaries, world events, numbered series, party congresses."""
        for row in read_tsv("anniversaries.tsv", ["pattern", "date", "note"]):
            d = _date(row["date"])
            if d:
                self.anniversaries[row["pattern"]] = d
        for row in read_tsv("world_events.tsv", ["pattern", "year", "use", "note"]):
            when = row["year"]
            if row["use"] not in ("since", "point", "gathering") or not (
                    when.isdigit() or (row["use"] == "gathering" and re.fullmatch(r"\d{4}-\d{2}", when))):
                raise LexiconError(f"world_events.tsv: bad row {row!r} (year a number, or YYYY-MM for a gathering; "
                                   "use since, point or gathering)")
            self.world_events[row["pattern"]] = (int(when[:4]), row["use"])
            if row["use"] == "gathering":
                self.gathering_months[row["pattern"]] = when
        for row in read_tsv("series.tsv", ["name", "first", "base", "per_year", "every"]):
            try:
                s = Series(row["name"], int(row["first"]), int(row["base"]), int(row["per_year"]),
                           int(row["every"] or 1))
                self.series.setdefault(s.name, []).append(s)
            except ValueError as e:
                raise LexiconError(f"series.tsv: bad number in row {row!r}") from e
        for name, rows in list(self.series.items()):
            for variant in _pair_variants(name, lambda n: n in self.entities):
                self.series.setdefault(variant, rows)
        for rows in self.series.values():
            rows.sort(key=lambda s: s.first)
        for name in ("visits_vn.tsv", "visits_partners.tsv", "visits_vn_ministers.tsv", "visits_partner_ministers.tsv",
                     "visits_region.tsv"):
            for row in read_tsv(name, ["visitor", "visitor_iso3", "host_iso3", "start", "end", "kind", "source"]):
                v = _visit(name, row)
                self.visits.setdefault(v.visitor, []).append(v)
        self._short_visitors()
        self._load_names_in_time(read_tsv)
        for row in read_tsv("congresses.tsv", ["party", "number", "forms", "opened", "closed"]):
            try:
                number = int(row["number"])
            except ValueError as e:
                raise LexiconError(f"congresses.tsv: bad number {row['number']!r}") from e
            self.congresses.append(Congress(row["party"], number, tuple(f for f in row["forms"].split("|") if f),
                                           _date(row["opened"]), _date(row["closed"])))

    def _short_visitors(self) -> None:
        """A dotted visitor is written by his last name alone too (苏什玛·斯瓦拉杰 → 斯瓦拉杰): that form
        stands for his trips when no other visitor shares it and it is no name of its own."""
        owners: dict[str, set[str]] = {}  # (two spellings of one name, 苏什马/苏什玛, are of one country)
        for full in self.visits:
            short = full.rsplit("·", 1)[-1]
            if "·" in full and len(short) >= 3:
                owners.setdefault(short, set()).add(self.visits[full][0].visitor_iso3)
        for short, fulls in owners.items():
            if len(fulls) == 1 and short not in self.visits:
                self.visits[short] = [v for full in self.visits if "·" in full and full.rsplit("·", 1)[-1] == short
                                      for v in self.visits[full]]
        # a transliteration written with another character for one syllable (斯瓦拉吉 / 斯瓦拉杰): an
        # office holder of the visitor's country whose name differs from a visitor's in one later
        # character stands for that visitor's trips, when no other visitor's name is that close
        by_len: dict[tuple[str, int], list[str]] = {}
        for name, trips in self.visits.items():
            if len(name) >= 3 and "·" not in name:
                by_len.setdefault((trips[0].visitor_iso3, len(name)), []).append(name)
        for o in self.offices:
            for h in {o.holder, o.holder.rsplit("·", 1)[-1]}:
                if len(h) < 3 or h in self.visits:
                    continue
                close = [n for n in by_len.get((o.iso3, len(h)), ()) if n[0] == h[0] and sum(a != b for a, b in zip(n, h, strict=True)) == 1]
                if len(close) == 1:
                    self.visits[h] = self.visits[close[0]]

    def _load_names_in_time(self, read_tsv: Callable[[str, list[str]], Iterator[dict[str, str]]]) -> None:
        """Names that date a page: bodies named only from or until a month, rotating chairs."""
        for row in read_tsv("bodies.tsv", ["name", "iso3", "from", "until", "source"]):
            self.bodies[row["name"]] = _body(row)
        for row in read_tsv("chairs.tsv", ["body", "forms", "iso3", "year", "source"]):
            if not row["year"].isdigit() or len(row["iso3"]) != 3 or not row["forms"]:
                raise LexiconError(f"chairs.tsv: bad row {row!r} (forms, an ISO3 code and a year)")
            for form in row["forms"].split("|"):
                self.chairs.setdefault(form, []).append((row["iso3"], int(row["year"])))

    def _load_frames(self, read_tsv: Callable[[str, list[str]], Iterator[dict[str, str]]]) -> None:
        """Event frames, and the triggers that set them up (each type must have its frame)."""
        for row in read_tsv("frames.tsv", ["type", "reader", "symmetric", "source", "target"]):
            self.frames[row["type"]] = _frame(row)
        for row in read_tsv("triggers.tsv", ["pattern", "type", "mode"]):
            if row["type"] != "block" and row["type"] not in self.frames:
                raise LexiconError(f"triggers.tsv: type {row['type']!r} of {row['pattern']!r} has no frame in frames.tsv")
            self.triggers[row["pattern"]] = Trigger(row["pattern"], row["type"], row["mode"])

    def _load_words(self, read_tsv: Callable[[str, list[str]], Iterator[dict[str, str]]]) -> None:
        """Word lists: surnames, name stops, triggers, event nouns, modality, tiers, fact kinds."""
        vn: set[str] = set()
        cn: set[str] = set()
        for row in read_tsv("surnames.tsv", ["surname", "origin"]):
            origins = row["origin"].split("|")
            if "VN" in origins:
                vn.add(row["surname"])
            if "CN" in origins:
                cn.add(row["surname"])
        self.surnames_vn, self.surnames_cn = frozenset(vn), frozenset(cn)
        self.name_stops = tuple(r["word"] for r in read_tsv("name_stops.tsv", ["word"]))
        self.goods = tuple(r["word"] for r in read_tsv("goods.tsv", ["word"]))
        furniture = list(read_tsv("page_furniture.tsv", ["line", "where"]))
        if any(r["where"] not in ("head", "tail", "head_pattern") for r in furniture):
            raise LexiconError("page_furniture.tsv: where must be head, tail or head_pattern")
        pats = [r["line"] for r in furniture if r["where"] == "head_pattern"]
        try:
            self.furniture_head_re = re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None
        except re.error as exc:
            raise LexiconError(f"page_furniture.tsv: bad head_pattern: {exc}") from exc
        self.furniture_head = frozenset(r["line"] for r in furniture if r["where"] == "head")
        self.furniture_tail = frozenset(r["line"] for r in furniture if r["where"] == "tail")
        words = list(read_tsv("name_words.tsv", ["word", "kind"]))
        if any(r["kind"] not in ("honorific", "suffix", "title_after", "before") for r in words):
            raise LexiconError("name_words.tsv: kind must be honorific, suffix, title_after or before")
        self.honorifics = tuple(r["word"] for r in words if r["kind"] == "honorific")
        self.name_suffixes = tuple(r["word"] for r in words if r["kind"] == "suffix")
        self.titles_after = tuple(r["word"] for r in words if r["kind"] == "title_after")
        # (longest first: 拿督斯里 before 拿督)
        self.honorifics_before = tuple(sorted((r["word"] for r in words if r["kind"] == "before"), key=len, reverse=True))
        self.party_of = {r["iso3"]: r["party"] for r in read_tsv("parties.tsv", ["iso3", "party", "name"])}
        self._load_frames(read_tsv)
        event_rows = list(read_tsv("event_nouns.tsv", ["noun", "kind"]))
        self.event_nouns = tuple(r["noun"] for r in event_rows)
        self.press_nouns = tuple(r["noun"] for r in event_rows if r["kind"] == "press")
        self.modality = {r["marker"]: r["factuality"] for r in read_tsv("modality.tsv", ["marker", "factuality"])}
        for row in read_tsv("tiers.tsv", ["pattern", "kind", "tier", "rank", "note"]):
            try:
                rank = int(row["rank"] or 0)
            except ValueError as e:
                raise LexiconError(f"tiers.tsv: bad rank in row {row!r}") from e
            if row["kind"] == "tier" and not row["tier"]:
                raise LexiconError(f"tiers.tsv: tier row without a tier key: {row['pattern']!r}")
            self.relation_words[row["pattern"]] = RelationWord(row["pattern"], row["kind"], row["tier"], rank)
        kinds = []
        for row in read_tsv("fact_kinds.tsv", ["word", "kind", "position"]):
            if row["kind"] not in ("result", "target", "forecast") or row["position"] not in ("before", "after"):
                raise LexiconError(f"fact_kinds.tsv: bad kind or position in row {row!r}")
            kinds.append((row["word"], row["kind"], row["position"]))
        self.fact_kinds = tuple(kinds)
        nouns: list[str] = []
        people: list[str] = []
        for row in read_tsv("not_counted.tsv", ["noun", "kind"]):
            if row["kind"] not in ("admin", "people", "weather", "goods", "programme", "economy", "organisation") \
                    or not row["noun"]:
                raise LexiconError(f"not_counted.tsv: bad row {row!r} (kind admin, people, weather, goods, programme, "
                                   "economy or organisation)")
            nouns.append(row["noun"])
            if row["kind"] == "people" and len(row["noun"]) >= 2:
                people.append(row["noun"])
        self.not_counted = tuple(sorted(nouns, key=len, reverse=True))
        self.not_counted_people = tuple(people)

    def tier_rank(self, tier: str | None) -> int:
        """The rank of a canonical tier key (0 when unknown)."""
        for w in self.relation_words.values():
            if w.kind == "tier" and w.tier == tier:
                return w.rank
        return 0

    def _load_countries(self, read_tsv: Any) -> None:
        import pycountry  # heavy import, only here

        zh: Callable[[str], str]
        try:
            zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"]).gettext
        except OSError:  # no translations shipped: the TSV still gives the genre's forms
            zh = str
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                en = getattr(c, attr, None)
                if not en:
                    continue
                name = zh(en)
                if name and name != en and name not in self.entities:
                    self._add(Entity(name, "country", c.alpha_3, "name"))
            self.country_names.setdefault(c.alpha_3, zh(c.name))
        abbrs: dict[str, list[str]] = {}
        from_tsv: set[str] = set()
        for row in read_tsv("countries.tsv", ["name", "iso3", "kind"]):
            if row["kind"] == "abbr":
                abbrs.setdefault(row["name"], []).append(row["iso3"])
                continue
            self._add(Entity(row["name"], "country", row["iso3"], row["kind"]), override=True)
            if row["kind"] == "name" and not self.country_names.get(row["iso3"], "").isascii():
                # prefer the genre's short form (老挝 over 老挝人民民主共和国) when it is shorter
                # (the TSV's forms beat pycountry's, which has typos such as 柬埔塞)
                cur = self.country_names.get(row["iso3"])
                if cur is None or row["iso3"] not in from_tsv or len(row["name"]) < len(cur):
                    self.country_names[row["iso3"]] = row["name"]
                    from_tsv.add(row["iso3"])
        self.abbrs = {k: tuple(v) for k, v in abbrs.items()}

    def _add(self, ent: Entity, override: bool = False) -> None:
        cur = self.entities.get(ent.name)
        # A country keeps its name against a same-named capital (新加坡, 科威特 ...).
        if cur is None or override or (cur.kind != "country" and ent.kind == "country"):
            self.entities[ent.name] = ent

    # -- automata -------------------------------------------------------------------
    def automaton(self, name: str) -> tuple[Any, list[str]]:
        """(compiled automaton, its patterns) for ``gazetteer``, ``titles`` or ``triggers``."""
        got = self._automata.get(name)
        if got is None:
            if name == "gazetteer":
                pats = sorted(self.entities)
            elif name == "titles":
                pats = sorted(self.titles)
            elif name == "triggers":
                pats = sorted(self.triggers)
            elif name == "relations":
                pats = sorted(self.relation_words)
            elif name == "people":
                pats = sorted({o.holder for o in self.offices})
            else:
                raise KeyError(name)
            got = (ac.AhoCorasick(pats, matchkind=ac.MatchKind.LeftmostLongest), pats)
            self._automata[name] = got
        return got

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """A table derived from the lexicon, built on first use and kept with the automata
        (dropped on pickling like them, rebuilt on the other side)."""
        got = self._automata.get(key)
        if got is None:
            got = self._automata[key] = build()
        return got

    def names_any(self, key: str, words: Callable[[], Iterable[str]], text: str) -> bool:
        """Whether ``text`` holds any of ``words`` (built once under ``key``): one automaton pass,
        not a search per word nor a regex alternation tried at every position."""
        auto = self.memo("any:" + key, lambda: ac.AhoCorasick(pats) if (pats := list(words())) else None)
        return auto is not None and bool(auto.find_matches_as_indexes(text))

    def find(self, name: str, text: str) -> list[tuple[str, int, int]]:
        """Leftmost-longest, non-overlapping matches of automaton ``name`` in ``text``."""
        cache = _PAGE_FINDS.get()
        if cache is not None:
            # (one page searches the same region or phrase many times: once per page is enough)
            key = (id(self), name, text)
            got = cache.get(key)
            if got is None:
                auto, pats = self._automata.get(name) or self.automaton(name)  # (_find, inlined)
                got = cache[key] = tuple([(pats[i], s, e) for i, s, e in auto.find_matches_as_indexes(text)])
            return list(got)
        return self._find(name, text)

    def _find(self, name: str, text: str) -> list[tuple[str, int, int]]:
        auto, pats = self._automata.get(name) or self.automaton(name)
        return [(pats[i], s, e) for i, s, e in auto.find_matches_as_indexes(text)]

    # -- look-ups -------------------------------------------------------------------
    def country_of(self, name: str) -> str | None:
        """ISO3 of a country, place or organisation name (None for international bodies)."""
        ent = self.entities.get(name)
        if ent is None:
            return None
        if ent.iso3:
            return ent.iso3
        if ent.parent and ent.parent in self.entities and ent.parent != name:
            return self.country_of(ent.parent)
        return None

    def offices_by_form(self) -> dict[str, list[Office]]:
        """Title form -> the office terms it names (an index built on first use)."""
        index = self._automata.get("_offices_by_form")
        if index is None:
            index = {}
            for o in self.offices:
                for f in o.forms:
                    index.setdefault(f, []).append(o)
            self._automata["_offices_by_form"] = index
        return index

    def offices_for(self, holder: str) -> list[Office]:
        """The office terms of ``holder`` (an index built on first use)."""
        index = self._automata.get("_offices_by_holder")
        if index is None:
            index = {}
            for o in self.offices:
                index.setdefault(o.holder, []).append(o)
                # (迪亚斯-卡内尔 read as 迪亚斯·卡内尔: the name's joiner written either way)
                if "-" in o.holder or "·" in o.holder:
                    for alt in {o.holder.replace("-", "·"), o.holder.replace("·", "-")} - {o.holder}:
                        index.setdefault(alt, []).append(o)
            self._automata["_offices_by_holder"] = index
        return list(index.get(holder, ()))


_read = read_tsv


def _body(row: dict[str, str]) -> tuple[date | None, date | None]:
    """A bodies.tsv row's (from, until) as first days of their months."""
    def month(v: str) -> date | None:
        if not v:
            return None
        m = re.fullmatch(r"(\d{4})-(\d{2})", v)
        if m is None or not 1 <= int(m.group(2)) <= 12:
            raise LexiconError(f"bodies.tsv: bad month {v!r} in row {row!r} (YYYY-MM)")
        return date(int(m.group(1)), int(m.group(2)), 1)
    lo, hi = month(row["from"]), month(row["until"])
    if not row["name"] or (lo is None and hi is None) or (lo and hi and hi < lo):
        raise LexiconError(f"bodies.tsv: bad row {row!r} (a name, and from or until, from before until)")
    return lo, hi


def _frame(row: dict[str, str]) -> Frame:
    """A frames.tsv row, checked."""
    def kinds(v: str) -> tuple[str, ...]:
        ks = () if v == "-" else tuple(k.strip() for k in v.split(","))
        if any(k not in _KINDS for k in ks):
            raise LexiconError(f"frames.tsv: bad actor kind in {v!r} (row {row!r}; kinds {', '.join(_KINDS)})")
        return ks
    if row["reader"] not in _READERS or row["symmetric"] not in ("yes", "no"):
        raise LexiconError(f"frames.tsv: bad row {row!r} (reader one of {', '.join(_READERS)}; symmetric yes or no)")
    return Frame(row["type"], row["reader"], row["symmetric"] == "yes", kinds(row["source"]), kinds(row["target"]))
