"""Containers and paths: JSONL, WARC (plain, gzip, truncated), directories, read_path, stdin bytes."""

from __future__ import annotations

import json
import os
import random
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import waishi.read as read
from waishi.errors import BinaryInputError, EmptyInputError, InputError, UnsupportedFormatError
from waishi.model import Page
from waishi.read import iter_jsonl, iter_pages, iter_warc, read_bytes_as_page, read_path

HEADLINE = "越南政府总理会见老挝外长"
BODY = "越通社河内——5月22日上午,越南政府总理在河内会见了正在越南进行正式访问的老挝外长。双方同意进一步加强两国特殊团结关系。"


def html_doc(headline: str = HEADLINE, body: str = BODY, padding: str = "") -> str:
    return (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f"<p>{body}</p><p>老挝外长表示,老挝愿同越南加强各领域合作。</p></article>"
            f"<!-- {padding} --></body></html>")


def pages(items: list[Page | InputError]) -> list[Page]:
    return [x for x in items if isinstance(x, Page)]


def errors(items: list[Page | InputError]) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


# ---------------------------------------------------------------- JSONL

def write_jsonl(path: Path, lines: list[object]) -> Path:
    out = []
    for line in lines:
        out.append(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_read_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"text": BODY, "title": HEADLINE, "url": "https://zh.example.vn/1.vnp", "published": "2024-05-22"},
        "{not json",
        {"title": HEADLINE},
        "",
        ["text", BODY],
        {"text": 42},
        {"text": "  \n "},
        {"text": f"{HEADLINE}\n\n{BODY}", "title": HEADLINE, "published": "2024-05-22T09:00:00+07:00"},
        {"text": BODY, "published": "May 22"},
    ])
    items = list(iter_jsonl(path))
    assert [type(x).__name__ for x in items] == [
        "Page", "InputError", "InputError", "InputError", "InputError", "InputError", "Page", "Page"]
    first, *_ = pages(items)
    assert first.text == f"{HEADLINE}\n\n{BODY}"
    assert first.source == f"{path}#1"
    assert (first.url, first.published, first.title) == ("https://zh.example.vn/1.vnp", "2024-05-22", HEADLINE)
    assert [(e.path, e.reason) for e in errors(items)] == [
        (f"{path}:2", "invalid JSON: Expecting property name enclosed in double quotes"),
        (f"{path}:3", "missing 'text'"),
        (f"{path}:5", "not a JSON object"),
        (f"{path}:6", "'text' is not a string"),
        (f"{path}:7", "empty text"),
    ]
    second, third = pages(items)[1:]
    assert second.text.count(HEADLINE) == 1  # title already leads the text
    assert (second.source, second.published) == (f"{path}#8", "2024-05-22")
    assert third.published is None  # a bad date costs the date, not the article


def test_read_jsonl_not_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps({"text": BODY}, ensure_ascii=False).encode("gbk") + b"\n"
                     + json.dumps({"text": BODY}, ensure_ascii=False).encode("utf-8") + b"\r\n")
    items = list(iter_jsonl(path))
    assert isinstance(items[0], InputError) and items[0].reason == "not UTF-8"
    assert isinstance(items[1], Page) and items[1].text == BODY


