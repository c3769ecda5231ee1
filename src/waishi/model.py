"""The extraction record: plain dataclasses, no I/O.

Every item carries character offsets into the page text (``Span``); snippets are
derived from the text when the record is rendered, never stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "waishi.extraction/1"

# metrics of facts (extract/facts.py) and their kinds
FACT_METRICS = ("trade_total", "export", "import", "trade_surplus", "fdi_registered", "fdi_disbursed", "investment",
                "aid", "count")
FACT_KINDS = ("result", "target", "forecast")

EVENT_TYPES = ("meet", "visit", "phone_call", "sign", "attend", "host", "congratulate", "aid")

# DESIGN.md table: PLOVER type, PLOVER mode, CAMEO code per event type.
EVENT_CODES: dict[str, tuple[str, str | None, str]] = {
    "meet": ("CONSULT", None, "040"),
    "visit": ("CONSULT", "visit", "042"),
    "phone_call": ("CONSULT", "phone", "041"),
    "sign": ("SUPPORT", "sign", "057"),
    "attend": ("CONSULT", "multilateral", "044"),
    "host": ("CONSULT", "multilateral", "043"),
    "congratulate": ("SUPPORT", "praise", "051"),
    "aid": ("AID", None, "070"),
}


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into the page text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            d["text"] = self.slice(text)
        return d


@dataclass(slots=True)
class Mention:
    """A recognised string: person, title, org, place, country, date, money, quantity."""

    kind: str
    text: str
    span: Span
    value: Any = None  # ISO3 for places/countries, ISO date for dates, number for money

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.span.start, "end": self.span.end,
                "value": self.value}


@dataclass(slots=True)
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    latin: str | None = None
    mentions: list[Span] = field(default_factory=list)  # every occurrence of the name
    evidence: list[Span] = field(default_factory=list)  # sentences where the titles were read
    offices: list[str] = field(default_factory=list)  # office keys held at the page's date (VNM.prime_minister)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "titles": list(self.titles), "country": self.country}
        if self.latin:
            d["latin"] = self.latin
        if self.offices:
            d["offices"] = list(self.offices)
        d["mentions"] = [m.to_dict() for m in self.mentions]
        d["evidence"] = [e.to_dict(text) for e in self.evidence]
        return d


@dataclass(slots=True)
class OfficeMention:
    """A title written without a name (越南政府总理在会上表示), resolved to the holder of the day."""
    title: str
    span: Span
    office: str  # stable key, e.g. VNM.prime_minister
    holder: str
    country: str

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "office": self.office, "holder": self.holder, "country": self.country,
                "start": self.span.start, "end": self.span.end}


@dataclass(slots=True)
class Event:
    type: str
    date: str | None
    source: list[str]
    target: list[str]
    evidence: Span
    trigger: str = ""
    location: str | None = None
    date_end: str | None = None
    visit_kind: str | None = None  # state / official / working / ...
    source_iso3: list[str] = field(default_factory=list)
    target_iso3: list[str] = field(default_factory=list)
    caption: bool = False  # read from a photo caption
    extra_evidence: list[Span] = field(default_factory=list)  # other sentences merged into this event
    # reported | planned (both among a document's events) | proposed | invited | habitual | negated | topic
    # | restated (under other_events: what the text hopes, offers, sums up or says again)
    factuality: str = "reported"
    date_inherited: bool = False  # the date is the running context's, not written in the act's sentence

    @property
    def plover(self) -> str:
        return EVENT_CODES[self.type][0]

    @property
    def plover_mode(self) -> str | None:
        return EVENT_CODES[self.type][1]

    @property
    def cameo(self) -> str:
        return EVENT_CODES[self.type][2]

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type,
            "date": self.date,
            "source": list(self.source),
            "target": list(self.target),
            "location": self.location,
        }
        if self.date_end:
            d["date_end"] = self.date_end
        if self.visit_kind:
            d["visit_kind"] = self.visit_kind
        d.update(plover=self.plover, plover_mode=self.plover_mode, cameo=self.cameo, trigger=self.trigger,
                 source_iso3=list(self.source_iso3), target_iso3=list(self.target_iso3))
        d["evidence"] = self.evidence.to_dict(text)
        if self.extra_evidence:
            d["extra_evidence"] = [e.to_dict() for e in self.extra_evidence]
        if self.caption:
            d["caption"] = True
        d["factuality"] = self.factuality
        return d


# Relations (docs/relations.md). An upgrade is no event of the extraction record (the eight
# types above are the record's; a scorer counts any other as a false alarm): it is a relation
# of kind ``upgrade`` carrying these codes, and the store adds it to its events as type ``upgrade``.
RELATION_KINDS = ("tier", "established", "anniversary", "upgrade")
UPGRADE_CODES: tuple[str, str | None, str] = ("SUPPORT", "upgrade", "057")
STORE_EVENT_TYPES = (*EVENT_TYPES, "upgrade")


@dataclass(slots=True)
class Relation:
    """A statement about the relations of two countries: a tier, its upgrade, their founding, an anniversary."""

    kind: str  # tier | established | anniversary | upgrade
    countries: list[str]  # two ISO3 codes, Vietnam first when it is one of them
    evidence: Span  # the sentence
    trigger: Span  # the tier phrase, the upgrade verb or the 建交N周年 phrase
    tier: str | None = None  # canonical key (comprehensive_strategic, strategic, ...)
    tier_text: str | None = None  # as written
    previous_tier: str | None = None  # for upgrades, when stated (从全面伙伴关系提升为...)
    date: str | None = None  # YYYY-MM-DD / YYYY-MM / YYYY: when stated (or the story's date for a decision)
    year: int | None = None  # the date's year; for an anniversary, the founding year + N
    date_source: str | None = None  # text | context | lexicon
    number: int | None = None  # N of 建交N周年
    established: str | None = None  # founding date of the relations (relations.tsv), for anniversaries
    people: list[str] = field(default_factory=list)  # persons named in the sentence (who upgraded it)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "countries": list(self.countries), "tier": self.tier,
                             "tier_text": self.tier_text, "date": self.date, "year": self.year}
        if self.date_source:
            d["date_source"] = self.date_source
        if self.kind == "upgrade":
            d["previous_tier"] = self.previous_tier
            d["plover"], d["plover_mode"], d["cameo"] = UPGRADE_CODES
        if self.number is not None:
            d["number"] = self.number
        if self.established:
            d["established"] = self.established
        if self.people:
            d["people"] = list(self.people)
        d["trigger"] = self.trigger.to_dict(text)
        d["evidence"] = self.evidence.to_dict(text)
        return d


@dataclass(slots=True)
class Fact:
    metric: str
    value: float | int
    unit: str
    evidence: Span
    number: Span  # the figure itself, e.g. "近366亿美元"
    period: str | None = None
    growth_pct: float | None = None
    subject: list[str] = field(default_factory=list)
    counted: str | None = None
    qualifier: str | None = None  # 近 / 约 / 超过 ... as written
    kind: str = "result"  # result | target (力争, 目标) | forecast (有望, 预计)
    period_assumed: bool = False  # the period is the story's year, not written with the figure

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "period": self.period,
            "growth_pct": self.growth_pct,
            "subject": list(self.subject),
        }
        if self.counted is not None:
            d["counted"] = self.counted
        if self.qualifier:
            d["qualifier"] = self.qualifier
        if self.kind != "result":
            d["kind"] = self.kind
        if self.period_assumed:
            d["period_assumed"] = True
        d["number"] = self.number.to_dict(text)
        d["evidence"] = self.evidence.to_dict(text)
        return d


@dataclass(slots=True)
class Dateline:
    agency: str
    place: str | None
    span: Span
    month_day: tuple[int, int] | None = None  # 越通社河内1月8日——: the story's day, as written

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"agency": self.agency, "place": self.place, "start": self.span.start,
                             "end": self.span.end}
        if self.month_day:
            d["month_day"] = list(self.month_day)
        return d


@dataclass(slots=True)
class Document:
    kind: str  # "article" or "teaser"
    title: str
    span: Span  # the whole document in the page text
    title_span: Span | None = None
    year: int | None = None
    year_evidence: str | None = None
    year_range: tuple[int | None, int | None] | None = None  # the feasible window the evidence leaves
    year_constraints: list[dict[str, Any]] = field(default_factory=list)  # each bound or point, with its span
    captions: list[Span] = field(default_factory=list)
    body: list[Span] = field(default_factory=list)  # paragraphs (lede, body), captions excluded
    dateline: Dateline | None = None
    sentences: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    offices: list[OfficeMention] = field(default_factory=list)  # bare titles resolved to their holders
    relations: list[Relation] = field(default_factory=list)  # tiers, upgrades, founding, anniversaries
    other_events: list[Event] = field(default_factory=list)  # proposed, invited, habitual, negated, topic, restated

    def to_dict(self, text: str | None = None, *, mentions: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "title": self.title,
            "year": self.year,
            "start": self.span.start,
            "end": self.span.end,
        }
        if self.year_evidence:
            d["year_evidence"] = self.year_evidence
        d["year_range"] = list(self.year_range) if self.year_range else None
        d["year_constraints"] = self.year_constraints
        if self.dateline:
            d["dateline"] = self.dateline.to_dict()
        d["captions"] = [c.to_dict(text) for c in self.captions]
        d["events"] = [e.to_dict(text) for e in self.events]
        if self.other_events:
            d["other_events"] = [e.to_dict(text) for e in self.other_events]
        d["people"] = [p.to_dict(text) for p in self.people]
        d["facts"] = [f.to_dict(text) for f in self.facts]
        if self.offices:
            d["offices"] = [o.to_dict() for o in self.offices]
        d["relations"] = [r.to_dict(text) for r in self.relations]
        if mentions:
            d["mentions"] = [m.to_dict() for m in self.mentions]
        return d


@dataclass(slots=True)
class Extraction:
    source: str
    text: str
    documents: list[Document] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    encoding: str | None = None

    def to_dict(self, *, mentions: bool = True) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "encoding": self.encoding,
            "length": len(self.text),
            "documents": [d.to_dict(self.text, mentions=mentions) for d in self.documents],
        }


@dataclass(slots=True)
class Page:
    """One input page as read from a file: decoded text plus what the container said."""

    text: str
    source: str  # file path, "path#line", "path@warc-record-id", or "<text>"
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD when known
    title: str | None = None  # from HTML metadata; the text's first line is still the headline
    encoding: str | None = None
