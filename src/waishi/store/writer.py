"""The single writer: extraction records -> rows, in batches, merging across pages.

Everything that writes to a store goes through ``Writer.put`` (ingest from files,
and loading already-extracted records, e.g. from a Dask batch run), so both get
the same identity rules (merge.py) and the same guarantees:

- a page's rows are written inside a SAVEPOINT: a page is stored whole or not at all;
- pages are committed in batches (``batch_size`` pages or ``batch_seconds``), so a
  killed run loses at most one uncommitted batch, which a rerun redoes;
- a page is identified by its locator (URL, else file path) and its content hash:
  the same content again adds nothing, changed content replaces the old rows.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..extract.actors import classify_actor
from ..lexicon import Lexicon
from ..model import EVENT_CODES, UPGRADE_CODES
from ..paths import shown_path
from .errors import StoreError
from .figures import assign as assign_figures
from .figures import figure_ids_of_documents, lexicon_places, subject_codes
from .figures import refresh as refresh_figures
from .merge import (
    MAX_SPAN_DAYS,
    PRECISION_RANK,
    TOLERANCE_DAYS,
    Actor,
    PersonCandidate,
    TitleParser,
    actor_keys,
    actors_match,
    choose_person,
    date_interval,
    title_key,
    widen,
)
from .raw import forget_page, keep_page
from .records import PageRecord, as_record
from .relations_write import insert_office_claims, insert_relation
from .rows import named

if TYPE_CHECKING:
    from .db import Store

__all__ = ["Outcome", "RunStats", "Writer"]

LOGGER = logging.getLogger(__name__)

Record = Mapping[str, Any]

ADDED, REPLACED, UNCHANGED, DUPLICATE = "added", "replaced", "unchanged", "duplicate"
Outcome = str  # one of the four above


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class RunStats:
    """What one run did (also kept in the ``runs`` table)."""

    pages: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: int = 0
    documents: int = 0
    events: int = 0  # event reports written
    facts: int = 0
    elapsed: float = 0.0
    error_samples: list[tuple[str, str]] = field(default_factory=list)
    error_reasons: Counter[str] = field(default_factory=Counter)  # reason -> files/pages

    @property
    def stored(self) -> int:
        """Pages that are in the store after the run (new, replaced or already there)."""
        return self.added + self.replaced + self.unchanged + self.duplicates

    @property
    def rate(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "added": self.added, "replaced": self.replaced,
                "unchanged": self.unchanged, "duplicates": self.duplicates, "errors": self.errors,
                "documents": self.documents, "event_reports": self.events, "facts": self.facts,
                "elapsed_s": round(self.elapsed, 3), "pages_per_s": round(self.rate, 1),
                "error_samples": [{"path": p, "reason": r} for p, r in self.error_samples],
                "error_reasons": dict(self.error_reasons.most_common())}


class Writer:
    """The one writer of a store. Use as a context manager; ``close`` commits the last batch."""

    MAX_ERROR_SAMPLES = 50

    def __init__(self, store: Store, *, lexicon: Lexicon | None = None, batch_size: int = 200,
                 batch_seconds: float = 2.0) -> None:
        if store.readonly:
            raise StoreError(f"{store.path}: opened read-only; cannot write")
        self.store = store
        self.con = store.con
        self.lex = lexicon or Lexicon.default()
        self.titles = TitleParser(self.lex)
        self._places = lexicon_places(self.lex)
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self.stats = RunStats()
        self._t0 = time.perf_counter()
        self._in_batch = 0
        self._batch_started = 0.0
        self._touched_events: set[int] = set()
        self._touched_people: set[int] = set()
        self._touched_roles: set[int] = set()
        self._touched_figures: set[int] = set()
        self._closed = False
        self.run_id = self._start_run()

    # -- transactions ------------------------------------------------------------------
    def _start_run(self) -> int:
        try:
            cur = self.con.execute("INSERT INTO runs(started_at) VALUES (?)", (_now(),))
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.store.path}: cannot write: {e}") from e
        return int(cur.lastrowid or 0)

    def _begin(self) -> None:
        if not self.con.in_transaction:
            try:
                self.con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:  # another writer holds the lock past the timeout
                raise StoreError(f"{self.store.path}: cannot write: {e}") from e
            self._batch_started = time.perf_counter()
            self._in_batch = 0

    def _after_page(self) -> None:
        self._in_batch += 1
        if self._in_batch >= self.batch_size or time.perf_counter() - self._batch_started >= self.batch_seconds:
            self.commit()

    def commit(self) -> None:
        """Finish derived columns of what the batch touched and commit it."""
        if not self.con.in_transaction:
            return
        s = self.stats
        try:
            self._refresh()
            self.con.execute("UPDATE runs SET pages=?, added=?, replaced=?, unchanged=?, duplicates=?, errors=? "
                             "WHERE id=?", (s.pages, s.added, s.replaced, s.unchanged, s.duplicates, s.errors,
                                            self.run_id))
            self.con.execute("COMMIT")
        except sqlite3.Error as e:  # disk full, I/O error: the batch is lost, what was committed stays
            self.rollback()
            raise StoreError(f"{self.store.path}: cannot commit: {e}") from e
        self._in_batch = 0

    def close(self) -> RunStats:
        """Commit what is pending and stamp the run finished; returns the run's figures."""
        if self._closed:
            return self.stats
        self._closed = True
        self._begin()
        self.con.execute("UPDATE runs SET finished_at=? WHERE id=?", (_now(), self.run_id))
        self.commit()
        self.stats.elapsed = time.perf_counter() - self._t0
        return self.stats

    def rollback(self) -> None:
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")
        self._touched_events.clear()
        self._touched_people.clear()
        self._touched_roles.clear()
        self._touched_figures.clear()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None or issubclass(exc_type, KeyboardInterrupt):
            self.close()  # an interrupted run keeps what it finished
        else:
            self.rollback()

    # -- errors ------------------------------------------------------------------------
    def add_error(self, path: str, reason: str) -> None:
        """Record a page or file that could not be stored; the run goes on.

        Path and reason are stored printable (``shown_path``): a file name that is not
        UTF-8 would otherwise fail the insert and end the run (issue 15)."""
        path, reason = shown_path(str(path)), shown_path(str(reason))
        self._begin()
        now = _now()
        self.con.execute(
            "INSERT INTO errors(path, reason, first_at, last_at, run_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(path, reason) DO UPDATE SET last_at=excluded.last_at, count=count+1, "
            "run_id=excluded.run_id", (path, reason, now, now, self.run_id))
        self.stats.errors += 1
        self.stats.error_reasons[reason] += 1
        if len(self.stats.error_samples) < self.MAX_ERROR_SAMPLES:
            self.stats.error_samples.append((path, reason))
        self._after_page()

    # -- pages -------------------------------------------------------------------------
    def put(self, record: PageRecord | Callable[[], PageRecord], *, locator: str, content_hash: str,
            path: str | None = None, url: str | None = None, published: str | None = None,
            title: str | None = None, encoding: str | None = None, force: bool = False) -> Outcome:
        """Store one page's extraction record unless its content is already stored.

        ``record`` is the page's typed ``Extraction``, or an ``Extraction.to_dict()``-style
        dict with the page ``text`` added, or a callable returning either: it is only
        called when the page is new or changed (extraction is skipped for unchanged
        pages). Exceptions from it propagate with nothing written. A typed record is
        turned into the stored dict here, the one entry point (records.py).
        """
        con = self.con
        # names straight from the file system may not be UTF-8: stored escaped, never refused
        locator = shown_path(locator)
        path = shown_path(path) if path is not None else None
        self._begin()
        row = con.execute("SELECT id, content_hash FROM sources WHERE locator=?", (locator,)).fetchone()
        stored_id, stored_hash = row if row is not None else (None, None)
        if stored_hash == content_hash and not force:
            self.stats.pages += 1
            self.stats.unchanged += 1
            self._after_page()
            return UNCHANGED
        dup = con.execute("SELECT id FROM sources WHERE content_hash=? AND locator<>? LIMIT 1",
                          (content_hash, locator)).fetchone()
        rec = None if dup is not None else as_record(record() if callable(record) else record)
        counts = (self.stats.documents, self.stats.events, self.stats.facts)
        con.execute("SAVEPOINT page")
        try:
            if stored_id is not None:
                self._delete_source(stored_id)
            if dup is not None:
                outcome = DUPLICATE
            else:
                assert rec is not None
                self._insert(rec, locator=locator, content_hash=content_hash, path=path, url=url,
                             published=published, title=title, encoding=encoding)
                outcome = REPLACED if stored_id is not None else ADDED
                if path:
                    con.execute("DELETE FROM errors WHERE path=?", (path,))
        except BaseException as e:
            con.execute("ROLLBACK TO page")
            con.execute("RELEASE page")
            self.stats.documents, self.stats.events, self.stats.facts = counts
            if isinstance(e, sqlite3.Error):  # the database, not the page: the run cannot go on
                raise StoreError(f"{self.store.path}: database error: {e}") from e
            raise
        con.execute("RELEASE page")
        self.stats.pages += 1
        if outcome == DUPLICATE:
            self.stats.duplicates += 1
        elif outcome == REPLACED:
            self.stats.replaced += 1
        else:
            self.stats.added += 1
        self._after_page()
        return outcome

    # -- insertion ---------------------------------------------------------------------
    def _insert(self, rec: Record, *, locator: str, content_hash: str, path: str | None, url: str | None,
                published: str | None, title: str | None, encoding: str | None) -> int:
        con = self.con
        text = rec.get("text")
        if not isinstance(text, str):
            raise ValueError("record has no page 'text' (add it to Extraction.to_dict())")
        docs = rec.get("documents") or []
        published = published or rec.get("published")
        url = url or rec.get("url")
        cur = con.execute(
            "INSERT INTO sources(locator, path, url, content_hash, published, title, encoding, length, "
            "ingested_at, run_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (locator, path, url, content_hash, published, title or (docs[0].get("title") if docs else None),
             encoding or rec.get("encoding"), len(text), _now(), self.run_id))
        source_id = int(cur.lastrowid or 0)
        # issue 13: the raw record is kept, and the rows written are it with analysts' decisions applied
        rec = keep_page(con, source_id, locator, content_hash, rec)
        docs = rec.get("documents") or []
        for ord_, doc in enumerate(docs):
            self._insert_document(source_id, ord_, doc, text, published)
        return source_id

    def _insert_document(self, source_id: int, ord_: int, doc: Record, text: str, published: str | None) -> None:
        con = self.con
        start, end = int(doc["start"]), int(doc["end"])
        kind = doc.get("kind") or "article"
        title = doc.get("title") or ""
        year = doc.get("year")
        events = doc.get("events") or []
        ddate = _document_date(kind, published, year, events)
        cur = con.execute(
            "INSERT INTO documents(source_id, ord, kind, title, title_key, year, year_evidence, date, start, end, "
            "text, year_lo, year_hi, year_constraints) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (source_id, ord_, kind, title, title_key(title), year, doc.get("year_evidence"), ddate, start, end,
             text[start:end], *_year_window(doc)))
        doc_id = int(cur.lastrowid or 0)
        self.stats.documents += 1

        # people first: events and mentions refer to them
        person_ids: dict[str, tuple[int, str | None]] = {}
        mention_rows: list[tuple[Any, ...]] = []
        seen_spans: set[tuple[int, int]] = set()
        for m in doc.get("mentions") or []:
            seen_spans.add((int(m["start"]), int(m["end"])))
        for p in doc.get("people") or []:
            pid, pcountry = self._person(p)
            person_ids[p["name"]] = (pid, pcountry)
            self._roles(pid, p, doc_id, ddate, text)
            insert_office_claims(con, self.lex, doc_id, pid, p, ddate, year, text)
            for sp in p.get("mentions") or []:
                s, e = int(sp["start"]), int(sp["end"])
                if (s, e) not in seen_spans:
                    seen_spans.add((s, e))
                    mention_rows.append((doc_id, "person", text[s:e], p.get("country"), pid, s, e))
        for m in doc.get("mentions") or []:
            mpid = person_ids[m["text"]][0] if m["kind"] == "person" and m["text"] in person_ids else None
            value = m.get("value")
            if value is not None and not isinstance(value, (str, int, float)):
                value = json.dumps(value, ensure_ascii=False)
            mention_rows.append((doc_id, m["kind"], m["text"], value, mpid, int(m["start"]), int(m["end"])))
        con.executemany("INSERT INTO mentions(document_id, kind, text, value, person_id, start, end) "
                        "VALUES (?,?,?,?,?,?,?)", mention_rows)

        for ev in events:
            self._event(ev, doc_id, year, person_ids, text)
        for rel in doc.get("relations") or []:
            # a dated upgrade is also an event (type upgrade, SUPPORT/057) merged across pages
            event_id = self._upgrade_event(rel, doc_id, year, person_ids, text) \
                if rel.get("kind") == "upgrade" and rel.get("date") else None
            insert_relation(con, doc_id, ddate, rel, event_id)
        fact_rows = []
        for f in doc.get("facts") or []:
            lo, hi = _period(f.get("period"))
            num, evd = f.get("number") or {}, f["evidence"]
            subjects = list(f.get("subject") or [])
            fact_rows.append((doc_id, f["metric"], f["value"], f["unit"], f.get("period"), lo, hi, f.get("growth_pct"),
                              json.dumps(subjects, ensure_ascii=False), f.get("counted"),
                              f.get("qualifier"), int(num.get("start", evd["start"])), int(num.get("end", evd["end"])),
                              int(evd["start"]), int(evd["end"]), f.get("kind") or "result",
                              json.dumps(subject_codes(self._places, subjects)), int(bool(f.get("period_assumed")))))
        con.executemany(
            "INSERT INTO facts(document_id, metric, value, unit, period, period_lo, period_hi, growth_pct, subject, "
            "counted, qualifier, number_start, number_end, start, end, kind, subject_iso3, period_assumed) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", fact_rows)
        if fact_rows:
            # one figure per real-world number across pages (figures.py)
            self._touched_figures |= assign_figures(con, self._places, doc_id)
        self.stats.facts += len(fact_rows)

    # -- people ------------------------------------------------------------------------
    def _person(self, p: Record) -> tuple[int, str | None]:
        """The id of the person this sighting is (new or merged), and their country."""
        con = self.con
        name, country, latin = p["name"], p.get("country"), p.get("latin")
        titles = [t for t in p.get("titles") or [] if t]
        rows = con.execute("SELECT id, country FROM people WHERE name=?", (name,)).fetchall()
        pid: int | None = None
        if rows:
            cands = []
            for cid, ccountry in rows:
                ts = tuple(title for (title,) in con.execute("SELECT title FROM roles WHERE person_id=?", (cid,)))
                cands.append(PersonCandidate(cid, ccountry, ts))
            docs = None
            if len(cands) > 1:  # ties between namesakes go to the one seen in more documents
                docs = {c.id: con.execute("SELECT count(DISTINCT document_id) FROM mentions WHERE person_id=?",
                                          (c.id,)).fetchone()[0] for c in cands}
            pid = choose_person(cands, country, titles, self.titles, docs)
        if pid is None:
            cur = con.execute("INSERT INTO people(name, country, latin) VALUES (?,?,?)", (name, country, latin))
            pid = int(cur.lastrowid or 0)
            known = country
        else:
            known = next(ccountry for cid, ccountry in rows if cid == pid)
            if known is None and country:
                known = country
                # the person's country was unknown until now: their event actors learn it too
                con.execute("UPDATE people SET country=? WHERE id=?", (country, pid))
                con.execute("UPDATE event_actors SET iso3=? WHERE person_id=? AND iso3 IS NULL", (country, pid))
            if latin:
                con.execute("UPDATE people SET latin=? WHERE id=? AND latin IS NULL", (latin, pid))
        self._touched_people.add(pid)
        return pid, known

    def _roles(self, pid: int, p: Record, doc_id: int, ddate: str | None, text: str) -> None:
        con = self.con
        evidence = [(int(e["start"]), int(e["end"])) for e in p.get("evidence") or []]
        fallback = [(int(m["start"]), int(m["end"])) for m in p.get("mentions") or []]
        for title in p.get("titles") or []:
            if not title:
                continue
            row = con.execute("SELECT id FROM roles WHERE person_id=? AND title=?", (pid, title)).fetchone()
            if row is None:
                org, iso3 = self.titles.split(title)
                cur = con.execute("INSERT INTO roles(person_id, title, organisation, country) VALUES (?,?,?,?)",
                                  (pid, title, org, iso3 or p.get("country")))
                role_id = int(cur.lastrowid or 0)
            else:
                role_id = row[0]
            # the sentence where this title was read; else the first one with any title
            span = next((sp for sp in evidence if title in text[sp[0]:sp[1]]), None) or \
                (evidence[0] if evidence else (fallback[0] if fallback else (0, 0)))
            con.execute("INSERT INTO role_evidence(role_id, document_id, date, start, end) VALUES (?,?,?,?,?)",
                        (role_id, doc_id, ddate, span[0], span[1]))
            self._touched_roles.add(role_id)

    # -- events ------------------------------------------------------------------------
    def _actor(self, role: str, name: str, person_ids: Mapping[str, tuple[int, str | None]],
               side_iso3: Sequence[str], side_size: int) -> Actor:
        if name in person_ids:
            pid, iso3 = person_ids[name]
            return Actor(role, name, "person", iso3, pid, *actor_keys(name, "person", iso3, pid))
        c = classify_actor(self.lex, name, side_iso3, side_size)
        return Actor(role, name, c.kind, c.iso3, None, *actor_keys(name, c.kind, c.iso3, None))

    def _upgrade_event(self, rel: Record, doc_id: int, year: int | None,
                       person_ids: Mapping[str, tuple[int, str | None]], text: str) -> int | None:
        countries = list(rel.get("countries") or [])
        if len(countries) != 2 or not isinstance(rel.get("evidence"), Mapping):
            return None
        sides = [[self.lex.country_names.get(c, c)] + [n for n in rel.get("people") or []
                                                       if n in person_ids and person_ids[n][1] == c]
                 for c in countries]
        plover, mode, cameo = UPGRADE_CODES
        trig = rel.get("trigger") or {}
        ev = {"type": "upgrade", "date": rel["date"], "source": sides[0], "target": sides[1],
              "source_iso3": countries[:1], "target_iso3": countries[1:], "evidence": rel["evidence"],
              "trigger": trig.get("text") or rel.get("tier_text"), "plover": plover, "plover_mode": mode,
              "cameo": cameo}
        return self._event(ev, doc_id, year, person_ids, text)

    def _event(self, ev: Record, doc_id: int, year: int | None, person_ids: Mapping[str, tuple[int, str | None]],
               text: str) -> int:
        con = self.con
        etype = ev["type"]
        precision, lo, hi = date_interval(ev.get("date"), ev.get("date_end"), year)
        src, tgt = list(ev.get("source") or []), list(ev.get("target") or [])
        actors = [self._actor("source", n, person_ids, ev.get("source_iso3") or [], len(src)) for n in src] + \
                 [self._actor("target", n, person_ids, ev.get("target_iso3") or [], len(tgt)) for n in tgt]
        found = self._match(etype, lo, hi, actors)
        factuality = "planned" if ev.get("factuality") == "planned" else "reported"
        date = ev.get("date") if precision else None
        date_end = ev.get("date_end") if precision == "day" else None
        if found is None:
            plover, mode, cameo = _codes(ev)
            cur = con.execute(
                "INSERT INTO events(type, date, date_end, precision, date_lo, date_hi, location, plover, "
                "plover_mode, cameo, n_sources, n_reports, factuality) VALUES (?,?,?,?,?,?,?,?,?,?,1,1,?)",
                (etype, date, date_end, precision, lo, hi, ev.get("location"), plover, mode, cameo, factuality))
            event_id = int(cur.lastrowid or 0)
        else:
            event_id = found[0]
            self._narrow(found, precision, lo, hi)
            if factuality == "reported":
                # a plan reported done on another page is done
                con.execute("UPDATE events SET factuality = 'reported' WHERE id = ?", (event_id,))
        evid = ev["evidence"]
        extra = ev.get("extra_evidence") or []
        cur = con.execute(
            "INSERT INTO event_reports(event_id, document_id, date, date_end, precision, date_lo, date_hi, location, "
            "trigger, visit_kind, caption, start, end, extra_evidence, factuality) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (event_id, doc_id, date, date_end, precision, lo, hi, ev.get("location"), ev.get("trigger"),
             ev.get("visit_kind"), int(bool(ev.get("caption"))), int(evid["start"]), int(evid["end"]),
             json.dumps([[int(x["start"]), int(x["end"])] for x in extra]) if extra else None, factuality))
        report_id = int(cur.lastrowid or 0)
        spans = [(int(evid["start"]), int(evid["end"]))] + [(int(x["start"]), int(x["end"])) for x in extra]
        rows = []
        for a in actors:
            s = e = None
            for lo_, hi_ in spans:
                i = text.find(a.name, lo_, hi_)
                if i >= 0:
                    s, e = i, i + len(a.name)
                    break
            rows.append((report_id, event_id, etype, lo, hi, a.role, a.name, a.kind, a.person_id, a.iso3, a.key,
                         a.alt_key, s, e))
        con.executemany("INSERT INTO event_actors(report_id, event_id, type, date_lo, date_hi, role, name, kind, "
                        "person_id, iso3, key, alt_key, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self._touched_events.add(event_id)
        self.stats.events += 1
        return event_id

    def _match(self, etype: str, lo: str | None, hi: str | None,
               actors: list[Actor]) -> tuple[int, str | None, str, str] | None:
        """The existing event this report belongs to, as ``(id, precision, date_lo, date_hi)``, or None."""
        if lo is None or hi is None or not actors:
            return None
        qlo, qhi = widen(lo, hi, TOLERANCE_DAYS.get(etype, 0))
        floor = widen(qlo, qlo, MAX_SPAN_DAYS)[0]
        # Candidates: events with a report of the same type, an overlapping date and a shared
        # actor key, found on the covering index (key, type, date_lo, date_hi, event_id).
        # Country keys (c:VNM) are shared by thousands of events; people and names are not,
        # so country keys are only searched when the report has nothing else.
        keys = {k for a in actors for k in a.keys if not k.startswith("o:")}
        narrow = sorted(k for k in keys if not k.startswith("c:")) or sorted(keys)
        if any(k.startswith("c:") for k in narrow):  # a country also finds its people and bodies
            narrow += [f"o:{k[2:]}" for k in narrow]
        marks = ",".join("?" * len(narrow))
        cols = ("key", "alt_key") if any(k[0] in "co" for k in narrow) else ("key",)
        cands = sorted({r[0] for col in cols for r in self.con.execute(
            f"SELECT event_id FROM event_actors WHERE {col} IN ({marks}) AND type=? "
            f"AND date_lo BETWEEN ? AND ? AND date_hi>=?", (*narrow, etype, floor, qhi, qlo))})
        src = {k for a in actors if a.role == "source" for k in a.keys}
        tgt = {k for a in actors if a.role == "target" for k in a.keys}
        best: tuple[int, tuple[int, str | None, str, str]] | None = None
        for cid in cands:
            row = self.con.execute("SELECT id, precision, date_lo, date_hi FROM events WHERE id=?", (cid,)).fetchone()
            if row is None:
                continue
            _id, _precision, date_lo, date_hi = row
            if date_lo is None or not (date_lo <= qhi and date_hi >= qlo):
                continue
            csrc: set[str] = set()
            ctgt: set[str] = set()
            for role, key, alt in self.con.execute("SELECT role, key, alt_key FROM event_actors WHERE event_id=?",
                                                   (cid,)):
                side = csrc if role == "source" else ctgt
                side.add(key)
                if alt:
                    side.add(alt)
            if actors_match(etype, src, tgt, csrc, ctgt):
                score = len({k for k in (src | tgt) & (csrc | ctgt) if k[0] != "o"})
                if best is None or score > best[0]:
                    best = (score, row)
        return best[1] if best else None

    def _narrow(self, event: tuple[int, str | None, str, str], precision: str | None, lo: str | None,
                hi: str | None) -> None:
        """Keep the event's date interval that of its most precise reports (as _refresh computes it)."""
        event_id, cur_prec, cur_lo, cur_hi = event
        cur_rank, new_rank = PRECISION_RANK.get(cur_prec, 0), PRECISION_RANK.get(precision, 0)
        if lo is None or hi is None or new_rank < cur_rank:
            return
        if new_rank > cur_rank:
            nlo, nhi = lo, hi
        else:
            nlo, nhi = min(cur_lo, lo), max(cur_hi, hi)
        if (precision, nlo, nhi) != (cur_prec, cur_lo, cur_hi):
            self.con.execute("UPDATE events SET precision=?, date_lo=?, date_hi=? WHERE id=?",
                             (precision, nlo, nhi, event_id))

    # -- deletion and derived columns --------------------------------------------------
    def _delete_source(self, source_id: int) -> None:
        con = self.con
        forget_page(con, source_id)
        docs = [r[0] for r in con.execute("SELECT id FROM documents WHERE source_id=?", (source_id,))]
        if docs:
            marks = ",".join("?" * len(docs))
            self._touched_events.update(r[0] for r in con.execute(
                f"SELECT DISTINCT event_id FROM event_reports WHERE document_id IN ({marks})", docs))
            self._touched_roles.update(r[0] for r in con.execute(
                f"SELECT DISTINCT role_id FROM role_evidence WHERE document_id IN ({marks})", docs))
            self._touched_people.update(r[0] for r in con.execute(
                f"SELECT DISTINCT person_id FROM mentions WHERE document_id IN ({marks}) AND person_id IS NOT NULL",
                docs))
            self._touched_figures |= figure_ids_of_documents(con, docs)
            con.execute(f"DELETE FROM event_actors WHERE report_id IN "
                        f"(SELECT id FROM event_reports WHERE document_id IN ({marks}))", docs)
            for table in ("event_reports", "role_evidence", "facts", "mentions", "relations", "office_claims"):
                con.execute(f"DELETE FROM {table} WHERE document_id IN ({marks})", docs)
            con.execute("DELETE FROM documents WHERE source_id=?", (source_id,))
        con.execute("DELETE FROM sources WHERE id=?", (source_id,))
        # dates of the events that lost reports are recomputed now: later pages of this
        # batch are matched against them (and figures' values likewise)
        self._refresh_events(sorted(self._touched_events))
        refresh_figures(con, self._touched_figures)

    def _refresh(self) -> None:
        self._refresh_events(sorted(self._touched_events))
        self._refresh_roles(sorted(self._touched_roles))
        self._refresh_people(sorted(self._touched_people))
        refresh_figures(self.con, self._touched_figures)
        self._touched_events.clear()
        self._touched_roles.clear()
        self._touched_people.clear()
        self._touched_figures.clear()

    def _refresh_events(self, ids: Iterable[int]) -> None:
        con = self.con
        gone: list[tuple[int]] = []
        updates: list[tuple[Any, ...]] = []
        for eid in ids:
            reports = named(
                con, "SELECT r.id, r.date, r.date_end, r.precision, r.date_lo, r.date_hi, r.location, d.title_key "
                "FROM event_reports r JOIN documents d ON d.id = r.document_id WHERE r.event_id=? ORDER BY r.id",
                (eid,))
            if not reports:
                gone.append((eid,))
                continue
            best = max(PRECISION_RANK.get(r["precision"], 0) for r in reports)
            top = [r for r in reports if PRECISION_RANK.get(r["precision"], 0) == best]
            rep = top[0]
            los = [r["date_lo"] for r in top if r["date_lo"]]
            his = [r["date_hi"] for r in top if r["date_hi"]]
            lo, hi = (min(los), max(his)) if los and his else (None, None)
            if rep["precision"] == "day":
                date, date_end = lo, (hi if hi and hi != lo else None)
            else:
                date, date_end = rep["date"], None
            locs = Counter(r["location"] for r in reports if r["location"])  # ties: max keeps the first seen
            location = max(locs, key=locs.__getitem__) if locs else None
            updates.append((date, date_end, rep["precision"], lo, hi, location, len({r["title_key"] for r in reports}),
                            len(reports), rep["id"], eid))
        con.executemany("UPDATE events SET date=?, date_end=?, precision=?, date_lo=?, date_hi=?, location=?, "
                        "n_sources=?, n_reports=?, report_id=? WHERE id=?", updates)
        con.executemany("DELETE FROM events WHERE id=?", gone)

    def _refresh_roles(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        con = self.con
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            con.execute(
                f"UPDATE roles SET (n_documents, first_seen, last_seen) = (SELECT count(DISTINCT document_id), "
                f"min(date), max(date) FROM role_evidence WHERE role_id = roles.id) WHERE id IN ({marks})", chunk)
            con.execute(f"DELETE FROM roles WHERE id IN ({marks}) AND n_documents = 0", chunk)

    def _refresh_people(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        con = self.con
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            con.execute(
                f"UPDATE people SET (n_documents, first_seen, last_seen) = (SELECT count(DISTINCT m.document_id), "
                f"min(d.date), max(d.date) FROM mentions m JOIN documents d ON d.id = m.document_id "
                f"WHERE m.person_id = people.id) WHERE id IN ({marks})", chunk)
            con.execute(f"DELETE FROM roles WHERE person_id IN (SELECT id FROM people WHERE id IN ({marks}) "
                        f"AND n_documents = 0)", chunk)
            con.execute(f"DELETE FROM people WHERE id IN ({marks}) AND n_documents = 0", chunk)


def _chunks(ids: Sequence[int], n: int = 500) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def _codes(ev: Record) -> tuple[str, str | None, str]:
    if ev.get("plover") and ev.get("cameo"):
        return ev["plover"], ev.get("plover_mode"), ev["cameo"]
    plover, mode, cameo = EVENT_CODES.get(ev["type"], ("", None, ""))
    return plover, mode, cameo


def _period(period: str | None) -> tuple[int | None, int | None]:
    if not period:
        return None, None
    parts = str(period).split("-")
    try:
        years = [int(p) for p in parts if p]
    except ValueError:
        return None, None
    return (min(years), max(years)) if years else (None, None)


def _document_date(kind: str, published: str | None, year: int | None, events: Sequence[Record]) -> str | None:
    """The article's publication day; else its events' most frequent day; else its year.

    Teasers are other articles of other days: the page's publication date is not theirs.
    """
    if kind == "article" and published:
        return published
    days = Counter(e["date"] for e in events if isinstance(e.get("date"), str) and len(e["date"]) == 10)
    if days:
        return max(days, key=lambda d: (days[d], d))
    return str(year) if year else None


def _year_window(doc: Record) -> tuple[int | None, int | None, str | None]:
    """(year_lo, year_hi, constraints as JSON) of a document record: the window its year was
    chosen in, and why (docs/extraction.md 'Year')."""
    rng = doc.get("year_range") or [None, None]
    lo, hi = (rng + [None, None])[:2] if isinstance(rng, list) else (None, None)
    cons = doc.get("year_constraints") or []
    return (int(lo) if isinstance(lo, int) else None, int(hi) if isinstance(hi, int) else None,
            json.dumps(cons, ensure_ascii=False) if cons else None)
