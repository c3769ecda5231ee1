"""The extraction pipeline: page text -> Extraction record. Pure: no disk, no network.

An explicit list of named stages (:data:`STAGES`, then :data:`DOC_STAGES` per document) over one
:class:`Page`: normalise -> publication date -> segment -> recognise (people, places, dates, year
evidence) -> year -> documents (sentences -> events -> relations -> facts -> people -> offices ->
mentions) -> written forms. What the run is told (home country, limits, today) is an
:class:`~waishi.extract.options.Options`.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from ..errors import EmptyInputError, PageTooLargeError
from ..lexicon import Lexicon, page_scope
from ..model import Document, Event, Extraction, Fact, Mention, Person, Span
from ..text.dates import DateMention, find_dates, period_start, since_date
from ..text.sentences import find_all, sentences
from . import year as year_mod
from .events import (
    Actor,
    DocContext,
    EventFinder,
    SentenceCtx,
    merge_events,
    merge_headline,
    name_bare_titles,
)
from .events.keep import _by_factuality
from .events.trips import (
    date_by_known_gatherings,
    date_by_known_trips,
    date_by_the_frame,
    date_by_the_trip,
    year_from_told_trips,
)
from .events.words import GROUP_NOUNS, TERM_BEGUN_RIGHT_AFTER
from .facts import FactFinder
from .headline_date import day_in, headline_days
from .offices import bare_titles, offices_named, offices_of, words_ending
from .options import MAX_PAGE_CHARS, Options  # noqa: F401  (MAX_PAGE_CHARS: re-exported)
from .people import _NAME_HYPHEN, _SPACED_DOT, PeopleFinder, PersonMention
from .people_mentions import glossed_names, name_title_mentions
from .people_post import (
    _inherit_list_country,
    _join_short_forms,
    _spouse_country,
    addressed_mentions,
    join_holder_forms,
)
from .places import entity_mentions, own_country_mentions
from .relations import find_relations
from .running_date import (
    PAST_MONTH,
    background_day,
    bracketed,
    dateline_day,
    past_month,
    report_day,
    term_start,
    week_of,
)
from .segment import page_date, segment, stamp_line
from .story_day import story_day
from .teaser_years import date_teaser, reposted
from .written_forms import _restore_written_forms

LOGGER = logging.getLogger(__name__)

_ROUNDUP = re.compile(r"贺电|贺信|贺函|致电祝贺|致贺|祝贺")
_REVIEW = re.compile(r"要闻|一周|本周")  # (越通社一周要闻回顾: a headline of the week's news)


@dataclass
class Page:
    """One page being read: what the stages read and write."""
    text: str
    lex: Lexicon
    options: Options
    published: date | None
    result: Extraction
    match_text: str = ""
    builders: list[_DocBuilder] = field(default_factory=list)
    stamped: bool = False  # ``published`` read from a stamp on the page, not given by the caller


def extract(text: str, *, published: str | date | None = None, url: str | None = None,
            source: str = "<text>", lexicon: Lexicon | None = None, encoding: str | None = None,
            max_chars: int | None = None, options: Options | None = None) -> Extraction:
    """Extract the record of one page of text: the stages of :data:`STAGES` in turn.

    ``published`` (``YYYY-MM-DD``) fixes the article's year and anchors month-day
    dates; without it the year is inferred from the text. ``options`` names the home country,
    the size limit and the day taken as today (:class:`Options`).
    """
    opts = options or Options()
    if max_chars is not None:
        opts = replace(opts, max_chars=max_chars)
    if text is None or not text.strip():
        raise EmptyInputError(source, "empty text")
    if len(text) > opts.max_chars:
        raise PageTooLargeError(source, f"page too large: {len(text):,} characters, more than the {opts.max_chars:,} "
                                        "a single page may have (split the file into pages)")
    page = Page(text, lexicon or Lexicon.default(), opts, _as_date(published),
                Extraction(source=source, text=text, published=None, url=url, encoding=encoding))
    with page_scope():
        for _name, stage in STAGES:
            stage(page)
    return page.result


def _normalise(page: Page) -> None:
    page.match_text = _simplified(page.text)


def _publication_date(page: Page) -> None:
    if page.published is None:
        # some outlets print the publication time on a line of its own near the top
        stamp = page_date(page.match_text, 0, min(len(page.match_text), 20_000))
        if stamp is not None and date.fromisoformat(stamp) <= page.options.now():
            page.published = date.fromisoformat(stamp)
            page.stamped = True
    page.result.published = page.published.isoformat() if page.published else None


def _segment(page: Page) -> None:
    page.builders = [_DocBuilder(page.lex, page.match_text, d, page.published, page.options)
                     for d in segment(page.match_text, page.lex)]


def _recognise(page: Page) -> None:
    for b in page.builders:
        b.recognise()


def _date_documents(page: Page) -> None:
    """Years: each document on its own evidence; teasers without strong evidence lean on the
    page's other teasers (they are listed at the same time), then on the article."""
    builders, pub = page.builders, page.published
    for b in builders:
        b.own_year = b.evidence.decide() if b.evidence.strength >= 1 else b.combined().decide()
    teaser_years = [b.own_year for b in builders if b.doc.kind == "teaser" and b.own_year
                    and b.evidence.strength >= 3]
    pool = max(sorted(set(teaser_years)), key=teaser_years.count) if teaser_years else None
    article_year = builders[0].own_year if builders else None
    for b in builders:
        if pub and b.doc.kind == "article" and page.stamped and reposted(b, pub):
            b.set_year(b.own_year, "text (the page's stamp is a later repost's)")
        elif pub and b.doc.kind == "article":
            b.set_year(pub.year, "published")
        elif b.doc.kind == "teaser":
            date_teaser(b, builders, pool, article_year)
        else:
            # teasers are the site's latest items appended to any page, old or new: their years
            # say nothing about the article's
            b.set_year(b.own_year, "text")


