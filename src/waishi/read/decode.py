"""Bytes -> text: byte-order marks, UTF-8, UTF-16 without BOM, legacy Chinese encodings.

The decoded text is the one every offset downstream points into, so newline
normalisation (``\\r\\n`` and ``\\r`` -> ``\\n``) and BOM removal happen here, once.

Order of evidence: a BOM; strict UTF-8 (a UTF-8-valid file is almost never
anything else); UTF-16 recognised by NUL bytes on one parity; then a guess over a
bounded sample. charset-normalizer proposes candidates, but on short Chinese
samples (20-40 characters) it mistakes GBK for EUC-KR or UTF-16-BE, and GBK and
Big5 byte pairs decode validly as each other. So each candidate's decoding of the
sample is scored by how much of it is *common* Chinese (the most frequent
characters), ASCII and punctuation; misdecodings land on rare characters, kana or
private-use code points and score low.
"""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache

from ..errors import BinaryInputError, DecodeError, EmptyInputError, InputError

__all__ = ["decode_bytes", "normalize_newlines", "normalize_text", "os_error"]

LOGGER = logging.getLogger(__name__)

# Bytes handed to charset-normalizer and to the scorer when UTF-8 fails; enough
# for a page's worth of Chinese, bounded so a 10 MB file is not scanned whole.
SAMPLE_BYTES = 32 * 1024
# Minimum plausibility score (see _score) of a guessed decoding.
MIN_SCORE = 0.6
# Single-byte codecs among the candidates, and the share of ASCII they need.
_SINGLE_BYTE = frozenset({"cp1252"})
MIN_ASCII_SINGLE_BYTE = 0.8
# Share of control characters above which decoded "text" is taken for binary data.
MAX_CONTROL_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE's BOM starts with UTF-16 LE's, so it is checked first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Candidates for the guess, in preference order when scores tie. GB18030 decodes
# GB2312 and GBK too; big5hkscs rescues Big5 files using HKSCS extensions.
_CANDIDATES = ("gb18030", "big5", "big5hkscs", "utf-16-le", "utf-16-be", "shift_jis", "cp1252")
# charset-normalizer's names for the same codecs (it reports "big5", "utf_16_le" ...).
_CN_ISOLATION = ["gb18030", "big5", "utf_16_le", "utf_16_be", "shift_jis", "cp1252"]

# Declared charsets (HTML meta, HTTP headers) mapped to the codec that decodes them
# best: GB2312/GBK pages routinely use GBK-only characters.
_DECLARED_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cp950": "cp950",
}

