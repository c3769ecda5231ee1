"""Evidence from the start of an office holder's term: appointed (当选, 被任命为), sworn in
(宣誓就职, 就职典礼), about to take office (即将接任, 候任). Passes of :class:`year._Collector`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..lexicon import Office
from ..text.sentences import find_all
from .offices import title_fits
from .year_lexicon import numbered_term_year

if TYPE_CHECKING:
    from .year import _Collector

# a title naming its holder as new (澳大利亚新总理, 新任驻越大使): the page is of the term's first year
# NAME宣誓就职, NAME的就职典礼, NAME就职仪式: the holder takes office on the page
_SWORN_AFTER = re.compile(r"(?:同志)?(?:的)?(?:正式)?(?:宣誓就职|就职典礼|就职仪式|宣誓就职仪式)")
_APPOINT_AFTER = re.compile(r"(?:同志)?(?:已|正式|再次|再度|当天)?(?:当选|被选为|被选举为|被任命为|被推选为|就任|出任|获任|连任)")
_SINCE_OFFICE = re.compile(r"(?:同志)?[^，。；,;]{0,14}?(?:以来|之后|后)(?:的)?(?:首次|第一次|首访|首度)?")
# 首次出访, 首次外访, 首次出国访问: the first trip abroad of a term (not 首次访问X, a first visit to one country)
_FIRST_TRIP = re.compile(r"(?:出访|外访|出国访问|出国|访问外国)")
_APPOINT_BEFORE = re.compile(r"(?:选举|任命|推选|批准)$")
# 即将接任首相的NAME, 候任总统NAME: a holder about to take office (the page is of the year his term
# begins, or of the year before when it begins early in a year)
_INCOMING = re.compile(r"(?:即将|将要)(?:接任|出任|就任|上任)(?P<office>[^，。；,;的]{1,12})的|候任(?P<office2>[^，。；,;的]{1,8}?)")


def sworn_in(c: _Collector, name: str, fits: Sequence[Office], seen: set[str]) -> None:
    """NAME宣誓就职, 出席NAME的就职典礼: the page reports the start of the holder's term (of the
    office his title names; a holder of several terms of it shares the weight among them)."""
    if name in seen or "就职" not in c.text:
        return
    for i in find_all(c.text, name):
        m = _SWORN_AFTER.match(c.text, i + len(name))
        if m is None:
            continue
        seen.add(name)
        starts = sorted({o.start.year for o in fits if o.start})
        for y in starts:
            c.ev.add(y, 4 * c.weight / len(starts), f"{name} sworn in", c.at((i, m.end())))
        return


def appointments(c: _Collector, name: str, offices: Sequence[Office]) -> None:
    """当选/被任命为 + office: the page reports the start of a term."""
    text, ev, weight = c.text, c.ev, c.weight
    for i in find_all(text, name):
        appointed = _APPOINT_AFTER.match(text, i + len(name))
        appointing = _APPOINT_BEFORE.search(text, max(0, i - 3), i)
        if not appointed and not (appointing and text[i + len(name):i + len(name) + 3].lstrip("同志").startswith(("为", "担任"))):
            continue
        tail = text[i + len(name):i + len(name) + 30]
        again = bool(re.match(r"(?:同志)?(?:已|正式|当天)?(?:再次|连任|再度)", tail))
        since = _SINCE_OFFICE.match(tail)
        if since:
            # 就任政府总理以来首次访问: a time since the term began, which bounds the page below only
            o = next((o for o in offices if o.start and any(f in tail for f in o.forms if len(f) >= 2)), None)
            if o is None and not any(f in tail[:since.end()] for o2 in offices for f in o2.forms if len(f) >= 2):
                started = [o2 for o2 in offices if o2.start is not None]
                o = max(started, key=lambda o2: o2.start or date.min) if started else None  # (就任后的首次出访)
            if o is not None and o.start is not None:
                ev.bound(o.start.year, None, f"since {name} took office", c.at((i, i + len(name))))
                if _FIRST_TRIP.match(tail, since.end()) or since.group().endswith("首访"):
                    # 就任总理后首次出访: his first trip abroad, made within months of taking office
                    ev.add(o.start.year + (1 if o.start.month >= 11 else 0), 3 * weight,
                           f"{name}'s first trip abroad in office", c.at((i, i + len(name))))
            continue
        terms = [o for o in offices if o.start and any(f in tail for f in o.forms if len(f) >= 2)]
        if not terms:
            continue
        o = terms[0]
        numbered = numbered_term_year(c.lex, o, tail, text)
        if numbered is not None:
            # 当选越共十三届中央委员会总书记: the term the congress numbered in the title opened
            ev.add(numbered, 4 * weight, f"appointed {name} for a numbered term")
            continue
        if not again:
            # a holder of several terms of the office (当选美国总统: 2017 or 2025): each counts
            # its share, and the other evidence picks
            for t in terms:
                ev.add(t.start.year, 4 * weight / len(terms), f"appointed {name}")  # type: ignore[union-attr]
            continue
        # 再次当选: a new term at the first congress after the first term began
        party = c.lex.party_of.get(o.iso3)  # whose congress renews the office
        start = o.start
        assert start is not None
        later = sorted(k.opened for k in c.lex.congresses if k.party == party and k.opened
                       and k.opened > start and (c.today is None or k.opened <= c.today))
        if later:
            ev.add(later[0].year, 4 * weight, f"re-elected {name}")


def incoming(c: _Collector) -> None:
    """即将接任首相的NAME, 候任总统NAME: a holder about to take office; the page is of the year
    his term begins (or of the year before, for a term that begins early in a year)."""
    for m in _INCOMING.finditer(c.text):
        office = m.group("office") or m.group("office2") or ""
        for k in range(8, 1, -1):
            name = c.text[m.end():m.end() + k]
            terms = [o for o in c.lex.offices_for(name) if o.start and title_fits(office, o.forms)]
            if terms:
                break
        else:
            continue
        start = min(o.start for o in terms if o.start)
        span = c.at((m.end(), m.end() + len(name)))
        c.ev.bound(start.year - 1 if start.month <= 3 else start.year, start.year,
                      f"{name} about to take office", span)
        c.ev.add(start.year, 4 * c.weight, f"incoming {name}", span)


# 前总理NAME, 原外长NAME, 前任总统NAME: a holder named as a former one
# (not 日前往总统 nor 日前, 前往, 原因: 前 and 原 of other words)
_FORMER_TITLE = re.compile(r"^(?P<where>[^前原日之以目提此年月]{0,6}?)(?:前任|前(?![往进来夕后身面天年日景线])|原(?![则因来先本]))(?=.)")


# 已故总书记, 代理外长, 老主席 (not 老挝…): a title naming no holder in office, at its start
_NOT_HOLDING = re.compile(r"^(?:已故|故|代理|老(?!挝))")


def is_former(title: str) -> bool:
    """新加坡前总理, 原外长, 已故总书记, 代理外长: a title that names no present holder of the office."""
    return _FORMER_TITLE.match(title) is not None or _NOT_HOLDING.match(title) is not None


def former_holder(c: _Collector, name: str, titles: Sequence[str], offices: Sequence[Office],
                  month_day: tuple[int, int] | None) -> None:
    """新加坡前总理NAME: a title naming its holder as former dates the page no earlier than the
    end of that term (of his first term of the office when he held it more than once)."""
    ended: list[date] = []
    for t in titles:
        m = _FORMER_TITLE.match(t)
        if m is None:
            continue
        bare = m.group("where") + t[m.end():]
        ended += [o.end for o in offices if o.end and title_fits(bare, o.forms)]
    if not ended:
        return
    end = min(ended)
    lo = end.year + (1 if month_day is not None and (month_day[0], month_day[1]) < (end.month, end.day) else 0)
    c.ev.bound(lo, None, f"former {name}: term ended {end.isoformat()[:7]}")


# 越南将于明年主办东盟峰会: when a country's turn to chair comes, counted from the page's year
_CHAIR_WHEN = re.compile(r"明年|今年|本年|去年|当选|即将(?=担任|成为|出任)")
# (当选…非常任理事国: elected in the year before the term begins)
# (即将担任…非常任理事国, 即将担任东盟轮值主席国: a turn that begins next January, told the year before)
_CHAIR_OFFSET = {"明年": 1, "今年": 0, "本年": 0, "去年": -1, "当选": 1, "以": 0, "即将": 1}


def chair_turns(c: _Collector) -> None:
    """越南将于明年主办东盟峰会, 柬埔寨今年担任东盟轮值主席国: a country's turn to chair or host a
    body (chairs.tsv), said of next year or this year, dates the page (the year before, or that
    year); a country that chaired it more than once shares the weight among its turns."""
    if not c.lex.chairs:
        return
    rx = c.lex.memo("chairs_rx", lambda: re.compile("|".join(
        re.escape(f) for f in sorted(c.lex.chairs, key=len, reverse=True))))
    text = c.text
    for m in rx.finditer(text):
        lo = max([text.rfind(c, 0, m.start()) for c in "，,。；;\n"]) + 1
        clause = text[lo:m.start()]
        rel = _CHAIR_WHEN.search(clause)
        if rel is None and clause.endswith("以") and text.startswith(("身份", "身分"), m.end()):
            rel = re.search("以$", clause)  # X以东盟轮值主席国身份主持…: chairing now
        if rel is None:
            continue
        isos = [c.lex.country_of(w) for w, _a, b in c.lex.find("gazetteer", clause) if b <= rel.start()]
        isos = [i for i in isos if i]
        if not isos and rel.start() > 0 and len(ab := c.lex.abbrs.get(clause[rel.start() - 1], ())) == 1:
            isos = list(ab)  # (祝贺爱即将担任…: a one-character name of the country, just before)
        if not isos:
            continue
        turns = [y for iso, y in c.lex.chairs[m.group()] if iso == isos[-1]]
        off = _CHAIR_OFFSET[rel.group()]
        for y in turns:
            c.ev.add(y - off, 4 * c.weight / len(turns), f"{isos[-1]} chairs {m.group()} {rel.group()}",
                        c.at(m.span()))
