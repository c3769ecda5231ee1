"""Batch on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on loopback.

`batch` + `load` must give the database `ingest` gives for the same input; reruns
skip complete shards; bad shards are recorded and do not stop the others.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import waishi
from waishi.batch import BatchError, load_dataset, run_batch
from waishi.store import Store, ingest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

TALKS = """越南国会主席会见柬埔寨参议院主席

2024年5月6日，越南国会主席陈青敏在河内会见了正在越南进行正式访问的柬埔寨参议院主席洪森。

越通社河内——2024年5月6日，越南国会主席陈青敏在河内会见了正在越南进行正式访问的柬埔寨参议院主席洪森。双方一致同意加强两国立法机构合作。

2023年越柬双边贸易额达到100亿美元，同比增长9.5%。(完)
"""
TALKS_AGAIN = """陈青敏与洪森举行会见 推动越柬关系发展

越南国会主席陈青敏5月6日在河内会见柬埔寨参议院主席洪森。

越通社河内——越南国会主席陈青敏5月6日在河内会见柬埔寨参议院主席洪森。洪森表示，柬方高度重视同越南的传统友好关系。(完)
"""
CALL = """越南外交部长与日本外务大臣通电话

2024年6月3日下午，越南外交部长裴青山与日本外务大臣上川阳子通电话。

越通社河内——2024年6月3日下午，越南外交部长裴青山与日本外务大臣上川阳子通电话，双方讨论了两国合作事宜。(完)
"""
AID = """越南向老挝提供人道主义援助

越南政府决定向遭受洪灾的老挝提供50万美元人道主义援助。

越通社河内——越南政府决定向遭受洪灾的老挝提供50万美元人道主义援助，帮助当地民众克服困难。(完)
"""


def _html(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>{paras}</body></html>"


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    buf = BytesIO()
    w = WARCWriter(buf, gzip=False)
    for url, title, body in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=BytesIO(_html(title, body).encode()),
                                            http_headers=http, warc_headers_dict={"WARC-Date": "2024-05-07T08:00:00Z"}))
    path.write_bytes(gzip.compress(buf.getvalue()))


def make_corpus(root: Path) -> Path:
    """Examples, a directory of txt, JSONL (one bad line), WARC, and bad files of each kind."""
    d = root / "corpus"
    (d / "txt").mkdir(parents=True)
    for f in sorted(EXAMPLES.iterdir()):
        shutil.copy(f, d / f.name)
    for i, text in enumerate((TALKS, CALL, AID, TALKS_AGAIN)):
        (d / "txt" / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    shutil.copy(d / "txt" / "01.txt", d / "txt" / "01_copy.txt")  # the same page at another path
    (d / "txt" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    lines = [json.dumps({"text": TALKS_AGAIN, "url": "https://zh.example.vn/j1", "published": "2024-05-06"},
                        ensure_ascii=False), "{broken", json.dumps({"text": AID, "published": "2024-07-01"},
                                                                   ensure_ascii=False)]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _warc(d / "crawl.warc.gz", [("https://zh.example.vn/w1", "越柬立法机构合作", TALKS),
                                ("https://zh.example.vn/w2", "越日外长通电话", CALL)])
    good = (d / "crawl.warc.gz").read_bytes()
    (d / "zz_truncated.warc.gz").write_bytes(good[: len(good) * 2 // 3])  # corrupt gzip: pages before it kept
    return d


# -- the cluster ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with status {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"dask scheduler did not listen on port {port}")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tcp://127.0.0.1:PORT of a `dask scheduler` with two `dask worker` processes (1 thread each)."""
    from distributed import Client

    dask = Path(sys.executable).with_name("dask")
    work = tmp_path_factory.mktemp("dask")
    port = _free_port()
    addr = f"tcp://127.0.0.1:{port}"
    procs: list[subprocess.Popen[bytes]] = []
    log = open(work / "dask.log", "wb")  # noqa: SIM115 - closed in the finally below
    try:
        procs.append(subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                       "--no-dashboard", "--dashboard-address", ":0"], cwd=work, stdout=log, stderr=subprocess.STDOUT))
        _wait_port(port, procs[0])
        for i in range(2):
            procs.append(subprocess.Popen(
                [str(dask), "worker", addr, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                 "--name", f"w{i}", "--local-directory", str(work / f"w{i}")],
                cwd=work, stdout=log, stderr=subprocess.STDOUT))
        with Client(addr, timeout="30s", set_as_default=False) as c:
            c.wait_for_workers(2, timeout=60)
        yield addr
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log.close()


# -- comparing stores -------------------------------------------------------------------

