"""Matching a page's names against the offices lexicon's holders and terms (both sides of relations use it)."""

from __future__ import annotations

from datetime import date

from ..lexicon import Office

__all__ = ["names_match", "overlaps"]


def names_match(name: str, holder: str) -> bool:
    # 通伦 and 通伦·西苏里 are one person: the short form is the full one's first part
    return name == holder or holder.startswith(name + "·") or name.startswith(holder + "·")


def overlaps(o: Office, lo: date, hi: date) -> bool:
    """Whether the office term ``o`` overlaps the days ``lo`` .. ``hi``."""
    return (o.start is None or o.start <= hi) and (o.end is None or lo <= o.end)
