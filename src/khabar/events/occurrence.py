"""Is a trigger a reported occurrence, or only a mention? (Arabic PROTEST and ASSAULT.)

Keyword triggers over-fire: "الاحتجاج حق", "ثقافة العنف", "هجوم على الحكومة" (a verbal attack),
"مظاهرة" in a commentary. The events stage asks :func:`is_occurrence` about each Arabic event of
a type the model covers; a small logistic regression over features of the trigger and its
sentence (part of speech, status, arguments, date and place, word classes from
``occurrence_cues_ar.tsv``) says whether the sentence reports a specific event that happened.
Weights live in ``data/events/occurrence_ar.json`` (trained by ``scripts/train_event_filter.py``;
see the data README). Events of other types and languages are kept unchanged.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.document import Event, Sentence, Word
from khabar.errors import ResourceError
from khabar.events.lexicon import TriggerMatch
from khabar.text.normalize import normalize_ar

CUES_FILE = "occurrence_cues_ar.tsv"
WEIGHTS_FILE = "occurrence_ar.json"

# Prepositions before a nominal trigger: "ضد الهجوم", "على الاحتجاجات", "عن المظاهرات" talk
# about an event rather than report it more often than "وقعت مظاهرة".
_PREPOSITIONS = frozenset(
    normalize_ar(w)
    for w in ("في", "على", "عن", "من", "إلى", "ضد", "بعد", "قبل", "خلال", "إثر", "عقب", "حول")
)
_CLITIC_PREPOSITIONS = frozenset({"ب", "ل", "ك"})
_CONJUNCTIONS = frozenset({"و", "ف"})
_QUESTION = frozenset("?؟")
_QUOTES = frozenset('«»"“”')
_NEAR = 5  # words either side of a trigger that count as its context
# The types whose events the model may drop. PROTEST has a model too, trained on about 20
# positive sentences; on held-out sentences it raised PROTEST F1 only from 0.19 to 0.29 while
# losing more than half of the PROTEST events of the gold span records (positive sentences), so
# PROTEST events are kept. See data/events/README.md.
FILTERED_TYPES = frozenset({"ASSAULT"})
# The model is trained class-balanced, so at 0.5 dropping a real event and keeping a mention
# weigh the same. The file's per-type thresholds maximise F1 at the GSR's base rate (one
# sentence in ten reports an attack); at 0.74 for ASSAULT they dropped a third of the attack
# events of the gold span records (all real events), which costs an analyst more than it saves.
DECISION_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class OccurrenceModel:
    """Per event type: feature weights and the decision threshold on the probability."""

    version: str
    weights: dict[str, dict[str, float]]
    thresholds: dict[str, float]

    def covers(self, event_type: str) -> bool:
        return event_type in self.weights and event_type in FILTERED_TYPES

    def probability(self, event_type: str, features: dict[str, float]) -> float:
        weights = self.weights[event_type]
        z = sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_cues() -> dict[str, frozenset[str]]:
    """Word classes (class name -> folded words) from ``occurrence_cues_ar.tsv``."""
    text = _read(CUES_FILE)
    classes: dict[str, set[str]] = {}
    header_seen = False
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells[:2] != ["class", "words"]:
                raise ResourceError(f"{CUES_FILE}:{line_no}: expected the header 'class words'")
            header_seen = True
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ResourceError(f"{CUES_FILE}:{line_no}: expected a class and its words")
        words = {normalize_ar(w.strip()) for w in cells[1].split("|") if w.strip()}
        classes.setdefault(cells[0].strip(), set()).update(words)
    return {name: frozenset(words) for name, words in classes.items()}


@cache
def cue_index() -> dict[str, tuple[str, ...]]:
    """Folded word -> the cue classes it belongs to."""
    index: dict[str, list[str]] = {}
    for name, words in sorted(load_cues().items()):
        for word in words:
            index.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in index.items()}


@cache
def load_model() -> OccurrenceModel:
    """The shipped occurrence model (``occurrence_ar.json``)."""
    try:
        raw = json.loads(_read(WEIGHTS_FILE))
        weights = {
            kind: {str(k): float(v) for k, v in table.items()}
            for kind, table in raw["weights"].items()
        }
        thresholds = {kind: float(v) for kind, v in raw["thresholds"].items()}
        version = str(raw["version"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResourceError(f"{WEIGHTS_FILE}: malformed occurrence model ({exc})") from exc
    missing = set(weights) - set(thresholds)
    if missing:
        raise ResourceError(f"{WEIGHTS_FILE}: no threshold for {sorted(missing)}")
    return OccurrenceModel(version, weights, thresholds)


def _read(name: str) -> str:
    try:
        return resources.files("khabar").joinpath("data", "events", name).read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read khabar/data/events/{name}: {exc}") from exc


def _folded_stems(words: list[Word]) -> list[str]:
    """Each stem's folded form; a stem after the split-off article also counts with it."""
    out: list[str] = []
    previous_article = False
    for word in words:
        if word.clitic:
            previous_article = word.norm == "ال"
            continue
        out.append(word.norm)
        if previous_article:
            out.append("ال" + word.norm)
        previous_article = False
    return out


