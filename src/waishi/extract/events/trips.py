"""A visit the page dates only by its year (or not at all, in a dated document) takes the day of
the one trip the visits lexicons know of that visitor to that country in that year: the lexicon
grounds the date the text leaves open (本月15日 on a page without its month, 前往金边 with no day)."""

from __future__ import annotations

from datetime import timedelta

from ...lexicon import Lexicon, Visit
from ...model import Event


def _precision(v: Visit) -> str:
    """The trip's start as the row knows it: a day, or only a month (a month-only row spans it)."""
    if v.start.day == 1 and v.end - v.start >= timedelta(days=27):
        return v.start.isoformat()[:7]
    return v.start.isoformat()


def date_by_known_trips(events: list[Event], lex: Lexicon, year: int | None) -> None:
    """Fill the date of year-only visits from the one known trip that fits (see the module's doc)."""
    if year is None or not lex.visits:
        return
    for e in events:
        if e.type != "visit" or (e.date and e.date != str(year)) or not e.target_iso3:
            continue
        trips = {(v.start, v.end): v for name in e.source for v in lex.visits.get(name, ())
                 if v.host_iso3 in e.target_iso3 and v.start.year == year}
        if len(trips) != 1:
            continue
        v = next(iter(trips.values()))
        e.date = _precision(v)
        if len(e.date) == 10 and v.end > v.start:
            e.date_end = v.end.isoformat()
