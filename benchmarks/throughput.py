"""Throughput of the whole pipeline on SaudiNewsNet: articles/s per core, MB/s, peak memory.

    .venv/bin/python benchmarks/throughput.py --n 2000 --processes 1 2

Reads ../shared/data/saudinewsnet/articles.jsonl.gz in place (skips when absent).
Also reports how the cost per article grows with article length (1 process).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from statistics import mean

import khabar
from khabar.document import Document
from khabar.errors import ResourceError
from khabar.evaluation.loaders.saudinewsnet import articles_with_body
from khabar.pipeline import tune_gc


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--n", type=int, default=2000, help="number of articles")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    try:
        articles = articles_with_body(Path(args.data) if args.data else None, args.n)
    except ResourceError as exc:
        print(f"skipped: {exc}")
        return
    megabytes = sum(len(a.body.encode()) for a in articles) / 1e6
    nlp = khabar.load()
    nlp.process(articles[0])  # load resources before timing
    tune_gc()
    figures: dict[str, object] = {"articles": len(articles), "megabytes": round(megabytes, 2)}
    print(f"{len(articles)} articles, {megabytes:.1f} MB, stages: {' '.join(nlp.names)}")
    for processes in args.processes:
        started = time.perf_counter()
        failed = 0
        for result in nlp.pipe(articles, n_process=processes, batch_size=32, errors="record"):
            failed += not isinstance(result, Document)
        elapsed = time.perf_counter() - started
        rate = len(articles) / elapsed
        row = {
            "articles_per_s": round(rate, 1),
            "articles_per_s_per_core": round(rate / processes, 1),
            "mb_per_s": round(megabytes / elapsed, 2),
            "failed": failed,
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
        figures[f"processes_{processes}"] = row
        print(
            f"{processes} process(es): {rate:7.1f} articles/s, {rate / processes:7.1f} per core, "
            f"{megabytes / elapsed:5.2f} MB/s, {failed} failed, peak RSS {row['peak_rss_mb']} MB"
        )
    figures["by_length"] = cost_by_length(nlp, articles)
    for bucket, ms in figures["by_length"].items():  # type: ignore[union-attr]
        print(f"  {bucket:>12} chars: {ms:6.2f} ms/article")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)


def cost_by_length(nlp: khabar.Pipeline, articles: list[khabar.Article]) -> dict[str, float]:
    edges = [0, 1000, 2000, 4000, 8000, 16000, 10**9]
    timings: dict[str, list[float]] = {}
    for article in articles:
        size = len(article.body)
        low = max(e for e in edges if e <= size)
        high = edges[edges.index(low) + 1]
        label = f"{low}-{high}" if high < 10**9 else f"{low}+"
        started = time.perf_counter()
        try:
            nlp.process(article)
        except khabar.InputError:
            continue
        timings.setdefault(label, []).append((time.perf_counter() - started) * 1000)
    order = {f"{e}": i for i, e in enumerate(edges)}
    return {
        k: round(mean(v), 2)
        for k, v in sorted(timings.items(), key=lambda kv: order[kv[0].split("-")[0].rstrip("+")])
    }


if __name__ == "__main__":
    main()
