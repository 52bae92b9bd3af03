"""Date tasks: resolved values on the team's own Arabic set, DATE/TIME spans on Wojood.

``dates_ar`` reads ``dates_ar_gold.tsv``, written by the khabar team (not taken
from any corpus): ``sentence<TAB>published<TAB>expected<TAB>category`` after a
header row, ``#`` comment lines, an empty ``published`` for an unknown
publication date and ``None`` for an expression that must stay unresolved. It
lives in the repository at ``benchmarks/dates_ar_gold.tsv``, beside the other
benchmark material, since gold data is not shipped in the package; a
``dates/dates_ar_gold.tsv`` in the data folder takes its place when present.

``wojood_dates`` reads the Wojood sample in ``ner/`` of the data folder:
nested CoNLL, ``token TAG [TAG ...]`` one token a line, blank lines between
sentences. Gold spans are the outermost DATE and TIME spans of each type, even
inside another entity (``انتفاضة 1987`` keeps its DATE); the shared NER reader
keeps only the outermost entity of any type, which would drop those, so this
module reads the tags itself.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import dataset_path, read_text
from khabar.evaluation.report import ERROR_SAMPLE, EvalReport, add_error, evenly
from khabar.resolve.dates import find_dates

__all__ = [
    "DATES_AR_GOLD",
    "WOJOOD_FILES",
    "DateRow",
    "DateValueScores",
    "SpanCounts",
    "WojoodSentence",
    "dates_ar",
    "dates_ar_gold_path",
    "parse_wojood",
    "predict_spans",
    "predict_value",
    "read_dates_gold",
    "read_wojood_dates",
    "score_date_values",
    "score_wojood",
    "wojood_dates",
]

# src/khabar/evaluation/tasks/dates.py -> the repository root is four levels up.
DATES_AR_GOLD = Path(__file__).resolve().parents[4] / "benchmarks" / "dates_ar_gold.tsv"
WOJOOD_FILES = ("wojood_sample_train.txt", "wojood_sample_val.txt", "wojood_sample_test.txt")
_SPAN_TYPES = ("DATE", "TIME")
_UNRESOLVED = "None"


# --- dates_ar: values on the self-made set -------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateRow:
    sentence: str
    published: dt.date | None
    expected: str  # a khabar date value, or "None" when it must stay unresolved
    category: str


@dataclass(slots=True)
class DateValueScores:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    # every miss: the row and what khabar gave (value, or MISSING / resolved)
    misses: list[tuple[DateRow, str]] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        n = sum(self.total.values())
        out = {"accuracy": sum(self.right.values()) / n if n else 0.0}
        for category in sorted(self.total):
            out[f"accuracy.{category}"] = self.right[category] / self.total[category]
        return out


def dates_ar_gold_path(data_dir: Path | None) -> Path:
    """The gold file: ``data_dir/dates/dates_ar_gold.tsv`` when present, else the repository's."""
    if data_dir is not None and (data_dir / "dates" / "dates_ar_gold.tsv").is_file():
        return data_dir / "dates" / "dates_ar_gold.tsv"
    if DATES_AR_GOLD.is_file():
        return DATES_AR_GOLD
    raise ResourceError(
        f"{DATES_AR_GOLD} not found: dates_ar needs a khabar source checkout "
        "(the set lives in benchmarks/), or dates/dates_ar_gold.tsv in the data folder"
    )


def read_dates_gold(path: Path) -> list[DateRow]:
    rows: list[DateRow] = []
    lines = [line for line in read_text(path).splitlines() if not line.startswith("#")]
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 4:
            raise ResourceError(
                f"{path}: data row {number}: expected 4 tab-separated cells "
                "(sentence, published, expected, category)"
            )
        sentence, published, expected, category = cells
        try:
            anchor = dt.date.fromisoformat(published) if published else None
        except ValueError as exc:
            raise ResourceError(f"{path}: data row {number}: bad published date") from exc
        rows.append(DateRow(sentence, anchor, expected, category))
    return rows


def predict_value(row: DateRow) -> str:
    """What khabar gives for the row, in the gold file's terms.

    For a row that must stay unresolved: ``None`` or ``resolved``; otherwise the
    value of the longest expression found, or ``MISSING``.
    """
    found = find_dates(row.sentence, "ar", row.published)
    if row.expected == _UNRESOLVED:
        return _UNRESOLVED if all(d.value is None for d in found) else "resolved"
    if not found:
        return "MISSING"
    return str(max(found, key=lambda d: d.end - d.start).value)


def score_date_values(rows: list[DateRow]) -> DateValueScores:
    scores = DateValueScores()
    for row in rows:
        got = predict_value(row)
        scores.total[row.category] += 1
        if got == row.expected:
            scores.right[row.category] += 1
        else:
            scores.misses.append((row, got))
    return scores


def dates_ar(data_dir: Path | None, limit: int | None) -> EvalReport:
    """The ``khabar eval dates_ar`` set: value accuracy, overall and by category."""
    started = time.perf_counter()
    path = dates_ar_gold_path(data_dir)
    rows = evenly(read_dates_gold(path), limit)
    scores = score_date_values(rows)
    errors: list[dict[str, str]] = []
    for row, got in scores.misses:
        published = row.published.isoformat() if row.published else "unknown"
        add_error(
            errors, f"[{row.category}] {row.sentence} (published {published})", row.expected, got
        )
    return EvalReport(
        "dates_ar",
        scores.metrics(),
        len(rows),
        time.perf_counter() - started,
        details={
            "gold": str(path),
            "by_category": {c: [scores.right[c], scores.total[c]] for c in sorted(scores.total)},
        },
        errors=errors,
        notes=["self-made by the khabar team; values follow khabar/data/dates/README.md"],
    )


