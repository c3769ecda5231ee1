import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from waishi.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def test_cli_extract_json():
    r = runner.invoke(app, ["extract", str(EXAMPLES / "03_old_aid_2015.txt"), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["documents"][0]["title"] == "越南向古巴捐赠大米"
    assert d["documents"][0]["year"] == 2015


def test_cli_extract_jsonl_many_files():
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    r = runner.invoke(app, ["extract", *files, "--format", "jsonl"])
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == len(files)


def test_cli_extract_table():
    r = runner.invoke(app, ["extract", str(EXAMPLES / "01_vn_lao_talks.txt"), "--format", "table"])
    assert r.exit_code == 0 and "meet" in r.stdout


def test_cli_bad_published_date_is_a_clear_error():
    r = runner.invoke(app, ["extract", str(EXAMPLES / "03_old_aid_2015.txt"), "--published", "2015-13-40"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_cli_console_script_runs():
    exe = Path(sys.executable).with_name("waishi")
    out = subprocess.run([str(exe), "extract", str(EXAMPLES / "03_old_aid_2015.txt")], capture_output=True, text=True)
    assert out.returncode == 0 and json.loads(out.stdout)["schema"] == "waishi.extraction/1"
