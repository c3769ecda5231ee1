"""Year mentions read by the construction they stand in: figures as of a date, part of a year's
figures, a past act inside a relative clause, a purpose clause, a plan for later the same year."""

from waishi.extract.year import collect
from waishi.lexicon import Lexicon


def _why(ev):
    return {c.note for c in ev.constraints}


def test_extract_year_tense_as_of_a_month_bounds_below_and_counts():
    ev = collect(Lexicon.default(), "截至2018年9月，韩国在越投资项目共计七千余个。2014年两国贸易额达三百亿美元。")
    assert ev.window()[0] == 2018
    assert ev.decide() == 2018


def test_extract_year_tense_as_of_in_a_plan_is_no_bound():
    ev = collect(Lexicon.default(), "双方力争截至2030年6月将双边贸易额提升至千亿美元。")
    assert "figures as of a date" not in _why(ev)
    assert ev.window()[0] is None


def test_extract_year_tense_as_of_a_year_end_is_a_lower_bound():
    ev = collect(Lexicon.default(), "截至2021年底，日本对越官方发展援助累计达三百亿美元。")
    assert ev.window()[0] == 2021
    assert "figures as of a year" in _why(ev)


def test_extract_year_tense_part_of_a_year_is_that_year():
    ev = collect(Lexicon.default(), "2017年前8月，越泰双边贸易额达百亿美元。2012年，两国签署合作协议。")
    assert ev.window()[0] == 2017
    assert ev.decide() == 2017
    # a whole year's figures are still read as reported the year after
    ev2 = collect(Lexicon.default(), "2017年越泰双边贸易额达百亿美元。")
    assert ev2.decide() == 2018


def test_extract_year_tense_relative_clause_date_is_only_a_lower_bound():
    text = "近年来，两省落实了双方于2013年4月所签署的合作协议。"
    ev = collect(Lexicon.default(), text)
    assert ev.window()[0] == 2013
    assert 2013 not in ev.scores and ev.decide() is None  # the page is later, by how much is not said
    # the same date as the story's own is a point
    ev2 = collect(Lexicon.default(), "两省领导于2013年4月5日签署了合作协议。")
    assert ev2.decide() == 2013


def test_extract_year_tense_purpose_clause_looks_ahead():
    ev = collect(Lexicon.default(), "今后两国将继续合作，以满足2024年疫苗接种需求。")
    assert 2024 not in ev.scores or ev.scores[2024] < 1.0
    assert ev.scores.get(2023, 0) >= 2.0


def test_extract_year_tense_plan_for_later_the_same_year():
    # the president took office in late 2024; a plan for 2024 is then of 2024, not of the year before
    lex = Lexicon.default()
    people = [("梁强", ["国家主席"])]
    ev = collect(lex, "国家主席梁强将出席2024年亚太经合组织领导人非正式会议。", people=people)
    assert ev.decide() == 2024


def test_extract_year_tense_dated_photo_bounds_the_page_below():
    from waishi.extract.pipeline import extract
    text = ("越中两国总理将举行会谈\n\n越通社河内——应越南政府总理邀请，中国国务院总理10月12日至14日"
            "将正式访问越南。\n越中两国总理将举行会谈 ảnh 1 2024年6月24日，两国总理在大连举行会谈。图自越通社\n\n"
            "自2023年12月两国领导人发表联合声明以来，两国关系持续发展。\n")
    doc = extract(text, source="t.txt").documents[0]
    assert doc.year_range is not None and doc.year_range[0] == 2024
    assert any(c["why"] == "a dated photo" for c in doc.year_constraints)


def test_extract_year_tense_series_named_with_the_parties_swapped():
    from waishi.lexicon import Lexicon
    lex = Lexicon.default()
    assert lex.series["东盟—中国博览会"] is lex.series["中国—东盟博览会"]
    ev = collect(lex, "政府总理出席在南宁举行的第十三届东盟—中国博览会开幕式。")
    assert ev.decide() == 2016


def test_extract_year_tense_looking_back_on_the_pandemic_dates_nothing():
    ev = collect(Lexicon.default(), "他介绍了越南在克服疫情带来的困难、促进经济复苏方面取得的成就。")
    assert ev.window()[0] == 2020 and ev.decide() is None
    ev2 = collect(Lexicon.default(), "越南向老挝捐赠一批防疫物资，帮助老挝抗击新冠肺炎疫情。")
    assert ev2.decide() == 2020


def test_extract_year_tense_an_agreement_made_in_a_year_only_bounds():
    ev = collect(Lexicon.default(), "双方高度评价两国国防部于2017年签署的《至2025年国防合作共同愿景》的落实情况。")
    assert "a past agreement referred to" in _why(ev)
    assert ev.window()[0] == 2017
    assert "latest year mentioned" not in _why(ev)
