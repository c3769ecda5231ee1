"""The extractor's version: the package version plus a fingerprint of the code and data that
shape an extraction (``extract/``, ``text/``, ``lexicon/``, ``model.py``).

Each stored page records it (``sources.extractor``), so ``waishi reextract`` knows which
pages an upgraded extractor (a changed rule, an added lexicon row) has not seen yet. It is a
leaf module: it hashes files and imports nothing of the pipeline (the store may use it).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__all__ = ["extractor_version"]

_ROOT = Path(__file__).resolve().parent
_PARTS = ("extract", "text", "lexicon", "model.py")


@functools.cache
def extractor_version() -> str:
    """``0.1.0+1a2b3c4d``: the package version and 8 hex digits of the extraction files' hash."""
    from . import __version__

    h = hashlib.sha256()
    for part in _PARTS:
        p = _ROOT / part
        files = sorted(x for x in p.rglob("*") if x.is_file() and x.suffix in (".py", ".tsv", ".txt", ".json")) \
            if p.is_dir() else [p]
        for f in files:
            h.update(str(f.relative_to(_ROOT)).encode() + b"\0")
            h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:8]}"
