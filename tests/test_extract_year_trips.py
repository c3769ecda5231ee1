"""Dating by a known trip (visits_*.tsv): a story that opens with a leader's visit and gives its
month and day but no year takes the year of the one trip of his the lexicon dates then."""

import copy
from datetime import date

import pytest

from waishi.extract.pipeline import extract
from waishi.extract.year import collect
from waishi.lexicon import Lexicon, LexiconError, Visit


def _lex(*trips):
    lex = copy.copy(Lexicon.default())
    lex.visits = {}
    for t in trips:
        lex.visits.setdefault(t.visitor, []).append(t)
    return lex


# facts: Lee Hsien Loong's official visit to Vietnam (2017-03-21..24); a made-up second trip
TRIPS = (Visit("李显龙", "SGP", "VNM", date(2017, 3, 21), date(2017, 3, 24), "official", "test"),
         Visit("李显龙", "SGP", "VNM", date(2012, 9, 1), date(2012, 9, 30), "official", "test"))
PAGE = ("新加坡总理李显龙对越南进行正式访问\n\n越通社河内——3月23日上午，越南政府总理阮春福在河内主持仪式，"
        "欢迎新加坡总理李显龙对越南进行正式访问。")


def test_extract_year_trips_a_known_trip_dates_the_story():
    lex = _lex(*TRIPS)
    ev = collect(lex, PAGE, month_day=(3, 23))
    assert ev.decide() == 2017
    assert [c.year for c in ev.constraints if c.note.startswith("known trip")] == [2017]
    doc = extract(PAGE, lexicon=lex).documents[0]
    assert doc.year == 2017
    assert any(e.type == "visit" and (e.date or "").startswith("2017-03") for e in doc.events)


def test_extract_year_trips_a_day_outside_every_trip_says_nothing():
    ev = collect(_lex(*TRIPS), PAGE, month_day=(6, 2))
    assert not any(c.note.startswith("known trip") for c in ev.constraints)


def test_extract_year_trips_two_trips_that_fit_share_the_weight():
    lex = _lex(Visit("李显龙", "SGP", "VNM", date(2017, 3, 21), date(2017, 3, 24), "official", "test"),
               Visit("李显龙", "SGP", "VNM", date(2013, 3, 1), date(2013, 3, 31), "official", "test"))
    ev = collect(lex, PAGE, month_day=(3, 23))
    assert sorted(c.year for c in ev.constraints if c.note.startswith("known trip")) == [2013, 2017]
    assert ev.scores[2013] == ev.scores[2017]


def test_extract_year_trips_a_trip_to_another_country_says_nothing():
    lex = _lex(Visit("李显龙", "SGP", "CHN", date(2017, 3, 21), date(2017, 3, 24), "official", "test"))
    ev = collect(lex, PAGE, month_day=(3, 23))
    assert not any(c.note.startswith("known trip") for c in ev.constraints)


def test_extract_year_trips_a_bad_row_is_a_clear_error(tmp_path):
    import shutil
    from importlib import resources
    src = resources.files("waishi.lexicon").joinpath("data")
    for f in src.iterdir():
        if f.name.endswith(".tsv"):
            shutil.copy(str(f), tmp_path / f.name)
    (tmp_path / "visits_vn.tsv").write_text(
        "visitor\tvisitor_iso3\thost_iso3\tstart\tend\tkind\tsource\n阮春福\tVNM\tCHN\t2017-13\t\tstate\tx\n",
        encoding="utf-8")
    with pytest.raises(LexiconError, match="visits_vn.tsv"):
        Lexicon.load(tmp_path)


def test_extract_year_trips_the_host_named_in_the_lede_is_no_visitor():
    # 通伦 receives the visitor here: his own trip to Vietnam in another December says nothing
    lex = _lex(Visit("通伦", "LAO", "VNM", date(2020, 12, 1), date(2020, 12, 31), "other", "test"))
    page = ("越老两党深化合作\n\n越通社万象——12月2日，正在老挝进行国事访问的越共中央总书记苏林同老挝人民革命党中央总书记、"
            "国家主席通伦举行会谈。越南和老挝两党同意加强合作。")
    ev = collect(lex, page, month_day=(12, 2))
    assert not any(c.note.startswith("known trip") for c in ev.constraints)


def test_extract_year_trips_a_visitor_named_after_a_relative_clause():
    lex = _lex(*TRIPS)
    page = ("越南国家主席会见新加坡总理\n\n越通社河内——3月22日，越南国家主席陈大光在河内会见了正在对越南进行正式访问的"
            "新加坡总理李显龙。")
    ev = collect(lex, page, month_day=(3, 22))
    assert [c.year for c in ev.constraints if c.note.startswith("known trip")] == [2017]


def test_extract_year_trips_a_day_alone_and_visiting_as_a_relative_clause():
    lex = _lex(Visit("王廷惠", "VNM", "CHN", date(2024, 4, 7), date(2024, 4, 12), "official", "test"),
               Visit("王廷惠", "VNM", "CHN", date(2019, 6, 1), date(2019, 6, 30), "official", "test"))
    page = ("越南国会主席出席见面会\n\n越通社北京——9日下午，正在访问中国的国会主席王廷惠在北京参加中越人民友好见面会。")
    ev = collect(lex, page, day_only=9)
    # the month-only row takes in every day and says nothing; the six-day trip does
    assert [c.year for c in ev.constraints if c.note.startswith("known trip")] == [2024]
