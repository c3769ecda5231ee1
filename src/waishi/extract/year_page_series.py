"""A yearly event whose first year the page itself states (从2018年开始举行的X, 2015年首次举办的X, X始于2016年)
and whose edition it numbers (第二届X): the edition's year is the first year plus the number less one.
To be held (将出席第二届X) the page is no later than that year; held, no earlier. The series lexicon
(series.tsv) dates the well-known series; this reads the ones only the page tells of (a festival, a
forum of two provinces)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .year_lexicon import ordinal
from .year_solver import YearEvidence

_STARTED = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:起|以来)?\s*(?:开始|首次|首届)?\s*(?:举行|举办|创办|开办|启动)\s*的\s*"
                      r"([\u4e00-\u9fffA-Za-z]{4,24})")
_STARTED_AFTER = re.compile(r"([\u4e00-\u9fffA-Za-z]{4,24}?)\s*(?:创办|创立|首次举办|首次举行)?(?:始于|创办于|创立于|首办于)\s*"
                            r"((?:19|20)\d\d)\s*年")
_EDITION = re.compile(r"第\s*([一二三四五六七八九十\d]{1,3})\s*届\s*([\u4e00-\u9fffA-Za-z]{4,24})")
_HELD = re.compile(r"举行了|举办了|召开了|圆满结束|闭幕|落下帷幕|成功举办|成功举行")
_WEIGHT = 2.0  # a point below a known trip or an office window


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def page_series(text: str, ev: YearEvidence, weight: float, future: Callable[[str, int], bool]) -> None:
    """Year evidence from an edition of a series the page dates itself (see the module's doc)."""
    if "届" not in text or "年" not in text:
        return
    starts = [(int(m.group(1)), m.group(2)) for m in _STARTED.finditer(text)]
    starts += [(int(m.group(2)), m.group(1)) for m in _STARTED_AFTER.finditer(text)]
    if not starts:
        return
    for m in _EDITION.finditer(text):
        n, name = ordinal(m.group(1)), m.group(2)
        if not n or n > 60:
            continue
        for first, run in starts:
            k = _prefix(name, run)
            # the whole of one name begins the other (…文化节 / …文化节吸引数十万人参加)
            if k < 4 or k not in (len(name), len(run)):
                continue
            year = first + n - 1
            ev.add(year, _WEIGHT * weight, f"edition {n} of a series begun in {first}", m.span())
            clause = text[m.end():m.end() + 30]
            if future(text, m.start()):
                ev.bound(None, year, "an edition to come", m.span())
            elif _HELD.search(clause.split("。")[0]):
                ev.bound(year, None, "an edition held", m.span())
            break
