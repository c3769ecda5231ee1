"""decode_bytes: BOMs, UTF-8, UTF-16 without BOM, GBK/GB18030/Big5, empty and binary input."""

from __future__ import annotations

import codecs
import io
import random
import zipfile

import pytest

from waishi.errors import BinaryInputError, DecodeError, EmptyInputError, InputError
from waishi.read.decode import decode_bytes, normalize_newlines, os_error

# Self-written sentences in the register of Vietnamese state media.
SIMPLIFIED = [
    "越南政府总理会见老挝外长。",
    "越通社河内——5月22日上午,越南国家主席在河内主席府会见了正在越南进行正式访问的柬埔寨首相。",
    "双方一致同意继续深化两国全面战略合作伙伴关系,推动贸易、投资、教育和旅游等领域合作取得新进展,力争双边贸易额达到20亿美元。",
    "越南外交部副部长与日本驻越大使举行工作会谈,讨论筹备两国领导人互访事宜。",
]
TRADITIONAL = [
    "越南國家主席會見寮國總理。",
    "越通社河內——越南政府副總理兼外長在河內會見了新加坡外長,雙方同意加強經貿合作。",
    "兩國領導人一致認為,越中全面戰略合作夥伴關係保持良好發展勢頭,各領域合作取得積極成果。",
]
# GB18030 beyond GBK: VNA pages glue the Vietnamese word "ảnh" before captions.
GB18030_ONLY = "越南政府总理会见老挝外长 ảnh 1越南政府总理与老挝外长合影。图自越通社"

GB_NAMES = {"gb18030"}
BIG5_NAMES = {"big5", "big5hkscs", "cp950"}


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n",
                                  "  \n ".encode("utf-16"), "\u3000\n".encode("utf-8")])
def test_decode_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty file"):
        decode_bytes(data, "empty.txt")


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "越南政府总理会见老挝外长。" * 20)
    return buf.getvalue()


_RNG = random.Random(20240522)
BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa",
    "random_with_nuls": bytes(_RNG.randrange(256) for _ in range(4096)) + b"\x00\x00",
    "random_no_nuls": bytes(_RNG.randrange(1, 256) for _ in range(4096)),
    "zip": _zip_bytes(),
    "controls": b"\x01\x02\x03\x04\x05\x06abc" * 50,
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_decode_binary_input(name: str) -> None:
    with pytest.raises(BinaryInputError, match="binary data, not text"):
        decode_bytes(BINARY[name], f"{name}.bin")


def test_decode_undecodable_bytes() -> None:
    # High bytes only: invalid UTF-8, GB18030 and Big5, implausible as anything else.
    with pytest.raises(DecodeError, match="cannot decode"):
        decode_bytes(bytes(range(0x80, 0x100)) * 8, "odd.txt")


def test_decode_errors_are_input_errors() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"", "x.txt")
    assert info.value.path == "x.txt"
    assert info.value.reason == "empty file"


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL + [GB18030_ONLY])
def test_decode_utf8(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "a.txt") == (text, "utf-8")


@pytest.mark.parametrize("text", SIMPLIFIED)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_decode_gb_family(text: str, encoding: str) -> None:
    got, name = decode_bytes(text.encode(encoding), "a.txt")
    assert got == text
    assert name in GB_NAMES


def test_decode_gb18030_four_byte_sequences() -> None:
    data = GB18030_ONLY.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")  # really needs GB18030
    assert decode_bytes(data, "a.txt") == (GB18030_ONLY, "gb18030")


@pytest.mark.parametrize("text", TRADITIONAL)
def test_decode_big5(text: str) -> None:
    got, name = decode_bytes(text.encode("big5"), "a.txt")
    assert got == text
    assert name in BIG5_NAMES


@pytest.mark.parametrize("text", TRADITIONAL)
def test_decode_traditional_in_gb18030(text: str) -> None:
    got, name = decode_bytes(text.encode("gb18030"), "a.txt")
    assert (got, name) == (text, "gb18030")


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "a.txt") == (text, encoding)


