"""Analysts' decisions applied to one page's extraction record (pure: no database).

A decision names its target by a **stable identity**, never by a row id (row ids change
each time a page is re-extracted):

- an event: the page's locator, the event type and its evidence span (page offsets);
- a person: name and country (everywhere), or name, country and page (``locator``: one page);
- a figure: the page's locator and the span of the figure as written (its report);
- a document: the page's locator, its position on the page and its headline.

``apply`` takes the raw record (``Extraction.to_dict()`` + text) and the decisions of its
page, in the order they were taken, and returns the curated record plus, for each decision,
where it landed (a ``Hit``) or why it did not (an orphan). The raw record is not changed.
A newer extractor may move an evidence span (a sentence split differently): an event
decision then lands on the event of the same type whose evidence overlaps the old span most.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import EVENT_TYPES

__all__ = [
    "ACTIONS", "EDITABLE", "KINDS", "Applied", "Decision", "DecisionError", "Hit", "apply",
    "check_decision", "document_key", "event_key", "fact_key", "person_key",
]

KINDS = ("event", "person", "fact", "document")
ACTIONS = ("confirm", "reject", "edit", "add", "merge", "split")
# what an edit may change, per kind
EDITABLE: dict[str, tuple[str, ...]] = {
    "event": ("type", "date", "date_end", "source", "target", "location"),
    "person": ("name", "country", "titles"),
    "fact": ("metric", "value", "unit", "period", "growth_pct", "subject", "counted"),
    "document": ("title", "year"),
}
_ALLOWED: dict[str, tuple[str, ...]] = {
    "event": ("confirm", "reject", "edit", "add", "merge", "split"),
    "person": ("confirm", "reject", "edit", "merge", "split"),
    "fact": ("confirm", "reject", "edit", "add"),
    "document": ("confirm", "edit"),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class DecisionError(ValueError):
    """A decision that cannot be taken as given (unknown action, bad field value)."""


@dataclass(frozen=True)
class Decision:
    id: int
    kind: str
    action: str
    target: Mapping[str, Any]
    fields: Mapping[str, Any]
    author: str
    created_at: str
    note: str | None = None
    uid: str = ""


@dataclass(frozen=True)
class Hit:
    """Where a decision landed: the document (by position on the page) and the item's span."""
    decision_id: int
    kind: str
    action: str
    document_ord: int | None
    start: int | None
    end: int | None


@dataclass
class Applied:
    record: dict[str, Any]
    hits: list[Hit] = field(default_factory=list)
    orphans: dict[int, str] = field(default_factory=dict)  # decision id -> why it found no target


# -- identities -------------------------------------------------------------------------


def event_key(locator: str, ev: Mapping[str, Any]) -> dict[str, Any]:
    ev_span = ev["evidence"]
    return {"locator": locator, "type": ev["type"], "start": int(ev_span["start"]), "end": int(ev_span["end"])}


def fact_key(locator: str, f: Mapping[str, Any]) -> dict[str, Any]:
    num = f.get("number") or f["evidence"]
    return {"locator": locator, "metric": f["metric"], "start": int(num["start"]), "end": int(num["end"])}


def person_key(p: Mapping[str, Any], locator: str | None = None) -> dict[str, Any]:
    key: dict[str, Any] = {"name": p["name"], "country": p.get("country")}
    if locator:
        key["locator"] = locator
    return key


def document_key(locator: str, ord_: int, doc: Mapping[str, Any]) -> dict[str, Any]:
    return {"locator": locator, "ord": ord_, "title": doc.get("title") or ""}


# -- validation -------------------------------------------------------------------------


def _names(v: Any, name: str) -> list[str]:
    if isinstance(v, str):
        v = [x for x in re.split(r"[、,，;；]\s*", v) if x.strip()]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise DecisionError(f"{name}: a list of names")
    return [x.strip() for x in v if x.strip()]


_LISTS = ("source", "target", "subject", "titles")


