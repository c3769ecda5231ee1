"""Relations in the extraction record: tiers, upgrades, founding dates, anniversaries.

Every sentence here is written for the test in the genre's style (GENRE.md).
"""

import pytest

import waishi
from waishi.extract.relations import document_pair
from waishi.lexicon import Lexicon
from waishi.model import STORE_EVENT_TYPES, UPGRADE_CODES, Mention, Span

HEAD = "越南领导人会见外国客人\n\n"


def rels(body, published="2025-03-01", head=HEAD):
    return waishi.extract(head + body, published=published).documents[0].relations


def one(body, **kw):
    got = rels(body, **kw)
    assert len(got) == 1, [(r.kind, r.countries, r.tier) for r in got]
    return got[0]


@pytest.mark.parametrize("body,pair,tier", [
    ("范明政强调，越中全面战略合作伙伴关系对越南十分重要。", ["VNM", "CHN"], "comprehensive_strategic_cooperative"),
    ("双方同意继续深化越美全面战略伙伴关系。", ["VNM", "USA"], "comprehensive_strategic"),
    ("越南与澳大利亚全面战略伙伴关系正在蓬勃发展。", ["VNM", "AUS"], "comprehensive_strategic"),
    ("他表示，越南和印度的全面战略伙伴关系日益深化。", ["VNM", "IND"], "comprehensive_strategic"),
    ("越南与西班牙战略伙伴关系不断发展。", ["VNM", "ESP"], "strategic"),
    ("推动越南与委内瑞拉全面伙伴关系向前发展。", ["VNM", "VEN"], "comprehensive"),
    ("加强越老特殊关系的宣传工作。", ["VNM", "LAO"], "special"),
    ("越日广泛战略伙伴关系取得重要进展。", ["VNM", "JPN"], "extensive_strategic"),
    ("巩固中老全面战略合作伙伴关系。", ["CHN", "LAO"], "comprehensive_strategic_cooperative"),
    ("新加坡是越南在东南亚的重要战略伙伴。", ["VNM", "SGP"], "strategic"),
    ("他表示，巴西愿与越南深化全面伙伴关系。", ["VNM", "BRA"], "comprehensive"),
])
def test_relations_tier_statements(body, pair, tier):
    r = one(body)
    assert (r.kind, r.countries, r.tier) == ("tier", pair, tier)
    assert r.date is None  # a tier named in passing carries no date


@pytest.mark.parametrize("body,pair,tier,date,previous", [
    ("两国于2023年9月将关系提升为全面战略伙伴关系。", ["VNM", "USA"], "comprehensive_strategic", "2023-09", None),
    ("2024年3月，越南与澳大利亚将双边关系升级为全面战略伙伴关系。", ["VNM", "AUS"], "comprehensive_strategic",
     "2024-03", None),
    ("越法两国2024年10月将关系从战略伙伴关系提升至全面战略伙伴关系。", ["VNM", "FRA"], "comprehensive_strategic",
     "2024-10", "strategic"),
    ("2023年11月，越日关系升级为“为了亚洲及世界的和平与繁荣的全面战略伙伴关系”。", ["VNM", "JPN"],
     "comprehensive_strategic", "2023-11", None),
    ("越南和马来西亚于2024年11月把双边关系提升至全面战略伙伴关系。", ["VNM", "MYS"], "comprehensive_strategic", "2024-11",
     None),
    ("2022年12月，越韩两国将关系从战略伙伴关系升格为全面战略伙伴关系。", ["VNM", "KOR"], "comprehensive_strategic",
     "2022-12", "strategic"),
])
def test_relations_upgrades_with_date_and_previous_tier(body, pair, tier, date, previous):
    ups = [r for r in rels(body, head="越美关系迈上新台阶\n\n" if "两国" in body else HEAD) if r.kind == "upgrade"]
    assert len(ups) == 1
    r = ups[0]
    assert (r.countries, r.tier, r.date, r.previous_tier) == (pair, tier, date, previous)
    assert r.year == int(date[:4]) and r.date_source == "text"