_CLOCK_AFTER = re.compile(r"\s*\d{1,2}:\d{2}")
_QUOTE_ENDS = re.compile(r"^[“\"]|[”\"]$")  # (a title's quotes)
_STORY_HEAD = 300  # characters of a document in which its own trip is told


def _read_documents(page: Page) -> None:
    """Everything after the year, document by document: the stages of :data:`DOC_STAGES`."""
    for b in page.builders:
        for _name, stage in DOC_STAGES:
            stage(b)
        y = year_from_told_trips(b.doc.events + b.doc.other_events, b.lex, b.evidence.window(), b.month_day,
                                 b.doc.span.start + _STORY_HEAD, b.text) \
            if b.doc.year is None and b.doc.kind == "article" else None
        if y is not None:
            # the visits the document tells fit known trips of one year only: read it again in that year
            b.restart()
            b.set_year(y, "a known trip the document tells")
            for _name, stage in DOC_STAGES:
                stage(b)
        page.result.documents.append(b.doc)


def _restore(page: Page) -> None:
    if page.match_text != page.text:
        from ..text.normalize import looks_traditional, to_traditional

        script: Callable[[str], str] = to_traditional if looks_traditional(page.text) else str
        _restore_written_forms(page.result, page.text, page.match_text, script)


# A title of this many characters or more that the page gave one person names that person when
# written again alone (印度外长, 越南国家主席; not 主席 or 外长, which name many).
_ANAPHOR_TITLE = 4
# ... when it stands as a subject: an adverb, a preposition or a verb of saying follows it
_AS_SUBJECT = re.compile(r"(?:这次|此次|一行|随后|在|于|将|还|也|已|对|向|同|与|和|表示|说|指出|强调|称|出席|参加|会见|会晤|会谈|接见|拜会|访问|抵达|启程|主持|致电|致信)")
_NOT_ANAPHOR_BEFORE = ("前", "原", "副", "新", "任", "为", "的")


_TAKES_PERSON = ("与", "同", "和", "向", "对", "会见", "会晤")
_SUBJECT_NEXT = "还也在于将已则曾随与同和对向"  # (an adverb right after: the name is a clause's subject)


def _reporters(mentions: list[PersonMention], lex: Lexicon) -> set[str]:
    """Names every titled mention of which calls a journalist (titles.tsv kind ``media``)."""
    # (a paper's or an agency's head, 社长/台长/总编辑, acts on its behalf: 越通社社长…与韩联社社长会谈)
    media = lex.memo("media_titles", lambda: tuple(t for t, kind in lex.titles.items() if kind == "media"
                                                  and t.endswith(("记者", "评论员", "编辑")) and not t.endswith("总编辑")))
    verdict: dict[str, bool] = {}
    for pm in mentions:
        if pm.titles:
            press = all(t.endswith(media) for t, _ in pm.titles)
            verdict[pm.name] = verdict.get(pm.name, True) and press
    return {n for n, press in verdict.items() if press}


def _as_date(v: str | date | None) -> date | None:
    if v is None or isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError as e:
        raise ValueError(f"published must be YYYY-MM-DD, got {v!r}") from e


def _simplified(text: str) -> str:
    """Traditional characters converted for matching; same length, so offsets hold."""
    try:
        from ..text.normalize import looks_traditional, to_simplified
    except ImportError:  # pragma: no cover - normalisation module missing
        return text
    text = to_simplified(text) if looks_traditional(text) else text
    # 宋赛• 西潘敦: a dot followed by a space becomes two dots (same length, offsets hold); the
    # hyphenation point of Taiwan's papers (赛宋蓬‧丰威汉) is the name dot
    return _SPACED_DOT.sub("··", _NAME_HYPHEN.sub("·", text.replace("‧", "·")))



