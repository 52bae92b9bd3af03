"""Geocoding task: GeoWebNews toponyms resolved from gold spans, and end to end.

Over every gold toponym with coordinates (accuracy = share within 161 km,
unresolved toponyms count as misses):

(a) resolution given the gold spans: the names of each article are resolved
    together (``Geocoder.resolve_all``), so the countries of the article's other
    toponyms are the context; also without any context (each name alone);
(b) end to end: clean, language, segment, actors and places (those registered)
    run on the article text with language ``en``; GPE/LOC/FAC mentions are
    matched to gold spans by overlap. Recall is the share of gold toponyms that
    a place mention overlaps; accuracy counts every gold toponym.

The shared folder holds only the dev half of GeoWebNews, so it is all scored.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from khabar.config import Config
from khabar.document import Document
from khabar.errors import KhabarError
from khabar.evaluation.geo import (
    ACCURACY_KM,
    Coordinates,
    PlacePrediction,
    align_place_predictions,
    haversine_km,
    score_geocoding,
)
from khabar.evaluation.loaders.geowebnews import load_geowebnews
from khabar.evaluation.records import GoldGeoArticle, GoldToponym
from khabar.evaluation.report import ERROR_SAMPLE, EvalReport, add_error, evenly
from khabar.evaluation.spans import offset_map
from khabar.pipeline import Pipeline
from khabar.registry import stage_names
from khabar.resolve.geocode import default_geocoder
from khabar.resolve.places import PLACE_TYPES

__all__ = [
    "END_TO_END_STAGES",
    "Miss",
    "end_to_end",
    "geowebnews",
    "given_spans",
    "place_mentions",
]

END_TO_END_STAGES = ("clean", "language", "segment", "actors", "places")


def given_spans(articles: Sequence[GoldGeoArticle]) -> dict[str, Any]:
    """Scores of resolving the gold toponym names, with and without article context."""
    geocoder = default_geocoder()
    gold: list[Coordinates] = []
    with_context: list[Coordinates | None] = []
    alone: list[Coordinates | None] = []
    by_type: dict[str, tuple[list[Coordinates], list[Coordinates | None]]] = defaultdict(
        lambda: ([], [])
    )
    for article in articles:
        names = list(dict.fromkeys(t.name for t in article.toponyms))
        resolved = dict(zip(names, geocoder.resolve_all(names, "en"), strict=True))
        for toponym in article.toponyms:
            if toponym.lat is None or toponym.lon is None:
                continue
            point = (toponym.lat, toponym.lon)
            entry = resolved[toponym.name]
            single = geocoder.resolve(toponym.name, "en")
            gold.append(point)
            with_context.append(None if entry is None else (entry.lat, entry.lon))
            alone.append(None if single is None else (single.lat, single.lon))
            by_type[toponym.type][0].append(point)
            by_type[toponym.type][1].append(with_context[-1])
    return {
        "with_context": score_geocoding(gold, with_context).to_dict(),
        "no_context": score_geocoding(gold, alone).to_dict(),
        "with_context_by_type": {
            kind: score_geocoding(g, p).to_dict() for kind, (g, p) in sorted(by_type.items())
        },
    }


@cache
def _end_to_end_pipeline() -> tuple[Pipeline, tuple[str, ...]]:
    stages = tuple(s for s in END_TO_END_STAGES if s in stage_names())
    return Pipeline.from_config(Config(pipeline=stages, language="en")), stages


def place_mentions(doc: Document, original: str) -> list[PlacePrediction]:
    """GPE/LOC/FAC mentions as ``(start, end, lat, lon)`` in offsets of ``original``."""
    places = {p.id: p for p in doc.places}
    to_original = offset_map(doc.text, original)
    found: list[PlacePrediction] = []
    for mention in doc.mentions:
        if mention.type not in PLACE_TYPES:
            continue
        span = to_original.span(mention.start, mention.end)
        if span is None:
            continue
        place = places.get(mention.place or "")
        found.append((*span, place.lat if place else None, place.lon if place else None))
    return found


# A gold toponym the pipeline missed or misplaced: (toponym in context, gold point, what we gave).
Miss = tuple[str, str, str]


def end_to_end(
    articles: Sequence[GoldGeoArticle], misses: list[Miss] | None = None
) -> dict[str, Any]:
    """Toponym recall and accuracy of the pipeline's place mentions on the article texts.

    Toponyms that were missed or misplaced are appended to ``misses`` when given.
    """
    pipeline, stages = _end_to_end_pipeline()
    gold: list[Coordinates] = []
    pred: list[Coordinates | None] = []
    matched = failed = 0
    started = time.perf_counter()
    for article in articles:
        toponyms = [t for t in article.toponyms if t.has_coordinates]
        try:
            doc = pipeline(article.text, id=article.doc_id)
        except KhabarError:
            failed += 1
            doc = Document(text=article.text)
        found = place_mentions(doc, article.text)
        # A mention the geocoder left unresolved still counts as found (recall), not placed.
        aligned = align_place_predictions(toponyms, [(s, e, 0.0, 0.0) for s, e, _, _ in found])
        placed = align_place_predictions(toponyms, found)
        matched += sum(1 for a in aligned if a is not None)
        gold.extend((t.lat, t.lon) for t in toponyms if t.lat is not None and t.lon is not None)
        pred.extend(placed)
        if misses is not None:
            misses.extend(_misses(article, toponyms, aligned, placed))
    scores = score_geocoding(gold, pred).to_dict()
    within = sum(1 for g, p in zip(gold, pred, strict=True) if p is not None and _within(g, p))
    return {
        "stages": list(stages),
        "toponym_recall": round(matched / len(gold), 4) if gold else 0.0,
        "matched": matched,
        **scores,
        "accuracy_161km_of_matched": round(within / matched, 4) if matched else 0.0,
        "failed_articles": failed,
        "seconds": round(time.perf_counter() - started, 2),
    }


def _misses(
    article: GoldGeoArticle,
    toponyms: Sequence[GoldToponym],
    aligned: Sequence[Coordinates | None],
    placed: Sequence[Coordinates | None],
) -> list[Miss]:
    out: list[Miss] = []
    for toponym, found, point in zip(toponyms, aligned, placed, strict=True):
        if toponym.lat is None or toponym.lon is None:
            continue
        gold_point = (toponym.lat, toponym.lon)
        if found is None:
            got = "no place mention"
        elif point is None:
            got = "found, not placed"
        elif not _within(gold_point, point):
            got = f"{point[0]:.2f},{point[1]:.2f}"
        else:
            continue
        context = " ".join(article.text[max(0, toponym.start - 60) : toponym.end + 60].split())
        out.append((f"{toponym.name} [{toponym.type}] in: {context}", f"{gold_point}", got))
    return out


def _within(gold: Coordinates, pred: Coordinates) -> bool:
    return haversine_km(gold[0], gold[1], pred[0], pred[1]) <= ACCURACY_KM


def geowebnews(data_dir: Path | None, limit: int | None) -> EvalReport:
    """The ``khabar eval geowebnews`` set: ``limit`` articles spread evenly over the dev half."""
    started = time.perf_counter()
    articles = evenly(load_geowebnews(data_dir), limit)
    loading = time.perf_counter()
    default_geocoder()
    load_seconds = time.perf_counter() - loading
    given = given_spans(articles)
    misses: list[Miss] = []
    e2e = end_to_end(articles, misses)
    errors: list[dict[str, str]] = []
    for text, expected, got in evenly(misses, ERROR_SAMPLE):
        add_error(errors, text, expected, got)
    context = given["with_context"]
    metrics = {
        "gold_spans.accuracy_161km": float(context["accuracy_161km"]),
        "gold_spans.mean_error_km": float(context["mean_error_km"] or 0.0),
        "gold_spans.no_context.accuracy_161km": float(given["no_context"]["accuracy_161km"]),
        "end_to_end.recall": float(e2e["toponym_recall"]),
        "end_to_end.accuracy_161km": float(e2e["accuracy_161km"]),
        "end_to_end.accuracy_161km_of_matched": float(e2e["accuracy_161km_of_matched"]),
    }
    return EvalReport(
        "geowebnews",
        metrics,
        len(articles),
        time.perf_counter() - started,
        details={
            "gazetteer_load_seconds": round(load_seconds, 2),
            "given_spans": given,
            "end_to_end": e2e,
        },
        errors=errors,
        notes=[
            "English news (dev half of GeoWebNews); accuracy counts unresolved toponyms as misses",
            "mean_error_km is lower-is-better: do not pin it as a floor in the score gate",
        ],
    )
