"""The curation layer: decisions applied over the extraction, kept across re-extraction,
exchanged as JSONL, exported as gold that score.py reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import waishi
from waishi.store import Store, events, ingest, person
from waishi.store import curation as C
from waishi.store.decisions import DecisionError

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"

PAGE = """越南外长裴青山会见柬埔寨外交大臣

2024年7月2日上午，越南外交部长裴青山在河内会见柬埔寨副首相兼外交大臣桑速。双方同意加强两国外交部门合作。

同日，越南国会主席陈青敏会见了桑速副首相。

当天下午，桑速副首相出席越柬友好协会成立仪式。(完)
"""


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    (tmp_path / "kh.txt").write_text(PAGE, encoding="utf-8")
    st = Store.open(tmp_path / "c.db")
    ingest(st, [tmp_path / "kh.txt"], _extract)
    return st


def _events(st: Store) -> list[tuple[str, str | None, list[str], list[str]]]:
    return sorted((e.type, e.date, e.source, e.target) for e in events(st, limit=100))


def _keys(st: Store) -> tuple[str, list[dict]]:
    loc = st.con.execute("SELECT locator FROM sources").fetchone()[0]
    raw = C.load_raw(st, loc)
    assert raw is not None
    return loc, [e for d in raw["documents"] for e in d["events"]]


def _key(loc: str, ev: dict) -> dict:
    return {"locator": loc, "type": ev["type"], "start": ev["evidence"]["start"], "end": ev["evidence"]["end"]}


def _sentence(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, text.index("。", i) + 1


def test_store_curation_reject_edit_add_change_the_views_not_the_raw(store: Store) -> None:
    loc, evs = _keys(store)
    before = _events(store)
    meets = [e for e in evs if e["type"] == "meet"]
    assert len(meets) == 2
    C.decide(store, "event", "reject", _key(loc, meets[1]), author="lan", note="<b>dup</b>")
    C.decide(store, "event", "edit", _key(loc, meets[0]), author="lan", fields={"date": "2024-07-03"})
    s, e = _sentence(PAGE, "当天下午")
    C.decide(store, "event", "add", {"locator": loc, "type": "host", "start": s, "end": e}, author="minh",
             fields={"date": "2024-07-02", "source": ["越柬友好协会"], "target": ["成立仪式"]})
    after = _events(store)
    assert len([x for x in after if x[0] == "meet"]) == 1
    assert ("meet", "2024-07-03", ["裴青山"], ["桑速"]) in after
    assert any(x[0] == "host" and x[2] == ["越柬友好协会"] for x in after)
    assert after != before
    # the raw record is as the extractor wrote it
    assert [e for e in _keys(store)[1]] == evs
    # every decision is shown with its author on the event and document pages' data
    host = next(x for x in events(store, limit=100) if x.type == "host" and x.source == ["越柬友好协会"])
    got = C.for_event(store, host.id)
    assert [(d.action, d.author) for d in got] == [("add", "minh")]
    doc_id = store.con.execute("SELECT id FROM documents WHERE ord = 0").fetchone()[0]
    assert {d.action for d in C.for_document(store, doc_id)} == {"reject", "edit", "add"}
    st = C.stats(store)
    assert st.decisions == 3 and st.orphans == 0 and st.by_author == {"lan": 2, "minh": 1}


def test_store_curation_person_edit_applies_everywhere(store: Store) -> None:
    C.decide(store, "person", "edit", {"name": "桑速", "country": "KHM"}, author="lan",
             fields={"titles": ["柬埔寨副首相兼外交大臣"]})
    pid = store.con.execute("SELECT id FROM people WHERE name='桑速'").fetchone()[0]
    d = person(store, pid)
    assert d is not None and [r.title for r in d.person.titles] == ["柬埔寨副首相兼外交大臣"]
    assert [x.action for x in C.for_person(store, pid)] == ["edit"]


def test_store_curation_bad_decisions_are_refused(store: Store) -> None:
    loc, evs = _keys(store)
    with pytest.raises(DecisionError, match="date must be"):
        C.decide(store, "event", "edit", _key(loc, evs[0]), author="lan", fields={"date": "July"})
    with pytest.raises(DecisionError, match="cannot be edited"):
        C.decide(store, "event", "edit", _key(loc, evs[0]), author="lan", fields={"cameo": "040"})
    with pytest.raises(DecisionError, match="author"):
        C.decide(store, "event", "reject", _key(loc, evs[0]), author=" ")
    assert C.stats(store).decisions == 0


def test_store_curation_reextract_keeps_or_lists_every_decision(store: Store,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    loc, evs = _keys(store)
    attend = next(e for e in evs if e["type"] == "attend")
    meets = [e for e in evs if e["type"] == "meet"]
    C.decide(store, "event", "confirm", _key(loc, meets[0]), author="lan")
    C.decide(store, "event", "edit", _key(loc, meets[1]), author="lan", fields={"location": "河内"})
    C.decide(store, "event", "reject", _key(loc, attend), author="lan")
    C.decide(store, "person", "edit", {"name": "陈青敏", "country": "VNM"}, author="lan",
             fields={"titles": ["越南国会主席"]})
    n_events = len(_events(store))
    # a rule change: the extractor no longer knows 出席 (attend)
    orig = waishi.extract

    def changed(text: str, **kw):  # type: ignore[no-untyped-def]
        got = orig(text, **kw)
        for d in got.documents:
            d.events = [e for e in d.events if e.type != "attend"]
        return got

    monkeypatch.setattr(waishi, "extract", changed)
    res = C.reextract(store, _extract, everything=True)
    assert res.reextracted == 1 and not res.failed
    orphans = C.orphans(store)
    applied = [d for d in C.decisions(store) if d.status == "applied"]
    assert len(orphans) + len(applied) == 4  # every decision applies or is listed
    assert [o.decision.action for o in orphans] == ["reject"] and "no event attend" in orphans[0].reason
    assert ("meet", "2024-07-02", ["陈青敏"], ["桑速"]) in _events(store)
    assert len(_events(store)) == n_events  # attend: rejected before, gone from the rules now
    assert store.con.execute("SELECT location FROM events WHERE type='meet' AND location='河内'").fetchall()


def test_store_curation_exchange_is_idempotent_and_reports_conflicts(store: Store, tmp_path: Path) -> None:
    loc, evs = _keys(store)
    C.decide(store, "event", "reject", _key(loc, evs[0]), author="lan", at="2024-08-01T10:00:00+00:00")
    out = tmp_path / "d.jsonl"
    assert C.export_decisions(store, out) == 1
    # a colleague's store: same pages, another decision on the same event
    other = Store.open(tmp_path / "other.db")
    ingest(other, [tmp_path / "kh.txt"], _extract)
    C.decide(other, "event", "confirm", _key(loc, evs[0]), author="minh", at="2024-08-02T10:00:00+00:00")
    first = C.import_decisions(other, out)
    assert first.added == 1 and len(first.conflicts) == 1 and "lan" in first.conflicts[0]
    snapshot = other.con.execute("SELECT * FROM decisions ORDER BY id").fetchall()
    again = C.import_decisions(other, out)
    assert again.added == 0 and again.already == 1
    assert other.con.execute("SELECT * FROM decisions ORDER BY id").fetchall() == snapshot
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "event"}\nnot json\n', encoding="utf-8")
    assert len(C.import_decisions(other, bad).errors) == 2


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval/score.py is absent")
def test_store_curation_gold_scores_one_against_itself(store: Store, tmp_path: Path) -> None:
    from waishi.store.gold import export_gold

    loc, evs = _keys(store)
    C.decide(store, "event", "reject", _key(loc, evs[-1]), author="lan")
    raw = C.load_raw(store, loc)
    assert raw is not None
    doc = raw["documents"][0]
    C.decide(store, "document", "confirm", {"locator": loc, "ord": 0, "title": doc["title"]}, author="lan")
    res = export_gold(store, tmp_path / "gold", raw_dir=tmp_path / "raw")
    assert res.pages == 1 and res.documents == 1
    gold = json.loads(next((tmp_path / "gold").glob("*.json")).read_text(encoding="utf-8"))
    assert gold["schema"] == "waishi.extraction/1" and len(gold["documents"][0]["events"]) == len(evs) - 1

    def score(system: Path) -> dict:
        out = subprocess.run([sys.executable, str(SCORE), "--gold", str(tmp_path / "gold"), "--system", str(system)],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    me = score(tmp_path / "gold")
    assert me["events_f1"] == 1.0 and me["people_f1"] == 1.0 and me["documents_f1"] == 1.0
    assert score(tmp_path / "raw")["events_f1"] < 1.0  # the extractor's accuracy on the reviewed pages


def test_store_curation_pages_stored_before_v3_get_their_record_from_reextract(tmp_path: Path) -> None:
    (tmp_path / "kh.txt").write_text(PAGE, encoding="utf-8")
    path = tmp_path / "old.db"
    with Store.open(path) as st:
        ingest(st, [tmp_path / "kh.txt"], _extract)
        # what a version 2 store holds: no raw records, no extractor versions
        st.con.execute("DELETE FROM page_records")
        st.con.execute("UPDATE sources SET extractor = NULL")
        loc = st.con.execute("SELECT locator FROM sources").fetchone()[0]
    with Store.open(path) as st:
        ev = next(e for e in _extract(waishi.Page(PAGE, str(tmp_path / "kh.txt"))).to_dict()["documents"][0]["events"])
        C.decide(st, "event", "reject", _key(loc, ev), author="lan")
        assert "no raw record" in C.orphans(st)[0].reason
        assert C.stats(st).pages_current == 0
        res = C.reextract(st, _extract)  # the page's file still holds the same text
        assert res.reextracted == 1 and not res.failed and res.orphans == 0
        assert C.stats(st).pages_current == 1
        assert (ev["type"], ev["date"], ev["source"], ev["target"]) not in _events(st)
    (tmp_path / "kh.txt").unlink()
    with Store.open(path) as st:
        st.con.execute("DELETE FROM page_records")
        res = C.reextract(st, _extract, everything=True)
        assert res.reextracted == 0 and "page text not stored" in res.failed[0][1]
        assert len(_events(st)) > 0  # the old rows stay


def test_store_curation_review_queue_filters_and_document_view(store: Store) -> None:
    from waishi.store import review as R

    loc, evs = _keys(store)
    q = R.queue(store)
    assert (q.total, q.reviewed, q.matching) == (1, 0, 1)
    assert R.queue(store, country="KHM").matching == 1 and R.queue(store, country="USA").matching == 0
    assert R.queue(store, type="meet").matching == 1 and R.queue(store, type="aid").matching == 0
    page_id, ord_ = q.items[0].page_id, q.items[0].ord
    C.decide(store, "event", "reject", _key(loc, evs[0]), author="lan")
    d = R.review_document(store, page_id, ord_)
    assert d is not None and d.document_id == q.items[0].document_id
    assert "".join(s.text for s in d.segments) == PAGE[d.start:d.end]  # the page shows the text exactly
    assert d.events[0]["review"]["status"] == "rejected" and len(d.events) == len(evs)  # kept, flagged
    assert any(0 in s.events for s in d.segments)
    C.decide(store, "document", "confirm", d.key, author="lan")
    assert R.queue(store).matching == 0 and R.queue(store, status="reviewed").items[0].reviewed_by == "lan"
    assert R.neighbours(store, page_id, ord_) == (None, None)
    assert R.review_document(store, page_id, 5) is None and R.review_document(store, 999, 0) is None


TWO_OUTLETS = {
    "a.txt": """越南国会主席陈青敏会见柬埔寨参议院主席洪森

