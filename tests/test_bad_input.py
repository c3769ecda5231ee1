"""Bad input end to end, through the installed console script: a record or a one-line error
naming the file and the reason; never a traceback (issue 2, item 11)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).with_name("waishi"))

PAGE = ("越南与泰国加强合作\n\n"
        "越南外交部长裴青山5月6日在河内会见了泰国外交部长敦·巴穆威。\n\n"
        "越通社河内——越南外长裴青山5月6日在河内会见了泰国外交部长敦·巴穆威。双方同意加强合作。(完)\n")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, "extract", *args], capture_output=True, text=True, timeout=120)


def assert_clean_error(out: subprocess.CompletedProcess[str], path: Path, reason: str) -> None:
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, out.stderr
    assert path.name in lines[0] and reason in lines[0].lower()


def test_bad_input_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert_clean_error(run(str(f)), f, "empty")


def test_bad_input_whitespace_only_file(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_text(" \n\n\t\n", encoding="utf-8")
    assert_clean_error(run(str(f)), f, "empty")


def test_bad_input_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert_clean_error(run(str(f)), f, "binary")


def test_bad_input_missing_file(tmp_path: Path) -> None:
    f = tmp_path / "nowhere.txt"
    assert_clean_error(run(str(f)), f, "no such file")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-8-sig"])
def test_bad_input_other_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = PAGE
    if encoding == "big5":
        import opencc
        text = opencc.OpenCC("s2t").convert(PAGE)
    f = tmp_path / f"page.{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    out = run(str(f), "--published", "2021-05-07")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    people = {p["name"] for p in rec["documents"][0]["people"]}
    assert "敦·巴穆威" in people and "裴青山" in people
    assert any(e["type"] == "meet" for e in rec["documents"][0]["events"])


def test_bad_input_traditional_characters_keep_offsets(tmp_path: Path) -> None:
    import opencc
    trad = opencc.OpenCC("s2t").convert(PAGE)
    assert trad != PAGE
    f = tmp_path / "trad.txt"
    f.write_text(trad, encoding="utf-8")
    out = run(str(f), "--published", "2021-05-07")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    doc = rec["documents"][0]
    meet = next(e for e in doc["events"] if e["type"] == "meet")
    ev = meet["evidence"]
    # offsets point into the original (traditional) text
    assert rec_text(f)[ev["start"]:ev["end"]].startswith(("越南外交部長", "越通社"))


def rec_text(f: Path) -> str:
    return f.read_text(encoding="utf-8")


def test_bad_input_ten_megabyte_single_line(tmp_path: Path) -> None:
    sentence = "越南外交部长裴青山会见了泰国外交部长敦·巴穆威，双方同意加强合作。"
    line = sentence * (10 * 1024 * 1024 // len(sentence.encode("utf-8")) + 1)
    f = tmp_path / "huge.txt"
    f.write_text(line, encoding="utf-8")
    assert f.stat().st_size >= 10 * 1024 * 1024
    out = run(str(f), "--format", "jsonl", "--no-mentions")  # 3.5 M characters: over the page limit
    assert "Traceback" not in out.stderr
    if out.returncode == 0:
        rec = json.loads(out.stdout.splitlines()[0])
        assert rec["documents"] and rec["documents"][0]["kind"] == "article"
    else:
        assert_clean_error(out, f, "too")


def test_bad_input_page_without_headline(tmp_path: Path) -> None:
    body = ("越南外交部长裴青山5月6日在河内会见了泰国外交部长敦·巴穆威，双方就两国关系交换意见，"
            "并同意加强在各领域的合作。\n")
    f = tmp_path / "nohead.txt"
    f.write_text(body, encoding="utf-8")
    out = run(str(f), "--published", "2021-05-07")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)["documents"][0]
    assert doc["title"].startswith("越南外交部长裴青山") and len(doc["title"]) < len(body)
    assert any(e["type"] == "meet" for e in doc["events"])


def test_bad_input_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = run(str(bad), str(good), "--format", "jsonl")
    assert out.returncode == 1
    assert len([ln for ln in out.stdout.splitlines() if ln.strip()]) == 1
    assert "bad.txt" in out.stderr and "Traceback" not in out.stderr
