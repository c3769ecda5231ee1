"""offices.tsv as the loader reads it: keys, dates, sources, title forms and single-holder terms.

Every check runs on each row loaded through ``Lexicon.load``; the last tests feed the same checks a
copy of the data with a deliberately bad row, so they can be seen to fail.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from waishi.lexicon import Lexicon, Office, read_tsv

HEADER = ["iso3", "office", "forms", "holder", "start", "end", "source"]
INTL = {"UN", "ASEAN", "EU"}  # organisations' offices: iso3 left empty
# Offices with several holders at once although "deputy" is not in their key (Laos has two vice presidents,
# China several state councillors).
MULTI_HOLDER = {"LAO.vice_president", "CHN.state_councillor", "SGP.senior_minister"}
# Generic titles that never name one office on their own ...
NEVER_BARE = {"部长", "副部长", "大使", "特命全权大使", "行长", "主任", "部长级"}
# ... and the two that do, as the short title of a head of state or government only (越南国家主席 | 主席):
# the holder's name decides which country's, as for 总统.
HEAD_ONLY = {"主席": {"president", "cpp_president", "party_chairman"}, "总理": {"prime_minister", "premier", "chancellor"}}
SLACK_DAYS = 31  # a handover reported a few weeks apart is tolerated; more is an error


def _data_dir() -> Path:
    return Path(str(resources.files("waishi.lexicon").joinpath("data")))


def _problems_in_row(o: Office) -> list[str]:
    out = []
    prefix, _, role = o.office.partition(".")
    if o.iso3:
        if prefix != o.iso3 or not role:
            out.append(f"key {o.office} does not start with {o.iso3}.")
    elif prefix not in INTL:
        out.append(f"empty iso3 for a non-organisation key {o.office}")
    if not o.holder.strip():
        out.append("empty holder")
    if not o.source.strip():
        out.append("empty source")
    if o.start is None:
        out.append("start missing or not a date")
    elif o.end is not None and o.end < o.start:
        out.append(f"end {o.end} before start {o.start}")
    if not o.forms or len(set(o.forms)) != len(o.forms):
        out.append("no forms, or a form twice")
    for f in o.forms:
        if f in NEVER_BARE:
            out.append(f"bare generic form {f}")
        elif f in HEAD_ONLY and role not in HEAD_ONLY[f]:
            out.append(f"bare {f} on {o.office}, which is not a head of state or government")
    return out


def _related(a: Office, b: Office) -> bool:
    """Two rows that name one holder: same term, and the names are forms of each other
    (one name part inside another, as 马蒂 in 马蒂·纳塔莱加瓦, 登盛 in 吴登盛, 布什 in 小布什;
    the same length for undotted transliterations, as 阮红延 and 阮鸿延; or one row's source
    naming the other form)."""
    if (a.start, a.end) != (b.start, b.end):
        return False
    pa, pb = _parts(a.holder), _parts(b.holder)
    if any(x in y or y in x for x in pa for y in pb):
        return True
    if "·" not in a.holder and "·" not in b.holder and len(a.holder) == len(b.holder):
        return True
    return a.holder in b.source or b.holder in a.source


def _parts(name: str) -> list[str]:
    return [p for p in name.replace("-", "·").split("·") if len(p) >= 2]


def _holder_groups(rows: list[Office]) -> list[int]:
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if _related(rows[i], rows[j]):
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(rows))]


def _overlaps(offices: list[Office]) -> list[str]:
    by_key: dict[str, list[Office]] = defaultdict(list)
    for o in offices:
        if o.start is not None:
            by_key[o.office].append(o)
    out = []
    for key, rows in by_key.items():
        if "deputy" in key or key in MULTI_HOLDER:
            continue
        groups = _holder_groups(rows)
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                if groups[i] == groups[j]:
                    continue
                a, b = rows[i], rows[j]
                assert a.start is not None and b.start is not None
                hi = min(a.end or date.max, b.end or date.max)
                lo = max(a.start, b.start)
                if hi > lo and (hi - lo).days > SLACK_DAYS:
                    out.append(f"{key}: {a.holder} {a.start}..{a.end} overlaps {b.holder} {b.start}..{b.end}")
    return out


def _all_problems(lex: Lexicon) -> list[str]:
    out = [f"{o.office} {o.holder}: {p}" for o in lex.offices for p in _problems_in_row(o)]
    return out + _overlaps(lex.offices)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def test_lexicon_offices_data_rows_are_well_formed(lex: Lexicon) -> None:
    assert len(lex.offices) > 1000
    problems = [f"{o.office} {o.holder}: {p}" for o in lex.offices for p in _problems_in_row(o)]
    assert problems == []


def test_lexicon_offices_data_end_dates_parse_when_given() -> None:
    # the loader turns a malformed date into None, which would read as "still in office"
    for row in read_tsv("offices.tsv", HEADER):
        assert date.fromisoformat(row["start"]), row
        if row["end"]:
            assert date.fromisoformat(row["end"]), row


def test_lexicon_offices_data_single_holder_terms_do_not_overlap(lex: Lexicon) -> None:
    assert _overlaps(lex.offices) == []


def test_lexicon_offices_data_covers_vietnams_ministers_and_ambassadors(lex: Lexicon) -> None:
    keys = {o.office for o in lex.offices}
    for key in ("VNM.justice_minister", "VNM.transport_minister", "VNM.health_minister", "VNM.education_minister",
                "VNM.state_bank_governor", "VNM.government_office_chair", "VNM.ambassador_un",
                "JPN.ambassador_vietnam", "USA.ambassador_vietnam", "CHN.ambassador_vietnam"):
        assert key in keys, key

    def terms(holder: str, key: str) -> list[tuple[date | None, date | None]]:
        return [(o.start, o.end) for o in lex.offices if o.holder == holder and o.office == key]

    assert terms("阮文胜", "VNM.finance_minister") == [(date(2024, 11, 28), None)]
    assert terms("胡德福", "VNM.finance_minister") == [(date(2021, 4, 8), date(2024, 11, 28))]
    assert terms("洪小勇", "CHN.ambassador_vietnam") == [(date(2014, 5, 11), date(2018, 2, 28))]
    # variant forms of one holder share the term of the form they stand for
    assert terms("马蒂", "IDN.foreign_minister") == terms("马尔蒂·纳塔莱加瓦", "IDN.foreign_minister")


# -- the checks fail on bad data ------------------------------------------------------

BAD_ROWS = {
    "overlap": "VNM\tVNM.justice_minister\t越南司法部部长|司法部部长\t测试人\t2018-01-01\t2019-01-01\ttest row",
    "ambassador overlap": "JPN\tJPN.ambassador_vietnam\t日本驻越南大使\t测试人\t2021-01-01\t2021-06-01\ttest row",
    "bare form": "VNM\tVNM.test_minister\t部长\t测试人\t2018-01-01\t2019-01-01\ttest row",
    "bare 总理 on a minister": "VNM\tVNM.test_minister\t总理\t测试人\t2018-01-01\t2019-01-01\ttest row",
    "end before start": "VNM\tVNM.test_minister\t越南测试部部长\t测试人\t2019-01-01\t2018-01-01\ttest row",
    "no source": "VNM\tVNM.test_minister\t越南测试部部长\t测试人\t2018-01-01\t2019-01-01\t",
    "key of another country": "LAO\tVNM.test_minister\t越南测试部部长\t测试人\t2018-01-01\t2019-01-01\ttest row",
}


@pytest.mark.parametrize("kind", sorted(BAD_ROWS))
def test_lexicon_offices_data_checks_catch_a_bad_row(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(_data_dir(), data)
    with (data / "offices.tsv").open("a", encoding="utf-8") as f:
        f.write(BAD_ROWS[kind] + "\n")
    problems = _all_problems(Lexicon.load(data))
    assert problems and all("测试人" in p for p in problems), problems
