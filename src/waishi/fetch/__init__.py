"""Live sources: keep a store current from outlets' feeds and sitemaps.

    from waishi.fetch import Fetcher, FetchOptions, load_profiles, resolve_sources
    with Store.open("vn.db") as st:
        sources = resolve_sources(["vietnamplus"], load_profiles())
        report = Fetcher(st, extract=my_extract, options=FetchOptions(delay=2)).run_pass(sources)

Modules: options (FetchOptions), profiles (outlets.toml), http (polite httpx client),
robots (protego), discover (trafilatura feeds/sitemaps + courlan), frontier (tables in
the store's file), archive (WARC via warcio), page (response -> Page via waishi.read),
run (passes and watch). docs/fetch.md describes the behaviour and the tables.
"""

from __future__ import annotations

from .frontier import Frontier, SourceCounts, ensure_tables
from .http import Fault, PoliteClient, Response
from .options import DEFAULT_USER_AGENT, FetchOptions, parse_interval, parse_size
from .profiles import FetchError, Profile, ProfileError, find_profile, load_profiles
from .run import Fetcher, PassReport, Source, resolve_sources

__all__ = [
    "DEFAULT_USER_AGENT",
    "Fault",
    "FetchError",
    "FetchOptions",
    "Fetcher",
    "Frontier",
    "PassReport",
    "PoliteClient",
    "Profile",
    "ProfileError",
    "Response",
    "Source",
    "SourceCounts",
    "ensure_tables",
    "find_profile",
    "load_profiles",
    "parse_interval",
    "parse_size",
    "resolve_sources",
]
