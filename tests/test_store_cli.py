"""The store's CLI: thin commands, table/json/csv output, one-line errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from waishi.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt")  # others may come
runner = CliRunner()


def _ok(*args: str) -> str:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, (r.stdout, r.stderr)
    return r.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("cli")
    (d / "corpus").mkdir()
    for name in EXAMPLE_FILES:
        shutil.copy(EXAMPLES / name, d / "corpus" / name)
    (d / "corpus" / "broken.jsonl").write_text('{"text": 1}\n', encoding="utf-8")
    path = str(d / "s.db")
    r = runner.invoke(app, ["ingest", str(d / "corpus"), "--db", path])
    assert r.exit_code == 1, r.stderr  # one input failed: the others are stored, the exit says so
    assert "1 input failed (3 pages stored)" in r.stderr
    assert "ingest summary" in r.stdout and "added" in r.stdout
    assert "errors by reason" in r.stdout and "'text' is not a string" in r.stdout
    assert "broken.jsonl:1: 'text' is not a string" in r.stderr
    return path


def test_store_cli_ingest_again_reports_unchanged(db: str, tmp_path: Path) -> None:
    r = runner.invoke(app, ["ingest", *(str(EXAMPLES / n) for n in EXAMPLE_FILES), "--db", db, "--format", "json",
                            "--quiet"])
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert d["pages"] == 3 and d["added"] == 0 and d["duplicates"] + d["unchanged"] == 3


def test_store_cli_events_formats(db: str) -> None:
    rows = json.loads(_ok("events", "--db", db, "--country", "LAO", "--format", "json"))
    assert rows and all("LAO" in r["source_iso3"] + r["target_iso3"] for r in rows)
    text = _ok("events", "--db", db, "--type", "meet", "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed and {r["type"] for r in parsed} == {"meet"}
    assert "范明政" in _ok("events", "--db", db, "--actor", "范明政")
    r = runner.invoke(app, ["events", "--db", db, "--limit", "1"])
    assert r.exit_code == 0 and "--offset 1" in r.stderr


def test_store_cli_people_facts_search_stats(db: str) -> None:
    (detail,) = json.loads(_ok("people", "范明政", "--db", db, "--format", "json"))
    assert detail["person"]["country"] == "VNM" and detail["person"]["titles"][0]["title"]
    assert detail["events"] and detail["sources"]
    table = _ok("people", "范明政", "--db", db)
    assert "titles over time" in table
    facts = json.loads(_ok("facts", "--db", db, "--metric", "trade_total", "--format", "json"))
    assert facts and all(f["metric"] == "trade_total" for f in facts)
    hits = json.loads(_ok("search", "正式访问", "--db", db, "--format", "json"))
    assert hits and "«正式访问»" in hits[0]["snippet"]
    stats = json.loads(_ok("stats", "--db", db, "--format", "json"))
    assert stats["sources"] == 3 and stats["errors"] == 1 and stats["schema_version"] >= 1
    assert "events.meet" in _ok("stats", "--db", db)


def test_store_cli_export_parquet(db: str, tmp_path: Path) -> None:
    out = _ok("export", str(tmp_path / "out"), "--db", db, "--format", "parquet")
    assert "events" in out
    assert pq.read_table(tmp_path / "out" / "events.parquet").num_rows > 0


@pytest.mark.parametrize("args,code,message", [
    (["events", "--db", "{tmp}/missing.db"], 1, "no such database"),
    (["events", "--db", "{db}", "--since", "2024-13"], 2, "--since must be"),
    (["events", "--db", "{db}", "--type", "party"], 2, "--type must be one of"),
    (["people", "没有这个人", "--db", "{db}"], 1, "no person matches"),
    (["facts", "--db", "{db}", "--period", "soon"], 1, "period must be"),
    (["search", " ", "--db", "{db}"], 1, "search text is empty"),
    (["stats", "--db", "{tmp}/notdb.db"], 1, "not a usable SQLite database"),
    (["ingest", "{tmp}/nothing-here", "--db", "{tmp}/new.db"], 1, "nothing could be ingested"),
])
def test_store_cli_errors_are_one_line(db: str, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    (tmp_path / "notdb.db").write_bytes(b"plain text, not SQLite " * 20)
    r = runner.invoke(app, [a.format(tmp=tmp_path, db=db) for a in args])
    assert r.exit_code == code, (r.stdout, r.stderr)
    assert message in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert [ln for ln in r.stderr.splitlines() if ln.startswith("waishi: error:")]


def test_store_cli_ingest_only_bad_input_exits_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.db"), "--quiet"])
    assert r.exit_code == 1
    assert "binary" in r.stderr and "nothing could be ingested" in r.stderr
