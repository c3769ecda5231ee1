"""Years of a page's documents beside the article's own: a printed stamp that the story's words
rule out (a repost's day), and teasers, the site's newest items, dated by their own evidence, their
siblings' or, in a narrow window that holds it, the article's."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import _DocBuilder as DocBuilder


def reposted(b: DocBuilder, pub: date) -> bool:
    """A stamp printed on the page (not a date the caller gave) that the story's own words rule
    out (来源:新华网 发布时间:2015-… over a visit its text dates to 2010): a repost's day."""
    lo, hi = b.evidence.text_window()
    if b.own_year is not None and ((hi is not None and hi < pub.year) or (lo is not None and lo > pub.year)):
        return True
    # (超碰…视频:越南为何高规格接待习近平, 时间:2024/04/29 over the 2011 story it copies: the titled holders it
    # names were in office together only years before the stamp)
    held = [c for c in b.evidence.constraints if c.kind == "bound" and c.note.startswith("offices held at once")]
    return b.own_year is not None and any(c.hi is not None and c.hi < pub.year - 1 for c in held)


def date_teaser(b: DocBuilder, builders: list[DocBuilder], pool: int | None, article_year: int | None) -> None:
    if b.evidence.strength >= 3:
        b.set_year(b.evidence.decide(prefer=pool, prefer_weight=1.0), "text")
        return
    if pool is not None:
        b.set_year(b.evidence.best(prefer=pool, prefer_weight=2.0), "page teasers")
        return
    comb = b.combined()
    # the page's other teasers, dated by what they name (office holders): listed at
    # the same time, they are a better guess than an article of any age
    # (an undated sibling counts by the lower bound its office holders give)
    siblings: list[int] = [y for o in builders if o is not b and o.doc.kind == "teaser"
                           and (y := o.own_year or o.evidence.lo)
                           and (o.evidence.scores or o.evidence.lo is not None)]
    if comb.scores:
        b.set_year(comb.decide(), "text")
    elif siblings and comb.lo is None:
        b.set_year(max(siblings), "page teasers")
    elif article_year and comb.lo is not None and comb.hi is not None and \
            comb.lo <= article_year <= min(comb.hi, comb.cap or comb.hi) and comb.hi - comb.lo <= 2:
        # a narrow window of its own that holds the article's year: the page's time
        b.set_year(article_year, "article")
    else:
        # teasers are the site's newest items, not the article's: without evidence of
        # their own or of their siblings, and in a wide window, their year is left open
        b.set_year(comb.decide(), "offices")
