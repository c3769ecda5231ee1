"""Year evidence read against the dated lexicons, apart from the collector's passes.

A trip the page calls recent (近日NAME访华, NAME日前对老挝进行的正式访问): the lexicon dates the trip
(visits_*.tsv), and the page is of the weeks after it. With the story's month and day, the year in
which that day falls in the few months after the trip; without them, the year the trip ended.
A numbered series whose number stands inside its name (series.tsv) is found by its two parts, and
an anniversary of relations is counted from relations.tsv or, between two other countries, relations_pairs.tsv."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import ahocorasick_rs as ac

from ..lexicon import Lexicon, Office
from ..text.numbers import small_chinese, to_number
from .offices import title_fits
from .year_solver import YearEvidence

# 建交50周年, 东盟成立55周年: an anniversary and what it counts from
ANNIV = re.compile(r"(建交|建立外交关系|[\u4e00-\u9fff]{2,12}?)\s*(\d{1,3})\s*周年")
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# a marker of the recent past, before the visitor or between him and the trip
RECENT = re.compile(r"近日|日前|不久前|前不久|最近|近期|刚刚|刚结束|上周|上月|今年")
_THIS_YEAR = ("今年",)
# what follows a title that stands alone for its holder (日皇与皇后于…访越, 教皇将访问…)
TITLE_ALONE = re.compile(r"[与和及于在对将已曾,，、]|访|夫妇")
_AFTER = timedelta(days=100)  # how long a page still calls a trip recent
_REACH = 14  # the marker within this many characters of the visitor's name, in his clause
_CLAUSE_END = "，,。；;\n"
_WEIGHT = 3.0  # as a known trip: below STRONG, the office holders' window holds


def recent_trips(lex: Lexicon, text: str, ev: YearEvidence, weight: float, month_day: tuple[int, int] | None,
                 auto: tuple[list[str], Any, dict[str, list[str]]], destinations: Callable[[str, int], set[str]]) -> None:
    """Point evidence from trips the page calls recent (see the module's doc)."""
    if not lex.visits or not RECENT.search(text):
        return
    names, automaton, by_key = auto
    fits: dict[int, str] = {}
    for k, i, j in automaton.find_matches_as_indexes(text, overlapping=True):
        lo = max(0, i - _REACH, *(text.rfind(c, 0, i) + 1 for c in _CLAUSE_END))
        hi = min([x for x in (text.find(c, j) for c in _CLAUSE_END) if x >= 0] + [j + _REACH * 2])
        recent = RECENT.search(text, lo, hi)
        if not recent:
            continue
        if names[k] not in lex.visits and (any(h in text for h in by_key[names[k]]) or not TITLE_ALONE.match(text, j)):
            continue  # (a title whose holder the page names: his name is read; 总书记特使: a title inside a noun)
        goes = destinations(text, j)
        for v in (v for name in by_key[names[k]] for v in lex.visits[name]):
            if v.host_iso3 not in goes:
                continue
            end = v.end or v.start
            if month_day is None or recent.group() in _THIS_YEAR:
                # (今年2月底…访越: a trip of the page's year, whatever its day)
                if month_day is None or (end.month, end.day) <= month_day or v.start.month <= month_day[0]:
                    fits[end.year] = v.visitor
                continue
            for y in (end.year, end.year + 1):
                try:
                    d = date(y, *month_day)
                except ValueError:
                    continue
                if end <= d + timedelta(days=4) and d <= end + _AFTER:
                    fits[y] = v.visitor
    lo_, hi_ = ev.window()
    # (trips outside the office holders' window share nothing with those inside)
    fits = {y: n for y, n in fits.items() if (lo_ is None or y >= lo_) and (hi_ is None or y <= hi_)} or fits
    for y, name in fits.items():
        ev.add(y, _WEIGHT * weight / len(fits), f"recent trip {name}")


def split_series_name(text: str, m: re.Match[str], splits: dict[str, list[tuple[str, int]]]) -> tuple[str, int] | None:
    """(series name, start) when the ordinal ``m`` stands inside a series' name: its first part
    (two characters or more) just before, its rest just after. ``splits`` (from
    :func:`series_splits`) lists the names by the two characters their rest starts with."""
    before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 16]
    for n, i in splits.get(after[:2], ()):
        if before.endswith(n[:i]) and after.startswith(n[i:]):
            return n, m.start() - i
    return None


