"""Writing documents into the store: one article, its document and its analysis rows.

Callers hold the transaction; everything for one article is written inside it,
so a crash leaves an article either fully stored or absent.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from khabar.document import SCHEMA, Document
from khabar.read.article import Article, Failure
from khabar.store import search, syndication
from khabar.store.schema import (
    ANALYSIS_TABLES,
    actors,
    articles,
    claims,
    documents,
    event_actors,
    events,
    failures,
    mentions,
)
from khabar.store.textnorm import fold


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def add_articles(
    conn: Connection, entries: list[tuple[Article, Document, str]], version: str
) -> dict[str, tuple[int, int]]:
    """Store new articles with their analyses, a few statements per batch.

    ``entries`` holds (article, document, content hash). Returns ``{hash: (pk,
    group_pk)}`` for the articles stored; one missing was already in the store.
    The unique ``content_hash`` decides, so two processes racing on one text
    store it once.
    """
    if not entries:
        return {}
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stamp = now()
    values = [
        {
            "content_hash": digest,
            "doc_id": doc.id,
            "url": doc.url,
            "source": doc.source,
            "title": doc.title,
            "published": doc.published,
            "language": doc.language,
            "body": article.body,
            "origin": article.origin,
            "ingested_at": stamp,
        }
        for article, doc, digest in entries
    ]
    stmt = (
        dialect_insert(articles)
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(articles.c.pk, articles.c.content_hash)
    )
    inserted = {row.content_hash: row.pk for row in conn.execute(stmt, values)}
    stored = [(inserted[d], a, doc) for a, doc, d in entries if d in inserted]
    stored.sort(key=lambda entry: entry[0])
    write_analyses(conn, [(pk, doc) for pk, _, doc in stored], version)
    pending = []
    for pk, article, doc in stored:
        folded = fold(article.body)
        search.index_article(conn, pk, doc.title, folded)
        pending.append(syndication.Pending(pk, doc.language, syndication.signatures(folded, doc)))
    groups = syndication.assign_groups(conn, pending)
    return {digest: (pk, groups[pk]) for digest, pk in inserted.items()}


def replace_analysis(conn: Connection, pk: int, doc: Document, version: str) -> None:
    """Swap an article's document and analysis rows for a new analysis (``--reprocess``)."""
    for table in (*ANALYSIS_TABLES, documents):
        conn.execute(delete(table).where(table.c.article_pk == pk))
    conn.execute(
        articles.update()
        .where(articles.c.pk == pk)
        .values(language=doc.language, published=doc.published, title=doc.title)
    )
    write_analyses(conn, [(pk, doc)], version)


def write_analyses(conn: Connection, docs: list[tuple[int, Document]], version: str) -> None:
    """Insert documents and their analysis rows, one statement per table."""
    if not docs:
        return
    stamp = now()
    conn.execute(
        insert(documents),
        [
            {
                "article_pk": pk,
                "pipeline_version": version,
                "schema": SCHEMA,
                "document": doc.to_dict(),
                "analysed_at": stamp,
            }
            for pk, doc in docs
        ],
    )
    tables: dict[Any, list[dict[str, Any]]] = {}
    for pk, doc in docs:
        for table, rows in analysis_rows(pk, doc).items():
            tables.setdefault(table, []).extend(rows)
    for table, rows in tables.items():
        if rows:
            conn.execute(insert(table), rows)


def actor_key(doc: Document, actor_id: str) -> str:
    """What identifies an actor across articles: its Wikidata id, else its folded name."""
    actor = doc.actor(actor_id)
    if actor is None:
        return f"?{actor_id}"
    return actor.wikidata or fold(actor.name)


def analysis_rows(pk: int, doc: Document) -> dict[Any, list[dict[str, Any]]]:
    names = {a.id: a.name for a in doc.actors}
    claim_rows = [
        {
            "article_pk": pk,
            "claim_id": c.id,
            "speaker_id": c.speaker,
            "speaker_text": c.speaker_span.text if c.speaker_span else None,
            "cue": c.cue.text if c.cue else None,
            "content": doc.text[c.content.start : c.content.end],
            "via": list(c.via),
            "stance": c.stance,
            "direct": c.direct,
        }
        for c in doc.claims
    ]
    event_rows = []
    role_rows = []
    for e in doc.events:
        when = e.when or {}
        where = e.where or {}
        event_rows.append(
            {
                "article_pk": pk,
                "event_id": e.id,
                "type": e.type,
                "mode": e.mode,
                "context": ";".join(e.context) or None,
                "cameo": e.cameo,
                "status": e.status,
                "claim_id": e.claim,
                "actor_names": "; ".join(names.get(a, a) for a in e.actor) or None,
                "recipient_names": "; ".join(names.get(a, a) for a in e.recipient) or None,
                "trigger": e.trigger.text,
                "sentence": e.sentence,
                "when_start": when.get("start"),
                "when_end": when.get("end"),
                "where_name": where.get("name"),
                "where_country": where.get("country"),
                "lat": where.get("lat"),
                "lon": where.get("lon"),
                "confidence": e.confidence,
            }
        )
        for role, ids in (("actor", e.actor), ("recipient", e.recipient)):
            for actor_id in dict.fromkeys(ids):
                role_rows.append(
                    {
                        "article_pk": pk,
                        "event_id": e.id,
                        "actor_id": actor_id,
                        "role": role,
                        "actor_key": actor_key(doc, actor_id),
                    }
                )
    return {
        actors: [
            {
                "article_pk": pk,
                "actor_id": a.id,
                "name": a.name,
                "name_ar": a.name_ar,
                "kind": a.kind,
                "country": a.country,
                "sector": a.sector,
                "wikidata": a.wikidata,
            }
            for a in doc.actors
        ],
        events: event_rows,
        event_actors: role_rows,
        claims: claim_rows,
        mentions: [
            {
                "article_pk": pk,
                "mention_id": m.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": m.type,
                "actor_id": m.actor,
                "place_id": m.place,
            }
            for m in doc.mentions
        ],
    }


def add_failure(conn: Connection, failure: Failure) -> None:
    """Record a failed input once per (origin, reason); a rerun refreshes its message."""
    values = {
        "origin": failure.origin,
        "reason": failure.reason,
        "message": failure.message,
        "failed_at": now(),
    }
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = dialect_insert(failures).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["origin", "reason"],
        set_={"message": stmt.excluded.message, "failed_at": stmt.excluded.failed_at},
    )
    conn.execute(stmt)
