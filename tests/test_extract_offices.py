"""Offices: persons get the office they held at the page's date; bare titles resolve to holders."""

import pytest

import waishi

HEAD = "越南领导人会见外国客人\n\n"


def doc(body, **kw):
    return waishi.extract(HEAD + body, **kw).documents[0]


@pytest.mark.parametrize("published,holder", [
    ("2024-06-01", "苏林"),     # between May and October 2024
    ("2025-03-01", "梁强"),
    ("2019-06-01", "阮富仲"),
])
def test_offices_bare_title_resolves_to_the_holder_of_the_day(published, holder):
    d = doc("越南国家主席在会见时表示欢迎。", published=published)
    assert [(o.office, o.holder) for o in d.offices] == [("VNM.president", holder)]


def test_offices_title_followed_by_a_name_is_no_bare_title():
    d = doc("越南国家主席梁强会见了老挝客人。", published="2025-03-01")
    assert d.offices == []
    p = next(p for p in d.people if p.name == "梁强")
    assert p.offices == ["VNM.president"]


def test_offices_another_countrys_title_is_not_vietnams():
    d = doc("老挝总理在会上发表讲话。", published="2024-06-01")
    assert all(o.country != "VNM" for o in d.offices)


def test_offices_person_gets_the_office_only_within_its_term():
    # 阮春福 was prime minister until April 2021, president after: a 2022 page calling him
    # 总理 does not make him the prime minister of 2022
    d = doc("越南国家主席阮春福会见外宾。", published="2022-05-01")
    p = next(p for p in d.people if p.name == "阮春福")
    assert p.offices == ["VNM.president"]


def test_offices_without_a_date_nothing_is_resolved():
    d = doc("越南国家主席在会见时表示欢迎。")
    assert d.year is None and d.offices == []


def test_offices_in_the_json_record():
    rec = waishi.extract(HEAD + "越南国家主席在会见时表示欢迎。", published="2025-03-01").to_dict()
    o = rec["documents"][0]["offices"][0]
    assert o["holder"] == "梁强" and o["office"] == "VNM.president" and o["end"] > o["start"]


def test_offices_name_and_short_title_gives_the_office():
    # 范明政总理: a later mention with the short title after the name
    d = doc("越南政府总理范明政会见外宾。范明政总理表示欢迎。", published="2024-06-01")
    p = next(p for p in d.people if p.name == "范明政")
    assert p.offices == ["VNM.prime_minister"] and p.country == "VNM"


@pytest.mark.parametrize("published,holder", [
    ("2024-06-01", "范明政"),
    ("2015-06-01", "阮晋勇"),
])
def test_offices_bare_prime_minister_resolves_by_the_page_year(published, holder):
    d = doc("越南政府总理在会上强调，要加强合作。", published=published)
    assert [(o.office, o.holder) for o in d.offices] == [("VNM.prime_minister", holder)]


def test_offices_name_and_title_narrow_the_inferred_year():
    # no date on the page: 国家主席梁强 holds only from October 2024
    d = doc("越南国家主席梁强会见古巴客人。")
    # the window 2024-today is too wide to pick a year from: the range is kept, the year abstains
    assert d.year_range is not None and d.year_range[0] == 2024
    assert d.year is None or d.year >= 2024


@pytest.mark.parametrize("body,name,country", [
    ("李强总理表示，中方愿与越方加强合作。", "李强", "CHN"),
    ("会上，宋赛·西潘敦总理发表讲话。", "宋赛·西潘敦", "LAO"),
])
def test_offices_person_country_comes_from_the_office(body, name, country):
    d = doc(body, published="2024-06-01")
    p = next(p for p in d.people if p.name == name)
    assert p.country == country


def test_offices_the_page_wins_over_the_lexicon_for_that_page():
    # the lexicon has 裴青山 as foreign minister in May 2024; this page names someone else with the
    # full title: for this page that person is the foreign minister, and the bare title is them
    d = doc("越南外交部长阮文甲会见老挝客人。越南外交部长在会谈中表示，两国合作不断深化。", published="2024-05-01")
    p = next(p for p in d.people if p.name == "阮文甲")
    assert "VNM.foreign_minister" in p.offices
    assert [(o.office, o.holder) for o in d.offices] == [("VNM.foreign_minister", "阮文甲")]


