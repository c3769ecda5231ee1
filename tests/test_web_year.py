"""The document page says why the year is what it is and marks planned events (issue 11)."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

import waishi
from waishi.server import create_app
from waishi.store import Store, ingest


def test_web_document_page_shows_year_window_reasons_and_planned(tmp_path: Path) -> None:
    page = tmp_path / "plan.txt"
    page.write_text("老挝国家主席将访问越南\n\n这是他自2021年3月当选以来首次访问越南。老挝国家主席通伦·西苏里将于6月20日"
                    "对越南进行国事访问。2022年前两个月，两国贸易额达3亿美元。\n", encoding="utf-8")
    db = tmp_path / "s.db"
    with Store.open(db) as st:
        ingest(st, [page], lambda p: waishi.extract(p.text, source=p.source))
        doc_id = st.con.execute("SELECT id FROM documents").fetchone()[0]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        html = c.get(f"/documents/{doc_id}").text
        assert "Why this year" in html and "since a date" in html and "window 2022" in html
        assert 'class="tag planned"' in html
        js = c.get(f"/api/documents/{doc_id}").json()
        assert js["year_lo"] == 2022 and js["year_constraints"]
