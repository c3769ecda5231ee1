"""One event per act: merging the reports of one occurrence within a document."""

from __future__ import annotations

import calendar
import re
from copy import copy
from datetime import date
from functools import lru_cache

from ...model import Event
from .keep import _targets_overlap


# -- merging --------------------------------------------------------------------------
def _same(a: str, b: str) -> bool:
    a2, b2 = _norm(a), _norm(b)
    if not a2 or not b2:
        return False
    short, long_ = sorted((a2, b2), key=len)
    return short == long_ or (len(short) >= 2 and short in long_)


_PARENS = re.compile(r"[（(][^)）]*[)）]")
_MARKS = re.compile(r"[\s“”\"'《》「」]")


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    return _MARKS.sub("", _PARENS.sub("", s))


def _overlap(xs: list[str], ys: list[str]) -> bool:
    return any(_same(x, y) for x in xs for y in ys)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _dates_near(a: Event, b: Event, days: int = 10) -> bool:
    """One trip reported day by day (announced, departed, arrived, met): dates within ``days``."""
    if _dates_compatible(a.date, b.date):
        return True
    # (a month alone, 2020-11 in a week's review, spans its days: a visit of 31 October is near it; but a
    # plan's month is no span of the day it was announced on: 预计在4月份访华 on a page of 24 March)
    planned = "planned" in (a.factuality, b.factuality)
    (da, ma), (db, mb) = _span_of(None if planned and len(a.date or "") == 7 else a.date), \
        _span_of(None if planned and len(b.date or "") == 7 else b.date)
    if da is None or db is None:
        return False
    ea, eb = date_of(a.date_end) or ma or da, date_of(b.date_end) or mb or db
    return (db - ea).days <= days and (da - eb).days <= days


def _span_of(iso: str | None) -> tuple[date | None, date | None]:
    """A day (and no end of its own), or a month's first and last day."""
    if iso and len(iso) == 7:
        y, m = int(iso[:4]), int(iso[5:7])
        if 1 <= m <= 12:
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    return date_of(iso), None


_MISSION = ("大使馆", "总领事馆", "领事馆", "代表处", "代表机构")


# the types whose two sides are in no order (frames.tsv symmetric=yes), as the default lexicon has them
SYMMETRIC = frozenset({"meet", "phone_call", "sign"})


def same_occurrence(a: Event, b: Event, persons: frozenset[str] = frozenset(),
                    symmetric: frozenset[str] = SYMMETRIC) -> bool:
    if a.type != b.type:
        return False
    if a.type == "visit" and _dates_near(a, b) and _overlap(a.source, b.source):
        # the same visitor in the same country within days is one trip; a call on the home
        # country's embassy during it is part of it (but 俄罗斯 and 白俄罗斯, both known, are two)
        apart = bool(a.target_iso3) and bool(b.target_iso3) and not set(a.target_iso3) & set(b.target_iso3)
        if (_overlap(a.target, b.target) and not apart) or bool(set(a.target_iso3) & set(b.target_iso3)) or \
                any(t.endswith(_MISSION) for t in a.target + b.target):
            return True
    if a.caption != b.caption and _dates_near(a, b, 10) and not (a.type == "aid" and _other_donors(a, b)):
        # a caption illustrates the story: one shared side is enough, and a caption that
        # names nobody (越南政府总理与欧盟委员会主席通电话。) is the story's event; its date is
        # the page's, not always the event's
        src = _overlap(a.source, b.source) or _overlap(a.source + a.target, b.source + b.target)
        tgt = _overlap(a.target, b.target) or bool(set(a.target_iso3) & set(b.target_iso3))
        cap = a if a.caption else b
        # (but a caption naming another counterpart than the story's act shows another act: 会见了张志贤
        # under a story of the meeting with 吴作栋)
        if (src or tgt or not any(x in persons for x in cap.source + cap.target)) and not _met_apart(a, b, persons):
            return True
    if not _dates_compatible(a.date, b.date):
        return False
    if a.type in ("meet", "phone_call") and _overlap(a.target, b.target) and a.date and b.date:
        # the same person met on the same day by a delegation and by its leader: one meeting.
        # Two different persons on the host side are two meetings.
        pa = {x for x in a.source if x in persons}
        pb = {x for x in b.source if x in persons}
        if not (pa and pb) or pa & pb:
            return True
    if a.type in ("meet", "phone_call") and a.date and a.date == b.date and _overlap(a.source, b.source) \
            and _leaders_of(a, persons) != _leaders_of(b, persons) and set(a.target_iso3) & set(b.target_iso3):
        return True  # 分别与老挝…国会领导人会晤, then each leader met by name: one meeting each
    if _same_day_act(a, b):
        return True
    if a.type in symmetric:
        xa, xb = a.source + a.target, b.source + b.target
        return _overlap(a.source, xb) and _overlap(a.target, xb) and _overlap(b.target, xa)
    if a.type == "visit":
        known_apart = bool(a.target_iso3) and bool(b.target_iso3) and not set(a.target_iso3) & set(b.target_iso3)
        same_place = (_overlap(a.target, b.target) and not known_apart) or bool(set(a.target_iso3) & set(b.target_iso3))
        return _overlap(a.source, b.source) and same_place
    if a.type == "aid" and a.date and a.date == b.date:
        # one donation told twice on one day (越南向老挝援助… / 越南政府…向老挝移交…); but two
        # donors named apart (A提供的…、B提供的…, or of two countries) made two gifts
        if not _overlap(a.source, b.source) and (a.evidence == b.evidence or _other_donors(a, b)):
            return False
        return _overlap(a.target, b.target) or bool(set(a.target_iso3) & set(b.target_iso3))
    return _overlap(a.source, b.source) and _overlap(a.target, b.target)


