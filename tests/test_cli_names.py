"""Inputs as people type them, on the command line (issue 12's 'done when')."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from waishi.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("names")
    (d / "c").mkdir()
    for name in ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt"):
        shutil.copy(EXAMPLES / name, d / "c" / name)
    path = str(d / "n.db")
    assert runner.invoke(app, ["ingest", str(d / "c"), "--db", path, "--quiet"]).exit_code == 0
    return path


def _json(*args: str) -> list[dict]:
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_cli_names_facts_subject_forms_give_the_same_rows(db: str) -> None:
    rows = [_json("facts", "--db", db, "--subject", s) for s in ("老挝", "LAO", "Laos", "老撾")]
    assert rows[0] and all(r == rows[0] for r in rows)
    assert {f["number"] for f in rows[0]} >= {"19亿美元"}  # 越老 trade: subject written 越、老


def test_cli_names_events_country_by_name(db: str) -> None:
    by_code = _json("events", "--db", db, "--country", "LAO")
    assert by_code and _json("events", "--db", db, "--country", "老挝") == by_code
    r = runner.invoke(app, ["events", "--db", db, "--country", "老挝"])
    assert "老挝 → LAO" in r.stderr  # says what it matched


def test_cli_names_traditional_search_and_people(db: str) -> None:
    hits = _json("search", "範明政", "--db", db)
    assert hits and all("«范明政»" in h["snippet"] for h in hits)
    (detail,) = _json("people", "範明政", "--db", db)
    assert detail["person"]["name"] == "范明政"


@pytest.mark.parametrize(("args", "code", "says"), [
    (["events", "--country", "Laoss"], 2, "did you mean Laos (LAO)"),
    (["people", "范明证"], 1, "close names: 范明政"),
    (["facts", "--metric", "tourism"], 2, "--metric must be one of"),
    (["offices", "--office", "nobody_at_all"], 2, "names no single office"),
])
def test_cli_names_nothing_matched_says_so(db: str, args: list[str], code: int, says: str) -> None:
    r = runner.invoke(app, [*args, "--db", db])
    assert r.exit_code == code and says in r.stderr and "Traceback" not in r.stderr


def test_cli_names_empty_results_are_said(db: str) -> None:
    r = runner.invoke(app, ["events", "--db", db, "--country", "FRA"])
    assert r.exit_code == 0 and "no events match (--country FRA)" in r.stderr
    r = runner.invoke(app, ["search", "完全没有的词语", "--db", db])
    assert r.exit_code == 0 and "no document contains 完全没有的词语" in r.stderr


def test_cli_names_metric_and_office_shorthands(db: str) -> None:
    r = runner.invoke(app, ["facts", "--db", db, "--metric", "trade"])
    assert r.exit_code == 0 and "--metric trade → trade_total" in r.stderr
    r = runner.invoke(app, ["offices", "--db", db, "--office", "pm", "--at", "2019", "--country", "VNM",
                            "--format", "json"])
    assert r.exit_code == 0 and [h["holder"] for h in json.loads(r.stdout)] == ["阮春福"]


def test_cli_names_published_option_over_the_pages_own_date_is_said() -> None:
    page = str(EXAMPLES / "04_vn_lao_talks_followup.html")  # carries article:published_time 2025-03-13
    r = runner.invoke(app, ["extract", page, "--published", "2024-01-01"])
    assert r.exit_code == 0 and "published 2025-03-13; using --published 2024-01-01" in r.stderr
    quiet = runner.invoke(app, ["extract", page, "--published", "2025-03-13"])
    assert quiet.exit_code == 0 and "note" not in quiet.stderr
