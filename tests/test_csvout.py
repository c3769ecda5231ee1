"""CSV that opens right in a spreadsheet (waishi.csvout)."""

from __future__ import annotations

import csv
import io

import pytest

from waishi.csvout import BOM, cell, rows_to_csv


@pytest.mark.parametrize(("value", "written"), [
    (1_900_000_000.0, 1_900_000_000), (2.5, 2.5), (-3.0, -3), (None, ""), (["越南", "老挝"], "越南|老挝"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("越南", "越南"), (True, "true"), (7, 7),
])
def test_csvout_cells(value: object, written: object) -> None:
    assert cell(value) == written


def test_csvout_bom_and_integers_read_back() -> None:
    text = rows_to_csv([{"name": "范明政", "value": 1.9e9, "note": "=1+1"}], bom=True)
    assert text.startswith(BOM)
    (row,) = list(csv.DictReader(io.StringIO(text[1:])))
    assert row == {"name": "范明政", "value": "1900000000", "note": "'=1+1"}
    assert not rows_to_csv([{"a": 1}]).startswith(BOM)
