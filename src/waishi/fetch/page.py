"""A fetched response -> Page, through the same reader as files (waishi.read).

The HTML goes to ``read_html`` with the HTTP charset as its declared charset, so a
wrong or missing charset is decoded as a file's would be. The publication day is
taken, in order, from: the outlet profile's ``published`` XPath (the outlet's own
markup, most precise), the page metadata trafilatura reads, htmldate over the
whole page (URL patterns, scattered date strings), and last the day the feed or
sitemap listed for the URL.
"""

from __future__ import annotations

import logging

from ..errors import InputError
from ..model import Page
from ..read import decode_bytes, read_html
from ..read.html import looks_like_html
from .discover import to_day
from .http import Response
from .profiles import Profile

__all__ = ["NotAPage", "page_from_response"]

LOGGER = logging.getLogger(__name__)

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


class NotAPage(InputError):
    """The response is not a page (an image, a PDF, a feed)."""


def _ctype(resp: Response) -> tuple[str, str | None]:
    raw = resp.header("content-type") or ""
    parts = [p.strip() for p in raw.split(";")]
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            charset = v.strip().strip("\"'")
    return parts[0].lower(), charset


def page_from_response(resp: Response, profile: Profile | None, hint_date: str | None = None) -> Page:
    """Raises InputError (NotAPage, EmptyInputError, DecodeError ...) naming the URL."""
    url = resp.url
    ctype, charset = _ctype(resp)
    if ctype not in _PAGE_TYPES:
        raise NotAPage(url, f"not a page ({ctype})")
    head = resp.body[:4096].decode("latin-1")
    if ctype == "text/plain" and not looks_like_html(head):
        text, encoding = decode_bytes(resp.body, url, declared=charset)
        return Page(text=text, source=url, url=url, published=hint_date, encoding=encoding)
    page = read_html(resp.body, url, url=url, charset=charset)
    page.url = url  # the fetched URL, not the page's canonical link: the frontier's identity
    need_date = profile is not None and profile.published is not None
    need_title = profile is not None and profile.headline is not None
    if need_date or need_title or page.published is None:
        html, _ = decode_bytes(resp.body, url, declared=charset)
        tree = _tree(html)
        if profile is not None and tree is not None:
            day = to_day(_xpath_text(tree, profile.published)) if profile.published else None
            if day:
                page.published = day
            title = _xpath_text(tree, profile.headline) if profile.headline else None
            if title:
                title = " ".join(title.split())
                page.title = title
                if page.text.split("\n", 1)[0].strip() != title:
                    page.text = f"{title}\n\n{page.text}"
        if page.published is None:
            page.published = _htmldate(html, url)
    if page.published is None:
        page.published = hint_date
    return page


def _tree(html: str) -> object | None:
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _xpath_text(tree: object, xpath: str | None) -> str | None:
    from lxml import etree

    if not xpath:
        return None
    try:
        found = tree.xpath(xpath)  # type: ignore[attr-defined]
    except etree.XPathError as e:
        LOGGER.debug("bad XPath %r: %s", xpath, e)
        return None
    for item in found if isinstance(found, list) else [found]:
        text = item if isinstance(item, str) else getattr(item, "text_content", lambda: "")()
        if text and str(text).strip():
            return str(text).strip()
    return None


def _htmldate(html: str, url: str) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception as e:  # htmldate raises assorted errors on odd pages; a date is optional
        LOGGER.debug("htmldate failed on %s: %s", url, e)
        return None
    return to_day(found) if found else None
