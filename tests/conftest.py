from __future__ import annotations

from pathlib import Path

import pytest

from waishi.lexicon import Lexicon

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def lex() -> Lexicon:
    return Lexicon.default()


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    d = SHARED / "eval" / "dev"
    if not (d / "gold").is_dir():
        pytest.skip("../shared/eval/dev is absent")
    return d
