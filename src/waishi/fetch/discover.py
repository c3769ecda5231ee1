"""Entry points -> article URLs: feeds (trafilatura.feeds), sitemaps (trafilatura.sitemaps),
URL lists; URL filtering and normalisation by courlan.

trafilatura's own ``extract_links`` runs courlan's ``check_url``, which rejects the
outlets' article extensions (``.vnp``, ``.vov``) and any URL with a port; so feed
links are taken with ``find_links`` and vetted here: courlan's type and
crawlability filters, its normaliser, the same-host rule, then the outlet's article
pattern (or, without a profile, courlan's extension filter). Dates (RSS pubDate,
Atom published/updated, sitemap lastmod) come from a small lxml pass: trafilatura
returns links only, and the dates let ``--since`` skip old URLs before fetching them.
"""

from __future__ import annotations

import gzip
import logging
import mimetypes
import re
import warnings
import zlib
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from courlan import is_external, normalize_url
from courlan.clean import scrub_url
from courlan.filters import basic_filter, extension_filter, is_not_crawlable, type_filter, validate_url
from lxml import etree

from .profiles import Profile

__all__ = ["Discovered", "Link", "accept_url", "parse_entry", "sniff", "to_day"]

LOGGER = logging.getLogger(__name__)

FEED, SITEMAP, HTML, UNKNOWN = "feed", "sitemap", "html", "unknown"
_SITEMAP_RE = re.compile(rb"<(?:[\w.-]+:)?(?:urlset|sitemapindex)\b")
_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")
_HTML_RE = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAGE_MIME = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    date: str | None = None  # YYYY-MM-DD the feed or sitemap gives


@dataclass(slots=True)
class Discovered:
    kind: str  # feed | sitemap | html | unknown
    pages: list[Link]
    sitemaps: list[str]


def to_day(text: str | None) -> str | None:
    """YYYY-MM-DD from an ISO stamp, an RFC 822 date, ``2024年5月22日`` or ``22/05/2024``."""
    if not text:
        return None
    text = text.strip()
    from datetime import date

    for rx, order in ((_ISO, (1, 2, 3)), (_CJK, (1, 2, 3)), (_DMY, (3, 2, 1))):
        m = rx.search(text)
        if m:
            try:
                return date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2]))).isoformat()
            except ValueError:
                continue
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def sniff(body: bytes) -> str:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _SITEMAP_RE.search(head):
        return SITEMAP
    if _FEED_RE.search(head):
        return FEED
    if _HTML_RE.search(head):
        return HTML
    return UNKNOWN


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """A gzipped sitemap's bytes, at most ``max_bytes`` of them (a gzip bomb stops there)."""
    if body[:2] != b"\x1f\x8b":
        return body
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(body, max_bytes)
    except zlib.error:
        raise ValueError("bad gzip data") from None
    if d.unconsumed_tail:
        raise ValueError(f"gzipped sitemap larger than {max_bytes:,} bytes")
    return out


def accept_url(url: str, base: str, profile: Profile | None, *, explicit: bool = False) -> str | None:
    """The normalised URL when it is a same-host page worth fetching, else None.
    ``explicit``: a URL the user named (a file of URLs): only normalised and checked for http(s)."""
    url = (url or "").strip()
    if not url:
        return None
    url = urldefrag(urljoin(base, url))[0]
    if not basic_filter(url):
        return None
    url = scrub_url(url)
    ok, parsed = validate_url(url)
    if not ok or parsed is None or parsed.scheme not in ("http", "https"):
        return None
    if explicit:
        return urldefrag(normalize_url(parsed))[0]
    if not type_filter(url) or is_not_crawlable(url):
        return None
    norm = urldefrag(normalize_url(parsed))[0]
    if urlsplit(norm).path in ("", "/"):
        return None  # a front page (Atom's rel=alternate link), not an article
    if is_external(norm, base, ignore_suffix=False) or urlsplit(norm).hostname != urlsplit(base).hostname:
        return None
    if profile is not None and profile.article is not None:
        return norm if profile.article.search(norm) else None
    if extension_filter(parsed.path):
        return norm
    # courlan also rejects extensions it does not know (.vnp, .vov): keep those unless the
    # extension names a known non-page type (an image, a PDF, an archive)
    guessed = mimetypes.guess_type(parsed.path)[0]
    return norm if guessed is None or guessed in _PAGE_MIME else None