def test_relations_upgrade_decided_in_the_reported_meeting_takes_the_story_date():
    body = "12月12日，越南国家主席梁强与新加坡总理黄循财举行会谈。双方宣布，两国关系即日起提升为全面战略伙伴关系。"
    r = next(r for r in rels(body) if r.kind == "upgrade")
    assert r.countries == ["VNM", "SGP"]
    assert r.date == "2024-12-12" and r.date_source == "context"  # Dec 12 after a March publication: 2024


def test_relations_upgrade_names_who_upgraded():
    body = "2023年9月10日，越共中央总书记阮富仲与美国总统拜登举行会谈，两国宣布将越美关系提升为全面战略伙伴关系。"
    r = next(r for r in rels(body, published="2023-09-11") if r.kind == "upgrade")
    assert r.countries == ["VNM", "USA"] and r.date == "2023-09-10"
    assert {"阮富仲", "拜登"} <= set(r.people)


def test_relations_upgrade_in_the_json_record_carries_codes():
    d = waishi.extract(HEAD + "两国于2024年3月将关系提升为全面战略伙伴关系。越南与澳大利亚合作良好。",
                       published="2025-03-01").to_dict()["documents"][0]
    r = next(x for x in d["relations"] if x["kind"] == "upgrade")
    assert (r["plover"], r["plover_mode"], r["cameo"]) == UPGRADE_CODES == ("SUPPORT", "upgrade", "057")
    assert r["countries"] == ["VNM", "AUS"] and r["tier"] == "comprehensive_strategic"
    assert r["evidence"]["text"].startswith("两国于2024年3月") and r["trigger"]["text"].startswith("提升为")
    # the record's events keep the eight scored types: an upgrade is no event there
    assert all(e["type"] != "upgrade" for e in d["events"])
    assert "upgrade" in STORE_EVENT_TYPES


@pytest.mark.parametrize("body,pair,n,year,established", [
    ("今年是越中建交76周年。", ["VNM", "CHN"], 76, 2026, "1950-01-18"),
    ("越南与古巴建交65周年纪念活动在河内举行。", ["VNM", "CUB"], 65, 2025, "1960-12-02"),
    ("庆祝越南和新西兰建立外交关系50周年。", ["VNM", "NZL"], 50, 2025, "1975-06-19"),
    ("越韩建交三十周年招待会在首尔举行。", ["VNM", "KOR"], 30, 2022, "1992-12-22"),
    ("越美建交30周年之际，两国举行多项活动。", ["VNM", "USA"], 30, 2025, "1995-07-12"),
])
def test_relations_anniversaries_give_the_year(body, pair, n, year, established):
    r = next(r for r in rels(body) if r.kind == "anniversary")
    assert (r.countries, r.number, r.year, r.established) == (pair, n, year, established)


def test_relations_anniversary_of_two_countries_is_a_pair_without_founding_date():
    r = one("中老建交65周年庆祝活动在万象举行。")
    assert r.countries == ["CHN", "LAO"] and r.number == 65 and r.year is None and r.established is None


def test_relations_anniversary_of_the_two_countries_uses_the_document_pair():
    body = "越南国家主席会见柬埔寨首相洪玛奈。两国建交58周年之际，双方回顾合作成果。柬埔寨愿与越南加强合作。"
    r = next(r for r in rels(body) if r.kind == "anniversary")
    assert r.countries == ["VNM", "KHM"] and r.year == 1967 + 58


@pytest.mark.parametrize("body,pair,date", [
    ("越南和美国于1995年7月12日正式建交。", ["VNM", "USA"], "1995-07-12"),
    ("1973年9月21日，越日两国建立外交关系。", ["VNM", "JPN"], "1973-09-21"),
    ("不丹与越南于2012年1月19日建交。", ["VNM", "BTN"], "2012-01-19"),
])
def test_relations_established_with_a_stated_date(body, pair, date):
    r = one(body)
    assert (r.kind, r.countries, r.date, r.tier) == ("established", pair, date, "diplomatic")


