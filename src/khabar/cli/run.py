"""``khabar run``: analyse inputs and print their documents."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any

import khabar
from khabar.cli.table import render_document
from khabar.config import Config
from khabar.document import Document
from khabar.pipeline import tune_gc
from khabar.read.article import Failure
from khabar.read.dates import parse_published
from khabar.read.sources import iter_articles

FORMATS = ("json", "jsonl", "table")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="analyse articles and print khabar/1 documents",
        description="Analyse articles (txt, html, json, jsonl, .gz, directories, globs, "
        "or - for stdin) and print one khabar/1 document per article.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs or -")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format")
    parser.add_argument(
        "--published", metavar="DATE", help="publication date for inputs that carry none"
    )
    parser.add_argument(
        "--lang", choices=("auto", "ar", "en"), default=None, help="force the language"
    )
    parser.add_argument("--max-bytes", type=int, default=None, help="largest input accepted")
    parser.add_argument(
        "--n-process", type=int, default=1, metavar="N", help="analyse on N processes"
    )
    parser.add_argument("--config", metavar="FILE", help="a TOML file of settings")
    parser.set_defaults(handler=run)


def config_from_args(args: argparse.Namespace) -> Config:
    config = Config.from_file(args.config) if getattr(args, "config", None) else Config()
    changes: dict[str, Any] = {}
    if getattr(args, "published", None):
        if parse_published(args.published) is None:
            raise khabar.ConfigError(
                f"--published takes a date like 2023-09-05, not {args.published!r}"
            )
        changes["default_published"] = args.published
    if getattr(args, "lang", None):
        changes["language"] = args.lang
    if getattr(args, "max_bytes", None):
        changes["max_input_bytes"] = args.max_bytes
    return config.replace(**changes) if changes else config


def run(args: argparse.Namespace) -> int:
    from khabar.cli import EXIT_ALL_FAILED, EXIT_OK, EXIT_PARTIAL

    config = config_from_args(args)
    nlp = khabar.load(config)
    tune_gc()
    inputs = iter_articles(args.inputs, max_bytes=config.max_input_bytes)
    done, failures = 0, Counter[str]()
    for result in nlp.pipe(inputs, n_process=args.n_process, errors="record"):
        if isinstance(result, Failure):
            failures[result.reason] += 1
            print(f"khabar: {result.origin}: {result.message} [{result.reason}]", file=sys.stderr)
            continue
        done += 1
        _emit(result, args.format)
    failed = sum(failures.values())
    reasons = ", ".join(f"{count} {reason}" for reason, count in failures.most_common())
    summary = f"khabar: {done} processed, {failed} failed" + (f" ({reasons})" if reasons else "")
    print(summary, file=sys.stderr)
    if failed and not done:
        return EXIT_ALL_FAILED
    return EXIT_PARTIAL if failed else EXIT_OK


def _emit(doc: Document, fmt: str) -> None:
    if fmt == "jsonl":
        sys.stdout.write(doc.to_json() + "\n")
    elif fmt == "table":
        sys.stdout.write(render_document(doc) + "\n")
    else:
        sys.stdout.write(doc.to_json(indent=2) + "\n")
    sys.stdout.flush()