# --- wojood_dates: DATE/TIME span detection --------------------------------------------------


@dataclass(frozen=True, slots=True)
class WojoodSentence:
    tokens: list[str]
    spans: frozenset[tuple[int, int]]  # gold DATE/TIME spans: first token, end token exclusive


@dataclass(slots=True)
class SpanCounts:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    gold_hit: int = 0  # gold spans overlapped by a predicted one
    predicted_hit: int = 0  # predicted spans overlapping a gold one

    def add(self, gold: frozenset[tuple[int, int]], predicted: set[tuple[int, int]]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.exact += len(gold & predicted)
        self.gold_hit += sum(any(_overlap(p, g) for p in predicted) for g in gold)
        self.predicted_hit += sum(any(_overlap(p, g) for g in gold) for p in predicted)

    def merge(self, other: SpanCounts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.exact += other.exact
        self.gold_hit += other.gold_hit
        self.predicted_hit += other.predicted_hit

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for mode, p_hit, r_hit in (
            ("exact", self.exact, self.exact),
            ("overlap", self.predicted_hit, self.gold_hit),
        ):
            p = p_hit / self.predicted if self.predicted else 0.0
            r = r_hit / self.gold if self.gold else 0.0
            out[f"{mode}.precision"] = p
            out[f"{mode}.recall"] = r
            out[f"{mode}.f1"] = 2 * p * r / (p + r) if p + r else 0.0
        return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _outermost_spans(tags: list[set[str]]) -> frozenset[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for kind in _SPAN_TYPES:
        begin, inside = f"B-{kind}", f"I-{kind}"
        start: int | None = None
        for i, token_tags in enumerate([*tags, set()]):
            if start is not None and inside in token_tags:
                continue  # a nested B- of the same type stays inside the outer span
            if start is not None:
                spans.add((start, i))
                start = None
            if begin in token_tags:
                start = i
    return frozenset(spans)


def parse_wojood(content: str) -> list[WojoodSentence]:
    """Sentences of a Wojood nested-CoNLL document given as a string."""
    sentences: list[WojoodSentence] = []
    tokens: list[str] = []
    tags: list[set[str]] = []
    for line in [*content.splitlines(), ""]:
        parts = line.split()
        if parts:
            tokens.append(parts[0])
            tags.append(set(parts[1:]))
            continue
        if tokens:
            sentences.append(WojoodSentence(tokens, _outermost_spans(tags)))
        tokens, tags = [], []
    return sentences


def read_wojood_dates(path: Path) -> list[WojoodSentence]:
    return parse_wojood(read_text(path))


def predict_spans(tokens: list[str]) -> set[tuple[int, int]]:
    """khabar's dates in the space-joined tokens, as token spans."""
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for token in tokens:
        offsets.append((cursor, cursor + len(token)))
        cursor += len(token) + 1
    predicted: set[tuple[int, int]] = set()
    for date in find_dates(" ".join(tokens), "ar", None):
        covered = [i for i, (s, e) in enumerate(offsets) if s < date.end and e > date.start]
        if covered:
            predicted.add((covered[0], covered[-1] + 1))
    return predicted


# A sentence whose spans differ, with khabar's spans.
_SpanMiss = tuple[WojoodSentence, set[tuple[int, int]]]


def score_wojood(
    sentences: list[WojoodSentence], misses: list[_SpanMiss] | None = None
) -> SpanCounts:
    """Span counts; sentences whose spans differ are appended to ``misses`` when given."""
    counts = SpanCounts()
    for sentence in sentences:
        predicted = predict_spans(sentence.tokens)
        counts.add(sentence.spans, predicted)
        if misses is not None and predicted != sentence.spans:
            misses.append((sentence, predicted))
    return counts


def _render(tokens: list[str], spans: frozenset[tuple[int, int]] | set[tuple[int, int]]) -> str:
    return " | ".join(" ".join(tokens[s:e]) for s, e in sorted(spans)) or "none"


def wojood_dates(data_dir: Path | None, limit: int | None) -> EvalReport:
    """The ``khabar eval wojood_dates`` set: DATE/TIME spans, exact and overlapping.

    Scores the train, val and test samples together (the date rules are not
    trained on them); ``limit`` sentences are spread evenly over all three.
    """
    started = time.perf_counter()
    folder = dataset_path(data_dir, "ner")
    files = [folder / name for name in WOJOOD_FILES if (folder / name).is_file()]
    if not files:
        raise ResourceError(f"no Wojood sample ({', '.join(WOJOOD_FILES)}) under {folder}")
    by_file = {path.name: read_wojood_dates(path) for path in files}
    chosen = evenly([(name, s) for name, rows in by_file.items() for s in rows], limit)
    misses: list[_SpanMiss] = []
    counts = {
        name: score_wojood([s for source, s in chosen if source == name], misses)
        for name in by_file
    }
    total = SpanCounts()
    for part in counts.values():
        total.merge(part)
    errors: list[dict[str, str]] = []
    # spread over the whole set, not the first sentences of one file
    for sentence, predicted in evenly(misses, ERROR_SAMPLE):
        add_error(
            errors,
            " ".join(sentence.tokens),
            _render(sentence.tokens, sentence.spans),
            _render(sentence.tokens, predicted),
        )
    return EvalReport(
        "wojood_dates",
        total.metrics(),
        len(chosen),
        time.perf_counter() - started,
        details={
            "gold_spans": total.gold,
            "predicted_spans": total.predicted,
            "by_file": {
                name: {"gold": c.gold, "predicted": c.predicted, **c.metrics()}
                for name, c in counts.items()
            },
        },
        errors=errors,
        notes=["spans are untyped: khabar does not tell DATE from TIME, so either matches"],
    )
