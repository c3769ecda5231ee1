"""Hostile but fair inputs, each through `waishi extract` and `waishi ingest` (issue 15).

Every case says what must be stored (pages, and text the page must hold) and what must
be reported (errors naming the file, one line each). The directory test then puts all of
them, good pages among them, in one directory: every good page stored and printed, every
bad input reported, exit code 1, nothing lost.

Pages are short self-written texts in the style of the genre; each case's text differs
(a page with the same content as another is stored once).
"""

from __future__ import annotations

import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from waishi.cli import app

EXE = str(Path(sys.executable).with_name("waishi"))
runner = CliRunner()

COUNTRIES = ["老挝", "泰国", "柬埔寨", "缅甸", "印度尼西亚", "马来西亚", "新加坡", "菲律宾", "文莱", "日本",
             "韩国", "印度", "澳大利亚", "新西兰", "蒙古", "法国", "德国", "意大利", "西班牙", "俄罗斯"]


def page(i: int) -> str:
    """A short news page, different for every ``i``."""
    c = COUNTRIES[i % len(COUNTRIES)]
    day = i % 27 + 1
    return (f"越南与{c}加强合作\n\n"
            f"越通社河内——越南外长裴青山5月{day}日在河内会见了{c}外交部长。"
            f"双方同意进一步加强两国在经贸、投资和教育等领域的合作。(完)\n")


def sentence_of(i: int) -> str:
    """The part of page(i)'s meeting sentence that its text and its event's evidence hold."""
    return f"裴青山5月{i % 27 + 1}日在河内会见了{COUNTRIES[i % len(COUNTRIES)]}外交部长"


def html_of(i: int, wrap: tuple[str, str] = ("", "")) -> str:
    head, para = page(i).split("\n\n", 1)
    return (f"<html><head><meta charset='utf-8'><title>{head}</title></head><body>{wrap[0]}<article><h1>{head}</h1>"
            f"<p>{para.strip()}</p><p>两人也就地区形势交流了看法。</p></article>{wrap[1]}"
            "</body></html>")


