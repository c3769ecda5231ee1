"""Factuality: what a trigger's clause says of the act (modality.tsv)."""

from __future__ import annotations

import re

from ...model import Span
from .clauses import ClauseReader
from .context import SentenceCtx
from .words import (
    ANNIVERSARY_BASE,
    CLAUSE_COORD,
    INVITE,
    MESSAGE,
    MESSAGE_TRIGGERS,
    PRAISE_CLOSE,
    RESTATED,
)

# 将 as the object marker (like 把), unless a future's companions follow it (将于, 将要, 将继续…)
_DISPOSAL = re.compile(r"将(?!于|要|会|在|继续|进一步|共同|与|同|和|向|对|赴|前往)(?=[^，。；]{2,40}?(?:交|送|赠|付|还|转)给)")


_PREP = re.compile(r"分别|与|同|和|对|向")
_RANKS = re.compile(r"(?:上|大|中|少)将|将军|将领")
_INVITED_BY = re.compile(r"在[^，。；]{0,30}?的邀请下")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def lead_sentence(self: ClauseReader, sent: SentenceCtx, cs: int) -> str:
    """The sentence before ``cs`` without what is quoted (以“面向东盟共同体”为主题: a name, no plan)."""
    lead = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), self.text[sent.span.start:cs])
    return _RANKS.sub(lambda m: " " * len(m.group()), lead)  # (阮雄胜少将率团: a rank, no 将 of a plan)


_CARRIED = ("planned", "proposed")
_CUSTOM = ("惯例", "通常", "每年", "定期")  # habits that hold for a whole sentence
_CUSTOM_RX = re.compile("|".join(_CUSTOM))


def _customs(self: ClauseReader, rx: re.Pattern[str], lo: int, hi: int) -> list[str]:
    """The modality of each custom the modality words of ``text[lo:hi]`` hold (none without one of
    their words: the long alternation is not run then)."""
    if _CUSTOM_RX.search(self.text, lo, hi) is None:
        return []
    return [self.lex.modality[m.group()] for m in rx.finditer(self.text, lo, hi) if m.group() in _CUSTOM]
_FIRM = ("准备", "计划", "定于", "拟", "将于", "预计")  # plans made, not hopes  # the modality a subject-less clause takes from the one before
_DONE = re.compile(r"已|了|曾")
# acts counted (7次组团访问, 接待了16个代表团前来访问): exchanges summed up, no one act (not 第3次, an ordinal)
_CLAUSE_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,4})\s*[，,]\s*$")


def _hoped_before(self: ClauseReader, sent: SentenceCtx, cs: int) -> str | None:
    """A marker of proposing or hoping (modality.tsv) that ends the clause before (…表示希望，CLAUSE):
    the clause is what it governs; not a noun (答应…方面的建议，)."""
    m = _CLAUSE_BEFORE.search(self.text, max(sent.span.start, cs - 8), cs)
    if m is None:
        return None
    proposing = self.lex.memo("proposing_words", lambda: tuple(sorted(
        (w for w, f in self.lex.modality.items() if f == "proposed"), key=len, reverse=True)))
    word = next((w for w in proposing if m.group(1).endswith(w)), None)
    if word is None or self.text[m.end(1) - len(word) - 1:m.end(1) - len(word)] in ("的", "应"):
        return None
    return "proposed"
# 举行了多场文化活动, 参加了三次会议: an object counted, many acts summed up (not 签署了一系列协议, many
# documents signed at once)
_COUNTED_OBJECT = re.compile(r"\s*了?\s*(?:多|数|几|[\d二三四五六七八九十两]+)\s*(?:场|次|届)")
# (not 上一次/这一次, the one act before or now; nor 三批援助物资, batches of goods)
_COUNTED = re.compile(r"(?<![第上下这那每\d])[\d一二三四五六七八九十两几]+\s*(?:次|个[^，,。；;]{0,10}?(?:代表团|团组))")
_TOPIC_FRAME = re.compile(r"(?:在)?(?:介绍|谈到|谈及|谈起|对于|关于)")


