"""Scorers: compare khabar's output with gold records and return plain results.

Every scorer takes gold items and predictions aligned by position (the i-th
prediction belongs to the i-th gold item) and raises ``ValueError`` when the
two lengths differ. Results are frozen dataclasses with ``to_dict()`` for
JSON reports. Geocoding lives in ``geo.py`` and throughput in ``throughput.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from khabar.evaluation.records import (
    LABEL_AMBIGUOUS,
    LABEL_YES,
    ActorCode,
    AttributionItem,
    CharSpan,
    GoldAttribution,
    GoldEventRecord,
    GoldEventSentence,
)
from khabar.evaluation.spans import PRF, TypedSpan, match_spans, span_prf

NO_EVENT = "NONE"
ATTRIBUTION_ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int
    total: int

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


def _check_aligned(gold: Sequence[Any], pred: Sequence[Any]) -> None:
    if len(gold) != len(pred):
        raise ValueError(
            f"{len(gold)} gold items but {len(pred)} predictions; give one prediction per item"
        )


def _prf_dict(scores: dict[str, PRF]) -> dict[str, dict[str, float | int]]:
    return {key: value.to_dict() for key, value in sorted(scores.items())}


# -- named entities -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Per-type and micro-averaged P/R/F1 of typed spans."""

    per_type: dict[str, PRF]
    micro: PRF

    def to_dict(self) -> dict[str, Any]:
        return {"micro": self.micro.to_dict(), "per_type": _prf_dict(self.per_type)}


def score_ner(
    gold: Sequence[Iterable[TypedSpan]], pred: Sequence[Iterable[TypedSpan]]
) -> SpanScores:
    """CoNLL span-level scores: a predicted entity counts only with exact bounds and type.

    ``gold[i]`` and ``pred[i]`` are the ``(start, end, type)`` spans (token
    indices, end exclusive) of sentence ``i``.
    """
    _check_aligned(gold, pred)
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold_spans, pred_spans in zip(gold, pred, strict=True):
        g, p = Counter(gold_spans), Counter(pred_spans)
        for span, count in g.items():
            n_gold[span[2]] += count
        for span, count in p.items():
            n_pred[span[2]] += count
        for span, count in (g & p).items():
            tp[span[2]] += count
    per_type = {t: PRF(tp[t], n_gold[t], n_pred[t]) for t in set(n_gold) | set(n_pred)}
    micro = PRF(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    return SpanScores(per_type, micro)


# -- event detection ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DetectionScores:
    """Sentence-level detection per event type, yes against both kinds of no.

    ``difficult_no_fpr`` is the share of difficult negatives (at least one
    annotator said yes) that the system marks as events; ``easy_no_fpr`` the
    same for unanimous negatives. Ambiguous sentences are not scored.
    """

    per_type: dict[str, PRF]
    micro: PRF
    difficult_no_fpr: dict[str, Accuracy]
    easy_no_fpr: dict[str, Accuracy]
    skipped_ambiguous: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "micro": self.micro.to_dict(),
            "per_type": _prf_dict(self.per_type),
            "difficult_no_fpr": {t: a.value for t, a in sorted(self.difficult_no_fpr.items())},
            "easy_no_fpr": {t: a.value for t, a in sorted(self.easy_no_fpr.items())},
            "skipped_ambiguous": self.skipped_ambiguous,
        }


