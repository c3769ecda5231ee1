"""The pass over a sentence: triggers from the trigger automaton, each read by its type's frame."""

from __future__ import annotations

import re

from ...model import Event, Span
from .context import SentenceCtx
from .factuality import factuality
from .gatherings import Gatherings
from .meetings import Meetings
from .words import (
    CAPACITY,
    OBJECT_THEN_WHEN,
    ONLINE,
    SPEECH,
    TALK_NOUNS,
)

_BOOK_TITLE = re.compile(r"《[^《》]{2,80}》")


# 在致辞时表示, 在开幕致辞中说: a speech with no gathering named
_SPEAKING_AT = re.compile(r"(?<=[\u4e00-\u9fff])在(?:开幕|闭幕)?致辞(?:时|中)(?:表示|说|指出|强调)")


class EventFinder(Meetings, Gatherings):
    """Reads a sentence's triggers and hands each to its type's frame."""

    # -- the pass -------------------------------------------------------------------
    def _unblocked(self, trigs: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """``在会见中兴…董事长NAME时``: a block ending in 中 whose 中 starts the object's name (the
        clause goes on to 时) blocks nothing; the trigger inside it is read."""
        out: list[tuple[str, int, int]] = []
        for t, ts, te in trigs:
            if self.lex.triggers[t].type == "block" and t.endswith("中") and \
                    OBJECT_THEN_WHEN.match(self.text, te - 1, te + 44):
                out += [(t2, ts + a, ts + b) for t2, a, b in self.lex.find("triggers", self.text[ts:te - 1])
                        if self.lex.triggers[t2].type != "block"]
            else:
                out.append((t, ts, te))
        return out

    def find(self, sent: SentenceCtx) -> list[Event]:
        s = sent.span
        trigs = self._unblocked([(t, s.start + a, s.start + b)
                                 for t, a, b in self.lex.find("triggers", self.text[s.start:s.end])])
        # (a trip noun, 结束越南之行后, is no predicate: a subject is not carried from it)
        self._sent_trigs = [ts for t, ts, _te in trigs
                            if self.lex.triggers[t].type != "block" and self.lex.triggers[t].mode != "noun"]
        events: list[Event] = self._speech_attend(sent)
        # (a trigger inside a capacity phrase, 以…主办国身份, is no act)
        np_spans: list[Span] = [Span(*m.span()) for m in CAPACITY.finditer(self.text, s.start, s.end)]
        # (a trigger inside a document's title, 《越南与新西兰签署…行动计划》, names it: no act)
        np_spans += [Span(*m.span()) for m in _BOOK_TITLE.finditer(self.text, s.start, s.end)] if "《" in self.text[s.start:s.end] else []
        online: bool | None = None  # (read once a sentence, when it first has an event)
        for t, ts, te in trigs:
            trig = self.lex.triggers[t]
            if trig.type == "block":
                continue
            if any(sp.start <= ts < sp.end for sp in np_spans):
                continue  # the trigger is part of an event name (共同主持...高层会晤)
            frame = self.lex.frames[trig.type]
            got = getattr(self, f"_read_{frame.reader}")(frame, sent, t, ts, te, trig.mode)
            fact = factuality(self, sent, ts, te) if got else "reported"
            if online is None and got:
                online = ONLINE.search(self.text, s.start, s.end) is not None
            for ev in got:
                ev.trigger = ev.trigger or t
                ev.factuality = fact
                if ev.type == "meet" and online:
                    ev.type = "phone_call"  # 会晤…以在线形式举行: a video call
                ev.caption = sent.kind == "caption"
                if ev.location is None:
                    ev.location = self.location(s, ts)
                events.append(ev)
                if ev.type in ("attend", "host") and ev.target:
                    np = self.text.find(ev.target[0], te)
                    if np >= 0:  # from the trigger on: 由X主持召开的Y holds a trigger before Y
                        # (but 出席并主持Y: a second act on the same gathering)
                        lo = np if self.text.startswith("并", te) else te
                        np_spans.append(Span(lo, np + len(ev.target[0])))
        return events


    def _speech_attend(self, sent: SentenceCtx) -> list[Event]:
        """``PERSON在<event>上讲话/表示``: speaking at a gathering is attending it; ``PERSON在致辞时表示``
        (no gathering named) speaks at the one the story says opened or was held."""
        out = []
        for m in _SPEAKING_AT.finditer(self.text, sent.span.start, sent.span.end):
            story = self._story_gathering("会议", sent.span.start)
            src = self._region_actors(self.clause_start(m.start(), sent.span.start), m.start(), ("person",))
            if story is not None and src and self._foreign(sent.span, src):
                ev = self._event("attend", sent, m.start(), src, [], [story[0]])
                ev.trigger, ev.caption = "在…上", sent.kind == "caption"
                out.append(ev)
        for m in SPEECH.finditer(self.text, sent.span.start, sent.span.end):
            np_ = m.group("np")
            lead = re.match(r"(?:由[^，。；]{1,30}?|随后|稍后|当天|同日)(?:举办|举行|主办|召开)的", np_)
            name = np_[lead.end():] if lead else np_
            if not name.endswith(tuple(self.nouns)) or len(name) < 3 or name.endswith(TALK_NOUNS):
                continue  # (在与B的会晤上表示: the meeting, read by its own trigger)
            src = self._region_actors(self.clause_start(m.start(), sent.span.start), m.start(), ("person", "group"))
            if not src or not self._foreign(sent.span, src):
                continue
            if name in ("开幕式", "闭幕式"):
                # (在开幕式上致辞: the opening of the gathering the story says opened)
                story = self._story_gathering(name, sent.span.start)
                name = story[0] if story is not None else name
            ev = self._event("attend", sent, m.start(), src, [], [name])
            ev.trigger = "在…上"
            ev.caption = sent.kind == "caption"
            out.append(ev)
        return out
