"""Countries, places and organisations: one gazetteer automaton pass, plus the
short forms the genre glues into compounds (越中, 越老柬, 访越)."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..lexicon import Lexicon
from ..model import Mention, Span

# Compounds of one-character country abbreviations are followed by a relation word:
# 越中建交, 越老关系, 越柬友谊, 越阿经济论坛.
_COMPOUND_TAIL = ("关系", "两国", "三国", "友谊", "合作", "建交", "经济", "贸易", "边境", "之间", "双边", "传统",
                  "友好", "全面", "战略", "特殊", "论坛", "峰会", "议会", "青年", "人民", "企业", "联合", "文化",
                  "投资", "工作", "党际", "两党", "外交", "防务", "团结", "商务", "旅游", "地方")


def entity_mentions(lex: Lexicon, text: str, start: int, end: int) -> list[Mention]:
    """Gazetteer mentions in ``text[start:end]`` (kind country / place / region / org)."""
    out: list[Mention] = []
    for name, s, e in lex.find("gazetteer", text[start:end]):
        ent = lex.entities[name]
        out.append(Mention(ent.kind, name, Span(start + s, start + e), lex.country_of(name)))
    out = _country_bodies(out, text)
    out.extend(abbreviation_mentions(lex, text, start, end, out))
    out.sort(key=lambda m: m.span.start)
    return out


def _country_bodies(mentions: list[Mention], text: str) -> list[Mention]:
    """A country's name written right before a body the gazetteer knows without a country
    (中国 + 红十字会, 日本 + 外务省) is that country's body: one organisation mention."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "country" and m.kind == "org" and m.value is None \
                and prev.span.end == m.span.start and isinstance(prev.value, str):
            out[-1] = Mention("org", text[prev.span.start:m.span.end], Span(prev.span.start, m.span.end), prev.value)
            continue
        out.append(m)
    return out


def _compound_rx(lex: Lexicon) -> re.Pattern[str]:
    chars = "".join(sorted(k for k in lex.abbrs if len(k) == 1))
    return re.compile(f"[{re.escape(chars)}]{{2,4}}(?=(?:{'|'.join(_COMPOUND_TAIL)}))")


def abbreviation_mentions(lex: Lexicon, text: str, start: int, end: int, taken: list[Mention]) -> list[Mention]:
    if not lex.abbrs:
        return []
    rx = lex.memo("abbr_compounds", lambda: _compound_rx(lex))
    occupied = [(m.span.start, m.span.end) for m in taken]
    out: list[Mention] = []
    for m in rx.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in occupied):
            continue
        comp = m.group()
        if "越" not in comp and "中" not in comp:
            continue  # the genre's compounds always name Vietnam (or China, in 中越)
        for i, ch in enumerate(comp):
            isos = lex.abbrs.get(ch, ())
            iso = isos[0] if len(isos) == 1 else None
            out.append(Mention("country", ch, Span(m.start() + i, m.start() + i + 1), iso))
    return out



def visit_abbreviation(lex: Lexicon, trigger: str, named: Collection[str] = ()) -> str | None:
    """ISO3 of the country in 访越 / 访华 style triggers. A one-character abbreviation stands for
    the country the page itself names whose name begins with it (访印 on a page about 印尼 is
    Indonesia, although 印 alone is India's), when exactly one such country is named."""
    if len(trigger) == 2 and trigger[0] in "访赴":
        ch = trigger[1]
        isos = lex.abbrs.get(ch, ())
        if len(isos) == 1 and isos[0] in named:
            return isos[0]
        alt = [i for i in named if lex.country_names.get(i, "").startswith(ch)]
        if len(alt) == 1:
            return alt[0]
        return isos[0] if len(isos) == 1 else None
    return None


def own_country_mentions(lex: Lexicon, text: str, titled: Collection[tuple[str | None, Collection[str]]],
                         taken: Collection[Span]) -> list[Mention]:
    """我国 (our country) in a page whose outlet writes so (Singapore's, Malaysia's, China's press):
    the country of a person titled 我国X whose office the lexicon knows (我国外交部长NAME); each
    我国 outside a title is then that country, named by its name."""
    iso = next((c for c, titles in titled if c and any(t.startswith(("我国", "本国")) for t in titles)), None)
    if iso is None:
        return []
    name = lex.country_names.get(iso, iso)
    return [Mention("country", name, Span(m.start(), m.end()), iso) for m in re.finditer("我国", text)
            if not any(sp.start <= m.start() < sp.end for sp in taken)]
