"""Contested events across the store: what one source asserts and another denies.

Within one article ``Document.contested`` already groups such events. Across
articles, two events contest each other when they have the same PLOVER type,
share an actor (by Wikidata id or folded canonical name, in any role), one is
``asserted`` or ``alleged`` and the other ``denied``, they come from different
stories (syndication groups) and sources, and their dates (event date, else
publication date) lie within ``window_days`` of each other. Syndicated copies
of the same pair are reported once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select

from khabar.store.engine import READ_ONLY
from khabar.store.schema import articles, claims, event_actors, events

AFFIRMING = ("asserted", "alleged")
WINDOW_DAYS = 30


@dataclass(slots=True)
class ContestedPair:
    type: str
    shared_actor: str
    affirmed: dict[str, Any]
    denied: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "shared_actor": self.shared_actor,
            "affirmed": self.affirmed,
            "denied": self.denied,
        }


def _side(alias: str) -> tuple[Any, Any, Any]:
    return events.alias(f"e{alias}"), articles.alias(f"a{alias}"), claims.alias(f"c{alias}")


def find_contested(
    engine: Engine,
    *,
    event_type: str | None = None,
    actor: str | None = None,
    window_days: int = WINDOW_DAYS,
    limit: int = 100,
) -> list[ContestedPair]:
    """Pairs of events across articles where one source affirms what another denies."""
    e1, a1, c1 = _side("1")
    e2, a2, c2 = _side("2")
    x1 = event_actors.alias("x1")
    x2 = event_actors.alias("x2")
    date1 = func.coalesce(e1.c.when_start, a1.c.published)
    date2 = func.coalesce(e2.c.when_start, a2.c.published)
    stmt = (
        select(
            e1.c.type,
            x1.c.actor_key,
            *_columns(e1, a1, c1, date1, "1"),
            *_columns(e2, a2, c2, date2, "2"),
        )
        .select_from(e1)
        .join(a1, a1.c.pk == e1.c.article_pk)
        .join(x1, and_(x1.c.article_pk == e1.c.article_pk, x1.c.event_id == e1.c.event_id))
        .join(x2, x2.c.actor_key == x1.c.actor_key)
        .join(
            e2,
            and_(
                e2.c.article_pk == x2.c.article_pk,
                e2.c.event_id == x2.c.event_id,
                e2.c.type == e1.c.type,
            ),
        )
        .join(a2, a2.c.pk == e2.c.article_pk)
        .outerjoin(c1, and_(c1.c.article_pk == e1.c.article_pk, c1.c.claim_id == e1.c.claim_id))
        .outerjoin(c2, and_(c2.c.article_pk == e2.c.article_pk, c2.c.claim_id == e2.c.claim_id))
        .where(e1.c.status.in_(AFFIRMING))
        .where(e2.c.status == "denied")
        .where(e1.c.article_pk != e2.c.article_pk)
        .where(func.coalesce(a1.c.group_pk, a1.c.pk) != func.coalesce(a2.c.group_pk, a2.c.pk))
        .where(or_(a1.c.source.is_(None), a2.c.source.is_(None), a1.c.source != a2.c.source))
        .order_by(e1.c.article_pk, e1.c.event_id, e2.c.article_pk, e2.c.event_id)
    )
    if event_type:
        stmt = stmt.where(e1.c.type == event_type.upper())
    if actor:
        stmt = stmt.where(func.lower(x1.c.actor_key).contains(actor.lower(), autoescape=True))
    pairs: list[ContestedPair] = []
    seen: set[tuple[Any, ...]] = set()
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        for row in conn.execute(stmt):
            m = row._mapping
            key = (m["group_1"], m["group_2"], m["type"])
            if key in seen or not _within(m["date_1"], m["date_2"], window_days):
                continue
            seen.add(key)
            pairs.append(
                ContestedPair(
                    type=m["type"],
                    shared_actor=m["actor_key"],
                    affirmed=_pick(m, "1"),
                    denied=_pick(m, "2"),
                )
            )
            if len(pairs) >= limit:
                break
    return pairs


_FIELDS = ("article_pk", "event_id", "status", "actor_names", "recipient_names", "trigger")


def _columns(e: Any, a: Any, c: Any, when: Any, n: str) -> list[Any]:
    return [
        *(e.c[name].label(f"{name}_{n}") for name in _FIELDS),
        when.label(f"date_{n}"),
        func.coalesce(a.c.group_pk, a.c.pk).label(f"group_{n}"),
        a.c.source.label(f"source_{n}"),
        a.c.title.label(f"title_{n}"),
        a.c.url.label(f"url_{n}"),
        c.c.speaker_text.label(f"speaker_{n}"),
        c.c.stance.label(f"stance_{n}"),
    ]


def _pick(m: Any, n: str) -> dict[str, Any]:
    names = (*_FIELDS, "date", "source", "title", "url", "speaker", "stance")
    return {name: m[f"{name}_{n}"] for name in names}


def _within(first: str | None, second: str | None, days: int) -> bool:
    if not first or not second:
        return True
    try:
        a = date.fromisoformat(_day(first))
        b = date.fromisoformat(_day(second))
    except ValueError:
        return True
    return abs((a - b).days) <= days


def _day(value: str) -> str:
    # Event dates may be a year or a month: compare from their first day.
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])
