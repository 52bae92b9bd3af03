"""Event tasks: detection, arguments, PLOVER types, PETRARCH suites, CAMEO quad classes."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from pathlib import Path

from khabar.document import Document, Event
from khabar.evaluation.loaders.arabic_event_gsr import (
    load_arabic_event_gsr,
    load_arabic_event_spans,
)
from khabar.evaluation.loaders.conflibert_cameo import load_conflibert_cameo
from khabar.evaluation.loaders.petrarch import load_petrarch
from khabar.evaluation.loaders.plover import load_plover
from khabar.evaluation.records import LABEL_AMBIGUOUS, LABEL_YES, ActorCode
from khabar.evaluation.report import EvalReport, add_error, evenly
from khabar.evaluation.scorers import (
    PredictedArguments,
    score_event_arguments,
    score_event_detection,
    score_plover_types,
)
from khabar.evaluation.tasks import pipeline_for
from khabar.events.main import main_event

# The occurrence model (data/events/occurrence_ar.json) is trained on the GSR sentences of
# these folds (scripts/train_event_filter.py); arabic_event_gsr scores only the others.
GSR_FOLDS = 4
GSR_TRAIN_FOLDS = frozenset({0, 1})
GSR_FOLD_SALT = "khabar-occurrence:"


def gsr_fold(text: str) -> int:
    """The deterministic fold of a GSR sentence: salted sha1 of its whitespace-collapsed text.

    The salt matters: the dev half we hold was itself cut by an unsalted sha1 parity, so the
    plain hash mod 4 puts every dev sentence in folds 0 and 2.
    """
    collapsed = " ".join(text.split())
    digest = hashlib.sha1((GSR_FOLD_SALT + collapsed).encode("utf-8")).hexdigest()
    return int(digest, 16) % GSR_FOLDS


def event_detection(data_dir: Path | None, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    held_out = [
        r for r in load_arabic_event_gsr(data_dir) if gsr_fold(r.text) not in GSR_TRAIN_FOLDS
    ]
    gold = evenly(held_out, limit)
    nlp = pipeline_for("ar")
    predicted: list[set[str]] = []
    errors: list[dict[str, str]] = []
    for record in gold:
        types = {e.type for e in nlp(record.text).events}
        predicted.append(types)
        if record.label != LABEL_AMBIGUOUS:
            expected = record.label == LABEL_YES
            if expected != (record.event_type in types):
                add_error(
                    errors,
                    record.text,
                    f"{record.event_type}={expected} ({record.raw_label})",
                    sorted(types) or "no event",
                )
    scores = score_event_detection(gold, predicted)
    metrics: dict[str, float] = {}
    for kind, prf in sorted(scores.per_type.items()):
        key = kind.lower()
        metrics |= {
            f"{key}.precision": prf.precision,
            f"{key}.recall": prf.recall,
            f"{key}.f1": prf.f1,
        }
        metrics[f"{key}.difficult_no_fpr"] = scores.difficult_no_fpr[kind].value
    return EvalReport(
        "arabic_event_gsr",
        metrics,
        len(gold),
        time.perf_counter() - started,
        details=scores.to_dict(),
        errors=errors,
        notes=[
            f"scored on held-out folds {sorted(set(range(GSR_FOLDS)) - GSR_TRAIN_FOLDS)} of "
            f"{GSR_FOLDS} (salted sha1 of the collapsed sentence text mod {GSR_FOLDS}); folds "
            f"{sorted(GSR_TRAIN_FOLDS)} trained the occurrence model (data/events/"
            "occurrence_ar.json) and are never scored here.",
        ],
    )


def _actor_codes(doc: Document, ids: list[str]) -> list[ActorCode]:
    actors = {a.id: a for a in doc.actors}
    return [ActorCode(actors[i].country, actors[i].sector) for i in ids if i in actors]


def _actor_spans(doc: Document, ids: list[str], sentence: int) -> list[tuple[int, int]]:
    if sentence >= len(doc.sentences):
        return []
    low, high = doc.sentences[sentence].start, doc.sentences[sentence].end
    return [
        (m.start, m.end)
        for m in doc.mentions
        if m.actor in ids and low <= m.start and m.end <= high
    ]


def _best(events: list[Event], kind: str | None = None) -> Event | None:
    pool = [e for e in events if kind is None or e.type == kind]
    return max(pool, key=lambda e: e.confidence) if pool else None


def event_arguments(data_dir: Path | None, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    gold = evenly(load_arabic_event_spans(data_dir), limit)
    nlp = pipeline_for("ar")
    predicted: list[PredictedArguments] = []
    errors: list[dict[str, str]] = []
    found_type = 0
    for record in gold:
        doc = nlp(record.text)
        event = _best(doc.events, record.event_type)
        found_type += event is not None
        if event is None:
            predicted.append(PredictedArguments())
            add_error(errors, record.text, record.event_type, sorted({e.type for e in doc.events}))
            continue
        offset = doc.text.find(record.text) if doc.text != record.text else 0
        shift = max(offset, 0)
        predicted.append(
            PredictedArguments(
                actor_spans=[
                    (s - shift, e - shift)
                    for s, e in _actor_spans(doc, event.actor, event.sentence)
                ],
                recipient_spans=[
                    (s - shift, e - shift)
                    for s, e in _actor_spans(doc, event.recipient, event.sentence)
                ],
                actor_codes=_actor_codes(doc, event.actor),
                recipient_codes=_actor_codes(doc, event.recipient),
            )
        )
    scores = score_event_arguments(gold, predicted, mode="overlap")
    metrics = {
        "event_found": found_type / len(gold) if gold else 0.0,
        "actor.span_f1": scores.spans["actor"].f1,
        "recipient.span_f1": scores.spans["recipient"].f1,
        "actor.country_accuracy": scores.codes["actor"]["country"].value,
        "all.country_accuracy": scores.codes["all"]["country"].value,
        "all.sector_accuracy": scores.codes["all"]["sector"].value,
    }
    return EvalReport(
        "arabic_event_spans",
        metrics,
        len(gold),
        time.perf_counter() - started,
        details=scores.to_dict(),
        errors=errors,
    )


def plover_types(data_dir: Path | None, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    gold = evenly(load_plover(data_dir), limit)
    nlp = pipeline_for("en")
    guesses: list[str | None] = []
    hits = cameo_hits = total = 0
    errors: list[dict[str, str]] = []
    for record in gold:
        doc = nlp(record.text)
        # The sentence's main event, as the document exposes it (khabar/events/main.py).
        event = main_event(doc.events, doc)
        guesses.append(event.type if event else None)
        if event is None or event.type != record.event_type:
            add_error(errors, record.text, record.event_type, event.type if event else "no event")
        codes = _actor_codes(doc, event.actor) if event else []
        countries = {c.country for c in codes}
        cameo_countries = {c.cameo_country for c in codes}
        for code in record.actor_codes:
            if code.country:
                total += 1
                hits += code.country in countries
                cameo_hits += code.country in cameo_countries
    scores = score_plover_types([r.event_type for r in gold], guesses)
    metrics = {
        "type_accuracy": scores.accuracy.value,
        "actor_country_accuracy": hits / total if total else 0.0,
        # the gold's CAMEO codes put IGO / NGO where a country goes; so does this one
        "actor_cameo_country_accuracy": cameo_hits / total if total else 0.0,
    }
    return EvalReport(
        "plover",
        metrics,
        len(gold),
        time.perf_counter() - started,
        details=scores.to_dict(),
        confusion=scores.confusion,
        errors=errors,
    )


def _code(doc: Document, ids: list[str]) -> set[str]:
    """CAMEO-style actor codes of our actors: country plus sector (RUSGOV) and country alone."""
    codes: set[str] = set()
    for actor in doc.actors:
        if actor.id in ids and actor.country:
            codes |= {actor.country, actor.country + (actor.sector or "")}
    return codes


def petrarch(data_dir: Path | None, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    gold = [g for g in evenly(load_petrarch(data_dir), limit) if g.evaluate and g.events]
    nlp = pipeline_for("en")
    counts: Counter[str] = Counter()
    errors: list[dict[str, str]] = []
    for record in gold:
        doc = nlp(record.text)
        ours = [(e.cameo or "", _code(doc, e.actor), _code(doc, e.recipient)) for e in doc.events]
        expected = record.events[0]
        root = expected.code[:2]
        same_class = [o for o in ours if o[0][:2] == root]
        with_source = [o for o in same_class if _matches(expected.source, o[1])]
        full = [o for o in with_source if _matches(expected.target, o[2])]
        counts["class"] += bool(same_class)
        counts["class_source"] += bool(with_source)
        counts["class_source_target"] += bool(full)
        if not full:
            add_error(
                errors,
                record.text,
                f"{expected.source} {expected.code} {expected.target}",
                [f"{sorted(a)} {c} {sorted(t)}" for c, a, t in ours] or "no event",
            )
    n = len(gold)
    metrics = {
        f"share.{k}": counts[k] / n if n else 0.0
        for k in ("class", "class_source", "class_source_target")
    }
    return EvalReport(
        "petrarch",
        metrics,
        n,
        time.perf_counter() - started,
        errors=errors,
        notes=[
            "PETRARCH's unit tests use fictional countries (Arnor, Gondor...) from its own "
            "dictionaries, which khabar does not know: source/target shares there are near zero "
            "by construction. PETRARCH itself is documented to pass its own unit-test suite.",
        ],
    )


def _matches(expected: str, ours: set[str]) -> bool:
    expected = expected.strip()
    return bool(expected) and any(
        expected.startswith(code) or code.startswith(expected) for code in ours
    )


def quad_class(cameo: str | None) -> int:
    """CAMEO quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    if not cameo or not cameo[:2].isdigit():
        return 0
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    return 4 if 14 <= root <= 20 else 0


def cameo_quad_classes(data_dir: Path | None, limit: int | None) -> EvalReport:
    started = time.perf_counter()
    gold = evenly(load_conflibert_cameo(data_dir), limit)
    nlp = pipeline_for("en")
    correct = 0
    confusion: dict[str, Counter[str]] = {}
    errors: list[dict[str, str]] = []
    for record in gold:
        doc = nlp(record.text)
        event = main_event(doc.events, doc)
        guess = quad_class(event.cameo if event else None)
        correct += guess == record.cls
        confusion.setdefault(str(record.cls), Counter())[str(guess)] += 1
        if guess != record.cls:
            add_error(
                errors, record.text, record.cls, f"{guess} ({event.type if event else 'no event'})"
            )
    n = len(gold)
    return EvalReport(
        "conflibert_cameo",
        {"quad_accuracy": correct / n if n else 0.0},
        n,
        time.perf_counter() - started,
        confusion={g: dict(row) for g, row in sorted(confusion.items())},
        errors=errors,
        notes=[
            "Class 0 (no event?) is inferred, not documented upstream; 0 here means no event found."
        ],
    )
