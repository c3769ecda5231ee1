"""Outlet profiles: entry points and page conventions of each outlet, loaded from TOML data.

``outlets.toml`` beside this module ships the known outlets; ``load_profiles(extra)``
adds or overrides profiles from a user's file of the same shape (docs/fetch.md).
A profile is data only: the fetcher reads its feeds and sitemaps, keeps the URLs
its ``article`` pattern matches, and uses its ``headline``/``published`` XPaths
when the page metadata is missing or wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import WaishiError

__all__ = ["FetchError", "Profile", "ProfileError", "find_profile", "load_profiles"]


class FetchError(WaishiError):
    """A fetch run cannot start (bad source, bad profile file); per-URL faults are recorded instead."""


class ProfileError(FetchError):
    """A profiles file is missing or malformed (names the file and the outlet)."""


@dataclass(frozen=True, slots=True)
class Profile:
    key: str
    name: str = ""
    edition: str = ""
    home: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article: re.Pattern[str] | None = None
    headline: str | None = None
    published: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: str = ""
    robots_sitemaps: bool = True  # also read the Sitemap: lines of the home host's robots.txt

    def is_article(self, url: str) -> bool:
        return self.article is None or self.article.search(url) is not None


_LIST_KEYS = ("feeds", "sitemaps", "aliases")
_STR_KEYS = ("name", "edition", "home", "article", "headline", "published", "evidence")


def _profile(key: str, d: object, where: str) -> Profile:
    if not isinstance(d, dict):
        raise ProfileError(f"{where}: outlet {key!r} is not a table")
    unknown = set(d) - set(_LIST_KEYS) - set(_STR_KEYS) - {"robots_sitemaps"}
    if unknown:
        raise ProfileError(f"{where}: outlet {key!r}: unknown keys {', '.join(sorted(unknown))}")
    for k in _LIST_KEYS:
        v = d.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ProfileError(f"{where}: outlet {key!r}: {k} must be a list of strings")
    for k in _STR_KEYS:
        if k in d and not isinstance(d[k], str):
            raise ProfileError(f"{where}: outlet {key!r}: {k} must be a string")
    pattern = None
    if d.get("article"):
        try:
            pattern = re.compile(d["article"])
        except re.error as e:
            raise ProfileError(f"{where}: outlet {key!r}: bad article pattern: {e}") from None
    if not d.get("feeds") and not d.get("sitemaps") and not d.get("home"):
        raise ProfileError(f"{where}: outlet {key!r} has no feeds, sitemaps or home")
    return Profile(key=key, name=d.get("name", ""), edition=d.get("edition", ""), home=d.get("home") or None,
                   feeds=tuple(d.get("feeds", [])), sitemaps=tuple(d.get("sitemaps", [])), article=pattern,
                   headline=d.get("headline") or None, published=d.get("published") or None,
                   aliases=tuple(d.get("aliases", [])), evidence=d.get("evidence", ""),
                   robots_sitemaps=bool(d.get("robots_sitemaps", True)))


def _parse(text: str, where: str) -> dict[str, Profile]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{where}: not valid TOML: {e}") from None
    outlets = data.get("outlets")
    if not isinstance(outlets, dict) or not outlets:
        raise ProfileError(f"{where}: no [outlets.NAME] tables")
    return {k: _profile(k, v, where) for k, v in outlets.items()}


def load_profiles(extra: str | Path | None = None) -> dict[str, Profile]:
    """The shipped profiles, plus (overriding by key) those of the file ``extra``."""
    shipped = resources.files(__package__).joinpath("outlets.toml").read_text(encoding="utf-8")
    profiles = _parse(shipped, "outlets.toml")
    if extra is not None:
        try:
            text = Path(extra).read_text(encoding="utf-8")
        except OSError as e:
            raise ProfileError(f"{extra}: cannot read profiles: {e.strerror or e}") from None
        except UnicodeDecodeError:
            raise ProfileError(f"{extra}: profiles file is not UTF-8") from None
        profiles.update(_parse(text, str(extra)))
    return profiles


def find_profile(profiles: dict[str, Profile], name: str) -> Profile | None:
    """A profile by key or alias (case-insensitive)."""
    low = name.lower()
    if low in profiles:
        return profiles[low]
    for p in profiles.values():
        if low == p.key.lower() or low in (a.lower() for a in p.aliases):
            return p
    return None
