from datetime import date

import pytest

import waishi
from waishi.extract import year as Y


@pytest.mark.parametrize("text,expected", [
    ("在2024年到来之际，外交部长发表文章，回顾2023年的成就。", 2024),
    ("庆祝越中建交76周年纪念活动", 2026),
    ("值此越南与古巴建交65周年之际", 2025),
    ("值此丙午年春节来临之际", 2026),
    ("会议总结2016-2018年阶段工作，并部署2018-2020年阶段的任务。", 2018),
    ("落实2022-2026年行动计划，2023年出口增长，2024年经济外交。", 2024),
    ("这是2024年4月2日签署的《2024-2028年合作项目》。", 2024),
])
def test_year_inferred_from_text(lex, text, expected):
    assert Y.collect(lex, text).best() == expected


def test_year_office_holder_bounds(lex):
    # 阮富仲 was General Secretary until 2024: a page naming him so cannot be from 2025
    ev = Y.collect(lex, "阮富仲总书记发表讲话。", people=[("阮富仲", ["越共中央总书记"])])
    assert ev.hi is not None and ev.hi <= 2024


def test_year_future_targets_do_not_count(lex):
    assert Y.collect(lex, "到2030年，双边贸易额力争达到100亿美元。2024年两国举行了多次会谈。").best() == 2024


@pytest.mark.parametrize("text,expected", [
    # a whole year's figures are reported the year after
    ("2018年双边贸易额达3.5亿美元，同比增长12%。", 2019),
    ("两国贸易额2022年达12亿美元。", 2023),
    # a part of the year, or a forecast, is the page's own year
    ("2023年前10个月，双边贸易额达25亿美元。", 2023),
    ("2023年上半年，两国进出口总额增长8%。", 2023),
    ("2024年双边贸易额预计达30亿美元。", 2024),
])
def test_year_statistics_of_a_whole_year_date_the_next(lex, text, expected):
    assert Y.collect(lex, text).best() == expected


@pytest.mark.parametrize("text,expected", [
    ("在新冠肺炎疫情背景下，越南向老挝移交防疫物资。", 2020),
    ("越南向柬埔寨赠送新冠疫苗，助力抗击疫情。", 2021),
])
def test_year_pandemic_prior(lex, text, expected):
    assert Y.collect(lex, text).best() == expected


def test_year_asean_partner_anniversary(lex):
    # ASEAN's relations with the US (1977), not Vietnam's (1995)
    assert Y.collect(lex, "值此东盟—美国建交45周年之际，双方举行特别峰会。").best() == 2022


def test_year_strong_evidence_beats_a_former_holders_title(lex):
    text = "在越南共产党建党96周年之际，国家主席上香缅怀已故国家主席陈德良。"
    assert Y.collect(lex, text, [("陈德良", ["已故国家主席"])]).best() == 2026


@pytest.mark.parametrize("stem,branch,year", [("丙", "午", 2026), ("甲", "辰", 2024), ("癸", "卯", 2023)])
def test_year_lunar_names(stem, branch, year):
    assert Y.lunar_year(stem, branch, around=2020) == year


@pytest.mark.parametrize("text,expected", [
    # plans name a later year than the page's
    ("越方邀请泰国总理将于2019年访问越南。双方回顾了2015年签署的协议。", 2018),
    ("两国下一次联委会会议预计于2013年底在曼谷举行。", 2012),
    ("他邀请日本首相对越南进行访问，并出席2017年在岘港举行的会议。", 2016),
    # the Nth session of a numbered series
    ("阮春福总理出席第32届东盟峰会。", 2018),
    ("越南国会代表团出席第四十一届东盟议会联盟大会。", 2020),
    ("范明政总理出席第十八届东亚峰会。", 2023),
    # a photo's date in a credit is no evidence; 一开年 names the present year
    ("两国领导人会谈。(2015年4月摄)越南与新加坡2018年一开年就签署多项协议。", 2018),
    # 2016年前9个月 is a period of 2016, not a target before 2016
    ("2016年前9个月，越中贸易额达500亿美元。", 2016),
])
def test_year_plans_series_and_present(lex, text, expected):
    assert Y.collect(lex, text).best() == expected