2024年6月10日上午，越南国会主席陈青敏在河内会见了柬埔寨参议院主席洪森。双方同意深化两国议会合作。(完)
""",
    "b.txt": """陈青敏与洪森就议会合作交换意见

据越通社报道，2024年6月10日，越南国会主席陈青敏在河内会见柬埔寨参议院主席洪森。(完)
""",
}


def test_store_curation_a_merged_event_is_decided_on_every_report(tmp_path: Path) -> None:
    for name, text in TWO_OUTLETS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    st = Store.open(tmp_path / "m.db")
    ingest(st, [tmp_path / "a.txt", tmp_path / "b.txt"], _extract)
    ev = next(e for e in events(st, limit=100) if e.type == "meet")
    assert ev.n_reports == 2
    got = C.decide_event(st, ev.id, "edit", author="lan", fields={"location": "河内市"})
    assert len(got) == 2 and {d.target["locator"] for d in got} == {str(tmp_path / n) for n in TWO_OUTLETS}
    ev2 = next(e for e in events(st, limit=100) if e.type == "meet")
    assert ev2.location == "河内市" and ev2.n_reports == 2
    C.decide_event(st, ev2.id, "reject", author="lan")
    assert not [e for e in events(st, limit=100) if e.type == "meet"]
    res = C.reextract(st, _extract, everything=True)
    assert res.orphans == 0 and not [e for e in events(st, limit=100) if e.type == "meet"]
    with pytest.raises(DecisionError, match="no event"):
        C.decide_event(st, 9999, "reject", author="lan")
    with pytest.raises(DecisionError, match="whole event"):
        C.decide_event(st, ev2.id, "split", author="lan")
