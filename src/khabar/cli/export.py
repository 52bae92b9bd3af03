"""``khabar export``: a store as jsonl, csv, Parquet, PLOVER/POLECAT-style JSON or CAMEO TSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(subparsers: Any) -> None:
    from khabar.cli.query import add_filter_arguments

    parser = subparsers.add_parser(
        "export",
        help="export a store (jsonl, csv, parquet, plover, cameo)",
        description="Export stored documents (jsonl: khabar/1) or events (csv, parquet, plover: "
        "POLECAT-style JSON lines, cameo: GDELT-style TSV). Field mappings: docs/store.md.",
    )
    add_filter_arguments(parser)
    parser.add_argument(
        "--format", required=True, choices=("jsonl", "csv", "parquet", "plover", "cameo")
    )
    parser.add_argument("--out", "-o", default="-", help="output file (- for stdout)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from khabar.cli.query import filter_from_args
    from khabar.store import export, make_engine

    engine = make_engine(args.db)
    try:
        target: Any = sys.stdout if args.out == "-" else args.out
        count = export(engine, args.format, target, filter_from_args(args), collapse=args.collapse)
    finally:
        engine.dispose()
    print(f"khabar export: {count} records ({args.format})", file=sys.stderr)
    return 0
