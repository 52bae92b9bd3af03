"""Cost along a long stream of SaudiNewsNet articles, one process, in windows.

    .venv/bin/python benchmarks/stream.py --n 7000 --window 500

Per window: CPU milliseconds per article and per 1,000 characters, and how many word forms
the NER tagger's weight-row cache holds. Shows how per-word caches warm up (and when the
tagger's cache is full and cleared). Reads ../shared/data/saudinewsnet in place (skips when
absent). Slow: a few minutes for 7,000 articles.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import khabar
from khabar.errors import ResourceError
from khabar.evaluation.loaders.saudinewsnet import articles_with_body
from khabar.pipeline import tune_gc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--n", type=int, default=7000, help="number of articles")
    parser.add_argument("--window", type=int, default=500, help="articles per window")
    args = parser.parse_args()
    try:
        articles = articles_with_body(Path(args.data) if args.data else None, args.n)
    except ResourceError as exc:
        print(f"skipped: {exc}")
        return
    nlp = khabar.load()
    nlp.process(articles[0])  # load resources before timing
    tune_gc()
    from khabar.actors.tagger import load_tagger

    tagger = load_tagger()
    started, chars = time.process_time(), 0
    for count, article in enumerate(articles, 1):
        nlp.process(article)
        chars += len(article.body)
        if count % args.window == 0 or count == len(articles):
            now = time.process_time()
            size = count % args.window or args.window
            print(
                f"{count:6d} articles: {1000 * (now - started) / size:6.1f} ms/article, "
                f"{1e6 * (now - started) / chars:5.1f} ms per 1,000 chars, "
                f"tagger cache {len(tagger._ids):,} forms"
            )
            started, chars = now, 0


if __name__ == "__main__":
    main()