def test_offices_two_named_holders_leave_a_bare_title_to_the_lexicon():
    d = doc("越南政府副总理陈红河和越南政府副总理黎成龙会见客人。越南政府副总理在会上表示欢迎。",
            published="2024-07-01")
    assert all(o.holder not in ("陈红河", "黎成龙") or o.office != "VNM.deputy_pm" for o in d.offices)


REQUIRED_OFFICES = [
    "VNM.general_secretary", "VNM.president", "VNM.prime_minister", "VNM.na_chair", "VNM.foreign_minister",
    "VNM.deputy_pm", "VNM.standing_deputy_pm", "VNM.vice_president",
    "CHN.general_secretary", "CHN.president", "CHN.premier", "CHN.foreign_minister",
    "LAO.general_secretary", "LAO.president", "LAO.prime_minister", "LAO.foreign_minister",
    "KHM.king", "KHM.prime_minister", "KHM.foreign_minister",
    "USA.president", "USA.secretary_of_state", "JPN.prime_minister", "JPN.foreign_minister",
    "KOR.president", "KOR.foreign_minister", "RUS.president", "RUS.foreign_minister",
    "IND.prime_minister", "IND.foreign_minister", "AUS.prime_minister", "AUS.foreign_minister",
    "FRA.president", "FRA.foreign_minister", "DEU.chancellor", "DEU.foreign_minister",
    "SGP.prime_minister", "SGP.foreign_minister", "IDN.president", "IDN.foreign_minister", "THA.prime_minister",
]
# offices with several holders at once
SHARED = {"VNM.deputy_pm", "VNM.vice_president", "LAO.vice_president", "VNM.acting_president",
          "CHN.state_councillor",  # a collegial post: several state councillors at once
          "SGP.senior_minister"}  # Singapore's senior ministers, two or three at a time


@pytest.mark.parametrize("office", REQUIRED_OFFICES)
def test_offices_lexicon_covers_the_main_offices(office):
    lex = waishi.Lexicon.default()
    terms = [o for o in lex.offices if o.office == office]
    assert terms, office
    assert all(o.source and o.forms and o.holder for o in terms)
    assert all(o.start is None or o.end is None or o.start <= o.end for o in terms)
    assert sum(o.end is None for o in terms) >= 1  # someone holds it now


def test_offices_lexicon_single_holder_terms_do_not_overlap():
    lex = waishi.Lexicon.default()
    by_office = {}
    for o in lex.offices:
        if o.office not in SHARED and "deputy" not in o.office:  # deputies: several holders at once
            by_office.setdefault(o.office, set()).add((o.start, o.end))  # full and short names share a term
    for office, terms in by_office.items():
        ordered = sorted(terms, key=lambda t: t[0])
        for (s1, e1), (s2, _e2) in zip(ordered, ordered[1:], strict=False):
            assert e1 is not None and e1 <= s2, (office, s1, e1, s2)


@pytest.mark.parametrize("at,office,holder", [
    ("2019-06-01", "VNM.foreign_minister", "范平明"),
    ("2026-03-01", "VNM.general_secretary", "苏林"),
    ("2024-06-01", "VNM.president", "苏林"),
    ("2016-06-01", "CHN.foreign_minister", "王毅"),
    ("2023-05-01", "CHN.foreign_minister", "秦刚"),
    ("2020-06-01", "USA.secretary_of_state", "蓬佩奥"),
    ("2024-03-01", "KOR.foreign_minister", "赵兑烈"),
    ("2023-06-01", "AUS.foreign_minister", "黄英贤"),
])
def test_offices_lexicon_holder_at_a_date(at, office, holder):
    from datetime import date
    d = date.fromisoformat(at)
    lex = waishi.Lexicon.default()
    got = {o.holder for o in lex.offices if o.office == office and (o.start is None or o.start <= d)
           and (o.end is None or d < o.end)}
    assert holder in got
