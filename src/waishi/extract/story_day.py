"""The story's own day, as the lede writes it without a year: its month and day (the first
month-day of the body, or the one after the dateline when a summary before it disagrees), or only
its day (周五(10日)…: later month-days are other acts), for the year evidence to fit office terms
and known trips."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Span
from ..text.dates import DateMention


def story_day(text: str, dates: Sequence[DateMention], body: Sequence[Span],
              dateline_end: int | None) -> tuple[tuple[int, int] | None, int | None]:
    """(month, day) of the story, or None; and, without one, the day alone the story gives."""
    def in_body(dm: DateMention) -> bool:
        return any(sp.start <= dm.start < sp.end for sp in body)
    days = [dm for dm in dates if dm.year is None and dm.month and dm.day and not dm.relative
            and dm.year_offset is None and in_body(dm)]
    first = next((dm for dm in dates if dm.year is None and dm.day and not dm.relative and dm.year_offset is None
                  and dm.day_offset is None and in_body(dm)), None)
    # (周五(10日)在北京会面 … 1月14日对媒体说: the story gives only its day; later month-days are other acts)
    story = days[0] if days and not (first is not None and first.month is None and first.start < days[0].start) \
        else None
    after = next((dm for dm in days if dateline_end is not None and dm.start >= dateline_end), None)
    if story is not None and after is None:
        # (a summary line repeated as the lede: the lede's own date, when the two disagree)
        tail = text[story.end:story.end + 12]
        again = text.find(tail, story.end + 12) if len(tail) == 12 else -1
        after = next((dm for dm in days if again >= 0 and again - 3 <= dm.end <= again), None)
    if story is not None and after is not None and (after.month, after.day) != (story.month, story.day):
        story = after  # (a summary before the dateline that disagrees with the story told after it)
    month_day = (story.month, story.day) if story and story.month and story.day else None
    # (a story that gives only its day, 9日, still dates a known trip that covers such a day)
    day_only = next((dm.day for dm in dates if dm.month is None and dm.day and dm.year is None
                     and dm.day_offset is None and not dm.relative and in_body(dm)), None) \
        if month_day is None else None
    return month_day, day_only
