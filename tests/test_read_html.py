"""read_html: headline first, metadata, fallback tag stripping, empty pages, no network."""

from __future__ import annotations

import socket

import pytest

from waishi.errors import EmptyInputError
from waishi.read.html import iso_day, looks_like_html, read_html

HEADLINE = "越南国会主席会见柬埔寨参议院主席"
PARAGRAPHS = [
    "越通社河内——9月5日下午,越南国会主席在河内会见柬埔寨参议院主席。双方同意进一步加强两国立法机构之间的合作。",
    "柬埔寨参议院主席表示,柬方愿同越方分享立法经验,推动两国关系不断向前发展。",
    "两国领导人还就共同关心的地区和国际问题交换意见。",
]


def page_html(*, h1: bool = True, meta: bool = True, charset: str = "utf-8", site_suffix: bool = True) -> str:
    title = f"{HEADLINE} | 越通社" if site_suffix else HEADLINE
    head = [f'<meta charset="{charset}">', f"<title>{title}</title>"]
    if meta:
        head += [
            f'<meta property="og:title" content="{HEADLINE}">',
            '<meta property="article:published_time" content="2023-09-05T16:30:00+07:00">',
            '<link rel="canonical" href="https://zh.example.vn/guonei-zhuxi-huijian.vnp">',
        ]
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head>" + "".join(head) + "</head><body>"
        '<header><a href="/">首页</a> <a href="/zhengzhi">政治</a></header>'
        f'<div class="main"><article>{"<h1>" + HEADLINE + "</h1>" if h1 else ""}{body}</article></div>'
        "<footer>版权所有</footer></body></html>"
    )


def test_read_html_title_date_and_paragraphs() -> None:
    page = read_html(page_html(), "a.html")
    lines = page.text.split("\n")
    assert lines[0] == HEADLINE
    for p in PARAGRAPHS:
        assert p in lines  # each paragraph on a line of its own
    assert page.title == HEADLINE
    assert page.published == "2023-09-05"
    assert page.url == "https://zh.example.vn/guonei-zhuxi-huijian.vnp"
    assert page.source == "a.html"
    assert "首页" not in page.text  # navigation is boilerplate


@pytest.mark.parametrize("site_suffix", [True, False])
def test_read_html_headline_prepended_when_missing(site_suffix: bool) -> None:
    page = read_html(page_html(h1=False, meta=False, site_suffix=site_suffix), "a.html")
    assert page.text.split("\n")[0] == HEADLINE
    assert page.text.count(HEADLINE) == 1
    assert PARAGRAPHS[0] in page.text


def test_read_html_headline_not_duplicated() -> None:
    page = read_html(page_html(h1=True), "a.html")
    assert page.text.count(HEADLINE) == 1


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8"])
def test_read_html_bytes_with_meta_charset(encoding: str) -> None:
    data = page_html(charset=encoding).encode(encoding)
    page = read_html(data, "a.html")
    assert page.text.split("\n")[0] == HEADLINE
    assert PARAGRAPHS[1] in page.text
    assert page.encoding in ({"utf-8"} if encoding == "utf-8" else {"gb18030"})


def test_read_html_big5_bytes() -> None:
    html = ("<html><head><meta charset='big5'><title>越南國家主席會見寮國總理</title></head><body><article>"
            "<p>越通社河內——越南國家主席在河內會見寮國總理,雙方同意加強兩國特殊團結關係。</p></article></body></html>")
    page = read_html(html.encode("big5"), "a.html")
    assert page.text.startswith("越南國家主席會見寮國總理\n")
    assert "雙方同意加強" in page.text


@pytest.mark.parametrize("html", [
    "<p>越南政府总理会见老挝外长。</p>",
    "<html><body>越南政府总理会见老挝外长。</body></html>",
    "<html><body><div>越南政府总理会见老挝外长。</div></body></html>",
])
def test_read_html_tiny_page_still_yields_text(html: str) -> None:
    page = read_html(html, "tiny.html")
    assert page.text.strip() == "越南政府总理会见老挝外长。"


@pytest.mark.parametrize("html", [
    "",
    "   \n",
    "<html><body></body></html>",
    "<html><head><style>p { color: red }</style></head><body>  </body></html>",
    "<html><body><script>var a = '越南';</script><noscript></noscript></body></html>",
    b"",
])
def test_read_html_nothing(html: str | bytes) -> None:
    with pytest.raises(EmptyInputError):
        read_html(html, "empty.html")


def test_read_html_no_text_reason() -> None:
    with pytest.raises(EmptyInputError, match="no text in HTML"):
        read_html("<html><body><script>x()</script></body></html>", "e.html")


def test_read_html_url_argument_wins_over_canonical() -> None:
    page = read_html(page_html(), "a.html", url="https://zh.example.vn/fetched.vnp")
    assert page.url == "https://zh.example.vn/fetched.vnp"


@pytest.mark.parametrize(("fallback", "expected"), [("2024-05-22T08:00:00Z", "2024-05-22"), (None, None),
                                                    ("not a date", None)])
def test_read_html_published_fallback(fallback: str | None, expected: str | None) -> None:
    page = read_html(page_html(meta=False), "a.html", published=fallback)
    assert page.published == expected


def test_read_html_page_date_beats_fallback() -> None:
    page = read_html(page_html(), "a.html", published="2024-05-22")
    assert page.published == "2023-09-05"


def test_read_html_crlf_normalised() -> None:
    page = read_html(page_html().replace("<p>", "\r\n<p>").encode("utf-8"), "a.html")
    assert "\r" not in page.text


def test_read_html_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = read_html(page_html(), "a.html", url="https://zh.example.vn/a.vnp")
    assert page.text.startswith(HEADLINE)


@pytest.mark.parametrize(("text", "expected"), [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("\ufeff  <html lang='zh'>", True),
    ("<body><p>越南</p></body>", True),
    ("越南政府总理会见老挝外长。<html>", False),
    ("<p>越南</p>", False),
    ("", False),
])
def test_read_html_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-09-05", "2023-09-05"), ("2023-09-05T16:30:00+07:00", "2023-09-05"), ("2023-02-30", None),
    ("2023-W01-1", None), ("20230905", None), ("", None), (None, None),
])
def test_read_html_iso_day(value: str | None, expected: str | None) -> None:
    assert iso_day(value) == expected
