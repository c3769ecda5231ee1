"""``python -m waishi.cli``: the same as the ``waishi`` command."""

from . import app

app()
