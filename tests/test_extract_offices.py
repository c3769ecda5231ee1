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
