"""Figures merged across pages, as events are (issue 12).

A *fact* is one report of a figure on one page; a *figure* is the real-world number:
the same metric, kind (result, target, forecast), unit, subject, period and (for counts)
counted thing, with a value within rounding. Two thousand pages repeating five stories
gave ten thousand fact rows; now they give a handful of figures, each with its reports
and ``n_sources`` (distinct headlines, as for events).

Values agree when they differ by at most ``TOLERANCE`` of the larger (``TOLERANCE_APPROX``
when either is written with 约/近/超过 ...: 近366亿 and 365.8亿 are one figure). Figures
with the same key but values further apart are kept side by side; ``n_values`` on each
says how many values pages give for that key, so more than one is a conflict to check
(only for figures with a period: two stories' undated targets of 2 bn and 20 bn are no conflict).
A figure without a period joins only reports of the same month (the document's date); so
does one whose period is only the story's year (``facts.period_assumed``: an aid sum or a count
of signed documents given without a period of its own), since two visits of a year each
signing 8 documents are two figures.

Subjects are keyed by ISO3 code where the written form is a country (越, 越南 and Vietnam
are one subject) and by the written form for places (广西 stays 广西: a province's trade is
not its country's). ``facts.subject_iso3`` keeps the codes of every subject, places
included (广西 -> CHN), for filtering. Subjects are read through ``Places`` (a name -> its
country and whether the name is the country itself): ``lexicon_places`` for the writer, the
table frozen with migration 4 for that migration (store/migrations.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..lexicon import Lexicon
from .rows import named

# a written subject -> (its country's ISO3, whether the name is the country itself)
Places = Callable[[str], tuple[str | None, bool]]

__all__ = ["TOLERANCE", "TOLERANCE_APPROX", "assign", "backfill", "figure_ids_of_documents", "refresh",
           "subject_codes", "subject_key", "Places", "lexicon_places"]

TOLERANCE = 0.01
TOLERANCE_APPROX = 0.05


def lexicon_places(lex: Lexicon) -> Places:
    """The lexicon's countries, abbreviations, places and bodies as ``Places``."""
    def places(name: str) -> tuple[str | None, bool]:
        return _country(lex, name)

    return places


def _country(lex: Lexicon, name: str) -> tuple[str | None, bool]:
    """(ISO3, is the name a country itself) for a written subject."""
    ent = lex.entities.get(name)
    if ent is not None and ent.kind == "country" and ent.iso3:
        return ent.iso3, True
    codes = lex.abbrs.get(name)
    if codes and len(codes) == 1:
        return codes[0], True
    return lex.country_of(name), False


def subject_codes(places: Places, subjects: Iterable[str]) -> list[str]:
    """ISO3 codes of the subjects (places give their country's), in order, once each."""
    out: list[str] = []
    for s in subjects:
        iso, _ = places(s)
        if iso and iso not in out:
            out.append(iso)
    return out


def subject_key(places: Places, subjects: Iterable[str]) -> str:
    """The subject part of a figure's key: countries by code, places as written, sorted."""
    parts = set()
    for s in subjects:
        iso, is_country = places(s)
        parts.add(iso if is_country and iso else s)
    return "|".join(sorted(parts))


def _close(a: float, b: float, approx: bool) -> bool:
    tol = TOLERANCE_APPROX if approx else TOLERANCE
    return abs(a - b) <= tol * max(abs(a), abs(b))


def _key(places: Places, metric: str, kind: str, unit: str, subject_json: str, period: str | None,
         counted: str | None, doc_date: str | None = None, period_assumed: bool = False) -> str:
    subjects = json.loads(subject_json) if subject_json else []
    # a figure without a period of its own ("8 documents signed"; the story's year is no period
    # written with it) is only the same figure when reported the same month: the stories of
    # other months with the same count are other figures
    when = period if period and not period_assumed else f"@{(doc_date or '')[:7]}"
    return "\x1f".join((metric, kind, unit, subject_key(places, subjects), when, counted or ""))