VOLATILE = {"run_id", "ingested_at", "first_at", "last_at"}


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in rowid order, without run ids and timestamps."""
    con = sqlite3.connect(db)
    out = {}
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                                        "'sqlite_%' AND name NOT LIKE 'documents_fts%' AND name <> 'runs'")]
    for t in tables:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in VOLATILE]
        out[t] = con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid").fetchall()
    con.close()
    return out


def extract(p: waishi.Page) -> waishi.Extraction:  # what the CLI's ingest passes
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source, encoding=p.encoding)


# -- tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("group_size", [2, 1000])
def test_batch_dask_load_equals_ingest(tmp_path: Path, scheduler: str, group_size: int,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative inputs: the store keeps the names as given, as ingest does
    inputs = ["corpus", str(corpus / "txt" / "00.txt")]
    with Store.open(tmp_path / "ingest.db") as st:
        ran = ingest(st, inputs, extract)
    stats = run_batch(inputs, tmp_path / "out", scheduler=scheduler, group_size=group_size)
    assert stats.workers == 2 and stats.failed == 0
    with Store.open(tmp_path / "batch.db") as st:
        loaded = load_dataset(st, tmp_path / "out")
    assert not loaded.incomplete
    assert (loaded.run.added, loaded.run.duplicates, loaded.run.unchanged, loaded.run.errors) == \
        (ran.added, ran.duplicates, ran.unchanged, ran.errors)
    assert ran.errors >= 3 and ran.duplicates >= 1  # the bad files and the copied page are really exercised
    a, b = dump(tmp_path / "ingest.db"), dump(tmp_path / "batch.db")
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], table
    assert a["events"] and a["people"] and a["facts"] and a["errors"]


def test_batch_dask_rerun_skips_complete_shards(tmp_path: Path, scheduler: str) -> None:
    corpus = make_corpus(tmp_path)
    first = run_batch([corpus], tmp_path / "out", scheduler=scheduler, group_size=2)
    assert first.done == first.shards > 3 and first.skipped == 0
    marks = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out" / "_shards").iterdir()}
    again = run_batch([corpus], tmp_path / "out", scheduler=scheduler, group_size=2)
    assert (again.skipped, again.done, again.pages, again.workers) == (first.shards, 0, 0, 0)  # no cluster needed
    (corpus / "feed.jsonl").write_text(json.dumps({"text": CALL}, ensure_ascii=False) + "\n", encoding="utf-8")
    third = run_batch([corpus], tmp_path / "out", scheduler=scheduler, group_size=2)
    assert (third.done, third.pages, third.skipped) == (1, 1, first.shards - 1)
    changed = {p.name for p in (tmp_path / "out" / "_shards").iterdir() if p.stat().st_mtime_ns != marks[p.name]}
    assert len(changed) == 1 and next(iter(changed)).startswith("feed.jsonl-")
    assert not list((tmp_path / "out").rglob("*.part"))


def test_batch_dask_bad_shards_are_recorded_not_fatal(tmp_path: Path, scheduler: str) -> None:
    corpus = make_corpus(tmp_path)
    (corpus / "empty.warc.gz").write_bytes(b"")
    (corpus / "garbage.warc.gz").write_bytes(b"\x1f\x8b\x08\x00not gzip at all" * 10)
    stats = run_batch([corpus, tmp_path / "nowhere.jsonl"], tmp_path / "out", scheduler=scheduler)
    assert stats.failed == 0 and stats.pages >= 10
    with Store.open(tmp_path / "b.db") as st:
        load_dataset(st, tmp_path / "out")
        errors = dict(st.con.execute("SELECT path, reason FROM errors").fetchall())
        stored = st.con.execute("SELECT count(*) FROM sources WHERE url LIKE 'https://zh.example.vn/w%'").fetchone()
    names = {os.path.basename(p.split("@")[0].split(":")[0]) for p in errors}
    assert {"empty.warc.gz", "garbage.warc.gz", "zz_truncated.warc.gz", "nowhere.jsonl", "binary.txt",
            "feed.jsonl"} <= names
    assert stored[0] == 2  # the good WARC shard is whole


def test_batch_dask_load_is_idempotent(tmp_path: Path, scheduler: str) -> None:
    corpus = make_corpus(tmp_path)
    run_batch([corpus], tmp_path / "out", scheduler=scheduler)
    with Store.open(tmp_path / "b.db") as st:
        first = load_dataset(st, tmp_path / "out").run
        before = dump(tmp_path / "b.db")
        second = load_dataset(st, tmp_path / "out").run
    assert first.added > 0 and (second.added, second.replaced) == (0, 0)
    assert (second.unchanged, second.duplicates) == (first.added, first.duplicates)
    after = dump(tmp_path / "b.db")
    assert {t: v for t, v in after.items() if t != "errors"} == {t: v for t, v in before.items() if t != "errors"}


def test_batch_dask_unreachable_scheduler_is_one_error(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    with pytest.raises(BatchError, match=r"cannot connect to the Dask scheduler"):
        run_batch([corpus], tmp_path / "out", scheduler=f"tcp://127.0.0.1:{_free_port()}")


def test_batch_dask_progress_counts_pages_of_running_shards(tmp_path: Path, scheduler: str) -> None:
    # one shard of 4,000 pages (about 3 s at 0.75 ms a page; progress events come every second):
    # before it ends, its worker reports the pages read so far
    # (issue 12: "0/2 shards 0 pages" for most of a run)
    body = "越通社河内——2024年6月{d}日，越南外交部长裴青山在河内会见老挝外交部长沙伦赛。双方同意加强合作。"
    lines = [json.dumps({"text": f"越老外长会谈第{i}次\n\n" + body.format(d=1 + i % 28), "url": f"https://x.org/{i}"},
                        ensure_ascii=False) for i in range(4000)]
    (tmp_path / "one.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []  # (pages of finished shards, pages so far)
    stats = run_batch([str(tmp_path / "one.jsonl")], tmp_path / "out", scheduler=scheduler,
                      progress=lambda s: seen.append((s.pages, s.pages_so_far)))
    assert stats.pages == 4000 and stats.done == 1
    assert any(done == 0 and so_far > 0 for done, so_far in seen), seen[-5:]
