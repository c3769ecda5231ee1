"""FetchOptions: every knob of a fetch run in one object (trafilatura's habit), no globals.

The defaults are the polite ones (docs/fetch.md): one request at a time, a second
between two requests to the same host, robots.txt obeyed, three retries with
backoff, a 10 MB cap per response. Tests and the bench shrink delays and timeouts
through this object, never through module state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import __version__

__all__ = ["DEFAULT_USER_AGENT", "FetchOptions", "parse_interval", "parse_size"]

DEFAULT_USER_AGENT = f"waishi/{__version__} (news research fetcher; one request at a time; obeys robots.txt)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay may raise it)
    timeout: float = 20.0  # seconds to connect, and between two reads of a response
    total_timeout: float = 120.0  # seconds for a whole response (a server trickling bytes)
    retries: int = 3  # further attempts after a 429, a 5xx or a network error
    backoff: float = 1.0  # first wait before a retry; doubled each time
    max_retry_after: float = 300.0  # a longer Retry-After defers the URL to the next run instead
    max_bytes: int = 10 * 1024 * 1024  # a response body larger than this is dropped
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    robots: bool = True  # obey robots.txt (Disallow and Crawl-delay)
    since: str | None = None  # YYYY-MM-DD: older pages are neither fetched (when the feed says so) nor stored
    max_pages: int | None = None  # page fetches per pass
    warc_dir: str | None = None  # None: "<db>.warc/" beside the store; "" : no WARC files
    batch_size: int = 50  # pages per committed batch
    batch_seconds: float = 1.0  # ... or this long: a killed run refetches at most this much


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$", re.I)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.I)
_SIZE_UNITS = {"b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}


def parse_interval(text: str) -> float:
    """``30m`` -> 1800.0; units ms, s, m, h, d; a bare number is seconds. Raises ValueError."""
    m = _INTERVAL.match(text or "")
    if not m:
        raise ValueError(f"not an interval (e.g. 30m, 1h, 45s): {text!r}")
    return float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]


def parse_size(text: str) -> int:
    """``10MB`` -> 10485760; units b, kb, mb, gb; a bare number is bytes. Raises ValueError."""
    m = _SIZE.match(text or "")
    if not m:
        raise ValueError(f"not a size (e.g. 10MB, 512kb): {text!r}")
    return int(float(m.group(1)) * _SIZE_UNITS[(m.group(2) or "b").lower()])
