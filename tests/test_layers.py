"""The import contracts of pyproject.toml ([tool.importlinter]) hold: read/text/lexicon <- extract
<- store <- batch/fetch/api <- web <- server <- cli, and no import cycle inside any package."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str | None:
    here = Path(sys.executable).parent / "lint-imports"
    return str(here) if here.exists() else shutil.which("lint-imports")


def test_layers_import_contracts_are_kept():
    exe = _lint_imports()
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    run = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "2 kept, 0 broken" in run.stdout


def test_layers_contracts_name_every_layer():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for pkg in ("waishi.cli", "waishi.server", "waishi.web", "waishi.api", "waishi.batch", "waishi.store",
                "waishi.extract", "waishi.read | waishi.text | waishi.lexicon"):
        assert pkg in text
    assert 'type = "acyclic_siblings"' in text