def test_year_appointment_names_the_start_of_a_term(lex):
    text = "会议选举阮氏金银为国会主席。阮氏金银主席随后发表讲话。"
    ev = Y.collect(lex, text, people=[("阮氏金银", ["国会主席"])])
    assert ev.best() == 2016


def test_year_article_does_not_borrow_teaser_years():
    import waishi
    page = ("越南与泰国举行会谈\n\n越南外交部长与泰国外交部长举行会谈。\n\n"
            "越通社河内——越南外交部长与泰国外交部长当天在河内举行会谈。(完)\n\n更多\n\n"
            "越南出席第46届东盟峰会\n\n越南政府总理出席第46届东盟峰会。\n")
    rec = waishi.extract(page)
    assert rec.documents[0].year is None
    assert rec.documents[1].year == 2025


def test_year_founding_plus_years_gone_by(lex):
    text = "两国于1975年6月19日正式建交。经过46年，双边关系不断发展。"
    assert Y.collect(lex, text).best() == 2021


def test_year_an_agreements_period_starts_near_the_page(lex):
    assert Y.collect(lex, "两省签署了2024~2028年合作谅解备忘录。", today=date(2026, 1, 1)).best() == 2024


def test_year_weak_evidence_outside_office_bounds_takes_the_nearest_bound(lex):
    ev = Y.collect(lex, "两国于2013年建立战略伙伴关系。")
    ev.bound(2016, 2021, "office")
    assert ev.best() == 2016


def test_year_a_historical_figure_dates_nothing(lex):
    text = "越南国家主席梁强在河内向胡志明主席陵敬献花圈。2024年两国贸易额增长。"
    ev = Y.collect(lex, text, [("胡志明", ["主席"]), ("梁强", ["越南国家主席"])])
    assert ev.lo is not None and ev.lo >= 2024


def test_year_a_short_range_in_parentheses_is_a_plan_not_an_anniversary(lex):
    # (1962-2024) counts an anniversary to the present; (2017-2019) after 计划 is a plan's years
    assert Y.collect(lex, "越老友好(1962-2024)合作不断深化。").best() == 2024
    assert Y.collect(lex, "双方落实合作计划(2017-2019)，保持高层交往。", today=date(2026, 1, 1)).best() == 2017


def test_year_future_names_are_no_dates(lex):
    assert Y.collect(lex, "双方在落实2030年议程方面加强合作。2018年两国关系发展良好。",
                     today=date(2026, 1, 1)).best() == 2018


def test_year_only_the_latest_full_date_counts_fully(lex):
    text = "两国于1975年6月25日建交。2008年5月，越南国家主席访问莫桑比克。2010年9月，两国签署协定。"
    assert Y.collect(lex, text).best() == 2010


@pytest.mark.parametrize("text", ["两报恢复因新冠疫情而中断的交流合作机制。", "后疫情时代，两国加强旅游合作。"])
def test_year_after_the_pandemic(lex, text):
    assert Y.collect(lex, text).best() == 2022


def test_year_re_elected_at_the_next_congress(lex):
    text = "值此苏林再次当选越共中央总书记之际，多国领导人发来贺电。"
    assert Y.collect(lex, text, [("苏林", [])], today=date(2026, 6, 1)).best() == 2026


def test_year_a_periods_start_is_no_story_date(lex):
    text = "从2020年9月至2023年5月期间，澳大利亚承诺提供援助。2020年双边贸易额达12亿美元。"
    assert Y.collect(lex, text, today=date(2026, 1, 1)).best() == 2021


def test_year_a_figure_grown_to_a_year_is_that_years_statistic(lex):
    text = "越南与莫桑比克贸易额从2004年的500万美元增至2016年的8000万美元。"
    assert Y.collect(lex, text, today=date(2026, 1, 1)).best() == 2017


# -- time expressions read in their clause: bounds, not points -------------------------------
def test_year_since_a_date_is_a_lower_bound_not_the_year(lex):
    ev = Y.collect(lex, "他自2011年3月上任以来第一次来访。2012年前两个月，双边贸易额为3000万美元。")
    assert any(c.note == "since a date" and c.lo == 2011 for c in ev.constraints) and ev.decide() == 2012