class _DocBuilder:
    def __init__(self, lex: Lexicon, text: str, doc: Document, published: date | None, options: Options) -> None:
        self.lex = lex
        self.options = options
        self.text = text
        self.doc = doc
        self.published = published
        self.headline_days: tuple[date, date] | None = None  # the day or week the headline gives
        self.finder = PeopleFinder(lex, home=options.home)
        self.regions: list[tuple[str, Span]] = []
        if doc.title_span:
            self.regions.append(("title", doc.title_span))
        self.regions += [("caption", c) for c in doc.captions] + [("body", p) for p in doc.body]
        self.person_mentions: list[PersonMention] = []
        self.entities: list[Mention] = []
        self.dates: list[DateMention] = []
        self.own_year: int | None = None
        self.resolved: list[tuple[DateMention, str | None, str | None]] = []
        self.sents: list[SentenceCtx] = []
        self.month_day: tuple[int, int] | None = None
        self.persons: list[Actor] = []
        self.reporters: set[str] = set()

    # -- recognition ----------------------------------------------------------------
    def recognise(self) -> None:
        text = self.text
        # (kept: the sentences and facts stages read the same regions' sentences again)
        self.region_sents = region_sents = {sp: sentences(text, sp.start, sp.end) for _k, sp in self.regions}
        region_starts = {sp: [s.start for s in ss] for sp, ss in region_sents.items()}
        def sentence_of(sp: Span, pos: int) -> Span:
            ss = region_sents[sp]
            i = bisect.bisect_right(region_starts[sp], pos) - 1
            return ss[i] if i >= 0 and pos < ss[i].end else sp

        for _kind, sp in self.regions:
            found = self.finder.find(text, sp.start, sp.end)
            for pm in found:
                pm.sentence = sentence_of(sp, pm.span.start)
            self.person_mentions += found
            glossed = glossed_names(text, sp.start, sp.end, found, sentence_of, sp, self.finder.titles,
                                     self.lex.memo("trigger_words", lambda: tuple(self.lex.triggers)))
            for pm in glossed:  # 古巴领导人NAME(Latin): the country named just before, in its clause
                lo = max([sp.start, pm.span.start - 10] + [text.rfind(c, 0, pm.span.start) + 1 for c in "，,。；;"])
                hits = [n for n, _a, _b in self.lex.find("gazetteer", text[lo:pm.span.start])
                        if self.lex.entities[n].kind == "country"]
                pm.country = self.lex.country_of(hits[-1]) if hits else None
            self.person_mentions += glossed
            self.entities += entity_mentions(self.lex, text, sp.start, sp.end)
            self.dates += find_dates(text, sp.start, sp.end)
        # a reporter of the byline (中央社记者NAME河内25日专电) is a person of the page, no actor of its story
        self.reporters = _reporters(self.person_mentions, self.lex)
        # drop gazetteer hits inside person names (a name can contain a place character run)
        inside = _Intervals([p.span for p in self.person_mentions])
        self.entities = [m for m in self.entities if not inside.covers(m.span.start)]
        self._holder_mentions(sentence_of)
        self.person_mentions += [a for _k, sp in self.regions  # (代总统先生: the acting president the page names)
                                 for a in addressed_mentions(text, sp.start, sp.end, self.person_mentions)]
        self.entities += own_country_mentions(self.lex, text, [(pm.country, [t for t, _ in pm.titles]) for pm in self.person_mentions],
                                              [sp for pm in self.person_mentions for _t, sp in pm.titles])
        self.person_mentions.sort(key=lambda p: p.span.start)
        _join_short_forms(self.person_mentions)
        join_holder_forms(self.person_mentions, self.lex)
        self._year_evidence()

    def _holder_mentions(self, sentence_of: Callable[[Span, int], Span]) -> None:
        """Office holders and names introduced earlier, mentioned again without a chain."""
        text = self.text
        known = {pm.name for pm in self.person_mentions}
        chained = _Intervals([pm.span for pm in self.person_mentions])
        # (given ``own``, ``names`` only admits the automaton's hits, all holders: no union per document)
        names = self.finder.holders or known
        for _kind, sp in self.regions:
            for name, nsp, title in name_title_mentions(text, sp.start, sp.end, names, self.finder, own=known):
                if chained.covers(nsp.start):
                    continue
                if name not in known and any(name in k.split("·") for k in known if "·" in k):
                    continue  # 通伦 of 通伦·西苏里, named on the page in full
                if name not in known and title is None and not text.startswith(self.lex.honorifics, nsp.end) \
                        and not self._bare_holder(name, nsp):
                    continue  # a holder's name alone may be a word; require a title (or 同志)
                pm = PersonMention(name, nsp, [(title, Span(nsp.end, nsp.end + len(title)))] if title else [],
                                   None, None)
                if name not in known:
                    offices = self.lex.offices_for(name)
                    pm.country = offices[0].iso3 if offices else None
                pm.sentence = sentence_of(sp, nsp.start)
                self.person_mentions.append(pm)

    def _year_evidence(self) -> None:
        """The year evidence of the story's text, and of its captions (weighed apart)."""
        text = self.text
        pairs = list({(pm.name, tuple(t for t, _ in pm.titles)): None
                      for pm in self.person_mentions if pm.titles})
        body_text, body_origin = _joined(text, [sp for k, sp in self.regions if k != "caption"])
        cap_text, cap_origin = _joined(text, [sp for k, sp in self.regions if k == "caption"])
        today = self.published or self.options.now()
        # the story's own day (the first month-day of the lede, written without a year) narrows
        # office terms to the years in which that day falls inside them
        month_day, day_only = story_day(self.text, self.dates, [sp for k, sp in self.regions if k == "body"],
                                        self.doc.dateline.span.end if self.doc.dateline is not None else None)
        dl = self.doc.dateline
        if dl is not None and dl.month_day is not None:
            month_day, day_only = dl.month_day, None  # (新华社北京7月21日电: the dateline's day)
        self.month_day = month_day
        self.evidence = year_mod.collect(self.lex, body_text, pairs, today=today, origin=body_origin,
                                         month_day=month_day, home=self.options.home, day_only=day_only,
                                         filed_in=self.lex.country_of(dl.place) if dl is not None and dl.place else None)
        ts = self.doc.title_span
        if ts is not None:
            self.headline_days = headline_days(text[ts.start:ts.end], self.evidence, (ts.start, ts.end))
        # captions are often archive photos: their years count half, and only when the
        # headline and lede say nothing and no other teaser of the page does either
        self.cap_evidence = year_mod.collect(self.lex, cap_text, today=today, origin=cap_origin,
                                             home=self.options.home) \
            if cap_text else None
        if self.cap_evidence is not None:
            # a photo is older than the page that shows it: its date bounds the page below, and,
            # photos being mostly of the last occasion, counts a little for its year
            photo = [c for c in self.cap_evidence.constraints if c.kind == "point" and c.note == "dated"]
            if photo and photo[0].year is not None:
                span = (photo[0].start, photo[0].end) if photo[0].start is not None else None
                self.evidence.bound(photo[0].year, None, "a dated photo", span)  # type: ignore[arg-type]
                self.evidence.add(photo[0].year, 1.0, "a dated photo", span)  # type: ignore[arg-type]

    def _bare_holder(self, name: str, sp: Span) -> bool:
        """An office holder the lexicon knows, named without a title: a name of three characters
        or more (范明政, 岸田文雄) is his; a two-character one (王毅) only next to an event word or
        a preposition that takes a person (王毅会见…, 与王毅…)."""
        text = self.text
        if any(m.span.start <= sp.start < m.span.end or sp.start <= m.span.start < sp.end for m in self.entities):
            return False  # part of a place's or a body's name (胡志明市)
        offices = self.lex.offices_for(name)
        if offices and all(o.end and o.end.year < year_mod.HISTORICAL_BEFORE for o in offices):
            return False  # a historical figure named on pages of every year
        if "·" in name or len(name) >= 3:
            return True
        if text[max(0, sp.start - 2):sp.start].endswith(_TAKES_PERSON) or text[sp.end:sp.end + 1] in _SUBJECT_NEXT:
            return True
        # (会见了奥巴马、普京、杜特尔特等: one of a list of names, between enumeration commas)
        if text[sp.start - 1:sp.start] == "、" and (text[sp.end:sp.end + 1] in "、和及等" or text.startswith("和", sp.end)):
            return True
        return any(text.startswith(t, sp.end) for t in self.lex.memo("trigger_words", lambda: tuple(self.lex.triggers)))

    def restart(self) -> None:
        """Forget what the stages after the year read, to read the document again."""
        self.resolved, self.sents = [], []
        d = self.doc
        d.sentences, d.events, d.other_events, d.people, d.facts = [], [], [], [], []
        d.mentions, d.offices, d.relations = [], [], []

    def combined(self) -> year_mod.YearEvidence:
        ev = year_mod.YearEvidence(lo=self.evidence.lo, hi=self.evidence.hi, cap=self.evidence.cap,
                                   constraints=list(self.evidence.constraints))
        ev.merge(self.evidence, 1.0)
        if self.cap_evidence is not None:
            ev.merge(self.cap_evidence, 0.5)
            ev.constraints += self.cap_evidence.constraints
        return ev

    def set_year(self, y: int | None, why: str) -> None:
        self.doc.year = y
        self.doc.year_evidence = why if y else None
        ev = self.evidence
        lo, hi = ev.window()
        self.doc.year_range = (lo if lo is not None else y, hi if hi is not None else y) \
            if (lo is not None or hi is not None or y is not None) else None
        self.doc.year_constraints = [c.to_dict() for c in ev.constraints]

    # -- everything after the year (DOC_STAGES) ----------------------------------------
    def sentences(self) -> None:
        """The document's sentences, each with the date of its context, and every date resolved."""
        doc, text, year = self.doc, self.text, self.doc.year
        body_spans = [sp for k, sp in self.regions if k == "body"]
        main: date | None = dateline_day(doc.dateline, year)
        if main is None and doc.title_span is not None:
            # (9月10日下午，A在河内拜会B: a page without a headline, its lede on the first line, opening
            # with its day)
            t0 = doc.title_span.start + len(text[doc.title_span.start:doc.title_span.end]) - \
                len(text[doc.title_span.start:doc.title_span.end].lstrip())
            body_spans = body_spans + [Span(t0, t0 + 1)]
        for dm in ([] if main else self.dates):
            if dm.relative or dm.month is None or background_day(text, dm, year) or _CLOCK_AFTER.match(text, dm.end) \
                    or TERM_BEGUN_RIGHT_AFTER.match(text, dm.end) or period_start(text, dm):
                # (于2022年11月24日出任首相后: a term's first day; 自7月29日后即未露面: a period's start)
                continue  # (来源:(…) 2026-01-30 18:07: a stamp with its clock, not the story's day)
            d = self._resolve(dm, year, None)
            if d and len(d[0] or "") == 10 and any(sp.start <= dm.start < sp.end for sp in body_spans):
                main = date.fromisoformat(d[0])  # type: ignore[arg-type]
                break
        year = year or (main.year if main else None)  # (an undated document's story day, written in full)
        # no month-day in the story: its days (14日) are of the month the page was published in, or
        # of the month before when the day is later than the publication's (the publication day
        # itself dates no event: a story without dates keeps its events' year only)
        pub = self.published or (self.headline_days[1] if self.headline_days else None)  # (越通社简讯2017.2.22)
        pub = pub if main is None and pub is not None and year == pub.year else None
        ctx: date | None = None
        # (刚刚过去的8月: a review's month, for the acts it lists without a day; 一周要闻回顾(2019.3.18-…): the
        # week's month)
        frame: str | None = week_of(doc.title or "")
        for kind, sp in self.regions:
            said_year: int | None = None  # the year the paragraph has named so far (2011年，A于12月…)
            said_month: int | None = None  # and the month named with it
            for s in self.region_sents[sp]:
                base = ctx if kind == "body" else main
                framed = frame if kind == "body" and ctx is None else None
                said_day: date | None = None  # the last full day named in the sentence (2002年5月20日…当日)
                for dm in (dm for dm in self.dates if s.start <= dm.start < s.end):
                    if dm.year is not None and not since_date(text, dm):
                        said_year = dm.year  # (2016年9月和10月: the later month in the year said; not 自2022年2月以来)
                        said_month = dm.end_month or dm.month
                    # 昨天/今天 count from the article's own day, other relative dates from the story's
                    anchor = (self.published or main) if dm.day_offset is not None or dm.weekday is not None \
                        or dm.month_offset is not None else None
                    month_only = dm.year is None and dm.month is not None and dm.year_offset is None and \
                        (dm.day is None or said_year is not None) and \
                        not (said_month is not None and dm.day is not None and dm.month < said_month)  # (去年(2016年)…。…4月5日: that year's;
                    # not 于2015年12月签署的协议…将于11月8日: a day in a month before the one said is no later in that
                    # year; but 分别于2016年10月和9月: months listed in turn are of the year said)
                    # (据日本媒体5月30日报道，日本政府当天…: 当天 is the day just named in the sentence)
                    c = anchor or (said_day if dm.relative == "same" and said_day else None) or \
                        (ctx if dm.relative and ctx else base) or ctx or main
                    if dm.month is None and dm.day and dm.explicit and self.headline_days and dm.year is None \
                            and (wk := day_in(self.headline_days, dm.day)) is not None:
                        c = wk  # (一周要闻回顾(2022.9.26-10.2): 1日 is October's)
                    if dm.month_offset is not None:
                        c = anchor  # (下个月: from the article's own month, never from a day the story named)
                    if c is None and pub is not None and dm.month is None and dm.day:
                        # (本月17日: this month's, even after the day the page came out)
                        c = pub if dm.day <= pub.day + 1 or text.endswith("本月", 0, dm.start) \
                            else pub.replace(day=1) - timedelta(days=1)
                    iso, end = self._resolve(dm, (said_year or year) if month_only else year, c)
                    self.resolved.append((dm, iso, end))
                    if iso and len(iso) == 10 and not dm.relative:
                        said_day = date.fromisoformat(iso)
                    if kind == "body" and iso and len(iso) == 10 and not bracketed(text, dm.start, s) \
                            and not (dm.weekday is not None and stamp_line(text, dm.start)) \
                            and not background_day(text, dm, year) and not term_start(text, dm, s) \
                            and not report_day(text, dm):
                        ctx = date.fromisoformat(iso)
                if kind == "body" and (m := PAST_MONTH.search(text, s.start, s.end)) and year is not None:
                    frame, ctx = past_month(int(m.group(1)), year, main), None
                context = (base or main)
                iso_ctx = framed if framed and base is None and (main is None or not main.isoformat().startswith(framed)) \
                    else context.isoformat() if context else None  # (the story's own day within the frame is finer)
                self.sents.append(SentenceCtx(s, kind, (iso_ctx, None) if iso_ctx else None))
                doc.sentences.append(s)
        self.persons = self._actors()

    def events(self) -> None:
        doc = self.doc
        actors = [a for a in self.persons if a.name not in self.reporters]
        dctx = DocContext(self.text, self.lex, doc.year, actors, self.entities, self.resolved,
                          home=self.options.home,
                          title_spans=[sp for pm in self.person_mentions for _, sp in pm.titles],
                          roundup=bool(_ROUNDUP.search(doc.title or "")), doc_start=doc.span.start,
                          review=bool(_REVIEW.search(doc.title or "")))
        finder = EventFinder(dctx)
        title_events: list[Event] = []
        other: list[Event] = []
        for sc in self.sents:
            found = finder.find(sc)
            (title_events if sc.kind == "title" else other).extend(found)
        person_names = frozenset(pm.name for pm in self.person_mentions)
        symmetric = frozenset(t for t, f in self.lex.frames.items() if f.symmetric)
        # (a body's own message, not its leaders': 俄罗斯联邦议会领导在贺电中 sums up theirs)
        led = {m.text for m in self.entities if self.text.startswith(GROUP_NOUNS, m.span.end)}
        bodies = frozenset(m.text for m in self.entities if m.kind == "org" and m.text not in led)
        merged = merge_events(other, person_names, symmetric, bodies)
        merge_headline(merged, title_events, person_names, symmetric)
        merged = [e for e in merged if _sides_apart(e)]
        press = self.lex.press_nouns
        if press and not any(w in (doc.title or "") for w in press):
            for e in merged:
                if e.type in ("attend", "host") and any(t.endswith(press) for t in e.target):
                    e.factuality = "side"  # a press conference beside the talks, no act of its own
        name_bare_titles(merged, [(pm.name, [t for t, _ in pm.titles]) for pm in self.person_mentions])
        doc.events, doc.other_events = _by_factuality(merged, person_names, self.lex)
        date_by_known_trips(doc.events, self.lex, doc.year)
        date_by_known_gatherings(doc.events, self.lex)
        date_by_the_trip(doc.events)
        date_by_the_frame(doc.events, self.text, self.lex)

    def relations(self) -> None:
        self.doc.relations = find_relations(
            self.lex, self.text, [(sc.span, sc.date[0] if sc.date else None) for sc in self.sents],
            self.entities, [(dm.start, dm.end, iso) for dm, iso, _ in self.resolved],
            [(a.name, a.span) for a in self.persons], home=self.options.home)

    def facts(self) -> None:
        """Facts: body sentences, paragraph by paragraph (a paragraph's period carries over)."""
        doc, text = self.doc, self.text
        ff = FactFinder(self.lex, text, self.entities, doc.year, home=self.options.home)
        for kind, sp in self.regions:
            if kind != "body":
                continue
            period = None
            for s in self.region_sents[sp]:
                facts, period = ff.find(s, sp, period)
                doc.facts.extend(facts)
        doc.facts = _dedupe_facts(doc.facts)

    def people(self) -> None:
        doc, lex, pub = self.doc, self.lex, self.published
        doc.people = self._people()
        for p in doc.people:
            p.offices = offices_of(lex, p.name, p.titles, pub, doc.year, p.country)

    def offices(self) -> None:
        covered = [sp for pm in self.person_mentions for _, sp in pm.titles] + \
                  [pm.span for pm in self.person_mentions]
        named = offices_named(self.doc.people)
        self.doc.offices = bare_titles(self.lex, self.text, [sp for k, sp in self.regions if k != "caption"], covered,
                                       self.published, self.doc.year, home=self.options.home, named=named)

    def mentions(self) -> None:
        self.doc.mentions = self._mentions(self.resolved)

    def _resolve(self, dm: DateMention, year: int | None, context: date | None) -> tuple[str | None, str | None]:
        iso, end = dm.resolve(year, context)
        if iso and len(iso) == 10 and dm.year is None and dm.year_offset is None and self.published:
            d = date.fromisoformat(iso)
            if d > self.published + timedelta(days=31):
                # a month-day after the publication date belongs to the year before
                iso2, end2 = dm.resolve((year or d.year) - 1, context)
                return iso2, end2
        return iso, end

    def _place_goes_on(self, s: int, n: int) -> bool:
        """胡志明 read inside 胡志明市: a place of the gazetteer that begins with the name and runs on."""
        ents = self.lex.entities
        return any((e := ents.get(self.text[s:s + n + k])) is not None and e.kind in ("place", "country")
                   for k in (1, 2))

    def _actors(self) -> list[Actor]:
        """Every occurrence of every person name in the document's regions."""
        names = {pm.name: pm for pm in self.person_mentions}
        # a later bare mention has no country: the person's country is the first one read
        country: dict[str, str | None] = {}
        for pm in self.person_mentions:
            if country.get(pm.name) is None:
                country[pm.name] = pm.country
        # a transliterated name comes back as one of its parts: 格拉西莫夫 for 瓦雷里·格拉西莫夫,
        # 通伦 for 通伦·西苏里 (the part must name one person of the page and be no place)
        forms: dict[str, str] = {n: n for n in names}
        part_of: dict[str, set[str]] = {}
        for n in names:
            if "·" in n:
                for part in set(n.split("·")):
                    if len(part) >= 2 and part not in names and part not in self.lex.entities:
                        part_of.setdefault(part, set()).add(n)
        # (安倍 for 安倍晋三, 岸田 for 岸田文雄: a Japanese name of four characters comes back as its
        # two-character surname)
        for n in names:
            if len(n) == 4 and "·" not in n and country.get(n) == "JPN" and n[:2] not in names \
                    and n[:2] not in self.lex.entities:
                part_of.setdefault(n[:2], set()).add(n)
        forms.update({part: next(iter(full)) for part, full in part_of.items() if len(full) == 1})
        forms.update({t: pm.name for pm in self.person_mentions  # (代总统先生: an address, people_post)
                      if (t := self.text[pm.span.start:pm.span.end]) != pm.name and t.endswith(("先生", "女士", "阁下"))})
        spans: list[Actor] = []
        by_length = sorted(forms.items(), key=lambda kv: -len(kv[0]))
        for _kind, sp in self.regions:
            seg, taken = self.text[sp.start:sp.end], bytearray(sp.end - sp.start)
            for form, name in by_length:
                i = seg.find(form)
                while i >= 0:
                    s = sp.start + i
                    if not any(taken[i:i + len(form)]) and not self._place_goes_on(s, len(form)):
                        taken[i:i + len(form)] = b"\x01" * len(form)
                        spans.append(Actor(name, Span(s, s + len(form)), "person", country.get(name)))
                    i = seg.find(form, i + len(form))
        spans.extend(self._title_anaphora(spans, country))
        spans.sort(key=lambda a: a.span.start)
        return spans

    def _title_anaphora(self, named: list[Actor], country: dict[str, str | None]) -> list[Actor]:
        """A title the page gave one person (印度外长斯瓦拉杰), written later without the name
        (印度外长这次访问河内期间), stands for that person."""
        owners: dict[str, set[str]] = {}
        for pm in self.person_mentions:
            for t, _sp in pm.titles:
                if len(t) >= _ANAPHOR_TITLE:
                    owners.setdefault(t, set()).add(pm.name)
        chains = {sp for pm in self.person_mentions for _t, sp in pm.titles}
        starts = {a.span.start for a in named}
        out: list[Actor] = []
        for t, names in owners.items():
            if len(names) != 1:
                continue
            name = next(iter(names))
            for _kind, sp in self.regions:
                for i in find_all(self.text, t, sp.start, sp.end):
                    e = i + len(t)
                    if Span(i, e) in chains or e in starts or not _AS_SUBJECT.match(self.text, e) \
                            or self.text[max(0, i - 1):i] in _NOT_ANAPHOR_BEFORE \
                            or any(a.span.start <= i < a.span.end for a in named):
                        continue
                    out.append(Actor(name, Span(i, e), "person", country.get(name)))
        return out + self._surname_titles(named, country)

    def _surname_titles(self, named: list[Actor], country: dict[str, str | None]) -> list[Actor]:
        """习主席, 阮总理: a person's surname and one of his short titles stand for him, when the page
        names one person of that surname and title."""
        short: dict[str, set[str]] = {}
        for pm in self.person_mentions:
            if "·" in pm.name or len(pm.name) < 2:
                continue
            for t, _sp in pm.titles:  # (name_words.tsv: the short titles written after names)
                for w in words_ending(t, self.lex.titles_after):
                    sur = pm.name[:2] if pm.name[:2] in self.lex.surnames_cn else pm.name[0]  # (欧阳大使)
                    short.setdefault(sur + w, set()).add(pm.name)
        out: list[Actor] = []
        for alias, names in short.items():
            if len(names) != 1:
                continue
            name = next(iter(names))
            for i in find_all(self.text, alias):
                e = i + len(alias)
                if self.text.startswith(name, i) or any(a.span.start <= i < a.span.end for a in named):
                    continue
                out.append(Actor(name, Span(i, e), "person", country.get(name)))
        return out

    def _people(self) -> list[Person]:
        people: dict[str, Person] = {}
        seen_ev: set[tuple[str, Span]] = set()
        seen_mentions: set[tuple[str, Span]] = set()
        for pm in self.person_mentions:
            p = people.get(pm.name)
            if p is None:
                p = people[pm.name] = Person(pm.name)
            for t, _ in pm.titles:
                t = _QUOTE_ENDS.sub("", t)
                if t and t not in p.titles:
                    p.titles.append(t)
            if p.country is None and pm.country:
                p.country = pm.country
            if p.latin is None and pm.latin:
                p.latin = pm.latin
            if pm.titles and pm.sentence and (pm.name, pm.sentence) not in seen_ev:
                seen_ev.add((pm.name, pm.sentence))
                p.evidence.append(pm.sentence)
        for a in self.persons or self._actors():
            p = people.get(a.name)
            if p is not None and (a.name, a.span) not in seen_mentions:
                seen_mentions.add((a.name, a.span))
                p.mentions.append(a.span)
        _inherit_list_country(self.text, self.person_mentions, people, self.lex)
        _spouse_country(self.text, self.lex, self.person_mentions, people)
        for p in people.values():
            # a short title repeated from a chain adds nothing (外长 after 外交部部长 stays)
            p.titles = [t for t in p.titles if not any(t != u and u.endswith(t) for u in p.titles)] or p.titles
        return list(people.values())

    def _mentions(self, resolved: list[tuple[DateMention, str | None, str | None]]) -> list[Mention]:
        out: list[Mention] = list(self.entities)
        for pm in self.person_mentions:
            out.append(Mention("person", pm.name, pm.span, pm.country))
            for t, sp in pm.titles:
                out.append(Mention("title", t, sp))
        for dm, iso, _ in resolved:
            out.append(Mention("date", self.text[dm.start:dm.end], Span(dm.start, dm.end), iso))
        for f in self.doc.facts:
            out.append(Mention("money" if f.unit != "count" else "quantity", self.text[f.number.start:f.number.end],
                               f.number, f.value))
        out.sort(key=lambda m: (m.span.start, m.span.end))
        return out


