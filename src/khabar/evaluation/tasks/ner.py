"""NER tasks: the whole default pipeline's mentions on held-out Arabic NER sentences.

Unlike ``benchmarks/ner.py`` (the CRF tagger alone), these score what a user
gets: every stage of ``khabar.load(language="ar")`` runs on each sentence (its
tokens joined by spaces), and its mentions are mapped onto the gold tokens.
Only the held-out part of each corpus is scored (``loaders.ner.load_splits``,
the split the shipped tagger was trained around).

Types are scored in the tagger's coarse view: PERSON, ORG and LOC, with GPE
and FAC folded into LOC on both sides (ANERcorp and AQMAR have no GPE: their
LOC holds countries and cities). NORP, EVENT, DATE and the rest are not scored.
Scores are CoNLL exact spans (bounds and type) per type and micro-averaged.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from khabar.actors.compose import HEAD_LABEL
from khabar.actors.lexicon import OFFICE_LABELS, group_labels, text_lang
from khabar.actors.tagger import normalise
from khabar.document import Document, Mention
from khabar.errors import ResourceError
from khabar.evaluation.loaders.ner import CORPUS_FILES, Split, bio_spans, load_splits, to_model_view
from khabar.evaluation.paths import dataset_path
from khabar.evaluation.report import ERROR_SAMPLE, EvalReport, add_error, evenly
from khabar.evaluation.scorers import SpanScores, score_ner
from khabar.evaluation.spans import TypedSpan, char_spans_to_token_spans, offset_map
from khabar.evaluation.tasks import pipeline_for

__all__ = [
    "MENTION_TYPES",
    "SCORED_TYPES",
    "mention_token_spans",
    "ner_anercorp",
    "ner_aqmar",
    "ner_newsfane",
    "ner_task",
    "ner_wojood",
    "token_offsets",
]

SCORED_TYPES = ("PERSON", "ORG", "LOC")
# khabar mention type -> scored type; NORP, EVENT and DATE mentions are not scored.
MENTION_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def _splits(data_dir: Path) -> dict[str, Split]:
    """``load_splits(data_dir)``, read once per state of the corpus files.

    Reading and splitting all four corpora takes seconds, and every ner_* task
    needs the whole split (NewsFANE follows ANERcorp's).
    """
    stamp = []
    for files in CORPUS_FILES.values():
        for name in files:
            path = data_dir / "ner" / name
            if path.is_file():
                info = path.stat()
                stamp.append((name, info.st_mtime_ns, info.st_size))
    return _cached_splits(data_dir, tuple(stamp))


@cache
def _cached_splits(data_dir: Path, stamp: tuple[tuple[str, int, int], ...]) -> dict[str, Split]:
    return load_splits(data_dir)


def token_offsets(words: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``words`` in ``" ".join(words)``."""
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for word in words:
        offsets.append((cursor, cursor + len(word)))
        cursor += len(word) + 1
    return offsets


def mention_token_spans(doc: Document, words: list[str]) -> list[TypedSpan]:
    """The document's scored mentions as ``(first, end, type)`` over ``words``.

    ``doc`` was analysed from ``" ".join(words)``; cleaning may have dropped a
    dateline or furniture, so offsets go back to that text through a diff.
    """
    original = " ".join(words)
    mapping = offset_map(doc.text, original)
    spans: list[TypedSpan] = []
    for mention in doc.mentions:
        if not is_name(doc, mention):
            continue
        kind = MENTION_TYPES.get(mention.type)
        span = mapping.span(mention.start, mention.end) if kind else None
        if kind and span:
            spans.append((span[0], span[1], kind))
    return char_spans_to_token_spans(token_offsets(words), spans)


# Last words of the names the actor stage gives unnamed offices and institutions.
GENERIC_LABELS = frozenset(
    label.split()[-1].lower() for label in (*OFFICE_LABELS.values(), *group_labels())
)


OFFICE_HEADS = frozenset(label.lower() for label in (*OFFICE_LABELS.values(), HEAD_LABEL))


def is_name(doc: Document, mention: Mention) -> bool:
    """NER gold marks names, not descriptions: khabar's mentions of anonymous speakers
    ("مصادر", "officials") and of unnamed offices and institutions ("المتحدث باسم",
    "الجيش العراقي") are actor references without a name, so they are not scored."""
    actor = doc.actor(mention.actor) if mention.actor else None
    if actor is None:
        return True
    if actor.kind == "anonymous":
        return False
    # An unknown person's name is the Arabic words that named it.
    written = actor.name_ar or (actor.name if text_lang(actor.name) == "ar" else None)
    if actor.kind == "person" and written and not _shares_word(mention.text, written):
        # an office resolved to its holder ("العاهل المغربي"), or in apposition to a name
        # ("أحمد حسن المتحدث باسم الخارجية"): not a name
        return False
    if actor.wikidata is not None or actor.name_ar is not None:
        return True
    # offices are named "<office> of <country>" ("President of Algeria" for الملك),
    # institutions "<country> <label>" ("Iraq government")
    name = actor.name.lower()
    return name.split(" of ")[0] not in OFFICE_HEADS and name.split()[-1] not in GENERIC_LABELS


def _words(text: str) -> set[str]:
    words = {normalise(word) for word in text.split()}
    return {word[2:] if word.startswith("ال") else word for word in words}


def _shares_word(mention: str, name: str) -> bool:
    return not _words(mention).isdisjoint(_words(name))


def _render(words: list[str], spans: list[TypedSpan]) -> str:
    return " | ".join(f"{' '.join(words[s:e])} ({kind})" for s, e, kind in sorted(spans)) or "none"


def _metrics(scores: SpanScores) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for kind in SCORED_TYPES:
        prf = scores.per_type.get(kind)
        key = kind.lower()
        metrics[f"{key}.precision"] = prf.precision if prf else 0.0
        metrics[f"{key}.recall"] = prf.recall if prf else 0.0
        metrics[f"{key}.f1"] = prf.f1 if prf else 0.0
    metrics |= {
        "micro.precision": scores.micro.precision,
        "micro.recall": scores.micro.recall,
        "micro.f1": scores.micro.f1,
    }
    return metrics


def ner_task(corpus: str, data_dir: Path | None, limit: int | None) -> EvalReport:
    """Score the pipeline's mentions on ``limit`` held-out sentences of ``corpus``."""
    started = time.perf_counter()
    folder = dataset_path(data_dir, "ner")
    splits = _splits(folder.parent)
    if corpus not in splits:
        raise ResourceError(
            f"the {corpus} files ({CORPUS_FILES[corpus][0]}...) are not under {folder}"
        )
    sentences = evenly(splits[corpus].heldout, limit)
    nlp = pipeline_for("ar")
    gold: list[list[TypedSpan]] = []
    predicted: list[list[TypedSpan]] = []
    misses: list[tuple[list[str], list[TypedSpan], list[TypedSpan]]] = []
    for sentence in sentences:
        expected = [s for s in bio_spans(to_model_view(sentence).tags) if s[2] in SCORED_TYPES]
        found = mention_token_spans(nlp(sentence.text), sentence.words)
        gold.append(expected)
        predicted.append(found)
        if set(expected) != set(found):
            misses.append((sentence.words, expected, found))
    scores = score_ner(gold, predicted)
    errors: list[dict[str, str]] = []
    for words, expected, found in evenly(misses, ERROR_SAMPLE):
        add_error(errors, " ".join(words), _render(words, expected), _render(words, found))
    return EvalReport(
        f"ner_{corpus}",
        _metrics(scores),
        len(sentences),
        time.perf_counter() - started,
        details={"heldout_sentences": len(splits[corpus].heldout), **scores.to_dict()},
        errors=errors,
        notes=[
            "whole default pipeline (not the tagger alone), held-out sentences only",
            "GPE and FAC are folded into LOC on both sides (ANERcorp and AQMAR have no GPE); "
            "NORP, EVENT and DATE are not scored",
        ],
    )


def ner_anercorp(data_dir: Path | None, limit: int | None) -> EvalReport:
    return ner_task("anercorp", data_dir, limit)


def ner_aqmar(data_dir: Path | None, limit: int | None) -> EvalReport:
    return ner_task("aqmar", data_dir, limit)


def ner_newsfane(data_dir: Path | None, limit: int | None) -> EvalReport:
    return ner_task("newsfane", data_dir, limit)


def ner_wojood(data_dir: Path | None, limit: int | None) -> EvalReport:
    return ner_task("wojood", data_dir, limit)
