"""Every raw response into WARC files beside the store (warcio), so a page can be
re-extracted later and its source proven.

One gzipped WARC file per run (``fetch-<UTC stamp>-<pid>.warc.gz``), a request and
a response record per exchange, flushed after each: a killed run leaves at most one
cut record at the end of its own file, and the next run starts a new file.
The body is stored decoded (httpx undoes Content-Encoding), so the recorded
headers drop Content-Encoding/Transfer-Encoding and state the stored length;
``waishi ingest DIR.warc/`` reads these files back like any WARC.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from .http import Response

__all__ = ["WarcArchive", "warc_dir_for"]

_DROP = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def warc_dir_for(db: str) -> str:
    """``vn.db`` -> ``vn.db.warc`` (a directory beside the store)."""
    return f"{db}.warc"


class WarcArchive:
    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.path: Path | None = None
        self._fh: IO[bytes] | None = None
        self._writer: Any = None
        self.records = 0

    def _open(self) -> None:
        from warcio.warcwriter import WARCWriter

        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        self.path = self.directory / f"fetch-{stamp}-{os.getpid()}.warc.gz"
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)

    def write(self, resp: Response) -> str:
        """Archive one exchange; returns ``file#offset`` of its response record."""
        from warcio.statusandheaders import StatusAndHeaders

        if self._fh is None:
            self._open()
        assert self._fh is not None and self.path is not None
        date = resp.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        headers = [(k, v) for k, v in resp.headers if k.lower() not in _DROP]
        headers.append(("Content-Length", str(len(resp.body))))
        status = f"{resp.status} {resp.reason}".strip()
        http_headers = StatusAndHeaders(status, headers, protocol=resp.http_version)
        offset = self._fh.tell()
        response = self._writer.create_warc_record(
            resp.url, "response", payload=BytesIO(resp.body), http_headers=http_headers,
            warc_headers_dict={"WARC-Date": date})
        parts = urlsplit(resp.url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = self._writer.create_warc_record(
            resp.url, "request", payload=BytesIO(b""),
            http_headers=StatusAndHeaders(f"GET {path} HTTP/1.1", list(resp.request_headers),
                                          is_http_request=True),
            warc_headers_dict={"WARC-Date": date})
        self._writer.write_record(response)
        self._writer.write_record(request)
        self._fh.flush()
        self.records += 1
        return f"{self.path.name}#{offset}"

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