def warc_bytes(first: int, n: int, *, gz: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for i in range(first, first + n):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        # incompressible padding, so a cut lands inside a record's gzip member
        pad = os.urandom(2000).hex()
        body = html_of(i).replace("</body>", f"<!-- {pad} --></body>").encode("utf-8")
        rec = writer.create_warc_record(f"https://zh.example.vn/{i}.vnp", "response", payload=BytesIO(body),
                                        http_headers=http, warc_headers_dict={"WARC-Date": "2024-05-22T08:00:00Z"})
        writer.write_record(rec)
    return out.getvalue()


def cut_warc(first: int, gz: bool) -> bytes:
    """Three records of about the same size, cut in the middle of the third."""
    whole = warc_bytes(first, 3, gz=gz)
    return whole[: int(len(whole) * 5 / 6)]


def mixed_page(i: int) -> bytes:
    """A UTF-8 page with its second paragraph pasted from a GBK page."""
    head, rest = page(i).split("\n\n", 1)
    return (head + "\n\n").encode("utf-8") + rest.encode("gbk") + "双方还签署了合作文件。\n".encode()


@dataclass
class Case:
    """One hostile input: ``make(dir)`` creates it and returns the path to give the CLI."""
    id: str
    make: Callable[[Path], Path]
    stored: int  # pages that must be stored / printed
    errors: int  # inputs that must be reported
    reason: str = ""  # in every error line
    keeps: tuple[int, ...] = ()  # the pages (by page() number) that must be stored and printed
    extra: tuple[str, ...] = ()  # more text the stored pages must hold
    subprocess: bool = False  # could hang or eat memory before the fix: run it at arm's length


def _file(name: str | bytes, data: bytes) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        raw = os.path.join(os.fsencode(d), name if isinstance(name, bytes) else os.fsencode(name))
        with open(raw, "wb") as fh:
            fh.write(data)
        return Path(os.fsdecode(raw))
    return make


def _huge(d: Path) -> Path:
    line = page(7).replace("\n", "") * (10 * 1024 * 1024 // len(page(7).encode("utf-8")) + 1)
    return _file("huge.txt", line.encode("utf-8"))(d)


def _jsonl(d: Path) -> Path:
    lines = [json.dumps({"text": page(8), "url": "https://zh.example.vn/8.vnp"}, ensure_ascii=False),
             '{"text": "越南外交部长会见', "",
             json.dumps({"text": page(9), "url": "https://zh.example.vn/9.vnp"}, ensure_ascii=False),
             '{"text": "\\ud800' + page(10).replace("\n", "\\n") + '"}']
    return _file("broken.jsonl", "\n".join(lines).encode("utf-8") + b"\n")(d)


def _symlink_loops(d: Path) -> Path:
    sub = d / "loops"
    sub.mkdir()
    (sub / "good.txt").write_text(page(13), encoding="utf-8")
    os.symlink("self.txt", sub / "self.txt")  # a link to itself
    os.symlink("..", sub / "up")  # a directory loop: links to directories are not followed
    os.symlink("loops", sub / "again")
    return sub


def _fifo(d: Path) -> Path:
    p = d / "pipe.txt"
    os.mkfifo(p)
    return p


def _dev_zero(d: Path) -> Path:
    p = d / "zero.txt"
    os.symlink("/dev/zero", p)
    return p


def _newline_name(d: Path) -> Path:
    return _file("c\nd.txt", b"")(d)


CASES = [
    Case("utf8", _file("good.txt", page(1).encode("utf-8")), 1, 0, keeps=(1,)),
    Case("html", _file("good.html", html_of(2).encode("utf-8")), 1, 0, keeps=(2,)),
    Case("gbk", _file("gbk.txt", page(3).encode("gbk")), 1, 0, keeps=(3,)),
    Case("utf16", _file("utf16.txt", page(4).encode("utf-16")), 1, 0, keeps=(4,)),
    Case("mixed-utf8-gbk", _file("mixed.txt", mixed_page(5)), 1, 0, keeps=(5,), extra=("双方还签署了合作文件",)),
    Case("binary", _file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), 0, 1, "binary"),
    Case("empty", _file("empty.txt", b""), 0, 1, "empty"),
    Case("ten-megabyte-line", _huge, 0, 1, "page too large"),
    Case("truncated-html", _file("cut.html", html_of(6).encode("utf-8")[:-60]), 1, 0, keeps=(6,)),
    Case("nested-divs", _file("divs.html", html_of(11, ("<div>" * 500, "</div>" * 500)).encode("utf-8")), 1, 0,
         keeps=(11,)),
    Case("nested-tables", _file("tables.html", html_of(12, ("<table><tr><td>" * 90, "</td></tr></table>" * 90))
                                .encode("utf-8")), 1, 0, keeps=(12,)),
    Case("broken-jsonl", _jsonl, 3, 1, "invalid JSON", keeps=(8, 9, 10)),
    Case("warc-cut-mid-record", lambda d: _file("cut.warc", cut_warc(14, gz=False))(d), 2, 1, "WARC",
         keeps=(14, 15)),
    Case("warc-gz-truncated", lambda d: _file("cut.warc.gz", cut_warc(16, gz=True))(d), 2, 1, "WARC",
         keeps=(16, 17)),
    Case("symlink-loops", _symlink_loops, 1, 1, "symbolic links", keeps=(13,)),
    Case("fifo", _fifo, 0, 1, "not a regular file", subprocess=True),
    Case("dev-zero-link", _dev_zero, 0, 1, "not a regular file", subprocess=True),
    Case("non-utf8-name", _file(b"a\xff\xfe.txt", page(18).encode("utf-8")), 1, 0, keeps=(18,)),
    Case("newline-in-name", _newline_name, 0, 1, "empty"),
]
GOOD = sum(c.stored for c in CASES)
BAD = sum(c.errors for c in CASES)


def _limits() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def _run(args: list[str], arm_length: bool) -> tuple[int, str, str]:
    if arm_length:
        try:
            out = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=60, preexec_fn=_limits)
        except subprocess.TimeoutExpired:
            pytest.fail(f"waishi {' '.join(args)} hung")
        return out.returncode, out.stdout, out.stderr
    r = runner.invoke(app, args)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


_CLOSING_FAILED = re.compile(r"\d[\d,]* inputs? failed \(")


def _error_lines(stderr: str) -> list[str]:
    """The errors naming an input (not ingest's closing "nothing could be ingested" or
    "N inputs failed (M pages stored)")."""
    return [ln for ln in stderr.splitlines() if ln.startswith("waishi: error:") and "nothing could be" not in ln
            and not _CLOSING_FAILED.search(ln)]


