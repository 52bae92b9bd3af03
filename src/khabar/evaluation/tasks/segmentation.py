"""Arabic word segmentation and sentence splitting scored against UD treebanks.

Word boundaries: positions inside a surface token where khabar (or the gold
standard) puts a boundary between two syntactic words, counted only between two
letters or digits, so token edges and punctuation, which every tokenizer gets
right, do not pad the score. UD keeps the article ال on its noun, so khabar's
boundary after the article is dropped before comparing; its boundary before the
article is kept (``ب|الرئيس``, ``ل|لرئيس``). Boundaries are also scored apart:
before an enclitic pronoun (``enc``) and elsewhere (``pro``).

PADT v1.3 has no raw text: its forms are vocalised syntactic words. Surface
tokens are rebuilt with :func:`attach_arabic_clitics` (undiacritised, ة -> ت
before a pronoun, the article's alef dropped after ل), then joined with single
spaces. PUD has ``# text`` and ``SpaceAfter``, so its words are found in the
real text.

Sentence boundaries: each document's sentences (PADT: by source file; PUD: by
``newdoc``) are joined with one space and split again; a boundary is the end of
a sentence that is not the document's last. Joining with a space and not a line
break makes headlines without a full stop impossible to recover; they count as
misses. With a ``limit``, the sampled sentences of a document are joined as if
they were adjacent.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.loaders.ud import UDSentence, attach_arabic_clitics, read_conllu
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.report import ERROR_SAMPLE, EvalReport, evenly
from khabar.text.sentences import split_sentences
from khabar.text.words import tokenize

__all__ = [
    "TREEBANKS",
    "BoundaryCounts",
    "TreebankScores",
    "score_sentences",
    "score_treebank",
    "score_words",
    "segmentation_report",
    "ud_segmentation",
]

_NO_SPACE_BEFORE = frozenset(".,،؛:!?؟)»]}%")
_NO_SPACE_AFTER = frozenset("(«[{")
_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"})
_CONTEXT = 60  # characters each side of a sentence boundary shown in an error

# metric prefix -> (path under the data folder, kind of treebank)
TREEBANKS: dict[str, tuple[tuple[str, ...], str]] = {
    "padt_dev": (("ud", "padt_v1.3", "ar-ud-dev.conllu"), "padt"),
    "padt_test": (("ud", "padt_v1.3", "ar-ud-test.conllu"), "padt"),
    "pud": (("ud", "pud", "ar_pud-ud-test.conllu"), "pud"),
}

# A sentence whose word boundaries differ: its text, gold and predicted boundaries.
_WordMiss = tuple[str, dict[int, str], dict[int, str]]
# A document whose sentence boundaries differ: its text, gold and predicted ends.
_SentenceMiss = tuple[str, set[int], set[int]]


@dataclass(slots=True)
class BoundaryCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[int], predicted: set[int]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        p, r, f = self.prf()
        return {"precision": p, "recall": r, "f1": f, "gold": self.tp + self.fn}


@dataclass(slots=True)
class TreebankScores:
    sentences: int
    words: dict[str, BoundaryCounts]  # "all", "pro", "enc"
    boundaries: BoundaryCounts
    not_aligned: int = 0
    word_misses: list[_WordMiss] = field(default_factory=list)
    sentence_misses: list[_SentenceMiss] = field(default_factory=list)

    def metrics(self, prefix: str) -> dict[str, float]:
        p, r, f = self.words["all"].prf()
        sp, sr, sf = self.boundaries.prf()
        return {
            f"{prefix}.word_precision": p,
            f"{prefix}.word_recall": r,
            f"{prefix}.word_f1": f,
            f"{prefix}.word_pro_f1": self.words["pro"].prf()[2],
            f"{prefix}.word_enc_f1": self.words["enc"].prf()[2],
            f"{prefix}.sentence_precision": sp,
            f"{prefix}.sentence_recall": sr,
            f"{prefix}.sentence_f1": sf,
        }

    def to_dict(self) -> dict[str, object]:
        return {
            "sentences": self.sentences,
            "not_aligned": self.not_aligned,
            "words": {cat: c.to_dict() for cat, c in self.words.items()},
            "sentence_boundaries": self.boundaries.to_dict(),
        }


def _inner(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


def _predicted(text: str) -> dict[int, str]:
    """khabar's word boundaries inside tokens: position -> ``enc`` or ``pro``."""
    out: dict[int, str] = {}
    for token in tokenize(text, 0, len(text), "ar"):
        for left, right in itertools.pairwise(token.words):
            if left.clitic and left.norm == "ال" and not right.clitic:
                continue  # UD keeps the article on its noun
            if _inner(text, right.start):
                enc = (right.clitic and not left.clitic) or left.norm in ("ب", "ل", "ك")
                out[right.start] = "enc" if enc and right.norm in _ENCLITICS else "pro"
    return out


