"""The server under hostile requests (issue 15): injection strings, huge integers, bad dates,
path traversal and foreign Host headers, on every route.

The routes are not listed by hand: the API's come from its OpenAPI schema and the pages'
from the app's routes, so a route added later is probed too. What must hold everywhere:
no 500, the one error shape on the API, no reflected markup, no absolute file path in an
answer, a refused Host, and a connection that stays usable after an error.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from api_corpus import EXAMPLE_FILES, EXAMPLES, PAGES, free_port
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

import waishi
from waishi.server import create_app
from waishi.store import Store, ingest

BIND = "127.0.0.1"
HOST = f"{BIND}:8765"
N_REPORTS = 26  # pages reporting one meeting: more than the 20 an event answer carries

INJECTIONS = [
    "' OR '1'='1", '"><script>alert(1)</script>', "\x00", "../../../../etc/passwd", "𠀀\u202e", "x" * 5000,
    "1e400", str(2**63), str(-2**63 - 1), "9" * 40, "2024-13-45", "-1",
]
# the pages share their parameter classes with their JSON twins: fewer probes, the ones
# that test what a page adds (escaping, its own integer parameters)
PAGE_INJECTIONS = ['"><script>alert(1)</script>', "\x00", str(2**63), "2024-13-45", "x" * 5000]
TRAVERSALS = [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/....//....//etc/passwd",
    "/documents/..%2f..%2f..%2fetc%2fpasswd", "/api/documents/%2e%2e%2f1", "/vendor/..%2f..%2fetc%2fpasswd",
    "/api/countries/..%2f", "//etc/passwd",
]


def allowed_hosts_for(bind: str, extra: list[str] | None = None) -> frozenset[str]:
    from waishi.api.guard import allowed_hosts_for as allowed  # imported late: the tests predate it

    return allowed(bind, extra or [])


def _app(db: Path, **kwargs: Any) -> Any:
    return create_app(db, **kwargs)


def _extract(p: waishi.Page) -> waishi.Extraction:
    return waishi.extract(p.text, published=p.published, url=p.url, source=p.source)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The API tests' corpus, N_REPORTS reports of one meeting, and the store in *another*
    directory than the files (their paths must not show)."""
    d = tmp_path_factory.mktemp("hostile-api")
    corpus = d / "corpus"
    corpus.mkdir()
    for name in EXAMPLE_FILES:
        (corpus / name).write_bytes((EXAMPLES / name).read_bytes())
    for name, text in PAGES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    for i in range(N_REPORTS):
        (corpus / f"same-{i:02d}.txt").write_text(
            f"越南政府总理会见老挝外长（第{i}篇）\n\n"
            f"2024年7月3日，越南政府总理范明政在河内会见了老挝外长沙伦赛。双方同意加强合作。这是第{i}篇报道。\n",
            encoding="utf-8")
    (d / "srv").mkdir()
    db = d / "srv" / "h.db"
    with Store.open(db) as st:
        run = ingest(st, [str(corpus)], _extract)
        assert run.added == len(EXAMPLE_FILES) + len(PAGES) + N_REPORTS
    return db


