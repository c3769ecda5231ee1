"""robots.txt per host, read once per run through the polite client, parsed by protego.

RFC 9309: a 4xx robots.txt (none there) allows everything; a 5xx or an unreachable
one means "assume complete disallow" for the run, so a host that is down is not
crawled blind. ``Crawl-delay`` raises the host's delay; ``Sitemap:`` lines are
entry points the outlet announces.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from protego import Protego

from .http import Fault, PoliteClient, host_of

__all__ = ["AGENT", "RobotsCache"]

LOGGER = logging.getLogger(__name__)

AGENT = "waishi"  # the product token robots.txt groups are matched against


@dataclass(slots=True)
class _Rules:
    parser: Protego | None  # None: allow everything
    deny_all: bool = False
    reason: str = ""
    sitemaps: list[str] = field(default_factory=list)


class RobotsCache:
    def __init__(self, client: PoliteClient, *, obey: bool = True) -> None:
        self.client = client
        self.obey = obey
        self._hosts: dict[str, _Rules] = {}

    def _rules(self, url: str) -> _Rules:
        host = host_of(url)
        rules = self._hosts.get(host)
        if rules is None:
            rules = self._hosts[host] = self._load(host)
        return rules

    def _load(self, host: str) -> _Rules:
        try:
            resp = self.client.get(host + "/robots.txt")
        except Fault as e:
            return _Rules(None, deny_all=True, reason=f"robots.txt unreachable ({e.reason})")
        if resp.status >= 500:
            return _Rules(None, deny_all=True, reason=f"robots.txt HTTP {resp.status}")
        if resp.status >= 400 or not resp.body.strip():
            return _Rules(None)
        text = resp.body[:512 * 1024].decode("utf-8", "replace")
        try:
            parser = Protego.parse(text)
        except Exception as e:  # protego is lenient; a parser bug must not stop the run
            LOGGER.debug("%s/robots.txt: unparsable: %s", host, e)
            return _Rules(None)
        delay = parser.crawl_delay(AGENT)
        if delay and self.obey:
            self.client.set_delay(host, float(delay))
        return _Rules(parser, sitemaps=list(parser.sitemaps))

    def allowed(self, url: str) -> bool:
        if not self.obey:
            return True
        rules = self._rules(url)
        if rules.deny_all:
            return False
        return rules.parser is None or bool(rules.parser.can_fetch(url, AGENT))

    def why_not(self, url: str) -> str:
        rules = self._rules(url)
        return rules.reason or "disallowed by robots.txt"

    def sitemaps(self, url: str) -> list[str]:
        """Sitemap URLs announced in the robots.txt of ``url``'s host."""
        return list(self._rules(url).sitemaps)