def score_event_detection(
    gold: Sequence[GoldEventSentence], pred: Sequence[bool | Collection[str]]
) -> DetectionScores:
    """Score event detection; ``pred[i]`` is a bool or the event types found in sentence ``i``.

    With a collection, sentence ``i`` counts as positive when it holds the
    gold record's ``event_type``.
    """
    _check_aligned(gold, pred)
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    false_pos: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    negatives: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    skipped = 0
    for record, found in zip(gold, pred, strict=True):
        if record.label == LABEL_AMBIGUOUS:
            skipped += 1
            continue
        kind = record.event_type
        positive = found if isinstance(found, bool) else kind in found
        is_event = record.label == LABEL_YES
        n_gold[kind] += is_event
        n_pred[kind] += positive
        tp[kind] += is_event and positive
        if not is_event:
            negatives[record.difficult][kind] += 1
            false_pos[record.difficult][kind] += positive
    kinds = set(n_gold) | set(negatives[True]) | set(negatives[False])
    per_type = {t: PRF(tp[t], n_gold[t], n_pred[t]) for t in kinds}
    micro = PRF(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    return DetectionScores(
        per_type=per_type,
        micro=micro,
        difficult_no_fpr={t: Accuracy(false_pos[True][t], negatives[True][t]) for t in kinds},
        easy_no_fpr={t: Accuracy(false_pos[False][t], negatives[False][t]) for t in kinds},
        skipped_ambiguous=skipped,
    )


# -- event arguments ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredictedArguments:
    """A system's arguments for one gold event: character spans and actor codes."""

    actor_spans: Sequence[CharSpan] = ()
    recipient_spans: Sequence[CharSpan] = ()
    actor_codes: Sequence[ActorCode] = ()
    recipient_codes: Sequence[ActorCode] = ()


@dataclass(frozen=True, slots=True)
class ArgumentScores:
    """Span P/R/F1 per role, and code accuracy per role and field (country, sector)."""

    spans: dict[str, PRF]
    codes: dict[str, dict[str, Accuracy]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "spans": _prf_dict(self.spans),
            "codes": {
                role: {name: acc.to_dict() for name, acc in fields.items()}
                for role, fields in self.codes.items()
            },
        }


def score_event_arguments(
    gold: Sequence[GoldEventRecord], pred: Sequence[PredictedArguments], mode: str = "overlap"
) -> ArgumentScores:
    """Actor/recipient span matching (``overlap`` or ``exact``) and actor-code accuracy.

    A gold code counts as right when any predicted code of the same role has
    the same country (or sector); gold codes without one are not counted.
    """
    _check_aligned(gold, pred)
    spans = {"actor": PRF(0, 0, 0), "recipient": PRF(0, 0, 0)}
    hits: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    for record, found in zip(gold, pred, strict=True):
        spans["actor"] += span_prf(record.actor_spans, list(found.actor_spans), mode)
        spans["recipient"] += span_prf(record.recipient_spans, list(found.recipient_spans), mode)
        for role, gold_codes, pred_codes in (
            ("actor", record.actor_codes, found.actor_codes),
            ("recipient", record.recipient_codes, found.recipient_codes),
        ):
            for code in gold_codes:
                for name in ("country", "sector"):
                    value = getattr(code, name)
                    if value is None:
                        continue
                    totals[role, name] += 1
                    hits[role, name] += any(getattr(p, name) == value for p in pred_codes)
    codes: dict[str, dict[str, Accuracy]] = {}
    for role in ("actor", "recipient", "all"):
        codes[role] = {}
        for name in ("country", "sector"):
            keys = [("actor", name), ("recipient", name)] if role == "all" else [(role, name)]
            codes[role][name] = Accuracy(sum(hits[k] for k in keys), sum(totals[k] for k in keys))
    return ArgumentScores(spans, codes)


# -- PLOVER types ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeScores:
    """Type accuracy, per-type P/R/F1 and a confusion matrix ``confusion[gold][pred]``."""

    accuracy: Accuracy
    per_type: dict[str, PRF]
    confusion: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy.to_dict(),
            "per_type": _prf_dict(self.per_type),
            "confusion": self.confusion,
        }


