"""``khabar ingest``: analyse inputs into a store (SQLite file or PostgreSQL), resumably."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse a corpus into a store (idempotent, resumable)",
        description="Analyse inputs (files, directories, globs, .jsonl(.gz), RSS/Atom feeds "
        "as files or URLs, WARC files) and store articles, documents, actors, events, claims, "
        "mentions and failures. Reruns add no duplicates; a killed run resumes where it stopped.",
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="inputs to ingest")
    parser.add_argument("--db", required=True, help="a SQLite path or postgresql://user@host/db")
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N", help="analyse on N processes"
    )
    parser.add_argument(
        "--reprocess",
        action="store_true",
        help="re-analyse stored articles made by another pipeline version",
    )
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument(
        "--ray-address", default=None, help="Ray cluster address (default: start a local one)"
    )
    parser.add_argument("--batch-size", type=int, default=64, help="articles per transaction")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--summary-json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--config", metavar="FILE", help="a TOML file of settings")
    parser.add_argument("--lang", choices=("auto", "ar", "en"), default=None)
    parser.add_argument("--published", metavar="DATE", help="date for inputs that carry none")
    parser.set_defaults(handler=run)


def count_records(inputs: list[str]) -> int | None:
    """Records in .jsonl(.gz) inputs (for the progress bar's ETA); None for other inputs."""
    total = 0
    for name in inputs:
        path = Path(name)
        if not path.is_file() or not name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            return None
        opener: Any = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as stream:
            total += sum(1 for line in stream if line.strip())
    return total


def run(args: argparse.Namespace) -> int:
    import khabar
    from khabar.cli import EXIT_ALL_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
    from khabar.cli.run import config_from_args
    from khabar.pipeline import tune_gc
    from khabar.store import ingest, ingest_with, iter_inputs, open_store, reprocess
    from khabar.store.ingest import IngestSummary

    if not args.inputs and not args.reprocess:
        print("khabar ingest: give INPUT files, or --reprocess", file=sys.stderr)
        return EXIT_USAGE
    config = config_from_args(args)
    nlp = khabar.load(config)
    tune_gc()
    engine = open_store(args.db)
    bar = None
    if not args.no_progress:
        from tqdm import tqdm

        total = count_records(args.inputs) if args.inputs else None
        bar = tqdm(total=total, unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def progress(summary: IngestSummary) -> None:
        if bar is not None:
            bar.n = summary.added + summary.duplicates + summary.failed + summary.reprocessed
            bar.set_postfix(added=summary.added, dup=summary.duplicates, failed=summary.failed)
            bar.refresh()

    summaries = []
    try:
        if args.inputs:
            items = iter_inputs(args.inputs)
            if args.engine == "ray":
                from khabar.scale.ray_engine import RayAnalyser

                with RayAnalyser(config, workers=args.workers, address=args.ray_address) as ray_map:
                    summaries.append(
                        ingest_with(
                            items,
                            engine,
                            ray_map,
                            nlp.version,
                            batch_size=args.batch_size,
                            progress=progress,
                        )
                    )
            else:
                summaries.append(
                    ingest(
                        items,
                        engine,
                        nlp,
                        workers=args.workers,
                        batch_size=args.batch_size,
                        progress=progress,
                    )
                )
        if args.reprocess:
            if bar is not None:
                bar.reset(total=None)
            summaries.append(
                reprocess(
                    engine, nlp, workers=args.workers, batch_size=args.batch_size, progress=progress
                )
            )
    finally:
        if bar is not None:
            bar.close()
        engine.dispose()
    for summary in summaries:
        if args.summary_json:
            print(json.dumps(summary.to_dict(), ensure_ascii=False))
        print(
            f"khabar ingest: {summary.added} added, {summary.reprocessed} reprocessed, "
            f"{summary.duplicates} already stored, {summary.failed} failed, "
            f"{summary.syndicated} syndicated copies; {summary.seconds:.1f} s, "
            f"{summary.rate:.1f} articles/s ({summary.version})",
            file=sys.stderr,
        )
        for line in summary.failures:
            print(f"  failed: {line}", file=sys.stderr)
    failed = sum(s.failed for s in summaries)
    done = sum(s.added + s.reprocessed + s.duplicates for s in summaries)
    if failed and not done:
        return EXIT_ALL_FAILED
    return EXIT_PARTIAL if failed else EXIT_OK
