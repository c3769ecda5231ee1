"""decisions.apply: a raw record and its decisions -> the curated record (pure, no database)."""

from __future__ import annotations

from typing import Any

import pytest

import waishi
from waishi.store.decisions import Decision, DecisionError, apply, check_decision, event_key

PAGE = """越南外长裴青山会见柬埔寨外交大臣

2024年7月2日上午，越南外交部长裴青山在河内会见柬埔寨副首相兼外交大臣桑速。双方同意加强两国外交部门合作。

同日，越南国会主席陈青敏会见了桑速副首相。

当天下午，桑速副首相出席越柬友好协会成立仪式。(完)
"""
LOC = "/corpus/kh.txt"


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    ext = waishi.extract(PAGE)
    d = ext.to_dict()
    d["text"] = ext.text
    return d


def _d(i: int, kind: str, action: str, target: dict[str, Any], fields: dict[str, Any] | None = None,
       at: str = "2024-08-01T00:00:00+00:00") -> Decision:
    t, f = check_decision(kind, action, target, fields)
    return Decision(i, kind, action, t, f, "lan", at)


def _events(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for d in rec["documents"] for e in d["events"]]


def test_store_decisions_later_decision_wins(raw: dict[str, Any]) -> None:
    ev = _events(raw)[0]
    k = event_key(LOC, ev)
    out = apply(raw, [_d(1, "event", "reject", k), _d(2, "event", "confirm", k, at="2024-08-02T00:00:00+00:00")],
                LOC)
    assert len(_events(out.record)) == len(_events(raw)) and not out.orphans
    assert _events(out.record)[0]["review"]["status"] == "confirmed"
    out = apply(raw, [_d(1, "event", "reject", k)], LOC, keep_rejected=True)
    assert _events(out.record)[0]["review"]["status"] == "rejected"
    assert raw["documents"][0]["events"][0].get("review") is None  # the raw record is untouched


def test_store_decisions_confirm_keeps_the_values_seen(raw: dict[str, Any]) -> None:
    ev = _events(raw)[0]
    changed = {**raw, "documents": [{**raw["documents"][0],
                                     "events": [{**ev, "date": "2024-07"}] + _events(raw)[1:]}]}
    conf = _d(1, "event", "confirm", event_key(LOC, ev), {"date": ev["date"], "type": ev["type"]})
    assert _events(apply(changed, [conf], LOC).record)[0]["date"] == ev["date"]


def test_store_decisions_moved_sentence_still_found(raw: dict[str, Any]) -> None:
    ev = _events(raw)[0]
    k = event_key(LOC, ev)
    k["end"] -= 5  # an older extractor cut the sentence shorter
    out = apply(raw, [_d(1, "event", "edit", k, {"location": "金边"})], LOC)
    assert not out.orphans and _events(out.record)[0]["location"] == "金边"


def test_store_decisions_merge_and_split_events(raw: dict[str, Any]) -> None:
    meets = [e for e in _events(raw) if e["type"] == "meet"]
    a, b = event_key(LOC, meets[0]), event_key(LOC, meets[1])
    merged = apply(raw, [_d(1, "event", "merge", a, {"with": b})], LOC).record
    one = [e for e in _events(merged) if e["type"] == "meet"]
    assert len(one) == 1 and "陈青敏" in one[0]["source"] + one[0]["target"]
    assert one[0]["extra_evidence"][0]["start"] == b["start"]
    again = apply(raw, [_d(1, "event", "merge", a, {"with": b}),
                        _d(2, "event", "split", a, at="2024-08-02T00:00:00+00:00")], LOC).record
    assert len([e for e in _events(again) if e["type"] == "meet"]) == 2


def test_store_decisions_person_merge_renames_actors(raw: dict[str, Any]) -> None:
    out = apply(raw, [_d(1, "person", "merge", {"name": "桑速", "country": "KHM"},
                         {"into": {"name": "布拉索昆", "country": "KHM"}})], LOC).record
    names = {p["name"] for d in out["documents"] for p in d["people"]}
    assert "布拉索昆" in names and "桑速" not in names
    assert all("桑速" not in e["source"] + e["target"] for e in _events(out))


def test_store_decisions_add_outside_documents_is_an_orphan(raw: dict[str, Any]) -> None:
    n = len(PAGE) + 10
    out = apply(raw, [_d(1, "event", "add", {"locator": LOC, "type": "meet", "start": n, "end": n + 3})], LOC)
    assert 1 in out.orphans and "no document" in out.orphans[1]


@pytest.mark.parametrize("kind, action, target, fields, msg", [
    ("event", "promote", {}, {}, "one of"),
    ("ship", "confirm", {}, {}, "kind must be"),
    ("event", "edit", {"locator": LOC, "type": "meet", "start": 5, "end": 2}, {}, "start < end"),
    ("event", "edit", {"locator": LOC, "type": "meet"}, {}, "lacks"),
    ("person", "edit", {"name": "桑速"}, {"country": "Cambodia"}, "ISO3"),
    ("person", "split", {"name": "桑速"}, {"country": "KHM"}, "names the page"),
    ("fact", "edit", {"locator": LOC, "metric": "aid", "start": 1, "end": 2}, {"value": "lots"}, "number"),
    ("event", "merge", {"locator": LOC, "type": "meet", "start": 1, "end": 2}, {}, "merge needs"),
])
def test_store_decisions_bad_input_is_refused(kind: str, action: str, target: dict[str, Any],
                                              fields: dict[str, Any], msg: str) -> None:
    with pytest.raises(DecisionError, match=msg):
        check_decision(kind, action, target, fields)
