"""HTML page -> Page: main text by trafilatura, metadata (title, URL, date), no network.

The page text starts with the headline on its own line, as a scraped ``.txt``
page does (segment.py reads line 1 as the headline): trafilatura's text often
starts with the ``<h1>``, but not always (some templates keep the headline
outside the article container), so the metadata title is put in front when the
text does not already begin with it.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser

from ..errors import EmptyInputError
from ..model import Page
from .decode import decode_bytes, normalize_newlines, normalize_text

__all__ = ["read_html", "looks_like_html"]

LOGGER = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")
# Tags whose text is never page text, for the fallback stripper.
_NON_TEXT = frozenset({"script", "style", "noscript", "template", "head", "svg", "math"})
# Tags that end a line of text as a browser renders them.
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section",
                     "article", "title", "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "header",
                     "footer", "main", "aside", "nav", "figure", "figcaption", "hr", "body", "form"})
# trafilatura (through lxml/libxml2) stops at 256 levels of nesting and gives nothing
# back for a page wrapped in 500 <div>s or 90 tables (issue 15: a 1-character page,
# stored with no error). When its text is shorter than FEW_CHARS and the visible text
# is LOST_RATIO times longer, it lost the article: the visible text, read by a parser
# that builds no tree, is the page text (menus included: better than no article).
FEW_CHARS = 200
LOST_RATIO = 10


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts with ``<`` and has an html/head/body tag near the top."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    return head.startswith("<") and _HTML_SNIFF.search(head) is not None


def read_html(data: bytes | str, source: str, url: str | None = None,
              published: str | None = None, charset: str | None = None) -> Page:
    """Read one HTML page: headline + main text, title, URL and publication date.

    ``url`` (e.g. a WARC record's target URI) wins over the page's canonical URL;
    ``published`` is a fallback used when the page itself carries no date;
    ``charset`` is a declared charset (an HTTP header) for bytes input.
    Raises EmptyInputError("no text in HTML") when the page has no text at all.
    """
    encoding: str | None = None
    if isinstance(data, bytes):
        if not data.strip():
            raise EmptyInputError(source, "empty file")
        declared = charset or _meta_charset(data)
        html, encoding = decode_bytes(data, source, declared=declared)
    else:
        html = normalize_newlines(data)
    if not html.strip():
        raise EmptyInputError(source, "empty file")

    text, title, page_date, page_url = _trafilatura(html, url)
    if len(text) < FEW_CHARS:
        text = _recover(text, html, source)
    if not text and title:
        text = title
    if not text:
        raise EmptyInputError(source, "no text in HTML")

    text, title = _with_headline(text, title)
    return Page(text=text, source=source, url=url or page_url, published=page_date or iso_day(published),
                title=title, encoding=encoding)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _trafilatura(html: str, url: str | None) -> tuple[str, str | None, str | None, str | None]:
    """(text, title, YYYY-MM-DD date, URL) as trafilatura reads them; text may be ""."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            output_format="python",
        )
    except Exception as e:  # trafilatura/lxml raise assorted errors on malformed pages
        LOGGER.debug("trafilatura failed: %s", e)
        return "", None, None, None
    if doc is None:
        return "", _title_only(html), None, None
    text = _clean_lines(getattr(doc, "text", None) or "")
    title = _one_line(getattr(doc, "title", None) or "") or None
    return text, title, iso_day(getattr(doc, "date", None)), getattr(doc, "url", None) or None


def _title_only(html: str) -> str | None:
    """The page title when trafilatura returns no document (it found no body text)."""
    try:
        from trafilatura import extract_metadata

        meta = extract_metadata(html)
    except Exception as e:  # pragma: no cover - defensive
        LOGGER.debug("trafilatura metadata failed: %s", e)
        return None
    title = getattr(meta, "title", None) if meta is not None else None
    if not title:
        return None
    return _one_line(title) or None


def _recover(text: str, html: str, source: str) -> str:
    """The page text when trafilatura's ``text`` is (almost) empty: see FEW_CHARS."""
    visible = _strip_tags(html)
    if len(visible) < LOST_RATIO * max(len(text), 10):
        return text or visible  # a short page: trafilatura's text is the page
    LOGGER.warning("%s: the main-text extractor kept %d of %d visible characters (deeply nested HTML?); "
                   "using the visible text", source, len(text), len(visible))
    return visible


class _TextOnly(HTMLParser):
    """Visible text, one line per block; no tree is built, so no nesting limit applies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside script, style ...

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NON_TEXT:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _NON_TEXT:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _strip_tags(html: str) -> str:
    """Fallback: the visible text (outside head, script, style), one line per block, blank lines dropped."""
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception as e:  # pragma: no cover - html.parser is lenient; defensive
        LOGGER.debug("html.parser failed: %s", e)
    return _clean_lines("".join(parser.parts))


def _clean_lines(text: str) -> str:
    lines = (_BLANKS.sub(" ", line).strip() for line in normalize_text(text).split("\n"))
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    return _BLANKS.sub(" ", " ".join(text.split())).strip()


def _with_headline(text: str, title: str | None) -> tuple[str, str | None]:
    """Text whose first line is the headline, and the title to record."""
    first = text.split("\n", 1)[0].strip()
    if not title:
        return text, first or None
    if first == title:
        return text, title
    # <title> often carries a site suffix ("headline | agency"): the first line
    # is then the cleaner headline and already in place.
    if len(first) >= 4 and title.startswith(first):
        return text, first
    if len(title) >= 4 and first.startswith(title):
        return text, title
    return f"{title}\n\n{text}", title


def iso_day(value: object) -> str | None:
    """``YYYY-MM-DD`` from a date or a timestamp starting with one; else None."""
    if not value:
        return None
    s = str(value).strip()[:10]
    if not _ISO_DATE.fullmatch(s):
        return None
    try:
        date.fromisoformat(s)
    except ValueError:
        return None
    return s