# The 1,000 most frequent Chinese characters (character totals over jieba's
# word-frequency dictionary, MIT) and the Traditional forms OpenCC gives for them.
# They cover ~90% of the characters of the dev pages; a GBK page misread as Big5
# (or the reverse) hits them at a fraction of that rate.
_COMMON_SIMPLIFIED = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可"
    "过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所"
    "如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城"
    "十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知"
    "级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领"
    "队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
    "京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边"
    "据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃"
    "观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编"
    "越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营"
    "足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航"
    "陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印"
    "亿沙母酒助闻超审待压升送监策略限竟香配藏敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船"
    "惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶"
    "简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某顾曲楚典朱毒菜判救宋"
    "茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂"
    "姓泽吸侧庆妈遇追甲馆补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟"
)
_COMMON_TRADITIONAL = (
    "並亂亞佔來個們側備傳傷僅價億優兒內兩別則剛創劇劉劍動務勝勞勢區協卻參吳員問喫單嗎嚴國圍園圖團執堅報場"
    "塊壓夠婦媽孫學宮實寧審寫寶將專對導屆層屬島師帶幫幹幾廠廣張強彈後從復徵惡愛態慶應懷戰戶採換揮擊擔據擴"
    "敗敵數斷於時書會東條楊業極構槍樂樓標樣樹橋機檢權歐歡歲歷歸殺氣決沒況減測準溫滿漢漸澤濟灣無熱營爭爲爺"
    "爾牆狀獨獲獻現環產畢畫異當發盡監盤確礎礦祕禮種稱積穩筆節範築簡紀約紅納級細終組結絕給統經維網緊線編練"
    "緻縣總織繼續羅羣義習聞聯聲職聽腦腳臉臨臺與興舉舊荊華萬葉藝藥蘇蘭處號衆術衛衝裏補裝見規視親覺觀計訓記"
    "設許訴評詞試詩話該認語說誰調談請論講證識議護讀變讓豐負財貨責貴買費資賣質賽趕車軍軟較載輕輪輯輸轄轉辦"
    "農這連進遊運過達遠適選遺還邊鄉醫銀銷錄錢錯鍾鎮鐵長門開間關陣陳陸陽隊階際隨險雖雙雜離難雲電靈靜響頂項"
    "順須預頓領頭題額願類顧顯風飛飯養餘館馬驗驚體鬥魚鮮麼黃點黨齊龍"
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ASCII_TEXT = re.compile(r"[\t\n\r\x20-\x7e]")
# Fullwidth forms only up to U+FF60: U+FF61-FF9F are halfwidth katakana, which is
# what Big5 and GBK lead bytes become when misread as Shift-JIS.
_PUNCT = re.compile(r"[\u00a0\u00b7\u2000-\u206f\u3000-\u303f\uff01-\uff60\uffe0-\uffef]")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff\uff61-\uff9f]")
_LATIN = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_BAD = re.compile(r"[\ufffd\ue000-\uf8ff\x80-\x9f]")


@lru_cache(maxsize=1)
def _common_hanzi() -> re.Pattern[str]:
    return re.compile("[" + _COMMON_SIMPLIFIED + _COMMON_TRADITIONAL + "]")


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM character is dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


# A pinyin reading glossed in brackets after a character, as some sites print ruby text inline
# (國(guó)務(wù)院總理): at least one tone-marked vowel, so (APEC) or (AFP) stay.
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def normalize_text(text: str) -> str:
    """A page's text as read: newlines normalised, the BOM dropped, and inline pinyin glosses
    removed when the page prints them throughout (three or more), so its words are whole again."""
    text = normalize_newlines(text)
    if "(" in text and len(_RUBY.findall(text, 0, 4000)) >= 3:
        text = _RUBY.sub("", text)
    return text


