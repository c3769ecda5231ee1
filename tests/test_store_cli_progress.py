"""ingest's progress (files and pages against a total, time left) and its exit status."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from waishi.cli import app
from waishi.cli.store import _plan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def _corpus(d: Path, bad: bool) -> Path:
    c = d / "in"
    (c / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLES / "01_vn_lao_talks.txt", c / "a.txt")
    shutil.copy(EXAMPLES / "02_hanoi_guangxi.txt", c / "sub" / "b.txt")
    if bad:
        (c / "bad.jsonl").write_text('{"text": 1}\n', encoding="utf-8")
    return c


def test_store_cli_progress_plan_counts_files_and_bytes(tmp_path: Path) -> None:
    c = _corpus(tmp_path, bad=True)
    files, total = _plan([str(c)])
    assert sorted(Path(f).name for f in files) == ["a.txt", "b.txt", "bad.jsonl"]
    assert total == sum(Path(f).stat().st_size for f in files)


def test_store_cli_progress_shows_files_of_total(tmp_path: Path) -> None:
    r = runner.invoke(app, ["ingest", str(_corpus(tmp_path, bad=False)), "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 0, r.stderr
    assert "2/2 files" in r.stderr and "2 pages" in r.stderr


def test_store_cli_progress_failed_inputs_exit_1_with_their_count(tmp_path: Path) -> None:
    r = runner.invoke(app, ["ingest", str(_corpus(tmp_path, bad=True)), "--db", str(tmp_path / "s.db"), "--quiet"])
    assert r.exit_code == 1
    assert "1 input failed (2 pages stored)" in r.stderr and "Traceback" not in r.stderr
    again = runner.invoke(app, ["events", "--db", str(tmp_path / "s.db"), "--format", "json"])
    assert again.exit_code == 0 and again.stdout.strip() != "[]"  # what could be stored was stored
