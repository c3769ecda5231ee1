"""Scale-out: extraction mapped over file shards on a Dask cluster, into a Parquet dataset.

    from waishi.batch import run_batch, load_dataset
    stats = run_batch(["crawl/*.warc.gz", "feeds/"], "out/", workers=2)   # or scheduler="tcp://host:8786"
    with Store.open("vn.db") as st:
        load_dataset(st, "out/")          # the same database `ingest` builds from the same inputs

Modules: shards (inputs -> shards in reading order), work (what a worker does with
a shard: read, extract, tables), tables (the dataset's schemas), dataset (files,
manifests, resumption), run (the Dask adapter), load (dataset -> the store's
single writer). docs/batch.md describes the dataset and the guarantees.
"""

from __future__ import annotations

from .dataset import FORMAT, BatchError, Dataset, ShardManifest
from .load import LoadStats, load_dataset
from .run import BatchStats, run_batch
from .shards import DEFAULT_GROUP_SIZE, Shard, ShardInput, plan_shards
from .tables import SCHEMAS, TABLE_NAMES
from .work import ShardOutput, extract_shard

__all__ = [
    "DEFAULT_GROUP_SIZE",
    "FORMAT",
    "SCHEMAS",
    "TABLE_NAMES",
    "BatchError",
    "BatchStats",
    "Dataset",
    "LoadStats",
    "Shard",
    "ShardInput",
    "ShardManifest",
    "ShardOutput",
    "extract_shard",
    "load_dataset",
    "plan_shards",
    "run_batch",
]
