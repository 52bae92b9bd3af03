"""Queries over stored events: filters on actor, country, sector, type, status, dates and text.

An actor filter matches an actor's name, Arabic name or Wikidata id; country
and sector match any actor or recipient of the event (country also the place
where it happened). Dates filter on when the event happened (``when_start``),
falling back to the article's publication date. ``collapse=True`` keeps one
row per syndication group and event, so a wire story republished ten times
counts once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, Select, and_, exists, func, or_, select

from khabar.store import search
from khabar.store.engine import READ_ONLY
from khabar.store.schema import actors, articles, event_actors, events

EVENT_COLUMNS = (
    "article_pk",
    "doc_id",
    "group_pk",
    "event_id",
    "date",
    "type",
    "mode",
    "status",
    "actor_names",
    "recipient_names",
    "trigger",
    "where_name",
    "where_country",
    "source",
    "url",
    "published",
    "title",
    "confidence",
)


@dataclass(slots=True)
class EventFilter:
    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    source: str | None = None


def _actor_match(*conditions: Any) -> Any:
    return exists(
        select(1)
        .select_from(
            event_actors.join(
                actors,
                and_(
                    actors.c.article_pk == event_actors.c.article_pk,
                    actors.c.actor_id == event_actors.c.actor_id,
                ),
            )
        )
        .where(event_actors.c.article_pk == events.c.article_pk)
        .where(event_actors.c.event_id == events.c.event_id)
        .where(*conditions)
    )


def events_select(flt: EventFilter, dialect: str) -> Select[Any]:
    date = func.coalesce(events.c.when_start, articles.c.published)
    stmt = select(
        events.c.article_pk,
        articles.c.doc_id,
        articles.c.group_pk,
        events.c.event_id,
        date.label("date"),
        events.c.type,
        events.c.mode,
        events.c.status,
        events.c.actor_names,
        events.c.recipient_names,
        events.c.trigger,
        events.c.where_name,
        events.c.where_country,
        articles.c.source,
        articles.c.url,
        articles.c.published,
        articles.c.title,
        events.c.confidence,
    ).join(articles, articles.c.pk == events.c.article_pk)
    if flt.actor:
        needle = flt.actor.strip()
        stmt = stmt.where(
            _actor_match(
                or_(
                    func.lower(actors.c.name).contains(needle.lower(), autoescape=True),
                    actors.c.name_ar.contains(needle, autoescape=True),
                    actors.c.wikidata == needle,
                )
            )
        )
    if flt.country:
        code = flt.country.upper()
        stmt = stmt.where(
            or_(_actor_match(actors.c.country == code), events.c.where_country == code)
        )
    if flt.sector:
        stmt = stmt.where(_actor_match(actors.c.sector == flt.sector.upper()))
    if flt.types:
        stmt = stmt.where(events.c.type.in_([t.upper() for t in flt.types]))
    if flt.statuses:
        stmt = stmt.where(events.c.status.in_([s.lower() for s in flt.statuses]))
    if flt.date_from:
        stmt = stmt.where(date >= flt.date_from)
    if flt.date_to:
        # A bare month or year covers all its days: "2023-09" <= "2023-09-30" < "2023-09~".
        stmt = stmt.where(date <= flt.date_to + "~")
    if flt.source:
        stmt = stmt.where(articles.c.source == flt.source)
    if flt.text:
        stmt = stmt.where(articles.c.pk.in_(search.match_clause(dialect, flt.text)))
    return stmt


def query_events(
    engine: Engine,
    flt: EventFilter | None = None,
    *,
    limit: int | None = 100,
    collapse: bool = False,
) -> Iterator[dict[str, Any]]:
    """Events matching ``flt``, newest first, as dicts with :data:`EVENT_COLUMNS`."""
    flt = flt or EventFilter()
    stmt = events_select(flt, engine.dialect.name)
    order = (
        func.coalesce(events.c.when_start, articles.c.published).desc(),
        events.c.article_pk,
        events.c.event_id,
    )
    if collapse:
        # One row per (story, type, status, actors): the first copy stored stands for the group.
        inner = stmt.add_columns(
            func.row_number()
            .over(
                partition_by=(
                    articles.c.group_pk,
                    events.c.type,
                    events.c.status,
                    events.c.actor_names,
                    events.c.recipient_names,
                ),
                order_by=(events.c.article_pk, events.c.event_id),
            )
            .label("copy_rank")
        ).subquery()
        stmt = (
            select(*[inner.c[name] for name in EVENT_COLUMNS])
            .where(inner.c.copy_rank == 1)
            .order_by(inner.c.date.desc(), inner.c.article_pk, inner.c.event_id)
        )
    else:
        stmt = stmt.order_by(*order)
    if limit:
        stmt = stmt.limit(limit)
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        for row in conn.execute(stmt):
            yield dict(row._mapping)


def count_events(engine: Engine, flt: EventFilter | None = None, *, collapse: bool = True) -> int:
    """How many events match; with ``collapse`` syndicated copies count once."""
    return sum(1 for _ in query_events(engine, flt, limit=None, collapse=collapse))


def search_articles(engine: Engine, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles containing every word of ``text`` (Arabic folded), newest first."""
    stmt = (
        select(
            articles.c.pk,
            articles.c.doc_id,
            articles.c.source,
            articles.c.published,
            articles.c.title,
            articles.c.url,
        )
        .where(articles.c.pk.in_(search.match_clause(engine.dialect.name, text)))
        .order_by(articles.c.published.desc(), articles.c.pk)
        .limit(limit)
    )
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        return [dict(row._mapping) for row in conn.execute(stmt)]


def store_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, and syndication groups (stories) among articles."""
    from khabar.store.schema import metadata

    counts: dict[str, int] = {}
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        for table in metadata.sorted_tables:
            counts[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        counts["stories"] = conn.execute(
            select(func.count(func.distinct(articles.c.group_pk)))
        ).scalar_one()
    return counts
