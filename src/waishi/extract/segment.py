"""Page segmentation: the article, its captions and dateline, and the teasers after 更多.

Anatomy (GENRE.md): headline line; a lede that is often printed twice (under the
headline and again after the dateline ``越通社河内——``); photo captions on lines of
their own, on newer pages glued behind the headline and ``ảnh N``; the end marker
``(完)`` and a source line; then ``更多`` and teasers (caption, headline, lede).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ..lexicon import Lexicon
from ..model import Dateline, Document, Span

# VNA glues "<headline> ảnh N" before a caption; older pages have none.
# Some pages write it without diacritics or in full: "hinh anh 1", "hình ảnh 2".
# (the photo's number stops before a year the caption opens with: ảnh 12018年9月… is photo 1)
_ANH = re.compile(r"\s*(?:[hH][ìi]nh\s*)?(?:ảnh|Ảnh|anh|Anh)\s*\d+?(?=(?:19|20)\d\d\s*年|\D|$)\s*")
# Captions end with a credit. Evidence: 图自越通社, 图自互联网, 越通社记者 林庆 摄,
# (图片来源:越通社), 外交部供图,越通社发, 图自屏幕截图, 屏幕截图, 资料图.
_CREDIT = re.compile(
    r"[。.]?\s*[（(]?\s*(?:图自[^\s。]{1,20}|图片来源[:：][^)）]{1,30}|图源[:：][^)）]{1,30}"
    r"|[^\s。，,]{0,12}供图(?:[，,][^\s。]{1,10})?|(?:[^\s。，,]{1,10}记者)?\s*[^\s。，,]{1,8}\s+摄"
    r"|屏幕截图|资料图|网络图片|图片[:：][^)）]{1,20}|图[:：][^)）]{1,20})\s*[)）]?\s*$"
)
# (the costly forms, any run before 供图 or 摄, cannot match a line without the word: such a line
# is searched without them; a form written otherwise is simply kept)
_CREDIT_PLAIN = re.compile(_CREDIT.pattern.replace(r"|[^\s。，,]{0,12}供图(?:[，,][^\s。]{1,10})?", "")
                           .replace(r"|(?:[^\s。，,]{1,10}记者)?\s*[^\s。，,]{1,8}\s+摄", ""))
_FILENAME = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|webp|bmp)$", re.I)
_LIST_MORE = re.compile(r"^\d{1,2}\s*[.、]\s*(?:更多|更多新闻|相关新闻|延伸阅读|热门新闻|最新新闻)\s*[:：]?$")
_MORE = re.compile(r"^(?:更多|更多新闻)\s*[:：]?$")
# Other outlets end the article with link lists and page furniture, not teasers of the VNA kind,
# and some open with skip links: both are lines of page_furniture.tsv.
# Page furniture before the headline: menu bullets, language switches, timestamps.
_BULLET = re.compile(r"^[•·▪►\-*|]\s*")
_BULLETS = re.compile(r"^(?:[•·▪►\-*|]\s*)+")
_TIMESTAMP = re.compile(r"^(?:date\s*)?(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*[|,，]?\s*)?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                        r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*[|,，]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
                        r"(?:\s*(?:GMT|UTC)?\s*[+\-]?\d{0,2})?\s*$")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
# A compact stamp opening a byline line (20250415陈柏廷/综合报导): the day the paper printed it
_COMPACT_STAMP = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[\u4e00-\u9fff\s/|])")
# Other outlets' stamps: a label (发布时间：), a time zone (HKT, GMT+8), a trailing source or print
# link, or the day first as Vietnamese sites write it (11:35 | 11/11/2017; 30.04.2016  13:14)
_TZ = r"(?:HKT|SGT|ICT|CST|JST|KST|GMT|UTC|北京时间|河内时间)?\s*[+\-]?\d{0,2}"
_CLOCK_T = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
_STAMP = re.compile(
    rf"^(?:作者\s*[:：]\s*\S{{1,10}}\s+)?(?:(?:发布时间|发布日期|更新时间|发布|时间|日期|date)\s*[:：]?\s*|(?:星期|周|礼拜)[一二三四五六日天]\s*[,，]\s*|[\u4e00-\u9fff]{{2,10}}\s+"
    rf"(?:(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:cn|com|net|org|vn|sg|my|la|kh)\s+)?)?(?:{_CLOCK_T}\s*[|,，]?\s*)?"
    rf"(?:(?P<y>\d{{4}})\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})\s*日?"
    rf"|(?P<d2>\d{{1,2}})(?P<sep>[/.])(?P<m2>\d{{1,2}})(?P=sep)(?P<y2>\d{{4}}))"
    rf"\s*{_TZ}\s*[,，]?\s*(?:{_CLOCK_T})?\s*{_TZ}\s*(?:[（(][^)）]{{0,20}}[)）])?\s*(?:Print|打印|来源\s*[:：].{{0,30}}|最后更新\s*[:：]?\s*{_CLOCK_T}|(?:\s*[|｜][^|｜]{{0,24}}){{1,5}}|快讯|最新|\s+(?!星期|周|礼拜)[\u4e00-\u9fff]{{2,6}}网?)?$")
# A wire service's dateline on a line of its own, right under the headline
_WIRE_LINE = re.compile(r"^[（(]?(?:中央社|新华社|越通社|法新社|路透社|美联社|共同社)\s*(?:记者\s*[\u4e00-\u9fff]{2,4})?\s*[／/]?\s*"
                        r"[\u4e00-\u9fff]{0,6}\s*\d{1,2}\s*日\s*(?:专)?电[)）]?$")
_WIRE_REACH = 40
# A desk's byline on a line of its own (国际中心/综合报导, 记者王明/河内报道)
_BYLINE = re.compile(r"^[^\s/／]{2,12}\s*[/／]\s*[^\s/／]{0,12}(?:报导|报道|编译|综合报导|综合报道|专电|电)$")
# A caption that says first it is one (资料图：…, 图：…)
_PHOTO_FIRST = re.compile(r"^(?:资料图|图片|图)\s*[:：/／]")
# A breadcrumb (首页>新南向, 首页 › 国际 › 亚洲): where the page sits in the site
# (您现在的位置: 某网 >> 资讯 >> 正文: a label and doubled separators)
_BREADCRUMB = re.compile(r"^(?:(?:您现在的位置|您的位置|当前位置|现在位置)\s*[:：]\s*)?"
                         r"[^\s>›»]{1,8}(?:\s*[>›»]{1,2}\s*[^>›»\s]{1,12}){1,5}$")
# A breadcrumb ending with the article's own title (首页 > 华侨华人 > 泰国…晚会; 首页-新闻资讯, whose - the
# normaliser writes ·)
_CRUMB_TITLE = re.compile(r"^(?:首页|主页|首頁)\s*[>›»\-—/·]")
# punctuation inside a word of a line: no menu item (分享好友 资讯首页 频道列表 has none)
_PUNCT_IN = re.compile(r"[，。,.：:！？!?、“”\"]")
# a pinyin reading glossed after a character in a menu (滾動(dòng))
_GLOSS_PY = re.compile(r"\([a-zà-ÿāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)")
# A numbered breadcrumb item on a line of its own (1. 无忧资讯 /, 2. 全球 /)
_CRUMB_ITEM = re.compile(r"^\d{1,2}\.\s*[^/／]{1,40}?\s*[/／]$")
# A consent banner (本网站使用…技术…隐私…同意): the site's notice, never a headline
_CONSENT = re.compile(r"(?:隐私|Cookie|cookie).{0,80}(?:同意|接受|关闭)|(?:同意|接受).{0,40}(?:隐私|Cookie|cookie)")
# A site's brand line: a Latin name and a separator (芋传媒 TaroNews - 台湾观点)
_CREDIT_LINE = re.compile(r"^(?:来源|稿源|作者|责任编辑|编辑|发布者|发布时间|发布日期|时间)\s*[:：]")
_BRAND = re.compile(r"[A-Za-z]{3,}.*[-|｜.·]|[-|｜.·].*[A-Za-z]{3,}")
# A skip link, numbered or not (1. 跳转至内容, 跳到主要内容)
_SKIP_LINK = re.compile(r"^(?:\d{1,2}\.\s*)?(?:跳转|跳至|跳到|跳过)")
# Kana: a language switch in Japanese, not a Chinese headline
_KANA = re.compile(r"[\u3040-\u30ff]{2}")
# A line of tags (#越南#日本#合作): the page's keywords, it ends the article
# A link's label written twice, its icon's alt text glued on (X Icon X): a site widget
_TWICE = re.compile(r"^(\S.{3,30}?)\s*(?:Icon|icon|Logo|logo|img|图标)?\s*\1$")
_TAGS = re.compile(r"^(?:#[^#\s]{1,16}\s*){2,}$")
# A clock printed at the top of some pages (中国时间 HH:MM YYYY年M月D日 星期X): the time the page
# was served, not when the article appeared.
_CLOCK = re.compile(r"^\S{0,4}时间\s*\d{1,2}[:：]\d{2}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?$")
_END = re.compile(r"[（(]\s*完\s*[)）]")
_SIGN_OFF = re.compile(r"[（(]\s*(?:越通社|VNA)[^)）]{0,10}[)）]\s*$")
_SOURCE_LINE = re.compile(
    r"^[（(]?\s*(?:越通社|越南通讯社|人民报|人民军报|越南之声|新华社|VNA|越通社\s*[-—–]+\s*VNA)"
    r"(?:\s*[-—–]+\s*VNA)?\s*[)）]?$"
)
# Dateline: agency + place + dash, e.g. 越通社河内——, 人民报河内电——.
_DATELINE = re.compile(
    r"^(?P<agency>越通社|越南通讯社|人民报|人民军报|越南之声|新华社|人民网|中新社|中新网)"
    r"(?:驻(?P<bureau>[^\s——-]{1,8}?)记者)?(?P<place>[^\s——\-，,。]{0,8}?)"
    r"(?P<date>(?P<month>\d{1,2})月(?P<day>\d{1,2})日)?"
    # 越通社河内——, or Xinhua's 新华社北京7月21日电(记者某某)
    r"(?:(?:电)?\s*(?:——|—|－－|--|－)\s*|(?<=日)电\s*(?:[（(]记者[^)）]{0,20}[)）])?\s*)"
)
_TERMINAL = ("。", "！", "？", "!", "?", "”", "…", "」", "』")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines with offsets, surrounding whitespace trimmed."""
    return list(_iter_lines(text, start, end))


