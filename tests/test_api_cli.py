"""`waishi serve`: one-line errors before anything is served, the summary line."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from api_corpus import build_store
from typer.testing import CliRunner

from waishi.cli import app
from waishi.cli.serve import summary_line


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("cli"))


@pytest.mark.parametrize("make", ["missing", "garbage"])
def test_api_cli_serve_refuses_a_bad_store(tmp_path: Path, make: str) -> None:
    path = tmp_path / "x.db"
    if make == "garbage":
        path.write_bytes(b"\x00not sqlite" * 100)
    r = CliRunner().invoke(app, ["serve", "--db", str(path), "--port", "1"])
    assert r.exit_code == 1
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("waishi: error:") and "x.db" in lines[0]
    assert "Traceback" not in r.output


def test_api_cli_serve_refuses_a_busy_port(db: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert r.exit_code == 1
    assert f"127.0.0.1:{port}: cannot listen" in r.output and "--port" in r.output


def test_api_cli_summary_line(db: Path) -> None:
    line = summary_line(str(db))
    assert line.startswith(f"{db}: 6 pages, ") and "events" in line and "people" in line
