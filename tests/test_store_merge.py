"""Across pages: one person is one person, one event reported twice is one event with two sources.

Records here are built by hand (``page``), so the merging rules are tested apart from
the extractor; the last tests run self-written pages through the real extractor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import waishi
from waishi.store import Store, events, ingest, load_records, people, person
from waishi.store.merge import PersonCandidate as PC
from waishi.store.merge import TitleParser, actors_match, choose_person, date_interval, title_key

# -- building records -------------------------------------------------------------------


def page(source: str, title: str, sentences: list[str], *, events: list[dict[str, Any]] = (),  # type: ignore[assignment]
         people: list[dict[str, Any]] = (), year: int | None = 2024, published: str | None = None,  # type: ignore[assignment]
         url: str | None = None, teasers: list[tuple[str, list[str], list[dict[str, Any]], list[dict[str, Any]]]] = (),  # type: ignore[assignment]
         ) -> dict[str, Any]:
    """An Extraction.to_dict()-style record with text; ``evidence`` fields name a sentence index."""
    text = ""
    docs = []
    for kind, t, sents, evs, ppl in [("article", title, sentences, events, people)] + \
            [("teaser", tt, ts, te, tp) for tt, ts, te, tp in teasers]:
        start = len(text)
        text += t + "\n\n"
        spans = []
        for s in sents:
            spans.append({"start": len(text), "end": len(text) + len(s)})
            text += s
        text += "\n\n"
        end = len(text)

        def sp(i: int, spans: list[dict[str, int]] = spans) -> dict[str, int]:
            return dict(spans[i])

        doc_events = []
        for e in evs:
            d = {"source_iso3": [], "target_iso3": [], "location": None, "date_end": None, **e}
            d["evidence"] = sp(e["evidence"])
            doc_events.append(d)
        doc_people = []
        for p in ppl:
            mentions, i = [], text.find(p["name"], start)
            while 0 <= i < end:
                mentions.append({"start": i, "end": i + len(p["name"])})
                i = text.find(p["name"], i + 1)
            doc_people.append({"name": p["name"], "titles": p.get("titles", []), "country": p.get("country"),
                               "mentions": mentions, "evidence": [sp(i) for i in p.get("evidence", [0])]})
        docs.append({"kind": kind, "title": t, "year": year, "start": start, "end": end, "events": doc_events,
                     "people": doc_people, "facts": []})
    return {"schema": "waishi.extraction/1", "source": source, "url": url, "published": published,
            "text": text, "documents": docs}


def meet(a: str, b: str, date: str | None, evidence: int = 0, **kw: Any) -> dict[str, Any]:
    return {"type": "meet", "date": date, "source": [a], "target": [b], "evidence": evidence, **kw}


@pytest.fixture
def st() -> Store:
    s = Store.open(":memory:")
    yield s
    s.close()


# -- pure rules -------------------------------------------------------------------------


@pytest.mark.parametrize("value,end,year,expected", [
    ("2024-06-10", None, None, ("day", "2024-06-10", "2024-06-10")),
    ("2024-06-10", "2024-06-12", None, ("day", "2024-06-10", "2024-06-12")),
    ("2024-02", None, None, ("month", "2024-02-01", "2024-02-29")),
    ("2023", None, None, ("year", "2023-01-01", "2023-12-31")),
    (None, None, 2022, (None, "2022-01-01", "2022-12-31")),
    (None, None, None, (None, None, None)),
    ("2024-13-40", None, None, (None, None, None)),
])
def test_store_merge_date_interval(value: str | None, end: str | None, year: int | None, expected: tuple) -> None:
    assert date_interval(value, end, year) == expected


def test_store_merge_actors_match_rules() -> None:
    # both sides must share an actor when both are known; symmetric types may be swapped
    assert actors_match("meet", {"p:1"}, {"p:2"}, {"p:1"}, {"p:2"})
    assert actors_match("meet", {"p:1"}, {"p:2"}, {"p:2"}, {"p:1"})
    assert not actors_match("congratulate", {"p:1"}, {"p:2"}, {"p:2"}, {"p:1"})
    assert not actors_match("meet", {"p:1"}, {"p:2"}, {"p:1"}, {"p:3"})
    # an unknown side is no objection, but one side must match
    assert actors_match("meet", {"p:1", "p:2"}, set(), {"p:1"}, {"p:2"})
    assert not actors_match("meet", set(), set(), {"p:1"}, {"p:2"})
    # names match when one contains the other
    assert actors_match("attend", {"p:1"}, {"n:第44届东盟峰会"}, {"p:1"}, {"n:东盟峰会"})
    assert not actors_match("attend", {"p:1"}, {"n:东盟峰会"}, {"p:1"}, {"n:世界经济论坛"})
    # a country stands for its government and people; two bodies of one country stay two
    assert actors_match("aid", {"c:VNM"}, {"c:CUB"}, {"n:越南政府", "o:VNM"}, {"c:CUB"})
    assert not actors_match("sign", {"n:越南外交部", "o:VNM"}, {"n:老挝外交部", "o:LAO"},
                            {"n:越南卫生部", "o:VNM"}, {"n:老挝卫生部", "o:LAO"})
    # a visit to a city is a visit to its country
    assert actors_match("visit", {"p:7"}, {"c:VNM"}, {"p:7"}, {"n:河内", "c:VNM"})


def test_store_merge_title_key_ignores_spacing_and_punctuation() -> None:
    assert title_key("越南与老挝 签署协议！") == title_key("越南与老挝签署协议")
    assert title_key("越南与老挝签署协议") != title_key("越南与柬埔寨签署协议")


def test_store_merge_choose_person(lex: waishi.Lexicon) -> None:
    tp = TitleParser(lex)
    vn = PC(1, "VNM", ("越南外交部长",))
    lao = PC(2, "LAO", ("老挝外交部长",))
    unknown = PC(3, None, ("大使",))
    assert choose_person([vn, lao], "VNM", ["政府副总理"], tp) == 1  # same name and country: titles over time
    assert choose_person([vn, lao], "LAO", [], tp) == 2
    assert choose_person([vn], "CHN", ["外长"], tp) is None  # another country is another person
    assert choose_person([vn, unknown], None, ["外长"], tp) == 1  # compatible title decides
    assert choose_person([vn, unknown], None, ["驻越南大使"], tp) == 3
    assert tp.split("越南政府总理") == ("越南政府", "VNM")
    assert tp.compatible(["越南政府总理"], ["总理"]) and not tp.compatible(["外长"], ["省委书记"])


# -- events across pages ----------------------------------------------------------------

PEOPLE = [{"name": "陈青敏", "titles": ["越南国会主席"], "country": "VNM"},
          {"name": "洪森", "titles": ["柬埔寨参议院主席"], "country": "KHM"}]


def test_store_merge_same_meeting_on_two_pages_is_one_event(st: Store) -> None:
    a = page("a.txt", "陈青敏会见洪森", ["6月10日，陈青敏在河内会见洪森。"],
             events=[meet("陈青敏", "洪森", "2024-06-10", location="河内")], people=PEOPLE)
    b = page("b.txt", "两国议会领导人举行会见", ["当天，洪森与陈青敏在河内见面。"],
             events=[meet("洪森", "陈青敏", "2024-06-10")], people=PEOPLE)
    run = load_records(st, [a, b])
    assert run.added == 2
    got = events(st).items
    assert len(got) == 1
    ev = got[0]
    assert (ev.type, ev.date, ev.n_sources, ev.n_reports, ev.location) == ("meet", "2024-06-10", 2, 2, "河内")
    assert set(ev.source + ev.target) == {"陈青敏", "洪森"}
    assert set(ev.source_iso3 + ev.target_iso3) == {"VNM", "KHM"}
    assert len(people(st).items) == 2  # each person once


@pytest.mark.parametrize("second", [
    meet("陈青敏", "洪森", "2024-06-12"),  # another day
    meet("陈青敏", "洪玛奈", "2024-06-10"),  # another counterpart
    {**meet("陈青敏", "洪森", "2024-06-10"), "type": "phone_call"},  # another type
])
def test_store_merge_different_events_stay_apart(st: Store, second: dict[str, Any]) -> None:
    a = page("a.txt", "陈青敏会见洪森", ["陈青敏会见洪森。"], events=[meet("陈青敏", "洪森", "2024-06-10")], people=PEOPLE)
    b = page("b.txt", "另一条新闻", ["陈青敏会见洪玛奈和洪森。"], events=[second],
             people=PEOPLE + [{"name": "洪玛奈", "country": "KHM"}])
    load_records(st, [a, b])
    assert [e.n_sources for e in events(st).items] == [1, 1]


def test_store_merge_precise_date_wins_and_year_only_report_joins(st: Store) -> None:
    a = page("a.txt", "陈青敏会见洪森", ["今年，陈青敏会见洪森。"], events=[meet("陈青敏", "洪森", None)], people=PEOPLE)
    b = page("b.txt", "议会领导人会见", ["6月10日，陈青敏会见洪森。"], events=[meet("陈青敏", "洪森", "2024-06-10")],
             people=PEOPLE)
    load_records(st, [a, b])
    (ev,) = events(st).items
    assert (ev.date, ev.precision, ev.n_sources) == ("2024-06-10", "day", 2)
    assert ev.evidence == "6月10日，陈青敏会见洪森。"  # the representative report is the precise one


def test_store_merge_visit_reported_on_arrival_and_departure_is_one_trip(st: Store) -> None:
    ppl = [{"name": "宋赛·西潘敦", "titles": ["老挝总理"], "country": "LAO"}]
    arrive = page("a.txt", "老挝总理抵达河内", ["宋赛·西潘敦抵达河内，开始访问越南。"], people=ppl,
                  events=[{"type": "visit", "date": "2024-03-11", "source": ["宋赛·西潘敦"], "target": ["越南"],
                           "target_iso3": ["VNM"], "evidence": 0}])
    leave = page("b.txt", "老挝总理结束访问", ["宋赛·西潘敦结束对河内的访问。"], people=ppl,
                 events=[{"type": "visit", "date": "2024-03-13", "source": ["宋赛·西潘敦"], "target": ["河内"],
                          "evidence": 0}])
    load_records(st, [arrive, leave])
    (ev,) = events(st).items  # 河内 matches 越南 by country; two days apart is one trip
    assert (ev.date, ev.date_end, ev.n_sources) == ("2024-03-11", "2024-03-13", 2)


def test_store_merge_teaser_with_the_articles_headline_is_not_a_second_source(st: Store) -> None:
    art = page("a.txt", "陈青敏会见洪森", ["陈青敏会见洪森。"], events=[meet("陈青敏", "洪森", "2024-06-10")],
               people=PEOPLE)
    other = page("b.txt", "别的新闻", ["与此无关。"], people=[],
                 teasers=[("陈青敏会见洪森", ["陈青敏会见了洪森。"], [meet("陈青敏", "洪森", "2024-06-10")], PEOPLE)])
    load_records(st, [art, other])
    (ev,) = events(st).items
    assert (ev.n_sources, ev.n_reports) == (1, 2)


def test_store_merge_replacing_a_page_recomputes_its_events(st: Store, tmp_path: Path) -> None:
    a = page("a.txt", "陈青敏会见洪森", ["陈青敏会见洪森。"], events=[meet("陈青敏", "洪森", "2024-06-10")],
             people=PEOPLE, url="https://example.org/a")
    b = page("b.txt", "议会领导人会见", ["陈青敏与洪森会见。"], events=[meet("陈青敏", "洪森", "2024-06-10")],
             people=PEOPLE, url="https://example.org/b")
    load_records(st, [a, b])
    assert events(st).items[0].n_sources == 2
    b2 = page("b.txt", "议会领导人通电话", ["陈青敏与洪森通电话。"], people=PEOPLE, url="https://example.org/b",
              events=[{**meet("陈青敏", "洪森", "2024-06-10"), "type": "phone_call"}])
    run = load_records(st, [b2])
    assert run.replaced == 1
    got = sorted((e.type, e.n_sources) for e in events(st).items)
    assert got == [("meet", 1), ("phone_call", 1)]
    load_records(st, [page("b.txt", "空", ["没有事件。"], url="https://example.org/b")])
    assert [(e.type, e.n_sources) for e in events(st).items] == [("meet", 1)]


# -- people across pages ----------------------------------------------------------------


def test_store_merge_person_titles_over_time(st: Store) -> None:
    p1 = page("a.txt", "外长会见", ["裴青山外长会见客人。"], year=2023, published="2023-09-05",
              people=[{"name": "裴青山", "titles": ["越南外交部长"], "country": "VNM"}])
    p2 = page("b.txt", "副总理出访", ["副总理裴青山出访日本。"], year=2025, published="2025-02-03",
              people=[{"name": "裴青山", "titles": ["越南政府副总理", "外长"], "country": "VNM"}])
    p3 = page("c.txt", "会见", ["裴青山会见外宾。"], year=2024, published="2024-01-02",
              people=[{"name": "裴青山", "titles": [], "country": None}])
    load_records(st, [p1, p2, p3])
    (p,) = people(st, "裴青山").items
    assert (p.country, p.first_seen, p.last_seen, p.n_documents) == ("VNM", "2023-09-05", "2025-02-03", 3)
    assert [(r.title, r.first_seen) for r in p.titles] == [
        ("越南外交部长", "2023-09-05"), ("越南政府副总理", "2025-02-03"), ("外长", "2025-02-03")]
    detail = person(st, p.id)
    assert detail is not None and detail.person.titles[0].evidence[0].text == "裴青山外长会见客人。"
    assert len(detail.sources) == 3


def test_store_merge_namesakes_of_two_countries_are_two_people(st: Store) -> None:
    p1 = page("a.txt", "甲", ["黎明会见客人。"], people=[{"name": "黎明", "titles": ["越南驻泰国大使"], "country": "VNM"}])
    p2 = page("b.txt", "乙", ["黎明出席会议。"], people=[{"name": "黎明", "titles": ["中国驻越南大使"], "country": "CHN"}])
    p3 = page("c.txt", "丙", ["黎明表示欢迎。"], people=[{"name": "黎明", "titles": ["越南驻泰国大使"], "country": None}])
    load_records(st, [p1, p2, p3])
    got = sorted((p.country, p.n_documents) for p in people(st, "黎明").items)
    assert got == [("CHN", 1), ("VNM", 2)]  # the sighting without a country joins by its title


def test_store_merge_person_country_learned_later_reaches_event_actors(st: Store) -> None:
    a = page("a.txt", "会见", ["阮文山会见洪森。"], events=[meet("阮文山", "洪森", "2024-06-10")],
             people=[{"name": "阮文山", "titles": ["省委书记"]}, PEOPLE[1]])
    b = page("b.txt", "访问", ["阮文山访问金边。"], people=[{"name": "阮文山", "titles": ["省委书记"], "country": "VNM"}])
    load_records(st, [a, b])
    assert len(people(st, "阮文山").items) == 1
    assert events(st, country="VNM").items[0].source == ["阮文山"]


# -- end to end: self-written pages through the extractor ------------------------------

PAGE_A = """越南国会主席陈青敏会见柬埔寨参议院主席洪森

2024年6月10日上午，越南国会主席陈青敏在河内会见了柬埔寨参议院主席洪森。双方同意深化两国议会合作。

越通社河内——2024年6月10日上午，越南国会主席陈青敏在河内会见了柬埔寨参议院主席洪森。双方同意深化两国议会合作。

陈青敏表示，越南重视同柬埔寨的睦邻友好关系。(完)
"""

PAGE_B = """陈青敏与洪森就议会合作交换意见

据越通社报道，2024年6月10日，越南国会主席陈青敏在河内会见柬埔寨参议院主席洪森，双方就加强立法机构交流交换看法。

洪森感谢越方的热情接待。(完)
"""


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


def test_store_merge_pages_reporting_the_same_meeting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE_B, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as st:
        run = ingest(st, [tmp_path], _extract)
        assert run.added == 2
        meets = events(st, type="meet").items
        assert len(meets) == 1
        assert (meets[0].date, meets[0].n_sources) == ("2024-06-10", 2)
        assert {p.name for p in people(st).items} >= {"陈青敏", "洪森"}
        assert len(people(st, "陈青敏").items) == 1
