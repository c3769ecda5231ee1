"""Figures merged across pages (store/figures.py): one figure per real-world number, with
its sources count; conflicting values side by side; subjects found by ISO3 code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import waishi
from waishi.store import Store, facts, figure, ingest, load_records, record_from_extraction

HEADS = ["越老经贸合作前景广阔", "越南与老挝贸易稳步增长", "两国贸易额创新高", "越老合作成果丰硕"]


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


def _page(head: str, body: str, day: str = "2025-01-10") -> dict:
    ext = waishi.extract(f"{head}\n\n越通社河内——{body}", published=day, url=f"https://example.org/{head}/{day}")
    return record_from_extraction(ext)


@pytest.fixture()
def st(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "f.db") as s:
        yield s


def test_store_figures_same_story_from_100_pages_is_one_figure(st: Store) -> None:
    body = "2024年越老双边贸易额达到19亿美元，同比增长15.2%。"
    recs = [_page(f"{HEADS[i % 4]}（第{i}篇）", body) for i in range(100)]
    run = load_records(st, recs)
    assert run.added == 100
    rows = facts(st, metric="trade_total").items
    assert len(rows) == 1
    f = rows[0]
    assert (f.value, f.n_sources, f.n_reports, f.conflict) == (1_900_000_000, 100, 100, False)
    assert f.subject_iso3 == ["VNM", "LAO"] and f.growth_pct == 15.2
    assert len(facts(st, metric="trade_total", merged=False, limit=500).items) == 100
    detail = figure(st, f.figure_id or 0)
    assert detail is not None and len(detail.reports) == 100


def test_store_figures_values_within_rounding_merge_others_conflict(st: Store) -> None:
    load_records(st, [
        _page(HEADS[0], "2024年越老双边贸易额达到19亿美元。"),
        _page(HEADS[1], "2024年越南与老挝双边贸易额近19.1亿美元。"),  # 0.5 %, qualified: the same figure
        _page(HEADS[2], "2024年越老双边贸易额达到25亿美元。"),  # another value: a conflict
    ])
    rows = facts(st, metric="trade_total").items
    assert sorted(r.value for r in rows) == [1_900_000_000, 2_500_000_000]
    by_value = {r.value: r for r in rows}
    assert by_value[1_900_000_000].n_sources == 2 and by_value[1_900_000_000].value_hi == 1_910_000_000
    assert all(r.conflict for r in rows)
    assert by_value[2_500_000_000].other_values == [1_900_000_000]


def test_store_figures_different_periods_or_subjects_stay_apart(st: Store) -> None:
    load_records(st, [
        _page(HEADS[0], "2024年越老双边贸易额达到19亿美元。"),
        _page(HEADS[1], "2023年越老双边贸易额达到19亿美元。"),
        _page(HEADS[2], "2024年越柬双边贸易额达到19亿美元。"),
    ])
    rows = facts(st, metric="trade_total").items
    assert len(rows) == 3 and not any(r.conflict for r in rows)
    assert {tuple(r.subject_iso3) for r in rows} == {("VNM", "LAO"), ("VNM", "KHM")}


def test_store_figures_replacing_a_page_recounts_its_figure(st: Store, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i, head in enumerate(HEADS[:3]):
        (corpus / f"{i}.txt").write_text(f"{head}\n\n越通社河内——2024年越老双边贸易额达到19亿美元。\n",
                                         encoding="utf-8")
    ingest(st, [corpus], _extract)
    assert facts(st, metric="trade_total").items[0].n_sources == 3
    (corpus / "2.txt").write_text(f"{HEADS[2]}\n\n越通社河内——2024年越老双边贸易额达到30亿美元。\n", encoding="utf-8")
    ingest(st, [corpus], _extract)
    rows = {r.value: r for r in facts(st, metric="trade_total").items}
    assert rows[1_900_000_000].n_sources == 2 and rows[3_000_000_000].n_sources == 1
    assert st.con.execute("SELECT count(*) FROM figures").fetchone()[0] == 2


@pytest.mark.parametrize("text,kind", [
    ("两国同意力争双边贸易额早日突破20亿美元。", "target"),
    ("双方争取到2030年将贸易额提升至30亿美元。", "target"),
    ("预计今年越中贸易额有望达到2000亿美元。", "forecast"),
    ("2024年两国贸易额达19亿美元，同比增长15.2%。", "result"),
    ("两国贸易额实现100亿美元的目标。", "target"),
])
def test_store_figures_kind_of_a_fact(st: Store, text: str, kind: str) -> None:
    load_records(st, [_page(HEADS[0], text)])
    rows = facts(st).items
    assert rows and rows[0].kind == kind
    assert facts(st, kind=kind).items and not facts(st, kind="forecast" if kind != "forecast" else "result").items


def test_store_figures_result_then_target_in_one_sentence(st: Store) -> None:
    load_records(st, [_page(HEADS[0], "2024年越老贸易额达19亿美元，同比增长15.2%，力争2025年突破20亿美元。")])
    got = {r.value: r.kind for r in facts(st).items}
    assert got == {1_900_000_000: "result", 2_000_000_000: "target"}


def test_store_figures_subject_codes_find_abbreviated_pairs(st: Store) -> None:
    load_records(st, [_page(HEADS[0], "2024年越老双边贸易额达到19亿美元。"),
                      _page(HEADS[1], "2023年广西与越南贸易额达到510亿美元。")])
    lao = facts(st, subject_iso3="LAO").items
    assert [r.value for r in lao] == [1_900_000_000]
    chn = facts(st, subject_iso3="chn").items  # a province counts as its country for filtering
    assert [r.value for r in chn] == [51_000_000_000]
    assert facts(st, subject="老").items and not facts(st, subject="柬").items


def test_store_figures_without_period_merge_within_a_month_only(st: Store) -> None:
    body = "双方交换了8份合作文件。"
    load_records(st, [_page(HEADS[0], body, "2025-01-10"), _page(HEADS[1], body, "2025-01-20"),
                      _page(HEADS[2], body, "2025-06-02")])
    rows = facts(st, metric="count").items
    assert sorted(r.n_sources for r in rows) == [1, 2] and not any(r.conflict for r in rows)
    # the story's year is the count's period (extraction), yet no period written with it
    assert set(st.con.execute("SELECT period, period_assumed FROM facts")) == {("2025", 1)}


def test_store_figures_migration_from_version_2_backfills(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as s:
        load_records(s, [_page(HEADS[0], "2024年越老双边贸易额达到19亿美元。"),
                         _page(HEADS[1], "2024年越老双边贸易额达到19亿美元。")])
        # back to what a version-2 store held: no figures, no kinds, no subject codes, no curation layer
        s.con.executescript("DROP TABLE figures; DROP INDEX facts_figure; ALTER TABLE facts DROP COLUMN kind; "
                            "ALTER TABLE facts DROP COLUMN subject_iso3; ALTER TABLE facts DROP COLUMN figure_id; "
                            "ALTER TABLE facts DROP COLUMN period_assumed; "
                            "DROP TABLE decision_hits; DROP TABLE decisions; DROP TABLE page_records; "
                            "ALTER TABLE sources DROP COLUMN extractor; "
                            "ALTER TABLE documents DROP COLUMN year_lo; ALTER TABLE documents DROP COLUMN year_hi; "
                            "ALTER TABLE documents DROP COLUMN year_constraints; "
                            "ALTER TABLE events DROP COLUMN factuality; ALTER TABLE event_reports DROP COLUMN factuality; "
                            "PRAGMA user_version = 2;")
    with Store.open(path) as s:
        (f,) = facts(s).items
        assert (f.n_sources, f.subject_iso3, f.kind) == (2, ["VNM", "LAO"], "result")
