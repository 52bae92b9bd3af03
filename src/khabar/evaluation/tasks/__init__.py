"""Evaluation tasks: each runs today's pipeline over one gold set and scores it.

A task is a function ``(data_dir, limit) -> EvalReport``; :data:`TASKS` names
them for ``khabar eval SET``. Import paths keep ``khabar eval --help`` cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from khabar.errors import ConfigError
from khabar.evaluation.report import EvalReport
from khabar.pipeline import Pipeline

TASKS: dict[str, tuple[str, str]] = {
    "arabic_event_gsr": (
        "khabar.evaluation.tasks.events:event_detection",
        "PROTEST/ASSAULT detection on Arabic sentences (yes vs both no's)",
    ),
    "arabic_event_spans": (
        "khabar.evaluation.tasks.events:event_arguments",
        "actor/recipient spans and codes on the Arabic span records",
    ),
    "plover": ("khabar.evaluation.tasks.events:plover_types", "PLOVER type and actor country"),
    "petrarch": ("khabar.evaluation.tasks.events:petrarch", "PETRARCH's own test suites"),
    "conflibert_cameo": (
        "khabar.evaluation.tasks.events:cameo_quad_classes",
        "CAMEO quad class of English sentences",
    ),
    "ud_segmentation": (
        "khabar.evaluation.tasks.segmentation:ud_segmentation",
        "Arabic word and sentence boundaries vs UD PADT dev/test and PUD",
    ),
    "dates_ar": (
        "khabar.evaluation.tasks.dates:dates_ar",
        "Arabic date values by category (the team's own benchmarks/dates_ar_gold.tsv)",
    ),
    "wojood_dates": (
        "khabar.evaluation.tasks.dates:wojood_dates",
        "DATE/TIME span detection on the Wojood sample, exact and overlap",
    ),
    "ner_anercorp": (
        "khabar.evaluation.tasks.ner:ner_anercorp",
        "pipeline mentions (PERSON/ORG/LOC) on held-out ANERcorp sentences, CoNLL span F1",
    ),
    "ner_aqmar": (
        "khabar.evaluation.tasks.ner:ner_aqmar",
        "pipeline mentions (PERSON/ORG/LOC) on held-out AQMAR sentences, CoNLL span F1",
    ),
    "ner_newsfane": (
        "khabar.evaluation.tasks.ner:ner_newsfane",
        "pipeline mentions (PERSON/ORG/LOC) on held-out NewsFANE sentences, CoNLL span F1",
    ),
    "ner_wojood": (
        "khabar.evaluation.tasks.ner:ner_wojood",
        "pipeline mentions (PERSON/ORG/LOC) on Wojood val+test sentences, CoNLL span F1",
    ),
    "actor_codes": (
        "khabar.evaluation.tasks.actors:actor_codes",
        "actor country and sector on the gold actor spans of the Arabic span records",
    ),
    "polnear": (
        "khabar.evaluation.tasks.attribution:polnear",
        "attribution source/cue/content spans on PolNeAR dev (English)",
    ),
    "attribution_ar": (
        "khabar.evaluation.tasks.attribution:attribution_ar",
        "attribution spans, stance, via on the team's own Arabic set",
    ),
    "geowebnews": (
        "khabar.evaluation.tasks.geocoding:geowebnews",
        "GeoWebNews toponyms: geocoding of gold spans, and end to end (English)",
    ),
}

Task = Callable[[Path | None, int | None], EvalReport]


def task(name: str) -> Task:
    try:
        target = TASKS[name][0]
    except KeyError:
        raise ConfigError(f"unknown evaluation set {name!r}; known: {', '.join(TASKS)}") from None
    module, _, function = target.partition(":")
    found: Task = getattr(importlib.import_module(module), function)
    return found


@cache
def pipeline_for(language: str) -> Pipeline:
    """The default pipeline with the language forced, built once per language."""
    import khabar

    return khabar.load(language=language)
