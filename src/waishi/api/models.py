"""Request parameters and response models of the JSON API.

The parameters are shared by the API and the HTML pages (one dependency class
per filter set), so a page and its JSON twin accept exactly the same query
string and reject the same bad input with the same message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field

from ..errors import WaishiError
from ..model import EVENT_TYPES, FACT_METRICS
from ..resolve import CountryResolver, UnknownCountry
from ..store.rows import normalize_day

__all__ = [
    "DocKind", "Bucket", "GraphKind", "Day", "Iso3", "Paging", "EventFilters", "ErrorBody",
    "ErrorResponse", "Page", "MAX_PAGE", "MAX_ID", "MAX_OFFSET", "MAX_COUNT", "ItemId",
    "OverviewParams", "EventsParams", "EventParams", "PeopleParams", "FactFilters", "FactsParams", "DocumentsParams", "SearchParams", "ApiSearchParams", "GraphParams", "CountriesParams", "CountryParams",
]

T = TypeVar("T")

MAX_PAGE = 500  # rows per API page; the store allows more, a browser does not need them
# Every integer parameter is bounded: SQLite integers are 64-bit, and an unbounded one of
# 2**63 raised OverflowError deep in a query (HTTP 500, issue 15).
MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000_000
MAX_COUNT = 1_000_000_000

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="The item's id.")]

class DocKind(StrEnum):
    article = "article"
    teaser = "teaser"


class Bucket(StrEnum):
    year = "year"
    month = "month"
    day = "day"


class GraphKind(StrEnum):
    country = "country"
    person = "person"


def _day(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        normalize_day(value)
    except WaishiError:
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}") from None
    return value.strip()


def _iso3(value: str | None) -> str | None:
    """An ISO3 code from LAO, 老挝, Laos or 老撾 (waishi.resolve); the closest names when none."""
    if value is None or value.strip() == "":
        return None
    try:
        return CountryResolver.default().require(value).iso3
    except UnknownCountry as e:
        raise ValueError(str(e)) from None


Day = Annotated[str | None, AfterValidator(_day)]
Iso3 = Annotated[str | None, AfterValidator(_iso3)]


def _blank(value: str | None) -> str | None:
    # an HTML form sends empty fields (?type=&country=): they mean "no filter"
    return value if value else None


@dataclass
class Paging:
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")] = 50
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (the `next` link gives it).")] = 0


def _event_type(value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and value not in EVENT_TYPES:
        raise ValueError(f"type must be one of {', '.join(EVENT_TYPES)}, got {value!r}")
    return value


# an empty form field (?min_sources=) is no filter, not a malformed number
BlankInt = Annotated[int | None, BeforeValidator(lambda v: None if v == "" else v)]

EventTypeParam = Annotated[str | None, AfterValidator(_event_type)]


@dataclass
class EventFilters:
    """The filters of `waishi events`."""
    type: Annotated[EventTypeParam, Query(description=f"Event type: {', '.join(EVENT_TYPES)}.")] = None
    country: Annotated[Iso3, Query(description="A country on either side: ISO3 code (LAO), Chinese (老挝) or "
                                               "English (Laos) name.")] = None
    actor: Annotated[str | None, Query(max_length=100, description="Actor name as written (substring).")] = None
    since: Annotated[Day, Query(description="YYYY[-MM[-DD]]: events whose dates overlap from then on.")] = None
    until: Annotated[Day, Query(description="YYYY[-MM[-DD]]: events whose dates overlap up to then.")] = None
    min_sources: Annotated[BlankInt, Query(ge=1, le=MAX_COUNT, description="Reported by at least N articles.")] \
        = None

    def kwargs(self) -> dict[str, Any]:
        return {"type": self.type, "country": self.country, "actor": _blank(self.actor), "since": self.since,
                "until": self.until, "min_sources": self.min_sources}


# -- one parameter class per resource (views.py), shared by its JSON route and its page --


@dataclass
class OverviewParams:
    bucket: Annotated[Bucket, Query(description="Events over time by year, month or day.")] = Bucket.month


@dataclass
class EventsParams(EventFilters, Paging):
    """The filters of `waishi events` and a page of the list."""


@dataclass
class EventParams:
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Reports to skip (the first page by default).")] \
        = 0


@dataclass
class PeopleParams(Paging):
    name: Annotated[str | None, Query(max_length=100, description="Name or part of it (Chinese or Latin).")] = None
    country: Annotated[Iso3, Query(description="ISO3 code.")] = None


@dataclass
class FactFilters:
    """The filters of `waishi facts` (the dashboard's figures page and its downloads too)."""
    metric: Annotated[str | None, Query(pattern=r"^[a-z_]*$", max_length=40,
                                        description=f"One of {', '.join(FACT_METRICS)}.")] = None
    subject: Annotated[str | None, Query(max_length=50, description="A country (LAO, 老挝, Laos: matches 越老 "
                                                                    "too) or a place as written (广西).")] = None
    period: Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{4})?)?$", description="YYYY or YYYY-YYYY.")] = None
    unit: Annotated[str | None, Query(pattern=r"^[A-Za-z]*$", max_length=10, description="USD, VND ...")] = None
    kind: Annotated[str | None, Query(pattern=r"^(result|target|forecast)?$",
                                      description="result, target (力争, 目标) or forecast (有望, 预计).")] = None
    figure: Annotated[int | None, Query(ge=1, description="One figure (its id).")] = None


@dataclass
class FactsParams(FactFilters, Paging):
    """The filters of `waishi facts` and a page of the list."""


@dataclass
class DocumentsParams(Paging):
    kind: DocKind | None = None
    since: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None
    until: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None


@dataclass
class SearchParams(Paging):
    q: Annotated[str, Query(max_length=200, description="Words that must all occur.")] = ""
    kind: DocKind | None = None


@dataclass
class ApiSearchParams(SearchParams):
    """The API's search needs words (the page without them shows an empty form): the same
    parameters, ``q`` required."""
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words that must all occur.")] = \
        field(kw_only=True)


@dataclass
class GraphParams:
    kind: GraphKind = GraphKind.country
    type: Annotated[EventTypeParam, Query(description="Event type.")] = None
    country: Annotated[Iso3, Query(description="Only events with this country (ISO3).")] = None
    since: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None
    until: Annotated[Day, Query(description="YYYY[-MM[-DD]]")] = None
    min_weight: Annotated[int, Query(ge=1, le=MAX_COUNT, description="Links of at least this many events.")] = 1
    limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE, description="The heaviest links (API 200, page 80).")] \
        = None


@dataclass
class CountriesParams:
    limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE, description="Rows per page (API 50, page 300).")] = None
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (the `next` link gives it).")] = 0


@dataclass
class CountryParams:
    bucket: Annotated[Bucket, Query(description="Events over time by year, month or day.")] = Bucket.year


# -- responses ------------------------------------------------------------------------


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    title: str = Field(description="Short name of the error (Not Found, Invalid request ...).")
    message: str = Field(description="One line saying what was wrong.")
    details: list[dict[str, Any]] = Field(default_factory=list,
                                          description="One entry per bad parameter: field and message.")


class ErrorResponse(BaseModel):
    """Every error of the API (and of the pages' JSON twins) has this shape."""
    ok: bool = False
    error: ErrorBody


class Page(BaseModel, Generic[T]):
    """One page of a list; `next` is the URL of the following page, or null."""
    items: list[T]
    limit: int
    offset: int
    has_more: bool
    next: str | None = None