def _iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """:func:`lines_of`, one line at a time (a reader of the page's top stops early)."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield Line(s, e, text[s:e])
        pos = stop + 1


def caption_text(line: Line) -> Span | None:
    """The caption proper (credit removed) when the line is a photo caption, else None."""
    # a short line that places the persons in the picture (王毅部长(左)与维文部长(右)会晤), with no
    # credit: the caption is the whole line
    if ("左" in line.text or "右" in line.text) and len(line.text) <= _POSITIONED_MAX and \
            "。" not in line.text.rstrip("。") and _POSITIONED.search(line.text) and "摄" not in line.text:
        return Span(line.start, line.end)
    # every credit form names a picture (图) or a photographer (摄): skip the costly
    # end-anchored search on the body's long lines
    if "图" not in line.text and "摄" not in line.text:
        return None
    # a credit is short and ends the line: search its tail only
    rx = _CREDIT if "摄" in line.text or "供图" in line.text else _CREDIT_PLAIN
    m = rx.search(line.text, max(0, len(line.text) - 80))
    if not m:
        return None
    e = line.start + m.start()
    return Span(line.start, e) if e > line.start else Span(line.start, line.start)


_POSITIONED = re.compile(r"[（(]\s*(?:左|右)[一二三四五]?\s*[)）]")
_POSITIONED_MAX = 60  # a caption placing persons is short; a sentence with (左) markers is a paragraph

_NORM_DROP = re.compile(r"[\s,，。:：;；、“”\"'()（）]")


def _norm(s: str) -> str:
    return _NORM_DROP.sub("", s)


def _headline_like(line: Line) -> bool:
    t = line.text
    # (a lede cut off by the end of a stored page has no full stop, but its clauses do: two
    # commas or more in a long line make it a sentence, not a headline)
    clauses = t.count("，") + t.count(",")
    return len(t) <= 80 and not t.endswith(_TERMINAL) and caption_text(line) is None and not _ANH.search(t) \
        and not _PHOTO_FIRST.match(t) \
        and not (clauses >= 2 and len(t) > 30)


def segment(text: str, lex: Lexicon | None = None) -> list[Document]:
    """Split a page into an article document and teaser documents (spans only)."""
    lex = lex or Lexicon.default()
    lines = lines_of(text)
    head = _first_headline(lines, (lex.furniture_head, lex.furniture_head_re))
    lines = lines[head:]
    tail = next((i for i, ln in enumerate(lines) if i > 0 and (_bare(ln.text) in lex.furniture_tail
                                                            or _TAGS.match(ln.text) or _numbered_more(ln.text))),
                len(lines))
    lines = lines[:tail] + _resumed_body(lines[tail + 1:])
    if not lines:
        return []
    more = next((i for i, ln in enumerate(lines) if _MORE.match(ln.text)), len(lines))
    if more == 0:
        return []
    skip = 1
    if more == len(lines):
        # no 更多 line: a headline printed twice in a row (a teaser's caption that repeats its
        # headline) after the article's body starts the teasers all the same
        # (a lede cut with an ellipsis, 并指出…所谓南非..., on a site's list of stories, ends the body too)
        body = next((i for i, ln in enumerate(lines) if i > 0 and ln.text.endswith(_TERMINAL + ("...", "…"))), len(lines))
        rep = next((i for i in range(max(3, body + 1), len(lines) - 1)
                    if lines[i].text == lines[i + 1].text and _headline_like(lines[i])
                    and 8 <= len(lines[i].text) <= 60), None)
        if rep is not None:
            more, skip = rep, 0
        else:
            # the article closed by its end mark ((完), (越通社-VNA)) and another story after it, a
            # headline over its lede, with no 更多 between them: the page's teaser, set flush
            end = next((i for i in range(1, len(lines) - 2) if _ends_story(lines[i].text)), None)
            if end is not None and _headline_like(lines[end + 1]) and 8 <= len(lines[end + 1].text) <= 60 \
                    and len(lines[end + 2].text) >= 30 and lines[end + 2].text.endswith(_TERMINAL):
                more, skip = end + 1, 0
            elif (listed := _listed_stories(lines)) is not None:
                more, skip = listed, 0
    docs = [_article(text, lines[:more])]
    docs.extend(_teasers(text, lines[more + skip:]))
    return [d for d in docs if d is not None]


def _resumed_body(after: list[Line]) -> list[Line]:
    """A list of links set inside the body (相關新聞: then headlines, then the story goes on): the
    prose after the list is the article's. It resumes only when every line after the links is
    prose (sentences ending in 。, but for a last line cut off) and there are three at least; links followed by teasers
    (a headline, then its lede) or by widgets end the article."""
    links = 0
    while links < len(after) and _headline_like(after[links]) and len(after[links].text) >= 8:
        links += 1
    rest = after[links:]
    prose = [ln for ln in rest if len(ln.text) >= 12]
    # (the last line may be cut off by the end of the stored page)
    if links < 2 or len(prose) < 3 or not all(ln.text.endswith(_TERMINAL) for ln in prose[:-1]):
        return []
    return rest


_LISTED_MIN = 3  # headlines, each over one paragraph, that make a page a list of stories


def _listed_stories(lines: list[Line]) -> int | None:
    """A page that lists stories, each a headline over one paragraph (and a caption or a date line
    before the next headline), with no 更多 before them: where the second story starts (the first is
    the page's article), or the first when the page's head is no story's headline (a tag's name)."""
    def headline(ln: Line) -> bool:
        return _headline_like(ln) and 8 <= len(ln.text) <= 40 and len(_HANZI.findall(ln.text)) >= 6

    starts = [i for i in range(len(lines) - 2) if headline(lines[i]) and len(lines[i + 1].text) >= 60
              and not headline(lines[i + 1]) and (headline(lines[i + 2]) or (
                  len(lines[i + 2].text) < 40 and i + 3 < len(lines) and headline(lines[i + 3])))]
    if len(starts) < _LISTED_MIN:
        return None
    return starts[1] if starts[0] == 0 else starts[0]


def _ends_story(t: str) -> bool:
    """A body line closed by the article's end mark: (完), or the agency's sign-off (越通社-VNA)."""
    end = _END.search(t)
    return (end is not None and end.end() >= len(t.rstrip())) or _SIGN_OFF.search(t) is not None


def _numbered_more(t: str) -> bool:
    """``1. 更多``: the first item of a numbered list of links (more stories), which ends the article
    (VNA's own 更多, unnumbered, opens teasers of its kind)."""
    return t[:1].isdigit() and _LIST_MORE.match(t) is not None


def _bare(t: str) -> str:
    return t.strip().rstrip(":：").strip()


# The lexicon's head furniture: whole lines, and patterns a line is furniture when it matches
_Fur = tuple[frozenset[str], "re.Pattern[str] | None"]
_NO_FUR: _Fur = (frozenset(), None)


def _furniture(line: Line, fur: _Fur = _NO_FUR, glued: bool = True) -> bool:
    """A line of page furniture that comes before the headline on some outlets' pages: a menu
    item, a language switch, a timestamp, a clock, or a list of other headlines run together."""
    t = line.text
    if _BULLET.match(t) or _TIMESTAMP.match(t) or (len(t) <= 60 and _STAMP.match(t)) or _CLOCK.match(t) \
            or _bare(t) in fur[0] or (fur[1] is not None and fur[1].search(t)) or _BREADCRUMB.match(t) or _PHOTO_FIRST.match(t) or _BYLINE.match(t) \
            or _CRUMB_ITEM.match(t) or _SKIP_LINK.match(t) or _KANA.search(t) or (len(t) > 20 and _CONSENT.search(t)) or _TWICE.match(t):
        return True
    if _ANH.search(t) or caption_text(line) is not None:
        return False  # a headline with its caption glued on, or a caption
    bar = [_GLOSS_PY.sub("", p).strip() for p in t.split("|")]  # (滾動(dòng): a reading glossed in pinyin)
    if len(bar) >= 3 and all(1 <= len(p) <= 8 for p in bar if p) and sum(1 for p in bar if p) >= 3:
        return True  # 泰文版 | 设为首页 | 加入收藏: a menu of short items
    words = t.split()
    if len(words) >= 3 and all(len(w) <= 5 and _HANZI.fullmatch(w[0]) and not _PUNCT_IN.search(w) for w in words):
        return True  # 分享好友 资讯首页 频道列表: short items set apart by spaces
    hanzi = len(_HANZI.findall(t))
    if hanzi == 0 or (hanzi < 0.3 * len(t.replace(" ", "")) and "|" in t):
        return True  # Vietnamese | English | 中文, province menus
    return glued and _glued_heads(t)


def _glued_heads(t: str) -> bool:
    """Several headlines glued with spaces: long, no sentence end, three or more parts (a Latin
    prefix, WEF ASEAN 2018: …, is one headline's words, not headlines)."""
    parts = [p for p in re.split(r"\s+", t) if p]
    # (主题 传承中泰友谊 推进务实合作: a headline's short parallel phrases after it are one headline)
    short_tail = len(parts) >= 3 and all(len(p) <= 8 for p in parts[1:]) and len(set(map(len, parts[1:]))) == 1
    return len(parts) >= 3 and sum(len(_HANZI.findall(p)) >= 5 for p in parts) >= 3 and not t.endswith(_TERMINAL) \
        and not short_tail


def _first_headline(lines: list[Line], words: _Fur = _NO_FUR) -> int:
    """Index of the headline: the first line that is not page furniture (at most 120 lines in).
    A section label (新闻, 时政, 国际) above a longer headline is furniture too. A wire byline on
    a line of its own (中央社／ 河内27日专电) follows the headline: the line before it is the
    headline, whatever other headlines the page runs above it."""
    wire = next((k for k, ln in enumerate(lines[:_WIRE_REACH]) if k > 0 and _WIRE_LINE.match(ln.text)), None)
    if wire is not None and _headline_like(lines[wire - 1]) and not _furniture(lines[wire - 1], words):
        return wire - 1
    # a breadcrumb (首页 > 华侨华人 > …, 当前位置: …) parts the site's header from the article: the
    # headline is after it, whatever the header's lines above look like
    crumb = next((k for k, ln in enumerate(lines[:8]) if _BREADCRUMB.match(ln.text) or "当前位置" in ln.text
                  or _CRUMB_TITLE.match(ln.text)), None)
    first = crumb + 1 if crumb is not None and crumb + 1 < len(lines) else 0
    for i, ln in enumerate(lines[first:120], first):
        if not _furniture(ln, words):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            t = ln.text.strip()
            if nxt is not None and len(t) <= 4 and _HANZI.fullmatch(t[:1] or "x") and not t.endswith(_TERMINAL) \
                    and ((len(nxt.text.strip()) >= 8 and not nxt.text.strip().endswith(_TERMINAL) and not _furniture(nxt))
                         or _furniture(nxt, words) or len(nxt.text.strip()) <= 4):
                continue  # (a section label, an app's name above its banner, a menu of short lines: 最抢眼 / 最话题)
            if not _headline_like(ln):
                # the first line that is no furniture is the story's prose: a headline with its
                # subtitles set apart by spaces, above (and above the page's stamp), is the headline
                k = i - 1
                while k > 0 and (_TIMESTAMP.match(lines[k].text) or _STAMP.match(lines[k].text)
                                 or not _HANZI.search(lines[k].text)):
                    k -= 1
                if 0 <= k < i and _glued_heads(lines[k].text) and not _furniture(lines[k], words, glued=False):
                    return k
            return _stamped_headline(lines, _better_headline(lines, i, words), words)
    return 0


def _stamped_headline(lines: list[Line], i: int, words: _Fur) -> int:
    """A byline with the day and its clock (…新聞中心 2016-06-02 11:01) under the headline: the line
    above it is the headline when the story below repeats its words and not those of the line
    taken so far (a menu line of the site's header)."""
    stamp = next((k for k, ln in enumerate(lines[:_WIRE_REACH]) if k > i + 1 and len(ln.text) <= 60
                  and _DATE_CLOCK.search(ln.text)), None)
    if stamp is None or not _headline_like(lines[stamp - 1]) or _furniture(lines[stamp - 1], words) \
            or len(lines[stamp - 1].text.strip()) < 8:
        return i
    story = "".join(ln.text for ln in lines[stamp + 1:stamp + 6])[:600]
    return stamp - 1 if _shared(lines[i].text, story) == 0 and _shared(lines[stamp - 1].text, story) >= 3 else i


def _better_headline(lines: list[Line], i: int, words: _Fur) -> int:
    """The line after the first candidate is the headline when the candidate is a sentence printed
    above it (a summary: long, ending its sentence) or a line that shares no words with the story
    (a site's name in Latin letters with its slogan), and it is headline-like and does share them."""
    j = i + 1
    if j >= len(lines) or not _headline_like(lines[j]) or _furniture(lines[j], words) or len(lines[j].text) < 8:
        return i
    t = lines[i].text
    if (t.endswith(_TERMINAL) and len(t) > 40) or (caption_text(lines[i]) is not None and not _ANH.search(t)):
        return j  # (a photo's caption above the headline: 外交部长NAME。资料图片:PMC)
    # (a kicker above the headline: the headline is the line the photo captions repeat before ảnh N)
    glued = next((_norm(ln.text[:m.start()]) for ln in lines[j + 1:j + 12] if (m := _ANH.search(ln.text)) and m.start() > 0), None)
    if glued and glued == _norm(lines[j].text) and glued != _norm(t) and \
            _shared(t, lines[j].text) < 0.6 * max(1, len(t) - 1):
        return j  # (not when the first line is the same headline, printed with a word more or less)
    story = "".join(ln.text for ln in lines[j + 1:j + 6])[:600]
    if _BRAND.search(t) and _shared(t, story) == 0 and _shared(lines[j].text, story) >= 2:
        return j
    # (a site's slogan above the headline, whose credit line follows: 来源：… 责任编辑：… 2021-10-14)
    after = lines[j + 1].text if j + 1 < len(lines) else ""
    if _CREDIT_LINE.match(after) and not _CREDIT_LINE.match(t) and _shared(t, story) <= 1 and _shared(lines[j].text, story) >= 3:
        return j
    return i


def _shared(line: str, story: str) -> int:
    """How many of the line's two-character runs of hanzi the story repeats."""
    grams = {line[k:k + 2] for k in range(len(line) - 1) if _HANZI.fullmatch(line[k]) and _HANZI.fullmatch(line[k + 1])}
    return sum(1 for g in grams if g in story)


def stamp_line(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a line that is the page's stamp (星期一, 02/04/2018 16:36): its weekday
    is the stamp's, no day of the story."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)].strip()
    return len(line) <= 40 and not line.endswith(_TERMINAL) and page_date(line, limit=1) is not None


def page_date(text: str, start: int = 0, end: int | None = None, limit: int = 130) -> str | None:
    """A publication timestamp line near the top of the page (2020-07-30 23:19), as YYYY-MM-DD."""
    for ln in islice(_iter_lines(text, start, end), limit):
        if _CLOCK.match(ln.text):
            continue  # (中国时间 HH:MM …: when the page was served, not when the story appeared)
        t = _BULLETS.sub("", ln.text)  # (• 2017年5月4日: a stamp set as a menu item)
        m = _TIMESTAMP.match(t) or _COMPACT_STAMP.match(t)
        ptt = _PTT_TIME.match(t) if m is None else None
        en = _EN_STAMP.match(t) if m is None and ptt is None else None
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif ptt:
            # (时间Mon Jun 11 23:01:35 2018: a forum post's header, in English)
            y, mo, d = int(ptt.group("y")), _MONTHS.index(ptt.group("mon")) + 1, int(ptt.group("d"))
        elif en:
            y, mo, d = int(en.group("y") or en.group("y2")), _MONTHS.index(en.group("mon") or en.group("mon2")) + 1, \
                int(en.group("d") or en.group("d2"))
        elif (m2 := _STAMP_SUFFIX.search(t)) and (m2.start() >= 8 or len(t) <= 60) and len(t) <= 120:
            # (…仪式发布日期:2019-05-07, 访问次数 : 发布时间 :2011-01-30: a labelled stamp behind other furniture)
            y, mo, d = int(m2.group("y")), int(m2.group("m")), int(m2.group("d"))
        elif len(t) <= 60 and ((m2 := _STAMP.match(t)) or (m2 := _DATE_CLOCK.search(t))):
            # (a day with its clock in a short line is a stamp whatever stands around it: a source
            # before it, 新华社·2025-09-17 12:17; a comment counter after it)
            y, mo, d = (int(m2.group("y")), int(m2.group("m")), int(m2.group("d"))) if m2.group("y") else \
                (int(m2.group("y2")), int(m2.group("m2")), int(m2.group("d2")))
        else:
            continue
        if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _article(text: str, lines: list[Line]) -> Document:
    head = lines[0]
    title, title_span, rest, glued = _headline(head, lines)
    doc = Document(kind="article", title=title, span=Span(head.start, lines[-1].end), title_span=title_span)
    paragraphs: list[Span] = []
    ended = False
    if rest and not glued and _headline_like(rest[0]) and len(_norm(rest[0].text)) >= 8 \
            and _norm(rest[0].text) in _norm(title):
        rest = rest[1:]  # the headline printed again under itself (whole, or without its first words)
    elif rest and not glued and len(_norm(title)) >= 8:
        # (…headline, 发布时间:… 来源:新华社, the headline again: printed again under the page's stamp)
        rest = [ln for k, ln in enumerate(rest) if not (k < 3 and _norm(ln.text) == _norm(title))]
    for ln in rest:
        t = ln.text
        if _FILENAME.match(t) or (_SOURCE_LINE.match(t) and (ended or ln is rest[-1])):
            continue
        if (t.startswith(_LINK_OPEN) or t.endswith(_LINK_CLOSE)) and _LINK_LINE.match(t):
            continue  # [another headline]: a related link set inside the body
        cap = _caption(ln, title, glued and ln is rest[0])
        if cap is not None:
            if cap.end > cap.start:
                doc.captions.append(cap)
            continue
        span, ends = _paragraph(text, ln, doc)
        ended = ended or ends
        if span is not None:
            paragraphs.append(span)
    doc.body = _drop_repeated_lede(text, doc, paragraphs)
    if doc.captions and doc.captions[-1].end == lines[-1].end:
        # the page's end cut its last caption (…ảnh 2<the headline's first words>): what is left
        # repeats the start of the headline or of a caption before, and says less
        last = _norm(text[doc.captions[-1].start:doc.captions[-1].end])
        whole = [_norm(title)] + [_norm(text[c.start:c.end]) for c in doc.captions[:-1]]
        if last and any(w != last and w.startswith(last) for w in whole):
            doc.captions.pop()
    return doc


def _headline(head: Line, lines: list[Line]) -> tuple[str, Span, list[Line], bool]:
    """The article's title, its span, the lines after it, and whether the headline line also
    carried a caption (its first line of ``rest``)."""
    stamp = _STAMP_PREFIX.match(head.text)
    if stamp and len(head.text) - stamp.end() >= 10:
        # " date 2025-03-11 越通社驻…记者报道，…": a date stamp glued before the first line's text
        head = Line(head.start + stamp.end(), head.end, head.text[stamp.end():])
    label = _TITLE_LABEL.match(head.text)
    if label and label.end("t") > label.start("t"):
        # 标题: X [打印本页]: a forum's title line
        head = Line(head.start + label.start("t"), head.start + label.end("t"), label.group("t"))
    glued_stamp = _STAMP_SUFFIX.search(head.text)
    if glued_stamp and glued_stamp.start() >= 8:
        head = Line(head.start, head.start + glued_stamp.start(), head.text[:glued_stamp.start()])
    title_span = Span(head.start, head.end)
    title = head.text
    rest = lines[1:]
    if head.text.endswith(_TERMINAL) and (len(head.text) > 60 or (len(head.text) > 30 and "，" in head.text)):
        # No headline: the page starts with a paragraph. Its first clause stands in as title.
        first = re.split(r"[，,。；;：:]", head.text, maxsplit=1)[0]
        title = first
        title_span = Span(head.start, head.start + len(first))
        rest = lines
    glued = _ANH.search(head.text)
    if glued and glued.start() > 0 and not head.text[: glued.start()].endswith(_TERMINAL):
        # the headline line itself carries a caption: "<headline> ảnh 1<caption>"
        title = head.text[: glued.start()].strip()
        title_span = Span(head.start, head.start + len(title))
        rest = [Line(head.start + glued.end(), head.end, head.text[glued.end():])] + rest
        return title, title_span, rest, True
    return title, title_span, rest, False


def _caption(ln: Line, title: str, cut_from_headline: bool) -> Span | None:
    """The caption a line carries (possibly empty), or None when the line is no caption."""
    if cut_from_headline:  # the caption cut from the headline line
        return caption_text(ln) or Span(ln.start, ln.end)
    t = ln.text
    m = _ANH.search(t) if "nh" in t else None  # (every form ends in nh: ảnh, anh, Ảnh, Anh)
    if m and _norm(t[: m.start()]) and _norm(title).startswith(_norm(t[: m.start()])[:8]):
        cap = Line(ln.start + m.end(), ln.end, t[m.end():])
        return caption_text(cap) or Span(cap.start, cap.end)
    return caption_text(ln)


def _paragraph(text: str, ln: Line, doc: Document) -> tuple[Span | None, bool]:
    """A body line as a paragraph (after its dateline, before the end marks), and whether the
    article ends with it."""
    t = ln.text
    s = ln.start
    ended = False
    dl = _DATELINE.match(t)
    if dl and doc.dateline is None:
        place = dl.group("place") or dl.group("bureau") or None
        md = (int(dl.group("month")), int(dl.group("day"))) if dl.group("date") else None
        doc.dateline = Dateline(dl.group("agency"), place, Span(ln.start, ln.start + dl.end()), md)
        s = ln.start + dl.end()
    e = ln.end
    em = _END.search(text, s, e)
    if em:
        e = em.start()
        ended = True
    # trailing "(越通社——VNA)" style source markers inside the last paragraph
    tail = _SIGN_OFF.search(text, s, e)
    if tail:
        e = tail.start()
        ended = True
    return (Span(s, e) if e > s else None), ended


def _drop_repeated_lede(text: str, doc: Document, paragraphs: list[Span]) -> list[Span]:
    """The lede printed under the headline is printed again after the dateline: count it once."""
    if doc.dateline is not None and len(paragraphs) >= 2:
        dl_par = next((p for p in paragraphs if p.start == doc.dateline.span.end), None)
        if dl_par is not None:
            body = _norm(text[dl_par.start:dl_par.end])
            paragraphs = [p for p in paragraphs
                          if p.end > dl_par.start or not _norm(text[p.start:p.end]) or
                          _norm(text[p.start:p.end])[-30:] not in body]
    return paragraphs


# how a lede opens (在…之际, 应…邀请, 据…报道, 值此, 当地时间, 12月29日): a last line so opening is a cut-off lede
_LEDE_OPENS = re.compile(r"在|应|据|值此|当地时间|\d{1,2}月\d{1,2}日")
# A publication stamp glued behind a headline (…仪式发布日期:2019-05-07 10:12:00)
# (2025-05-27, 早上 8:18: a comma and the part of the day between the day and its clock)
_DATE_CLOCK = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)[,，]?\s*(?:早上|上午|中午|下午|晚上|凌晨)?\s*"
                         r"(?<=[\s上午晚后晨])[0-2]?\d:[0-5]\d(?!\d)")
