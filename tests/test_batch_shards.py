"""Batch planning and the dataset's files: shards in ingest's reading order, grouping, completion
markers. No cluster here (tests/test_batch_dask.py runs one)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from waishi.batch import TABLE_NAMES, Dataset, extract_shard, plan_shards
from waishi.batch.dataset import BatchError
from waishi.batch.shards import input_state
from waishi.errors import InputError
from waishi.read import iter_pages

PAGE = "越南与老挝举行会谈\n\n2024年3月12日，越南政府总理范明政在河内会见老挝总理宋赛·西潘敦。(完)\n"


def _tree(root: Path) -> None:
    """a.txt, b/ (three txt and a jsonl between them), c.html, d.jsonl, .hidden.txt, notes.csv."""
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text(PAGE, encoding="utf-8")
    for name in ("b/1.txt", "b/2.txt", "b/deep/3.txt", "b/4.txt", "b/5.txt"):
        (root / name).write_text(PAGE.replace("3月12日", f"3月{len(name)}日"), encoding="utf-8")
    (root / "b" / "30.jsonl").write_text(json.dumps({"text": PAGE}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "c.html").write_text(f"<html><body><p>{PAGE}</p></body></html>", encoding="utf-8")
    (root / "d.jsonl").write_text(json.dumps({"text": PAGE}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text(PAGE, encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")


def _sources(items: list[object]) -> list[str]:
    return [x.path if isinstance(x, InputError) else x.source for x in items]  # type: ignore[attr-defined]


@pytest.mark.parametrize("group_size", [1, 2, 1000])
def test_batch_shards_follow_ingest_reading_order(tmp_path: Path, group_size: int) -> None:
    _tree(tmp_path)
    inputs = [str(tmp_path), str(tmp_path / "d.jsonl"), str(tmp_path / "missing.txt")]
    shards = plan_shards(inputs, group_size)
    planned = [p for s in shards for i in s.inputs for p in _sources(list(iter_pages(i.shown)))]
    expected = [p for i in inputs for p in _sources(list(iter_pages(i)))]
    assert planned == expected
    assert all(len(s.inputs) <= group_size for s in shards)
    assert len({s.id for s in shards}) == len(shards)  # d.jsonl twice: two shards, two ids


def test_batch_shards_group_single_page_files_per_directory(tmp_path: Path) -> None:
    _tree(tmp_path)
    shards = plan_shards([tmp_path / "b"], 1000)
    names = [[os.path.relpath(i.path, tmp_path) for i in s.inputs] for s in shards]
    # the sub-directory and the jsonl interrupt the run of b/*.txt: order is kept
    assert names == [["b/1.txt", "b/2.txt"], ["b/30.jsonl"], ["b/4.txt", "b/5.txt"], ["b/deep/3.txt"]]


def test_batch_shards_expand_quoted_globs(tmp_path: Path) -> None:
    _tree(tmp_path)
    shards = plan_shards([str(tmp_path / "*.jsonl"), str(tmp_path / "b" / "*.txt")])
    assert [os.path.basename(i.path) for s in shards for i in s.inputs] == ["d.jsonl", "1.txt", "2.txt", "4.txt",
                                                                           "5.txt"]


def test_batch_shards_keep_the_names_the_user_gave(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    (shard,) = plan_shards(["d.jsonl"])
    out = extract_shard(shard)
    page = pq.read_table(io.BytesIO(out.tables["pages"])).to_pylist()[0]
    assert (page["path"], page["locator"]) == ("d.jsonl#1", f"{tmp_path / 'd.jsonl'}#1")


def test_batch_shards_bad_pages_become_error_rows(tmp_path: Path) -> None:
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(json.dumps({"text": PAGE}, ensure_ascii=False) + "\n{not json\n" +
                   json.dumps({"text": "  "}) + "\n", encoding="utf-8")
    (shard,) = plan_shards([bad])
    out = extract_shard(shard)
    assert (out.pages, out.errors) == (1, 2)
    errors = pq.read_table(io.BytesIO(out.tables["errors"])).to_pylist()
    assert [(e["ord"], e["path"].rsplit("/", 1)[-1]) for e in errors] == [(1, "mixed.jsonl:2"), (2, "mixed.jsonl:3")]
    assert set(out.tables) == set(TABLE_NAMES)


def test_batch_dataset_completion_follows_inputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    (shard,) = plan_shards([tmp_path / "d.jsonl"])
    ds = Dataset(tmp_path / "out")
    ds.register([shard])
    assert not ds.is_complete(shard)
    ds.write(shard, extract_shard(shard), input_state(shard))
    assert ds.is_complete(shard)
    assert not list((tmp_path / "out").rglob("*.part"))
    os.utime(tmp_path / "d.jsonl", ns=(1, 1))  # the input changed: its output is stale
    assert not ds.is_complete(shard)
    ds.write(shard, extract_shard(shard), input_state(shard))
    assert ds.is_complete(shard)
    ds.table_path("events", shard.id).unlink()  # a table file lost: redone
    assert not ds.is_complete(shard)
    ds.write_failed(shard, "shard failed: boom", input_state(shard))
    assert not ds.is_complete(shard)  # a failed task is retried on the next run
    assert ds.manifest(shard.id).status == "failed"  # type: ignore[union-attr]


def test_batch_dataset_damaged_manifest_means_redo(tmp_path: Path) -> None:
    _tree(tmp_path)
    (shard,) = plan_shards([tmp_path / "d.jsonl"])
    ds = Dataset(tmp_path / "out")
    ds.write(shard, extract_shard(shard), input_state(shard))
    ds.manifest_path(shard.id).write_text("{trunc", encoding="utf-8")
    assert not ds.is_complete(shard)


def test_batch_dataset_load_needs_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="not a waishi batch dataset"):
        Dataset(tmp_path, create=False)
