"""Whom a pronoun stands for (他, 她, 我): the clause reader's antecedents (GENRE.md 'Events')."""

from __future__ import annotations

import re

from .context import Actor, DocContext, SentenceCtx
from .words import SPEAKS

# A third-person pronoun opening a clause as its subject (他还将…, 她随后…, 他周三…, 他昨天…)
PRONOUN = re.compile(r"\s*(?:他|她)(?=[还也随并将已于在同与和对又则曾]|(?:周|星期|礼拜)[一二三四五六日天]|[昨今明]天|本周|上周|日前|近日|当天|\d{1,2}日)")
# a sentence opening with the pronoun whatever follows (他透露，…): the person it stands for goes on
_PRONOUN_OPEN = re.compile(r"\s*(?:他|她)(?![们的])")
_CHAIN = 3  # sentences a pronoun is followed back through
# a speaker's verb: who speaks is not whom a later pronoun means (A宣布，B将访问…。他还将…)
_ANNOUNCES = re.compile(r"宣布|表示|透露|指出|说|称")
# 我将同…, 我期待…同…: the first person of a speech reported (not 我们, 我国, 我方: a side)
_FIRST_PERSON = re.compile(r"\s*我(?![们国方军党省市])")
# 与他举行会谈, 同她进行了会晤: a pronoun as the partner of a meeting
_WITH_PRONOUN = re.compile(r"(?:与|同|和|跟)(?:他|她)(?=(?:举行|进行)?(?:了)?(?:正式|双边)?(?:会谈|会晤|会见|会面|见面|通电话)?$)")
# 会见他, 会见了她: a pronoun as the object of a meeting verb, the clause ending after it
_PRONOUN_OBJECT = re.compile(r"了?\s*(?:他|她)\s*$")


class Pronouns:
    """The antecedents of pronoun subjects, for a reader of one document's clauses."""

    text: str
    ctx: DocContext

    def clause_start(self, pos: int, start: int) -> int:
        raise NotImplementedError  # (the clause reader's)

    def _only_names(self, lo: int, hi: int) -> bool:
        raise NotImplementedError  # (the clause reader's)

    def pronoun_subject(self, sent: SentenceCtx, cs: int) -> list[Actor]:
        """他还将同X举行会谈: a pronoun opening the clause (or the sentence) is the person the
        sentence before opened with; a first person (我将同X会谈) is the speaker of the paragraph."""
        if _FIRST_PERSON.match(self.text, cs) or _FIRST_PERSON.match(self.text, sent.span.start):
            return self._speaker(cs)  # (温家宝说，访问期间，我将同B…: the speaker may open the sentence)
        if not (PRONOUN.match(self.text, cs) or PRONOUN.match(self.text, sent.span.start)):
            return []
        if cs > sent.span.start and PRONOUN.match(self.text, cs):
            # A透露，他同B会面时…: a pronoun opening a later clause is the sentence's own subject
            own = self.ctx.actors_in(sent.span.start, cs, ("person",))
            if own:
                return own[:1]
        return self._antecedent(sent.span.start)

    def _antecedent(self, start: int, depth: int = 0) -> list[Actor]:
        """The person a pronoun opening the sentence at ``start`` stands for: the one the sentence before
        opened with, and when that one too opens with the pronoun (A披露，…。他透露，B将…。他周三…), the
        one it stands for: a topic goes on over the sentences that drop it, not over those it reports."""
        opened = _PRONOUN_OPEN.match(self.text, start)
        if depth == 0 and opened and SPEAKS.match(self.text, opened.end()):
            # 他说，他在与B会面时…: the one speaking is the last one whose words the page reported
            # (A指出，…。他透露，…。但…C已表明…。他说，…), not a person named in what he said
            speaker = self._last_speaker(start)
            if speaker:
                return speaker
        body = self.text[:start].rstrip()
        lo = max(body.rfind(c, 0, len(body) - 1) for c in "。！？!?\n") + 1
        if depth < _CHAIN and lo > 0 and _PRONOUN_OPEN.match(self.text, lo):
            got = self._antecedent(lo, depth + 1)
            if got:
                return got
        persons = self.ctx.actors_in(lo, start, ("person",))
        if len(persons) >= 2:
            # 发言人A宣布，B将赴…。他还将…: the one the speaker speaks of, not the speaker
            verb = _ANNOUNCES.search(self.text, persons[0].span.end, min(persons[0].span.end + 12, persons[1].span.start))
            if verb is not None and "，" not in self.text[persons[0].span.end:verb.start()]:
                return persons[1:2]
        return persons[:1]

    def _last_speaker(self, start: int) -> list[Actor]:
        """The person of the last words reported within a few sentences before ``start``: named with a verb
        of saying (A指出), or said again by a pronoun (他透露), followed back to its name."""
        hi = start
        for _ in range(_CHAIN + 1):
            body = self.text[:hi].rstrip()
            if not body:
                return []
            lo = max(body.rfind(c, 0, len(body) - 1) for c in "。！？!?\n") + 1
            persons = {a.span.end: a for a in self.ctx.actors_in(lo, hi, ("person",))}
            said = [persons[m.start()] for m in SPEAKS.finditer(self.text, lo, hi) if m.start() in persons]
            if said:
                return said[-1:]
            hi = lo
        return []

    def _speaker(self, pos: int) -> list[Actor]:
        """The last person of the paragraph before ``pos`` whose words are reported (A指出，…)."""
        lo = self.text.rfind("\n", 0, pos) + 1
        persons = {a.span.end: a for a in self.ctx.actors_in(lo, pos, ("person",))}
        said = [persons[m.start()] for m in SPEAKS.finditer(self.text, lo, pos) if m.start() in persons]
        return said[-1:]

    def pronoun_partner(self, sent: SentenceCtx, ts: int) -> tuple[list[Actor], int] | None:
        """B访华期间，A将与他举行会谈: a pronoun partner is the person named before the clause (in
        the sentence, else the one the sentence before opened with) who is not the clause's subject."""
        cs = self.clause_start(ts, sent.span.start)
        m = _WITH_PRONOUN.search(self.text, cs, ts)
        if m is None:
            return None
        got = self._counterpart(sent, cs, m.start())
        return (got, m.start()) if got else None

    def pronoun_object(self, sent: SentenceCtx, te: int, ce: int) -> list[Actor]:
        """习近平将会见B，李克强也将会见他: a pronoun object is found back as a pronoun partner is."""
        if not _PRONOUN_OBJECT.match(self.text, te, ce):
            return []
        return self._counterpart(sent, self.clause_start(te, sent.span.start), te, objects_only=True)

    def _counterpart(self, sent: SentenceCtx, cs: int, pos: int, objects_only: bool = False) -> list[Actor]:
        own = {a.name for a in self.ctx.actors_in(cs, pos, ("person",))}
        before = [a for a in self.ctx.actors_in(sent.span.start, cs, ("person",)) if a.name not in own]
        # (A将会见B，C将同他举行会谈: 他 is the one met before, not another clause's subject)
        objects = [a for a in before if not self._only_names(self.clause_start(a.span.start, sent.span.start), a.span.start)]
        if objects_only:
            return objects[-1:]  # (习近平将会见B: no subject before stands for an object after)
        before = objects or before
        if not before:
            prev = self.text.rfind("。", 0, sent.span.start - 1) + 1
            before = [a for a in self.ctx.actors_in(prev, sent.span.start, ("person",)) if a.name not in own][:1]
        return before[-1:]
