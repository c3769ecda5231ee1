"""Synthetic pages in the genre's shape, for benchmarks and store tests.

    python bench/synth.py OUT_DIR [-n 1000] [--format txt|jsonl] [--seed 0]

Each page is: headline, blank line, lede, ``越通社<place>——`` dateline paragraph
(repeating the lede, as the agency does), body paragraphs, ``(完)`` and the
agency line. The sentences are templates written for this project, recombined
with names, titles, places, countries and dates from waishi's lexicons: office
holders are only used inside their terms, so a page's people agree with its date.

A share of pages (``repeat_rate``) reports an event of an earlier page again,
with another headline, lede and body, as a second outlet would: the store should
count such an event once, with two sources.

Deterministic for a given seed. No network, no files read besides the lexicons.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from waishi.lexicon import Lexicon

__all__ = ["SynthEvent", "SynthPage", "generate", "write_corpus"]

# Chinese names of the countries whose office holders the lexicon lists, with their capitals.
COUNTRIES = {
    "LAO": "老挝", "KHM": "柬埔寨", "CHN": "中国", "USA": "美国", "JPN": "日本", "THA": "泰国", "RUS": "俄罗斯",
    "GBR": "英国", "DEU": "德国", "AUS": "澳大利亚", "IND": "印度", "MYS": "马来西亚", "CUB": "古巴",
    "SGP": "新加坡", "PHL": "菲律宾", "IDN": "印度尼西亚", "FRA": "法国", "KOR": "韩国",
}
CAPITALS = {
    "LAO": "万象", "KHM": "金边", "CHN": "北京", "USA": "华盛顿", "JPN": "东京", "THA": "曼谷",
    "RUS": "莫斯科", "GBR": "伦敦", "DEU": "柏林", "AUS": "堪培拉", "IND": "新德里", "MYS": "吉隆坡",
    "CUB": "哈瓦那", "SGP": "新加坡", "PHL": "马尼拉", "IDN": "雅加达", "FRA": "巴黎", "KOR": "首尔",
}
VN_CITIES = ("河内", "胡志明市", "岘港", "海防", "芹苴")
FIELDS = ("贸易", "投资", "教育", "旅游", "农业", "能源", "交通", "数字经济", "卫生", "文化", "国防", "科技")
FORUMS = ("东盟峰会", "亚太经合组织领导人非正式会议", "湄公河—澜沧江合作领导人会议", "世界经济论坛年会",
          "东亚峰会", "联合国大会一般性辩论", "东盟外长会议")
MEETINGS = ("外交工作会议", "经济外交工作会议", "国际融入指导委员会会议", "边境工作会议", "侨务工作会议")
DISASTERS = ("洪灾", "台风", "地震", "干旱", "山体滑坡")
MINISTRIES = ("外交部", "工贸部", "卫生部", "交通运输部", "教育培训部", "财政部", "司法部")
VISIT_KINDS = ("正式", "国事", "工作", "正式友好")
GIVEN = "文明德青海玉国成春光山清美兰庭英俊雄秀红梅平安福忠"
TRANSLIT = ("阿", "巴", "卡", "达", "纳", "拉", "玛", "萨", "塔", "维", "丽", "索", "诺", "帕", "西", "吉",
            "安", "莫", "里", "斯", "托", "尼", "克", "洛")
TIMES = ("上午", "下午", "晚", "")


@dataclass(frozen=True)
class Official:
    name: str
    iso3: str
    title: str  # the long form, written before the name
    short: str  # the short form, written after the name in later mentions
    start: date | None = None
    end: date | None = None

    def serves(self, d: date) -> bool:
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)


@dataclass(frozen=True)
class SynthEvent:
    """What a page reports: the event type, its date, and the actors as written."""

    type: str
    date: str
    source: tuple[str, ...]
    target: tuple[str, ...]


@dataclass
class SynthPage:
    name: str  # a file stem, unique in the corpus
    text: str
    published: str  # YYYY-MM-DD
    url: str
    events: list[SynthEvent] = field(default_factory=list)
    repeat_of: str | None = None  # the page whose main event this page reports again


@dataclass
class _Spec:
    """One event as the generator decided it, rendered differently by each page that reports it."""

    type: str
    day: date
    a: Official  # the Vietnamese side
    b: Official  # the foreign side
    city: str
    extra: dict[str, str]


class _Pools:
    def __init__(self, lex: Lexicon, rng: random.Random) -> None:
        self.country = COUNTRIES
        vn: list[Official] = []
        foreign: list[Official] = []
        for o in lex.offices:
            if len(o.forms) < 2 or "·" in o.holder and len(o.holder) > 12:
                continue
            off = Official(o.holder, o.iso3, o.forms[1] if len(o.forms) > 2 else o.forms[0], o.forms[-1],
                           o.start, o.end)
            if o.iso3 == "VNM":
                vn.append(off)
            elif o.iso3 in CAPITALS:
                foreign.append(off)
        provinces = sorted({e.name for e in lex.entities.values()
                            if e.kind == "place" and e.iso3 == "VNM" and e.sub == "province"
                            and not e.name.endswith(("省", "市"))})
        surnames = sorted(lex.surnames_vn) or ["阮", "陈", "黎"]
        # Standing pools of people who appear again and again, with no term limits.
        for _ in range(400):
            name = rng.choice(surnames) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
            prov = rng.choice(provinces)
            title, short = rng.choice(((f"{prov}省委书记", "书记"), (f"{prov}省人民委员会主席", "主席")))
            vn.append(Official(name, "VNM", title, short))
        for _ in range(300):
            iso = rng.choice(sorted(CAPITALS))
            if iso == "CHN":
                name = rng.choice(("王", "李", "张", "刘", "陈", "杨", "赵", "黄")) + "".join(rng.sample(GIVEN, 2))
            else:
                name = "".join(rng.sample(TRANSLIT, rng.choice((2, 3)))) + "·" + \
                    "".join(rng.sample(TRANSLIT, rng.choice((2, 3))))
            foreign.append(Official(name, iso, f"{self.country[iso]}驻越南大使", "大使"))
        self.vn = vn
        self.foreign = foreign

    def pick(self, pool: list[Official], d: date, rng: random.Random) -> Official:
        for _ in range(50):
            o = rng.choice(pool)
            if o.serves(d):
                return o
        return next(o for o in pool if o.start is None)


def _day(d: date, with_year: bool) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if with_year else f"{d.month}月{d.day}日"


def _render(spec: _Spec, variant: int, pools: _Pools, rng: random.Random) -> tuple[str, str, list[str], SynthEvent]:
    """(headline, lede, body paragraphs, event) of one report of ``spec``."""
    a, b = spec.a, spec.b
    bc = pools.country[b.iso3]
    when = _day(spec.day, rng.random() < 0.7) + rng.choice(TIMES)
    f1, f2 = rng.sample(FIELDS, 2)
    t = spec.type
    if t == "meet":
        heads = (f"{a.title}{a.name}会见{bc}{b.short}{b.name}", f"{a.name}{a.short}会见{b.title}{b.name}")
        ledes = (f"{when}，{a.title}{a.name}在{spec.city}会见了正在越南访问的{b.title}{b.name}。",
                 f"{when}，{a.title}{a.name}在{spec.city}会见{b.title}{b.name}，双方就{f1}合作深入交换意见。")
        ev = SynthEvent(t, spec.day.isoformat(), (a.name,), (b.name,))
    elif t == "visit":
        kind = spec.extra["kind"]
        heads = (f"{b.title}{b.name}对越南进行{kind}访问", f"{b.name}{b.short}抵达{spec.city}开始访越行程")
        ledes = (f"应{a.title}{a.name}的邀请，{b.title}{b.name}于{when}抵达{spec.city}，开始对越南进行{kind}访问。",
                 f"{when}，{b.title}{b.name}率团抵达{spec.city}，对越南进行为期三天的{kind}访问。")
        ev = SynthEvent(t, spec.day.isoformat(), (b.name,), ("越南",))
    elif t == "phone_call":
        heads = (f"{a.title}{a.name}与{bc}{b.short}{b.name}通电话", f"越{bc[0]}两国领导人通电话")
        ledes = (f"{when}，{a.title}{a.name}与{b.title}{b.name}通电话，双方就{f1}合作交换了意见。",
                 f"{when}，{a.title}{a.name}同{b.title}{b.name}通电话，讨论推动两国{f2}合作。")
        ev = SynthEvent(t, spec.day.isoformat(), (a.name,), (b.name,))
    elif t == "sign":
        m1, m2 = spec.extra["m1"], spec.extra["m2"]
        heads = (f"越南与{bc}签署{f1}合作文件", f"越{bc[0]}两国部委签署合作备忘录")
        ledes = (f"{when}，越南{m1}与{bc}{m2}在{spec.city}签署了{f1}合作谅解备忘录。",
                 f"{when}，在两国领导人见证下，越南{m1}与{bc}{m2}签署了关于{f2}合作的协议。")
        ev = SynthEvent(t, spec.day.isoformat(), (f"越南{m1}",), (f"{bc}{m2}",))
    elif t == "congratulate":
        heads = (f"{a.title}{a.name}致电祝贺{bc}国庆", f"越南领导人致电祝贺{bc}国庆")
        ledes = (f"{when}，{a.title}{a.name}致电祝贺{b.title}{b.name}，祝贺{bc}国庆。",
                 f"值此{bc}国庆之际，{a.title}{a.name}于{when}致电祝贺{b.title}{b.name}。")
        ev = SynthEvent(t, spec.day.isoformat(), (a.name,), (b.name,))
    elif t == "aid":
        amount, dis = spec.extra["amount"], spec.extra["disaster"]
        heads = (f"越南向{bc}捐赠{amount}万美元", f"越南援助{bc}受{dis}影响地区")
        ledes = (f"{when}，越南政府向{bc}捐赠了{amount}万美元，帮助当地民众克服{dis}造成的损失。",
                 f"{when}，越南驻{bc}大使代表越南政府向{bc}捐赠{amount}万美元，支持{dis}灾后重建。")
        ev = SynthEvent(t, spec.day.isoformat(), ("越南",), (bc,))
    elif t == "attend":
        forum = spec.extra["forum"]
        heads = (f"{a.title}{a.name}出席{forum}", f"{a.name}{a.short}在{CAPITALS[b.iso3]}出席{forum}")
        ledes = (f"{when}，{a.title}{a.name}率越南代表团出席在{CAPITALS[b.iso3]}举行的{forum}。",
                 f"{when}，{a.title}{a.name}出席了{forum}并发表讲话，呼吁各方加强{f1}合作。")
        ev = SynthEvent(t, spec.day.isoformat(), (a.name,), (forum,))
    else:  # host
        meeting = spec.extra["meeting"]
        heads = (f"{a.title}{a.name}主持{meeting}", f"{a.name}{a.short}主持召开{meeting}")
        ledes = (f"{when}，{a.title}{a.name}在{spec.city}主持召开{meeting}。",
                 f"{when}，{a.title}{a.name}在{spec.city}主持{meeting}，部署下一阶段工作。")
        ev = SynthEvent(t, spec.day.isoformat(), (a.name,), (meeting,))
    body = [
        f"{a.name}表示，越南一贯重视发展与{bc}的传统友好关系，愿同{bc}一道深化{f1}和{f2}等领域的合作。",
        f"{b.name}{b.short}感谢越方的安排，表示{bc}愿与越南加强高层交往，推动双边关系不断向前发展。",
    ]
    if rng.random() < 0.5:
        y = f"{spec.day.year - 1}年" if rng.random() < 0.5 else "去年"
        body.append(f"{y}，越南与{bc}双边贸易额达{rng.randint(5, 900) / 10:g}亿美元，"
                    f"同比增长{rng.randint(10, 400) / 10:g}%。")
    if rng.random() < 0.3:
        body.append(f"截至目前，{bc}在越南共有{rng.randint(20, 3000)}个有效投资项目。")
    rng.shuffle(body)
    return heads[variant % 2], ledes[variant % 2], body, ev


def _spec(pools: _Pools, rng: random.Random) -> _Spec:
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(365 * 10))
    t = rng.choices(("meet", "visit", "phone_call", "sign", "congratulate", "aid", "attend", "host"),
                    weights=(30, 15, 12, 10, 8, 6, 10, 9))[0]
    a = pools.pick(pools.vn, day, rng)
    b = pools.pick(pools.foreign, day, rng)
    extra = {
        "kind": rng.choice(VISIT_KINDS),
        "m1": rng.choice(MINISTRIES), "m2": rng.choice(MINISTRIES),
        "amount": str(rng.choice((5, 10, 20, 30, 50, 100, 200))),
        "disaster": rng.choice(DISASTERS),
        "forum": rng.choice(FORUMS),
        "meeting": rng.choice(MEETINGS),
    }
    return _Spec(t, day, a, b, rng.choice(VN_CITIES), extra)


def generate(n: int, *, seed: int = 0, repeat_rate: float = 0.2, teaser_rate: float = 0.5,
             lexicon: Lexicon | None = None, prefix: str = "p") -> Iterator[SynthPage]:
    """``n`` synthetic pages; ``repeat_rate`` of them report an earlier page's event again and
    ``teaser_rate`` end with ``更多`` and one or two teasers of earlier pages' events."""
    rng = random.Random(seed)
    pools = _Pools(lexicon or Lexicon.default(), rng)
    recent: list[tuple[str, _Spec]] = []
    for i in range(n):
        name = f"{prefix}{i:06d}"
        repeat_of = None
        if recent and rng.random() < repeat_rate:
            repeat_of, spec = rng.choice(recent)
            variant = 1
        else:
            spec = _spec(pools, rng)
            variant = 0
            recent.append((name, spec))
            recent = recent[-200:]
        head, lede, body, ev = _render(spec, variant, pools, rng)
        place = spec.city if spec.type not in ("attend",) else CAPITALS[spec.b.iso3]
        paras = [head, "", lede, "", f"越通社{place}——{lede}", ""]
        for p in body:
            paras += [p, ""]
        paras[-2] += "(完)"
        paras[-1] = "越通社"
        if rng.random() < teaser_rate and len(recent) > 1:
            paras += ["", "更多"]
            for _, other in rng.sample(recent, min(len(recent), rng.choice((1, 2)))):
                t_head, t_lede, _, t_ev = _render(other, 0, pools, rng)
                paras += ["", f"{t_head}。图自越通社", "", t_head, "", t_lede]
        published = (spec.day + timedelta(days=rng.choice((0, 0, 1)))).isoformat()
        yield SynthPage(name, "\n".join(paras) + "\n", published,
                        f"https://news.example.org/vn/{published[:4]}/{name}.html", [ev], repeat_of)


def write_corpus(out_dir: str | Path, n: int, *, seed: int = 0, fmt: str = "txt", per_dir: int = 1000,
                 repeat_rate: float = 0.2) -> list[Path]:
    """Write ``n`` pages under ``out_dir``: ``.txt`` files in sub-directories of ``per_dir``
    pages, or one ``pages.jsonl`` (with url and published). Returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    pages = generate(n, seed=seed, repeat_rate=repeat_rate)
    if fmt == "jsonl":
        path = out / "pages.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for p in pages:
                fh.write(json.dumps({"text": p.text, "url": p.url, "published": p.published},
                                    ensure_ascii=False) + "\n")
        return [path]
    if fmt != "txt":
        raise ValueError(f"format must be txt or jsonl, got {fmt!r}")
    for i, p in enumerate(pages):
        sub = out / f"{i // per_dir:04d}"
        if i % per_dir == 0:
            sub.mkdir(exist_ok=True)
        path = sub / f"{p.name}.txt"
        path.write_text(p.text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    files = write_corpus(args.out, args.n, seed=args.seed, fmt=args.format)
    print(f"wrote {args.n} pages in {len(files)} file(s) under {args.out}")


if __name__ == "__main__":
    main()
