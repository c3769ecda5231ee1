"""CSV that opens right in a spreadsheet: one cell rule for the CLI, exports and downloads.

- whole numbers are written as integers (``1900000000``, not ``1900000000.0``);
- lists are joined with ``|``; None is empty;
- a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
  prefixed with ``'`` so a spreadsheet shows it instead of running it as a formula
  (OWASP "CSV injection"); numbers are never touched (-3.5 stays a number);
- ``bom=True`` starts the file with a UTF-8 byte-order mark: Excel then reads the
  Chinese text as UTF-8 instead of the system code page.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from typing import IO, Any

__all__ = ["BOM", "cell", "rows_to_csv", "write_rows"]

BOM = "\ufeff"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(v: Any) -> Any:
    """One value as a CSV cell."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if math.isfinite(v) and v.is_integer():
            return int(v)
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, (list, tuple)):
        v = "|".join("" if x is None else str(cell(x)) for x in v)
    elif isinstance(v, Mapping):
        import json

        v = json.dumps(v, ensure_ascii=False)
    s = str(v)
    if s.startswith(_FORMULA):
        return "'" + s
    return s


def write_rows(fh: IO[str], rows: Iterable[Mapping[str, Any]], *, bom: bool = False,
               fieldnames: list[str] | None = None) -> int:
    """Write dict rows (header from the first row, or ``fieldnames``); returns the row count."""
    w: Any = None
    n = 0
    if bom:
        fh.write(BOM)
    if fieldnames is not None:
        w = csv.DictWriter(fh, fieldnames=fieldnames, extrasaction="ignore")
        w.writeheader()
    for row in rows:
        if w is None:
            w = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
            w.writeheader()
        w.writerow({k: cell(v) for k, v in row.items()})
        n += 1
    return n


def rows_to_csv(rows: Iterable[Mapping[str, Any]], *, bom: bool = False, fieldnames: list[str] | None = None) -> str:
    buf = io.StringIO(newline="")
    write_rows(buf, rows, bom=bom, fieldnames=fieldnames)
    return buf.getvalue()
