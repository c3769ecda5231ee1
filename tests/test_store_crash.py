"""Crash safety: SIGKILL an ingest mid-run, rerun it, and find the store consistent and complete.

Small corpus (a few hundred synthetic pages from bench/synth.py) and small batches, so
the kill lands between and inside committed batches within a second or two.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from waishi.cli.common import extract_page as _extract_page
from waishi.store import Store, ingest

ROOT = Path(__file__).resolve().parents[1]
N_PAGES = 300


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("waishi_bench_synth", ROOT / "bench" / "synth.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from waishi.cli import app; app()", *args]


def _committed(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM sources").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _fingerprint(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        per_page = con.execute(
            "SELECT s.locator, s.content_hash, count(DISTINCT d.id), "
            "(SELECT count(*) FROM event_reports r JOIN documents x ON x.id = r.document_id WHERE x.source_id = s.id), "
            "(SELECT count(*) FROM facts f JOIN documents x ON x.id = f.document_id WHERE x.source_id = s.id), "
            "(SELECT count(*) FROM mentions m JOIN documents x ON x.id = m.document_id WHERE x.source_id = s.id) "
            "FROM sources s JOIN documents d ON d.source_id = s.id GROUP BY s.id ORDER BY s.locator").fetchall()
        events = sorted(con.execute("SELECT type, date, n_sources, n_reports FROM events").fetchall(),
                        key=lambda r: tuple("" if x is None else str(x) for x in r))
        people = sorted(con.execute("SELECT name, country, n_documents FROM people").fetchall(),
                        key=lambda r: tuple("" if x is None else str(x) for x in r))
        return {"pages": per_page, "events": events, "people": people}
    finally:
        con.close()


def test_store_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "killed.db"
    _synth().write_corpus(corpus, N_PAGES, seed=11, per_dir=100)
    cmd = _cli("ingest", str(corpus), "--db", str(db), "--batch", "7", "--quiet")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _committed(db) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    still_running = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert still_running, "ingest finished before it could be killed; raise N_PAGES"
    done = _committed(db)
    assert 40 <= done < N_PAGES

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # whole pages only: every stored page has its documents; the killed run never finished
    assert con.execute("SELECT count(*) FROM sources s WHERE NOT EXISTS "
                       "(SELECT 1 FROM documents d WHERE d.source_id = s.id)").fetchone()[0] == 0
    assert con.execute("SELECT finished_at FROM runs").fetchall() == [(None,)]
    con.close()

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT locator) FROM sources"
                       ).fetchone() == (N_PAGES, N_PAGES, N_PAGES)
    assert con.execute("SELECT unchanged, added FROM runs WHERE id = 2").fetchone() == (done, N_PAGES - done)
    assert con.execute("SELECT count(*) FROM (SELECT document_id, kind, start, end FROM mentions "
                       "GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)").fetchone()[0] == 0
    # derived columns agree with the rows they summarise
    assert con.execute("SELECT count(*) FROM events e WHERE n_reports <> "
                       "(SELECT count(*) FROM event_reports r WHERE r.event_id = e.id)").fetchone()[0] == 0
    con.close()

    # complete: the same store as one uninterrupted run
    clean = tmp_path / "clean.db"
    with Store.open(clean) as st:
        ingest(st, [corpus], _extract_page)
    assert _fingerprint(db) == _fingerprint(clean)