def occurrence_features(
    sentence: Sentence,
    words: list[Word],
    event: Event,
    match: TriggerMatch,
    sentence_events: list[tuple[Event, TriggerMatch]],
) -> dict[str, float]:
    """Named features of one event for the occurrence model (all values 0..1-ish)."""
    entry = match.entry
    features: dict[str, float] = {
        "bias": 1.0,
        f"lemma={model_lemma(entry.lemma)}": 1.0,
        f"pos={match.pos}": 1.0,
        f"status={event.status}": 1.0,
    }
    flags = {
        "ambiguous": entry.ambiguous,
        "multiword": " " in match.form,
        "actor": bool(event.actor),
        "recipient": bool(event.recipient),
        "when": event.when is not None,
        "where": event.where is not None,
        "in_claim": event.claim is not None,
        "future_prefix": match.future_prefix,
    }
    stem = match.start_word
    while stem < match.end_word - 1 and words[stem].clitic:
        stem += 1
    before = [w for w in words[match.start_word : stem] if w.clitic]
    flags["definite"] = any(w.norm == "ال" for w in before)
    flags["clitic_preposition"] = any(w.norm in _CLITIC_PREPOSITIONS for w in before)
    previous = words[match.start_word - 1] if match.start_word > 0 else None
    flags["after_preposition"] = previous is not None and previous.norm in _PREPOSITIONS
    flags["plural"] = words[stem].norm.endswith("ات")
    # Arabic news reports an event verb-first (وتظاهر الآلاف، قُتل ثلاثة).
    leading = 0
    for word in words[: min(match.start_word, 6)]:
        leading += not (word.clitic and word.norm in _CONJUNCTIONS)
    flags["sentence_initial"] = leading <= 1
    flags["early"] = match.start_word < len(words) / 3
    same = sum(1 for e, _m in sentence_events if e.type == event.type)
    others = sum(1 for e, _m in sentence_events if e.type != event.type)
    flags["same_type_several"] = same > 1
    flags["other_types"] = others > 0
    flags["other_types_several"] = others > 2
    flags["imperfect"] = match.pos == "verb" and words[stem].norm.startswith("ي")
    # An accusative masdar (احتجاجاً على) is an adverb of purpose: "in protest at".
    flags["adverbial"] = match.pos == "noun" and words[stem].text.endswith(("اً", "ًا"))
    following = words[match.end_word] if match.end_word < len(words) else None
    flags["next_preposition"] = following is not None and following.norm in _PREPOSITIONS
    index = cue_index()
    near = _folded_stems(words[max(0, match.start_word - _NEAR) : match.end_word + _NEAR])
    features.update(
        {f"near={name}": 1.0 for stem_form in near for name in index.get(stem_form, ())}
    )
    features.update(_sentence_features(sentence, words))
    features.update({name: 1.0 for name, on in flags.items() if on})
    return features


_last_sentence: tuple[Sentence | None, dict[str, float]] = (None, {})


def _sentence_features(sentence: Sentence, words: list[Word]) -> dict[str, float]:
    """Features of the whole sentence, computed once for all its events."""
    global _last_sentence
    cached, features = _last_sentence
    if cached is sentence:
        return features
    tokens = sentence.tokens
    flags = {
        "question": any(t.text in _QUESTION for t in tokens),
        "quoted": any(t.text in _QUOTES for t in tokens),
        "digits": any(t.text[:1].isdigit() for t in tokens),
        "long": len(tokens) > 45,
        "short": len(tokens) < 12,
    }
    features = {name: 1.0 for name, on in flags.items() if on}
    index = cue_index()
    hits = 0
    for stem_form in _folded_stems(words):
        classes = index.get(stem_form, ())
        hits += "casualty" in classes or "crowd" in classes
        features.update({f"cue={name}": 1.0 for name in classes})
    if hits >= 3:
        features["many_cues"] = 1.0
    _last_sentence = (sentence, features)
    return features


PASSIVE_MARK = " (مجهول)"


def model_lemma(lemma: str) -> str:
    """The lemma the model knows: a passive-voice row ("جرح (مجهول)": أصيب، يصاب) shares its
    active row's, as it did when the model was trained."""
    return lemma.removesuffix(PASSIVE_MARK)


def is_occurrence(
    sentence: Sentence,
    words: list[Word],
    event: Event,
    match: TriggerMatch,
    sentence_events: list[tuple[Event, TriggerMatch]],
    threshold: float = DECISION_THRESHOLD,
) -> bool:
    """False when the model reads the event's trigger as a mention, not an occurrence:
    its probability is below ``threshold`` (the ``occurrence_threshold`` setting)."""
    model = load_model()
    if not model.covers(event.type):
        return True
    if event.status == "alleged" and any(e.type == "ACCUSE" for e, _m in sentence_events):
        # The object of an accusation (اتهمت ... بقصف) is kept as what khabar says it is: an
        # alleged act, which the status already marks as no confirmed occurrence.
        return True
    features = occurrence_features(sentence, words, event, match, sentence_events)
    return model.probability(event.type, features) >= threshold
