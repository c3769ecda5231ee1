"""The document highlighter and the formatting filters, on small self-written documents."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from waishi.store.views import Annotation, DocEvent, DocFact, DocumentView
from waishi.web.render import highlight, human, snippet_html, when


def _doc(text: str, start: int = 100, mentions: list[Annotation] | None = None, events: list[DocEvent] | None = None,
         facts: list[DocFact] | None = None, titled: list[list[int]] | None = None) -> DocumentView:
    return DocumentView(id=1, source_id=1, kind="article", title="t", date=None, year=None, year_evidence=None,
                        url=None, path=None, published=None, start=start, end=start + len(text), text=text,
                        mentions=mentions or [], events=events or [], facts=facts or [], siblings=[],
                        title_sentences=titled or [])


class _Balance(HTMLParser):
    VOID = {"br", "img", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Balance:
    p = _Balance()
    p.feed(html)
    p.close()
    assert not p.stack, p.stack
    return p


def _m(text: str, doc: str, kind: str, base: int = 100, value: object = None, pid: int | None = None) -> Annotation:
    i = doc.index(text)
    return Annotation(kind, text, value, pid, base + i, base + i + len(text))


TEXT = "3月5日，越南政府总理范明政在河内会见老挝总理。两国贸易额达到19亿美元。"


def test_web_render_highlight_nests_and_anchors() -> None:
    s1 = TEXT.index("。") + 1
    ms = [_m("越南政府", TEXT, "org", value="VNM"), _m("越南政府总理", TEXT, "title"),
          _m("范明政", TEXT, "person", pid=7), _m("河内", TEXT, "place", value="VNM"),
          _m("老挝", TEXT, "country", value="LAO"), _m("3月5日", TEXT, "date", value="2024-03-05"),
          _m("19亿美元", TEXT, "money", value=1_900_000_000)]
    ev = DocEvent(3, 9, "meet", "2024-03-05", ["范明政"], ["老挝总理"], "会见", 100, 100 + s1)
    n0 = TEXT.index("19亿美元")
    fact = DocFact(4, "trade_total", 1_900_000_000, "USD", None, 100 + n0, 100 + n0 + 5, 100 + s1, 100 + len(TEXT))
    html = str(highlight(_doc(TEXT, mentions=ms, events=[ev], facts=[fact]), {"LAO": "老挝", "VNM": "越南"}))
    p = _parse(html)
    labels = {"PERSON", "TITLE", "LOC", "GPE", "DATE", "MONEY", "meet", "trade_total"}
    assert "".join(t for t in p.text if t not in labels) == TEXT  # the text, whole and in order
    assert "s-100" in p.ids and f"s-{100 + s1}" in p.ids
    assert 'href="/people/7"' in html and 'href="/countries/LAO"' in html and 'href="/events/3"' in html
    assert html.count("ent-org") == 0  # 越南政府总理 (longer, same start) wins over 越南政府
    assert "ent-figure" not in html  # the money mention already covers the figure


def test_web_render_highlight_escapes_markup() -> None:
    text = "越南<script>alert(1)</script>会见老挝。<img src=x onerror=alert(2)>"
    ms = [_m("越南", text, "country", value="VNM"), _m("老挝", text, "country", value="LAO")]
    ev = DocEvent(1, 1, "meet", None, ["越南<b>"], ["老挝"], None, 100, 100 + text.index("。") + 1)
    html = str(highlight(_doc(text, mentions=ms, events=[ev])))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    _parse(html)


@pytest.mark.parametrize(("spans", "ids"), [
    ([(0, 6), (0, 6)], ["s-100"]),  # two events of one sentence: one anchor, two tags
    ([(0, 6), (3, 9)], ["s-100", "s-103"]),  # overlapping sentences: the second keeps an empty anchor
    ([(0, 6), (6, 12)], ["s-100", "s-106"]),
])
def test_web_render_every_evidence_has_an_anchor(spans: list[tuple[int, int]], ids: list[str]) -> None:
    text = "甲会见乙。丙会见丁。戊会见己。"
    evs = [DocEvent(i + 1, i + 1, "meet", None, [], [], None, 100 + a, 100 + b) for i, (a, b) in enumerate(spans)]
    p = _parse(str(highlight(_doc(text, events=evs))))
    assert sorted(set(p.ids)) == ids and len(p.ids) == len(set(p.ids))


def test_web_render_entities_crossing_sentences_are_dropped() -> None:
    text = "甲会见乙。丙会见丁。"
    ev = DocEvent(1, 1, "meet", None, [], [], None, 100, 105)
    html = str(highlight(_doc(text, mentions=[Annotation("person", "乙。丙", None, None, 103, 106)], events=[ev])))
    assert "ent-person" not in html
    _parse(html)


@pytest.mark.parametrize(("value", "shown"), [
    (1_900_000_000, "1.9 bn"), (51_000_000_000, "51 bn"), (5_500_000, "5.5 m"), (250, "250"), (0.5, "0.5"),
    (None, ""), (123_400_000_000, "123 bn"), (2_000_000_000_000, "2 tn"),
])
def test_web_render_human_numbers(value: float | None, shown: str) -> None:
    assert human(value) == shown


@pytest.mark.parametrize(("date", "end", "shown"), [
    (None, None, "—"), ("2024-03-12", None, "2024-03-12"), ("2024-03-12", "2024-03-14", "2024-03-12 – 03-14"),
    ("2023-12-30", "2024-01-02", "2023-12-30 – 2024-01-02"),
])
def test_web_render_when(date: str | None, end: str | None, shown: str) -> None:
    assert when(date, end) == shown


def test_web_render_snippet_marks_after_escaping() -> None:
    out = str(snippet_html("…<b>越南\x02老挝\x03</b>…", ("\x02", "\x03")))
    assert out == "…&lt;b&gt;越南<mark>老挝</mark>&lt;/b&gt;…"