class _Intervals:
    """Which positions fall inside a set of spans: bisect over the sorted starts."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        # running maximum of ends, so a long span that starts early still covers later positions
        self.max_end: list[int] = []
        m = -1
        for s in self.spans:
            m = max(m, s.end)
            self.max_end.append(m)

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.max_end[i] > pos


def _joined(text: str, spans: list[Span]) -> tuple[str, Any]:
    """The regions joined by newlines, and a map from an offset in the joined text back to the page."""
    starts: list[int] = []
    pos = 0
    for sp in spans:
        starts.append(pos)
        pos += sp.end - sp.start + 1

    def origin(i: int) -> int:
        k = max(0, bisect.bisect_right(starts, i) - 1)
        return spans[k].start + (i - starts[k]) if spans else i

    return "\n".join(text[sp.start:sp.end] for sp in spans), origin


def _sides_apart(e: Event) -> bool:
    """An act has two sides: a counterpart who is also a source (A与A会谈, a page's slip) is dropped,
    and an act left with no counterpart is none."""
    if e.type not in ("meet", "phone_call") or not set(e.source) & set(e.target):
        return True
    e.target = [t for t in e.target if t not in e.source]
    return bool(e.target)


def _dedupe_facts(facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for f in facts:
        if not any(g.metric == f.metric and g.value == f.value and g.unit == f.unit and g.period == f.period
                   for g in out):
            out.append(f)
    return out


# The stages, in order (spaCy's ``nlp.pipeline`` is the model): page-level ones over the page,
# then DOC_STAGES over each document once its year is set.
STAGES: tuple[tuple[str, Callable[[Page], None]], ...] = (
    ("normalise", _normalise),
    ("publication date", _publication_date),
    ("segment", _segment),
    ("recognise", _recognise),
    ("year", _date_documents),
    ("documents", _read_documents),
    ("written forms", _restore),
)
DOC_STAGES: tuple[tuple[str, Callable[[_DocBuilder], None]], ...] = (
    ("sentences", _DocBuilder.sentences),
    ("events", _DocBuilder.events),
    ("relations", _DocBuilder.relations),
    ("facts", _DocBuilder.facts),
    ("people", _DocBuilder.people),
    ("offices", _DocBuilder.offices),
    ("mentions", _DocBuilder.mentions),
)


def stage_names() -> list[str]:
    """The pipeline's stages by name, page-level then per document (``documents:…``)."""
    return [n for n, _ in STAGES] + [f"documents:{n}" for n, _ in DOC_STAGES]
