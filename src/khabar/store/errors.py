"""Errors of the store layer."""

from __future__ import annotations

from khabar.errors import KhabarError


class StoreError(KhabarError):
    """The store cannot be opened, migrated or written (bad URL, unreachable server, old schema)."""
