"""Year evidence from public knowledge: numbered series with any rhythm, and dated world events."""

from waishi.extract.pipeline import extract
from waishi.extract.year import collect
from waishi.lexicon import Lexicon, Series, series_year


def test_extract_year_world_series_every_n_years():
    rows = [Series("议长大会", 1, 2000, 1, 5)]
    assert [series_year(rows, n) for n in (1, 2, 4, 6)] == [2000, 2005, 2015, 2025]
    two_a_year = [Series("联盟大会", 116, 2007, 2), Series("联盟大会", 142, 2021, 2)]
    assert series_year(two_a_year, 132) == 2015 and series_year(two_a_year, 150) == 2025


def test_extract_year_world_series_from_the_lexicon_dates_a_page():
    text = "国会主席在纽约出席第四届世界议长大会期间会见多国议长。"
    ev = collect(Lexicon.default(), text)
    assert ev.decide() == 2015


def test_extract_year_world_event_reported_is_a_point_and_a_lower_bound():
    lex = Lexicon.default()
    ev = collect(lex, "越南政府决定向土耳其和叙利亚地震灾区提供紧急援助。")
    assert ev.decide() == 2023
    assert ev.window()[0] == 2023


def test_extract_year_world_event_since_is_only_a_lower_bound():
    ev = collect(Lexicon.default(), "双方同意推动“一带一路”倡议与“两廊一圈”框架对接。")
    assert ev.window()[0] == 2013
    assert not ev.scores  # no point: the initiative is talked of for years


def test_extract_year_world_event_planned_is_no_point():
    ev = collect(Lexicon.default(), "双方将为美朝领导人第二次会晤做好准备。")
    assert ev.window()[0] == 2019
    assert 2019 not in ev.scores


def test_extract_year_world_event_in_a_page_record():
    text = ("越南向土耳其提供援助\n越通社河内——2月14日，越南驻土耳其大使向土方转交越南政府援助土耳其地震灾民的10万美元。")
    doc = extract(text).documents[0]
    assert doc.year == 2023
    assert any("土耳其地震" in c["why"] for c in doc.year_constraints)
