"""Counts that are figures of foreign relations, and sums given with their dollar equivalent."""

from waishi.extract.pipeline import extract


def _facts(text):
    return [(f.metric, f.value, f.unit) for f in extract(text, source="t.txt").documents[0].facts]


def test_extract_facts_counts_name_numbers_and_own_geography_are_no_counts():
    facts = _facts("越日关系\n\n日本是首个承认越南市场经济地位的G7国家。该国共有34个省级行政区，"
                   "其中北部3个州遭受龙卷风袭击，12人死亡。越南已与30个国家建立战略伙伴关系。\n")
    counts = [f for f in facts if f[2] == "count"]
    assert counts == [("count", 30, "count")]


def test_extract_facts_counts_dollar_equivalent_stands_for_the_sum():
    facts = _facts("日本援助越南\n\n1992年以来，日本向越南提供的官方发展援助累计达2.1万亿日元（约合210亿美元）。\n")
    assert facts == [("aid", 21000000000, "USD")]
