import pytest

import waishi


def facts(body, published="2024-04-03"):
    rec = waishi.extract("经济外交取得成果\n\n" + body, published=published)
    return rec.documents[0].facts


@pytest.mark.parametrize("body,metric,value,period,growth", [
    ("2023年，广西与越南进出口总额达到510亿美元。", "trade_total", 51_000_000_000, "2023", None),
    ("2023年越南吸收外资近366亿美元，增长32.1%。", "fdi_registered", 36_600_000_000, "2023", 32.1),
    ("2023年，外国直接投资实际到位资金近232亿美元。", "fdi_disbursed", 23_200_000_000, "2023", None),
    ("2023年贸易顺差约280亿美元。", "trade_surplus", 28_000_000_000, "2023", None),
    ("2016和2017年，外国非政府援助总额为3亿美元。", "aid", 300_000_000, "2016-2017", None),
    ("2016-2017年，越南进出口额高达7750亿美元，比2014-2016年增长23.8%。", "trade_total", 775_000_000_000,
     "2016-2017", 23.8),
    ("2022年，越南对美国出口额达1095亿美元。", "export", 109_500_000_000, "2022", None),
])
def test_facts_money_metric_period_growth(body, metric, value, period, growth):
    got = [f for f in facts(body) if f.unit != "count"]
    assert len(got) == 1
    f = got[0]
    assert (f.metric, f.value, f.unit, f.period, f.growth_pct) == (metric, value, "USD", period, growth)


def test_facts_counts_of_relations():
    got = facts("越南迄今与193个国家建交，其中全面战略伙伴6个、战略伙伴12个。")
    assert [(f.value, f.counted) for f in got] == [(193, "国家"), (6, "全面战略伙伴"), (12, "战略伙伴")]
    assert all(f.metric == "count" and f.unit == "count" for f in got)


def test_facts_period_carries_to_next_sentence_in_paragraph():
    got = facts("2023年越南进出口总额为6830亿美元。同期，越南吸收外资近366亿美元。")
    assert [f.period for f in got] == ["2023", "2023"]


def test_facts_since_year_until_now():
    got = facts("2023年初至今，越南领导人开展了近60场高层对外活动。", published="2024-04-03")
    assert got[0].value == 60 and got[0].period == "2023-2024"


def test_facts_donated_goods_are_aid_counts():
    got = facts("协会向老挝红十字会援助了6000个口罩。")
    assert [(f.metric, f.value, f.unit) for f in got] == [("aid", 6000, "count")]


def test_facts_evidence_points_at_number():
    rec = waishi.extract("标题\n\n双边贸易额达到19亿美元。", published="2024-01-01")
    f = rec.documents[0].facts[0]
    assert rec.text[f.number.start:f.number.end] == "19亿美元"


def test_facts_figure_span_leaves_out_the_verb():
    body = "2023年两国贸易额达33.2亿美元，越南在老挝的投资项目达250个。"
    rec = waishi.extract("经济外交取得成果\n\n" + body, published="2024-04-03")
    text = rec.text
    spans = [text[f.number.start:f.number.end] for f in rec.documents[0].facts]
    assert "33.2亿美元" in spans and all(not s.startswith("达") for s in spans)


@pytest.mark.parametrize("body,metric", [
    ("巴西目前在越南有6个投资项目，注册资本总额为383万美元。", "fdi_registered"),
    ("越南以183个项目、注册资本总额为28.6亿美元的规模投资柬埔寨。", "fdi_registered"),
    ("日本对越直接投资项目共1990个，投资总额达326亿美元。", "fdi_registered"),
])
def test_facts_registered_capital_is_fdi(body, metric):
    doc = waishi.extract("越南与伙伴加强经贸合作\n\n" + body, published="2024-05-01").documents[0]
    money = [f for f in doc.facts if f.unit == "USD"]
    assert money and money[0].metric == metric


def test_facts_scholarships_given_are_aid_and_school_years_are_periods():
    body = "在2020-2021学年，俄罗斯政府已向越南学生提供在俄罗斯大学学习的965份奖学金。"
    doc = waishi.extract("越俄教育合作\n\n" + body, published="2021-06-01").documents[0]
    (f,) = [f for f in doc.facts if f.value == 965]
    assert f.metric == "aid" and f.unit == "count" and f.period == "2020-2021"


def test_facts_oda_in_another_currency_and_a_month_range():
    body = "从2020年9月至2023年5月期间，新西兰承诺向越南提供ODA资金为2500万新西兰元(约合1500万美元)。"
    doc = waishi.extract("越新合作\n\n" + body, published="2022-06-01").documents[0]
    by_unit = {f.unit: f for f in doc.facts}
    # the dollar equivalent in brackets stands for the sum (SCHEMA.md's units; one figure per sum)
    assert set(by_unit) == {"USD"} and by_unit["USD"].value == 15_000_000
    assert by_unit["USD"].metric == "aid" and by_unit["USD"].period == "2020-2023"


def test_facts_a_countrys_investment_in_vietnam_is_fdi():
    body = "目前，新加坡对越南投资位居东盟首位，共有3273个项目，总资金734.53亿美元。"
    doc = waishi.extract("越新合作\n\n" + body, published="2023-07-17").documents[0]
    assert [f.metric for f in doc.facts if f.unit == "USD"] == ["fdi_registered"]
