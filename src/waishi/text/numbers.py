"""Numbers as the genre writes them: 480亿美元, 近232亿美元, 1.5万亿越盾, 6000个.

Values are exact (Decimal arithmetic, ``602.8亿`` -> 60280000000, not a float
with a tail). Chinese numerals (``两亿``, ``三十``) go through cn2an.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MAGNITUDES = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}

CURRENCIES = {
    "美元": "USD", "美金": "USD", "越盾": "VND", "越南盾": "VND", "人民币": "CNY", "元人民币": "CNY", "欧元": "EUR",
    "日元": "JPY", "韩元": "KRW", "英镑": "GBP", "卢布": "RUB", "泰铢": "THB", "新加坡元": "SGD",
    "新元": "SGD", "澳元": "AUD", "瑞士法郎": "CHF", "基普": "LAK", "瑞尔": "KHR", "新西兰元": "NZD",
    "纽元": "NZD", "加元": "CAD", "加拿大元": "CAD", "港元": "HKD", "港币": "HKD", "卢比": "INR", "林吉特": "MYR", "令吉": "MYR", "马币": "MYR",
    "比索": "PHP", "印尼盾": "IDR", "雷亚尔": "BRL", "兰特": "ZAR", "迪拉姆": "AED",
}

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?:\d[\d,，]*(?:\.\d+)?|\d+(?:\s\d{{3}})+|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
# Classifiers of goods handed over (30台呼吸机, 300万剂疫苗, 12艘巡逻艇): counted only as aid in kind
GOODS_CLASSIFIERS = "台|张|剂|只|套|辆|件|箱|艘|架|支|顶|袋|瓶"
_QUAL = r"(?:将近|接近|大约|约合|超过|多达|高达|不到|不足|至少|近|约|超|逾|达|共|计)"
_CUR = "|".join(sorted(CURRENCIES, key=len, reverse=True))
_MAG = "|".join(sorted(MAGNITUDES, key=len, reverse=True))

MONEY = re.compile(
    rf"(?P<qual>{_QUAL})?\s*(?:(?P<hi>\d+(?:\.\d+)?)\s*亿\s*(?=\d))?(?P<num>{_NUM})\s*(?P<more>多|余)?\s*(?P<mag>{_MAG})?"
    rf"\s*(?P<more2>多|余)?\s*(?P<cur>{_CUR})"
)
# the currency written before the number, 元 after it (人民币2亿元, 港币5000万元)
MONEY_BEFORE = re.compile(
    rf"(?P<cur>人民币|港币)\s*(?P<qual>{_QUAL})?\s*(?P<num>{_NUM})\s*(?P<more>多|余)?\s*(?P<mag>{_MAG})?\s*(?P<more2>多|余)?\s*元"
)
_ANY_CURRENCY = re.compile(_CUR)
PERCENT = re.compile(r"(?P<num>-?\d+(?:\.\d+)?)\s*(?:%|％)|百分之(?P<cn>[零一二两三四五六七八九十百点]+)")
# N + classifier (+ 多/余), not an ordinal (第N次) and not a date or duration.
COUNT = re.compile(
    rf"(?<![第\d.])(?P<qual>{_QUAL})?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<mult>万|亿)?\s*(?P<more>多|余)?\s*"
    rf"(?P<cls>个|项|次|场|名|家|位|份|批|所|座|条|种|国|{GOODS_CLASSIFIERS}"
    rf"|对(?=[\u4e00-\u9fff]{{0,4}}(?:省|市|城市|地方|府|伙伴|夫妇)))(?!月|小时|百分点|周年)"  # (18对友好省市: pairs)
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: int | float
    unit: str  # ISO currency code, or "count"
    qualifier: str | None
    start: int
    end: int


def to_number(s: str) -> Decimal | None:
    """Decimal of an Arabic or Chinese numeral string; None when it is not one."""
    s = s.replace(",", "").replace("，", "").replace(" ", "")
    if not s:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        pass
    small = small_chinese(s)
    if small is not None:
        return Decimal(small)
    try:
        import cn2an  # imported on first use: a quarter of a second at start-up that most pages never need

        return Decimal(str(cn2an.cn2an(s, "smart")))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def plain(d: Decimal) -> int | float:
    """An int when the value is integral, else a float."""
    return int(d) if d == d.to_integral_value() else float(d)


def approx(qual: str | None) -> str | None:
    """The qualifier when it bounds or approximates the value; 达/共/计 only introduce it."""
    return None if qual in (None, "达", "共", "计", "多达", "高达") else qual


def money(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    out: list[Amount] = []
    end = len(text) if end is None else end
    if not _ANY_CURRENCY.search(text, start, end):
        return out  # (every amount ends with its currency: most sentences name none, skip the scan)
    for m in MONEY.finditer(text, start, end):
        n = to_number(m.group("num"))
        if n is None:
            continue
        mag = MAGNITUDES.get(m.group("mag") or "", Decimal(1))
        value = n * mag
        if m.group("hi"):  # 2亿4000万美元: hundreds of millions, then the rest
            value += Decimal(m.group("hi")) * MAGNITUDES["亿"]
        qual = approx(m.group("qual"))
        # the figure's span starts at its qualifier when it has one that counts, else at the number
        out.append(Amount(plain(value), CURRENCIES[m.group("cur")], qual,
                          m.start() if qual else m.start("hi") if m.group("hi") else m.start("num"), m.end()))
    for m in MONEY_BEFORE.finditer(text, start, end):
        n = to_number(m.group("num"))
        if n is None or any(a.start <= m.start("num") < a.end for a in out) or \
                text[max(start, m.start() - 2):m.start()].endswith(("合", "相当于")):
            continue  # (…日元(约合人民币9亿元): the equivalent of the figure before it)
        value = n * MAGNITUDES.get(m.group("mag") or "", Decimal(1))
        out.append(Amount(plain(value), CURRENCIES[m.group("cur")], approx(m.group("qual")), m.start(), m.end()))
    out.sort(key=lambda a: a.start)
    return out


def percent(text: str, start: int = 0, end: int | None = None) -> list[tuple[float, int, int]]:
    out = []
    for m in PERCENT.finditer(text, start, len(text) if end is None else end):
        if m.group("num"):
            out.append((float(m.group("num")), m.start(), m.end()))
        else:
            n = to_number(m.group("cn").replace("点", "."))
            if n is not None:
                out.append((float(n), m.start(), m.end()))
    return out


_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def small_chinese(s: str) -> int | None:
    """一 … 九十九 (ordinals of sessions and congresses, 第四次, 第十三届) without loading cn2an,
    whose import costs a quarter of a second at every start of the command; None otherwise."""
    if len(s) == 1:
        return 10 if s == "十" else _CN_VALUE.get(s)
    tens, sep, ones = s.partition("十")
    if not sep or len(s) > 3:
        return None
    t = 1 if tens == "" else _CN_VALUE.get(tens)
    o = 0 if ones == "" else _CN_VALUE.get(ones)
    if t is None or o is None or t == 0:
        return None
    return t * 10 + o
