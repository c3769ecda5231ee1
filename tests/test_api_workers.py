"""`waishi serve --workers 2`: two server processes answer the same store (the 50-client case)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from api_corpus import build_store, free_port

from waishi.server import SERVE_ENV, app_from_env


def test_api_app_from_env_builds_the_checked_app(tmp_path: Path, monkeypatch) -> None:
    db = build_store(tmp_path)
    monkeypatch.setenv(SERVE_ENV, json.dumps({"db": str(db), "allowed_hosts": ["127.0.0.1"]}))
    from fastapi.testclient import TestClient
    with TestClient(app_from_env(), base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").status_code == 200
    with TestClient(app_from_env(), base_url="http://evil.example") as c:
        assert c.get("/api/stats").status_code == 400  # the Host allow-list travels to the workers


def test_api_serve_with_two_workers_answers(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "waishi.cli", "serve", "--db", str(db), "--port", str(port),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(15)
