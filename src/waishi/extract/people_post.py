"""Passes over a document's persons after they are read: countries inherited from a delegation's
list or from a spouse's husband, short forms joined to the full transliterated name."""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..model import Person, Span
from .people import PersonMention

# offices several hold at once (offices.tsv: a key with "deputy", a collegial post): forms there are people apart
_COLLEGIAL = ("deputy", "councillor", "member", "vice", "senior_minister")
_LIST_CUE = re.compile(r"陪同|随同|随行|成员|包括|代表团|一行")


# 陪同新加坡总理NAME访问的有：…: the entourage of a named visitor, listed after the colon
_ENTOURAGE = re.compile(r"陪同(?P<who>[^，。；:：]{2,40}?)(?:出访|访问|访华|访越|出席|前往)[^，。；:：]{0,12}的(?:人员|成员|官员)?"
                        r"(?:有|还有|包括)[:：]")


def _entourage_country(text: str, lex: Lexicon, mentions: list[PersonMention], people: dict[str, Person]) -> None:
    """The members of a visitor's entourage whose titles name no country are of the visitor's
    country (a surname Vietnam shares says nothing against it: 总理公署部长陈振声 of Singapore)."""
    for m in _ENTOURAGE.finditer(text):
        who = [pm for pm in mentions if m.start("who") <= pm.span.start < m.end("who")]
        visitor = people.get(who[0].name) if who else None
        if visitor is None or visitor.country is None:
            continue
        stop = min([j for j in (text.find(c, m.end()) for c in "。\n") if j >= 0] + [len(text)])
        for pm in mentions:
            p = people.get(pm.name)
            if p is None or not m.end() <= pm.span.start < stop or pm.name == visitor.name:
                continue
            if not any(lex.entities[n].kind == "country" for t, _sp in pm.titles for n, _a, _b in lex.find("gazetteer", t)):
                p.country = visitor.country


def _inherit_list_country(text: str, mentions: list[PersonMention], people: dict[str, Person],
                          lex: Lexicon | None = None) -> None:
    """陪同洪森出访的有：…大臣迪班，…大臣奥拉本，…: members of a delegation's list whose titles
    name no country belong to the country of the list's other members."""
    if lex is not None and "陪同" in text:
        _entourage_country(text, lex, mentions, people)
    by_sentence: dict[Span, list[PersonMention]] = {}
    for pm in mentions:
        if pm.sentence is not None and pm.titles:
            by_sentence.setdefault(pm.sentence, []).append(pm)
    for sent, pms in by_sentence.items():
        if len(pms) < 3 or not _LIST_CUE.search(text, sent.start, sent.end):
            continue
        known = [people[pm.name].country for pm in pms if pm.name in people and people[pm.name].country]
        if not known:
            continue
        counts = {c: known.count(c) for c in dict.fromkeys(known)}
        top = max(counts, key=counts.__getitem__)
        if counts[top] < 2 or list(counts.values()).count(counts[top]) > 1:
            continue  # (no majority, or a tie: nothing the list tells for sure)
        for pm in pms:
            p = people.get(pm.name)
            if p is not None and p.country is None:
                p.country = top


_SPOUSE_OF = re.compile(r"(?:[(（][^)）]{0,8}[)）])?\s*(?:和|及|与|偕|的)")


def _spouse_country(text: str, lex: Lexicon, mentions: list[PersonMention], people: dict[str, Person]) -> None:
    """尹锡悦(右二)和夫人金建希, 李显龙的夫人何晶, 阮春福主席夫人陈月秋: a spouse is of her husband's
    country (named right before, or inside the title); else of none the title can tell (the home
    country's implicit offices are no spouse's)."""
    spouse = lex.memo("spouse_titles", lambda: tuple(t for t, kind in lex.titles.items() if kind == "spouse"))
    ends = sorted(((pm.span.end, pm.name) for pm in mentions), reverse=True)
    for pm in mentions:
        if not pm.titles or not all(t.endswith(spouse) for t, _ in pm.titles):
            continue
        first = min(sp.start for _, sp in pm.titles)
        husband = next((name for e, name in ends if first - 12 <= e < first and _SPOUSE_OF.fullmatch(text, e, first)),
                       None)
        if husband is None:
            husband = next((q.name for q in mentions if q is not pm and any(
                q.name in t for t, _ in pm.titles)), None)
        p = people.get(pm.name)
        if p is not None:
            h = people.get(husband) if husband else None
            p.country = h.country if h is not None else None


def _join_short_forms(mentions: list[PersonMention]) -> None:
    """巴西总统卢拉 … 路易斯·伊纳西奥·卢拉·达席尔瓦: a short form that is one part of exactly one
    full transliterated name of the same country is that person."""
    full: dict[str, set[str]] = {}
    country = {pm.name: pm.country for pm in mentions if pm.country}
    for pm in mentions:
        if "·" in pm.name:
            for part in pm.name.split("·"):
                if len(part) >= 2:
                    full.setdefault(part, set()).add(pm.name)
    for pm in mentions:
        names = full.get(pm.name)
        if "·" in pm.name or not names or len(names) != 1:
            continue
        target = next(iter(names))
        if pm.country and country.get(target) and pm.country != country[target]:
            continue
        pm.name = target


def join_holder_forms(mentions: list[PersonMention], lex: Lexicon) -> None:
    """佐科·维多多 … 佐科威: two forms the offices lexicon gives for the same term of one office are
    one person, named by the page's longest form (other outlets write leaders' names their own
    way, and a page may use two)."""
    best: dict[tuple[str, object], str] = {}
    keys: dict[str, list[tuple[str, object]]] = {}
    for pm in mentions:
        if pm.name in keys:
            continue
        keys[pm.name] = [(o.office, o.start) for o in lex.offices_for(pm.name)
                         if not any(w in o.office for w in _COLLEGIAL)]
        for key in keys[pm.name]:
            if len(pm.name) > len(best.get(key, "")):
                best[key] = pm.name
    for pm in mentions:
        pm.name = next((best[k] for k in keys.get(pm.name, ()) if best[k] != pm.name), pm.name)


# a title and an honorific, as speakers address a guest (代总统先生, 总理阁下): the one the page titles so
_ADDRESSED = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:先生|女士|阁下)")


def addressed_mentions(text: str, start: int, end: int, mentions: list[PersonMention]) -> list[PersonMention]:
    """代总统先生此次来华…: the person of the page whose title (缅甸代总统) ends with the one written
    before the honorific, when one person alone holds such a title."""
    if not any(h in text[start:end] for h in ("先生", "女士", "阁下")):
        return []
    names = {pm.name for pm in mentions}
    out: list[PersonMention] = []
    for m in _ADDRESSED.finditer(text, start, end):
        title = m.group(1)
        for k in range(len(title)):  # (the longest title that ends the run: 缅甸代总统 in 王晓晖说缅甸代总统)
            t = title[k:]
            holders = {pm.name for pm in mentions for tt, _ in pm.titles if len(t) >= 2 and tt.endswith(t)
                       and not any(n != pm.name and n in tt for n in names)}  # (对敏昂莱代总统: no title)
            if len(holders) == 1 and t not in names:
                out.append(PersonMention(next(iter(holders)), Span(m.start(1) + k, m.end()), []))
                break
    return out
