"""One number formatter for the CLI, the dashboard and exports (issue 12: 6800亿美元 showed as 68 bn)."""

from __future__ import annotations

import pytest

from waishi.numfmt import exact, human, pct, plain_number


@pytest.mark.parametrize(("value", "shown"), [
    (7, "7"), (10, "10"), (100, "100"), (1_000, "1,000"), (250_000, "250,000"),
    (1_000_000, "1 m"), (5_500_000, "5.5 m"), (10_000_000, "10 m"), (100_000_000, "100 m"), (500_000_000, "500 m"),
    (1_900_000_000, "1.9 bn"), (10_000_000_000, "10 bn"), (51_000_000_000, "51 bn"), (100_000_000_000, "100 bn"),
    (123_400_000_000, "123 bn"), (680_000_000_000, "680 bn"), (6.8e11, "680 bn"), (999_600_000_000, "1 tn"),
    (1_050_000_000_000, "1.05 tn"), (2_000_000_000_000, "2 tn"), (10_000_000_000_000, "10 tn"),
    (-12_000_000_000, "-12 bn"), (-7, "-7"), (-350_000_000, "-350 m"), (0, "0"), (0.5, "0.5"), (1.25, "1.25"),
    (12_345.678, "12,345.68"), (999_999.6, "1 m"), (None, ""),
])
def test_numfmt_human_every_magnitude(value: float | None, shown: str) -> None:
    assert human(value) == shown


@pytest.mark.parametrize(("value", "shown"), [
    (680_000_000_000, "680,000,000,000"), (6.8e11, "680,000,000,000"), (1_900_000_000.0, "1,900,000,000"),
    (3.25, "3.25"), (-7, "-7"), (None, ""),
])
def test_numfmt_exact_for_tooltips(value: float | None, shown: str) -> None:
    assert exact(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(15.2, "+15.2%"), (-3.2, "-3.2%"), (0, "0%"), (12.5, "+12.5%"),
                                              (7.0, "+7%"), (None, "")])
def test_numfmt_growth_keeps_its_sign(value: float | None, shown: str) -> None:
    assert pct(value) == shown


def test_numfmt_plain_number_gives_integers_for_machines() -> None:
    assert plain_number(1_900_000_000.0) == 1_900_000_000 and isinstance(plain_number(1.9e9), int)
    assert plain_number(2.5) == 2.5 and plain_number(None) is None
