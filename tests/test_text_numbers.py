import pytest

from waishi.text import numbers


@pytest.mark.parametrize("text,value,unit,qual", [
    ("双边贸易额达480亿美元", 48_000_000_000, "USD", None),
    ("吸引外资近232亿美元", 23_200_000_000, "USD", "近"),
    ("投资总额1.5万亿越盾", 1_500_000_000_000, "VND", None),
    ("达602.8亿美元", 60_280_000_000, "USD", None),
    ("顺差约280亿美元", 28_000_000_000, "USD", "约"),
    ("超过10亿美元", 1_000_000_000, "USD", "超过"),
    ("援助两亿美元", 200_000_000, "USD", None),
    ("300多万欧元", 3_000_000, "EUR", None),
    ("5000万元人民币", 50_000_000, "CNY", None),
])
def test_numbers_money_values_are_exact(text, value, unit, qual):
    got = numbers.money(text)
    assert len(got) == 1
    assert got[0].value == value and isinstance(got[0].value, int)
    assert got[0].unit == unit
    assert got[0].qualifier == qual


@pytest.mark.parametrize("text,expected", [
    ("同比增长23.4%", [23.4]),
    ("下降5％", [5.0]),
    ("增长百分之十二", [12.0]),
])
def test_numbers_percent(text, expected):
    assert [v for v, _, _ in numbers.percent(text)] == expected


@pytest.mark.parametrize("text,num", [
    ("与193个国家建立外交关系", "193"),
    ("签署了420项协议", "420"),
    ("500名代表出席", "500"),
    ("数量提升为38 个", "38"),
])
def test_numbers_count_pattern_finds_classified_numbers(text, num):
    assert [m.group("num") for m in numbers.COUNT.finditer(text)] == [num]


@pytest.mark.parametrize("text", ["第19次会议", "为期11个月", "建交50周年"])
def test_numbers_count_pattern_skips_ordinals_and_durations(text):
    assert list(numbers.COUNT.finditer(text)) == []


@pytest.mark.parametrize("text,value", [
    ("投资总额近2亿4000万美元。", 240_000_000),
    ("合同金额为3亿500万美元。", 305_000_000),
])
def test_text_numbers_hundred_millions_then_the_rest(text, value):
    (a,) = numbers.money(text)
    assert a.value == value and a.unit == "USD"


@pytest.mark.parametrize("s,v", [("四", 4), ("十", 10), ("十三", 13), ("二十", 20), ("九十九", 99), ("两", 2),
                                 ("一百", 100), ("三千五百", 3500), ("十二万", 120000)])
def test_text_numbers_small_chinese_numerals_and_the_library_agree(s, v):
    from waishi.text.numbers import to_number
    assert to_number(s) == v
