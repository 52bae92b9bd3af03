"""SaudiNewsNet raw articles (``saudinewsnet/articles.jsonl.gz``) as khabar Articles.

The corpus gives no publication date: ``date_extracted`` (the crawl date)
stands in for it, which is close for a news crawl. Used for throughput and
ingest benchmarks, not scored.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from khabar.evaluation.paths import dataset_path
from khabar.read.article import Article


def load_saudinewsnet(data_dir: Path | None = None, limit: int | None = None) -> Iterator[Article]:
    path = dataset_path(data_dir, "saudinewsnet", "articles.jsonl.gz")
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


def articles_with_body(data_dir: Path | None = None, limit: int | None = None) -> list[Article]:
    """The first ``limit`` records that have a body, as the speed benchmarks time them (the
    few empty records are not articles to analyse). Raises ResourceError when absent."""
    return [a for a in load_saudinewsnet(data_dir, limit) if a.body.strip()]
