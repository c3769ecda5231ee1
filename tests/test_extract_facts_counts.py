"""Counts that are figures of foreign relations, and sums given with their dollar equivalent."""

from waishi.extract.pipeline import extract


def _facts(text):
    return [(f.metric, f.value, f.unit) for f in extract(text, source="t.txt").documents[0].facts]


def test_extract_facts_counts_name_numbers_and_own_geography_are_no_counts():
    facts = _facts("越日关系\n\nG7国家中，日本首个承认了越南的市场经济地位。该国共有34个省级行政区，"
                   "其中北部3个州遭受龙卷风袭击，12人死亡。越南已与30个国家建立战略伙伴关系。\n")
    counts = [f for f in facts if f[2] == "count"]
    assert counts == [("count", 30, "count")]


def test_extract_facts_counts_dollar_equivalent_stands_for_the_sum():
    facts = _facts("日本援助越南\n\n自1992年起，日本对越南的官方发展援助总额已达2.1万亿日元（约合210亿美元）。\n")
    assert facts == [("aid", 21000000000, "USD")]


def test_extract_facts_counts_a_countrys_body_is_one_organisation():
    from waishi.extract.places import entity_mentions
    from waishi.lexicon import Lexicon
    text = "中国红十字会向越南红十字会捐赠50万美元。"
    ms = [(m.kind, m.text, m.value) for m in entity_mentions(Lexicon.default(), text, 0, len(text))]
    assert ("org", "中国红十字会", "CHN") in ms
    doc = extract("红十字会援助\n\n3月5日，" + text + "\n", source="t.txt").documents[0]
    assert [(e.type, e.source, e.target) for e in doc.events] == [("aid", ["中国红十字会"], ["越南红十字会"])]


def test_extract_facts_counts_taiwan_forms_of_country_names():
    doc = extract("越南國家主席訪問寮國\n\n越南國家主席3月5日抵達永珍，展開對寮國的國事訪問，並將會見紐西蘭總理。\n",
                  source="t.txt").documents[0]
    named = {m.value for m in doc.mentions if m.kind == "country"} if hasattr(doc, "mentions") else set()
    from waishi.lexicon import Lexicon
    lex = Lexicon.default()
    assert lex.country_of("寮国") == "LAO" and lex.country_of("纽西兰") == "NZL" and lex.entities["东协"].kind == "org"
    assert not named or "LAO" in named


def test_extract_facts_counts_aid_in_kind_is_counted_as_aid():
    doc = extract("日本向越南援助医疗物资\n\n越通社河内——6月1日，日本政府向越南提供30台呼吸机和100万只口罩，"
                  "中国政府此前向越南援助了300万剂疫苗。", source="t.txt").documents[0]
    got = {(f.metric, f.value, f.unit) for f in doc.facts}
    assert {("aid", 30, "count"), ("aid", 1000000, "count"), ("aid", 3000000, "count")} <= got


def test_extract_facts_counts_goods_bought_are_no_fact_and_members_are_no_relation():
    doc = extract("越南企业与韩国合作\n\n越通社河内——该公司从韩国购买了3台设备。越共代表全国510万名党员。",
                  source="t.txt").documents[0]
    assert [f for f in doc.facts if f.value in (3, 5100000)] == []


def test_extract_facts_counts_money_invested_abroad_is_no_fdi_and_votes_no_count():
    doc = extract("越老投资合作\n\n越通社万象——越南对老挝投资项目达250个，投资总额约50亿美元。"
                  "韩国对越投资额达870亿美元。在出席会议的500名代表中，480名代表投了赞成票。",
                  source="t.txt").documents[0]
    got = {(f.metric, f.value) for f in doc.facts}
    assert ("investment", 5000000000) in got
    assert ("fdi_registered", 87000000000) in got
    assert not {v for _m, v in got} & {500, 480}


def test_extract_facts_counts_members_of_a_named_set_articles_and_attendance_are_no_counts():
    facts = _facts("东盟峰会\n\n2023年5月10日，东盟10国领导人出席峰会，湄公河流域5国与日本通过战略。"
                   "峰会吸引11个国家领导人参加，1名记者受伤。访问期间，代表团开展了近50个活动，"
                   "20种农产品出口额超过10亿美元。越南已与193个国家建交。\n")
    assert [f for f in facts if f[2] == "count"] == [("count", 193, "count")]


def test_extract_facts_a_sum_beyond_the_worlds_output_is_garbled():
    facts = _facts("越南基建\n\n2024年，至2030年，电网所需投资资金达1380万亿美元，年均投资需求达250亿美元。\n")
    assert ("investment", 25_000_000_000, "USD") in facts
    assert all(f[1] < 1e13 for f in facts)


def test_extract_facts_a_sum_modifying_a_noun_is_of_that_nouns_kind():
    facts = _facts("越南援助老挝\n\n2021年8月，越南向老挝送去包括215万美元的现金和一批防疫物资在内的紧急援助。"
                   "越南凭借注册总额达28.6亿美元的183个项目，在对柬投资国中排第五。"
                   "上述防疫物资总价值为42万美元。\n")
    assert ("aid", 2_150_000, "USD") in facts
    assert ("aid", 420_000, "USD") in facts
    assert any(f[1] == 2_860_000_000 and f[0] in ("investment", "fdi_registered") for f in facts)


def test_extract_facts_counts_projects_jobs_and_tourists_are_no_relations():
    facts = _facts("越老合作\n\n2017年，越企在老挝的投资项目共276个，为当地提供3万个就业岗位，还接待了1000多名游客。"
                   "越南已与189个国家建立外交关系。\n")
    assert [f for f in facts if f[2] == "count"] == [("count", 189, "count")]


def test_extract_facts_counts_ordinals_differences_and_plans_are_no_counts():
    facts = _facts("越老合作\n\n2023年，两国海警展开今年第 2 次联合巡逻。越南向老挝提供1246份奖学金，比承诺增加246份。"
                   "两国将签订10多份协定。越南已与189个国家建立外交关系。\n")
    counts = [f[1] for f in facts if f[2] == "count"]
    assert 2 not in counts and 246 not in counts and 10 not in counts and 189 in counts
