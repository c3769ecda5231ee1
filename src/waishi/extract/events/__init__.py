"""Events of the eight types, from trigger words and the clauses around them.

Per sentence: triggers come from the trigger automaton; each is read by its type's frame over
the clause layer: the subject region is the text before the trigger (minus ``应…邀请`` host
phrases; ``由X率领`` reads as X), the object region the text after it up to the clause end.
Actors are persons recognised earlier, delegations (``…代表团``), and gazetteer countries,
places and organisations. Each event carries its factuality (reported, planned, proposed…).
Events of one document that describe the same occurrence (type, compatible date, overlapping
actors) are merged: a trip reported as departed / arrived / began is one visit.

Modules: ``words`` (shared patterns), ``context`` (a document's actors, dates and sides),
``clauses`` (the clause layer), ``factuality``, the frames (``meetings``: meet, phone_call,
visit; ``gatherings``: sign, attend, host, congratulate, aid), ``finder`` (the pass over a
sentence) and ``merge`` (one event per act).
"""

from .clauses import ClauseReader
from .context import Actor, DocContext, SentenceCtx
from .finder import EventFinder
from .merge import date_of, merge_events, merge_headline, name_bare_titles, same_occurrence

__all__ = ["Actor", "ClauseReader", "DocContext", "EventFinder", "SentenceCtx", "date_of", "merge_events", "merge_headline", "name_bare_titles",
           "same_occurrence"]