def series_splits(names: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Every way to cut each series name in two (both parts two characters or more), by the first
    two characters of the rest; longer heads first."""
    out: dict[str, list[tuple[str, int]]] = {}
    for n in names:
        for i in range(len(n) - 2, 1, -1):
            out.setdefault(n[i:i + 2], []).append((n, i))
    return out


def _page_pair(lex: Lexicon, text: str, home: str) -> set[str]:
    """The two countries a page names most, when it never names the home country."""
    counts: dict[str, int] = {}
    for name, _s, _e in lex.find("gazetteer", text):
        if (iso := lex.country_of(name)):
            counts[iso] = counts.get(iso, 0) + 1
    if home in counts or len(counts) < 2:
        return set()
    return set(sorted(counts, key=lambda i: -counts[i])[:2])


def _country_counts(lex: Lexicon, text: str) -> dict[str, int]:
    """How often the page names each country by a country's name (a place inside one is no sign of
    it: 边和 in 周边和)."""
    counts: dict[str, int] = {}
    for name, _s, _e in lex.find("gazetteer", text):
        if name in lex.entities and lex.entities[name].kind == "country" and (iso := lex.country_of(name)):
            counts[iso] = counts.get(iso, 0) + 1
    return counts


def _page_partner(counts: dict[str, int], home: str) -> str | None:
    """The country other than the home one that the page names most, when it names it at least twice
    as often as any third country."""
    others = {iso: n for iso, n in counts.items() if iso != home}
    ranked = sorted(others.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(others, key=lambda i: others[i])


def _national_day(lex: Lexicon, window: str) -> int | None:
    """中国即将迎来建国72周年: the national day of the country named just before (X国庆 in the lexicon)."""
    for name, _s, _e in reversed(lex.find("gazetteer", window)):
        iso = lex.country_of(name)
        short = lex.country_names.get(iso) if iso else None
        if short and (d := lex.anniversaries.get(short + "国庆")) is not None:
            return d.year
    return None


# what may stand between a founding named and its count (国庆日76周年, 南方解放胜利50周年), unlike a
# noun the founding's words begin (访问南方解放区45周年: a visit to the liberated zone)
_FOUNDING_TAIL = re.compile(r"(?:日|节|纪念日|胜利|暨|的|\s)*")


def _relations_base(lex: Lexicon, text: str, window: str, home: str) -> int | None:
    """越中建交 / 越南与古巴建交 / 两国建交: the year relations with the partner named just before began."""
    best = None
    named = {iso for name, _s, _ in lex.find("gazetteer", window) if (iso := lex.country_of(name))}
    named |= {ia[0] for a in window[-8:] if len(ia := lex.abbrs.get(a, ())) == 1}
    if len(named) < 2 and home not in named:
        # (两国建交50周年 on a page about two other countries, never naming the home country)
        pair = _page_pair(lex, text, home)
        named = pair if named <= pair else named
        if "我国" in window and not pair and home not in _country_counts(lex, text):
            # (我国同老挝建交50周年 on a page that never names the home country: 我国 is the outlet's
            # own country, not the home one; its relations are not the home's)
            return None
    if home not in named and len(named) >= 2:
        # 马中两国建交50周年: two other countries' relations (relations_pairs.tsv)
        found = {d.year for pair, d in lex.pair_relations.items() if pair <= named}
        return found.pop() if len(found) == 1 else None
    for name, _s, _ in lex.find("gazetteer", window):
        iso = lex.country_of(name)
        if iso and iso != home and iso in lex.relations:
            best = lex.relations[iso].year
    if best is None:
        # a pair abbreviation with the home country's (越中, 中越, 越老…两国建交): not any character
        # of the window (以 in 以庆祝建交 is no Israel)
        for a, b in reversed(list(zip(window, window[1:], strict=False))):
            ia, ib = lex.abbrs.get(a, ()), lex.abbrs.get(b, ())
            if len(ia) == 1 and len(ib) == 1 and home in (ia[0], ib[0]) and ia[0] != ib[0]:
                partner = ib[0] if ia[0] == home else ia[0]
                if partner in lex.relations:
                    best = lex.relations[partner].year
                    break
    if best is None and "两国" in window[-8:] and home in (counts := _country_counts(lex, text)):
        # (关于两国建交45年来…, on a page of the home country and one other: that other's relations)
        other = _page_partner(counts, home)
        best = lex.relations[other].year if other is not None and other in lex.relations else None
    return best


def anniversary_base(lex: Lexicon, text: str, pos: int, key: str, home: str) -> int | None:
    window = text[max(0, pos - 16):pos + len(key)]
    if ("建交" in key or "外交关系" in key or "对话关系" in key) and "东盟" in window:
        # 东盟—美国建交45周年, 俄罗斯-东盟建立对话关系20周年: ASEAN's relations with a partner (named
        # before or after it), not Vietnam's
        flat = re.sub(r"[—\-–·与和、\s]", "", window)
        return next((d.year for pattern, d in lex.anniversaries.items() if pattern.startswith("东盟") and
                     (pattern in flat or (len(pattern) > 2 and pattern[2:] + "东盟" in flat))), None)
    if "建交" in key or "外交关系" in key:
        return _relations_base(lex, text, window, home)
    national = _national_day(lex, window) if key.endswith(("建国", "国庆")) else None
    if national is not None:
        return national
    for pattern, d in lex.anniversaries.items():
        # (the founding named right before the count: 国庆76周年, not 两国庆祝建立…伙伴关系10周年)
        if pattern and pattern in window and pattern in key[-len(pattern) - 2:] and \
                _FOUNDING_TAIL.fullmatch(key, key.rfind(pattern) + len(pattern)):
            return d.year
    return None


_TERM_NO = re.compile(r"第?(\d{1,2}|[一二三四五六七八九十]{1,3})届(?:中央委员会|中央)")


def numbered_term_year(lex: Lexicon, o: Office, tail: str, text: str = "") -> int | None:
    """The year of the congress whose number the office's title carries (当选越共十三届中央委员会总书记:
    the term the 13th congress opened), from the congresses lexicon of the office's party; or of the
    latest congress of that party the page names after the holder's first term began (通伦当选…总书记
    on a page about 老挝党十二大: a new term, not his first)."""
    party = lex.party_of.get(o.iso3) if o.iso3 else None
    if party is None:
        return None
    m = _TERM_NO.search(tail[:16])
    if m is not None:
        n = int(m.group(1)) if m.group(1).isdigit() else small_chinese(m.group(1))
        return next((c.opened.year for c in lex.congresses if c.party == party and c.number == n and c.opened), None)
    if not o.office.endswith("general_secretary"):
        return None  # (a party congress renews the party's chief, not the state's offices)
    later = [c.opened.year for c in lex.congresses if c.party == party and c.opened and o.start and
             c.opened.year > o.start.year and any(_held_named(text, f) for f in c.forms if len(f) >= 3)]
    return max(later) if later else None


_AHEAD = re.compile(r"迎接|筹备|准备|将召开|即将|前夕")
_AHEAD_AFTER = re.compile(r"(?:做|作)?(?:准备|筹备)")  # (为越共十四大做准备)


def _held_named(text: str, form: str) -> bool:
    """The congress is named on the page, and not as one still being prepared (迎接越共十三大)."""
    i = text.find(form)
    while i >= 0:
        if not _AHEAD.search(text, max(0, i - 8), i) and not _AHEAD_AFTER.match(text, i + len(form)):
            return True
        i = text.find(form, i + len(form))
    return False


def visitor_automaton(lex: Lexicon) -> tuple[list[str], Any, dict[str, list[str]]]:
    """The visitors' names, and the titles of single offices whose holders are visitors (日皇, 教皇:
    a visitor named by his office alone stands for its holders), with the names each key stands for."""
    by_key: dict[str, list[str]] = {n: [n] for n in lex.visits}
    offices_of_form: dict[str, set[str]] = {}
    for o in lex.offices:
        for f in o.forms:
            offices_of_form.setdefault(f, set()).add(o.office)
    for o in lex.offices:
        if o.holder in lex.visits:
            for f in o.forms:
                if len(f) >= 2 and len(offices_of_form[f]) == 1 and f not in lex.visits:
                    by_key.setdefault(f, []).append(o.holder)
    names = sorted(by_key)
    return names, ac.AhoCorasick(names or ["\0"]), by_key


def body_automaton(lex: Lexicon) -> tuple[list[str], Any]:
    """The bodies lexicon's names, for the pass that dates a page by the bodies it names."""
    names = sorted(lex.bodies)
    return names, ac.AhoCorasick(names or ["\0"])