def parse_entry(body: bytes, url: str, max_bytes: int) -> Discovered:
    """What an entry point lists: raises ValueError when it is no feed, sitemap or page."""
    body = gunzip(body, max_bytes)
    kind = sniff(body)
    if kind == SITEMAP:
        return _sitemap(body, url)
    if kind == FEED:
        return _feed(body, url)
    return Discovered(kind, [], [])


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def _text(body: bytes) -> str:
    """The XML as text for trafilatura (lxml reads the bytes itself): the encoding the XML
    declaration names, else UTF-8."""
    m = _XML_ENCODING.match(body[:200].lstrip(b"\xef\xbb\xbf"))
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return body.decode(encoding, "replace").lstrip("\ufeff")
    except LookupError:  # an encoding Python does not know
        return body.decode("utf-8", "replace").lstrip("\ufeff")


def _quiet_import() -> None:
    # trafilatura.feeds/sitemaps import trafilatura.downloads, whose urllib3 import warns that
    # SOCKS proxies need PySocks: waishi never downloads through trafilatura, so the notice is noise.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="SOCKS support")
        import trafilatura.feeds  # noqa: F401
        import trafilatura.sitemaps  # noqa: F401


def _feed(body: bytes, url: str) -> Discovered:
    from courlan import get_hostinfo

    _quiet_import()
    from trafilatura.feeds import FeedParameters, find_links

    domain, base = get_hostinfo(url)
    params = FeedParameters(base, domain or "", url, external=False)
    links = find_links(_text(body).strip(), params)
    dates = _dates(body, feed=True)
    seen: set[str] = set()
    pages: list[Link] = []
    for link in links:
        full = urljoin(url, link.strip())
        if full not in seen:
            seen.add(full)
            pages.append(Link(full, dates.get(full) or dates.get(link.strip())))
    return Discovered(FEED, pages, [])


def _sitemap(body: bytes, url: str) -> Discovered:
    from courlan import get_hostinfo

    _quiet_import()
    from trafilatura.sitemaps import SitemapObject

    domain, base = get_hostinfo(url)
    dates = _dates(body, feed=False)
    if domain is None:
        # courlan names no domain for an IP-literal host (an intranet mirror, a test server), and
        # trafilatura then drops every link; the <loc> elements are read directly instead.
        pages_, sitemaps = _locs(body)
        return Discovered(SITEMAP, [Link(u, dates.get(u)) for u in pages_], sitemaps)
    sm = SitemapObject(base, domain, [], external=False)
    sm.current_url = url
    sm.content = _text(body)
    sm.process()
    pages = [Link(u, dates.get(u)) for u in dict.fromkeys(sm.urls)]
    return Discovered(SITEMAP, pages, list(dict.fromkeys(sm.sitemap_urls)))


def _locs(body: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, sitemap URLs) of a sitemap's <loc> elements: <sitemap><loc> are sitemaps."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return [], []
    pages: dict[str, None] = {}
    sitemaps: dict[str, None] = {}
    for el in root.iter() if root is not None else ():
        if _local(el.tag) == "loc" and el.text and el.text.strip().startswith("http"):
            parent = el.getparent()
            target = sitemaps if parent is not None and _local(parent.tag) == "sitemap" else pages
            target[el.text.strip()] = None
    return list(pages), list(sitemaps)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _dates(body: bytes, *, feed: bool) -> dict[str, str]:
    """URL -> day for the items of a feed (pubDate, published, updated, dc:date) or the urls of a
    sitemap (lastmod, news:publication_date)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return {}
    if root is None:
        return {}
    out: dict[str, str] = {}
    items = ("item", "entry") if feed else ("url",)
    for el in root.iter():
        if _local(el.tag) not in items:
            continue
        link = None
        day = None
        pub_rank = 9
        for child in el:
            name = _local(child.tag)
            if name in ("link", "loc"):
                link = (child.get("href") or child.text or "").strip() or link
            elif name in ("pubDate", "published", "date", "publication_date", "lastmod", "updated"):
                rank = ("pubDate", "published", "publication_date", "date", "lastmod", "updated").index(name)
                d = to_day(child.text)
                if d and rank < pub_rank:
                    day, pub_rank = d, rank
            elif name == "news":  # <news:news><news:publication_date>
                for sub in child.iter():
                    if _local(sub.tag) == "publication_date":
                        d = to_day(sub.text)
                        if d:
                            day, pub_rank = d, 0
        if link and day:
            out[link] = day
    return out


def read_url_list(path: str) -> list[str]:
    """URLs of a file, one a line; blank lines and ``#`` comments skipped. Raises OSError."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    out = []
    for line in data.decode("utf-8", "replace").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            out.append(line)
    return out
