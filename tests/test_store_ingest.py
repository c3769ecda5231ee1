"""Ingest: idempotent by content hash, changed pages replaced, bad input recorded, rows traceable."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import waishi
from waishi.store import Store, StoreError, events, ingest, load_records, record_from_extraction, search

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt")  # others may come

TABLES = ("sources", "documents", "people", "roles", "role_evidence", "events", "event_reports", "event_actors",
          "facts", "mentions")

PAGE = """越南外交部长会见泰国外长

2024年4月8日，越南外交部长裴青山在河内会见了来访的泰国外交部长玛丽·桑比帕。双方同意扩大两国贸易往来。

越通社河内——2024年4月8日，越南外交部长裴青山在河内会见了来访的泰国外交部长玛丽·桑比帕。双方同意扩大两国贸易往来。

2023年越泰双边贸易额达到200亿美元。(完)
"""


def extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source, encoding=p.encoding)


def counts(st: Store) -> dict[str, int]:
    return {t: st.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    for name in EXAMPLE_FILES:
        shutil.copy(EXAMPLES / name, d / name)
    (d / "sub" / "meeting.txt").write_text(PAGE, encoding="utf-8")
    return d


def test_store_ingest_twice_adds_nothing(tmp_path: Path, corpus: Path) -> None:
    with Store.open(tmp_path / "s.db") as st:
        first = ingest(st, [corpus], extract)
        before = counts(st)
        second = ingest(st, [corpus], extract)
        assert (first.added, first.errors) == (4, 0)
        assert (second.added, second.unchanged, second.replaced) == (0, 4, 0)
        assert counts(st) == before
        assert before["events"] > 0 and before["mentions"] > 0


def test_store_ingest_changed_page_replaces_its_extraction(tmp_path: Path, corpus: Path) -> None:
    page = corpus / "sub" / "meeting.txt"
    with Store.open(tmp_path / "s.db") as st:
        ingest(st, [corpus], extract)
        before = counts(st)
        assert search(st, "桑比帕").items
        page.write_text(PAGE.replace("泰国外交部长玛丽·桑比帕", "马来西亚外交部长穆罕默德·哈桑")
                        .replace("泰国外长", "马来西亚外长").replace("越泰", "越马"), encoding="utf-8")
        run = ingest(st, [corpus], extract)
        assert (run.replaced, run.unchanged, run.added) == (1, 3, 0)
        after = counts(st)
        assert after["sources"] == before["sources"] and after["documents"] == before["documents"]
        assert not search(st, "桑比帕").items  # the old text left the full-text index too
        assert search(st, "穆罕默德").items
        assert st.con.execute("SELECT count(*) FROM people WHERE name='玛丽·桑比帕'").fetchone()[0] == 0
        isos = {c for e in events(st, type="meet").items for c in e.target_iso3 + e.source_iso3}
        assert "MYS" in isos and "THA" not in isos


def test_store_ingest_same_content_elsewhere_is_a_duplicate(tmp_path: Path, corpus: Path) -> None:
    with Store.open(tmp_path / "s.db") as st:
        ingest(st, [corpus], extract)
        before = counts(st)
        (corpus / "copy.txt").write_text(PAGE, encoding="utf-8")
        run = ingest(st, [corpus], extract)
        assert (run.duplicates, run.added) == (1, 0)
        assert counts(st) == before


def test_store_ingest_force_reextracts(tmp_path: Path, corpus: Path) -> None:
    with Store.open(tmp_path / "s.db") as st:
        ingest(st, [corpus], extract)
        before = counts(st)
        run = ingest(st, [corpus], extract, force=True)
        assert run.replaced == 4
        after = counts(st)
        assert after == before


def test_store_ingest_bad_files_are_recorded_and_the_run_goes_on(tmp_path: Path, corpus: Path) -> None:
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "lines.jsonl").write_text(json.dumps({"text": PAGE.replace("2024", "2022")}, ensure_ascii=False)
                                        + "\n{broken\n" + json.dumps({"title": "无正文"}) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as st:
        run = ingest(st, [corpus, tmp_path / "missing"], extract)
        assert run.added == 5 and run.errors == 5
        errs = dict(st.con.execute("SELECT path, reason FROM errors").fetchall())
        assert set(errs) == {str(corpus / "binary.txt"), str(corpus / "empty.txt"), f"{corpus / 'lines.jsonl'}:2",
                             f"{corpus / 'lines.jsonl'}:3", str(tmp_path / "missing")}
        assert all(errs.values())
        assert "missing 'text'" in errs[f"{corpus / 'lines.jsonl'}:3"]
        again = ingest(st, [corpus], extract)  # a rerun counts them again, without new rows
        assert again.errors == 4
        assert st.con.execute("SELECT max(count) FROM errors").fetchone()[0] == 2


def test_store_ingest_extractor_failure_costs_only_that_page(tmp_path: Path, corpus: Path) -> None:
    def flaky(p: waishi.Page) -> Any:
        if p.source.endswith("meeting.txt"):
            raise RuntimeError("boom")
        if p.source.endswith("02_hanoi_guangxi.txt"):  # a record the writer cannot read, after some rows
            d = record_from_extraction(extract(p))
            d["documents"][0]["events"][-1].pop("evidence")
            return d
        return extract(p)

    with Store.open(tmp_path / "s.db") as st:
        run = ingest(st, [corpus], flaky)
        assert (run.added, run.errors) == (2, 2)
        reasons = [r[0] for r in st.con.execute("SELECT reason FROM errors ORDER BY id")]
        assert reasons[0].startswith("malformed record: KeyError") and reasons[1] == "extraction failed: RuntimeError: boom"
        # nothing of the failed pages was kept: no half-written page
        assert st.con.execute("SELECT count(*) FROM sources WHERE path LIKE '%02_hanoi%'").fetchone()[0] == 0
        assert st.con.execute("SELECT count(*) FROM documents WHERE title LIKE '河内市代表团%'").fetchone()[0] == 0


def _html(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title><meta property=\"og:url\" content=\"https://zh.example.vn/a.vnp\">"
            f"<meta property=\"article:published_time\" content=\"2024-04-08T10:00:00+07:00\"></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p><p>双方同意扩大两国贸易往来。</p></article></body></html>")


def test_store_ingest_reads_html_jsonl_and_warc(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    body = "越通社河内——4月8日，越南外交部长裴青山在河内会见泰国外交部长巴恩普里。"
    (d / "page.html").write_text(_html("越南外长会见泰国外长", body), encoding="utf-8")
    (d / "feed.jsonl").write_text(json.dumps({"text": body, "title": "外长会见", "url": "https://zh.example.vn/j1",
                                              "published": "2024-04-09"}, ensure_ascii=False) + "\n", encoding="utf-8")
    buf = BytesIO()
    w = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://zh.example.vn/w1", "response",
                                        payload=BytesIO(_html("越泰外长会谈", body.replace("会见", "会谈")).encode()),
                                        http_headers=http, warc_headers_dict={"WARC-Date": "2024-04-10T08:00:00Z"}))
    (d / "crawl.warc.gz").write_bytes(gzip.compress(buf.getvalue()))
    with Store.open(tmp_path / "s.db") as st:
        run = ingest(st, [d], extract)
        assert (run.added, run.errors) == (3, 0)
        rows = st.con.execute("SELECT locator, url, published FROM sources ORDER BY id").fetchall()
        urls = {r[1] for r in rows}
        assert "https://zh.example.vn/j1" in urls and "https://zh.example.vn/w1" in urls
        assert all(r[0] == r[1] for r in rows if r[1])  # a page with a URL is identified by it
        assert ("https://zh.example.vn/j1", "2024-04-09") in {(r[1], r[2]) for r in rows}


def test_store_ingest_every_row_traces_back_to_its_document(tmp_path: Path, corpus: Path) -> None:
    with Store.open(tmp_path / "s.db") as st:
        ingest(st, [corpus], extract)
        con = st.con
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, start, end in (("event_reports", "start", "end"), ("facts", "start", "end"),
                                  ("facts", "number_start", "number_end"), ("role_evidence", "start", "end"),
                                  ("mentions", "start", "end")):
            outside = con.execute(f"SELECT count(*) FROM {table} x JOIN documents d ON d.id = x.document_id "
                                  f"WHERE x.{start} < d.start OR x.{end} > d.end OR x.{start} >= x.{end}").fetchone()[0]
            assert outside == 0, table
        # mention texts are what the offsets say
        bad = con.execute("SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id "
                          "WHERE substr(d.text, m.start - d.start + 1, m.end - m.start) <> m.text").fetchone()[0]
        assert bad == 0
        assert con.execute("SELECT count(*) FROM events WHERE report_id IS NULL OR n_reports = 0").fetchone()[0] == 0


def test_store_load_records_matches_ingest(tmp_path: Path, corpus: Path) -> None:
    from waishi.read import iter_pages

    records = []
    for p in iter_pages(corpus):
        assert isinstance(p, waishi.Page)
        rec = record_from_extraction(extract(p))
        rec["locator"] = rec["path"] = p.source
        records.append(rec)
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db") as b:
        ingest(a, [corpus], extract)
        run = load_records(b, records + [{"source": "x.txt"}])
        assert (run.added, run.errors) == (4, 1)
        assert counts(a) == counts(b)


def test_store_ingest_database_errors_stop_the_run(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Store.open(db, timeout=0.1) as st, pytest.raises(StoreError, match="cannot write"):
            ingest(st, [corpus], extract)
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_store_ingest_examples_report_one_meeting_twice(tmp_path):
    # examples/01 (text) and examples/04 (HTML, another outlet) report the same talks
    ex = Path(__file__).resolve().parents[1] / "examples"
    with Store.open(tmp_path / "ex.db") as st:
        ingest(st, [ex / "01_vn_lao_talks.txt", ex / "04_vn_lao_talks_followup.html"],
               lambda p: waishi.extract(p.text, published=p.published, url=p.url, source=p.source))
        multi = [e for e in events(st, limit=100).items if e.n_sources > 1]
    assert any(e.type == "meet" for e in multi)


def test_store_year_window_constraints_and_factuality(tmp_path: Path) -> None:
    """The year's window and its reasons, and a planned visit, reach the store, the document
    view and the export (issue 11)."""
    import importlib

    from waishi.store import views

    x = importlib.import_module("waishi.store.export")

    page = tmp_path / "plan.txt"
    page.write_text("老挝国家主席将访问越南\n\n这是他自2021年3月当选以来首次访问越南。老挝国家主席通伦·西苏里将于6月20日"
                    "对越南进行国事访问。2022年前两个月，两国贸易额达3亿美元。\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as st:
        ingest(st, [page], extract)
        lo, hi, cons = st.con.execute("SELECT year_lo, year_hi, year_constraints FROM documents").fetchone()
        # (自2021年3月 bounds it below; 2022年前两个月's figures raise the bound to 2022)
        assert lo == 2022 and json.loads(cons)
        assert st.con.execute("SELECT factuality FROM events WHERE type = 'visit'").fetchone()[0] == "planned"
        doc_id = st.con.execute("SELECT id FROM documents").fetchone()[0]
        dv = views.document(st.con, doc_id)
        assert dv is not None and dv.year_lo == 2022 and dv.year_constraints
        assert any(e.factuality == "planned" for e in dv.events)
        cols = [c.name for c in x.DOCUMENTS.columns]
        row = st.con.execute(x.DOCUMENTS.sql).fetchone()
        assert row[cols.index("year_lo")] == 2022 and json.loads(row[cols.index("year_constraints")])
        ecols = [c.name for c in x.EVENTS.columns]
        assert "planned" in {r[ecols.index("factuality")] for r in st.con.execute(x.EVENTS.sql)}