@pytest.fixture(scope="module")
def live(store: Path) -> Iterator[httpx.Client]:
    """A real server (a TestClient costs 15 ms a request; the probes make a thousand)."""
    with _server(store) as port, httpx.Client(base_url=f"http://{BIND}:{port}", timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    app = _app(store, allowed_hosts=allowed_hosts_for(BIND))
    with TestClient(app, base_url=f"http://{HOST}", raise_server_exceptions=False) as c:
        yield c


def _ids(client: TestClient | httpx.Client) -> dict[str, str]:
    """A real value for every kind of path parameter."""
    ev = client.get("/api/events?limit=1").json()["items"][0]
    person = client.get("/api/people?limit=1").json()["items"][0]
    return {"event_id": str(ev["id"]), "person_id": str(person["id"]), "document_id": str(ev["document_id"]),
            "iso3": "LAO"}


def _routes(app: Any) -> list[tuple[str, list[str], list[str], dict[str, str]]]:
    """(path template, path params, query params, required query values) of every GET route:
    the API's from its OpenAPI schema, the pages' from the schema they would have (they are
    left out of the published one)."""
    from waishi.web.pages import router as pages_router

    pages = []
    for route in pages_router.routes:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            shown = copy.copy(route)
            shown.include_in_schema = True
            pages.append(shown)
    out = []
    for schema in (app.openapi(), get_openapi(title="pages", version="0", routes=pages)):  # type: ignore[attr-defined]
        for path, ops in schema["paths"].items():
            op = ops.get("get")
            if op is None:
                continue
            params = op.get("parameters", [])
            required = {p["name"]: "合作" for p in params if p["in"] == "query" and p.get("required")}
            out.append((path, [p["name"] for p in params if p["in"] == "path"],
                        [p["name"] for p in params if p["in"] == "query"], required))
    assert len(out) > 20
    return out


def _fill(path: str, ids: dict[str, str], **override: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: override.get(m.group(1), ids.get(m.group(1), "1")), path)


def _assert_sane(r: Any, path: str, probe: str = "") -> None:
    assert r.status_code < 500, (path, probe, r.status_code, r.text[:300])
    body = r.text
    for leak in ("Traceback", "sqlite3.", "OperationalError", "OverflowError"):
        assert leak not in body, (path, probe)
    if r.headers.get("content-type", "").startswith("application/json") and r.status_code >= 400:
        err = r.json()
        assert err["ok"] is False and err["error"]["status"] == r.status_code and err["error"]["message"]
    if r.headers.get("content-type", "").startswith("text/html"):
        assert "<script>alert(1)" not in body, path


def test_api_hostile_every_parameter_of_every_route(client: TestClient, live: httpx.Client) -> None:
    ids = _ids(client)
    n = 0
    for path, path_params, query_params, required in _routes(client.app):
        api = path.startswith("/api")
        accept = "application/json" if api else "text/html"
        for name in path_params + query_params:
            for probe in INJECTIONS if api else PAGE_INJECTIONS:
                if name in path_params:
                    url = _fill(path, ids, **{name: quote(probe, safe="")})
                    params = dict(required)
                else:
                    url = _fill(path, ids)
                    params = {**required, name: probe}
                r = live.get(url, params=params, headers={"accept": accept})
                _assert_sane(r, url, probe)
                n += 1
    assert n > 500


@pytest.mark.parametrize("value", [2**63, 2**64, 10**30])
@pytest.mark.parametrize("url", ["/api/events/{v}", "/api/people/{v}", "/api/documents/{v}",
                                 "/api/events?offset={v}", "/api/events?min_sources={v}",
                                 "/api/graph?min_weight={v}", "/api/events/1/reports?offset={v}",
                                 "/events/{v}", "/events?offset={v}", "/documents/{v}"])
def test_api_hostile_huge_integers_are_422(client: TestClient, url: str, value: int) -> None:
    r = client.get(url.format(v=value))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["details"]


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "20240101", "yesterday", "2024-1-1x"])
def test_api_hostile_bad_dates_are_422(client: TestClient, value: str) -> None:
    for path in ("/api/events", "/api/documents", "/api/timeline", "/api/graph"):
        r = client.get(path, params={"since": value})
        assert r.status_code == 422 and "since" in r.json()["error"]["message"], (path, r.text)


def test_api_hostile_host_header_on_every_route(client: TestClient, live: httpx.Client) -> None:
    ids = _ids(client)
    urls = [(_fill(p, ids), req) for p, _, _, req in _routes(client.app)]
    urls += [("/docs", {}), ("/openapi.json", {}), ("/static/style.css", {})]
    for url, params in urls:
        for host in ("evil.example", "evil.example:8765", "127.0.0.1.evil.example", "localhost.evil.example"):
            r = live.get(url, params=params, headers={"host": host})
            assert r.status_code == 400, (url, host, r.status_code)
            assert "evil" not in r.text
        for host in (HOST, "localhost:8765", "[::1]:8765", "127.0.0.1"):
            r = live.get(url, params=params, headers={"host": host})
            assert r.status_code == 200, (url, host, r.text[:200])