# the report of a meeting or a call (会谈上, 通话中, 会见时): what is said there is said in it
_IN_TALKS = re.compile(r"(?:会谈|会见|会晤|通话|会面|座谈|电话)(?:上|中|时|期间)")
_SPOKEN_AT = ("meet", "phone_call", "attend", "host")  # the acts a remark is made in
_CALLED_ON = re.compile(r"(?:到访|前来|拜访|拜会|来到)[^。；]{0,30}$")
_ACHIEVED = re.compile(r"成就|成果|成绩|进展|成功|胜利")


def _oral(self: ClauseReader, sent: SentenceCtx, ts: int, te: int) -> bool:
    """祝贺 said in talks (会谈上，A祝贺…), or on an achievement (祝贺B取得的成就, 祝贺越南成功担任…) with no
    message named: a remark, no message of its own."""
    if self.lex.triggers[self.text[ts:te]].type != "congratulate" or self.text[ts:te] in MESSAGE_TRIGGERS \
            or MESSAGE.search(self.text, sent.span.start, sent.span.end) or self.ctx.roundup:
        return False  # (a round-up of messages names the messages once, in its headline)
    if _CALLED_ON.search(self.text, max(sent.span.start, ts - 40), ts) or \
            "转达" in self.text[self.clause_start(ts, sent.span.start):ts]:
        # (转达A对C的祝贺: congratulations conveyed in person, a message of their own)
        return False  # 代表团到访大使馆，祝贺…成功召开: a call made to congratulate, in person
    if _IN_TALKS.search(self.text, sent.span.start, ts) is not None:
        return True
    # on an achievement, in a story that has reported talks, a call or a ceremony before: said there
    return any(
        self.lex.triggers[t].type in _SPOKEN_AT for t, _a, _b in self.lex.find("triggers", self.text[:sent.span.start]))


def _told_otherwise(self: ClauseReader, sent: SentenceCtx, ts: int, te: int, cs: int) -> str | None:
    """Acts the clause's construction says are no new report, whatever its markers: restated,
    a remark made in talks, or background (an anniversary's base act, an act praised)."""
    lead = self.text[cs:ts]
    first = self.clause_start(sent.span.start + 1, sent.span.start)
    if cs == first and RESTATED.match(lead):
        return "restated"
    if cs > sent.span.start and RESTATED.match(self.text, first, cs) and (
            re.match(r"(?:也|亦|还|同时也)是", lead) or re.search(r"[，,](?:也|亦|同时也)是", self.text[first:ts])):
        # 这是A首次访问X，也是B七年来首次访问X (also when the 也是 clause runs over a comma: 也是两国关系…升级后，
        # 韩国高级领导人首次访问越南): the same act said again
        return "restated"
    if _TOPIC_FRAME.match(lead) and not self.ctx.actors_in(cs, ts, ("person", "group", "org", "country")):
        return "topic"  # 对于正式访问X…，A表示 / 在介绍访问X情况时: the act is what is spoken of
    if _oral(self, sent, ts, te):
        return "remark"
    if self.text[ts - 1:ts] == "的" and re.match(r"(?:和|与|及)?(?:会谈|会见|会晤|会面)?(?:中|上|时|期间)", self.text[te:te + 6]):
        return "restated"  # 在与B的会谈中, 与B的会谈和会见中: talks spoken of, held and told elsewhere
    ab = ANNIVERSARY_BASE.match(self.text, te, sent.span.end) \
        if self.text.find("周年", te, sent.span.end) >= 0 or self.text.find("週年", te, sent.span.end) >= 0 else None
    if ab and not re.search(r"恰逢|正值|适逢|之际|期间|时", ab.group()):
        return "background"
    if ("对" in lead or re.search(r"为[^，。；]{1,20}?(?:成功|圆满)$", lead)) and \
            PRAISE_CLOSE.search(self.text, te, self.clause_end(te, sent.span.end)) and \
            self.lex.triggers[self.text[ts:te]].type != "aid":
        # 对中国成功举行…表示祝贺, 为越南成功举办…表示祝贺: the act is what is praised (aid praised is aid given)
        return "background"
    return None


