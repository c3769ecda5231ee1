"""Polite HTTP over httpx: one request at a time, a delay per host, retries, caps.

``PoliteClient.get`` returns the final ``Response`` of a URL (after bounded
redirects and retries) or raises ``Fault`` with a short reason; it never raises
httpx's own exceptions. Every complete response, including the 5xx before a
successful retry and each redirect hop, is handed to ``record`` (the WARC writer),
so the archive holds what the server actually said.

Why by hand and not httpx's ``follow_redirects``: each hop is checked against
robots.txt and against the hops before it (a loop is named as one), and each hop
is archived.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from .options import FetchOptions

__all__ = ["Fault", "PoliteClient", "Response", "host_of"]

LOGGER = logging.getLogger(__name__)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def host_of(url: str) -> str:
    """``scheme://host[:port]``: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass(slots=True)
class Response:
    url: str  # the URL this response answers (the last hop)
    status: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    requested: str = ""  # the URL first asked for (before redirects)
    warc: str | None = None  # "file#offset" of its WARC record, when archived

    def header(self, name: str) -> str | None:
        low = name.lower()
        for k, v in self.headers:
            if k.lower() == low:
                return v
        return None


class Fault(Exception):
    """A URL could not be fetched: ``reason`` in a few words; ``retry_at`` when the server asked for later."""

    def __init__(self, reason: str, status: int | None = None, retry_at: float | None = None,
                 permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_at = retry_at
        self.permanent = permanent  # retrying will not help (a loop, the size cap); else retried next run


class _TooLarge(Exception):
    pass


class PoliteClient:
    """An httpx client that waits its turn per host and bounds everything it reads."""

    def __init__(self, options: FetchOptions, *, transport: httpx.BaseTransport | None = None,
                 record: Callable[[Response], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options
        self.record = record
        self._sleep = sleep
        self._clock = clock
        self._next_ok: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self.requests = 0
        self.client = httpx.Client(
            timeout=httpx.Timeout(options.timeout), follow_redirects=False, transport=transport,
            headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_delay(self, host: str, seconds: float) -> None:
        """A host's own delay (robots.txt Crawl-delay), when it is longer than the default."""
        self._delay[host] = max(seconds, self.options.delay)

    # -- public ------------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            allowed: Callable[[str], bool] | None = None) -> Response:
        """The final response for ``url``; raises Fault. ``allowed`` vets each redirect target."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        current = url
        for _hop in range(self.options.max_redirects + 1):
            resp = self._with_retries(current, headers)
            resp.requested = url
            location = resp.header("location")
            if resp.status not in _REDIRECTS or not location:
                return resp
            nxt = urljoin(current, location.strip())
            if urlsplit(nxt).scheme not in ("http", "https"):
                raise Fault(f"redirect to a non-HTTP URL: {nxt[:80]}", resp.status, permanent=True)
            if nxt in seen:
                raise Fault("redirect loop", resp.status, permanent=True)
            if allowed is not None and not allowed(nxt):
                raise Fault("redirect target disallowed by robots.txt", resp.status, permanent=True)
            seen.add(nxt)
            current = nxt
            if host_of(nxt) != host_of(url):  # validators belong to the first host
                headers = {}
        raise Fault(f"more than {self.options.max_redirects} redirects", permanent=True)

    # -- internals ---------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        wait = self._next_ok.get(host, 0.0) - self._clock()
        if wait > 0:
            self._sleep(wait)

    def _done(self, host: str, extra: float = 0.0) -> None:
        self._next_ok[host] = max(self._next_ok.get(host, 0.0),
                                  self._clock() + max(self._delay.get(host, self.options.delay), extra))

    def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        opts = self.options
        host = host_of(url)
        reason = "no attempt"
        for attempt in range(opts.retries + 1):
            self._wait_turn(host)
            wait = opts.backoff * (2 ** attempt)
            try:
                resp = self._one(url, headers)
            except _TooLarge:
                self._done(host)
                raise Fault(f"body larger than {opts.max_bytes:,} bytes", permanent=True) from None
            except httpx.TimeoutException:
                reason = f"timeout after {opts.timeout:g} s"
            except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
                reason = f"network error: {type(e).__name__}"
            else:
                if resp.status not in _RETRY_STATUS:
                    self._done(host)
                    return resp
                after = _retry_after(resp.header("retry-after"))
                if after is not None:
                    wait = after
                reason = f"HTTP {resp.status}"
                if wait > opts.max_retry_after:
                    self._done(host)
                    raise Fault(f"{reason}, Retry-After {wait:.0f} s: deferred", resp.status,
                                retry_at=time.time() + wait)
                if attempt == opts.retries:
                    self._done(host)
                    return resp  # the caller records the final status
            self._done(host, extra=wait)
            LOGGER.debug("%s: %s; retry %d in %.2f s", url, reason, attempt + 1, wait)
        raise Fault(reason)

    def _one(self, url: str, headers: dict[str, str]) -> Response:
        opts = self.options
        deadline = self._clock() + opts.total_timeout
        self.requests += 1
        with self.client.stream("GET", url, headers=headers) as r:
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > opts.max_bytes:
                raise _TooLarge
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > opts.max_bytes:
                    raise _TooLarge
                if self._clock() > deadline:
                    raise httpx.ReadTimeout("total timeout")
                chunks.append(chunk)
            resp = Response(url=url, status=r.status_code, reason=r.reason_phrase or "",
                            http_version=r.http_version or "HTTP/1.1", headers=list(r.headers.items()),
                            body=b"".join(chunks), request_headers=list(r.request.headers.items()))
        if self.record is not None:
            self.record(resp)
        return resp


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