# (作者: [时间]:2017-11-04 [来源]:… [浏览次数]:: labels set in brackets, other labelled fields after it)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_PTT_TIME = re.compile(r"^(?:时间|時間)?\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?P<mon>" + "|".join(_MONTHS) +
                       r")\s+(?P<d>\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?P<y>(?:19|20)\d\d)\s*$")
# an English stamp line (Sunday, 17 March 2019 00:00; March 17, 2019): a day with its month's name
_EN_STAMP = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?P<d>\d{1,2})\s+(?P<mon>" + "|".join(_MONTHS) +
                       r")[a-z]*\.?,?\s+(?P<y>(?:19|20)\d\d)|(?P<mon2>" + "|".join(_MONTHS) +
                       r")[a-z]*\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>(?:19|20)\d\d))(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_STAMP_SUFFIX = re.compile(r"\s*[\[【]?(?:发布日期|发布时间|更新时间|日期|时间)[\]】]?\s*[:：]\s*(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
                           r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+[\[【]?[\u4e00-\u9fff]{2,4}[\]】]?\s*[:：]\s*\S{0,16})*\s*$")
# A related link set in the body on a line of its own, bracketed: [越南…会见…]
_LINK_LINE = re.compile(r"^(?:\[[^\[\]。]{6,80}\]|【[^【】。]{6,80}】|[^。！？!?]*?[\u4e00-\u9fff]{6}[^。！？!?]*?\s+"
                        r"[\u4e00-\u9fff][^。！？!?]*?[\u4e00-\u9fff]{6}[^。！？!?]*?\s[|｜])$")
# (or headlines of related stories run together and closed by a bar: …:…桥梁 |)
# (a cheap test first: every match opens with a bracket or ends with a bar, before $'s newline)
_LINK_OPEN, _LINK_CLOSE = ("[", "【"), ("|", "｜", "|\n", "｜\n")
_TITLE_LABEL = re.compile(r"^(?:标题|標題)\s*[:：]\s*(?P<t>.+?)\s*(?:\[打印本页\]|\[打印本頁\])?$")
_STAMP_PREFIX = re.compile(r"\s*(?:date|日期|发布时间|时间)?\s*[:：]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?\s+")
_CUT_OFF = 5  # a last line shorter than this after 更多 is a headline cut off by the page's end
_LONE_LINE = 30  # a lone line after 更多 longer than this is a caption, not a headline
_CUT_LEDE = 45  # a last line longer than this after a headline is its lede cut by the page's end


def _teasers(text: str, lines: list[Line]) -> list[Document]:
    docs: list[Document] = []
    if lines and len(_norm(lines[-1].text)) < _CUT_OFF:
        lines = lines[:-1]  # the page cut off in its last teaser's headline (越…): no headline
    if len(lines) == 1 and (len(lines[0].text) > _LONE_LINE or re.search(r"[，,(（]|[·、]$", lines[0].text)):
        return []  # one line after 更多, cut by the page's end: a caption with no headline after it
    n = len(lines)
    pending: list[Line] = []  # captions waiting for their headline
    i = 0
    while i < n:
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < n else None
        if not _headline_like(ln):
            pending.append(ln)
            i += 1
            continue
        cut_lede = nxt is not None and i + 2 == n and (any(c in nxt.text for c in "，,") or _LEDE_OPENS.match(nxt.text)
                                                       or len(nxt.text) > _CUT_LEDE)
        if nxt is not None and not cut_lede and (_norm(nxt.text) == _norm(ln.text) or _headline_like(nxt)):
            # the caption line is the headline repeated, or a credit-less caption before a headline
            pending.append(ln)
            i += 1
            continue
        head = ln
        body: list[Line] = []
        j = i + 1
        while j < n and (not _headline_like(lines[j]) or (j + 1 == n and cut_lede)) and caption_text(lines[j]) is None:
            body.append(lines[j])
            j += 1
        # Lines after the first lede paragraph belong to the next teaser when one follows
        # (a caption without credit), else to this one.
        carry: list[Line] = []
        if len(body) > 1 and j < n:
            carry = body[1:]
            body = body[:1]
        start = min([p.start for p in pending] + [head.start])
        end = max([head.end] + [b.end for b in body])
        doc = Document(kind="teaser", title=head.text, span=Span(start, end),
                       title_span=Span(head.start, head.end))
        for p in pending:
            cap = caption_text(p)
            if cap is None:
                cap = Span(p.start, p.end)
            if cap.end > cap.start and _norm(text[cap.start:cap.end]) != _norm(head.text):
                doc.captions.append(cap)
        doc.body = [Span(b.start, b.end) for b in body]
        docs.append(doc)
        pending = carry
        i = j
    if pending and docs:
        # trailing lines with no headline after them: they continue the last teaser
        last = docs[-1]
        for p in pending:
            last.body.append(Span(p.start, p.end))
        last.span = Span(last.span.start, max(last.span.end, pending[-1].end))
    return docs
