"""Every `waishi` command the README and docs/*.md show exists, takes the options shown, and
its `--help` runs; every command is shown somewhere (sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from waishi.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
runner = CliRunner()
CLI: Any = typer.main.get_command(app)  # typer's own click: a group is what has commands


def _is_group(cmd: Any) -> bool:
    return hasattr(cmd, "commands")


def _shown_lines() -> list[tuple[str, str]]:
    """``(where, command line)`` for each `waishi …` line of a fenced block and each inline
    `` `waishi …` `` span; continued lines (ending in a backslash) joined."""
    out: list[tuple[str, str]] = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        fenced = False
        pending = ""
        for n, line in enumerate(text.splitlines(), 1):
            if line.startswith("```"):
                fenced = not fenced
                continue
            where = f"{path.name}:{n}"
            if fenced:
                if pending:
                    line, pending = pending + " " + line.strip(), ""
                if line.rstrip().endswith("\\"):
                    pending = line.rstrip()[:-1]
                    continue
                if re.match(r"\s*(\$\s+)?waishi\s", line):
                    out.append((where, line))
            else:
                out += [(where, m) for m in re.findall(r"`(waishi\s[^`]+)`", line)]
    return out


def _words(line: str) -> list[str]:
    """The words of a command line before its comment (quotes as the shell reads them)."""
    line = re.sub(r"\s#.*$", "", line.strip().removeprefix("$").strip())
    try:
        return shlex.split(line)
    except ValueError:  # an unbalanced quote in a prose span: plain words are enough here
        return line.split()


def _command(words: list[str]) -> tuple[list[str], Any]:
    """The command path (``['curate', 'export']``) and its click command, or None."""
    cmd = CLI
    path: list[str] = []
    for w in words[1:]:
        if not _is_group(cmd) or w.startswith("-"):
            break
        sub = cmd.commands.get(w)
        if sub is None:
            return [*path, w], None
        cmd, path = sub, [*path, w]
    return path, cmd


SHOWN = _shown_lines()
COMMANDS = sorted({tuple(_command(_words(line))[0]) for _, line in SHOWN if _command(_words(line))[0]})


def test_cli_docs_show_commands() -> None:
    # the parser must find what the README shows, or every test below passes on nothing
    assert ("extract",) in COMMANDS and ("curate", "orphans") in COMMANDS and len(SHOWN) > 40


@pytest.mark.parametrize("where, line", SHOWN, ids=[w for w, _ in SHOWN])
def test_cli_docs_command_exists_with_its_options(where: str, line: str) -> None:
    words = _words(line)
    path, cmd = _command(words)
    assert path, f"{where}: no command in {line!r}"
    assert cmd is not None, f"{where}: `waishi {' '.join(path)}` is no command ({line!r})"
    if _is_group(cmd):  # a group alone (`waishi curate`) shows its commands
        return
    known = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts)}
    for w in words[1 + len(path):]:
        opt = w.split("=", 1)[0]
        if re.fullmatch(r"--?[a-z][a-z-]*", opt):
            assert opt in known, f"{where}: `waishi {' '.join(path)}` has no option {opt} ({line!r})"


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_cli_docs_command_help_runs(path: tuple[str, ...]) -> None:
    r = runner.invoke(app, [*path, "--help"])
    assert r.exit_code == 0, r.output
    assert "Usage:" in r.output and "Traceback" not in r.output


def test_cli_docs_every_command_is_shown() -> None:
    shown = set(COMMANDS)
    missing = []
    for name, cmd in CLI.commands.items():
        subs = [(name, s) for s in cmd.commands] if _is_group(cmd) else [(name,)]
        missing += [" ".join(c) for c in subs if c not in shown]
    assert not missing, f"commands no README or docs/*.md line shows: {missing}"