def assign(con: sqlite3.Connection, places: Places, document_id: int) -> set[int]:
    """Give each fact of ``document_id`` without a figure its figure (an existing one whose
    value agrees, else a new one); returns the figures touched."""
    touched: set[int] = set()
    rows = con.execute("SELECT f.id, f.metric, f.kind, f.unit, f.subject, f.period, f.period_lo, f.period_hi, "
                       "f.counted, f.value, f.qualifier, d.date, f.period_assumed FROM facts f JOIN documents d ON d.id = f.document_id "
                       "WHERE f.document_id = ? AND f.figure_id IS NULL ORDER BY f.id", (document_id,)).fetchall()
    for fid, metric, kind, unit, subject, period, plo, phi, counted, value, qual, ddate, assumed in rows:
        key = _key(places, metric, kind or "result", unit, subject, period, counted, ddate, bool(assumed))
        best: tuple[float, int] | None = None
        for gid, gvalue, gapprox in con.execute("SELECT id, value, approx FROM figures WHERE key = ?", (key,)):
            if _close(value, gvalue, bool(qual) or bool(gapprox)):
                d = abs(value - gvalue)
                if best is None or d < best[0]:
                    best = (d, gid)
        if best is None:
            cur = con.execute(
                "INSERT INTO figures(key, metric, kind, unit, subject_key, period, period_lo, period_hi, counted, "
                "value, approx, fact_id, n_sources, n_reports, n_values) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,1,1)",
                (key, metric, kind or "result", unit, key.split("\x1f")[3], period, plo, phi, counted, value,
                 int(bool(qual)), fid))
            gid = int(cur.lastrowid or 0)
        else:
            gid = best[1]
        con.execute("UPDATE facts SET figure_id = ? WHERE id = ?", (gid, fid))
        touched.add(gid)
    return touched


def figure_ids_of_documents(con: sqlite3.Connection, doc_ids: Sequence[int]) -> set[int]:
    if not doc_ids:
        return set()
    marks = ",".join("?" * len(doc_ids))
    return {r[0] for r in con.execute(f"SELECT DISTINCT figure_id FROM facts WHERE document_id IN ({marks}) "
                                      f"AND figure_id IS NOT NULL", list(doc_ids))}


def refresh(con: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Recompute each figure from its reports: the most reported value (an exact one before a
    qualified one), its range, growth, n_sources, n_reports and latest date; drop figures
    without reports; then ``n_values`` for every key touched."""
    keys: set[str] = set()
    updates: list[tuple[Any, ...]] = []
    gone: list[tuple[int]] = []
    for gid in sorted(set(ids)):
        row = con.execute("SELECT key FROM figures WHERE id = ?", (gid,)).fetchone()
        if row is None:
            continue
        keys.add(row[0])
        reports = named(
            con, "SELECT f.id, f.value, f.qualifier, f.growth_pct, d.title_key, d.date FROM facts f "
            "JOIN documents d ON d.id = f.document_id WHERE f.figure_id = ? ORDER BY f.id", (gid,))
        if not reports:
            gone.append((gid,))
            continue
        votes = Counter((r["value"], not r["qualifier"]) for r in reports)
        value, _exact = max(votes, key=lambda k: (votes[k], k[1]))
        rep = next(r for r in reports if r["value"] == value and (not r["qualifier"]) == _exact)
        growths = Counter(r["growth_pct"] for r in reports if r["growth_pct"] is not None)
        growth = max(growths, key=growths.__getitem__) if growths else None
        dates = [r["date"] for r in reports if r["date"]]
        values = [r["value"] for r in reports]
        updates.append((value, min(values), max(values), int(any(r["qualifier"] for r in reports)), growth, rep["id"],
                        len({r["title_key"] for r in reports}), len(reports), max(dates) if dates else None, gid))
    con.executemany("UPDATE figures SET value=?, value_lo=?, value_hi=?, approx=?, growth_pct=?, fact_id=?, "
                    "n_sources=?, n_reports=?, date=? WHERE id=?", updates)
    con.executemany("DELETE FROM figures WHERE id=?", gone)
    for k in keys:
        # without a period two values need not contradict each other (two stories' targets)
        n = con.execute("SELECT count(*) FROM figures WHERE key = ?", (k,)).fetchone()[0] \
            if not k.split("\x1f")[4].startswith("@") else 1
        con.execute("UPDATE figures SET n_values = ? WHERE key = ?", (n, k))


def backfill(con: sqlite3.Connection, places: Places) -> None:
    """Subject codes and figures for facts stored before figures existed (the data step of
    migration 4, which passes the places frozen with it)."""
    rows = con.execute("SELECT id, subject FROM facts WHERE subject_iso3 IS NULL").fetchall()
    con.executemany("UPDATE facts SET subject_iso3 = ? WHERE id = ?",
                    [(json.dumps(subject_codes(places, json.loads(s) if s else [])), i) for i, s in rows])
    touched: set[int] = set()
    for (doc_id,) in con.execute("SELECT DISTINCT document_id FROM facts WHERE figure_id IS NULL").fetchall():
        touched |= assign(con, places, doc_id)
    refresh(con, touched)
