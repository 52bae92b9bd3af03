"""Score khabar's Arabic word segmentation and sentence splitting against UD treebanks.

    .venv/bin/python benchmarks/segmentation.py [--data ../shared/data] [--semicolon]
        [--limit N] [--report FILE]

A thin wrapper over :mod:`khabar.evaluation.tasks.segmentation` (how boundaries
are counted is documented there); ``khabar eval ud_segmentation`` runs the same
scoring. ``--semicolon`` also splits sentences at ؛, which the eval set does not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.report import render_report
from khabar.evaluation.tasks.segmentation import segmentation_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--semicolon", action="store_true", help="also split sentences at ؛")
    parser.add_argument("--limit", type=int, metavar="N", help="N sentences of each treebank")
    parser.add_argument("--report", type=Path, metavar="FILE", help="write the report as JSON")
    args = parser.parse_args(argv)
    try:
        report = segmentation_report(args.data, args.limit, semicolon=args.semicolon)
    except ResourceError as exc:
        print(f"skipped: {exc}")
        return 0
    print(render_report(report))
    if args.report:
        args.report.write_text(report.to_json() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
