"""Query functions over a small store built from the bundled examples and self-written pages."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import waishi
from waishi.store import (
    Store,
    StoreError,
    event,
    events,
    facts,
    ingest,
    people,
    person,
    search,
    stats,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt")  # others may come

# Two outlets report one meeting; a third page reports a phone call a year later.
PAGES = {
    "a.txt": """越南国会主席陈青敏会见柬埔寨参议院主席洪森

2024年6月10日上午，越南国会主席陈青敏在河内会见了柬埔寨参议院主席洪森。双方同意深化两国议会合作。

越通社河内——2024年6月10日上午，越南国会主席陈青敏在河内会见了柬埔寨参议院主席洪森。双方同意深化两国议会合作。

2023年越柬双边贸易额达到100亿美元。(完)
""",
    "b.txt": """陈青敏与洪森就议会合作交换意见

据越通社报道，2024年6月10日，越南国会主席陈青敏在河内会见柬埔寨参议院主席洪森，双方就加强立法机构交流交换看法。

洪森感谢越方的热情接待。(完)
""",
    "c.txt": """越南国会主席陈青敏与柬埔寨参议院主席洪森通电话

2025年1月20日，越南国会主席陈青敏与柬埔寨参议院主席洪森通电话，双方互致新春问候。(完)
""",
}


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


@pytest.fixture(scope="module")
def st(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    d = tmp_path_factory.mktemp("q")
    (d / "corpus").mkdir()
    for name in EXAMPLE_FILES:
        shutil.copy(EXAMPLES / name, d / "corpus" / name)
    for name, text in PAGES.items():
        (d / "corpus" / name).write_text(text, encoding="utf-8")
    with Store.open(d / "s.db") as w:
        run = ingest(w, [d / "corpus"], _extract)
        assert run.added == 6
    with Store.open(d / "s.db", readonly=True) as ro:
        yield ro


def test_store_query_events_filters(st: Store) -> None:
    all_ = events(st, limit=500).items
    assert len(all_) > 10
    dates = [e.date for e in all_ if e.date]
    assert dates == sorted(dates, reverse=True)  # newest first
    meets = events(st, type="meet", limit=500).items
    assert meets and all(e.type == "meet" for e in meets)
    lao = events(st, country="lao", limit=500).items
    assert lao and all("LAO" in e.source_iso3 + e.target_iso3 for e in lao)
    su = events(st, actor="苏林").items
    assert su and all(any("苏林" in n for n in e.source + e.target) for e in su)
    in_2024 = events(st, since="2024", until="2024-12", limit=500).items
    assert in_2024 and all(e.date and e.date.startswith("2024") for e in in_2024)
    assert all(e.date >= "2025" for e in events(st, since="2025-01-01").items if e.date)


def test_store_query_events_merged_meeting(st: Store) -> None:
    got = events(st, actor="洪森", type="meet").items
    assert len(got) == 1
    ev = got[0]
    assert (ev.date, ev.n_sources, ev.plover, ev.cameo) == ("2024-06-10", 2, "CONSULT", "040")
    assert ev.evidence in ev.evidence and "洪森" in ev.evidence
    assert events(st, min_sources=2).items == [ev]
    detail = event(st, ev.id)
    assert detail is not None and len(detail.reports) == 2
    assert {r.title for r in detail.reports} == {"越南国会主席陈青敏会见柬埔寨参议院主席洪森", "陈青敏与洪森就议会合作交换意见"}
    assert all("陈青敏" in r.evidence for r in detail.reports)
    assert {(a.role, a.name, a.iso3) for a in detail.actors} >= {("source", "陈青敏", "VNM")}
    assert event(st, 10**9) is None


def test_store_query_pagination(st: Store) -> None:
    everything = [e.id for e in events(st, limit=1000).items]
    first, second = events(st, limit=3), events(st, limit=3, offset=3)
    assert first.has_more and [e.id for e in first] + [e.id for e in second] == everything[:6]
    last = events(st, limit=3, offset=len(everything) - 2)
    assert len(last) == 2 and not last.has_more
    with pytest.raises(StoreError):
        events(st, limit=0)
    with pytest.raises(StoreError):
        events(st, since="2024-13")


def test_store_query_people(st: Store) -> None:
    listing = people(st, limit=100).items
    docs = [p.n_documents for p in listing]
    assert docs == sorted(docs, reverse=True)
    (p,) = people(st, "陈青敏").items  # three pages here, and a teaser of examples/01 (March 2025: he chairs the NA from May 2024)
    assert (p.country, p.n_documents, p.first_seen, p.last_seen) == ("VNM", 4, "2024-06-10", "2025-03-11")
    assert p.n_events >= 2 and any(r.title.endswith("国会主席") for r in p.titles)
    detail = person(st, p.id)
    assert detail is not None
    assert {e.type for e in detail.events} >= {"meet", "phone_call"}
    assert len(detail.sources) == 4
    assert all(ev.text and "陈青敏" in ev.text for r in detail.person.titles for ev in r.evidence)
    assert people(st, "青敏").items[0].name == "陈青敏"  # substring
    assert people(st, "没有这个人").items == []
    assert person(st, 10**9) is None


def test_store_query_facts(st: Store) -> None:
    trade = facts(st, metric="trade_total", limit=100).items
    assert trade and all(f.metric == "trade_total" for f in trade)
    assert any(f.value == 10_000_000_000 and f.unit == "USD" for f in trade)
    lao = facts(st, subject="老", limit=100).items
    assert lao and all(any("老" in s for s in f.subject) for f in lao)
    y2023 = facts(st, period="2023", limit=100).items
    assert y2023 and all(f.period and f.period[:4] <= "2023" <= f.period[-4:] for f in y2023)
    for f in trade:
        assert f.number and f.number in f.evidence
    with pytest.raises(StoreError):
        facts(st, period="last year")


def test_store_query_search(st: Store) -> None:
    hits = search(st, "参议院主席").items
    assert len(hits) >= 3 and all("«参议院主席»" in h.snippet for h in hits)
    assert hits[0].score >= hits[-1].score > 0
    two = search(st, "苏林").items  # under three characters: scanned, ordered by date
    assert two and all("«苏林»" in h.snippet for h in two)
    both = search(st, "参议院主席 电话").items
    assert [h.title for h in both] == ["越南国会主席陈青敏与柬埔寨参议院主席洪森通电话"]
    assert "«电话»" in both[0].snippet or "«参议院主席»" in both[0].snippet
    assert search(st, "参议院主席", kind="teaser").items == []
    assert search(st, "不存在的词语").items == []
    assert search(st, "参议院主席", mark=("<b>", "</b>")).items[0].snippet.count("<b>") >= 1
    with pytest.raises(StoreError):
        search(st, "   ")


def test_store_query_stats(st: Store) -> None:
    s = stats(st)
    con = st.con
    assert s.sources == 6 == con.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert s.documents == s.articles + s.teasers and s.teasers > 0
    assert s.events == sum(s.events_by_type.values()) == con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert s.multi_source_events == 1
    assert s.top_countries[0][0] == "VNM"
    assert s.last_run is not None and s.last_run["added"] == 6 and s.last_run["finished_at"]
    assert s.schema_version >= 1 and s.size_bytes


def test_store_query_results_are_plain_data(st: Store) -> None:
    for res in (events(st, limit=3), people(st, limit=3), facts(st, limit=3), search(st, "参议院主席", limit=3)):
        d = res.to_dict()
        assert set(d) == {"items", "limit", "offset", "has_more"}
        json.dumps(d, ensure_ascii=False)
    json.dumps(stats(st).to_dict())
    p = people(st, "陈青敏").items[0]
    detail = person(st, p.id)
    assert detail is not None
    json.dumps(detail.to_dict(), ensure_ascii=False)