@pytest.mark.parametrize("text", SIMPLIFIED)
@pytest.mark.parametrize(("bom", "encoding"), [(codecs.BOM_UTF16_LE, "utf-16-le"),
                                               (codecs.BOM_UTF16_BE, "utf-16-be"),
                                               (codecs.BOM_UTF32_LE, "utf-32-le"),
                                               (codecs.BOM_UTF32_BE, "utf-32-be"),
                                               (codecs.BOM_UTF8, "utf-8")])
def test_decode_with_bom(text: str, bom: bytes, encoding: str) -> None:
    got, name = decode_bytes(bom + text.encode(encoding), "a.txt")
    assert got == text  # the BOM character is gone
    assert name == ("utf-8-sig" if encoding == "utf-8" else encoding)


def test_decode_utf16_starting_with_yi() -> None:
    # 一 is 00 4E in UTF-16-LE: a NUL on the "big-endian" parity.
    text = "一带一路合作论坛开幕,越南一行人出席。一月一日"
    assert decode_bytes(text.encode("utf-16-le"), "a.txt") == (text, "utf-16-le")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5", "utf-16-le", "utf-16"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_decode_normalises_newlines(encoding: str, newline: str) -> None:
    lines = ["越南國家主席會見寮國總理", "", "雙方同意加強合作。"]
    got, _ = decode_bytes(newline.join(lines).encode(encoding), "a.txt")
    assert got == "\n".join(lines)
    assert "\r" not in got


def test_decode_offsets_point_into_normalised_text() -> None:
    text = "越南政府总理会见老挝外长\r\n\r\n越通社河内——双方同意加强合作。"
    got, _ = decode_bytes(text.encode("utf-8"), "a.txt")
    assert got.index("越通社") == text.replace("\r\n", "\n").index("越通社") == 14


def test_decode_large_single_line_utf8() -> None:
    line = "越南政府总理会见老挝外长,双方同意加强合作。" * (10 * 1024 * 1024 // 66)
    data = line.encode("utf-8")
    assert len(data) >= 9_500_000
    got, name = decode_bytes(data, "big.txt")
    assert name == "utf-8"
    assert len(got) == len(line)


def test_decode_large_gbk_file() -> None:
    line = "越南政府总理会见老挝外长,双方同意加强合作。\r\n" * 50_000
    got, name = decode_bytes(line.encode("gbk"), "big.txt")
    assert name == "gb18030"
    assert got == line.replace("\r\n", "\n")


@pytest.mark.parametrize(("declared", "encoding"), [("gb2312", "gbk"), ("GBK", "gbk"), ("big5", "big5")])
def test_decode_declared_charset(declared: str, encoding: str) -> None:
    text = TRADITIONAL[1] if encoding == "big5" else SIMPLIFIED[1]
    got, _ = decode_bytes(text.encode(encoding), "a.html", declared=declared)
    assert got == text


def test_decode_wrong_declared_charset_loses_to_utf8() -> None:
    text = SIMPLIFIED[2]
    assert decode_bytes(text.encode("utf-8"), "a.html", declared="gbk") == (text, "utf-8")


def test_decode_western_cp1252() -> None:
    text = "Le Premier ministre vietnamien a reçu le ministre laotien à Hanoï."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == (text, "cp1252")


@pytest.mark.parametrize(("raw", "expected"), [
    ("a\r\nb", "a\nb"), ("a\rb\r", "a\nb\n"), ("\ufeff越南", "越南"), ("a\n\nb", "a\n\nb"),
])
def test_decode_normalize_newlines(raw: str, expected: str) -> None:
    assert normalize_newlines(raw) == expected


@pytest.mark.parametrize(("exc", "reason"), [
    (FileNotFoundError(2, "No such file or directory"), "no such file"),
    (IsADirectoryError(21, "Is a directory"), "is a directory"),
    (PermissionError(13, "Permission denied"), "permission denied"),
])
def test_decode_os_error_reasons(exc: OSError, reason: str) -> None:
    err = os_error("x.txt", exc)
    assert isinstance(err, InputError)
    assert (err.path, err.reason) == ("x.txt", reason)
