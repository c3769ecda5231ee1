"""Relations and offices in the store: tier history, upgrade events, conflicts, migration, CLI.

Pages are written for the tests in the genre's style.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import waishi
from waishi.cli import app
from waishi.store import MIGRATIONS, SCHEMA_VERSION, Store, events, export, ingest
from waishi.store import schema as schema_mod
from waishi.store.relations_read import offices, relations

PAGES = {
    # the upgrade, reported on the day
    "a_upgrade.txt": ("越美关系提升为全面战略伙伴关系\n\n越通社河内——2023年9月10日，越共中央总书记阮富仲与美国总统拜登"
                      "在河内举行会谈。两国宣布将越美关系提升为为和平、合作与可持续发展的全面战略伙伴关系。\n", "2023-09-11"),
    # restated a year later, with the month only; the foreign minister of the day named
    "b_restated.txt": ("越南外长会见美国国务卿\n\n越通社河内——2024年4月15日，越南外交部长裴青山在河内会见美国国务卿布林肯。"
                       "双方高度评价越美全面战略伙伴关系取得的进展。2023年9月，两国将关系提升为全面战略伙伴关系。\n",
                       "2024-04-16"),
    # the founding date, as relations.tsv has it; Laos named too
    "c_founding.txt": ("越美建交纪念活动在河内举行\n\n越通社河内——越南和美国于1995年7月12日正式建交。"
                       "越南国家主席梁强会见老挝客人时强调越老特殊关系。\n", "2025-07-12"),
}
# pages that disagree with the lexicon or with the pages above
CONFLICTING = {
    "d_wrong_founding.txt": ("越美关系回顾\n\n越通社河内——越南与美国于1995年8月5日建交。\n", "2025-08-05"),
    "e_lower_tier.txt": ("越美合作\n\n越通社河内——越美战略伙伴关系不断发展。\n", "2025-02-01"),
    "f_other_fm.txt": ("越南外长会见老挝客人\n\n越通社河内——越南外交部长范平明会见老挝驻越南大使。\n", "2024-05-20"),
}


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


def _write(d: Path, pages: dict[str, tuple[str, str]]) -> None:
    for name, (text, published) in pages.items():
        (d / name.replace(".txt", ".jsonl")).write_text(
            json.dumps({"text": text, "published": published, "url": f"https://example.org/{name}"},
                       ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture()
def st(tmp_path: Path) -> Iterator[Store]:
    (tmp_path / "c").mkdir()
    _write(tmp_path / "c", PAGES)
    with Store.open(tmp_path / "s.db") as s:
        ingest(s, [tmp_path / "c"], _extract)
        yield s


@pytest.fixture()
def st_conflicts(tmp_path: Path) -> Iterator[Store]:
    (tmp_path / "c").mkdir()
    _write(tmp_path / "c", {**PAGES, **CONFLICTING})
    with Store.open(tmp_path / "s.db") as s:
        ingest(s, [tmp_path / "c"], _extract)
        yield s


def test_store_relations_tier_history_and_current_tier(st: Store) -> None:
    rep = relations(st, country="USA")
    assert [p.countries for p in rep.pairs] == [["VNM", "USA"]]
    p = rep.pairs[0]
    assert (p.current, p.since, p.since_basis) == ("comprehensive_strategic", "2023-09-10", "stated")
    # partnerships.tsv adds the 2013 comprehensive partnership the pages do not name
    assert [s.tier for s in p.history] == ["diplomatic", "comprehensive", "comprehensive_strategic"]
    dip, comp, cs = p.history
    assert (dip.since, dip.since_basis) == ("1995-07-12", "stated")
    assert (comp.since, comp.since_basis, cs.upgraded_from) == ("2013-07", "lexicon", "comprehensive")
    assert cs.source and "joint" in cs.source
    assert cs.n_documents == 2 and {"阮富仲", "拜登"} <= set(cs.people)
    assert all(s.text and s.url and s.url.startswith("https://example.org/") for s in cs.sources)
    assert p.n_documents == 3
    assert rep.conflicts == []


def test_store_relations_country_filter_and_all_pairs(st: Store) -> None:
    lao = relations(st, country="LAO").pairs
    assert [(p.countries, p.current) for p in lao] == [(["VNM", "LAO"], "special")]
    assert lao[0].history[-1].since_basis in ("first seen", "lexicon")
    assert {tuple(p.countries) for p in relations(st).pairs} == {("VNM", "USA"), ("VNM", "LAO")}


@pytest.mark.parametrize("bad", ["usa", "US", "1234"])
def test_store_relations_bad_country_is_refused(st: Store, bad: str) -> None:
    with pytest.raises(waishi.WaishiError, match="ISO 3166-1"):
        relations(st, country=bad)


def test_store_relations_upgrade_is_one_event_with_two_sources(st: Store) -> None:
    got = events(st, type="upgrade").items
    assert len(got) == 1
    ev = got[0]
    assert (ev.date, ev.plover, ev.cameo, ev.n_sources) == ("2023-09-10", "SUPPORT", "057", 2)
    assert "越南" in ev.source and "美国" in ev.target
    assert events(st, type="upgrade", country="USA").items


def test_store_relations_conflicts(st_conflicts: Store) -> None:
    rep = relations(st_conflicts, country="USA", conflicts=True)
    kinds = {(c.kind, c.lexicon, c.page) for c in rep.conflicts}
    assert ("established_date", "1995-07-12", "1995-08-05") in kinds
    assert any(k == "lower_tier" and page.startswith("strategic") for k, _lex, page in kinds)
    # the page wins for that page, the history keeps the lexicon's and the earlier pages' view
    assert rep.pairs[0].current == "comprehensive_strategic"


def test_store_relations_upgrade_dates_that_disagree(tmp_path: Path) -> None:
    other = {"g_other_date.txt": ("越美关系回顾\n\n越通社河内——2022年5月，越美两国将关系提升为全面战略伙伴关系。\n",
                                  "2025-01-10")}
    (tmp_path / "c").mkdir()
    _write(tmp_path / "c", {**PAGES, **other})
    with Store.open(tmp_path / "s.db") as s:
        ingest(s, [tmp_path / "c"], _extract)
        rep = relations(s, country="USA", conflicts=True)
    dates = [(c.lexicon, c.page) for c in rep.conflicts if c.kind == "upgrade_date"]
    assert dates and all("2022-05" in (a, b) for a, b in dates)


@pytest.mark.parametrize("at,holder", [("2019", "范平明"), ("2024-06-01", "裴青山"), ("2025-12", "黎怀忠")])
def test_store_offices_holder_at_a_date(st: Store, at: str, holder: str) -> None:
    rep = offices(st, at=at, office="VNM.foreign_minister")
    assert [h.holder for h in rep.holders] == [holder]
    assert rep.holders[0].source


def test_store_offices_a_year_spanning_two_holders(st: Store) -> None:
    rep = offices(st, at="2021", country="VNM", office="foreign_minister")
    assert [h.holder for h in rep.holders] == ["范平明", "裴青山"]


def test_store_offices_count_the_pages_naming_the_holder(st: Store) -> None:
    rep = offices(st, at="2024-04-15", office="VNM.foreign_minister")
    assert rep.holders[0].holder == "裴青山" and rep.holders[0].n_documents == 1
    assert offices(st, conflicts=True).conflicts == []


def test_store_offices_conflicts_list_a_page_naming_another_holder(st_conflicts: Store) -> None:
    rep = offices(st_conflicts, conflicts=True)
    c = next(c for c in rep.conflicts if c.office == "VNM.foreign_minister")
    assert (c.name, c.lexicon, c.n_documents) == ("范平明", ["裴青山"], 1)
    assert "范平明" in c.sources[0].text
    held = offices(st_conflicts, at="2024-05-20", office="VNM.foreign_minister").holders
    assert held[0].holder == "裴青山" and held[0].disputed_by == ["范平明"]


def test_store_relations_replaced_page_takes_its_rows_along(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    _write(tmp_path / "c", PAGES)
    with Store.open(tmp_path / "s.db") as s:
        ingest(s, [tmp_path / "c"], _extract)
        n = s.con.execute("SELECT count(*) FROM relations").fetchone()[0]
        _write(tmp_path / "c", {"a_upgrade.txt": ("越美合作\n\n越通社河内——越美两国加强合作。\n", "2023-09-11")})
        ingest(s, [tmp_path / "c"], _extract)
        assert s.con.execute("SELECT count(*) FROM relations").fetchone()[0] < n
        assert events(s, type="upgrade").items[0].n_sources == 1
        orphans = s.con.execute("SELECT count(*) FROM relations WHERE document_id NOT IN "
                                "(SELECT id FROM documents)").fetchone()[0]
        assert orphans == 0


def test_store_relations_malformed_relations_in_a_record_are_skipped(tmp_path: Path) -> None:
    from waishi.store import load_records, record_from_extraction

    ext = waishi.extract(PAGES["a_upgrade.txt"][0], published="2023-09-11")
    rec = record_from_extraction(ext)
    rec["documents"][0]["relations"] += [{"kind": "tier", "countries": ["VNM"]}, {"kind": "nonsense"}]
    with Store.open(tmp_path / "s.db") as s:
        load_records(s, [rec])
        kinds = [r[0] for r in s.con.execute("SELECT kind FROM relations")]
    assert kinds == ["upgrade"]


def test_store_relations_migrate_a_version_1_database(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    con = sqlite3.connect(db, isolation_level=None)
    for stmt in schema_mod.statements(MIGRATIONS[0].sql):
        con.execute(stmt)
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO sources(id, locator, content_hash, length, ingested_at) VALUES (1, 'x', 'h', 10, 'now')")
    con.execute("INSERT INTO documents(id, source_id, ord, kind, title, title_key, year, date, start, end, text) "
                "VALUES (1, 1, 0, 'article', 't', 't', 2024, '2024-05-20', 0, 30, '越南外交部长范平明会见老挝大使。')")
    con.execute("INSERT INTO people(id, name, country) VALUES (1, '范平明', 'VNM')")
    con.execute("INSERT INTO roles(id, person_id, title) VALUES (1, 1, '越南外交部长')")
    con.execute("INSERT INTO role_evidence(role_id, document_id, date, start, end) VALUES (1, 1, '2024-05-20', 0, 16)")
    con.close()
    with Store.open(db) as s:
        assert s.version == SCHEMA_VERSION >= 2
        tables = {r[0] for r in s.con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"relations", "office_claims"} <= tables
        rows = s.con.execute("SELECT office, name, agrees FROM office_claims").fetchall()
        assert rows == [("VNM.foreign_minister", "范平明", 0)]
        assert offices(s, conflicts=True).conflicts[0].lexicon == ["裴青山"]


def test_store_relations_export(st: Store, tmp_path: Path) -> None:
    done = export(st, tmp_path / "out", "jsonl", ("relations",))
    path, n = done["relations"]
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) > 0
    up = next(r for r in rows if r["kind"] == "upgrade" and r["date"] == "2023-09-10")
    assert (up["country_a"], up["country_b"], up["tier"]) == ("USA", "VNM", "comprehensive_strategic")
    assert up["event_id"] and isinstance(up["people"], list) and "提升为" in up["evidence"]


runner = CliRunner()


def _cli(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.output


def test_store_relations_cli(st: Store) -> None:
    db = str(st.path)
    code, out = _cli("relations", "--db", db, "--country", "USA")
    assert code == 0 and "comprehensive_strategic" in out and "2023-09-10" in out
    code, out = _cli("relations", "--db", db, "--format", "json")
    assert code == 0 and {tuple(p["countries"]) for p in json.loads(out)} == {("VNM", "USA"), ("VNM", "LAO")}
    code, out = _cli("relations", "--db", db, "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("country_a,country_b,current,tier")
    code, out = _cli("relations", "--db", db, "--conflicts")
    assert code == 0 and "no conflicts" in out
    code, out = _cli("offices", "--db", db, "--at", "2019", "--country", "VNM", "--office", "foreign_minister",
                     "--format", "json")
    assert code == 0 and [h["holder"] for h in json.loads(out)] == ["范平明"]
    code, out = _cli("offices", "--db", db, "--at", "2024-06")
    assert code == 0 and "裴青山" in out
    code, out = _cli("events", "--db", db, "--type", "upgrade", "--format", "json")
    assert code == 0 and json.loads(out)[0]["type"] == "upgrade"


@pytest.mark.parametrize("args", [("offices", "--at", "2024-13"), ("relations", "--country", "Atlantis")])
def test_store_relations_cli_bad_usage_is_one_line(st: Store, args: tuple[str, ...]) -> None:
    code, out = _cli(*args, "--db", str(st.path))
    assert code == 2 and "Traceback" not in out


def test_store_relations_cli_conflicts(st_conflicts: Store) -> None:
    code, out = _cli("offices", "--db", str(st_conflicts.path), "--conflicts", "--format", "json")
    assert code == 0 and any(c["name"] == "范平明" for c in json.loads(out))
    code, out = _cli("relations", "--db", str(st_conflicts.path), "--conflicts", "--format", "csv")
    assert code == 0 and "established" in out
