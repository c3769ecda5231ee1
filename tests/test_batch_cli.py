"""`waishi batch` (default LocalCluster) and `waishi load` through the CLI: summaries, exit codes,
one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from waishi.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(f, d / f.name)
    (d / "a.txt").write_text(EXAMPLES.joinpath("01_vn_lao_talks.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (d / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    return d


def test_batch_cli_batch_then_load(tmp_path: Path, corpus: Path) -> None:
    runner = CliRunner()
    out, db = tmp_path / "out", tmp_path / "vn.db"
    res = runner.invoke(app, ["batch", str(corpus), str(out), "--workers", "2", "--format", "json"])
    assert res.exit_code == 0, res.output
    stats = json.loads(res.stdout)
    assert (stats["shards"], stats["done"], stats["pages"], stats["errors"], stats["workers"]) == (2, 2, 4, 1, 2)
    res = runner.invoke(app, ["batch", str(corpus), str(out), "--format", "json"])
    assert json.loads(res.stdout)["skipped"] == 2  # resumed: nothing to do, no cluster started
    res = runner.invoke(app, ["load", str(out), "--db", str(db), "--format", "json"])
    assert res.exit_code == 1, res.output  # bad.jsonl failed: the rest is stored, the exit says so
    assert "1 input failed (4 pages stored)" in res.stderr and "5/5 pages" in res.stderr
    loaded = json.loads(res.stdout)
    assert (loaded["added"], loaded["duplicates"], loaded["errors"], loaded["shards_loaded"]) == (3, 1, 1, 2)
    assert "bad.jsonl:1: invalid JSON" in res.stderr
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)


@pytest.mark.parametrize("args, code, message", [
    (["batch", "{tmp}/nothing-here/*.txt", "{tmp}/out"], 1, "no such file"),
    (["load", "{tmp}", "--db", "{tmp}/x.db"], 1, "not a waishi batch dataset"),
    (["batch", "{tmp}/corpus", "{tmp}/out", "--scheduler", "tcp://127.0.0.1:9"], 1,
     "cannot connect to the Dask scheduler"),
    (["batch", "{tmp}/corpus", "{tmp}/out", "--scheduler", "nonsense"], 1, "not a Dask scheduler address"),
    (["batch", "{tmp}/corpus", "{tmp}/corpus/a.txt/out"], 1, "cannot create the output directory"),
    (["batch", "{tmp}/corpus", "{tmp}/out", "--format", "csv"], 2, "--format must be table or json"),
])
def test_batch_cli_errors_are_one_line(tmp_path: Path, corpus: Path, args: list[str], code: int,
                                       message: str) -> None:
    res = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert res.exit_code == code, res.output
    assert message in res.output
    assert "Traceback" not in res.output