def _gold_padt(sentence: UDSentence) -> tuple[str, dict[int, str]]:
    parts: list[str] = []
    gold: dict[int, str] = {}
    pos = 0
    for group in attach_arabic_clitics(sentence):
        if parts:
            parts.append(" ")
            pos += 1
        for i, piece in enumerate(group):
            if i:
                gold[pos] = "enc" if piece in _ENCLITICS and i == len(group) - 1 else "pro"
            parts.append(piece)
            pos += len(piece)
    text = "".join(parts)
    return text, {p: k for p, k in gold.items() if _inner(text, p)}


def _gold_pud(sentence: UDSentence) -> tuple[str, dict[int, str]] | None:
    text = sentence.text
    if text is None:
        return None
    gold: dict[int, str] = {}
    pos = 0
    prev_attached = False
    for word in sentence.words:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(word.form, pos):
            return None
        if prev_attached and _inner(text, pos):
            enc = word.upos == "PRON" and word.form in _ENCLITICS
            gold[pos] = "enc" if enc else "pro"
        pos += len(word.form)
        prev_attached = not word.space_after
    return text, gold


def _detokenize(sentence: UDSentence) -> str:
    """PADT words as running text: no space before closing punctuation, quotes paired."""
    out: list[str] = []
    quote_open = False
    glue = True
    for group in attach_arabic_clitics(sentence):
        token = "".join(group)
        if token == '"':
            quote_open = not quote_open
            if quote_open:
                out.append("" if glue else " ")
                out.append(token)
                glue = True
                continue
            out.append(token)
            glue = False
            continue
        out.append("" if glue or token in _NO_SPACE_BEFORE else " ")
        out.append(token)
        glue = token in _NO_SPACE_AFTER
    return "".join(out).strip()


def _documents(sentences: Iterable[UDSentence], kind: str) -> Iterator[list[str]]:
    doc: list[str] = []
    current = None
    for sentence in sentences:
        text = _detokenize(sentence) if kind == "padt" else (sentence.text or "")
        if sentence.doc_id != current and doc:
            yield doc
            doc = []
        current = sentence.doc_id
        doc.append(text)
    if doc:
        yield doc


def score_words(
    sentences: Iterable[UDSentence], kind: str, misses: list[_WordMiss] | None = None
) -> tuple[dict[str, BoundaryCounts], int]:
    """Word-boundary counts (all, pro, enc) and the number of sentences not aligned.

    ``kind`` is ``"padt"`` (text rebuilt from words) or ``"pud"`` (``# text``).
    Sentences whose boundaries differ are appended to ``misses`` when given.
    """
    counts = {"all": BoundaryCounts(), "pro": BoundaryCounts(), "enc": BoundaryCounts()}
    skipped = 0
    for sentence in sentences:
        found = _gold_padt(sentence) if kind == "padt" else _gold_pud(sentence)
        if found is None:
            skipped += 1
            continue
        text, gold = found
        predicted = _predicted(text)
        counts["all"].add(set(gold), set(predicted))
        for cat in ("pro", "enc"):
            counts[cat].add(
                {p for p, k in gold.items() if k == cat},
                {p for p, k in predicted.items() if k == cat},
            )
        if misses is not None and set(gold) != set(predicted):
            misses.append((text, gold, predicted))
    return counts, skipped


def score_sentences(
    sentences: Iterable[UDSentence],
    kind: str,
    semicolon: bool = False,
    misses: list[_SentenceMiss] | None = None,
) -> BoundaryCounts:
    """Sentence-boundary counts over the documents the sentences belong to."""
    counts = BoundaryCounts()
    for doc in _documents(sentences, kind):
        text = " ".join(doc)
        gold: set[int] = set()
        pos = 0
        for sent in doc[:-1]:
            pos += len(sent)
            gold.add(pos)
            pos += 1
        spans = split_sentences(text, "ar", semicolon=semicolon)
        predicted = {end for _, end in spans[:-1]}
        counts.add(gold, predicted)
        if misses is not None and gold != predicted:
            misses.append((text, gold, predicted))
    return counts


