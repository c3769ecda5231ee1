"""Checks of the lexicon data files (formats, codes, dates, kinds, must-have rows).

Reads the TSV files with the csv module only, so a broken file is reported here
with its line, whatever the loader does with it.
"""

from __future__ import annotations

import csv
import gettext
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "waishi" / "lexicon" / "data"
ISO3 = {c.alpha_3 for c in pycountry.countries}
DATE_RX = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTL_OFFICES = {"UN", "ASEAN", "EU"}  # office-key prefixes of organisations, iso3 left empty

HEADERS = {
    "countries.tsv": ["name", "iso3", "kind"],
    "places.tsv": ["name", "iso3", "kind", "parent", "valid_from", "valid_to"],
    "orgs.tsv": ["name", "iso3", "kind"],
    "titles.tsv": ["title", "kind"],
    "offices.tsv": ["iso3", "office", "forms", "holder", "start", "end", "source"],
    "relations.tsv": ["iso3", "established", "source"],
    "anniversaries.tsv": ["pattern", "date", "note"],
    "congresses.tsv": ["party", "number", "forms", "opened", "closed"],
    "surnames.tsv": ["surname", "origin"],
}


def _lines(name: str) -> list[tuple[int, str]]:
    raw = (DATA / name).read_text(encoding="utf-8")
    return [(i, ln) for i, ln in enumerate(raw.splitlines(), start=1) if ln.strip() and not ln.startswith("#")]


