"""Figures as an analyst reads them: one formatter for the CLI, the dashboard and exports.

``human`` rounds to three significant digits with a magnitude word (680 bn, 1.05 tn, 55 m)
and never drops a significant zero: an earlier formatter stripped trailing zeros from
whole numbers and showed 6800亿美元 as "68 bn" and 100 m as "1 m" (issue 12). ``exact``
gives the whole value with thousands separators, for tooltips; JSON keeps the number.
"""

from __future__ import annotations

import math

__all__ = ["exact", "human", "pct", "plain_number"]

_STEPS = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def _trim(s: str) -> str:
    """Drop zeros after a decimal point only (1.50 -> 1.5, 2.00 -> 2; 680 stays 680)."""
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _sig3(x: float) -> str:
    """Three significant digits of a magnitude 1 <= |x| < 1000 (rounding may reach 1000)."""
    a = abs(x)
    digits = 0 if a >= 100 else 1 if a >= 10 else 2
    return _trim(f"{x:,.{digits}f}")


def human(v: float | int | None) -> str:
    """680 bn, 1.05 tn, 1.9 bn, 55 m, 250,000, 7, 0.5; negative values keep their sign.

    Below a million the number is whole (with separators) or has up to two decimals.
    """
    if v is None:
        return ""
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    a = abs(v)
    for i, (div, word) in enumerate(_STEPS):
        if a >= div:
            s = _sig3(v / div)
            if abs(float(s.replace(",", ""))) >= 1000 and i > 0:  # 999.6 bn rounds to 1 tn
                up_div, up_word = _STEPS[i - 1]
                s = _sig3(v / up_div)
                word = up_word
            return f"{s} {word}"
    if a >= 999_999.5:  # rounds to a million
        return f"{'-' if v < 0 else ''}1 m"
    if float(v).is_integer():
        return f"{int(v):,}"
    return _trim(f"{v:,.2f}") if a >= 1 else f"{v:.2f}".rstrip("0").rstrip(".") or "0"


def exact(v: float | int | None) -> str:
    """The whole value with thousands separators: 680,000,000,000; 3.25 stays 3.25."""
    if v is None:
        return ""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,}"


def pct(v: float | int | None) -> str:
    """Growth as a signed percentage: +12.5%, -3%, 0%."""
    if v is None:
        return ""
    s = _trim(f"{abs(v):.2f}")
    sign = "+" if v > 0 else "-" if v < 0 else ""
    return f"{sign}{s}%"


def plain_number(v: float | int | None) -> float | int | None:
    """A value as machines want it: whole floats as integers (1900000000.0 -> 1900000000)."""
    if isinstance(v, float) and v.is_integer() and math.isfinite(v):
        return int(v)
    return v
