"""Which acts a document keeps among its events: reported acts and planned ones with a named
counterpart; what is proposed, offered, summed up, said in passing or a class of people met is
kept apart (other_events); a restatement joins the act it restates."""

from __future__ import annotations

import re

from ...lexicon import Lexicon
from ...model import Event
from ...text.normalize import to_simplified


def _targets_overlap(a: list[str], b: list[str]) -> bool:
    """The same gathering named twice: one name inside the other, or the shorter one's
    characters mostly found in the longer (越老合作文件交换仪式 ~ 双方各项合作文件的交换仪式)."""
    for x in a:
        for y in b:
            if not x or not y:
                continue
            if x in y or y in x:
                return True
            short, long_ = sorted((x, y), key=len)
            if len(set(short) & set(long_)) >= 0.6 * len(set(short)):
                return True
    return False


_SUMMITS = ("峰会", "峰會", "领导人会议", "領導人會議", "领导人非正式会议")
_UNNAMED_TAIL = ("领导", "领导人", "人士", "代表", "官员", "高官", "朋友")
# a class made definite: counted (四名领导, 两位代表), or the delegates of a gathering or of both sides
_DEFINITE = re.compile(r"[\d一二两三四五六七八九十]+(?:名|位|个)|出席|参加|双方")
_CLASS_TAIL = _UNNAMED_TAIL + ("嘉宾", "顾问", "企业家", "专家", "学者", "侨胞", "侨民", "友人")


def _named(e: Event, persons: frozenset[str]) -> bool:
    """A planned act is kept when it names its counterpart: a meeting planned with 中国党和国家领导
    (no one named) is a plan's outline, kept apart."""
    if e.type in ("host", "attend"):
        # (中国将举办…论坛: a country's plan for a gathering, no one named taking part; but 越南将于明年
        # 主办东盟峰会: a summit's host is a country)
        return any(s in persons for s in e.source) or (e.type == "host" and any(t.endswith(_SUMMITS) for t in e.target))
    if e.type not in ("meet", "phone_call"):
        return True
    return any(t in persons for t in e.target) or not all(t.endswith(_UNNAMED_TAIL) for t in e.target)


_GENERIC = re.compile(r"^(?:世界)?(?:各国|多国|各方|许多|一些|众多|多位|各)")


def _generic(e: Event, persons: frozenset[str], lex: Lexicon) -> bool:
    """与世界各国元首举行会晤, 会见菲律宾企业领导, 会见旅柬越南人社区代表: a meeting with a class of
    people names no counterpart (kept apart); a delegation (…代表团, …一行) is one, and so are the
    leaders of a body or a place the page names (琅勃拉邦省领导)."""
    def definite(t: str) -> bool:
        if _DEFINITE.search(t):
            return True
        base = t[:-next(len(w) for w in _CLASS_TAIL if t.endswith(w))]
        if re.search(r"[\u4e00-\u9fff]{2}(?:省|市|州|县|部|委|厅|局|政府|国会|议会)$", base) and not _GENERIC.match(base):
            return True  # 赛宋奔省领导: a named unit's leaders, whether the gazetteer knows it or not
        return any(b == len(base) and lex.entities[w].kind in ("place", "org") for w, _a, b in lex.find("gazetteer", base))
    return e.type in ("meet", "phone_call") and bool(e.target) and \
        all(t not in persons and (_GENERIC.match(t) or (t.endswith(_CLASS_TAIL) and not definite(t)))
            for t in e.target)


def _states_met(e: Event, lex: Lexicon) -> bool:
    """A meeting one of whose sides is only countries (奥巴马会见越南, 中国同习近平), an attendance by a
    list of countries (the members): people and bodies meet and attend, a country stands there for a
    side misread (the annotated meetings have one such in 433, the attendances 1 in 172)."""
    if e.type not in ("meet", "attend"):
        return False

    def country(name: str) -> bool:
        ent = lex.entities.get(name) or lex.entities.get(to_simplified(name))
        return ent is not None and ent.kind == "country"
    if e.type == "attend":  # (越南出席G20峰会 is annotated; 越、中 or 柬埔寨、老挝、泰国 attending are the members)
        return len(e.source) >= 2 and all(country(n) for n in e.source)
    return any(side and all(country(n) for n in side) for side in (e.source, e.target))


def _by_factuality(events: list[Event], persons: frozenset[str], lex: Lexicon) -> tuple[list[Event], list[Event]]:
    """Reported and planned acts are the document's events; what is proposed, offered, summed up
    or a topic of talks is kept apart. A restatement (这是…首次访问) joins the act it restates,
    or is the act when the page reports it nowhere else."""
    kept = [e for e in events if ((e.factuality == "reported" and not _generic(e, persons, lex))
                                  or (e.factuality == "planned" and _named(e, persons))) and not _states_met(e, lex)]
    other = [e for e in events if e not in kept and e.factuality != "restated"]
    for e in events:
        if e.factuality != "restated":
            continue
        # (a meeting restated is the one with the same partner: 在与B的会谈中 is not the talks with C)
        # (a message restated is the same sender's: 在致B的贺电中 is not another sender's message to B)
        both = e.type in ("meet", "phone_call")
        same = next((k for k in kept if k.type == e.type and (
            _targets_overlap(k.source + k.target, e.source) and _targets_overlap(k.source + k.target, e.target)
            if both else _targets_overlap(k.source, e.source) if e.type == "congratulate"
            else _targets_overlap(k.source, e.source) or _targets_overlap(k.target, e.target))), None)
        if same is not None:
            same.extra_evidence.append(e.evidence)
            other.append(e)
        else:
            e.factuality = "reported"
            kept.append(e)
    return kept, other
