"""`waishi extract`: news pages in, extraction records (JSON, JSON lines or tables) out; no store.

Its start-up is kept short (evaluation scripts run it once per file): the package registers
the other command groups only when another command is asked.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

import typer

from ..errors import InputError, PageTooLargeError, WaishiError
from ..extract.pipeline import extract as extract_text
from ..model import Extraction, Page
from .common import fail, note

__all__ = ["Format", "extract_cmd", "extract_file"]


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def extract_file(path: str, published: str | None, url: str | None) -> Iterator[Extraction | InputError]:
    """Every page of one input (a file, a directory, '-' for stdin) extracted, in order.

    A page or file that cannot be read or extracted comes out as an InputError naming
    it in full (``dir/feed.jsonl:3``, ``a.warc.gz``), in its place: the good records of
    a container are never held back by a bad one (issue 15).
    """
    from ..read import MAX_FILE_BYTES, iter_pages, read_bytes_as_page

    pages: Iterable[Page | InputError]
    if path == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            yield PageTooLargeError("<stdin>", f"input too large: more than {MAX_FILE_BYTES:,} bytes")
            return
        try:
            pages = [read_bytes_as_page(data, "<stdin>")]
        except InputError as e:
            pages = [e]
    else:
        pages = iter_pages(path)
    for page in pages:
        if isinstance(page, InputError):
            yield page
            continue
        if published and page.published and page.published != published:
            # the option wins (it is how a known date is given), but not silently
            note(f"{page.source}: the page says it was published {page.published}; using --published {published}")
        try:
            yield extract_text(page.text, published=published or page.published, url=url or page.url,
                               source=_source_name(page.source), encoding=page.encoding)
        except InputError as e:  # named by the page's full source, not the record's short name
            yield type(e)(page.source, e.reason)
        except WaishiError as e:
            yield InputError(page.source, str(e))
        except Exception as e:  # never a traceback: name the page and the reason
            yield InputError(page.source, f"internal error: {type(e).__name__}: {e}")


def _source_name(source: str) -> str:
    p = Path(source)
    return p.name if p.exists() else source


def extract_cmd(
    files: list[str] = typer.Argument(..., help="Input files (txt, html, jsonl, warc[.gz]) or '-' for stdin."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json | jsonl | table"),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD (anchors years); overrides a "
                                                    "date the page carries (a note says so)."),
    url: str | None = typer.Option(None, help="Source URL to record."),
    mentions: bool = typer.Option(True, help="Include the mention list in JSON output."),
) -> None:
    """Extract events, people and figures from news pages."""
    if published is not None:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError:
            fail(f"--published must be YYYY-MM-DD, got {published!r}")
            raise typer.Exit(2) from None
    records: list[Extraction] = []
    failed = 0
    for f in files:
        for got in extract_file(f, published, url):
            if isinstance(got, InputError):
                fail(str(got))
                failed += 1
            elif format is Format.jsonl:
                sys.stdout.write(json.dumps(got.to_dict(mentions=mentions), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                records.append(got)
    if format is Format.json:
        dicts = [r.to_dict(mentions=mentions) for r in records]
        if len(files) == 1 and len(dicts) == 1 and not failed:
            sys.stdout.write(json.dumps(dicts[0], ensure_ascii=False, indent=2) + "\n")
        elif dicts or not failed:
            sys.stdout.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")
    elif format is Format.table:
        _print_tables(records)
    if failed:
        raise typer.Exit(1)


def _print_tables(records: list[Extraction]) -> None:
    from rich.console import Console
    from rich.text import Text

    from ..numfmt import human, pct
    from .common import err
    from .table import Col, print_table

    con = Console()
    for r in records:
        for d in r.documents:
            con.rule(Text.assemble((d.kind, "bold"), f" {d.title} ({d.year})"))  # the title as written
            if d.events:
                print_table([Col("type", 9, keep=True), Col("date", 10, keep=True), Col("source", 7, min_width=8),
                             Col("target", 7, min_width=8), Col("location", 3, min_width=6),
                             Col("evidence", 5, min_width=14, max_chars=60)],
                            [[e.type, e.date or "", "、".join(e.source), "、".join(e.target), e.location or "",
                              r.text[e.evidence.start:e.evidence.end]] for e in d.events], console=con, err=err)
            if d.people:
                print_table([Col("name", 9, min_width=8), Col("titles", 7, min_width=12), Col("country", 8, keep=True)],
                            [[p.name, "、".join(p.titles), p.country or ""] for p in d.people], console=con, err=err)
            if d.facts:
                print_table([Col("metric", 9, keep=True), Col("kind", 5, keep=True),
                             Col("value", 10, keep=True, justify="right"), Col("unit", 8, keep=True),
                             Col("period", 8, keep=True), Col("growth", 7, keep=True, justify="right"),
                             Col("subject", 6, min_width=6), Col("as written", 6, min_width=8),
                             Col("counted", 3, min_width=6), Col("evidence", 2, min_width=12, max_chars=60)],
                            [[f.metric, "" if f.kind == "result" else f.kind, human(f.value), f.unit, f.period or "",
                              pct(f.growth_pct), "、".join(f.subject), r.text[f.number.start:f.number.end],
                              f.counted or "", r.text[f.evidence.start:f.evidence.end]] for f in d.facts],
                            console=con, err=err)
