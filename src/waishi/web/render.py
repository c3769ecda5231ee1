"""HTML fragments built in Python: the highlighted document text (in the manner of
displaCy) and small formatting filters for the templates.

Every piece of stored text goes through ``markupsafe.escape`` before it meets
markup; offsets decide only where tags go, never what text they contain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..numfmt import exact, human
from ..store.views import DocumentView

__all__ = ["highlight", "human", "exact", "snippet_html", "ENTITY_LABELS", "when"]

# mention kind -> the short label shown after it (spaCy's names where one fits)
ENTITY_LABELS = {
    "person": "PERSON", "title": "TITLE", "org": "ORG", "country": "GPE", "place": "LOC", "date": "DATE",
    "money": "MONEY", "quantity": "QTY", "figure": "FIGURE",
}


@dataclass
class _Sentence:
    start: int  # page offsets
    end: int
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (event id, type, tooltip)
    facts: list[tuple[int | None, str, str]] = field(default_factory=list)  # (figure id, metric, tooltip)
    titled: bool = False


@dataclass
class _Entity:
    start: int
    end: int
    kind: str
    tip: str
    href: str | None


def _pick(spans: Iterable[_Entity], taken: list[tuple[int, int]]) -> list[_Entity]:
    """Non-overlapping spans, earliest first and the longest at one start (titles over the
    organisation they begin with: 越南政府总理 over 越南政府)."""
    out = []
    for e in sorted(spans, key=lambda e: (e.start, -(e.end - e.start))):
        if e.end <= e.start or any(e.start < b and a < e.end for a, b in taken):
            continue
        taken.append((e.start, e.end))
        out.append(e)
    return out


def highlight(doc: DocumentView, country_name: dict[str, str] | None = None) -> Markup:
    """The document's text as HTML: each evidence sentence is ``<span class="sent" id="s-<start>">``
    (``start`` is its page offset, the anchor events link to) followed by tags for its events
    and figures; each mention is a ``<mark class="ent ent-<kind>">`` with its label."""
    lo, hi = doc.start, doc.start + len(doc.text)
    chosen, anchors_only = _choose(_sentences(doc, lo, hi))
    taken: list[tuple[int, int]] = []
    picked = _pick(_entities(doc, country_name or {}), taken)
    picked += _pick((_Entity(f.number_start, f.number_end, "figure", f"FIGURE · {f.metric}", None)
                     for f in doc.facts), taken)
    # an entity crossing a sentence's edge would break the nesting: drop it
    bounds = [(s.start, s.end) for s in chosen]
    picked = [e for e in picked if all(e.end <= a or e.start >= b or (a <= e.start and e.end <= b)
                                       for a, b in bounds)]
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    _sentence_tags(chosen, anchors_only, opens, closes)
    _entity_tags(picked, opens, closes)
    return _weave(doc.text, doc.start, opens, closes)


def _sentences(doc: DocumentView, lo: int, hi: int) -> dict[int, _Sentence]:
    """The sentences holding an event, a figure or a title, by start offset (clipped to the document)."""
    sents: dict[int, _Sentence] = {}

    def sentence(a: int, b: int) -> _Sentence | None:
        a, b = max(a, lo), min(b, hi)
        if b <= a:
            return None
        s = sents.get(a)
        if s is None:
            s = sents[a] = _Sentence(a, b)
        s.end = max(s.end, b)
        return s

    for ev in doc.events:
        tip = f"{ev.type} · {ev.date or 'date unknown'} · {'、'.join(ev.source)} → {'、'.join(ev.target)}"
        for a, b in [(ev.start, ev.end), *[(x[0], x[1]) for x in ev.extra if len(x) == 2]]:
            s = sentence(a, b)
            if s is not None and all(e[0] != ev.event_id for e in s.events):
                s.events.append((ev.event_id, ev.type, tip))
    for f in doc.facts:
        s = sentence(f.start, f.end)
        if s is not None:
            s.facts.append((f.figure_id, f.metric,
                            f"{f.metric} {human(f.value)} {f.unit} {f.period or ''} (= {exact(f.value)})".strip()))
    for a, b in doc.title_sentences:
        s = sentence(a, b)
        if s is not None:
            s.titled = True
    return sents


def _choose(sents: dict[int, _Sentence]) -> tuple[list[_Sentence], list[int]]:
    """Sentences never overlap in the output; one that would keeps only its anchor."""
    chosen: list[_Sentence] = []
    anchors_only: list[int] = []
    last_end = -1
    for s in sorted(sents.values(), key=lambda s: (s.start, -s.end)):
        if s.start >= last_end:
            chosen.append(s)
            last_end = s.end
        else:
            anchors_only.append(s.start)
    return chosen, anchors_only


def _entities(doc: DocumentView, names: dict[str, str]) -> list[_Entity]:
    ents: list[_Entity] = []
    for m in doc.mentions:
        href = None
        if m.kind == "person" and m.person_id:
            href = f"/people/{int(m.person_id)}"
        elif m.kind in ("country", "place") and isinstance(m.value, str) and len(m.value) == 3:
            href = f"/countries/{m.value}"
        tip = ENTITY_LABELS.get(m.kind, m.kind.upper())
        if m.value not in (None, ""):
            v = m.value
            tip += f" · {names.get(v, v) if isinstance(v, str) else human(v)}"
            if isinstance(v, str) and v in names:
                tip += f" ({v})"
        ents.append(_Entity(m.start, m.end, m.kind, tip, href))
    return ents


def _sentence_tags(chosen: list[_Sentence], anchors_only: list[int], opens: dict[int, list[str]],
                   closes: dict[int, list[str]]) -> None:
    for s in chosen:
        cls = "sent" + (" has-ev" if s.events else "") + (" has-fact" if s.facts else "") + \
            (" has-title" if s.titled else "")
        opens.setdefault(s.start, []).append(f'<span class="{cls}" id="s-{s.start}">')
        tags = "".join(
            f'<a class="evtag t-{escape(t)}" href="/events/{i}" title="{escape(tip)}">{escape(t)}</a>'
            for i, t, tip in s.events)
        # a figure's page lists every page reporting it (figures merge across pages)
        tags += "".join(f'<a class="facttag" href="{"/facts?figure=" + str(int(i)) if i else "/facts"}" '
                        f'title="{escape(tip)}">{escape(m)}</a>' for i, m, tip in s.facts)
        closes.setdefault(s.end, []).insert(0, tags + "</span>")
    for a in anchors_only:
        if a not in {s.start for s in chosen}:
            opens.setdefault(a, []).insert(0, f'<span class="anchor" id="s-{a}"></span>')


def _entity_tags(picked: list[_Entity], opens: dict[int, list[str]], closes: dict[int, list[str]]) -> None:
    for e in picked:
        label = ENTITY_LABELS.get(e.kind, e.kind.upper())
        tag = "a" if e.href else "mark"
        href = f' href="{escape(e.href)}"' if e.href else ""
        opens.setdefault(e.start, []).append(
            f'<{tag} class="ent ent-{escape(e.kind)}"{href} title="{escape(e.tip)}">')
        closes.setdefault(e.end, []).insert(0, f'<span class="ent-label">{label}</span></{tag}>')


def _weave(text: str, base: int, opens: dict[int, list[str]], closes: dict[int, list[str]]) -> Markup:
    """``text`` (starting at page offset ``base``) escaped, with the tags at their offsets."""
    lo, hi = base, base + len(text)
    out: list[str] = []
    points = sorted({lo, hi, *opens, *closes})
    for i, p in enumerate(points):
        out.extend(closes.get(p, ()))
        out.extend(opens.get(p, ()))
        if i + 1 < len(points):
            out.append(str(escape(text[p - base: points[i + 1] - base])))
    return Markup("".join(out))


def snippet_html(snippet: str, mark: tuple[str, str]) -> Markup:
    """A search snippet with its match marks as ``<mark>``: escaped first, then marked."""
    s = str(escape(snippet))
    return Markup(s.replace(str(escape(mark[0])), "<mark>").replace(str(escape(mark[1])), "</mark>"))


def when(date: str | None, end: str | None = None) -> str:
    """2024-03-12, or 2024-03-12 – 03-14 for a trip."""
    if not date:
        return "—"
    if not end or end == date:
        return date
    return f"{date} – {end[5:] if end[:4] == date[:4] else end}"