def _check_errors(case: Case, path: Path, stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = _error_lines(stderr)
    assert len(lines) == case.errors, stderr
    for ln in lines:
        assert case.reason.lower() in ln.lower(), ln
    if case.errors and case.stored == 0:
        # the file named in full, printable and on one line (a newline in a name is \n)
        shown = os.fsencode(path).decode("utf-8", "backslashreplace").replace("\n", "\\n")
        assert any(shown in ln for ln in lines), (shown, lines)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_inputs_extract(tmp_path: Path, case: Case) -> None:
    path = case.make(tmp_path)
    code, out, err = _run(["extract", str(path), "--format", "jsonl", "--no-mentions"], case.subprocess)
    records = [json.loads(line) for line in out.splitlines() if line.strip()]  # every line is JSON
    assert len(records) == case.stored, (out[:500], err)
    evidence = [e["evidence"]["text"] for r in records for d in r["documents"] for e in d["events"]]
    for i in case.keeps:
        assert any(sentence_of(i) in text for text in evidence), (i, evidence)
    _check_errors(case, path, err)
    assert code == (1 if case.errors else 0), err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_inputs_ingest(tmp_path: Path, case: Case) -> None:
    path = case.make(tmp_path)
    db = tmp_path / "s.db"
    code, out, err = _run(["ingest", str(path), "--db", str(db), "--quiet", "--format", "json"], case.subprocess)
    _check_errors(case, path, err)
    con = sqlite3.connect(db)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM documents")]
        n_sources = con.execute("SELECT count(*) FROM sources").fetchone()[0]
        errors = con.execute("SELECT path, reason FROM errors").fetchall()
        paths = [r[0] for r in con.execute("SELECT path FROM sources")]
    finally:
        con.close()
    assert n_sources == case.stored, (out, err)
    assert len(errors) == case.errors, errors
    for text in [sentence_of(i) for i in case.keeps] + list(case.extra):
        assert any(text in t for t in texts), text
    for p in paths + [e[0] for e in errors]:
        assert p.isprintable(), p  # stored as escaped text, never refused
    assert code == (1 if case.errors else 0), err
    if case.stored:
        summary = json.loads(out)
        assert summary["added"] == case.stored and summary["errors"] == case.errors


def test_hostile_inputs_non_utf8_name_is_escaped_everywhere(tmp_path: Path) -> None:
    path = _file(b"a\xff\xfe.txt", page(18).encode("utf-8"))(tmp_path)
    code, out, err = _run(["extract", str(path)], False)
    assert code == 0, err
    rec = json.loads(out)  # parses: no raw bytes in the JSON
    assert rec["source"].endswith("a\\xff\\xfe.txt")
    db = tmp_path / "s.db"
    _run(["ingest", str(path), "--db", str(db), "--quiet"], False)
    con = sqlite3.connect(db)
    (locator, stored) = con.execute("SELECT locator, path FROM sources").fetchone()
    con.close()
    assert locator == str(tmp_path / "a\\xff\\xfe.txt") and stored.endswith("a\\xff\\xfe.txt")
    # a second run finds the same file under the same locator: unchanged, not added again
    code, out, _ = _run(["ingest", str(path), "--db", str(db), "--quiet", "--format", "json"], False)
    assert json.loads(out)["unchanged"] == 1


def test_hostile_inputs_page_too_large_names_the_full_path(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    path = _huge(tmp_path / "deep" / "er")
    _, _, err = _run(["extract", str(path), "--format", "jsonl"], False)
    (line,) = _error_lines(err)
    assert str(path) in line and "page too large" in line


def test_hostile_inputs_whole_directory(tmp_path: Path) -> None:
    """All the cases side by side: the acceptance test of issue 15, through the console script."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for case in CASES:
        sub = corpus / case.id
        sub.mkdir()
        case.make(sub)
    db = tmp_path / "all.db"
    out = subprocess.run([EXE, "ingest", str(corpus), "--db", str(db), "--format", "json", "--quiet"],
                         capture_output=True, text=True, timeout=180, preexec_fn=_limits)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    summary = json.loads(out.stdout)
    assert summary["added"] == GOOD and summary["errors"] == BAD, summary
    assert len(_error_lines(out.stderr)) == BAD
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == GOOD
    con.close()

    out = subprocess.run([EXE, "extract", str(corpus), "--format", "jsonl", "--no-mentions"],
                         capture_output=True, text=True, timeout=180, preexec_fn=_limits)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert len([json.loads(x) for x in out.stdout.splitlines() if x.strip()]) == GOOD
    assert len(_error_lines(out.stderr)) == BAD


def test_hostile_inputs_batch_shard_keeps_a_non_utf8_name(tmp_path: Path) -> None:
    """`waishi batch` reads through the same readers: its manifest (JSON) and tables take the name."""
    from waishi.batch.dataset import Dataset
    from waishi.batch.shards import input_state, plan_shards
    from waishi.batch.work import extract_shard

    (tmp_path / "in").mkdir()
    _file("good.txt", page(19).encode("utf-8"))(tmp_path / "in")
    _file(b"b\xff.txt", page(20).encode("utf-8"))(tmp_path / "in")
    _newline_name(tmp_path / "in")
    (shard,) = plan_shards([str(tmp_path / "in")])
    state = input_state(shard)
    out = extract_shard(shard)
    assert out.pages == 2 and out.errors == 1
    assert any(str(s["shown"]).endswith("b\\xff.txt") for s in state)
    Dataset(tmp_path / "out").write(shard, out, state)  # a surrogate would fail the manifest's JSON
    assert out.error_samples[0][0].endswith("c\\nd.txt")
