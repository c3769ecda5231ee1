"""Countries as people type them (waishi.resolve): one ISO3 code, what matched, close names."""

from __future__ import annotations

import pytest

from waishi.resolve import CountryResolver, UnknownCountry, fold


@pytest.mark.parametrize(("typed", "iso3", "how"), [
    ("LAO", "LAO", "ISO3 code"), ("lao", "LAO", "ISO3 code"), ("老挝", "LAO", "Chinese name"),
    ("Laos", "LAO", "English name"), ("老撾", "LAO", "Traditional form"), ("老挝人民民主共和国", "LAO", "Chinese name"),
    ("Vietnam", "VNM", "English name"), ("Viet Nam", "VNM", "English name"), ("越", "VNM", "Chinese name"),
    ("United States", "USA", "English name"), ("美国", "USA", "Chinese name"), ("中國", "CHN", "Traditional form"),
    ("South Korea", "KOR", "English name"), ("CN", "CHN", "ISO2 code"), (" 柬埔寨 ", "KHM", "Chinese name"),
])
def test_resolve_country_forms(typed: str, iso3: str, how: str) -> None:
    m = CountryResolver.default().require(typed)
    assert (m.iso3, m.how) == (iso3, how)
    assert iso3 in m.describe() and typed.strip() in m.describe()


@pytest.mark.parametrize(("typed", "suggested"), [("Laoss", "Laos (LAO)"), ("老过", "老挝 (LAO)"),
                                                  ("Cambodja", "Cambodia (KHM)")])
def test_resolve_unknown_names_suggest_the_closest(typed: str, suggested: str) -> None:
    with pytest.raises(UnknownCountry) as e:
        CountryResolver.default().require(typed)
    assert suggested in e.value.suggestions and suggested in str(e.value)


def test_resolve_ambiguous_abbreviation_names_no_country() -> None:
    assert CountryResolver.default().resolve("阿") is None  # Algeria, Argentina, UAE
    assert CountryResolver.default().resolve("") is None


def test_resolve_fold_traditional_to_simplified() -> None:
    assert fold("範明政") == "范明政" and fold("Laos") == "Laos"
