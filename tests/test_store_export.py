"""Export: Parquet read back with pyarrow, CSV and JSONL; the documented columns are the exported ones."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import waishi
from waishi.store import TABLES, Store, StoreError, export, ingest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "store.md"
COUNTS = {"events": "events", "event_sources": "event_reports", "people": "people", "roles": "roles",
          "facts": "facts", "figures": "figures", "documents": "documents", "relations": "relations"}


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


@pytest.fixture(scope="module")
def st(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    d = tmp_path_factory.mktemp("x")
    (d / "corpus").mkdir()
    for name in ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt"):
        shutil.copy(ROOT / "examples" / name, d / "corpus" / name)
    with Store.open(d / "s.db") as s:
        ingest(s, [d / "corpus"], _extract)
        yield s


def test_store_export_parquet_reads_back(st: Store, tmp_path: Path) -> None:
    done = export(st, tmp_path / "out", "parquet")
    assert set(done) == {t.name for t in TABLES}
    for t in TABLES:
        path, n = done[t.name]
        table = pq.read_table(path)
        assert table.column_names == [c.name for c in t.columns]
        expected = st.con.execute(f"SELECT count(*) FROM {COUNTS[t.name]}").fetchone()[0]
        assert n == table.num_rows == expected > 0
        for c in t.columns:
            if c.type == "list<string>":
                assert pa.types.is_list(table.schema.field(c.name).type)
    events = pq.read_table(done["events"][0]).to_pylist()
    meet = next(e for e in events if e["type"] == "meet" and "范明政" in e["source_names"])
    assert meet["target_names"] == ["宋赛·西潘敦"] and meet["target_iso3"] == ["LAO"]
    assert (meet["cameo"], meet["plover"], meet["num_sources"], meet["date_precision"]) == ("040", "CONSULT", 1, "day")
    assert "范明政" in meet["evidence"]
    facts = pq.read_table(done["facts"][0]).to_pylist()
    assert any(f["metric"] == "trade_total" and f["value"] == 1.9e9 and f["number"].endswith("19亿美元") for f in facts)
    people = {p["name"]: p for p in pq.read_table(done["people"][0]).to_pylist()}
    assert people["范明政"]["country"] == "VNM" and people["范明政"]["titles"]
    assert not list((tmp_path / "out").glob("*.part"))


def test_store_export_csv_and_jsonl(st: Store, tmp_path: Path) -> None:
    export(st, tmp_path / "c", "csv", tables=("events",))
    export(st, tmp_path / "j", "jsonl", tables=("events",))
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["events.csv"]
    with (tmp_path / "c" / "events.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    lines = [json.loads(x) for x in (tmp_path / "j" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(lines) > 0
    for r, j in zip(rows, lines, strict=True):
        assert r["source_names"] == "|".join(j["source_names"])
        assert int(r["event_id"]) == j["event_id"]


def test_store_export_refuses_unknown_tables_and_unwritable_dirs(st: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown table"):
        export(st, tmp_path, "csv", tables=("nope",))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create directory"):
        export(st, blocker / "sub", "csv")


def test_store_docs_list_every_table_and_column(st: Store) -> None:
    doc = DOCS.read_text(encoding="utf-8")
    export_part = doc[doc.index("## Export"):]
    for t in TABLES:
        assert f"**{t.name}**" in export_part, t.name
        block = export_part[export_part.index(f"**{t.name}**"):]
        block = block[: block.index("\n\n")]
        assert re.findall(r"`([a-z_0-9]+)`", block) == [c.name for c in t.columns], t.name
    schema_part = doc[doc.index("## Schema"):doc.index("## Export")]
    tables = [r[0] for r in st.con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'documents_fts_%'")]
    for name in tables:
        assert name in schema_part, name
        for (col,) in st.con.execute(f"SELECT name FROM pragma_table_info('{name}')"):
            assert f"`{col}`" in schema_part or f"`{name}.{col}`" in schema_part, f"{name}.{col}"
