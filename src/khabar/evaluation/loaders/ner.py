"""Readers for the public Arabic NER corpora, mapped to one BIO tag set.

Every reader returns :class:`NerSentence` objects whose tags use the unified
types PERSON, ORG, LOC, GPE, NORP, FAC, EVENT, DATE, TIME and MISC. The
per-corpus mappings live in ``khabar/data/ner/tagmaps.tsv`` (corpus, source
type, unified type); the corpus ``khabar-ner`` there is the coarser view the
shipped tagger is trained and scored on (PERSON, ORG, LOC, MISC).

Corpus quirks handled here:

- ANERcorp: ``token TAG`` lines without sentence breaks; sentences are cut
  after sentence-final punctuation.
- AQMAR: MIS0..MIS3, MIS-1, MISS1 and similar variants; a few broken tags
  (``I--ORG``, ``OO``).
- NewsFANE: tab separated, CRLF, a BOM, U+200E marks on every token, 45 fine
  ACE-style classes.
- Wojood: nested tags, several per token; the outermost span among the types
  that survive the mapping is kept (so an ORG inside an occupation phrase stays).
"""

from __future__ import annotations

import csv
import functools
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from khabar.errors import ResourceError

__all__ = [
    "CORPUS_FILES",
    "UNIFIED_TYPES",
    "NerSentence",
    "Split",
    "bio_spans",
    "load_splits",
    "load_tagmap",
    "map_tags",
    "read_anercorp",
    "read_aqmar",
    "read_newsfane",
    "read_wojood",
    "repair_bio",
    "span_scores",
    "spans_to_bio",
    "split_clitics",
    "to_model_view",
]

UNIFIED_TYPES = ("PERSON", "ORG", "LOC", "GPE", "NORP", "FAC", "EVENT", "DATE", "TIME", "MISC")

_SENTENCE_END = frozenset({".", "!", "?", "؟", "!!", "..."})
_INVISIBLE = re.compile("[\u200e\u200f\ufeff\u202a-\u202e]")
_MIS_VARIANT = re.compile(r"^MISS?[-`\d]*$")
_MAX_ANERCORP_SENTENCE = 120  # cut run-on stretches (lists, tables) so no sentence is huge


@dataclass(slots=True)
class NerSentence:
    """One sentence: its words, their BIO tags (unified types) and where it came from."""

    words: list[str]
    tags: list[str]
    corpus: str
    index: int  # position of the sentence in its file, for positional splits

    @property
    def text(self) -> str:
        return " ".join(self.words)


@functools.cache
def load_tagmap(corpus: str) -> dict[str, str]:
    """Source type -> unified type (or ``O``) for ``corpus``, from ``tagmaps.tsv``."""
    table: dict[str, str] = {}
    ref = resources.files("khabar") / "data" / "ner" / "tagmaps.tsv"
    with ref.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < 3:
                raise ResourceError(
                    f"tagmaps.tsv: bad row {row!r}; expected corpus, source, target"
                )
            if row[0] == corpus:
                table[row[1]] = row[2]
    if not table:
        raise ResourceError(f"tagmaps.tsv has no mapping for corpus {corpus!r}")
    return table


def _split_tag(tag: str) -> tuple[str, str]:
    """``B-ORG`` -> (``B``, ``ORG``); anything without a B/I prefix counts as O."""
    if len(tag) > 2 and tag[0] in "BI" and tag[1] == "-":
        return tag[0], tag[2:].lstrip("-")
    return "O", ""


def repair_bio(tags: list[str]) -> list[str]:
    """CoNLL convention: an I- tag that does not continue a span of its type starts one."""
    out: list[str] = []
    previous = ""
    for tag in tags:
        prefix, kind = _split_tag(tag)
        if prefix == "O":
            out.append("O")
            previous = ""
            continue
        if prefix == "I" and previous != kind:
            prefix = "B"
        out.append(f"{prefix}-{kind}")
        previous = kind
    return out


