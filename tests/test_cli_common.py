"""The CLI's one error printer and its tables show names as written: Rich markup in a file
name is text, not a tag (issue 16: `waishi extract 'missing[/b].txt'` crashed with a
MarkupError, `missing[bold].txt` was reported as `missing.txt`)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from waishi.cli import app, common
from waishi.cli.table import Col, print_table

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAMES = ["missing[/b].txt", "missing[bold].txt", "missing[red]x[/red].txt", "a:thumbs_up:.txt", "dir\\[b]\\"]
runner = CliRunner()


@pytest.mark.parametrize("name", NAMES)
def test_cli_common_extract_names_a_missing_file_as_written(name: str) -> None:
    r = runner.invoke(app, ["extract", name])
    assert r.exit_code == 1
    assert isinstance(r.exception, SystemExit)  # an exit, not a MarkupError
    assert f"waishi: error: {name}: no such file" in r.stderr
    assert "Traceback" not in r.stderr


def test_cli_common_console_script_names_markup_files_as_written(tmp_path: Path) -> None:
    # the real start-up path (only `extract` registered), both names in one run
    cmd = [sys.executable, "-c", "import sys; from waishi.cli import app; sys.argv[0] = 'waishi'; app()",
           "extract", "missing[/b].txt", "missing[bold].txt"]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 1
    assert "waishi: error: missing[/b].txt: no such file" in r.stderr
    assert "waishi: error: missing[bold].txt: no such file" in r.stderr
    assert "Traceback" not in r.stderr and "MarkupError" not in r.stderr


@pytest.mark.parametrize("msg", ["x[/b]y", "[bold]z", "ends in a backslash \\", "[link=http://a]b[/link]"])
def test_cli_common_fail_prints_the_message_as_written(msg: str) -> None:
    con = Console(file=io.StringIO(), width=200, color_system=None)
    common.fail(msg, console=con)
    assert con.file.getvalue() == f"waishi: error: {msg}\n"  # type: ignore[attr-defined]


def test_cli_common_table_cells_are_text_not_markup() -> None:
    con = Console(file=io.StringIO(), width=80, color_system=None)
    print_table([Col("file", min_width=20), Col("reason", min_width=12)], [["m[/b].txt", "[bold]bad"]], console=con)
    out = con.file.getvalue()  # type: ignore[attr-defined]
    assert "m[/b].txt" in out and "[bold]bad" in out


def test_cli_common_stats_shows_a_stored_markup_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the errors table keeps the name; `waishi stats` crashed rendering it
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "01_vn_lao_talks.txt", "a.txt")
    r = runner.invoke(app, ["ingest", "a.txt", "m[/b].txt", "--db", "s.db", "--quiet"])
    assert r.exit_code == 1 and "waishi: error: m[/b].txt: no such file" in r.stderr
    r = runner.invoke(app, ["stats", "--db", "s.db"])
    assert r.exit_code == 0, r.output
    assert "m[/b].txt" in r.stdout


def test_cli_common_extract_table_shows_a_markup_title(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("越老会谈[/b]取得成果\n\n越通社河内5月20日电 越南政府总理范明政20日在河内会见老挝外长。\n",
                    encoding="utf-8")
    r = runner.invoke(app, ["extract", str(page), "--format", "table"])
    assert r.exit_code == 0, r.output
    assert "越老会谈[/b]取得成果" in r.stdout