def test_api_hostile_allowed_hosts_follow_the_bound_address() -> None:
    assert allowed_hosts_for("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert "192.0.2.7" in allowed_hosts_for("192.0.2.7") and "evil.example" not in allowed_hosts_for("192.0.2.7")
    assert "example.org" in allowed_hosts_for("127.0.0.1", ["Example.org:80"])
    assert "0.0.0.0" not in allowed_hosts_for("0.0.0.0") and "localhost" in allowed_hosts_for("0.0.0.0")


def test_api_hostile_no_file_paths_in_answers(client: TestClient, store: Path) -> None:
    ids = _ids(client)
    secret = str(store.parent.parent)  # the directory holding both the corpus and the store
    for path, _, _, required in _routes(client.app):
        r = client.get(_fill(path, ids), params=required, headers={"accept": "text/html"})
        assert r.status_code < 400, path
        assert secret not in r.text, path
    stats = client.get("/api/stats").json()
    assert stats["path"] == "h.db"
    ev = client.get(f"/api/events/{ids['event_id']}").json()
    assert ev["event"]["path"] and not ev["event"]["path"].startswith("/")


def test_api_hostile_show_paths_shows_them(store: Path) -> None:
    with TestClient(_app(store, show_paths=True)) as c:
        assert c.get("/api/stats").json()["path"] == str(store)
        assert c.get("/api/events?limit=1").json()["items"][0]["path"].startswith(str(store.parent.parent))


def test_api_hostile_paths_under_the_store_are_relative(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PAGES["kh1.txt"], encoding="utf-8")
    with Store.open(tmp_path / "s.db") as st:
        ingest(st, [str(tmp_path / "in")], _extract)
    with TestClient(create_app(tmp_path / "s.db")) as c:
        assert c.get("/api/events?limit=1").json()["items"][0]["path"] == "in/a.txt"


def test_api_hostile_event_reports_are_paged(client: TestClient) -> None:
    items = client.get("/api/events", params={"country": "LAO", "since": "2024-07-03", "until": "2024-07-03",
                                              "type": "meet"}).json()["items"]
    big = max(items, key=lambda e: e["n_reports"])
    assert big["n_reports"] >= N_REPORTS
    ev = client.get(f"/api/events/{big['id']}").json()
    assert len(ev["reports"]) == 20 and ev["more_reports"] and ev["reports_next"]
    seen = [r["id"] for r in ev["reports"]]
    nxt = ev["reports_next"]
    while nxt:
        page = client.get(nxt).json()
        seen += [r["id"] for r in page["items"]]
        nxt = page["next"]
    assert len(seen) == len(set(seen)) == big["n_reports"]
    assert len({(a["role"], a["name"]) for a in ev["actors"]}) == len(ev["actors"])  # each actor once
    html = client.get(f"/events/{big['id']}", headers={"accept": "text/html"}).text
    assert html.count('class="evlink"') == 20 and f"/events/{big['id']}?offset=20" in html
    assert client.get("/api/events/999999/reports").status_code == 404


def test_api_hostile_traversal(store: Path) -> None:
    with _server(store) as port:
        for target in TRAVERSALS:
            status, body = _raw(port, [target])[0]
            assert status in (307, 400, 404, 405, 422), (target, status)  # 307: a slash dropped
            assert b"root:" not in body


def test_api_hostile_keep_alive_survives_errors(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 422 for 2**63, then a 500 from a failing query: the same connection answers on."""
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(Store, "facts", broken)  # the routes ask the store through its methods
    with _server(store) as port:
        got = _raw(port, [f"/api/events/{2**63}", "/api/stats", f"/api/events?offset={2**64}", "/api/facts",
                          "/api/stats"])
    assert [s for s, _ in got] == [422, 200, 422, 500, 200]
    err = json.loads(got[3][1])
    assert err["error"]["status"] == 500 and "RuntimeError" in err["error"]["message"]
    assert "disk" not in err["error"]["message"]


def _others_can_reach(path: Path) -> bool:
    """Every directory from / down to ``path`` lets other users through (o+x)."""
    for p in [path, *path.parents]:
        if p.exists() and p.is_dir() and not os.stat(p).st_mode & 0o001:
            return False
    return True


def test_api_hostile_read_only_directory_is_served() -> None:
    """A store in a directory the server cannot write: SQLite cannot make the WAL index.

    Root writes anywhere, so as root the server runs as nobody, in a directory of its own
    under /tmp (pytest's are closed to other users)."""
    code = (Path(sys.prefix), Path(__file__).resolve().parents[1] / "src")
    if os.geteuid() == 0 and not all(_others_can_reach(p) for p in code):
        # (a checkout in a directory closed to other users, as mktemp -d makes: nobody cannot load the code)
        pytest.skip("the interpreter or the checkout is in a directory other users cannot enter")
    top = Path(tempfile.mkdtemp(prefix="waishi-ro-"))
    try:
        d = top / "ro"
        (d / "in").mkdir(parents=True)
        (d / "in" / "a.txt").write_text(PAGES["kh1.txt"], encoding="utf-8")
        with Store.open(d / "s.db") as st:
            ingest(st, [str(d / "in")], _extract)
        assert not (d / "s.db-shm").exists() and not (d / "s.db-wal").exists()
        for p in (top, d, d / "s.db"):
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
        os.chmod(d, 0o555)
        warm = top / "warm.db"
        shutil.copy(d / "s.db", warm)
        script = f"""
import os
from fastapi.testclient import TestClient
from waishi.server import create_app
# a first request on a copy loads every module: nobody may not read root's interpreter files
with TestClient(create_app({str(warm)!r})) as c:
    assert c.get("/api/stats").status_code == 200
if os.geteuid() == 0:
    os.setgid(65534); os.setuid(65534)
with TestClient(create_app({str(d / 's.db')!r})) as c:
    r = c.get("/api/stats")
    print(r.status_code, r.json().get("sources") if r.status_code == 200 else r.text)
"""
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert out.stdout.split() == ["200", "1"], (out.stdout, out.stderr[-2000:])
    finally:
        os.chmod(top / "ro", 0o755)
        shutil.rmtree(top)


# -- a live server and a raw HTTP/1.1 connection ---------------------------------------


class _server:
    def __init__(self, db: Path) -> None:
        self.port = free_port()
        app = _app(db, allowed_hosts=allowed_hosts_for(BIND))
        self.server = uvicorn.Server(uvicorn.Config(app, host=BIND, port=self.port, log_level="critical"))

    def __enter__(self) -> int:
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "the test server did not start"
            time.sleep(0.02)
        return self.port

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def _raw(port: int, targets: list[str]) -> list[tuple[int, bytes]]:
    """GET each target in turn over ONE connection, exactly as written (no URL normalising)."""
    out = []
    with socket.create_connection((BIND, port), timeout=20) as s:
        f = s.makefile("rb")
        for target in targets:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: {BIND}:{port}\r\nAccept: application/json\r\n\r\n".encode())
            status_line = f.readline()
            assert status_line, f"the server closed the connection before answering {target}"
            status = int(status_line.split()[1])
            headers = {}
            while (line := f.readline()) not in (b"\r\n", b""):
                k, _, v = line.decode("latin-1").partition(":")
                headers[k.strip().lower()] = v.strip()
            if headers.get("transfer-encoding") == "chunked":
                body = b""
                while (size := int(f.readline().strip(), 16)) > 0:
                    body += f.read(size)
                    f.readline()
                f.readline()
            else:
                body = f.read(int(headers.get("content-length", "0")))
            out.append((status, body))
    return out