def _blanked_lead(text: str, cs: int, ts: int, named: list[Span]) -> str:
    """``text[cs:ts]`` with actors' names, an invitation (应…邀请, 在…的邀请下) and a rank's 将 blanked
    out (each blanking only where its word is)."""
    chars = list(text[cs:ts])
    for sp in named:
        lo, hi = max(sp.start, cs), min(sp.end, ts)
        if lo < hi:
            chars[lo - cs:hi - cs] = " " * (hi - lo)
    lead = "".join(chars)
    if "应" in lead:
        lead = INVITE.sub(_blank, lead)
    if "的邀请下" in lead:
        lead = _INVITED_BY.sub(_blank, lead)
    if "将" in lead:
        lead = _RANKS.sub(_blank, lead)
    return lead


def factuality(self: ClauseReader, sent: SentenceCtx, ts: int, te: int) -> str:
    """What the trigger's clause says of the act: reported, planned, proposed, invited,
    habitual, topic (a noun governed by 保持/加强…), background (what someone is praised or thanked
    for: 祝贺越南成功举办…, 对…表示祝贺) or restated (这是…首次访问). Markers
    (modality.tsv) are read before the trigger, with actors' names blanked out."""
    cs = self.clause_start(ts, sent.span.start)
    lead = self.text[cs:ts]
    told = _told_otherwise(self, sent, ts, te, cs)
    if told is not None:
        return told
    if cs > sent.span.start and CLAUSE_COORD.match(self.text, cs):
        # …将于3月9日访问X，并对Y进行访问: a coordinated predicate shares the first one's modality
        cs = self.clause_start(cs - 1, sent.span.start)
    lead = _blanked_lead(self.text, cs, ts, [a.span for a in self.ctx.actors_in(max(sent.span.start, cs - 12), ts)])
    ce = self.clause_end(te, sent.span.end)
    for m in _DISPOSAL.finditer(self.text, cs, ce):
        # 将+object+V给+recipient (将捐赠的物资移交给老挝): 将 marks the object handed over, not a future
        if m.start() < ts:
            lead = lead[:m.start() - cs] + " " + lead[m.start() - cs + 1:]
    rx = self.lex._automata.get("_modality_rx")
    if rx is None:
        words = sorted(self.lex.modality, key=len, reverse=True)
        rx = self.lex._automata["_modality_rx"] = re.compile("|".join(map(re.escape, words))) if words else None
    if rx is None:
        return "reported"
    words = [m.group() for m in rx.finditer(lead)]
    found = [self.lex.modality[w] for w in words]
    # a custom named anywhere before in the sentence (根据东盟惯例，新任元首会…访问); an adverb of
    # frequency (频繁, 多次) is its own clause's
    found = _customs(self, rx, sent.span.start, cs) + found
    subj_end = next((m.start() for m in _PREP.finditer(self.text, cs, ts)), ts)
    if not found and cs > sent.span.start and not self.ctx.actors_in(cs, subj_end) \
            and not _DONE.search(self.text, cs, te + 1):
        # 将同A会谈，分别与B和C进行会见: a clause without a subject of its own goes on the sentence's
        # first predicate, and keeps its plan (a finished act, 已/了, is no plan)
        before = [self.lex.modality[m.group()] for m in rx.finditer(lead_sentence(self, sent, cs))]
        if before and before[-1] in _CARRIED:
            found = before[-1:]
    if (hoped := _hoped_before(self, sent, cs)) is not None:
        found.insert(0, hoped)  # (表示希望，未来日本继续向越南提供援助: what is hoped)
    if _COUNTED.search(self.text, cs, ts) or _COUNTED_OBJECT.match(self.text, te):
        found.append("habitual")
    strong = [f for f in found if f != "planned" and not (f == "topic" and self.text.startswith("了", te))]
    last = next((w for w in reversed(words) if w in _FIRM or self.lex.modality[w] != "planned"), None)
    if last in _FIRM:
        return "planned"  # 期待并积极准备迎接…到访: a visit being prepared is planned, whatever is hoped
    if strong:
        return strong[-1]
    return "planned" if "planned" in found else "reported"