def read(name: str) -> list[dict[str, str]]:
    lines = _lines(name)
    reader = csv.reader([ln for _, ln in lines], delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert header == HEADERS[name], f"{name}: header {header!r}"
    out = []
    for (lineno, _), row in zip(lines[1:], reader, strict=True):
        assert len(row) == len(header), f"{name}:{lineno}: {len(row)} columns, expected {len(header)}"
        out.append(dict(zip(header, row, strict=True)))
    return out


def _date(s: str) -> date:
    assert DATE_RX.match(s), f"bad date {s!r}"
    return date.fromisoformat(s)


def _pycountry_zh() -> dict[str, str]:
    """Chinese name -> ISO3 from pycountry's zh_CN translations (what the loader reads too)."""
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:
        return {}
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            en = getattr(c, attr, None)
            if en and tr.gettext(en) != en:
                out.setdefault(tr.gettext(en), c.alpha_3)
    return out


# -- every file --------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_format(name: str) -> None:
    raw = (DATA / name).read_bytes()
    text = raw.decode("utf-8")  # UTF-8 or fail
    assert "\r" not in text, f"{name}: CR line endings"
    for i, ln in enumerate(text.splitlines(), start=1):
        assert ln == ln.rstrip(" \u3000"), f"{name}:{i}: trailing spaces"  # tabs = empty trailing cells
        if not ln.startswith("#"):
            assert all(c == c.strip() for c in ln.split("\t")), f"{name}:{i}: cell with surrounding spaces"
    rows = read(name)
    assert rows, f"{name}: no rows"
    keys = [tuple(r.values()) for r in rows]
    dups = {k for k in keys if keys.count(k) > 1}
    assert not dups, f"{name}: duplicate rows {sorted(dups)[:5]}"


# -- countries ---------------------------------------------------------------------

def test_countries() -> None:
    rows = read("countries.tsv")
    for r in rows:
        assert r["name"], r
        assert r["iso3"] in ISO3, r
        assert r["kind"] in {"name", "short", "abbr"}, r
    full = [r["name"] for r in rows if r["kind"] != "abbr"]
    assert len(full) == len(set(full)), "a country name is listed twice"
    combined = _pycountry_zh()
    combined.update({r["name"]: r["iso3"] for r in rows if r["kind"] != "abbr"})
    for name, iso in {"越南": "VNM", "老挝": "LAO", "柬埔寨": "KHM", "中国": "CHN", "韩国": "KOR", "朝鲜": "PRK",
                      "美国": "USA", "俄罗斯联邦": "RUS", "阿联酋": "ARE", "阿拉伯联合酋长国": "ARE",
                      "印尼": "IDN", "沙特": "SAU", "捷克共和国": "CZE", "刚果(金)": "COD", "刚果(布)": "COG",
                      "危地马拉": "GTM", "马耳他": "MLT", "东帝汶": "TLS", "文莱": "BRN"}.items():
        assert combined.get(name) == iso, (name, combined.get(name))
    # every UN member has a Chinese name (pycountry or the file)
    named = set(combined.values())
    un_members = ISO3 - {"ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
                         "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
                         "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
                         "PRI", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "TWN", "UMI", "VGB",
                         "VIR", "WLF"}
    assert un_members - named == set()
    file_named = {r["iso3"] for r in rows if r["kind"] == "name"}
    assert un_members - {"PSE", "VAT"} <= file_named  # the file alone covers them (pycountry may lack zh_CN)
    abbrs = defaultdict(set)
    for r in rows:
        if r["kind"] == "abbr":
            abbrs[r["name"]].add(r["iso3"])
    assert abbrs["越"] == {"VNM"} and abbrs["中"] == {"CHN"} and abbrs["老"] == {"LAO"} and abbrs["柬"] == {"KHM"}
    assert abbrs["新"] == {"SGP", "NZL"}
    assert abbrs["阿"] == {"DZA", "ARG", "ARE"}
    assert "欧" not in abbrs


# -- places ------------------------------------------------------------------------

VN_BEFORE = ("河内市 胡志明市 海防市 岘港市 芹苴市 顺化市 河江省 宣光省 高平省 谅山省 老街省 安沛省 太原省 北件省 富寿省 永福省 "
             "和平省 北江省 北宁省 广宁省 海阳省 兴安省 太平省 河南省 南定省 宁平省 清化省 乂安省 河静省 广平省 广治省 "
             "广南省 广义省 平定省 富安省 庆和省 宁顺省 平顺省 昆嵩省 嘉莱省 多乐省 得农省 林同省 平福省 西宁省 平阳省 "
             "同奈省 巴地头顿省 隆安省 前江省 槟椥省 茶荣省 永隆省 同塔省 安江省 坚江省 后江省 朔庄省 薄辽省 金瓯省 "
             "莱州省 奠边省 山罗省").split()
VN_AFTER = ("河内市 胡志明市 海防市 岘港市 芹苴市 顺化市 莱州省 奠边省 山罗省 谅山省 广宁省 清化省 乂安省 河静省 高平省 "
            "宣光省 老街省 太原省 富寿省 北宁省 兴安省 宁平省 广治省 广义省 嘉莱省 庆和省 林同省 多乐省 同奈省 西宁省 "
            "永隆省 同塔省 金瓯省 安江省").split()
PLACE_DUP_OK = {"河南", "河南省"}  # Vietnam's Hà Nam (until 2025-06-30) and China's Henan


def _valid(r: dict[str, str], d: date) -> bool:
    vf = date.fromisoformat(r["valid_from"]) if r["valid_from"] else date.min
    vt = date.fromisoformat(r["valid_to"]) if r["valid_to"] else date.max
    return vf <= d <= vt


def test_places() -> None:
    rows = read("places.tsv")
    names = {r["name"] for r in rows}
    countries = {r["name"] for r in read("countries.tsv") if r["kind"] != "abbr"} | set(_pycountry_zh())
    seen: dict[str, str] = {}
    for r in rows:
        assert r["name"], r
        assert r["kind"] in {"province", "city", "capital", "region", "district", "landmark"}, r
        assert r["iso3"] == "" or r["iso3"] in ISO3, r
        if r["kind"] not in {"region", "landmark"} and r["name"] != "耶路撒冷":
            assert r["iso3"], f"{r['name']}: a {r['kind']} needs its country"
        assert r["parent"] == "" or r["parent"] in names or r["parent"] in countries, r
        assert r["parent"] != r["name"], r
        for col in ("valid_from", "valid_to"):
            if r[col]:
                _date(r[col])
        if r["valid_from"] and r["valid_to"]:
            assert r["valid_from"] <= r["valid_to"], r
        if r["name"] in seen and r["name"] not in PLACE_DUP_OK:
            pytest.fail(f"place {r['name']} listed twice")
        seen[r["name"]] = r["iso3"]
    by_name = defaultdict(list)
    for r in rows:
        by_name[r["name"]].append(r)
    vn = lambda n: next((r for r in by_name[n] if r["iso3"] == "VNM"), None)  # noqa: E731
    assert len(VN_BEFORE) == 63 and len(set(VN_BEFORE)) == 63
    assert len(VN_AFTER) == 34 and set(VN_AFTER) <= set(VN_BEFORE)
    for n in VN_BEFORE:
        r = vn(n)
        assert r is not None and r["kind"] == "province", n
        assert _valid(r, date(2025, 6, 30)), n
        assert _valid(r, date(2025, 7, 1)) == (n in VN_AFTER), n
        bare = n[:-1]
        if n != "胡志明市" and bare not in ("和平", "太平"):
            assert vn(bare) is not None, f"bare form {bare} missing"
    assert not _valid(vn("承天顺化省"), date(2025, 1, 1)) and _valid(vn("承天顺化省"), date(2024, 12, 31))
    assert vn("同奈省") and vn("巴地-头顿省")
    # China: 34 provincial-level units and the border towns
    cn_prov = {r["name"] for r in rows if r["iso3"] == "CHN" and r["kind"] == "province" and
               re.search(r"(省|市|自治区|特别行政区)$", r["name"])}
    assert len(cn_prov) == 34, len(cn_prov)
    cn_cities = [r for r in rows if r["iso3"] == "CHN" and r["kind"] == "city"]
    assert len(cn_cities) >= 80
    assert all(r["parent"] in cn_prov for r in cn_cities)
    for n in ("广州", "深圳", "南宁", "昆明", "东莞", "佛山", "桂林", "防城港", "凭祥", "东兴"):
        assert by_name[n] and by_name[n][0]["iso3"] == "CHN", n
    world = [r for r in rows if r["kind"] in {"capital", "city"} and r["iso3"] not in {"VNM", "CHN"}]
    assert len(world) >= 250
    for n, iso in {"万象": "LAO", "金边": "KHM", "曼谷": "THA", "华盛顿": "USA", "莫斯科": "RUS", "东京": "JPN",
                   "首尔": "KOR", "平壤": "PRK", "哈瓦那": "CUB", "新德里": "IND", "堪培拉": "AUS",
                   "琅勃拉邦": "LAO", "暹粒": "KHM", "清迈": "THA"}.items():
        assert by_name[n][0]["iso3"] == iso, n
    for n in ("东南亚", "中东", "拉美", "亚太", "湄公河", "大湄公河次区域", "印太", "东海"):
        assert by_name[n][0]["kind"] == "region", n


# -- organisations -------------------------------------------------------------------

def test_orgs() -> None:
    rows = read("orgs.tsv")
    kinds = {"intl", "party", "state", "gov", "ministry", "agency", "assembly", "front", "military", "media",
             "university", "other"}
    for r in rows:
        assert r["name"] and r["kind"] in kinds, r
        assert r["iso3"] == "" or r["iso3"] in ISO3, r
        if r["kind"] == "intl":
            assert r["iso3"] == "", r
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "an organisation is listed twice"
    assert len(rows) >= 250
    got = {r["name"]: r["iso3"] for r in rows}
    for n, iso in {"东盟": "", "联合国": "", "越南共产党": "VNM", "越共": "VNM", "中国共产党": "CHN",
                   "老挝人民革命党": "LAO", "柬埔寨人民党": "KHM", "越通社": "VNM", "新华社": "CHN",
                   "外交部": "", "国会": "", "越南外交部": "VNM", "老挝建国阵线": "LAO", "巴特寮": "LAO"}.items():
        assert got.get(n) == iso, n


# -- titles ------------------------------------------------------------------------

def test_titles() -> None:
    rows = read("titles.tsv")
    kinds = {"leader", "deputy", "member", "minister", "diplomat", "military", "official", "media", "spouse", "block"}
    for r in rows:
        assert r["title"] and r["kind"] in kinds, r
    titles = [r["title"] for r in rows]
    assert len(titles) == len(set(titles)), "a title is listed twice"
    real = {r["title"] for r in rows if r["kind"] != "block"}
    for r in rows:
        if r["kind"] == "block":
            assert any(t in r["title"] for t in real), f"block {r['title']} contains no title word"
    for t in ("总书记", "国家主席", "总理", "外长", "部长", "大使", "代表", "委员", "上将"):
        assert t in real, t
    blocks = {r["title"] for r in rows if r["kind"] == "block"}
    for b in ("委员会", "大使馆", "代表团", "部长级", "书记处", "总统府"):
        assert b in blocks, b


# -- offices -------------------------------------------------------------------------

def test_offices() -> None:
    rows = read("offices.tsv")
    intervals: dict[str, set[tuple[date, date]]] = defaultdict(set)
    for r in rows:
        if r["iso3"]:
            assert r["iso3"] in ISO3, r
            assert r["office"].startswith(r["iso3"] + "."), r
        else:  # an international organisation's office (UN, ASEAN) has no country
            assert r["office"].split(".")[0] in INTL_OFFICES, r
        assert r["holder"] and r["source"], r
        forms = r["forms"].split("|")
        assert all(forms) and len(forms) == len(set(forms)), r
        start = _date(r["start"])
        end = _date(r["end"]) if r["end"] else date.max
        assert start <= end, r
        intervals[r["office"]].add((start, end))
    # single-holder offices: terms do not overlap (alias rows of one holder share a term)
    for office, terms in intervals.items():
        if "deputy" in office or office in ("LAO.vice_president", "CHN.state_councillor", "SGP.senior_minister"):  # several at once
            continue
        ordered = sorted(terms)
        for (s1, e1), (s2, _) in zip(ordered, ordered[1:], strict=False):
            assert e1 <= s2, f"{office}: overlapping terms {s1}..{e1} and {s2}"
    def terms(holder: str, office: str) -> list[tuple[str, str]]:
        return [(r["start"], r["end"]) for r in rows if r["holder"] == holder and r["office"] == office]
    assert terms("苏林", "VNM.general_secretary") == [("2024-08-03", "")]
    assert terms("苏林", "VNM.president") == [("2024-05-22", "2024-10-21")]
    assert terms("梁强", "VNM.president") == [("2024-10-21", "")]
    assert terms("陈青敏", "VNM.na_chair") == [("2024-05-20", "")]
    assert terms("范明政", "VNM.prime_minister") == [("2021-04-05", "")]
    assert terms("阮富仲", "VNM.general_secretary") == [("2011-01-19", "2024-07-19")]
    assert terms("习近平", "CHN.general_secretary") == [("2012-11-15", "")]
    for office in ("VNM.general_secretary", "VNM.president", "VNM.prime_minister", "VNM.na_chair",
                   "VNM.foreign_minister", "CHN.premier", "LAO.prime_minister", "KHM.prime_minister", "USA.president",
                   "RUS.foreign_minister", "JPN.prime_minister", "KOR.president", "THA.prime_minister",
                   "SGP.prime_minister", "CUB.first_secretary", "VNM.na_deputy_chair", "VNM.finance_minister",
                   "VNM.industry_trade_minister", "VNM.hanoi_party_secretary", "VNM.hcmc_party_secretary",
                   "USA.house_speaker", "UN.secretary_general", "ASEAN.secretary_general"):
        assert office in intervals, office
    # issue 11's additions, dated from agency reports
    assert terms("古特雷斯", "UN.secretary_general") == [("2017-01-01", "2026-12-31")]
    assert terms("阮维玉", "VNM.hanoi_party_secretary") == [("2025-11-04", "")]
    assert terms("丁进勇", "VNM.finance_minister") == [("2013-05-24", "2021-04-08")]


# -- relations, anniversaries, congresses, surnames ----------------------------------

def test_relations() -> None:
    rows = read("relations.tsv")
    isos = [r["iso3"] for r in rows]
    assert len(isos) == len(set(isos))
    for r in rows:
        assert r["iso3"] in ISO3 and r["source"], r
        assert date(1945, 9, 2) <= _date(r["established"]) <= date(2026, 12, 31), r
    got = {r["iso3"]: r["established"] for r in rows}
    genre = {"CHN": "1950-01-18", "RUS": "1950-01-30", "CUB": "1960-12-02", "LAO": "1962-09-05", "KHM": "1967-06-24",
             "IND": "1972-01-07", "AUS": "1973-02-26", "FRA": "1973-04-12", "JPN": "1973-09-21", "NZL": "1975-06-19",
             "DEU": "1975-09-23", "KOR": "1992-12-22", "USA": "1995-07-12"}
    for iso, d in genre.items():
        assert got.get(iso) == d, iso
    assert len(rows) >= 40


def test_anniversaries() -> None:
    rows = read("anniversaries.tsv")
    pats = [r["pattern"] for r in rows]
    assert len(pats) == len(set(pats))
    for r in rows:
        assert r["pattern"] and r["note"], r
        _date(r["date"])
    got = {r["pattern"]: r["date"] for r in rows}
    assert got["建党"] == "1930-02-03" and got["国庆"] == "1945-09-02" and got["越南加入东盟"] == "1995-07-28"
    # specific patterns precede the generic ones that they contain (first match wins)
    for i, p in enumerate(pats):
        for q in pats[:i]:
            assert not (q in p and q != p), f"{q!r} comes before the more specific {p!r}"


def test_congresses() -> None:
    rows = read("congresses.tsv")
    by_party = defaultdict(list)
    for r in rows:
        assert r["party"] in {"CPV", "CPC", "LPRP"}, r
        forms = r["forms"].split("|")
        assert all(forms) and len(forms) == len(set(forms)), r
        assert _date(r["opened"]) <= _date(r["closed"]), r
        by_party[r["party"]].append(int(r["number"]))
    assert sorted(by_party["CPV"]) == list(range(6, 15))
    assert sorted(by_party["CPC"]) == list(range(16, 21))
    assert sorted(by_party["LPRP"]) == list(range(8, 13))
    cpv14 = next(r for r in rows if r["party"] == "CPV" and r["number"] == "14")
    assert cpv14["opened"] == "2026-01-19" and "越共十四大" in cpv14["forms"].split("|")
    every = [f for r in rows for f in r["forms"].split("|")]
    assert len(every) == len(set(every)), "a congress form names two congresses"


def test_surnames() -> None:
    rows = read("surnames.tsv")
    names = [r["surname"] for r in rows]
    assert len(names) == len(set(names))
    for r in rows:
        assert 1 <= len(r["surname"]) <= 2, r
        origins = r["origin"].split("|")
        assert origins and set(origins) <= {"VN", "CN"} and len(origins) == len(set(origins)), r
    got = {r["surname"]: set(r["origin"].split("|")) for r in rows}
    for s in "阮 陈 黎 范 黄 潘 武 裴 杜 胡 吴 邓 丁 林 郑 何 梁 张 苏 王".split():
        assert "VN" in got[s], s
    assert got["欧阳"] == {"CN"} and got["甲"] == {"VN"}
    assert sum("CN" in o for o in got.values()) >= 200


# -- the loader reads the files as the data means them -------------------------------

def test_loader_smoke() -> None:
    pytest.importorskip("ahocorasick_rs")
    from waishi.lexicon import Lexicon

    lex = Lexicon.load()
    assert lex.country_of("同奈省") == "VNM"
    assert lex.country_of("芽庄") == "VNM"
    assert lex.country_of("柬埔寨") == "KHM"
    assert lex.country_of("凭祥") == "CHN"
    assert lex.abbrs["越"] == ("VNM",)
    assert lex.relations["CHN"] == date(1950, 1, 18)
    assert "阮" in lex.surnames_vn and "欧阳" in lex.surnames_cn
    assert any(o.holder == "苏林" and o.office == "VNM.general_secretary" for o in lex.offices)