def os_error(path: str, e: OSError) -> InputError:
    """An OSError from opening or reading ``path`` as an InputError with a short reason."""
    if isinstance(e, FileNotFoundError):
        return InputError(path, "no such file")
    if isinstance(e, IsADirectoryError):
        return InputError(path, "is a directory")
    if isinstance(e, PermissionError):
        return InputError(path, "permission denied")
    return InputError(path, (e.strerror or str(e)).lower())


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; newlines normalised, BOM stripped.

    ``declared`` is a charset the container names (HTML meta, HTTP header); it is
    tried after BOM and UTF-8, because a declaration is wrong more often than a
    file that validates as UTF-8 is.

    Raises EmptyInputError (nothing but whitespace), BinaryInputError (NUL bytes
    not explained by UTF-16, or many control characters) and DecodeError.
    """
    if not data.strip():
        raise EmptyInputError(source, "empty file")
    text, encoding = _decode(data, source, declared)
    text = normalize_text(text)
    if not text.strip():
        raise EmptyInputError(source, "empty file")
    return text, encoding


def _decode(data: bytes, source: str, declared: str | None) -> tuple[str, str]:
    """A byte-order mark, then NULs (UTF-16 or binary), UTF-8, lines in mixed encodings, the
    declared charset, and last a guess among the legacy codecs."""
    got = _by_bom(data, source)
    if got is not None:
        return got
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in data:
        # NULs: UTF-16 without BOM, or binary.
        best = _best_decoding(sample, _utf16_by_nuls(sample), truncated=len(data) > len(sample))
        if best is not None and best[0] >= MIN_SCORE:
            try:
                return data.decode(best[1]), best[1]
            except UnicodeDecodeError:
                pass
        raise BinaryInputError(source, "binary data, not text")
    got, data = _as_utf8(data, source)
    if got is not None:
        return got
    mixed = _mixed_lines(data)
    if mixed is not None:
        LOGGER.debug("%s: lines in %s", source, mixed[1])
        return mixed
    got = _by_declared(data, source, declared)
    if got is not None:
        return got
    return _guess(data, sample, source)


def _by_bom(data: bytes, source: str) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), _bom_name(encoding)
            except UnicodeDecodeError:
                LOGGER.debug("%s: byte-order mark for %s but invalid data; guessing", source, encoding)
                return None
    return None


def _as_utf8(data: bytes, source: str) -> tuple[tuple[str, str] | None, bytes]:
    """The text when the data is UTF-8 (a last character cut short is dropped), and the data to
    guess from otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.end == len(data) and e.start > 0:
            # a UTF-8 file cut inside its last character (a truncated download): keep the
            # page without that character rather than guess a legacy codec for all of it
            LOGGER.warning("%s: last character cut short; dropped", source)
            data = data[: e.start]
            text = data.decode("utf-8", errors="replace")
            if not _mostly_control(text[:SAMPLE_BYTES]) and "\ufffd" not in text:
                return (text, "utf-8"), data
        return None, data
    if _mostly_control(text[:SAMPLE_BYTES]):
        raise BinaryInputError(source, "binary data, not text")
    return (text, "utf-8"), data


def _by_declared(data: bytes, source: str, declared: str | None) -> tuple[str, str] | None:
    codec = _declared_codec(declared) if declared else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        LOGGER.debug("%s: declared charset %s does not decode; guessing", source, declared)
        return None
    return (text, codec) if _score(text[:SAMPLE_BYTES]) >= MIN_SCORE else None


# Legacy codecs a line that is not UTF-8 may be in, when other lines are UTF-8.
_LINE_CODECS = ("gb18030", "big5hkscs")


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """A file whose lines are in different encodings (a UTF-8 page with lines pasted from
    a GBK one): each line decoded on its own, UTF-8 or the best-scoring legacy codec.

    None unless at least one line reads best as UTF-8 and one as a legacy codec. A
    short GBK line can be valid UTF-8 by chance (谢 is D0 BB, Cyrillic л in UTF-8), so
    a valid UTF-8 line still competes on score with its legacy decoding.
    """
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        return None
    out: list[str] = []
    used: set[str] = set()
    for line in lines:
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        best = _best_decoding(line, list(_LINE_CODECS), truncated=False)
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if best is None or _score(text) >= best[0]:
                best = (1.0, "utf-8", text)
        if best is None:  # neither: keep the line, marking the bad bytes
            best = (0.0, _LINE_CODECS[0], line.decode(_LINE_CODECS[0], errors="replace"))
        used.add(best[1])
        out.append(best[2])
    if "utf-8" not in used or len(used) < 2:
        return None
    return "".join(out), "+".join(["utf-8", *sorted(used - {"utf-8"})])


def _bom_name(encoding: str) -> str:
    return "utf-8-sig" if encoding == "utf-8" else encoding