def _met_apart(a: Event, b: Event, persons: frozenset[str]) -> bool:
    """Two meetings (or calls) each with a named counterpart of its own: not one act told twice."""
    if a.type not in ("meet", "phone_call"):
        return False
    na, nb = {x for x in a.target if x in persons}, {x for x in b.target if x in persons}
    if na and nb and not _overlap(list(na), b.source + b.target) and not _overlap(list(nb), a.source + a.target):
        return True
    # (王毅与维文会晤 under a story of 李显龙会见王毅: the side they share met two different persons)
    sa, sb = a.source + a.target, b.source + b.target
    oa = [x for x in sa if x in persons and not _overlap([x], sb)]
    ob = [x for x in sb if x in persons and not _overlap([x], sa)]
    return bool(oa) and bool(ob)


def _same_day_act(a: Event, b: Event) -> bool:
    """The leaders witnessed the signing the page names (one act); those present at one gathering on
    one day (A出席X开幕式。B、C等也参加了X) are one attendance."""
    if not a.date or a.date != b.date:
        return False
    if a.type == "sign" and "见证" in (a.trigger, b.trigger):
        return True
    return a.type == "attend" and len(a.date) == 10 and _overlap(a.target, b.target) and "在…上" not in (a.trigger, b.trigger)


_LEADERS = re.compile(r"^[^和与及、党]{2,8}?(?:国会|议会|政府)(?:领导人|代表团)$")


def _leaders_of(e: Event, persons: frozenset[str] = frozenset()) -> bool:
    """A meeting with one country's parliament's or government's leaders or delegation, no person
    named (老挝国会领导人)."""
    return bool(e.target) and all(t not in persons and _LEADERS.match(t) for t in e.target)


_INTL = re.compile(r"东盟|联合国|欧盟|世界|国际|亚洲开发银行|亚行|UN|ASEAN|EU")


def _other_donors(a: Event, b: Event) -> bool:
    """Gifts of donors of two different countries (a caption on Japan's aid is not Australia's)."""
    if _overlap(a.source, b.source) or set(a.source_iso3) & set(b.source_iso3):
        return False
    # (a body without a country, 政府 or 红十字会, may be the other's own: only an international
    # one, 东盟 or 联合国, is surely another donor)
    return all(e.source_iso3 or any(_INTL.match(x) for x in e.source) for e in (a, b))


