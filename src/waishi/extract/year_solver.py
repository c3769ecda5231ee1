"""The year solver: evidence gathered as points (the page is probably of a year, with a weight)
and bounds (no older than, no later than), each with where it was read; the year picked inside
the feasible window, or none when the window is wide and nothing inside it picks one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

STRONG = 4.0  # an anniversary, a lunar year, a present-year phrase, or two dated mentions
ADJACENT = 3.0  # a full date's weight (year.FULL_DATE_WEIGHT): one a year before the window picks its first year


@dataclass(slots=True)
class Constraint:
    """One piece of year evidence: a point (the page is probably of ``year``) or a bound
    (the page is no older than ``lo`` / no later than ``hi``), with where it was read."""
    kind: str  # point | bound
    note: str
    year: int | None = None
    lo: int | None = None
    hi: int | None = None
    weight: float = 0.0
    start: int | None = None  # offsets of the evidence in the page text, when known
    end: int | None = None

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"kind": self.kind, "why": self.note}
        for k in ("year", "lo", "hi", "start", "end"):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        if self.kind == "point":
            d["weight"] = round(self.weight, 2)
        return d


@dataclass
class YearEvidence:
    scores: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    lo: int | None = None  # bounds from office holders, congresses, markers of tense
    hi: int | None = None
    notes: list[str] = field(default_factory=list)
    strength_override: float | None = None
    cap: int | None = None  # no page is from after today: a bound nothing overrides
    constraints: list[Constraint] = field(default_factory=list)

    def add(self, year: int, weight: float, note: str, span: tuple[int, int] | None = None) -> None:
        if 1945 <= year <= 2100:
            self.scores[year] += weight
            self.notes.append(f"{note}:{year}")
            self.constraints.append(Constraint("point", note, year=year, weight=weight,
                                               start=span[0] if span else None, end=span[1] if span else None))

    def bound(self, lo: int | None, hi: int | None, note: str, span: tuple[int, int] | None = None) -> None:
        new_lo = lo if self.lo is None or (lo is not None and lo > self.lo) else self.lo
        new_hi = hi if self.hi is None or (hi is not None and hi < self.hi) else self.hi
        if new_lo is not None and new_hi is not None and new_lo > new_hi:
            return  # contradicts earlier evidence: ignore the weaker, later bound
        self.lo, self.hi = new_lo, new_hi
        self.notes.append(f"{note}:{lo}-{hi}")
        self.constraints.append(Constraint("bound", note, lo=lo, hi=hi,
                                           start=span[0] if span else None, end=span[1] if span else None))

    def fix(self, year: int, note: str, span: tuple[int, int] | None = None) -> None:
        """The page is of ``year``: a bound that replaces every earlier one (a headline's own day)."""
        self.lo = self.hi = None
        self.bound(year, year, note, span)

    def window(self) -> tuple[int | None, int | None]:
        hi = self.hi if self.cap is None or (self.hi is not None and self.hi <= self.cap) else self.cap
        return self.lo, hi

    def decide(self, prefer: int | None = None, prefer_weight: float = 0.0) -> int | None:
        """The year, or None when the feasible window is wider than two years and no point
        evidence inside it picks one (a wrong year makes every month-day date wrong)."""
        lo, hi = self.window()
        inside = [y for y, w in self.scores.items() if w > 0 and (lo is None or y >= lo) and (hi is None or y <= hi)]
        if inside or (prefer is not None and prefer_weight > 0):
            return self.best(prefer, prefer_weight)
        if lo is not None and hi is not None and hi - lo <= 1:
            return self.best(prefer, prefer_weight)
        strong = [y for y, w in self.scores.items() if w >= STRONG and (self.cap is None or y <= self.cap)]
        if strong:
            return self.best(prefer, prefer_weight)
        # a full date a year before the office holders' window (the page's latest dated act, the
        # year before their terms met): the window's first year
        if lo is not None and self.scores.get(lo - 1, 0.0) >= ADJACENT and \
                max(self.scores.values()) == self.scores[lo - 1]:
            return lo
        return None

    def text_window(self) -> tuple[int | None, int | None]:
        """The bounds read from the text's own words, without the office holders' terms."""
        lo: int | None = None
        hi: int | None = None
        for c in self.constraints:
            if c.kind != "bound" or c.note.startswith("offices"):
                continue
            lo = c.lo if c.lo is not None and (lo is None or c.lo > lo) else lo
            hi = c.hi if c.hi is not None and (hi is None or c.hi < hi) else hi
        return lo, hi

    def merge(self, other: YearEvidence, factor: float) -> None:
        for y, w in other.scores.items():
            self.scores[y] += w * factor

    @property
    def strength(self) -> float:
        if self.strength_override is not None:
            return self.strength_override
        return max(self.scores.values(), default=0.0)

    def best(self, prefer: int | None = None, prefer_weight: float = 0.0) -> int | None:
        scores = {y: w for y, w in self.scores.items() if self.cap is None or y <= self.cap}
        if prefer is not None:
            scores[prefer] = scores.get(prefer, 0.0) + prefer_weight
        lo, hi = self.window()
        ok = {y: w for y, w in scores.items() if (lo is None or y >= lo) and (hi is None or y <= hi)}
        if ok:
            return max(ok.items(), key=lambda kv: (kv[1], kv[0]))[0]
        if scores and max(scores.values()) >= STRONG:
            # a dated or counted year beats a bound read from office holders, which a page can
            # break (已故国家主席NAME: a former holder named with the title he had); one a year
            # off the window is an anniversary or a date read a year early or late: the window holds
            top = max(scores.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if lo is not None and top == lo - 1:
                return lo
            if hi is not None and top == hi + 1:
                return hi
            t_lo, t_hi = self.text_window()
            if (t_lo is None or top >= t_lo) and (t_hi is None or top <= t_hi) or scores[top] >= 2 * STRONG:
                return top
            # a bound the text itself sets (the pandemic, 截至…, a plan) agrees with the office
            # holders: the dated year is a past act's (阮富仲于2018年访问… on a page of 2022), unless
            # the year is read many times over (an anniversary counted three ways)
        if scores:
            # weak evidence outside the bounds: the bounded year nearest to it (a page naming
            # 2013 while its prime minister took office in 2016 is from 2016, not from 2019)
            top = max(scores.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if self.lo is not None and top < self.lo:
                return self.lo
            if self.hi is not None and top > self.hi:
                return self.hi
            return top
        lo, hi = self.window()
        if lo is not None and hi is not None:
            if hi - lo <= 1 and self.cap is not None and hi >= self.cap:
                # the window ends at today's year (a term still running): no evidence for this
                # year, and the page is as likely older (a fixed bet on the later year was wrong
                # on every such page read)
                return lo
            return hi if hi - lo <= 1 else (lo + hi + 1) // 2
        return lo
