"""A small store and a live server for the API and dashboard tests (not a test module).

The corpus: the bundled examples, two self-written outlets reporting one meeting,
and a page carrying markup that must never run in the dashboard.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

import waishi
from waishi.server import create_app
from waishi.store import Store, ingest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = ("01_vn_lao_talks.txt", "02_hanoi_guangxi.txt", "03_old_aid_2015.txt")

PAGES = {
    "kh1.txt": """越南国会主席陈青敏会见柬埔寨参议院主席洪森

2024年6月10日上午，越南国会主席陈青敏在河内会见了柬埔寨参议院主席洪森。双方同意深化两国议会合作。

2023年越柬双边贸易额达到100亿美元。(完)
""",
    "kh2.txt": """陈青敏与洪森就议会合作交换意见

据越通社报道，2024年6月10日，越南国会主席陈青敏在河内会见柬埔寨参议院主席洪森，双方就加强立法机构交流交换看法。(完)
""",
    # markup in a title (the headline's event evidence) and the body: shown as text, never run
    "xss.txt": """越南外长裴青山会见老挝外长<b onmouseover="window.__xss=3">沙伦赛</b>

2024年5月6日上午，越南外交部长裴青山在河内<img src=x onerror="window.__xss=2;alert(2)">会见老挝外交部长沙伦赛·贡玛西<script>window.__xss=1;alert(1)</script>。双方同意进一步加强两国外交部门的合作。

2023年越老双边贸易额达到16亿美元。(完)
""",
}
XSS_MARKERS = ("<script>window.__xss", "<img src=x onerror", "<b onmouseover")


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


def build_store(d: Path) -> Path:
    """Ingest the corpus into ``d/api.db`` and return its path."""
    corpus = d / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_FILES:
        shutil.copy(EXAMPLES / name, corpus / name)
    for name, text in PAGES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = d / "api.db"
    with Store.open(db) as st:
        run = ingest(st, [corpus], _extract)
        assert run.added == len(EXAMPLE_FILES) + len(PAGES), run
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """uvicorn serving ``create_app(db)`` in a thread on a free loopback port; yields the base URL."""
    with serve_app(create_app(db)) as url:
        yield url


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """uvicorn serving ``app`` in a thread on a free loopback port; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not t.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        t.join(10)