def merge_events(events: list[Event], persons: frozenset[str] = frozenset(),
                 symmetric: frozenset[str] = SYMMETRIC, bodies: frozenset[str] = frozenset()) -> list[Event]:
    out: list[Event] = []
    for ev in _split_joint(events, persons):
        fits = [cur for cur in out if same_occurrence(cur, ev, persons, symmetric)]
        # (the report that names both sides of this one is it, before one that shares a side only)
        both = [cur for cur in fits if _sides_match(cur, ev)]
        if fits:
            _absorb((both or fits)[0], ev, symmetric)
        else:
            out.append(ev)
    return _without_summaries(out, persons, bodies)


def _sides_match(a: Event, b: Event) -> bool:
    xa, xb = a.source + a.target, b.source + b.target
    return _overlap(a.source, xb) and _overlap(a.target, xb) and _overlap(b.source, xa) and _overlap(b.target, xa)


def _split_joint(events: list[Event], persons: frozenset[str]) -> list[Event]:
    """会见A和B in a summary, then A and B each met in a sentence of their own: the summary
    names two meetings, one for each of its persons."""
    out: list[Event] = []
    for ev in events:
        many = [x for x in ev.target if x in persons] if ev.type in ("meet", "phone_call") else []
        apart = [x for x in many if any(
            o is not ev and o.type == ev.type and _dates_compatible(o.date, ev.date)
            and _overlap([x], o.source + o.target) and _overlap(ev.source, o.source + o.target)
            and not any(_overlap([y], o.source + o.target) for y in many if y != x)
            for o in events)]
        if len(many) < 2 or len(apart) != len(many):
            out.append(ev)
            continue
        for x in many:
            part = copy(ev)
            part.source, part.target = list(ev.source), [x]
            part.source_iso3, part.target_iso3 = list(ev.source_iso3), list(ev.target_iso3)
            part.extra_evidence = list(ev.extra_evidence)
            out.append(part)
    return out


def _without_summaries(events: list[Event], persons: frozenset[str], bodies: frozenset[str] = frozenset()) -> list[Event]:
    """越南领导人向老挝领导人致贺电, then each leader's message: the collective sentence sums up
    the persons' messages between the same countries, one act each, and goes. A named body's
    message (越共中央委员会向…致贺电) is a message of its own beside its leader's."""
    by_person = [e for e in events if e.type == "congratulate" and any(n in persons for n in e.source)]

    def summed_up(e: Event) -> bool:
        if e.type != "congratulate" or any(n in persons or n in bodies for n in e.source) or not e.source_iso3:
            return False
        # (every sender country of the sentence has its persons' message: it adds no sender)
        return all(any(iso in p.source_iso3 and set(p.target_iso3) & set(e.target_iso3) for p in by_person)
                   for iso in set(e.source_iso3))
    return [e for e in events if not summed_up(e)]


def _absorb(cur: Event, ev: Event, symmetric: frozenset[str] = SYMMETRIC) -> None:
    if cur.type in ("meet", "phone_call") and _leaders_of(cur) and not _leaders_of(ev) and \
            _overlap(cur.source, ev.source):
        cur.target, ev.target = list(ev.target), list(cur.target)  # the person met named first
        cur.target_iso3, ev.target_iso3 = list(ev.target_iso3), list(cur.target_iso3)
    if cur.type in symmetric and _overlap(ev.source, cur.target) and \
            not _overlap(ev.source, cur.source):
        ev.source, ev.target = ev.target, ev.source
        ev.source_iso3, ev.target_iso3 = ev.target_iso3, ev.source_iso3
    if cur.type == "visit" and any(t.endswith(_MISSION) for t in ev.target) and \
            not all(t.endswith(_MISSION) for t in cur.target):
        ev.target, ev.target_iso3 = [], []  # the trip's destination stays the country
    _merge_dates(cur, ev)
    for x in ev.source:
        if not any(_same(x, y) and len(y) >= len(x) for y in cur.source):
            cur.source.append(x)
    for x in ev.target:
        if not any(_same(x, y) and len(y) >= len(x) for y in cur.target):
            cur.target.append(x)
    cur.source_iso3 = sorted(set(cur.source_iso3) | set(ev.source_iso3))
    cur.target_iso3 = sorted(set(cur.target_iso3) | set(ev.target_iso3))
    cur.location = cur.location or ev.location
    if cur.factuality == "restated" and ev.factuality in ("reported", "planned"):
        cur.factuality = ev.factuality  # (a restatement merged with the act it restates is that act)
    cur.visit_kind = cur.visit_kind or ev.visit_kind
    if cur.caption and not ev.caption:
        cur.extra_evidence.append(cur.evidence)
        cur.evidence, cur.caption = ev.evidence, False
        if ev.date and cur.type != "visit":
            cur.date, cur.date_end = ev.date, ev.date_end  # a caption's date is the page's
    else:
        cur.extra_evidence.append(ev.evidence)