def test_read_jsonl_text_newlines_normalised(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": f"{HEADLINE}\r\n{BODY}"}])
    (page,) = iter_jsonl(path)
    assert isinstance(page, Page) and page.text == f"{HEADLINE}\n{BODY}"


def test_read_jsonl_missing_file(tmp_path: Path) -> None:
    (err,) = iter_jsonl(tmp_path / "nope.jsonl")
    assert isinstance(err, InputError) and err.reason == "no such file"


# ---------------------------------------------------------------- WARC

def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, gz: bool) -> Path:
    """records: (url, "status content-type", body) as HTTP responses; plus one request record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, head, body in records:
            status, _, ctype = head.partition(" ")
            reason = "OK" if status == "200" else "Not Found"
            http = StatusAndHeaders(f"{status} {reason}", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                            warc_headers_dict={"WARC-Date": "2024-05-22T08:00:00Z"})
            writer.write_record(rec)
        req = writer.create_warc_record(records[0][0], "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(req)
    return path


STANDARD = [
    ("https://zh.example.vn/1.vnp", "200 text/html; charset=utf-8", html_doc().encode("utf-8")),
    ("https://zh.example.vn/logo.png", "200 image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("https://zh.example.vn/2.vnp", "404 text/html", html_doc("页面不存在", "页面不存在。").encode("utf-8")),
]


@pytest.mark.parametrize("name", ["a.warc", "a.warc.gz"])
def test_read_warc_html_response_only(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, STANDARD, gz=name.endswith(".gz"))
    items = list(iter_warc(path))
    assert len(items) == 1
    (page,) = items
    assert isinstance(page, Page)
    assert page.text.split("\n")[0] == HEADLINE
    assert BODY in page.text
    assert page.url == "https://zh.example.vn/1.vnp"
    assert page.published == "2024-05-22"  # WARC-Date, the page has no date of its own
    assert page.source.startswith(f"{path}@urn:uuid:")
    assert page.encoding == "utf-8"


def test_read_warc_gbk_record_uses_http_charset(tmp_path: Path) -> None:
    body = html_doc().encode("gbk")
    path = write_warc(tmp_path / "g.warc.gz", [("https://zh.example.vn/g.vnp", "200 text/html; charset=GBK", body)],
                      gz=True)
    (page,) = iter_warc(path)
    assert isinstance(page, Page) and BODY in page.text


def test_read_warc_empty_html_record_is_an_error_and_iteration_goes_on(tmp_path: Path) -> None:
    records = [("https://zh.example.vn/0.vnp", "200 text/html", b"<html><body></body></html>"), STANDARD[0]]
    items = list(iter_warc(write_warc(tmp_path / "e.warc", records, gz=False)))
    assert [type(x) for x in items] == [EmptyInputError, Page]
    assert "@urn:uuid:" in items[0].path


def _many_records(n: int) -> list[tuple[str, str, bytes]]:
    rng = random.Random(7)  # incompressible padding, so the gzip members are big enough to cut
    return [(f"https://zh.example.vn/{i}.vnp", "200 text/html",
             html_doc(f"{HEADLINE}{i}", padding=rng.randbytes(3000).hex()).encode("utf-8")) for i in range(n)]


@pytest.mark.parametrize("name", ["t.warc.gz", "t.warc"])
@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_read_warc_truncated(tmp_path: Path, name: str, keep: float) -> None:
    full = write_warc(tmp_path / ("full_" + name), _many_records(6), gz=name.endswith(".gz"))
    data = full.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: int(len(data) * keep)])
    items = list(iter_warc(cut))  # never raises
    assert isinstance(items[-1], InputError)
    assert items[-1].path == str(cut)
    assert len(errors(items)) == 1
    assert 1 <= len(pages(items)) < 6  # the records before the cut are kept


@pytest.mark.parametrize("data", [b"\x1f\x8b\x08\x00garbage", b"hello, this is not a WARC\n" * 3])
def test_read_warc_corrupt(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    (err,) = iter_warc(path)
    assert isinstance(err, InputError) and "corrupt WARC" in err.reason


def test_read_warc_empty_and_missing(tmp_path: Path) -> None:
    (tmp_path / "e.warc").write_bytes(b"")
    assert [type(x) for x in iter_warc(tmp_path / "e.warc")] == [EmptyInputError]
    (err,) = iter_warc(tmp_path / "nope.warc.gz")
    assert isinstance(err, InputError) and err.reason == "no such file"


# ---------------------------------------------------------------- paths and directories

def test_read_path_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"{HEADLINE}\r\n\r\n{BODY}".encode("gbk"))
    page = read_path(path)
    assert page.text == f"{HEADLINE}\n\n{BODY}"
    assert (page.source, page.encoding, page.url) == (str(path), "gb18030", None)


def test_read_path_html_file(tmp_path: Path) -> None:
    path = tmp_path / "a.HTM"
    path.write_text(html_doc(), encoding="utf-8")
    assert read_path(path).text.startswith(HEADLINE + "\n")


@pytest.mark.parametrize(("name", "data", "first_line"), [
    ("page.dat", f"{HEADLINE}\n{BODY}".encode("utf-16"), HEADLINE),
    ("page", html_doc().encode("utf-8"), HEADLINE),
    ("page.xyz", b"  " + html_doc().encode("gb18030"), HEADLINE),
])
def test_read_path_sniffs_unknown_suffix(tmp_path: Path, name: str, data: bytes, first_line: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    page = read_path(path)
    assert page.text.split("\n")[0] == first_line
    assert "<" not in page.text


def test_read_path_binary_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
    with pytest.raises(BinaryInputError):
        read_path(path)


@pytest.mark.parametrize(("make", "error", "reason"), [
    ("missing", InputError, "no such file"),
    ("directory", InputError, "is a directory"),
    ("jsonl", UnsupportedFormatError, "jsonl holds many pages; use iter_pages"),
    ("empty", EmptyInputError, "empty file"),
])
def test_read_path_errors(tmp_path: Path, make: str, error: type[InputError], reason: str) -> None:
    path = tmp_path / {"missing": "nope.txt", "directory": "d", "jsonl": "a.jsonl", "empty": "e.txt"}[make]
    if make == "directory":
        path.mkdir()
    elif make != "missing":
        path.write_bytes(b"")
    with pytest.raises(error) as info:
        read_path(path)
    assert (info.value.path, info.value.reason) == (str(path), reason)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_read_path_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_path(path)
        (err,) = iter_pages(path)
        assert isinstance(err, InputError)
    finally:
        path.chmod(0o600)


def test_read_iter_pages_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "b_sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(f"{HEADLINE}\n{BODY}", encoding="utf-8")
    (tmp_path / "c.html").write_text(html_doc("越南国家主席会见柬埔寨首相"), encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "z_empty.txt").write_bytes(b"")
    write_jsonl(tmp_path / "b_sub" / "d.jsonl", [{"text": BODY, "title": "第一篇"}, "oops", {"text": BODY}])
    write_warc(tmp_path / "b_sub" / "e.warc.gz", STANDARD, gz=True)

    items = list(iter_pages(tmp_path))
    sources = [x.source if isinstance(x, Page) else x.path for x in items]
    assert sources[0] == str(tmp_path / "a.txt")
    assert sources[1:4] == [f"{tmp_path / 'b_sub' / 'd.jsonl'}#1", f"{tmp_path / 'b_sub' / 'd.jsonl'}:2",
                            f"{tmp_path / 'b_sub' / 'd.jsonl'}#3"]
    assert sources[4].startswith(f"{tmp_path / 'b_sub' / 'e.warc.gz'}@")
    assert sources[5:] == [str(tmp_path / "c.html"), str(tmp_path / "z_empty.txt")]
    assert [type(x) for x in items] == [Page, Page, InputError, Page, Page, Page, EmptyInputError]
    assert not any(".hidden" in s or ".secret" in s or "notes" in s for s in sources)


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz", "nothing"])
def test_read_iter_pages_missing(tmp_path: Path, name: str) -> None:
    (err,) = iter_pages(tmp_path / name)
    assert isinstance(err, InputError) and err.reason == "no such file"


def test_read_iter_pages_single_file_kinds(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [{"text": BODY}, {"text": BODY}])
    assert len(pages(list(iter_pages(tmp_path / "a.jsonl")))) == 2
    write_warc(tmp_path / "a.warc", STANDARD, gz=False)
    assert len(pages(list(iter_pages(str(tmp_path / "a.warc"))))) == 1
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (err,) = iter_pages(tmp_path / "bad.txt")
    assert isinstance(err, BinaryInputError)


@pytest.mark.parametrize(("data", "is_html"), [
    (f"{HEADLINE}\n{BODY}".encode(), False),
    (f"{HEADLINE}\r\n{BODY}".encode("gbk"), False),
    (html_doc().encode("utf-8"), True),
    (html_doc().encode("utf-16"), True),
])
def test_read_bytes_as_page(data: bytes, is_html: bool) -> None:
    page = read_bytes_as_page(data)
    assert page.source == "<stdin>"
    assert page.text.split("\n")[0] == HEADLINE
    assert BODY in page.text
    assert (page.title is not None) is is_html
    assert page.encoding is not None


def test_read_bytes_as_page_empty() -> None:
    with pytest.raises(EmptyInputError):
        read_bytes_as_page(b"  \n", "<stdin>")


def test_read_public_surface() -> None:
    assert sorted(read.__all__) == sorted([
        "HTML_SUFFIXES", "JSONL_SUFFIXES", "MAX_FILE_BYTES", "TEXT_SUFFIXES", "WARC_SUFFIXES", "decode_bytes",
        "iter_jsonl", "iter_pages", "iter_warc", "open_regular", "page_from_text", "read_bytes_as_page",
        "read_capped", "read_html", "read_path",
    ])
    for name in read.__all__:
        assert hasattr(read, name)
