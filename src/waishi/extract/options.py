"""What an extraction run is told rather than finds out: the outlet's home country (left implicit
in domestic titles and in one-sided relation statements), the page-size limit and the day the
run takes as today (no page is dated after it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

HOME = "VNM"  # the default home: Vietnamese outlets' Chinese editions
MAX_PAGE_CHARS = 1_000_000  # a long news page is some 20,000 characters; a million is a corpus dump


@dataclass(frozen=True, slots=True)
class Options:
    home: str = HOME
    max_chars: int = MAX_PAGE_CHARS
    today: date | None = None  # None: the machine's date when the page is read

    def now(self) -> date:
        return self.today or date.today()
