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

from ..errors import EmptyInputError
from ..model import Page
from .decode import decode_bytes, normalize_newlines

__all__ = ["read_html", "looks_like_html"]

LOGGER = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")
# Tags whose text is never page text, for the fallback stripper.
_NON_TEXT = ("script", "style", "noscript", "template", "head")


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
    if not text:
        LOGGER.debug("%s: trafilatura found no main text; stripping tags", source)
        text = _strip_tags(html)
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


def _strip_tags(html: str) -> str:
    """Fallback: the body's text content, one line per block, blank lines dropped."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as e:
        LOGGER.debug("lxml could not parse: %s", e)
        return ""
    for bad in root.iter(*_NON_TEXT):
        bad.drop_tree()
    # Block boundaries become newlines, as a browser would render them.
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                        "article", "title"):
        el.tail = "\n" + (el.tail or "")
    return _clean_lines(root.text_content())


def _clean_lines(text: str) -> str:
    lines = (_BLANKS.sub(" ", line).strip() for line in normalize_newlines(text).split("\n"))
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
