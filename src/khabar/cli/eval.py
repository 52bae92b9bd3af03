"""``khabar eval``: score today's pipeline against a gold set."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.evaluation.report import render_report
from khabar.evaluation.tasks import TASKS, task


def add_parser(subparsers: Any) -> None:
    sets = "\n".join(f"  {name:<20} {help}" for name, (_, help) in TASKS.items())
    parser = subparsers.add_parser(
        "eval",
        help="score the pipeline against a gold set",
        description=f"Score the pipeline against a gold set.\n\nSets:\n{sets}\n  all",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("set", metavar="SET", help="a gold set name (see above), or 'all'")
    parser.add_argument(
        "--data", metavar="DIR", help="the shared data folder (default ../shared/data)"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score N items, spread evenly")
    parser.add_argument("--report", metavar="FILE", help="write the full report as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from khabar.cli import EXIT_ALL_FAILED, EXIT_OK

    names = list(TASKS) if args.set == "all" else [args.set]
    data = Path(args.data) if args.data else None
    reports = []
    missing = 0
    for name in names:
        evaluate = task(name)
        try:
            report = evaluate(data, args.limit)
        except ResourceError as exc:
            print(f"khabar eval {name}: skipped: {exc}", file=sys.stderr)
            missing += 1
            continue
        reports.append(report)
        print(render_report(report))
        print()
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            json.dump(
                [json.loads(r.to_json()) for r in reports], handle, ensure_ascii=False, indent=2
            )
    return EXIT_OK if reports or not missing else EXIT_ALL_FAILED
