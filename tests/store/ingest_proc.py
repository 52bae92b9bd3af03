"""Run one ingest in its own process (used by the concurrency and kill -9 tests).

    python ingest_proc.py DB FIRST LAST DELAY
stores articles FIRST..LAST-1 of a generated corpus, with the fake pipeline
sleeping DELAY seconds per article.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fake_nlp import FakeNLP, article

from khabar.store import ingest, open_store


def generated(i: int) -> str:
    return f"Report {i}: the council met for the {i}th time and approved budget line {i * 13}."


def main() -> int:
    db, first, last, delay = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    engine = open_store(db)
    items = (article(generated(i), i) for i in range(first, last))
    summary = ingest(items, engine, FakeNLP(delay=delay), batch_size=5)
    print(summary.added, summary.duplicates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
