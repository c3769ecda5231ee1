"""The Store object, named rows and the one filter builder (store/rows.py), over a hand-built store.

The store is filled with SQL so every count below is known: three events, each with one
report on its own page; the facets, timeline, graph and country summary must agree with
the event list on what a filter keeps.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from waishi.store import Store, StoreError
from waishi.store import views as V
from waishi.store.rows import Where, connection, named, normalize_day, page

TEXT = "越南与老挝举行会谈。越南国家主席访问柬埔寨。老挝总理与柬埔寨首相通电话。"

# (event id, type, date, precision, lo, hi, [(role, name, kind, iso3, person_id)])
EVENTS = [
    (1, "meet", "2024-03-05", "day", "2024-03-05", "2024-03-05",
     [("source", "越南", "country", "VNM", None), ("target", "老挝", "country", "LAO", None)]),
    (2, "visit", "2024-07", "month", "2024-07-01", "2024-07-31",
     [("source", "苏林", "person", "VNM", 1), ("target", "柬埔寨", "country", "KHM", None)]),
    (3, "call", "2025", "year", "2025-01-01", "2025-12-31",
     [("source", "老挝", "country", "LAO", None), ("target", "柬埔寨", "country", "KHM", None)]),
]


@pytest.fixture()
def st() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        con = s.con
        con.execute("INSERT INTO people(id, name, country, n_documents) VALUES (1, '苏林', 'VNM', 1)")
        for eid, etype, date, prec, lo, hi, actors in EVENTS:
            con.execute("INSERT INTO sources(id, locator, content_hash, length, ingested_at) "
                        "VALUES (?, ?, 'h', 10, 'now')", (eid, f"page{eid}"))
            con.execute("INSERT INTO documents(id, source_id, ord, kind, title, title_key, date, start, end, text) "
                        "VALUES (?, ?, 0, 'article', ?, ?, ?, 0, ?, ?)",
                        (eid, eid, f"标题{eid}", f"t{eid}", date, len(TEXT), TEXT))
            start = (eid - 1) * 10
            con.execute("INSERT INTO event_reports(id, event_id, document_id, date, start, end) VALUES (?,?,?,?,?,?)",
                        (eid, eid, eid, date, start, start + 9))
            con.execute("INSERT INTO events(id, type, date, precision, date_lo, date_hi, plover, cameo, n_sources, "
                        "n_reports, report_id) VALUES (?,?,?,?,?,?,'CONSULT','040',?,1,?)",
                        (eid, etype, date, prec, lo, hi, eid, eid))
            for role, name, kind, iso3, pid in actors:
                con.execute("INSERT INTO event_actors(report_id, event_id, type, date_lo, date_hi, role, name, kind, "
                            "person_id, iso3, key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                            (eid, eid, etype, lo, hi, role, name, kind, pid, iso3, f"k:{name}"))
        yield s


def test_store_rows_where_builds_terms_and_params_in_order() -> None:
    w = Where().add("d.kind = ?", "article").add_if(None, "never = ?", 1).add_if("", "never = ?", 2)
    w.events(type="meet", country="lao", since="2024", until="2024-06", min_sources=2)
    assert w.params == ["article", "meet", "LAO", "2024-01-01", "2024-06-30", 2]
    assert w.sql.startswith(" WHERE d.kind = ? AND e.type = ? AND e.id IN (")
    assert w.sql.count("?") == len(w.params)
    listed = Where().events(type="meet", country="lao", listing=True)  # another plan, the same parameters
    assert "EXISTS (" in listed.sql and listed.params == ["meet", "LAO"]
    assert Where().sql == "" and Where().and_sql == "" and not Where()
    assert Where().add("x = ?", 1).and_sql == " AND x = ?"
    assert Where().any_of("id", []).sql == " WHERE 0"
    assert Where().any_of("id", [3, 4]).params == [3, 4]


def test_store_rows_where_event_alias_and_folding() -> None:
    w = Where().events(actor="範明政", person_id=7, alias="x")
    assert all(t.startswith("x.id IN") for t in w.terms)
    assert w.params == ["范明政", 7]  # Traditional folded to Simplified, as pages are stored


@pytest.mark.parametrize("bad", ["2024-13", "2024-02-30", "last year"])
def test_store_rows_bad_dates_are_store_errors(bad: str) -> None:
    with pytest.raises(StoreError):
        Where().events(since=bad)
    with pytest.raises(StoreError):
        normalize_day(bad)


def test_store_rows_page_bounds() -> None:
    assert page(1, 0) == (1, 0)
    for limit, offset in ((0, 0), (10_001, 0), (5, -1)):
        with pytest.raises(StoreError):
            page(limit, offset)


def test_store_rows_named_rows_by_column_name(st: Store) -> None:
    rows = named(st, "SELECT id, type AS kind FROM events ORDER BY id")
    assert [(r["id"], r["kind"]) for r in rows] == [(1, "meet"), (2, "visit"), (3, "call")]
    # a bare connection works too, and keeps giving plain tuples to other callers
    con = connection(st)
    assert connection(con) is con
    assert named(con, "SELECT count(*) AS n FROM events")[0]["n"] == 3
    assert con.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.parametrize("filters,expected", [
    ({}, [3, 2, 1]),
    ({"country": "LAO"}, [3, 1]),
    ({"country": "khm", "since": "2024-07-15"}, [3, 2]),
    ({"type": "meet"}, [1]),
    ({"actor": "柬"}, [3, 2]),
    ({"person_id": 1}, [2]),
    ({"until": "2024-06"}, [1]),
    ({"min_sources": 2}, [3, 2]),
])
def test_store_rows_one_event_filter_for_every_question(st: Store, filters: dict[str, object],
                                                         expected: list[int]) -> None:
    """The events list, the facets and the timeline keep the same events for a filter."""
    got = [e.id for e in st.events(**filters)]  # type: ignore[arg-type]
    assert got == expected
    if "person_id" not in filters:  # the facets take every filter of the list but a person's
        facets = st.event_facets(**filters)  # type: ignore[arg-type]
        if "type" not in filters:
            assert sum(n for _t, n in facets.type) == len(expected)
        assert {y for y, _n in facets.year} == {e.date[:4] for e in st.events(**filters) if e.date}  # type: ignore[arg-type]
    timeline_keys = {k: v for k, v in filters.items() if k in ("type", "country", "since", "until")}
    if timeline_keys == filters:
        assert sum(b.count for b in st.timeline(bucket="year", **timeline_keys)) == len(expected)  # type: ignore[arg-type]


def test_store_rows_graph_and_country_use_the_same_country_filter(st: Store) -> None:
    g = st.graph(country="LAO")
    assert {(link.source, link.target) for link in g.links} == {("LAO", "VNM"), ("KHM", "LAO")}
    summary = st.country("KHM")
    assert summary is not None and summary.n_events == 2
    assert dict(summary.partners) == {"VNM": 1, "LAO": 1}
    assert [e.id for e in summary.events] == [3, 2]


def test_store_rows_store_methods_are_the_module_questions(st: Store) -> None:
    detail = st.event(2)
    assert detail is not None and detail.event.source == ["苏林"] and detail.event.target_iso3 == ["KHM"]
    assert detail.actors[0].person_id == 1 and detail.event.evidence == TEXT[10:19]
    assert detail.reports[0].document_id == 2 and detail.reports[0].evidence == TEXT[10:19]
    assert st.stats().events == 3 and st.home_country() in {"LAO", "KHM", "VNM"}
    assert [d.id for d in st.documents()] == [3, 2, 1]
    assert V.documents(st.con).items == st.documents().items  # the module function over a bare connection
    assert st.person(1) is not None and [e.id for e in st.person(1).events] == [2]  # type: ignore[union-attr]
    assert st.counterparts(1)[0].iso3 == "KHM"
    assert st.anchors([1]) == {1: (1, 0, 9)}


def test_store_rows_readonly_store_answers_questions(tmp_path: object) -> None:
    from pathlib import Path

    db = Path(str(tmp_path)) / "s.db"
    Store.open(db).close()
    with Store.open(db, readonly=True) as ro:
        assert ro.events().items == [] and ro.stats().schema_version >= 5
        with pytest.raises(sqlite3.OperationalError):
            ro.con.execute("INSERT INTO runs(started_at) VALUES ('x')")