def score_plover_types(gold: Sequence[str], pred: Sequence[str | None]) -> TypeScores:
    """Compare gold and predicted event types; a missing prediction is ``NONE``."""
    _check_aligned(gold, pred)
    confusion: dict[str, Counter[str]] = {}
    correct = 0
    for gold_type, pred_type in zip(gold, pred, strict=True):
        guess = pred_type or NO_EVENT
        confusion.setdefault(gold_type, Counter())[guess] += 1
        correct += guess == gold_type
    gold_counts = Counter(gold)
    pred_counts = Counter(p or NO_EVENT for p in pred)
    per_type = {
        t: PRF(confusion.get(t, Counter())[t], gold_counts[t], pred_counts[t])
        for t in set(gold_counts) | set(pred_counts)
        if t != NO_EVENT
    }
    matrix = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    return TypeScores(Accuracy(correct, len(gold)), per_type, matrix)


# -- attribution ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttributionScores:
    """P/R/F1 per role (source, cue, content) under ``exact`` and ``overlap`` matching."""

    roles: dict[str, dict[str, PRF]]

    def to_dict(self) -> dict[str, Any]:
        return {role: _prf_dict(modes) for role, modes in self.roles.items()}


def score_attribution(
    gold: Sequence[GoldAttribution], pred: Sequence[Sequence[AttributionItem]]
) -> AttributionScores:
    """Score predicted attributions role by role against each article's gold.

    A discontinuous role is compared through its bounds (first to last
    character), so "X, he said, Y" content is one span.
    """
    _check_aligned(gold, pred)
    roles = {role: {"exact": PRF(0, 0, 0), "overlap": PRF(0, 0, 0)} for role in ATTRIBUTION_ROLES}
    for document, items in zip(gold, pred, strict=True):
        for role in ATTRIBUTION_ROLES:
            gold_spans = _role_spans(document.items, role)
            pred_spans = _role_spans(items, role)
            for mode in ("exact", "overlap"):
                roles[role][mode] += span_prf(gold_spans, pred_spans, mode)
    return AttributionScores(roles)


def _role_spans(items: Iterable[AttributionItem], role: str) -> list[CharSpan]:
    return [span for item in items if (span := item.bounds(role)) is not None]


# -- dates ----------------------------------------------------------------------

DateSpan = tuple[int, int, str | None]
"""``(start, end, value)`` of a temporal expression; value like ``2023-09`` or None."""


@dataclass(frozen=True, slots=True)
class DateScores:
    """Detection of date expressions (overlap) and accuracy of their calendar values.

    ``value_accuracy`` is over gold expressions that have a value (a missed
    expression counts as wrong); ``matched_value_accuracy`` only over those
    the system found.
    """

    detection: PRF
    value_accuracy: Accuracy
    matched_value_accuracy: Accuracy

    def to_dict(self) -> dict[str, Any]:
        return {
            "detection": self.detection.to_dict(),
            "value_accuracy": self.value_accuracy.to_dict(),
            "matched_value_accuracy": self.matched_value_accuracy.to_dict(),
        }


def score_dates(
    gold: Sequence[Sequence[DateSpan]], pred: Sequence[Sequence[DateSpan]]
) -> DateScores:
    """Score date expressions of each document: found at all, and resolved to the right value."""
    _check_aligned(gold, pred)
    detection = PRF(0, 0, 0)
    right = valued = matched_right = matched_valued = 0
    for gold_dates, pred_dates in zip(gold, pred, strict=True):
        pairs = match_spans(
            [(s, e) for s, e, _ in gold_dates], [(s, e) for s, e, _ in pred_dates], "overlap"
        )
        detection += PRF(len(pairs), len(gold_dates), len(pred_dates))
        valued += sum(1 for *_, value in gold_dates if value is not None)
        for i, j in pairs:
            value = gold_dates[i][2]
            if value is None:
                continue
            matched_valued += 1
            ok = pred_dates[j][2] == value
            right += ok
            matched_right += ok
    return DateScores(detection, Accuracy(right, valued), Accuracy(matched_right, matched_valued))


def score_date_values(gold: Sequence[str | None], pred: Sequence[str | None]) -> Accuracy:
    """Accuracy of resolved values for expressions given one by one (``2023-09-05`` etc.)."""
    _check_aligned(gold, pred)
    return Accuracy(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold))
