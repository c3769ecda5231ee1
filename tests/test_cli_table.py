"""Every table of the CLI at 80 columns (what Rich uses whenever output is piped): no line
wider than 80, no date or value cut, and --wide shows every column."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from waishi.cli import app
from waishi.numfmt import human

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()
ENV = {"COLUMNS": "80"}
EXTRA = {
    "big.txt": "中国与东盟经贸合作再创新高\n\n越通社河内——2024年，中国与东盟双边贸易额达到6800亿美元，同比增长"
               "7.8%，越南与中国贸易额达到2050亿美元。\n",
    "target.txt": "越柬经贸合作前景广阔\n\n越通社金边——2024年6月10日，越南国会主席陈青敏在金边会见柬埔寨首相洪玛奈。双方同意"
                  "力争早日实现双边贸易额200亿美元的目标。\n",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("t80")
    (d / "corpus").mkdir()
    for f in sorted(EXAMPLES.iterdir()):
        shutil.copy(f, d / "corpus" / f.name)
    for name, text in EXTRA.items():
        (d / "corpus" / name).write_text(text, encoding="utf-8")
    path = str(d / "s.db")
    r = runner.invoke(app, ["ingest", str(d / "corpus"), "--db", path, "--quiet"])
    assert r.exit_code == 0, r.stderr
    return path


def _run(*args: str) -> str:
    r = runner.invoke(app, list(args), env=ENV)
    assert r.exit_code == 0, (r.stdout, r.stderr)
    return r.stdout


def _fits(out: str, width: int = 80) -> None:
    wide = [ln for ln in out.splitlines() if cell_len(ln.rstrip()) > width]
    assert not wide, wide[:3]


COMMANDS = [
    ["events"], ["events", "--country", "老挝"], ["facts"], ["facts", "--metric", "trade"], ["people"],
    ["people", "范明政"], ["search", "范明政"], ["search", "越南"], ["stats"], ["relations"],
    ["relations", "--country", "CHN"], ["relations", "--conflicts"], ["offices", "--at", "2019"],
    ["offices", "--conflicts"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_cli_table_every_command_fits_80_columns(db: str, args: list[str]) -> None:
    _fits(_run(*args, "--db", db))


def test_cli_table_extract_and_export_fit_80_columns(db: str, tmp_path: Path) -> None:
    _fits(_run("extract", str(EXAMPLES / "01_vn_lao_talks.txt"), "--format", "table"))
    _fits(_run("export", str(tmp_path / "a-rather-long-directory-name-for-the-exported-tables"), "--db", db,
               "--format", "csv"))


def test_cli_table_events_keep_dates_whole(db: str) -> None:
    rows = json.loads(_run("events", "--db", db, "--format", "json"))
    table = _run("events", "--db", db)
    for e in rows:
        if e["date"]:
            assert e["date"] in table, e["date"]
    assert not re.search(r"\d{4}-\d\d…", table)


def test_cli_table_facts_keep_values_whole(db: str) -> None:
    rows = json.loads(_run("facts", "--db", db, "--format", "json"))
    table = _run("facts", "--db", db)
    wide = _run("facts", "--db", db, "--wide")
    for f in rows:
        assert human(f["value"]) in table
        if f["date"]:
            assert f["date"] in wide  # the report's date is dropped at 80 columns, never cut
    assert "680 bn" in table and "205 bn" in table and "target" in table


def test_cli_table_wide_shows_every_column(db: str) -> None:
    narrow = runner.invoke(app, ["events", "--db", db], env=ENV)
    assert "not shown at 80 columns" in narrow.stderr and "--wide" in narrow.stderr
    wide = _run("events", "--db", db, "--wide")
    header = next(ln for ln in wide.splitlines() if " id " in ln or ln.strip().startswith("id"))
    for col in ("date", "type", "source", "target", "location", "src", "evidence"):
        assert col in header


def test_cli_table_search_snippet_is_centred_on_the_match(db: str) -> None:
    hits = json.loads(_run("search", "洪玛奈", "--db", db, "--format", "json"))
    assert hits
    snip = hits[0]["snippet"]
    i = snip.index("«洪玛奈»")
    assert abs(i - (len(snip) - i - len("«洪玛奈»"))) <= 12  # the match stands in the middle
