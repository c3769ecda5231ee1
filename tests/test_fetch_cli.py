"""`waishi fetch` end to end: a SIGKILL mid-run and a rerun give the store an uninterrupted run
gives; --watch picks up a page added to the feed between polls; bad usage is one line."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fetch_server import B_ARTICLES, Server, build_outlet_b
from typer.testing import CliRunner

from waishi.cli import app

runner = CliRunner()


@pytest.fixture()
def outlet_b() -> Any:
    s = Server(build_outlet_b())
    yield s.outlet
    s.close()


def _snapshot(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(db)
    try:
        return {
            "sources": sorted(con.execute("SELECT locator, url, content_hash, published, title FROM sources")),
            "documents": sorted(con.execute("SELECT s.locator, d.ord, d.kind, d.title, d.year, d.date FROM documents d "
                                            "JOIN sources s ON s.id = d.source_id")),
            "events": sorted(con.execute("SELECT type, date, date_end, n_sources, n_reports FROM events"),
                             key=repr),
            "facts": sorted(con.execute("SELECT metric, value, unit, period FROM facts"), key=repr),
            "people": sorted(con.execute("SELECT name, country, n_documents FROM people"), key=repr),
            "frontier": sorted(con.execute("SELECT url, kind, state, status, published FROM fetch_frontier")),
            "errors": con.execute("SELECT count(*) FROM errors").fetchone()[0],
        }
    finally:
        con.close()


def _done(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return int(con.execute("SELECT count(*) FROM sources").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _cmd(feed: str, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "waishi.cli", "fetch", feed, "--db", str(db), "--quiet", "--timeout", "5",
            *extra]


def test_fetch_cli_sigkill_then_rerun_gives_the_same_store(outlet_b: Any, tmp_path: Path) -> None:
    feed = outlet_b.base + "/atom.xml"
    ref, killed = tmp_path / "ref.db", tmp_path / "killed.db"
    r = runner.invoke(app, ["fetch", feed, "--db", str(ref), "--delay", "0", "--quiet"])
    assert r.exit_code == 0, r.output
    total = len(B_ARTICLES) + 1
    assert _done(ref) == total

    # a slow (polite) run, killed once a few pages are committed
    proc = subprocess.Popen(_cmd(feed, killed, "--delay", "0.15"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while _done(killed) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert 0 < _done(killed) < total

    r = runner.invoke(app, ["fetch", feed, "--db", str(killed), "--delay", "0", "--quiet"])
    assert r.exit_code == 0, r.output
    assert _snapshot(killed) == _snapshot(ref)


def test_fetch_cli_watch_picks_up_a_page_added_between_polls(tmp_path: Path) -> None:
    o = build_outlet_b(n=3)
    feed_route = o.routes["/atom.xml"]

    def growing(h: Any, n: int) -> Any:
        out = feed_route(h, n)
        if n == 1:  # the next poll sees one more entry
            o.shown["n"] += 1  # type: ignore[attr-defined]
        return out

    o.routes["/atom.xml"] = growing
    s = Server(o)
    try:
        db = tmp_path / "w.db"
        r = runner.invoke(app, ["fetch", o.base + "/atom.xml", "--db", str(db), "--watch", "0.1s", "--polls", "2",
                                "--delay", "0", "--format", "json"])
    finally:
        s.close()
    assert r.exit_code == 0, r.output
    passes = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert len(passes) == 2
    assert passes[0]["sources"][0]["stored"] == 4  # 3 articles + the dated page
    assert passes[1]["sources"][0]["new"] == 1 and passes[1]["sources"][0]["stored"] == 1
    assert o.hits("/b/news/art-4.html") == 1 and o.hits("/b/news/art-1.html") == 1
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 5
    con.close()


def test_fetch_cli_stats_shows_last_fetch_and_errors(tmp_path: Path) -> None:
    o = build_outlet_b(n=2)
    o.routes["/b/news/art-2.html"] = (500, {"Content-Type": "text/html"}, b"<html><body>down</body></html>")
    s = Server(o)
    try:
        db = tmp_path / "s.db"
        r = runner.invoke(app, ["fetch", o.base + "/atom.xml", "--db", str(db), "--delay", "0", "--retries", "0"])
    finally:
        s.close()
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["stats", "--db", str(db)], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "fetched sources" in r.stdout and "atom.xml" in r.stdout
    r = runner.invoke(app, ["stats", "--db", str(db), "--format", "json"])
    src = json.loads(r.stdout)["fetch_sources"][0]
    assert src["errors"] == 1 and src["stored"] == 2 and src["last_fetch"]
    # the dashboard's overview and /api/stats show the same
    import httpx
    from api_corpus import live_server

    with live_server(db) as base:
        page = httpx.get(base + "/", headers={"accept": "text/html"}, timeout=30).text
        api = httpx.get(base + "/api/stats", timeout=30).json()
    assert "Followed sources" in page and "atom.xml" in page and "HTTP 500" in page
    assert api["fetch_sources"][0]["errors"] == 1


@pytest.mark.parametrize("args, code, needle", [
    (["nosuchoutlet"], 1, "not an outlet profile"),
    (["vietnamplus", "--since", "May"], 2, "--since"),
    (["vietnamplus", "--watch", "soon"], 2, "not an interval"),
    (["vietnamplus", "--max-size", "big"], 2, "not a size"),
    ([], 2, "at least one SOURCE"),
])
def test_fetch_cli_bad_usage_is_one_line(tmp_path: Path, args: list[str], code: int, needle: str) -> None:
    r = runner.invoke(app, ["fetch", *args, "--db", str(tmp_path / "x.db")])
    assert r.exit_code == code
    assert needle in r.output and "Traceback" not in r.output


def test_fetch_cli_unreachable_source_exits_1(tmp_path: Path) -> None:
    # a port nobody listens on: robots.txt unreachable -> nothing fetched, recorded, exit 1
    r = runner.invoke(app, ["fetch", "http://127.0.0.1:9/feed.xml", "--db", str(tmp_path / "u.db"), "--delay", "0",
                            "--retries", "0", "--timeout", "0.5"])
    assert r.exit_code == 1 and "nothing could be fetched" in r.output


def test_fetch_cli_list_profiles_with_a_user_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[outlets.provpaper]\nname = "A provincial paper"\nedition = "zh-Hans"\n'
                    'feeds = ["https://cn.example.vn/rss/home.rss"]\n', encoding="utf-8")
    r = runner.invoke(app, ["fetch", "--list-profiles", "--profiles", str(mine)], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "provpaper" in r.stdout and "vietnamplus" in r.stdout and "dangcongsan" in r.stdout
    mine.write_text("[outlets.bad]\nname = 3\n", encoding="utf-8")
    r = runner.invoke(app, ["fetch", "vietnamplus", "--profiles", str(mine), "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1 and "mine.toml" in r.output and "Traceback" not in r.output
