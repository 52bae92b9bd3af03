"""Score khabar's date resolution.

1. Value accuracy by category on ``benchmarks/dates_ar_gold.tsv`` (self-made; always runs):
   ``khabar eval dates_ar``.
2. DATE/TIME span detection on the Wojood sample in ``<data>/ner`` (skipped with a message
   when it is absent): ``khabar eval wojood_dates``.
3. Speed: milliseconds per article on SaudiNewsNet articles (skipped when absent).

The scoring lives in :mod:`khabar.evaluation.tasks.dates`; this script prints its reports.

Usage: ``.venv/bin/python benchmarks/dates.py [--errors] [--shared PATH]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.loaders.saudinewsnet import load_saudinewsnet
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.report import render_report
from khabar.evaluation.tasks.dates import (
    dates_ar,
    dates_ar_gold_path,
    read_dates_gold,
    score_date_values,
    wojood_dates,
)
from khabar.resolve.dates import find_dates


def print_all_errors(data: Path) -> None:
    """Every miss on the self-made set (the report only keeps a sample)."""
    for row, got in score_date_values(read_dates_gold(dates_ar_gold_path(data))).misses:
        spans = [(d.text, d.value) for d in find_dates(row.sentence, "ar", row.published)]
        print(
            f"  ERR [{row.category}] {row.sentence} | pub={row.published} "
            f"| want={row.expected} | got={got} | {spans}"
        )


def time_articles(data: Path, limit: int = 1000) -> None:
    try:
        articles = [a.body for a in load_saudinewsnet(data, limit)]
    except ResourceError as exc:
        print(f"Speed: skipped, {exc}")
        return
    if not articles:
        print("Speed: skipped, no SaudiNewsNet articles")
        return
    published = dt.date(2015, 8, 1)
    find_dates("تمهيد", "ar", published)  # load the lexicons outside the timing
    started = time.perf_counter()
    found = sum(len(find_dates(text, "ar", published)) for text in articles)
    elapsed = time.perf_counter() - started
    words = sum(len(text.split()) for text in articles) / len(articles)
    print(
        f"Speed: {1000 * elapsed / len(articles):.3f} ms/article over {len(articles)} SaudiNewsNet "
        f"articles ({words:.0f} words on average), {found / len(articles):.1f} dates/article"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="print each error")
    parser.add_argument(
        "--shared", "--data", type=Path, default=default_data_dir(), help="shared data folder"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score N items of each set")
    args = parser.parse_args(argv)
    print(render_report(dates_ar(args.shared, args.limit)))
    if args.errors:
        print_all_errors(args.shared)
    print()
    if not args.shared.exists():
        print(f"Wojood and speed: skipped, {args.shared} is absent")
        return 0
    try:
        print(render_report(wojood_dates(args.shared, args.limit)))
    except ResourceError as exc:
        print(f"Wojood: skipped, {exc}")
    print()
    time_articles(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
