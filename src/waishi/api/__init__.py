"""The JSON API and dashboard over the store (``waishi serve``).

    from waishi.api import create_app
    app = create_app("vn.db")        # read-only; serve with uvicorn on 127.0.0.1

docs/api.md lists the endpoints and pages.
"""

from __future__ import annotations

from .app import create_app, create_review_app

__all__ = ["create_app", "create_review_app"]