def score_treebank(
    sentences: list[UDSentence], kind: str, semicolon: bool = False
) -> TreebankScores:
    word_misses: list[_WordMiss] = []
    sentence_misses: list[_SentenceMiss] = []
    words, skipped = score_words(sentences, kind, word_misses)
    boundaries = score_sentences(sentences, kind, semicolon, sentence_misses)
    return TreebankScores(len(sentences), words, boundaries, skipped, word_misses, sentence_misses)


def _mark(text: str, boundaries: Iterable[int], tokens: list[tuple[int, int]]) -> str:
    """The given tokens of ``text`` with ``|`` at each boundary inside them."""
    cuts = sorted(boundaries)
    out: list[str] = []
    for start, end in tokens:
        inside = [c for c in cuts if start < c < end]
        pieces = [text[a:b] for a, b in itertools.pairwise([start, *inside, end])]
        out.append("|".join(pieces))
    return " ".join(out)


def _word_error(miss: _WordMiss) -> dict[str, str]:
    text, gold, predicted = miss
    differing = set(gold) ^ set(predicted)
    tokens: list[tuple[int, int]] = []
    start = 0
    for piece in text.split(" "):
        end = start + len(piece)
        if any(start < p < end for p in differing):
            tokens.append((start, end))
        start = end + 1
    return {
        "text": text[:300],
        "expected": _mark(text, gold, tokens),
        "got": _mark(text, predicted, tokens),
    }


def _sentence_error(miss: _SentenceMiss) -> dict[str, str]:
    text, gold, predicted = miss
    at = min(gold ^ predicted)
    left = text[max(0, at - _CONTEXT) : at]
    right = text[at : at + _CONTEXT]
    return {
        "text": f"…{left} ‖ {right}…",
        "expected": "sentence boundary at ‖" if at in gold else "no boundary at ‖",
        "got": "sentence boundary at ‖" if at in predicted else "no boundary at ‖",
    }


def _error_sample(scores: dict[str, TreebankScores]) -> list[dict[str, str]]:
    """An even spread of word and sentence errors, the same number from each treebank."""
    if not scores:
        return []
    share = max(1, ERROR_SAMPLE // (2 * len(scores)))
    errors: list[dict[str, str]] = []
    for result in scores.values():
        errors += [_word_error(m) for m in evenly(result.word_misses, share)]
        errors += [_sentence_error(m) for m in evenly(result.sentence_misses, share)]
    return errors[:ERROR_SAMPLE]


def segmentation_report(
    data_dir: Path | None, limit: int | None, semicolon: bool = False
) -> EvalReport:
    """Score every UD treebank present under ``data_dir/ud``; ``limit`` sentences each.

    Raises :class:`ResourceError` when none of the treebanks is there.
    """
    started = time.perf_counter()
    base = data_dir if data_dir is not None else default_data_dir()
    scores: dict[str, TreebankScores] = {}
    notes: list[str] = []
    for name, (parts, kind) in TREEBANKS.items():
        path = base.joinpath(*parts)
        if not path.is_file():
            notes.append(f"{name} skipped: {path} not found")
            continue
        scores[name] = score_treebank(evenly(read_conllu(path), limit), kind, semicolon)
    if not scores:
        raise ResourceError(
            f"no UD treebank found under {base / 'ud'}; set KHABAR_DATA to the directory "
            "holding the evaluation sets (e.g. ../shared/data) or pass --data"
        )
    metrics: dict[str, float] = {}
    for name, result in scores.items():
        metrics |= result.metrics(name)
        if result.not_aligned:
            notes.append(f"{name}: {result.not_aligned} sentences not aligned with their text")
    if semicolon:
        notes.append("sentences also split at ؛ (--semicolon)")
    return EvalReport(
        "ud_segmentation",
        metrics,
        sum(s.sentences for s in scores.values()),
        time.perf_counter() - started,
        details={name: result.to_dict() for name, result in scores.items()},
        errors=_error_sample(scores),
        notes=notes,
    )


def ud_segmentation(data_dir: Path | None, limit: int | None) -> EvalReport:
    """The ``khabar eval ud_segmentation`` set: PADT dev and test, and PUD."""
    return segmentation_report(data_dir, limit)
