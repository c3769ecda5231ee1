"""The store's error (a leaf module: every store module may raise it without importing the opener)."""

from __future__ import annotations

from ..errors import WaishiError

__all__ = ["SchemaError", "StoreError"]


class StoreError(WaishiError):
    """The store cannot be opened or used (missing file, not a database, locked ...)."""


class SchemaError(WaishiError):
    """The database file is not a waishi store this version can use."""
