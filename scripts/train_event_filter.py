"""Train the Arabic event-occurrence model (``data/events/occurrence_ar.json``).

The Arabic event GSR (PROTEST and ASSAULT sentences labelled yes / easy no / difficult no /
ambiguous) is read in place and never copied. Each sentence gets a fold by
``khabar.evaluation.tasks.events.gsr_fold`` (sha1 of the collapsed text mod 4); the shipped
model is trained on ``GSR_TRAIN_FOLDS`` only, so ``khabar eval arabic_event_gsr`` (which scores
the other folds) never sees a training sentence.

For every sentence the pipeline runs with the filter switched off and records the features of
each event of the sentence's own type; each event takes its sentence's label (yes vs both no's;
ambiguous skipped). A logistic regression (numpy, L2, class-balanced) is fitted per type; its
threshold maximises sentence-level F1 (a sentence is positive when any of its events passes)
over out-of-fold predictions inside the training folds. Also printed: the baseline (no filter)
and 4-fold cross-validated figures.

    .venv/bin/python scripts/train_event_filter.py [--data DIR] [--write] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import numpy as np

from khabar.document import Event, Sentence, Word
from khabar.evaluation.loaders.arabic_event_gsr import load_arabic_event_gsr
from khabar.evaluation.records import LABEL_AMBIGUOUS, LABEL_YES
from khabar.evaluation.tasks import pipeline_for
from khabar.evaluation.tasks.events import GSR_FOLDS, GSR_TRAIN_FOLDS, gsr_fold
from khabar.events import occurrence
from khabar.events.lexicon import TriggerMatch

DEFAULT_DATA = Path("/work/shared/data")
OUTPUT = Path(__file__).resolve().parents[1] / "src/khabar/data/events/occurrence_ar.json"
TYPES = ("PROTEST", "ASSAULT")
L2 = 1.0
MIN_COUNT = 3
VERSION = "2026.1"

# One sentence: (event type, fold, is yes, feature dicts of its events of that type).
Row = tuple[str, int, bool, list[dict[str, float]]]


class _Recorder:
    """Stands in for ``is_occurrence``: keeps every event, recording features of one type."""

    def __init__(self, event_type: str) -> None:
        self.event_type = event_type
        self.seen: list[dict[str, float]] = []

    def __call__(
        self,
        sentence: Sentence,
        words: list[Word],
        event: Event,
        match: TriggerMatch,
        sentence_events: list[tuple[Event, TriggerMatch]],
    ) -> bool:
        if event.type == self.event_type:
            self.seen.append(
                occurrence.occurrence_features(sentence, words, event, match, sentence_events)
            )
        return True


def collect(data: Path) -> list[Row]:
    gold = [r for r in load_arabic_event_gsr(data) if r.label != LABEL_AMBIGUOUS]
    nlp = pipeline_for("ar")
    rows: list[Row] = []
    for record in gold:
        recorder = _Recorder(record.event_type)
        with mock.patch("khabar.events.stage.is_occurrence", recorder):
            nlp(record.text)
        rows.append(
            (record.event_type, gsr_fold(record.text), record.label == LABEL_YES, recorder.seen)
        )
    return rows


def fit(instances: list[tuple[dict[str, float], bool]]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for features, _y in instances:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or n == "bias")
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(instances), len(names)))
    y = np.array([float(label) for _f, label in instances])
    for row, (features, _label) in enumerate(instances):
        for name, value in features.items():
            if name in index:
                x[row, index[name]] = value
    positives = max(1.0, y.sum())
    negatives = max(1.0, len(y) - y.sum())
    sample = np.where(y > 0, len(y) / (2 * positives), len(y) / (2 * negatives))
    w = np.zeros(len(names))
    penalty = np.full(len(names), L2)
    penalty[index["bias"]] = 0.0
    for _ in range(50):  # Newton steps on the weighted, L2-penalised log loss
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (sample * (p - y)) + penalty * w
        hess = (x.T * (sample * p * (1 - p))) @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) >= 1e-4}


def _instances(rows: Sequence[Row]) -> list[tuple[dict[str, float], bool]]:
    return [(f, yes) for _t, _fold, yes, feats in rows for f in feats]


def sentence_scores(weights: dict[str, float], rows: Sequence[Row]) -> list[float]:
    model = occurrence.OccurrenceModel("train", {"T": weights}, {"T": 0.5})
    return [max((model.probability("T", f) for f in feats), default=-1.0) for *_x, feats in rows]


def prf(rows: Sequence[Row], predicted: Sequence[bool]) -> tuple[float, float, float, float]:
    tp = sum(1 for r, p in zip(rows, predicted, strict=True) if p and r[2])
    n_pred = sum(predicted)
    n_gold = sum(1 for r in rows if r[2])
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_gold


def best_threshold(rows: Sequence[Row], folds: Sequence[int]) -> float:
    """The threshold with the best pooled F1 over out-of-fold predictions within ``folds``."""
    pooled: list[tuple[Row, float]] = []
    for held in folds:
        train = [r for r in rows if r[1] in folds and r[1] != held]
        test = [r for r in rows if r[1] == held]
        weights = fit(_instances(train))
        pooled.extend(zip(test, sentence_scores(weights, test), strict=True))
    candidates = sorted({round(s, 3) for _r, s in pooled if s >= 0})
    best, best_f1 = 0.5, -1.0
    for threshold in candidates:
        f1 = prf([r for r, _s in pooled], [s >= threshold for _r, s in pooled])[2]
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def train(rows: Sequence[Row], folds: Sequence[int]) -> tuple[dict[str, float], float]:
    chosen = [r for r in rows if r[1] in folds]
    return fit(_instances(chosen)), best_threshold(chosen, folds)


def describe(name: str, rows: Sequence[Row], predicted: Sequence[bool]) -> str:
    precision, recall, f1, n_gold = prf(rows, predicted)
    difficult = sum(1 for r, p in zip(rows, predicted, strict=True) if p and not r[2])
    return (
        f"  {name:<34} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
        f"(yes {int(n_gold)}, n {len(rows)}, false pos {difficult})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.name}")
    parser.add_argument("--cache", type=Path, help="pickle of collected features (reused)")
    args = parser.parse_args()
    folder = args.data / "arabic_event_gsr"
    if not (folder / "protest_gsr.csv").is_file():
        print(f"skipped: {folder} not found")
        return 0
    if args.cache and args.cache.is_file():
        rows: list[Row] = pickle.loads(args.cache.read_bytes())
    else:
        rows = collect(args.data)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(rows))
    train_folds = sorted(GSR_TRAIN_FOLDS)
    held_folds = [f for f in range(GSR_FOLDS) if f not in GSR_TRAIN_FOLDS]
    model: dict[str, object] = {"version": VERSION, "weights": {}, "thresholds": {}, "scores": {}}
    for kind in TYPES:
        typed = [r for r in rows if r[0] == kind]
        print(kind)
        held = [r for r in typed if r[1] in held_folds]
        print(describe(f"no filter, folds {held_folds}", held, [bool(r[3]) for r in held]))
        weights, threshold = train(typed, train_folds)
        predicted = [s >= threshold for s in sentence_scores(weights, held)]
        print(describe(f"model (train {train_folds}), folds {held_folds}", held, predicted))
        pooled_rows: list[Row] = []
        pooled_pred: list[bool] = []
        for fold in range(GSR_FOLDS):
            others = [f for f in range(GSR_FOLDS) if f != fold]
            w, t = train(typed, others)
            test = [r for r in typed if r[1] == fold]
            pooled_rows += test
            pooled_pred += [s >= t for s in sentence_scores(w, test)]
        print(describe("no filter, all folds", typed, [bool(r[3]) for r in typed]))
        print(describe(f"{GSR_FOLDS}-fold cross-validated", pooled_rows, pooled_pred))
        model["weights"][kind] = weights  # type: ignore[index]
        model["thresholds"][kind] = threshold  # type: ignore[index]
        cv = prf(pooled_rows, pooled_pred)
        heldout = prf(held, predicted)
        model["scores"][kind] = {  # type: ignore[index]
            "cv4_f1": round(cv[2], 3),
            "heldout_f1": round(heldout[2], 3),
            "heldout_precision": round(heldout[0], 3),
            "heldout_recall": round(heldout[1], 3),
        }
        top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:12]
        print("  threshold", threshold, "top weights", top)
    model["trained_on"] = (
        f"arabic_event_gsr dev, folds {train_folds} of {GSR_FOLDS} (sha1 of collapsed text)"
    )
    if args.write:
        OUTPUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