def _declared_codec(declared: str) -> str | None:
    name = declared.strip().strip("\"'").lower()
    if name in _DECLARED_ALIASES:
        return _DECLARED_ALIASES[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_by_nuls(sample: bytes) -> list[str]:
    """UTF-16 byte orders worth trying for a sample with NUL bytes, likelier first.

    ASCII characters in UTF-16 put their NUL on one parity (odd offsets for
    little-endian, even for big-endian); binary data spreads NULs over both. Not
    all of them: 一 (U+4E00) is ``00 4E`` in UTF-16-LE, so a Chinese page has a few
    NULs on the other side too; the score of the decoding settles it.
    """
    if len(sample) % 2:
        sample = sample[:-1]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    return ["utf-16-be", "utf-16-le"] if even > odd else ["utf-16-le", "utf-16-be"]


def _mostly_control(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text)


def _score(text: str) -> float:
    """Plausibility of a decoded sample as (mostly Chinese) text, at most 1.0.

    ASCII, punctuation and common hanzi count fully; rare hanzi, kana and Latin
    letters with diacritics partly (they are what misdecodings produce); control,
    private-use and replacement characters count against.
    """
    n = len(text)
    if n == 0:
        return 0.0
    hanzi = len(_HANZI.findall(text))
    common = len(_common_hanzi().findall(text))
    good = (
        len(_ASCII_TEXT.findall(text))
        + len(_PUNCT.findall(text))
        + common
        + 0.25 * (hanzi - common)
        + 0.25 * len(_KANA.findall(text))
        + 0.5 * len(_LATIN.findall(text))
        - len(_BAD.findall(text))
        - len(_CONTROL.findall(text))
    )
    return good / n


def _decode_sample(sample: bytes, encoding: str, truncated: bool) -> str | None:
    """Strict decoding of the sample; a multi-byte character cut at its end is dropped."""
    if encoding.startswith("utf-16") and len(sample) % 2:
        sample = sample[:-1]
    cuts = range(4) if truncated else range(1)
    for cut in cuts:
        try:
            return sample[: len(sample) - cut].decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _charset_normalizer_order(sample: bytes) -> list[str]:
    """charset-normalizer's ranking of the candidate codecs for ``sample``."""
    from charset_normalizer import from_bytes

    try:
        matches = from_bytes(sample, cp_isolation=_CN_ISOLATION)
    except Exception as e:  # pragma: no cover - defensive: a guesser bug must not sink a batch
        LOGGER.debug("charset-normalizer failed: %s", e)
        return []
    return [codecs.lookup(m.encoding).name for m in matches]


def _best_decoding(sample: bytes, codecs_: list[str], truncated: bool) -> tuple[float, str, str] | None:
    """(score, codec, decoded sample) of the best-scoring codec; earlier wins ties."""
    best: tuple[float, str, str] | None = None
    for codec in codecs_:
        decoded = _decode_sample(sample, codec, truncated)
        if decoded is None:
            continue
        s = _score(decoded)
        if codec in _SINGLE_BYTE and len(_ASCII_TEXT.findall(decoded)) < MIN_ASCII_SINGLE_BYTE * len(decoded):
            # Any byte string "decodes" as cp1252; accept it only for mostly-ASCII
            # Western text, never for CJK bytes it turns into accented letters.
            continue
        LOGGER.debug("%s scores %.2f", codec, s)
        if best is None or s > best[0]:
            best = (s, codec, decoded)
    return best


def _guess(data: bytes, sample: bytes, source: str) -> tuple[str, str]:
    truncated = len(data) > len(sample)
    order: list[str] = []
    for name in _charset_normalizer_order(sample) + [codecs.lookup(c).name for c in _CANDIDATES]:
        if name not in order:
            order.append(name)

    best = _best_decoding(sample, order, truncated)
    if best is None or best[0] < MIN_SCORE:
        if _mostly_control(sample.decode("latin-1")):
            raise BinaryInputError(source, "binary data, not text")
        raise DecodeError(source, "cannot decode: not UTF-8, GBK, Big5 or UTF-16")

    _, codec, decoded = best
    if _mostly_control(decoded):
        raise BinaryInputError(source, "binary data, not text")
    if not truncated:
        return decoded, codec
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as e:
        # The sample decoded cleanly, so the damage is local: keep the page and say so.
        LOGGER.warning("%s: invalid %s bytes at offset %d replaced", source, codec, e.start)
        return data.decode(codec, errors="replace"), codec