def _clean_type(k: str, v: Any, raw: Any) -> Any:
    if v not in EVENT_TYPES:
        raise DecisionError(f"type must be one of {', '.join(EVENT_TYPES)}, got {v!r}")
    return v


def _clean_date(k: str, v: Any, raw: Any) -> Any:
    if v is not None and (not isinstance(v, str) or not _DATE.match(v)):
        raise DecisionError(f"{k} must be YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
    return v


def _clean_names(k: str, v: Any, raw: Any) -> Any:
    return _names(v if v is not None else [], k)


def _clean_country(k: str, v: Any, raw: Any) -> Any:
    if v is None:
        return v
    v = str(v).upper()
    if not _ISO3.match(v):
        raise DecisionError(f"country must be an ISO3 code such as VNM, got {raw!r}")
    return v


def _clean_number(k: str, v: Any, raw: Any) -> Any:
    if v is None:
        return v
    try:
        v = float(v)
    except (TypeError, ValueError):
        raise DecisionError(f"{k} must be a number, got {raw!r}") from None
    return int(v) if k == "value" and v == int(v) else v


def _clean_year(k: str, v: Any, raw: Any) -> Any:
    if v is None:
        return v
    try:
        return int(v)
    except (TypeError, ValueError):
        raise DecisionError(f"year must be a number, got {raw!r}") from None


def _clean_name(k: str, v: Any, raw: Any) -> Any:
    if not v:
        raise DecisionError("name cannot be empty")
    return v


# field -> its check and canonical form (the value stripped, "" as None but for lists)
_CLEANERS: dict[str, Callable[[str, Any, Any], Any]] = {
    "type": _clean_type, "date": _clean_date, "date_end": _clean_date, "country": _clean_country,
    "value": _clean_number, "growth_pct": _clean_number, "year": _clean_year, "name": _clean_name,
    **{k: _clean_names for k in _LISTS},
}


def _clean_fields(kind: str, fields: Mapping[str, Any], *, whole: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    allowed = EDITABLE[kind]
    for k, v in fields.items():
        if k not in allowed:
            raise DecisionError(f"{kind} field {k!r} cannot be edited (editable: {', '.join(allowed)})")
        if isinstance(v, str):
            v = v.strip()
        if v == "" and k not in _LISTS:
            v = None
        clean = _CLEANERS.get(k)
        out[k] = clean(k, v, fields[k]) if clean is not None else v
    if whole and kind == "event":
        if out.get("type") is None:
            raise DecisionError("an added event needs a type")
    return out


def _canonical_target(kind: str, target: Mapping[str, Any]) -> dict[str, Any]:
    """A decision's target in canonical form: a span of a page (event, fact), a name (person),
    a document of a page (document)."""
    t = dict(target)
    try:
        if kind in ("event", "fact"):
            t = {"locator": str(t["locator"]), ("type" if kind == "event" else "metric"):
                 str(t["type" if kind == "event" else "metric"]), "start": int(t["start"]), "end": int(t["end"])}
            if not 0 <= t["start"] < t["end"]:
                raise DecisionError("target span must have 0 <= start < end")
        elif kind == "person":
            t = {"name": str(t["name"]), "country": t.get("country") or None,
                 **({"locator": str(t["locator"])} if t.get("locator") else {})}
        else:
            t = {"locator": str(t["locator"]), "ord": int(t["ord"]), "title": str(t.get("title") or "")}
    except (KeyError, TypeError, ValueError) as e:
        if isinstance(e, DecisionError):
            raise
        raise DecisionError(f"{kind} target lacks or garbles {e}") from None
    return t


def check_decision(kind: str, action: str, target: Mapping[str, Any],
                   fields: Mapping[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate a decision; returns its (target, fields) in canonical form or raises DecisionError."""
    if kind not in KINDS:
        raise DecisionError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if action not in _ALLOWED[kind]:
        raise DecisionError(f"a {kind} decision is one of {', '.join(_ALLOWED[kind])}, not {action!r}")
    if not isinstance(target, Mapping):
        raise DecisionError("target must be an object")
    fields = dict(fields or {})
    t = _canonical_target(kind, target)
    if kind == "event" and action == "add":
        fields.setdefault("type", t["type"])
    if action == "merge":
        other = fields.get("with") if kind == "event" else fields.get("into")
        if not isinstance(other, Mapping):
            raise DecisionError("merge needs " + ("'with': the other event's identity" if kind == "event"
                                                  else "'into': the person's name and country"))
        other_t, _ = check_decision(kind, "confirm", {**other, **({"locator": t["locator"]} if kind == "event"
                                                                  else {})}, None)
        return t, {("with" if kind == "event" else "into"): other_t}
    if action == "split":
        if kind == "person":
            if "locator" not in t:
                raise DecisionError("a person split names the page (target.locator) whose sighting is another person")
            return t, _clean_fields(kind, fields)
        return t, {}
    if action in ("confirm", "reject"):
        snap = {k: v for k, v in fields.items() if k in EDITABLE[kind]}
        return t, _clean_fields(kind, snap) if action == "confirm" else {}
    return t, _clean_fields(kind, fields, whole=action == "add")


# -- applying ---------------------------------------------------------------------------


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


class _Page:
    """The record being curated, with every item's identity and review state."""

    def __init__(self, raw: Mapping[str, Any], locator: str, keep_rejected: bool) -> None:
        self.rec: dict[str, Any] = {k: v for k, v in raw.items() if k != "documents"}
        self.rec["documents"] = copy.deepcopy(list(raw.get("documents") or []))
        self.locator = locator
        self.keep_rejected = keep_rejected
        for i, d in enumerate(self.rec["documents"]):
            d["key"] = document_key(locator, i, d)
            d["review"] = _state()
            for ev in d.get("events") or []:
                ev["key"] = event_key(locator, ev)
                ev["review"] = _state()
            for f in d.get("facts") or []:
                f["key"] = fact_key(locator, f)
                f["review"] = _state()
            for p in d.get("people") or []:
                p["key"] = person_key(p)
                p["review"] = _state()

    @property
    def docs(self) -> list[dict[str, Any]]:
        return self.rec["documents"]  # type: ignore[no-any-return]

    def doc_at(self, start: int) -> tuple[int, dict[str, Any]] | None:
        for i, d in enumerate(self.docs):
            if int(d["start"]) <= start < int(d["end"]):
                return i, d
        return None

    def find_span_item(self, kind: str, target: Mapping[str, Any]) -> tuple[int, dict[str, Any]] | None:
        lst = "events" if kind == "event" else "facts"
        tkey = "type" if kind == "event" else "metric"
        s, e = int(target["start"]), int(target["end"])
        best: tuple[int, int, dict[str, Any]] | None = None
        for i, d in enumerate(self.docs):
            for it in d.get(lst) or []:
                k = it["key"]
                if k["start"] == s and k["end"] == e and (kind == "fact" or k[tkey] == target[tkey]):
                    return i, it
                if kind == "event" and k[tkey] == target[tkey]:
                    ov = _overlap(k["start"], k["end"], s, e)
                    if ov and (best is None or ov > best[0]):
                        best = (ov, i, it)
        return (best[1], best[2]) if best else None

    def find_doc(self, target: Mapping[str, Any]) -> tuple[int, dict[str, Any]] | None:
        want = _norm(target.get("title"))
        if want:
            for i, d in enumerate(self.docs):
                if _norm(d["key"]["title"]) == want:
                    return i, d
        o = int(target["ord"])
        if 0 <= o < len(self.docs) and not want:
            return o, self.docs[o]
        return None

    def people(self, target: Mapping[str, Any]) -> list[tuple[int, dict[str, Any]]]:
        if target.get("locator") and target["locator"] != self.locator:
            return []
        out = []
        for i, d in enumerate(self.docs):
            for p in d.get("people") or []:
                k = p["key"]
                if k["name"] == target["name"] and (not target.get("country") or not k.get("country")
                                                    or k["country"] == target["country"]):
                    out.append((i, p))
        return out


def _state() -> dict[str, Any]:
    return {"status": None, "decisions": []}


def _norm(s: Any) -> str:
    return re.sub(r"[\s\u3000“”\"'《》「」]", "", str(s or ""))


def _mark(item: dict[str, Any], d: Decision, status: str) -> None:
    st = item.setdefault("review", _state())
    st["status"] = status
    st["decisions"].append(d.id)
    st["author"], st["at"] = d.author, d.created_at


def _set_event(ev: dict[str, Any], fields: Mapping[str, Any], doc: dict[str, Any]) -> None:
    old = {k: ev.get(k) for k in ("source", "target")}
    for k, v in fields.items():
        ev[k] = v
    if "type" in fields:
        for k in ("plover", "plover_mode", "cameo"):  # the writer recodes the new type
            ev.pop(k, None)
    for side in ("source", "target"):
        if side in fields and fields[side] != old[side]:
            ev[f"{side}_iso3"] = []  # the writer finds the new actors' countries
    if fields.get("date") is None and "date" in fields:
        ev.pop("date_end", None)


def _rename_person(doc: dict[str, Any], old: str, new: str) -> None:
    for ev in doc.get("events") or []:
        for side in ("source", "target"):
            ev[side] = [new if n == old else n for n in ev.get(side) or []]


def apply(raw: Mapping[str, Any], decisions: Iterable[Decision], locator: str, *,
          keep_rejected: bool = False) -> Applied:
    """The curated record of one page: ``raw`` with ``decisions`` applied in order.

    Every document, event, person and figure carries ``key`` (its identity) and ``review``
    (``status``: confirmed, rejected, edited, added, merged or None; the decisions and the last author).
    Rejected and merged-away items are dropped unless ``keep_rejected`` (the review page shows them).
    """
    page = _Page(raw, locator, keep_rejected)
    out = Applied(page.rec)
    for d in sorted(decisions, key=lambda x: (x.created_at, x.id)):
        why = _apply_one(page, d, out)
        if why:
            out.orphans[d.id] = why
    if not keep_rejected:
        for doc in page.docs:
            for lst in ("events", "facts", "people"):
                doc[lst] = [x for x in doc.get(lst) or [] if x["review"]["status"] not in ("rejected", "merged")]
    return out


def _hit(out: Applied, d: Decision, ord_: int | None, start: int | None = None, end: int | None = None) -> None:
    out.hits.append(Hit(d.id, d.kind, d.action, ord_, start, end))


def _apply_document(page: _Page, d: Decision, out: Applied) -> str | None:
    t, f = d.target, dict(d.fields)
    got = page.find_doc(t)
    if got is None:
        return f"no document 「{t.get('title')}」 on the page"
    i, doc = got
    if d.action == "edit":
        doc.update(f)
        _mark(doc, d, "edited")
    else:
        _mark(doc, d, "confirmed")
    _hit(out, d, i, int(doc["start"]), int(doc["end"]))
    return None


def _apply_person(page: _Page, d: Decision, out: Applied) -> str | None:
    t, f = d.target, dict(d.fields)
    found = page.people(t)
    if not found:
        return f"no person {t['name']} ({t.get('country') or 'country unknown'})" + \
            (" on the page" if t.get("locator") else "")
    for i, p in found:
        doc = page.docs[i]
        if d.action == "reject":
            _mark(p, d, "rejected")
        elif d.action == "confirm":
            p.update(f)
            _mark(p, d, "confirmed")
        else:
            new = dict(f.get("into") or f) if d.action == "merge" else f
            if new.get("name") and new["name"] != p["name"]:
                _rename_person(doc, p["name"], new["name"])
            for k in ("name", "country", "titles"):
                if k in new:
                    p[k] = new[k]
            _mark(p, d, "edited")
        _hit(out, d, i)
    return None


def _apply_add(page: _Page, d: Decision, out: Applied, got: tuple[int, dict[str, Any]] | None) -> str | None:
    """An analyst's added event or figure (or, when extraction found it meanwhile, theirs)."""
    t, f = d.target, dict(d.fields)
    if got is None:
        where = page.doc_at(int(t["start"]))
        if where is None:
            return "the added item's sentence is in no document of the page"
        i, doc = where
        text = page.rec.get("text") or ""
        span = {"start": int(t["start"]), "end": int(t["end"]), "text": text[int(t["start"]):int(t["end"])]}
        item: dict[str, Any] = ({"type": t["type"], "date": None, "source": [], "target": [], "location": None,
                                 "source_iso3": [], "target_iso3": [], "trigger": "", "evidence": span}
                                if d.kind == "event" else
                                {"metric": t["metric"], "value": 0, "unit": "USD", "period": None,
                                 "growth_pct": None, "subject": [], "number": span, "evidence": span})
        item["key"] = dict(t)
        item["review"] = _state()
        doc.setdefault("events" if d.kind == "event" else "facts", []).append(item)
    else:
        i, item = got
    if d.kind == "event":
        _set_event(item, f, page.docs[i])
    else:
        item.update(f)
    _mark(item, d, "added")
    _hit(out, d, i, int(t["start"]), int(t["end"]))
    return None


def _merge_events(page: _Page, d: Decision, item: dict[str, Any]) -> str | None:
    other = page.find_span_item("event", d.fields["with"])
    if other is None or other[1] is item:
        return "the event to merge with is not on the page"
    o = other[1]
    for side in ("source", "target"):
        item[side] = list(dict.fromkeys([*item.get(side, []), *o.get(side, [])]))
    item.setdefault("extra_evidence", []).append({"start": o["evidence"]["start"], "end": o["evidence"]["end"]})
    _mark(o, d, "merged")
    _mark(item, d, "edited")
    return None


def _split_event(page: _Page, d: Decision, i: int, item: dict[str, Any]) -> str | None:
    extra: Sequence[Mapping[str, Any]] = item.get("extra_evidence") or []
    if not extra:
        return "the event has a single sentence: nothing to split"
    doc = page.docs[i]
    text = page.rec.get("text") or ""
    for x in extra:
        twin = copy.deepcopy({k: v for k, v in item.items() if k != "extra_evidence"})
        twin["evidence"] = {"start": int(x["start"]), "end": int(x["end"]),
                            "text": text[int(x["start"]):int(x["end"])]}
        twin["key"] = event_key(page.locator, twin)
        twin["review"] = _state()
        _mark(twin, d, "edited")
        doc["events"].append(twin)
    item.pop("extra_evidence", None)
    _mark(item, d, "edited")
    return None


def _apply_one(page: _Page, d: Decision, out: Applied) -> str | None:
    if d.kind == "document":
        return _apply_document(page, d, out)
    if d.kind == "person":
        return _apply_person(page, d, out)
    # events and figures
    t, f = d.target, dict(d.fields)
    got = page.find_span_item(d.kind, t)
    if d.action == "add":
        return _apply_add(page, d, out, got)
    if got is None:
        what = f"{t.get('type') or t.get('metric')} at {t['start']}-{t['end']}"
        return f"no {d.kind} {what} on the page"
    i, item = got
    at_span = (int(item["key"]["start"]), int(item["key"]["end"]))
    problem: str | None = None
    if d.action == "reject":
        _mark(item, d, "rejected")
    elif d.action in ("confirm", "edit"):
        if d.kind == "event":
            _set_event(item, f, page.docs[i])
        else:
            item.update(f)
        _mark(item, d, "confirmed" if d.action == "confirm" else "edited")
    elif d.action == "merge":
        problem = _merge_events(page, d, item)
    elif d.action == "split":
        problem = _split_event(page, d, i, item)
    if problem is not None:
        return problem
    _hit(out, d, i, *at_span)
    return None
