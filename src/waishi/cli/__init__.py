"""The ``waishi`` command line: the Typer app and its command groups.

Each command calls one library function; domain errors become one-line messages here
(``common.fail``) and nowhere else. One module per command group:

- ``extract``: ``waishi extract`` (pages -> JSON, no store);
- ``store``: ``ingest``, ``events``, ``people``, ``facts``, ``search``, ``stats``, ``export``;
- ``relations``: ``relations``, ``offices``;
- ``batch``: ``batch``, ``load`` (Dask -> Parquet -> store);
- ``fetch``: ``fetch``;
- ``serve``: ``serve``;
- ``curate``: ``curate …``, ``reextract``;

and ``common`` (consoles, the error printer, the store opener, run progress) and ``table``
(tables that fit the terminal) beside them.
"""

from __future__ import annotations

import sys

import typer

from .extract import extract_cmd

__all__ = ["app"]

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="waishi: Chinese foreign-affairs news -> events, people and figures.")


@app.callback()
def main() -> None:
    """waishi command line."""


app.command("extract")(extract_cmd)


def _register_all() -> None:
    """The store, server, relations, batch, fetch and curation commands. `waishi extract` (run
    once per file by evaluation scripts) needs none of their code: its start-up skips them."""
    from .batch import register as register_batch
    from .curate import register as register_curate
    from .fetch import register as register_fetch
    from .relations import register as register_relations
    from .serve import register as register_serve
    from .store import register as register_store

    for register in (register_store, register_serve, register_relations, register_batch, register_fetch,
                     register_curate):
        register(app)


if sys.argv[1:2] != ["extract"] or "--help" in sys.argv or "-h" in sys.argv:
    _register_all()
