"""to_simplified keeps length and offsets; looks_traditional tells which pages need it."""

from __future__ import annotations

import pytest

from waishi.text import normalize
from waishi.text.normalize import looks_traditional, to_simplified

PAIRS = [
    ("越南國家主席會見寮國總理。", "越南国家主席会见寮国总理。"),
    ("越通社峴港——越南政府副總理兼外長在峴港會見了新加坡外長。", "越通社岘港——越南政府副总理兼外长在岘港会见了新加坡外长。"),
    ("兩國貿易額達到150億美元,同比增長12%。", "两国贸易额达到150亿美元,同比增长12%。"),
    ("雙方同意加強全面戰略夥伴關係。\n\n會談後,兩國領導人見證簽署合作文件。",
     "双方同意加强全面战略伙伴关系。\n\n会谈后,两国领导人见证签署合作文件。"),
]
SIMPLIFIED = [
    "越南政府总理会见老挝外长。",
    "越通社河内——5月22日上午,越南国家主席在河内会见柬埔寨首相。",
    "双方一致同意继续深化两国全面战略合作伙伴关系,推动经贸合作取得新进展。",
]


@pytest.mark.parametrize(("traditional", "simplified"), PAIRS)
def test_normalize_to_simplified(traditional: str, simplified: str) -> None:
    out = to_simplified(traditional)
    assert out == simplified
    assert len(out) == len(traditional)


@pytest.mark.parametrize("text", SIMPLIFIED + ["", "abc 123\n", "\n\n"])
def test_normalize_simplified_text_unchanged(text: str) -> None:
    assert to_simplified(text) == text


@pytest.mark.parametrize(("traditional", "word"), [
    ("越南國家主席會見寮國總理。", "總理"),
    ("越通社河內——越南政府副總理兼外長在河內會見了新加坡外長。", "新加坡外長"),
    ("雙方同意加強全面戰略夥伴關係。\n\n會談後,兩國領導人見證簽署合作文件。", "簽署"),
])
def test_normalize_offsets_hold(traditional: str, word: str) -> None:
    out = to_simplified(traditional)
    start = traditional.index(word)
    assert out.index(to_simplified(word)) == start
    assert out[start : start + len(word)] == to_simplified(word)


def test_normalize_long_text_keeps_length() -> None:
    text = "\n".join(t for t, _ in PAIRS) * 2000
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")


class _StretchingConverter:
    """Stands in for an OpenCC phrase rule that changes length (寮國 -> 老挝国)."""

    def convert(self, text: str) -> str:
        table = str.maketrans({"國": "国", "會": "会", "見": "见", "總": "总"})
        return text.replace("寮國", "老挝国").translate(table)


def test_normalize_length_change_falls_back_per_character(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "_t2s", _StretchingConverter)
    text = "越南國家主席會見寮國總理。\n總理會見越南國會主席。"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "越南国家主席会见寮国总理。\n总理会见越南国会主席。"
    assert out.index("总理") == text.index("總理")


def test_normalize_converter_built_once() -> None:
    assert normalize._t2s() is normalize._t2s()


@pytest.mark.parametrize("text", [t for t, _ in PAIRS])
def test_normalize_looks_traditional_true(text: str) -> None:
    assert looks_traditional(text)


@pytest.mark.parametrize("text", SIMPLIFIED + [s for _, s in PAIRS] + ["", "VNA Hanoi 2024", "越南"])
def test_normalize_looks_traditional_false(text: str) -> None:
    assert not looks_traditional(text)


def test_normalize_looks_traditional_samples_long_text() -> None:
    simplified = "".join(SIMPLIFIED) * 500
    traditional = "".join(t for t, _ in PAIRS) * 500
    assert not looks_traditional(simplified)
    assert looks_traditional(traditional)
    # A simplified page quoting one traditional name stays simplified.
    assert not looks_traditional(simplified[:3000] + "臺灣" + simplified[3000:])