def _merge_dates(cur: Event, ev: Event) -> None:
    """The date of one act reported twice: a trip's stated range, then its day written over one
    the running context gave, then its earliest day; otherwise the more precise date."""
    if cur.type == "visit" and cur.date_end and not ev.date_end:
        pass  # a stated range (1月12日至15日) is the trip's; reports around it keep it
    elif cur.type == "visit" and ev.date_end and not cur.date_end:
        cur.date, cur.date_end = ev.date, ev.date_end
    elif cur.type == "visit" and cur.date and ev.date and len(cur.date) == len(ev.date) == 10 \
            and cur.date_inherited != ev.date_inherited:
        # (a summary's trip dated by the running context, and the sentence that writes its day:
        # the day written)
        if cur.date_inherited:
            cur.date, cur.date_end, cur.date_inherited = ev.date, ev.date_end, False
    elif cur.type == "visit" and cur.date and ev.date and len(cur.date) == len(ev.date) == 10:
        # a trip: the earliest day reported is its start, the latest its end
        days = sorted(d for d in (cur.date, cur.date_end, ev.date, ev.date_end) if d)
        cur.date, cur.date_end = days[0], (days[-1] if days[-1] != days[0] else cur.date_end)
    elif (not cur.date or (ev.date and len(ev.date) > len(cur.date))) and ev.date:
        cur.date, cur.date_end = ev.date, ev.date_end


def date_of(iso: str | None) -> date | None:
    if iso and len(iso) == 10:
        return date.fromisoformat(iso)
    return None


def merge_headline(merged: list[Event], title_events: list[Event], persons: frozenset[str],
                   symmetric: frozenset[str]) -> None:
    """The headline's acts, into the body's: one the body tells too adds its evidence to it; one of a
    type the body lacks, or another gathering, or a person the body never names, is kept."""
    for ev in title_events:
        same_type = [e for e in merged if e.type == ev.type]
        if not same_type or (ev.type in ("attend", "host") and not any(
                _targets_overlap(e.target, ev.target) for e in same_type)):
            # the headline's gathering is another than the body's (出席第32届东盟峰会 in the
            # headline, 出席非正式会议 in the body): both were attended
            merged.append(ev)
            continue
        for e in merged:
            if same_occurrence(e, ev, persons, symmetric):
                e.extra_evidence.append(ev.evidence)
                break
        else:
            if _headline_apart(ev, same_type, persons):
                merged.append(ev)


def _headline_apart(ev: Event, body: list[Event], persons: frozenset[str]) -> bool:
    """A headline's act by a person the body's acts of its type never name (拜登将到访越南 over a body
    that tells only of 布林肯's earlier visit): another act, kept."""
    if ev.type not in ("visit", "meet", "attend"):
        return False  # (张建卫向…转交中国政府援助: an envoy hands over his country's gift, told in the body)
    named = [a for a in ev.source if a in persons]
    return bool(named) and not any(p in a or a in p for e in body for a in e.source + e.target for p in named)


def name_bare_titles(events: list[Event], titled: list[tuple[str, list[str]]]) -> None:
    """与越南国家主席举行会谈: a side named by a title alone that one person of the page holds
    (越南国家主席阮春福 in the lede) is that person."""
    holders: dict[str, set[str]] = {}
    for name, titles in titled:
        for t in titles:
            holders.setdefault(t, set()).add(name)
    for e in events:
        for side in (e.source, e.target):
            for i, a in enumerate(side):
                names = holders.get(a, set())
                if len(names) == 1 and (n := next(iter(names))) not in side:
                    side[i] = n
