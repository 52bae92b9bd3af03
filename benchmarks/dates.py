"""Score khabar's date resolution.

1. Value accuracy by category on ``benchmarks/dates_ar_gold.tsv`` (self-made; always runs).
2. DATE/TIME span detection F1 on the Wojood sample in ``../shared/data/ner`` (skipped with a
   message when that folder is absent). Wojood is nested CoNLL: ``token TAG [TAG ...]``, one
   token a line, sentences separated by blank lines.
3. Speed: milliseconds per article on SaudiNewsNet articles (skipped when absent).

Usage: ``.venv/bin/python benchmarks/dates.py [--errors] [--shared PATH]``
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from khabar.resolve.dates import find_dates

HERE = Path(__file__).resolve().parent
GOLD = HERE / "dates_ar_gold.tsv"
DEFAULT_SHARED = HERE.parent.parent / "shared" / "data"


def read_gold(path: Path) -> list[tuple[str, dt.date | None, str, str]]:
    rows = []
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    for line in lines[1:]:
        if not line.strip():
            continue
        sentence, published, expected, category = line.split("\t")
        anchor = dt.date.fromisoformat(published) if published else None
        rows.append((sentence, anchor, expected, category))
    return rows


def score_gold(show_errors: bool) -> None:
    totals: collections.Counter[str] = collections.Counter()
    right: collections.Counter[str] = collections.Counter()
    for sentence, published, expected, category in read_gold(GOLD):
        dates = find_dates(sentence, "ar", published)
        if expected == "None":
            predicted = "None" if all(d.value is None for d in dates) else "resolved"
        elif dates:
            best = max(dates, key=lambda d: d.end - d.start)
            predicted = str(best.value)
        else:
            predicted = "MISSING"
        totals[category] += 1
        if predicted == expected:
            right[category] += 1
        elif show_errors:
            spans = [(d.text, d.value) for d in dates]
            print(f"  ERR [{category}] {sentence} | pub={published} | want={expected} | {spans}")
    print(f"Arabic date values ({GOLD.name}, self-made)")
    for category in sorted(totals):
        print(
            f"  {category:20s} {right[category] / totals[category]:.3f}"
            f"  ({right[category]}/{totals[category]})"
        )
    all_right, all_total = sum(right.values()), sum(totals.values())
    print(f"  {'all':20s} {all_right / all_total:.3f}  ({all_right}/{all_total})")


def read_wojood(path: Path) -> list[tuple[list[str], set[tuple[int, int]]]]:
    """Sentences as tokens and outermost DATE/TIME spans (token start, token end exclusive)."""
    sentences: list[tuple[list[str], set[tuple[int, int]]]] = []
    tokens: list[str] = []
    tags: list[set[str]] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        parts = line.split()
        if parts:
            tokens.append(parts[0])
            tags.append(set(parts[1:]))
            continue
        if tokens:
            sentences.append((tokens, _spans(tags)))
        tokens, tags = [], []
    return sentences


def _spans(tags: list[set[str]]) -> set[tuple[int, int]]:
    spans = set()
    for kind in ("DATE", "TIME"):
        start = None
        for i, token_tags in enumerate([*tags, set()]):
            inside = f"I-{kind}" in token_tags and start is not None
            if inside:
                continue
            if start is not None:
                spans.add((start, i))
                start = None
            if f"B-{kind}" in token_tags:
                start = i
    return spans


def score_wojood(shared: Path, show_errors: bool) -> None:
    files = sorted((shared / "ner").glob("wojood_sample_*.txt"))
    if not files:
        print(f"Wojood: skipped, no wojood_sample_*.txt under {shared / 'ner'}")
        return
    for path in files:
        gold_n = pred_n = exact = gold_hit = pred_hit = 0
        for tokens, gold in read_wojood(path):
            text, offsets, cursor = " ".join(tokens), [], 0
            for token in tokens:
                offsets.append((cursor, cursor + len(token)))
                cursor += len(token) + 1
            predicted = set()
            for date in find_dates(text, "ar", None):
                covered = [i for i, (s, e) in enumerate(offsets) if s < date.end and e > date.start]
                if covered:
                    predicted.add((covered[0], covered[-1] + 1))
            gold_n += len(gold)
            pred_n += len(predicted)
            exact += len(gold & predicted)
            gold_hit += sum(any(p[0] < g[1] and g[0] < p[1] for p in predicted) for g in gold)
            pred_hit += sum(any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in predicted)
            if show_errors:
                for s, e in sorted(predicted - gold):
                    print(f"  FP {' '.join(tokens[s:e])}")
                for s, e in sorted(gold - predicted):
                    print(f"  FN {' '.join(tokens[s:e])}")
        print(f"Wojood {path.name}: {gold_n} gold DATE/TIME spans, {pred_n} predicted")
        print(f"  exact-span  P/R/F1 {_prf(exact, pred_n, exact, gold_n)}")
        print(f"  overlap     P/R/F1 {_prf(pred_hit, pred_n, gold_hit, gold_n)}")


def _prf(p_hit: int, p_all: int, r_hit: int, r_all: int) -> str:
    precision = p_hit / p_all if p_all else 0.0
    recall = r_hit / r_all if r_all else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:.3f} / {recall:.3f} / {f1:.3f}"


def time_articles(shared: Path, limit: int = 1000) -> None:
    path = shared / "saudinewsnet" / "articles.jsonl.gz"
    if not path.exists():
        print(f"Speed: skipped, {path} is absent")
        return
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            articles.append(json.loads(line)["content"])
            if len(articles) >= limit:
                break
    published = dt.date(2015, 8, 1)
    find_dates("تمهيد", "ar", published)
    started = time.perf_counter()
    found = sum(len(find_dates(text, "ar", published)) for text in articles)
    elapsed = time.perf_counter() - started
    words = sum(len(text.split()) for text in articles) / len(articles)
    print(
        f"Speed: {1000 * elapsed / len(articles):.3f} ms/article over {len(articles)} SaudiNewsNet "
        f"articles ({words:.0f} words on average), {found / len(articles):.1f} dates/article"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="print each error")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared data folder")
    args = parser.parse_args()
    score_gold(args.errors)
    if not args.shared.exists():
        print(f"Wojood and speed: skipped, {args.shared} is absent")
        return
    score_wojood(args.shared, False)
    time_articles(args.shared)


if __name__ == "__main__":
    main()
