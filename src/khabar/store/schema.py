"""The store's tables, as SQLAlchemy Core metadata: one schema for SQLite and PostgreSQL.

Articles are keyed by an integer ``pk`` (compact, fast joins) and are unique by
``content_hash``, which is what makes ingest idempotent. Every analysis table
hangs off ``articles.pk`` and is replaced as a whole when an article is
re-analysed. Full-text search lives beside these tables: an FTS5 virtual table
on SQLite and a ``tsvector`` column on PostgreSQL (see ``search.py``); both are
created by the migrations, not by this metadata. ``docs/store.md`` documents
every column.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects import postgresql

metadata = MetaData()

# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JsonType = JSON().with_variant(postgresql.JSONB(), "postgresql")


def _article_fk() -> ForeignKey:
    # Analysis rows go with their article.
    return ForeignKey("articles.pk", ondelete="CASCADE")


articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", Text, nullable=False),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("language", String(8)),
    Column("body", Text, nullable=False),
    Column("origin", Text),
    Column("group_pk", Integer),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_articles_doc_id", "doc_id"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_source", "source"),
    Index("ix_articles_group", "group_pk"),
)

documents = Table(
    "documents",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("pipeline_version", Text, nullable=False),
    Column("schema", String(16), nullable=False),
    Column("document", JsonType, nullable=False),
    Column("analysed_at", String(32), nullable=False),
    Index("ix_documents_version", "pipeline_version"),
)

actors = Table(
    "actors",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("actor_id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_ar", Text),
    Column("kind", String(16)),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("wikidata", String(32)),
    Index("ix_actors_name", "name"),
    Index("ix_actors_country", "country"),
    Index("ix_actors_wikidata", "wikidata"),
)

events = Table(
    "events",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("context", Text),
    Column("cameo", String(8)),
    Column("status", String(16), nullable=False),
    Column("claim_id", String(32)),
    Column("actor_names", Text),
    Column("recipient_names", Text),
    Column("trigger", Text),
    Column("sentence", Integer),
    Column("when_start", String(10)),
    Column("when_end", String(10)),
    Column("where_name", Text),
    Column("where_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("confidence", Float),
    Index("ix_events_type_status", "type", "status"),
    Index("ix_events_when", "when_start"),
    Index("ix_events_where_country", "where_country"),
)

# One row per (event, actor, role): what actor/country/sector filters and the
# cross-article contested query join on.
event_actors = Table(
    "event_actors",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("actor_id", String(32), primary_key=True),
    Column("role", String(10), primary_key=True),
    Column("actor_key", Text, nullable=False),
    Index("ix_event_actors_key", "actor_key", "role"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("claim_id", String(32), primary_key=True),
    Column("speaker_id", String(32)),
    Column("speaker_text", Text),
    Column("cue", Text),
    Column("content", Text),
    Column("via", JsonType),
    Column("stance", String(16), nullable=False),
    Column("direct", Boolean, nullable=False),
    Index("ix_claims_stance", "stance"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("mention_id", String(32), primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("actor_id", String(32)),
    Column("place_id", String(32)),
    Index("ix_mentions_text", "text"),
)

failures = Table(
    "failures",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("failed_at", String(32), nullable=False),
    Index("ux_failures_origin_reason", "origin", "reason", unique=True),
)

# MinHash signatures (``signature``: little-endian uint32s) and their LSH band
# keys, kept in the store so that syndication is found across runs and processes.
minhashes = Table(
    "minhashes",
    metadata,
    Column("article_pk", Integer, _article_fk(), primary_key=True),
    Column("kind", String(8), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("kind", String(8), primary_key=True),
    # Key before band: lookups select by key (a 64-bit hash, unique in practice).
    Column("key", BigInteger, primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("article_pk", Integer, _article_fk(), primary_key=True),
)

ANALYSIS_TABLES = (actors, events, event_actors, claims, mentions)