@pytest.mark.parametrize("body", [
    # a count of partners, not a pair
    "越南已与18个国家建立全面战略伙伴关系。",
    "迄今越南已与193个国家建交。",
    "越南同各国建立了战略伙伴关系和全面伙伴关系。",
    # a tier as a goal or wish, not a fact
    "两国领导人同意争取早日将双边关系提升为战略伙伴关系。",
    "越南希望与智利建立战略伙伴关系。",
    "双方朝着全面战略伙伴关系迈进。",
    "两国正在研究将关系提升为全面伙伴关系的可能性。",
    "越南与巴西设定了将关系提升为战略伙伴关系的目标。",
    "越南与泰国将于明年将关系提升为全面战略伙伴关系。",
    # a generic phrase without two countries
    "全面战略伙伴关系框架为合作注入新动力。",
    "越南的全面战略伙伴数量不断增加。",
    # a body is the other side: no country pair
    "中国与东盟建立全面战略伙伴关系。",
    # 提升为 without a tier
    "联合国教科文组织将越南遗产数量提升为38个。",
    "双方同意将贸易额提升至200亿美元。",
    # since establishment, no date stated: nothing new
    "自建交以来，越南与老挝始终相互支持。",
    # a list of three countries: which pair?
    "越南、老挝和柬埔寨三国的特殊关系。",
])
def test_relations_negatives_invent_no_pair(body):
    assert rels(body) == []


def test_relations_ambiguous_abbreviation_resolved_by_the_named_country():
    # 新 is Singapore or New Zealand: the page names New Zealand
    r = one("越新全面战略伙伴关系取得积极进展。新西兰是越南的重要伙伴。")
    assert r.countries == ["VNM", "NZL"]


def test_relations_one_statement_once_per_document():
    body = "双方同意推进越中全面战略合作伙伴关系。两人认为，越中全面战略合作伙伴关系发展势头良好。"
    got = rels(body)
    assert len(got) == 1 and got[0].countries == ["VNM", "CHN"]


def test_relations_teaser_relations_belong_to_the_teaser():
    page = (HEAD + "越南国家主席梁强会见老挝客人。越老特殊关系不断巩固。\n\n更多\n\n"
            "越南与印度尼西亚关系升级\n越南与印度尼西亚2025年3月将关系提升为全面战略伙伴关系。\n")
    docs = waishi.extract(page, published="2025-04-01").documents
    assert [r.countries for r in docs[0].relations] == [["VNM", "LAO"]]
    assert any(r.kind == "upgrade" and r.countries == ["VNM", "IDN"] for d in docs[1:] for r in d.relations)


@pytest.mark.parametrize("counts,pair", [
    ({"VNM": 3, "LAO": 2, "CHN": 1}, ("VNM", "LAO")),
    ({"CHN": 2, "LAO": 3}, ("LAO", "CHN")),
    ({"JPN": 1}, ("VNM", "JPN")),
    ({"VNM": 4}, None),
])
def test_relations_document_pair(counts, pair):
    ms = [Mention("country", iso, Span(0, 1), iso) for iso, n in counts.items() for _ in range(n)]
    assert document_pair(Lexicon.default(), ms) == pair


def test_relations_tier_vocabulary_is_data():
    lex = Lexicon.default()
    tiers = {w.tier: w.rank for w in lex.relation_words.values() if w.kind == "tier"}
    assert tiers["comprehensive_strategic"] > tiers["strategic"] > tiers["comprehensive"]
    assert tiers["comprehensive_strategic_cooperative"] == tiers["comprehensive_strategic"]
    assert lex.tier_rank("special") > lex.tier_rank("comprehensive_strategic")
    assert lex.tier_rank("no such tier") == 0


def test_relations_upgrade_leaders_named_in_the_sentence_before():
    body = ("2023年9月10日，越共中央总书记阮富仲与美国总统拜登在河内举行会谈。"
            "两国宣布将越美关系提升为为和平、合作与可持续发展的全面战略伙伴关系。")
    r = next(r for r in rels(body, published="2023-09-11") if r.kind == "upgrade")
    assert r.people == ["阮富仲", "拜登"] and r.date == "2023-09-10" and r.date_source == "context"
