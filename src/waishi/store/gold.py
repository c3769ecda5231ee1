"""Reviewed documents as gold annotations: ``waishi.extraction/1`` records that
``../shared/eval/score.py`` reads directly (``score.py --gold DIR --system OTHER``).

A document is reviewed when an analyst confirmed it (a ``document`` decision). Its gold is
its page's raw record with every decision applied: what was not rejected stands, edits
and additions included. With ``raw_dir`` the same documents are written as the extractor
saw them, so scoring them against the gold gives the extractor's accuracy on those pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..model import SCHEMA
from .db import Store, StoreError
from .decisions import apply
from .raw import _page_decisions, load_raw

__all__ = ["GoldResult", "export_gold", "reviewed_pages"]

_EVENT_KEYS = ("type", "date", "date_end", "source", "target", "location")
_FACT_KEYS = ("metric", "value", "unit", "period", "growth_pct", "subject", "counted")


@dataclass
class GoldResult:
    pages: int = 0
    documents: int = 0
    files: int = 0
    out_dir: str = ""
    raw_dir: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def reviewed_pages(store: Store) -> dict[str, list[int]]:
    """``locator -> [document positions]`` of the documents an analyst confirmed."""
    out: dict[str, list[int]] = {}
    for loc, ord_ in store.con.execute(
            "SELECT DISTINCT locator, document_ord FROM decision_hits WHERE kind = 'document' AND action = 'confirm' "
            "ORDER BY locator, document_ord"):
        out.setdefault(loc, []).append(int(ord_))
    return out


def _name(locator: str) -> str:
    """A file name per page: a readable stem and 8 hex digits of the locator (stems repeat across sites)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", locator.rstrip("/").rsplit("/", 1)[-1].split("#")[0].split("@")[0])
    stem = re.sub(r"[^\w\-]+", "_", stem)[:60].strip("_") or "page"
    return f"{stem}_{hashlib.sha1(locator.encode()).hexdigest()[:8]}"


def _doc(d: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": d.get("kind") or "article", "title": d.get("title") or "", "year": d.get("year"),
            "events": [{k: e.get(k) for k in _EVENT_KEYS if k in e} for e in d.get("events") or []],
            "people": [{"name": p["name"], "titles": list(p.get("titles") or []), "country": p.get("country")}
                       for p in d.get("people") or []],
            "facts": [{k: f.get(k) for k in _FACT_KEYS if k in f} for f in d.get("facts") or []]}


def _write(path: Path, rec: Mapping[str, Any]) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def export_gold(store: Store, out_dir: str | os.PathLike[str], *,
                raw_dir: str | os.PathLike[str] | None = None) -> GoldResult:
    """Write one gold file per page with reviewed documents (only those documents)."""
    res = GoldResult(out_dir=str(out_dir), raw_dir=str(raw_dir) if raw_dir else None)
    dirs = [Path(out_dir)] + ([Path(raw_dir)] if raw_dir else [])
    try:
        for d in dirs:
            d.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{e.filename}: cannot create directory: {e.strerror}") from None
    for loc, ords in reviewed_pages(store).items():
        raw = load_raw(store, loc)
        if raw is None:
            continue
        cur = apply(raw, _page_decisions(store.con, loc), loc).record
        name = _name(loc)
        head = {"schema": SCHEMA, "source": f"{name}.txt", "locator": loc, "url": raw.get("url"),
                "extractor": raw.get("extractor")}
        docs = [cur["documents"][i] for i in ords if i < len(cur["documents"])]
        try:
            _write(dirs[0] / f"{name}.json", {**head, "documents": [_doc(x) for x in docs]})
            res.files += 1
            if raw_dir:
                raws = [raw["documents"][i] for i in ords if i < len(raw.get("documents") or [])]
                _write(dirs[1] / f"{name}.json", {**head, "documents": [_doc(x) for x in raws]})
                res.files += 1
        except OSError as e:
            raise StoreError(f"{dirs[0]}: cannot write: {e.strerror or e}") from None
        res.pages += 1
        res.documents += len(docs)
    return res
