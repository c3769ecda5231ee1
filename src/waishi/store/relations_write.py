"""Relations and office claims, the write side (called by the one ``Writer``, issue 6).

A record's ``relations`` become ``relations`` rows; a person named with an office's title
becomes an ``office_claims`` row, checked against the holders of an ``OfficeBook`` (the
lexicon; migration 2 passes the offices frozen with it) at the document's date (``agrees``).
relations_read.py asks the questions; docs/relations.md gives the rules.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from ..lexicon import Office
from .merge import date_interval
from .office_terms import names_match, overlaps
from .rows import named

__all__ = ["KINDS", "MIN_CLAIM_FORM", "OfficeBook", "OfficeClaim", "backfill_office_claims", "insert_office_claims",
           "insert_relation", "office_claims_of"]

Record = Mapping[str, Any]
KINDS = ("tier", "established", "anniversary", "upgrade")
MIN_CLAIM_FORM = 3  # 总理, 主席, 外长 alone name many offices (a province's chair is a 主席 too)


class OfficeBook(Protocol):
    """The offices and their holders a claim is checked against (a Lexicon is one)."""

    offices: list[Office]
    country_names: dict[str, str]

    def offices_by_form(self) -> dict[str, list[Office]]: ...


# -- writing ----------------------------------------------------------------------------


def insert_relation(con: sqlite3.Connection, doc_id: int, doc_date: str | None, r: Record,
                    event_id: int | None = None) -> bool:
    """Store one relation of a record; False (nothing stored) when it is malformed."""
    countries = r.get("countries") or []
    ev = r.get("evidence") or {}
    if r.get("kind") not in KINDS or len(countries) != 2 or not all(isinstance(c, str) and c for c in countries) \
            or "start" not in ev or "end" not in ev:
        return False
    a, b = sorted(countries)
    _prec, lo, hi = date_interval(r.get("date"))
    trig = r.get("trigger") or {}
    con.execute(
        "INSERT INTO relations(document_id, kind, country_a, country_b, tier, tier_text, previous_tier, date, "
        "date_lo, date_hi, year, date_source, number, established, doc_date, people, event_id, trigger_start, "
        "trigger_end, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc_id, r["kind"], a, b, r.get("tier"), r.get("tier_text"), r.get("previous_tier"),
         r.get("date") if lo else None, lo, hi, r.get("year"), r.get("date_source"), r.get("number"),
         r.get("established"), doc_date, json.dumps(list(r.get("people") or []), ensure_ascii=False),
         event_id, trig.get("start"), trig.get("end"), int(ev["start"]), int(ev["end"])))
    return True


@dataclass(frozen=True, slots=True)
class OfficeClaim:
    """A person named with an office's title on a page, against the lexicon's holders then."""

    office: str
    iso3: str
    title: str
    agrees: bool
    lexicon: tuple[str, ...]  # the lexicon's holders of the office in the document's time


def office_claims_of(lex: OfficeBook, name: str, country: str | None, titles: Iterable[str], lo: str | None,
                     hi: str | None) -> list[OfficeClaim]:
    """The offices a person's titles name (exact forms of three characters or more, of the person's
    country or naming it), each checked against the holders of the lexicon between ``lo`` and ``hi``."""
    if not lo or not hi:
        return []
    dlo, dhi = date.fromisoformat(lo), date.fromisoformat(hi)
    by_form = lex.offices_by_form()
    out: list[OfficeClaim] = []
    seen: set[str] = set()
    for title in titles:
        if len(title) < MIN_CLAIM_FORM:
            continue
        for key in dict.fromkeys(o.office for o in by_form.get(title, ())):
            terms = [o for o in lex.offices if o.office == key]
            iso3 = terms[0].iso3
            named = lex.country_names.get(iso3, "\0")
            if key in seen or (country != iso3 and not (country is None and title.startswith(named))):
                continue
            seen.add(key)
            holders = tuple(dict.fromkeys(o.holder for o in terms if overlaps(o, dlo, dhi)))
            out.append(OfficeClaim(key, iso3, title, any(names_match(name, h) for h in holders), holders))
    return out


def insert_office_claims(con: sqlite3.Connection, lex: OfficeBook, doc_id: int, person_id: int, p: Record,
                         doc_date: str | None, year: int | None, text: str) -> int:
    """Claims of one person of a document; returns how many were stored."""
    _prec, lo, hi = date_interval(doc_date, None, year)
    claims = office_claims_of(lex, p["name"], p.get("country"), [t for t in p.get("titles") or [] if t], lo, hi)
    if not claims:
        return 0
    evidence = [(int(e["start"]), int(e["end"])) for e in p.get("evidence") or []]
    mentions = [(int(m["start"]), int(m["end"])) for m in p.get("mentions") or []]
    rows = []
    for c in claims:
        span = next((sp for sp in evidence if c.title in text[sp[0]:sp[1]]), None) or \
            (evidence[0] if evidence else mentions[0] if mentions else (0, 0))
        rows.append((doc_id, c.office, c.iso3, p["name"], person_id, c.title, doc_date, lo, hi, int(c.agrees),
                     json.dumps(list(c.lexicon), ensure_ascii=False), span[0], span[1]))
    con.executemany("INSERT INTO office_claims(document_id, office, iso3, name, person_id, title, date, date_lo, "
                    "date_hi, agrees, lexicon, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return len(rows)


def backfill_office_claims(con: sqlite3.Connection, lex: OfficeBook) -> int:
    """Office claims from the titles a store already holds (the data step of migration 2,
    which passes the offices frozen with it: store/migrations.py)."""
    n = 0
    rows = named(
        con, "SELECT re.document_id, p.id AS person_id, p.name, p.country, ro.title, re.date, d.year, re.start, re.end "
        "FROM role_evidence re JOIN roles ro ON ro.id = re.role_id JOIN people p ON p.id = ro.person_id "
        "JOIN documents d ON d.id = re.document_id ORDER BY re.id")
    for r in rows:
        _prec, lo, hi = date_interval(r["date"], None, r["year"])
        for c in office_claims_of(lex, r["name"], r["country"], [r["title"]], lo, hi):
            con.execute("INSERT INTO office_claims(document_id, office, iso3, name, person_id, title, date, "
                        "date_lo, date_hi, agrees, lexicon, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (r["document_id"], c.office, c.iso3, r["name"], r["person_id"], c.title, r["date"], lo, hi,
                         int(c.agrees), json.dumps(list(c.lexicon), ensure_ascii=False), r["start"], r["end"]))
            n += 1
    return n
