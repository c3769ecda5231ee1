"""A year reviewed and the next one planned (总结2017年合作成果并部署2018年合作任务, 总结2019年工作，
部署2020年任务): the page stands at the turn of the two years. With the story's month, the year: the
new one in its first quarter, the old one in its last (weighed above what the reviewed year names,
its anniversaries and figures); otherwise only the bound."""

from __future__ import annotations

import re

from .year_solver import STRONG, YearEvidence

_REVIEW_PLAN = re.compile(r"(\d{4})\s*年[^。；;]{0,24}?(?:情况|工作|成果|结果|成绩|进展)[^。；;]{0,12}?"
                          r"(\d{4})\s*年[^。；;]{0,16}?(?:方向|计划|任务|重点|方针|目标)")


def review_and_plan(text: str, ev: YearEvidence, weight: float, month_day: tuple[int, int] | None) -> None:
    """Year evidence from a review of one year beside the plan of the next (see the module's doc)."""
    for m in _REVIEW_PLAN.finditer(text):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y2 != y1 + 1:
            continue
        ev.bound(y1, y2, "a year reviewed, the next planned", m.span())
        if month_day is not None and month_day[0] <= 3:
            ev.add(y2, 2 * STRONG * weight, "a year reviewed, the next planned", m.span())
        elif month_day is not None and month_day[0] >= 10:
            ev.add(y1, 2 * STRONG * weight, "a year reviewed, the next planned", m.span())
        return
