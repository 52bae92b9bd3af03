"""``khabar query``: events from a store, filtered, as a table or jsonl; contested events."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

TABLE_COLUMNS = ("date", "type", "status", "actor_names", "recipient_names", "source", "trigger")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query",
        help="find stored events (filters; table or jsonl)",
        description="Query events in a store. Filters combine with AND.",
    )
    add_filter_arguments(parser)
    parser.add_argument("--format", choices=("table", "jsonl"), default="table")
    parser.add_argument("--limit", type=int, default=50, help="at most this many rows (0: all)")
    parser.add_argument(
        "--contested",
        action="store_true",
        help="list events one source affirms and another denies, across articles",
    )
    parser.add_argument("--window-days", type=int, default=30, help="for --contested")
    parser.set_defaults(handler=run)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help="a SQLite path or postgresql://...")
    parser.add_argument("--actor", help="actor name (any language, substring) or Wikidata id")
    parser.add_argument("--country", help="ISO 3166 alpha-3 code of an actor or the place")
    parser.add_argument("--sector", help="actor sector code (GOV, MIL, REB, ...)")
    parser.add_argument("--type", dest="types", action="append", default=[], help="PLOVER type")
    parser.add_argument("--status", dest="statuses", action="append", default=[])
    parser.add_argument("--since", dest="date_from", metavar="DATE", help="from this date on")
    parser.add_argument("--until", dest="date_to", metavar="DATE", help="up to this date")
    parser.add_argument("--text", help="words the article must contain (full-text search)")
    parser.add_argument("--source", help="outlet name, exactly")
    parser.add_argument(
        "--collapse", action="store_true", help="one row per syndicated story, not per copy"
    )


def filter_from_args(args: argparse.Namespace) -> Any:
    from khabar.store import EventFilter

    return EventFilter(
        actor=args.actor,
        country=args.country,
        sector=args.sector,
        types=args.types,
        statuses=args.statuses,
        date_from=args.date_from,
        date_to=args.date_to,
        text=args.text,
        source=args.source,
    )


def run(args: argparse.Namespace) -> int:
    from khabar.store import find_contested, make_engine, query_events

    engine = make_engine(args.db)
    try:
        if args.contested:
            pairs = find_contested(
                engine,
                event_type=args.types[0] if args.types else None,
                actor=args.actor,
                window_days=args.window_days,
                limit=args.limit or 10_000_000,
            )
            rows = [p.to_dict() for p in pairs]
            if args.format == "jsonl":
                for row in rows:
                    print(json.dumps(row, ensure_ascii=False))
            else:
                flat = [_contested_row(r) for r in rows]
                print(render_table(flat, ("type", "actor", "affirmed", "denied")))
            return 0
        records = query_events(
            engine, filter_from_args(args), limit=args.limit or None, collapse=args.collapse
        )
        if args.format == "jsonl":
            for record in records:
                print(json.dumps(record, ensure_ascii=False, default=str))
        else:
            print(render_table(list(records), TABLE_COLUMNS))
    finally:
        engine.dispose()
    sys.stdout.flush()
    return 0


def render_table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    from khabar.cli.table import table

    return table(columns, [[row.get(c) for c in columns] for row in rows])


def _contested_row(pair: dict[str, Any]) -> dict[str, Any]:
    def side(s: dict[str, Any]) -> str:
        return f"{s['source'] or '?'} {s['date'] or ''} {s['status']}"

    return {
        "type": pair["type"],
        "actor": pair["shared_actor"],
        "affirmed": side(pair["affirmed"]),
        "denied": side(pair["denied"]),
    }
