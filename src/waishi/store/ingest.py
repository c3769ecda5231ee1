"""Feeding the writer: pages from files (``ingest``) or already-extracted records (``load_records``).

The store does not import the extraction pipeline: ``ingest`` takes the extraction
function as an argument, and the CLI passes ``waishi.extract`` (the writer uses only
``extract.actors``, the gazetteer's verdict on an actor name, which loads no pipeline). Unchanged pages are recognised by their content hash
before extraction, so a rerun over the same corpus costs reading and hashing only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from os import PathLike
from typing import Any

from ..errors import InputError, WaishiError
from ..lexicon import Lexicon
from ..model import Extraction, Page
from ..pageid import content_hash, locator_of
from ..read import iter_pages
from .db import Store, StoreError
from .records import PageRecord
from .writer import RunStats, Writer

__all__ = ["Extractor", "ingest", "load_records", "put_page"]

LOGGER = logging.getLogger(__name__)

Extractor = Callable[[Page], Extraction | Mapping[str, Any]]
Progress = Callable[[RunStats], None]


def ingest(store: Store, paths: Iterable[str | PathLike[str]], extract: Extractor, *,
           batch_size: int = 200, force: bool = False, progress: Progress | None = None,
           lexicon: Lexicon | None = None) -> RunStats:
    """Read every page under ``paths``, extract it, store it; returns the run's figures.

    Unreadable files and pages that fail extraction are recorded in the ``errors``
    table and counted; the run goes on. ``force`` re-extracts unchanged pages.
    """
    with Writer(store, lexicon=lexicon, batch_size=batch_size) as w:
        for path in paths:
            for page in iter_pages(path):
                if isinstance(page, InputError):
                    w.add_error(page.path, page.reason)
                else:
                    _put_page(w, page, extract, force)
                if progress is not None:
                    progress(w.stats)
        return w.close()


class _ExtractionFailed(Exception):
    """The extractor raised something other than a WaishiError (a bug, not bad input)."""


def _put_page(w: Writer, page: Page, extract: Extractor, force: bool) -> None:
    def make() -> PageRecord:
        try:
            return extract(page)
        except WaishiError:
            raise
        except Exception as e:
            raise _ExtractionFailed(f"{type(e).__name__}: {e}") from e

    try:
        w.put(make, locator=locator_of(page.source, page.url), content_hash=content_hash(page.text, page.published),
              path=page.source, url=page.url, published=page.published, title=page.title,
              encoding=page.encoding, force=force)
    except StoreError:
        raise  # the database failed, not the page
    except InputError as e:
        w.add_error(page.source, e.reason)
    except WaishiError as e:
        w.add_error(page.source, str(e))
    except _ExtractionFailed as e:  # an extraction bug costs the page, not the run
        LOGGER.debug("extraction failed on %s", page.source, exc_info=True)
        w.add_error(page.source, f"extraction failed: {e}")
    except (KeyError, TypeError, ValueError) as e:  # a record the writer cannot read; nothing was written
        w.add_error(page.source, f"malformed record: {type(e).__name__}: {e}")


def put_page(w: Writer, page: Page, extract: Extractor, force: bool = False) -> None:
    """Store one page already read (e.g. fetched by waishi.fetch) exactly as ``ingest`` stores a file's:
    a page that cannot be stored becomes an error row and the run goes on."""
    _put_page(w, page, extract, force)


def load_records(store: Store, records: Iterable[Mapping[str, Any]], *, batch_size: int = 500,
                 force: bool = False, progress: Progress | None = None,
                 lexicon: Lexicon | None = None) -> RunStats:
    """Store records extracted elsewhere (a Dask batch run, a JSONL dump) through the same
    writer and cross-page merging as ``ingest``.

    Each record is an ``Extraction.to_dict()`` dict with the page ``text`` added
    (``record_from_extraction``); ``locator`` and ``path`` keys are optional (the
    locator defaults to the record's ``url``, else its ``source``). A record that
    cannot be stored is recorded as an error and the run goes on.
    """
    with Writer(store, lexicon=lexicon, batch_size=batch_size) as w:
        for i, rec in enumerate(records):
            where = str(rec.get("path") or rec.get("source") or f"record {i}")
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                w.add_error(where, "record has no page text")
            else:
                locator = rec.get("locator") or locator_of(str(rec.get("source") or where), rec.get("url"))
                try:
                    w.put(rec, locator=str(locator), content_hash=content_hash(text, rec.get("published")),
                          path=where, url=rec.get("url"), published=rec.get("published"), force=force)
                except (KeyError, TypeError, ValueError) as e:
                    w.add_error(where, f"malformed record: {type(e).__name__}: {e}")
            if progress is not None:
                progress(w.stats)
        return w.close()
