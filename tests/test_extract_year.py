import pytest

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
    assert Y.collect(lex, "到2030年，双边贸易额力争达到100亿美元。2024年贸易额增长。").best() == 2024


@pytest.mark.parametrize("stem,branch,year", [("丙", "午", 2026), ("甲", "辰", 2024), ("癸", "卯", 2023)])
def test_year_lunar_names(stem, branch, year):
    assert Y.lunar_year(stem, branch, around=2020) == year
