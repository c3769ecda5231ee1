"""`waishi curate …`, `waishi reextract`, `waishi export --gold` and `waishi serve --review`
from the command line: thin commands, one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from api_corpus import free_port
from typer.testing import CliRunner

from waishi.cli import app
from waishi.cli.curate import read_tokens
from waishi.store import Store
from waishi.store import curation as C
from waishi.store.decisions import DecisionError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def _ok(*args: str) -> str:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, (r.stdout, r.stderr)
    return r.stdout


@pytest.fixture
def db(tmp_path: Path) -> str:
    (tmp_path / "corpus").mkdir()
    shutil.copy(EXAMPLES / "01_vn_lao_talks.txt", tmp_path / "corpus")
    path = str(tmp_path / "c.db")
    _ok("ingest", str(tmp_path / "corpus"), "--db", path, "--quiet")
    return path


def _curate_some(path: str) -> None:
    with Store.open(path) as st:
        loc = st.con.execute("SELECT locator FROM sources").fetchone()[0]
        raw = C.load_raw(st, loc)
        assert raw is not None
        doc = raw["documents"][0]
        ev = doc["events"][0]
        C.decide(st, "event", "reject", {"locator": loc, "type": ev["type"], **{k: ev["evidence"][k]
                                                                                  for k in ("start", "end")}},
                 author="lan")
        C.decide(st, "document", "confirm", {"locator": loc, "ord": 0, "title": doc["title"]}, author="lan",
                 note="[/] [red]not markup")
        # a decision on a sentence no event comes from: listed as an orphan
        C.decide(st, "event", "edit", {"locator": loc, "type": "aid", "start": 0, "end": 5}, author="minh",
                 fields={"date": "2025"})


def test_cli_curate_stats_orphans_exchange(db: str, tmp_path: Path) -> None:
    _curate_some(db)
    out = _ok("curate", "stats", "--db", db, "--format", "json")
    s = json.loads(out)
    assert s["decisions"] == 3 and s["orphans"] == 1 and s["documents_reviewed"] == 1
    orphans = json.loads(_ok("curate", "orphans", "--db", db, "--format", "json"))
    assert len(orphans) == 1 and "no event aid" in orphans[0]["reason"]
    assert "orphaned decisions" in _ok("curate", "orphans", "--db", db)
    listed = _ok("curate", "list", "--db", db)  # a note like "[/]" is text, not Rich markup (no crash)
    assert "lan" in listed and "[/]" in listed
    f = tmp_path / "d.jsonl"
    assert "3 decisions" in _ok("curate", "export", str(f), "--db", db)
    assert len(f.read_text(encoding="utf-8").splitlines()) == 3
    res = json.loads(_ok("curate", "import", str(f), "--db", db, "--format", "json"))
    assert res["added"] == 0 and res["already"] == 3
    r = runner.invoke(app, ["curate", "import", str(tmp_path / "missing.jsonl"), "--db", db])
    assert r.exit_code == 1 and "missing.jsonl: cannot read" in r.stderr


def test_cli_curate_decide(db: str) -> None:
    out = _ok("curate", "decide", "person", "edit", "--target", '{"name": "苏林", "country": "VNM"}',
              "--fields", '{"titles": ["越共中央总书记"]}', "--author", "lan", "--db", db)
    assert "person edit" in out and "applied" in out
    with Store.open(db, readonly=True) as st:
        assert [d.author for d in C.decisions(st)] == ["lan"]
    r = runner.invoke(app, ["curate", "decide", "event", "reject", "--target", "{}", "--author", "lan", "--db", db])
    assert r.exit_code == 2 and "target lacks" in r.stderr
    r = runner.invoke(app, ["curate", "decide", "event", "reject", "--target", "{", "--db", db])
    assert r.exit_code == 2 and "not JSON" in r.stderr


def test_cli_reextract_keeps_decisions(db: str) -> None:
    _curate_some(db)
    out = _ok("reextract", "--db", db, "--format", "json")
    assert json.loads(out)["skipped"] == 1  # already extracted by this version
    res = json.loads(_ok("reextract", "--db", db, "--all", "--format", "json"))
    assert res["reextracted"] == 1 and res["decisions"] == 3 and res["orphans"] == 1
    assert "1 orphaned" in _ok("reextract", "--db", db, "--all")


def test_cli_export_gold(db: str, tmp_path: Path) -> None:
    _curate_some(db)
    out = _ok("export", "--gold", str(tmp_path / "gold"), "--raw", str(tmp_path / "raw"), "--db", db)
    assert "1 reviewed documents of 1 pages" in out
    gold = json.loads(next((tmp_path / "gold").glob("*.json")).read_text(encoding="utf-8"))
    raw = json.loads(next((tmp_path / "raw").glob("*.json")).read_text(encoding="utf-8"))
    assert len(gold["documents"][0]["events"]) == len(raw["documents"][0]["events"]) - 1
    r = runner.invoke(app, ["export", "--db", db])
    assert r.exit_code == 2 and "--gold" in r.stderr


def test_cli_serve_review_tokens(db: str, tmp_path: Path) -> None:
    one = read_tokens(None, "lan")
    assert list(one.values()) == ["lan"] and len(next(iter(one))) >= 30
    f = tmp_path / "tokens"
    f.write_text("# team\naaaaaaaaaaaaaaaaaaaa minh\nbbbbbbbbbbbbbbbbbbbb\n", encoding="utf-8")
    assert read_tokens(str(f), "lan") == {"a" * 20: "minh", "b" * 20: "lan"}
    f.write_text("short\n", encoding="utf-8")
    with pytest.raises(DecisionError, match="16 characters"):
        read_tokens(str(f), "lan")
    port = str(free_port())
    r = runner.invoke(app, ["serve", "--review", "--db", db, "--token-file", str(f), "--port", port])
    assert r.exit_code == 1 and "16 characters" in r.stderr
    r = runner.invoke(app, ["serve", "--review", "--db", str(tmp_path / "none.db"), "--port", port])
    assert r.exit_code == 1 and "no such database" in r.stderr and not (tmp_path / "none.db").exists()
    for cmd in (["serve", "--help"], ["curate", "--help"], ["reextract", "--help"], ["export", "--help"]):
        _ok(*cmd)
