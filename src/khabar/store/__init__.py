"""The khabar store: one schema on SQLite (embedded default) or PostgreSQL (shared server).

Modules: ``engine`` (URLs, engines), ``schema`` (tables), ``migrate`` (Alembic),
``ingest`` (idempotent, resumable ingest), ``query``, ``contested``,
``syndication``, ``search`` (full text), ``export``, ``inputs`` (feeds, WARC).
"""

from __future__ import annotations

from khabar.store.contested import ContestedPair, find_contested
from khabar.store.engine import make_engine, normalise_url
from khabar.store.errors import StoreError
from khabar.store.export import FORMATS, export
from khabar.store.ingest import IngestSummary, ingest, ingest_with, open_store, reprocess
from khabar.store.inputs import iter_inputs
from khabar.store.query import (
    EventFilter,
    count_events,
    query_events,
    search_articles,
    store_counts,
)

__all__ = [
    "FORMATS",
    "ContestedPair",
    "EventFilter",
    "IngestSummary",
    "StoreError",
    "count_events",
    "export",
    "find_contested",
    "ingest",
    "ingest_with",
    "iter_inputs",
    "make_engine",
    "normalise_url",
    "open_store",
    "query_events",
    "reprocess",
    "search_articles",
    "store_counts",
]
