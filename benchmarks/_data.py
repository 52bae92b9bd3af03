"""Where the shared evaluation data lives, and a reader for the SaudiNewsNet corpus."""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from khabar.read.article import Article

ROOT = Path(__file__).resolve().parents[1]


def data_dir(cli_value: str | None = None) -> Path:
    return Path(cli_value or os.environ.get("KHABAR_DATA") or ROOT.parent / "shared" / "data")


def require(path: Path) -> Path:
    """Exit with a clear message (status 0: a skip, not a failure) when data is absent."""
    if not path.exists():
        print(f"skipped: {path} is absent (set --data or KHABAR_DATA to the shared data folder)")
        sys.exit(0)
    return path


def saudinewsnet(path: Path, limit: int | None = None) -> Iterator[Article]:
    """SaudiNewsNet records as Articles; ``date_extracted`` (the crawl date) stands in for
    the publication date, which the corpus does not give."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            record = json.loads(line)
            yield Article(
                body=record.get("content") or "",
                title=record.get("title"),
                url=record.get("url"),
                source=record.get("source"),
                published=(record.get("date_extracted") or "")[:10] or None,
                origin=f"{path.name}:{number + 1}",
            )
