"""The writer's one entry point takes the typed extraction record as well as its dict."""

from __future__ import annotations

import waishi
from waishi.pageid import content_hash
from waishi.store import Store, Writer, record_from_extraction
from waishi.store.records import as_record

PAGE = """越南政府总理范明政会见老挝总理宋赛

2024年5月20日，越南政府总理范明政在河内会见老挝总理宋赛。(完)
"""


def _rows(st: Store) -> list[tuple[object, ...]]:
    return st.con.execute("SELECT e.type, e.date, a.role, a.name, a.kind, a.iso3 FROM events e "
                          "JOIN event_actors a ON a.event_id = e.id ORDER BY a.id").fetchall()


def test_store_records_writer_takes_the_typed_record() -> None:
    ext = waishi.extract(PAGE, published="2024-05-20")
    assert as_record(ext)["text"] == PAGE and as_record({"text": "x"}) == {"text": "x"}
    got = []
    for rec in (ext, record_from_extraction(ext), lambda: ext):
        with Store.open(":memory:") as st:
            with Writer(st) as w:
                assert w.put(rec, locator="p", content_hash=content_hash(PAGE)) == "added"  # type: ignore[arg-type]
            got.append(_rows(st))
    assert got[0] == got[1] == got[2]
    assert ("meet", "2024-05-20", "target", "宋赛", "person", "LAO") in got[0]