def test_year_plan_named_after_the_year_is_still_to_come(lex):
    ev = Y.collect(lex, "国会讨论了2014年社会经济发展计划。")
    assert ev.decide() == 2013


def test_year_preparing_for_a_year_is_still_to_come(lex):
    ev = Y.collect(lex, "双方同意为2019年在河内举行的联合委员会会议做好准备。")
    assert ev.decide() == 2018


def test_year_dotted_dates_count_as_dates(lex):
    assert Y.collect(lex, "本周(2015.3.2-2015.3.8)要闻回顾").decide() == 2015


def test_year_a_period_without_review_words_bounds_below_only(lex):
    ev = Y.collect(lex, "日方承诺在2016~2020年间为越方提供20亿美元贷款。")
    assert ev.lo == 2016 and 2020 not in ev.scores


def test_year_an_upcoming_anniversary_bounds_above(lex):
    ev = Y.collect(lex, "双方建议在越中建交75周年之际开展庆祝活动。")
    assert ev.window()[1] == 2025 and ev.scores.get(2025, 0) < 1


def test_year_years_since_founding_with_yi_lai(lex):
    assert Y.collect(lex, "两国于1992年建交26年以来，合作不断发展。").decide() == 2018


def test_year_took_office_since_is_a_bound(lex):
    ev = Y.collect(lex, "此访是阮春福就任政府总理以来首次访问美国。", people=[("阮春福", ["政府总理"])])
    assert ev.lo == 2016 and 2016 not in ev.scores


def test_year_office_terms_intersect(lex):
    # a PM of 2016-2021 and a US president of 2017-2021 named in the story: 2017 at the earliest
    ev = Y.collect(lex, "阮春福总理会见特朗普总统。", people=[("阮春福", ["总理"]), ("特朗普", ["总统"])])
    assert ev.lo == 2017 and ev.window()[1] <= 2021


def test_year_abstains_on_a_wide_window_and_keeps_the_range(lex):
    ev = Y.collect(lex, "范明政总理会见外国客人。", people=[("范明政", ["总理"])], today=date(2026, 12, 1))
    assert ev.decide() is None and ev.window() == (2021, 2026)


def test_year_never_after_today(lex):
    ev = Y.collect(lex, "参加越南加入联合国50周年的纪念活动。", today=date(2017, 6, 1))
    assert ev.decide() is None or ev.decide() <= 2017


def test_year_new_holder_dates_the_first_year_of_the_term(lex):
    ev = Y.collect(lex, "向澳大利亚新任总理阿尔巴内斯致贺电。",
                   people=[("阿尔巴内斯", ["澳大利亚新任总理"])], today=date(2026, 12, 1))
    if lex.offices_for("阿尔巴内斯"):
        assert ev.decide() == 2022


def test_year_constraints_carry_their_page_offsets():
    text = "标题\n\n这是他自2011年3月就任以来首次访问越南。"
    d = waishi.extract(text).documents[0]
    cons = [c for c in d.year_constraints if c["kind"] == "bound" and c.get("lo") == 2011]
    assert cons and text[cons[0]["start"]:cons[0]["end"]].startswith("2011")


def test_year_terms_narrowed_to_the_story_day(lex):
    # 雷克斯·蒂勒森 was Secretary of State from February 2017 to March 2018: a story of 6月2日
    # with him in office is of 2017 only
    ev = Y.collect(lex, "美国国务卿雷克斯·蒂勒森会见越南客人。", people=[("雷克斯·蒂勒森", ["美国国务卿"])],
                   month_day=(6, 2), today=date(2026, 12, 1))
    if lex.offices_for("雷克斯·蒂勒森"):
        assert ev.decide() == 2017


def test_year_a_planned_day_is_of_the_same_year(lex):
    assert Y.collect(lex, "新加坡总理将于2025年3月25日对越南进行正式访问。").decide() == 2025


def test_year_singapore_is_no_new_title(lex):
    assert not Y._NEW_TITLE.search("新加坡总理") and Y._NEW_TITLE.search("澳大利亚新总理")


def test_year_numbered_series(lex):
    assert Y.collect(lex, "第二届国际东海研讨会在河内举行。").decide() == 2010