# 来越南履职近四年, 任期满五年: how long a holder has held his post when the page speaks
_TENURE = re.compile(r"(?:履职|任职|工作|在任)(?:已|了|已经)?(?:近|将近|约|快|满|已满)?(\d{1,2}|[一二三四五六七八九十两]{1,3})年")


def tenure_year(text: str, name: str, starts: list[date]) -> int | None:
    """The year a holder's tenure told in years reaches (term start + N), when the page tells it
    within a few sentences after naming him (他说，来越南履职近四年…)."""
    if not starts or name not in text:
        return None
    first = text.find(name)
    m = _TENURE.search(text, first, first + 400)
    if m is None:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else small_chinese(m.group(1))
    return min(starts).year + n if n else None


def ordinal(s: str) -> int | None:
    """A session's number in Arabic or Chinese numerals (cn2an: one parser for the package)."""
    n = to_number(s)
    return int(n) if n is not None and n == n.to_integral_value() else None


# 为实现2020年…达150亿美元的目标, 力争到2025年…: a year a target is set for, no year of the page
_TARGET_LEAD = re.compile(r"(?:为实现|实现|力争|争取|力争到|争取到|目标是|推进|迈向)\s*(?:到|在)?$")
_TARGET_TAIL = re.compile(r"[^，。；,;]{0,30}?目标")