def map_tags(tags: Iterable[str], mapping: dict[str, str]) -> list[str]:
    """Map the types of BIO ``tags``; unknown types and types mapped to O become O."""
    out: list[str] = []
    for tag in tags:
        prefix, kind = _split_tag(tag)
        target = mapping.get(kind, "O") if prefix != "O" else "O"
        out.append("O" if target == "O" else f"{prefix}-{target}")
    return repair_bio(out)


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) spans of a BIO sequence, end exclusive (CoNLL chunking)."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, this = _split_tag(tag)
        if kind and (prefix != "I" or this != kind):
            spans.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return spans


def spans_to_bio(length: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags for non-overlapping spans over ``length`` words."""
    tags = ["O"] * length
    for start, end, kind in spans:
        tags[start] = f"B-{kind}"
        for i in range(start + 1, end):
            tags[i] = f"I-{kind}"
    return tags


def _clean(token: str) -> str:
    return _INVISIBLE.sub("", token).strip()


def _columns(path: Path) -> Iterator[list[str] | None]:
    """Token rows split on white space (tabs or spaces); ``None`` at a blank line."""
    with path.open(encoding="utf-8-sig", newline=None) as handle:
        for line in handle:
            line = _INVISIBLE.sub("", line).strip()
            yield line.split() if line else None


def read_anercorp(path: Path) -> list[NerSentence]:
    """ANERcorp ``token TAG`` lines, segmented after sentence-final punctuation."""
    mapping = load_tagmap("anercorp")
    sentences: list[NerSentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append(
                NerSentence(list(words), map_tags(tags, mapping), "anercorp", len(sentences))
            )
            words.clear()
            tags.clear()

    for row in _columns(path):
        if row is None:
            flush()
            continue
        if len(row) < 2:
            continue
        words.append(_clean(row[0]))
        tags.append(row[-1])
        if row[0] in _SENTENCE_END or len(words) >= _MAX_ANERCORP_SENTENCE:
            flush()
    flush()
    return sentences


def _aqmar_tag(tag: str) -> str:
    prefix, kind = _split_tag(tag)
    if prefix == "O":
        return "O"
    if _MIS_VARIANT.match(kind):
        kind = "MIS"
    return f"{prefix}-{kind}"


def _read_blocks(path: Path) -> Iterator[list[list[str]]]:
    block: list[list[str]] = []
    for row in _columns(path):
        if row is None:
            if block:
                yield block
            block = []
        elif len(row) >= 2 and _clean(row[0]):
            block.append(row)
    if block:
        yield block


def read_aqmar(path: Path) -> list[NerSentence]:
    """AQMAR (blank-line separated sentences, PER/LOC/ORG/MIS* tags)."""
    mapping = load_tagmap("aqmar")
    out: list[NerSentence] = []
    for block in _read_blocks(path):
        words = [_clean(row[0]) for row in block]
        tags = map_tags([_aqmar_tag(row[-1]) for row in block], mapping)
        out.append(NerSentence(words, tags, "aqmar", len(out)))
    return out


def read_newsfane(path: Path) -> list[NerSentence]:
    """NewsFANE (tab separated, CRLF, U+200E marks, 45 fine ACE-style classes)."""
    mapping = load_tagmap("newsfane")
    out: list[NerSentence] = []
    for block in _read_blocks(path):
        words = [_clean(row[0]) for row in block]
        out.append(
            NerSentence(words, map_tags([row[-1] for row in block], mapping), "newsfane", len(out))
        )
    return out


def _nested_spans(layers: list[list[str]]) -> list[tuple[int, int, str]]:
    """All spans of a nested BIO block, one tag list per token, tags in any order."""
    spans: list[tuple[int, int, str]] = []
    open_spans: dict[str, int] = {}
    for i, tags in enumerate([*layers, []]):
        parsed = [_split_tag(tag) for tag in tags]
        continuing = {kind for prefix, kind in parsed if prefix == "I"}
        for kind in list(open_spans):
            if kind not in continuing or any(p == "B" and k == kind for p, k in parsed):
                spans.append((open_spans.pop(kind), i, kind))
        for prefix, kind in parsed:
            if prefix == "B" or (prefix == "I" and kind not in open_spans):
                open_spans[kind] = i
    return spans


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest spans first, dropping any that overlaps one already kept."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for start, end, kind in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end, kind))
            taken.update(range(start, end))
    return sorted(kept)


def read_wojood(path: Path) -> list[NerSentence]:
    """Wojood nested NER: the outermost span among the types kept by the mapping."""
    mapping = load_tagmap("wojood")
    out: list[NerSentence] = []
    for block in _read_blocks(path):
        words = [_clean(row[0]) for row in block]
        spans = [
            (start, end, mapping[kind])
            for start, end, kind in _nested_spans([row[1:] for row in block])
            if mapping.get(kind, "O") != "O"
        ]
        out.append(
            NerSentence(words, spans_to_bio(len(words), _outermost(spans)), "wojood", len(out))
        )
    return out


# --- held-out splits, used alike by scripts/train_ner.py and benchmarks/ner.py --------------

SPLIT_SEED = 13
HELDOUT_FRACTION = 0.2
_BLOCK = 25  # sentences per pseudo-document: AQMAR and NewsFANE have no document marks
_SHINGLE = 24
_OVERLAP = 0.2
_NOT_LETTER = re.compile(r"[\W_]+")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})

CORPUS_FILES = {
    "anercorp": ("anercorp_train_approx.txt",),
    "aqmar": ("aqmar.txt",),
    "newsfane": ("newsfane_gold.txt",),
    "wojood": ("wojood_sample_train.txt", "wojood_sample_val.txt", "wojood_sample_test.txt"),
}


@dataclass(slots=True)
class Split:
    train: list[NerSentence]
    heldout: list[NerSentence]
    dropped: int = 0  # training sentences removed for sharing text with a held-out one


def _block_heldout(
    sentences: list[NerSentence], seed: int
) -> tuple[list[NerSentence], list[NerSentence]]:
    blocks = [sentences[i : i + _BLOCK] for i in range(0, len(sentences), _BLOCK)]
    order = list(range(len(blocks)))
    random.Random(seed).shuffle(order)
    chosen = set(order[: max(1, round(len(blocks) * HELDOUT_FRACTION))])
    train = [s for i, b in enumerate(blocks) if i not in chosen for s in b]
    held = [s for i, b in enumerate(blocks) if i in chosen for s in b]
    return train, held


def _shingles(sentence: NerSentence) -> set[int]:
    # white space and tokenisation differ between ANERcorp and NewsFANE, so compare letters only
    text = _NOT_LETTER.sub("", sentence.text.translate(_ALEFS))
    return {hash(text[i : i + _SHINGLE]) for i in range(max(1, len(text) - _SHINGLE + 1))}


def _overlaps(shingles: set[int], other: set[int]) -> bool:
    return len(shingles & other) > _OVERLAP * len(shingles)


def _newsfane_split(sentences: list[NerSentence], anercorp: Split) -> Split:
    """NewsFANE follows ANERcorp where it re-annotates ANERcorp text, else a block split.

    Its sentences on the held-out ANERcorp slice are held out, those on the
    ANERcorp training part train, and its own texts are split by blocks; so
    little text is lost to the overlap rule.
    """
    held_text: set[int] = set()
    for sentence in anercorp.heldout:
        held_text |= _shingles(sentence)
    train_text: set[int] = set()
    for sentence in anercorp.train:
        train_text |= _shingles(sentence)
    train: list[NerSentence] = []
    held: list[NerSentence] = []
    own: list[NerSentence] = []
    for sentence in sentences:
        shingles = _shingles(sentence)
        if _overlaps(shingles, held_text):
            held.append(sentence)
        elif _overlaps(shingles, train_text):
            train.append(sentence)
        else:
            own.append(sentence)
    own_train, own_held = _block_heldout(own, SPLIT_SEED)
    return Split(train + own_train, held + own_held)


def load_splits(data_dir: Path) -> dict[str, Split]:
    """Train / held-out split of every corpus present under ``data_dir/ner``.

    ANERcorp: the last 20% by position is held out. AQMAR and NewsFANE: a seeded
    20% of 25-sentence blocks. Wojood: its train file trains, val and test are
    held out. Then every training sentence that shares text with any held-out
    sentence is dropped (NewsFANE re-annotates ANERcorp text).
    """
    ner = data_dir / "ner"
    readers = {
        "anercorp": read_anercorp,
        "aqmar": read_aqmar,
        "newsfane": read_newsfane,
        "wojood": read_wojood,
    }
    splits: dict[str, Split] = {}
    for corpus, files in CORPUS_FILES.items():
        if not (ner / files[0]).is_file():
            continue
        if corpus == "wojood":
            held = [
                s for name in files[1:] if (ner / name).is_file() for s in read_wojood(ner / name)
            ]
            splits[corpus] = Split(read_wojood(ner / files[0]), held)
            continue
        sentences = readers[corpus](ner / files[0])
        if corpus == "anercorp":
            cut = int(len(sentences) * (1 - HELDOUT_FRACTION))
            splits[corpus] = Split(sentences[:cut], sentences[cut:])
        elif corpus == "newsfane" and "anercorp" in splits:
            splits[corpus] = _newsfane_split(sentences, splits["anercorp"])
        else:
            train, held = _block_heldout(sentences, SPLIT_SEED)
            splits[corpus] = Split(train, held)
    held_shingles: set[int] = set()
    for split in splits.values():
        for sentence in split.heldout:
            held_shingles |= _shingles(sentence)
    for split in splits.values():
        kept: list[NerSentence] = []
        for sentence in split.train:
            if not _overlaps(_shingles(sentence), held_shingles):
                kept.append(sentence)
        split.dropped = len(split.train) - len(kept)
        split.train = kept
    return splits


def to_model_view(sentence: NerSentence) -> NerSentence:
    """The sentence with the tagger's coarse types (PERSON, ORG, LOC, MISC)."""
    tags = map_tags(sentence.tags, load_tagmap("khabar-ner"))
    return NerSentence(sentence.words, tags, sentence.corpus, sentence.index)


_CONJ = "وف"


def split_clitics(sentence: NerSentence) -> NerSentence:
    """Split proclitics off as separate words, as the pipeline's segmenter does.

    و/ف and a preposition before the article (بال, لل, كال) become their own
    words tagged O; an entity keeps its span over the rest. Used to train and
    score the tagger on pipeline-like input.
    """
    words: list[str] = []
    tags: list[str] = []
    for word, tag in zip(sentence.words, sentence.tags, strict=True):
        prefix, kind = _split_tag(tag)
        pieces: list[str] = []
        rest = word
        if len(rest) > 3 and rest[0] in _CONJ:
            pieces.append(rest[0])
            rest = rest[1:]
        if len(rest) > 4 and rest.startswith("لل"):
            pieces.append("ل")
            rest = "ا" + rest[1:]
        elif len(rest) > 4 and rest[0] in "بكل" and rest[1] == "ا" and rest[2] == "ل":
            pieces.append(rest[0])
            rest = rest[1:]
        words.extend([*pieces, rest])
        tags.extend(["O"] * len(pieces))
        # a word that continued a span now follows an O clitic, so it must restart it
        if pieces and prefix == "I":
            tags.append(f"B-{kind}")
        else:
            tags.append(tag)
    return NerSentence(words, repair_bio(tags), sentence.corpus, sentence.index)


def span_scores(
    gold: Iterable[list[str]], predicted: Iterable[list[str]], types: Sequence[str]
) -> dict[str, dict[str, float]]:
    """CoNLL exact-span precision, recall and F1 per type and micro over ``types``."""
    counts = {kind: [0, 0, 0] for kind in types}  # true positives, predicted, gold
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = {s for s in bio_spans(gold_tags) if s[2] in counts}
        predicted_spans = {s for s in bio_spans(predicted_tags) if s[2] in counts}
        for span in gold_spans:
            counts[span[2]][2] += 1
        for span in predicted_spans:
            counts[span[2]][1] += 1
            if span in gold_spans:
                counts[span[2]][0] += 1
    counts["micro"] = [sum(c[i] for c in counts.values()) for i in range(3)]
    result: dict[str, dict[str, float]] = {}
    for kind, (tp, n_pred, n_gold) in counts.items():
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[kind] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": n_gold}
    return result
