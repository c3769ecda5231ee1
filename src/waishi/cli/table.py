"""Terminal tables for people: readable at 80 columns (issue 12).

Rich uses 80 columns whenever output is piped, and shrank every column alike: dates lost
their day (``2025-03…``) and values their digits (``48,00…``). Here a table is built from
``Col`` descriptions instead:

- ``keep`` columns (ids, dates, values, counts) never wrap or shrink: they are shown whole
  or not at all;
- ``wrap`` columns (names, evidence) fold onto more lines, down to ``min_width``;
- when even that does not fit, columns are dropped, lowest ``priority`` first, and a note
  on stderr says which (``--wide`` shows them all, on as many columns as they need).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["Col", "fit_table", "print_table"]

Cell = str | Text


@dataclass(frozen=True, slots=True)
class Col:
    header: str
    priority: int = 5  # dropped first when low
    keep: bool = False  # shown whole (dates, values): never wrapped or cut
    min_width: int = 8  # for wrapping columns
    max_chars: int | None = None  # wrapping columns: longer text is clipped with … (evidence)
    justify: str = "left"

    @property
    def header_width(self) -> int:
        return cell_len(self.header)


def _clip(c: Cell, n: int | None) -> Cell:
    if n is None:
        return c
    if isinstance(c, Text):
        if len(c.plain) > n:
            c = c.copy()
            c.truncate(n - 1)
            c.append("…")
        return c
    c = c.replace("\n", " ")
    return c if len(c) <= n else c[: n - 1] + "…"


def _build(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], keep_idx: Sequence[int], title: str | None,
           wide: bool, width: int | None = None) -> Table:
    widths = _widths(cols, rows, keep_idx, width) if width is not None and not wide else {}
    t = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), title_justify="left")
    for i in keep_idx:
        c = cols[i]
        if c.keep or wide:
            t.add_column(c.header, no_wrap=True, justify=c.justify,  # type: ignore[arg-type]
                         min_width=_natural(rows, i, c))
        else:
            t.add_column(c.header, overflow="fold", width=widths.get(i), justify=c.justify)  # type: ignore[arg-type]
    for r in rows:
        t.add_row(*[_text(r[i] if wide else _clip(r[i], cols[i].max_chars)) for i in keep_idx])
    return t


def _text(c: Cell) -> Text:
    """A cell as written: a string is data (a file name, a title), never Rich markup (a stored
    error for ``m[/b].txt`` crashed ``waishi stats``)."""
    return c if isinstance(c, Text) else Text(c)


def _widths(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], idx: Sequence[int], width: int) -> dict[int, int]:
    """Widths of the wrapping columns: their minimum, then the room left shared out, each
    up to its natural width (Rich's own collapse left tables wider than the terminal)."""
    wrap = [i for i in idx if not cols[i].keep]
    nat = {i: _natural(rows, i, cols[i]) for i in wrap}
    cur = {i: _min(rows, i, cols[i]) for i in wrap}
    room = width - _needed(cols, rows, idx)
    while room > 0:
        short = [i for i in wrap if cur[i] < nat[i]]
        if not short:
            break
        i = max(short, key=lambda j: (nat[j] - cur[j]) / nat[j])
        cur[i] += 1
        room -= 1
    return cur


def _natural(rows: Sequence[Sequence[Cell]], i: int, c: Col) -> int:
    """The widest cell of column ``i`` (header included), in terminal cells (a hanzi is two)."""
    w = cell_len(c.header)
    for r in rows:
        v = _clip(r[i], c.max_chars) if not c.keep else r[i]
        w = max(w, cell_len(v.plain if isinstance(v, Text) else v))
    return max(w, 1)


def _min(rows: Sequence[Sequence[Cell]], i: int, c: Col) -> int:
    # a wrapping column is never narrower than its header's longest word (no "locati/on")
    word = max(cell_len(w) for w in c.header.split()) if c.header.strip() else 1
    return c.header_width if c.keep else min(max(c.min_width, word, 2), _natural(rows, i, c))


def _needed(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], idx: Sequence[int]) -> int:
    """Columns the table needs at least: its columns' minimum widths plus 3 per column,
    less one (box.SIMPLE_HEAD with padding (0, 1) and no edge padding, measured)."""
    return sum(_natural(rows, i, cols[i]) if cols[i].keep else _min(rows, i, cols[i]) for i in idx) + \
        3 * len(idx) - 1


def fit_table(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], console: Console, *, title: str | None = None,
              wide: bool = False) -> tuple[Table, list[str]]:
    """The table for ``console``'s width, and the headers of the columns left out."""
    idx = list(range(len(cols)))
    if wide:
        return _build(cols, rows, idx, title, True), []
    dropped: list[str] = []
    width = console.width
    while True:
        if _needed(cols, rows, idx) <= width or len(idx) <= 1:
            return _build(cols, rows, idx, title, False, width), dropped
        # drop the least important column (the rightmost among equals)
        victim = min(idx, key=lambda i: (cols[i].priority, -i))
        idx.remove(victim)
        dropped.append(cols[victim].header)


def print_table(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], *, title: str | None = None,
                wide: bool = False, console: Console | None = None, err: Console | None = None) -> None:
    """Fit, print, and say on stderr which columns did not fit."""
    con = console or Console()
    if wide:
        natural = sum(_natural(rows, i, c) for i, c in enumerate(cols)) + 2 * len(cols)
        con = Console(width=max(con.width, natural, cell_len(title or "")), soft_wrap=False)
    t, dropped = fit_table(cols, rows, con, title=title, wide=wide)
    con.print(t)
    if dropped and err is not None:
        err.print(f"[dim]not shown at {con.width} columns: {', '.join(dropped)} (--wide shows every column)[/dim]",
                  highlight=False)
