"""CPU cost of the whole English pipeline on PolNeAR dev articles (long US campaign news).

    .venv/bin/python benchmarks/english_speed.py [--data DIR]

SaudiNewsNet (``throughput.py``) is Arabic only; this measures the English side, where
spaCy's tagger, parser and NER run once per text. Reads ``polnear`` in place (skips when
absent); one process, warm after the first article, CPU time, in all and per stage.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import khabar
from khabar.errors import ResourceError
from khabar.evaluation.loaders.polnear import load_polnear
from khabar.read.article import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared data folder")
    args = parser.parse_args()
    try:
        texts = [g.text for g in load_polnear(Path(args.data) if args.data else None, split="dev")]
    except ResourceError as exc:
        print(f"skipped: PolNeAR is not available ({exc})")
        return
    nlp = khabar.load(language="en")
    nlp(texts[0])  # load the models and warm the caches
    per_stage: dict[str, float] = defaultdict(float)
    for text in texts:
        doc = nlp.make_document(Article(body=text))
        for stage in nlp.stages:
            started = time.process_time()
            doc = stage(doc)
            per_stage[stage.name] += time.process_time() - started
    seconds = sum(per_stage.values())
    chars = sum(len(t) for t in texts)
    print(
        f"{len(texts)} articles, {chars:,} characters: {len(texts) / seconds:.2f} articles/s, "
        f"{1000 * seconds / (chars / 1000):.1f} ms CPU per 1,000 characters"
    )
    for name, spent in per_stage.items():
        print(f"  {name:10s} {1000 * spent / len(texts):7.1f} ms/article")


if __name__ == "__main__":
    main()