def aims_at(text: str, end: int) -> bool:
    """Whether the clause after a year ending at ``end`` names it as a target's (…年前将…提升至…的目标)."""
    return _TARGET_TAIL.match(text, end) is not None


def is_target(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is the year a target is set for."""
    return _TARGET_LEAD.search(text, max(0, start - 6), start) is not None and _TARGET_TAIL.match(text, end) is not None


def term_years(fits: Sequence[Office], today: date | None, month_day: tuple[int, int] | None) -> set[int]:
    """The years a holder's terms cover; with the story's month and day (a page dates its story
    without a year), only the years in which that day falls inside a term."""
    top = today.year if today else 2100
    years: set[int] = set()
    for o in fits:
        if not o.start:
            continue
        for y in range(o.start.year, (o.end.year if o.end else top) + 1):
            if month_day is not None:
                try:
                    day = date(y, *month_day)
                except ValueError:
                    day = None
                if day is not None and (day < o.start or (o.end is not None and day > o.end)):
                    continue
            years.add(y)
    return years


def lunar_year(stem: str, branch: str, around: int = 2010) -> int | None:
    s, b = STEMS.index(stem), BRANCHES.index(branch)
    for k in range(60):
        if k % 10 == s and k % 12 == b:
            base = 1984 + k  # 1984 was 甲子
            return min((base + 60 * n for n in range(-2, 3)), key=lambda y: abs(y - around))
    return None


def anniversary_mentions(text: str) -> list[re.Match[str]]:
    """``ANNIV`` matches, searched only just before each 周年: the pattern's lazy prefix
    costs a dozen steps at every hanzi of the page otherwise."""
    out: list[re.Match[str]] = []
    done = 0
    i = text.find("周年")
    while i >= 0:
        m = ANNIV.search(text, max(done, i - 24), i + 2)
        if m:
            out.append(m)
            done = m.end()
        i = text.find("周年", i + 2)
    return out


def held_together(titles: Sequence[str], fits: Sequence[Office], today: date | None,
                  month_day: tuple[int, int] | None) -> set[int]:
    """The years of a holder's terms (term_years), narrowed by the titles named together before his
    name (政府副总理兼外长NAME, 政治局委员、总理NAME): he held them at once, so the years of each
    title's terms intersect."""
    years = term_years(fits, today, month_day)
    for t in titles:
        own = [o for o in fits if title_fits(t, o.forms)]
        if own:
            years &= term_years(own, today, month_day)
    return years
