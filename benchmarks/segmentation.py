"""Score khabar's Arabic word segmentation and sentence splitting against UD treebanks.

    .venv/bin/python benchmarks/segmentation.py [--data ../shared/data] [--semicolon]

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
misses.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from khabar.evaluation.loaders.ud import (
    UDSentence,
    attach_arabic_clitics,
    read_conllu,
)
from khabar.evaluation.paths import default_data_dir
from khabar.text.sentences import split_sentences
from khabar.text.words import tokenize

_NO_SPACE_BEFORE = set(".,،؛:!?؟)»]}%")
_NO_SPACE_AFTER = set("(«[{")
_ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"}

TREEBANKS = {
    "padt-dev": ("ud/padt_v1.3/ar-ud-dev.conllu", "padt"),
    "padt-test": ("ud/padt_v1.3/ar-ud-test.conllu", "padt"),
    "pud": ("ud/pud/ar_pud-ud-test.conllu", "pud"),
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[int], pred: set[int]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _inner(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


def _predicted(text: str) -> dict[int, str]:
    """khabar's word boundaries inside tokens: position -> ``enc`` or ``pro``."""
    out: dict[int, str] = {}
    for token in tokenize(text, 0, len(text), "ar"):
        words = token.words
        for left, right in itertools.pairwise(words):
            if left.clitic and left.norm == "ال" and not right.clitic:
                continue  # UD keeps the article on its noun
            if _inner(text, right.start):
                enc = (right.clitic and not left.clitic) or left.norm in ("ب", "ل", "ك")
                out[right.start] = "enc" if enc and right.norm in _ENCLITICS else "pro"
    return out


def _gold_padt(sentence: UDSentence) -> tuple[str, dict[int, str]]:
    groups = attach_arabic_clitics(sentence)
    parts: list[str] = []
    gold: dict[int, str] = {}
    pos = 0
    for group in groups:
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


def _documents(sentences: list[UDSentence], kind: str) -> Iterable[list[str]]:
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


def score_words(sentences: list[UDSentence], kind: str) -> tuple[dict[str, Counts], int]:
    counts = {"all": Counts(), "pro": Counts(), "enc": Counts()}
    skipped = 0
    for sentence in sentences:
        found = _gold_padt(sentence) if kind == "padt" else _gold_pud(sentence)
        if found is None:
            skipped += 1
            continue
        text, gold = found
        pred = _predicted(text)
        counts["all"].add(set(gold), set(pred))
        for cat in ("pro", "enc"):
            counts[cat].add(
                {p for p, k in gold.items() if k == cat}, {p for p, k in pred.items() if k == cat}
            )
    return counts, skipped


def score_sentences(sentences: list[UDSentence], kind: str, semicolon: bool) -> Counts:
    counts = Counts()
    for doc in _documents(sentences, kind):
        text = " ".join(doc)
        gold: set[int] = set()
        pos = 0
        for sent in doc[:-1]:
            pos += len(sent)
            gold.add(pos)
            pos += 1
        spans = split_sentences(text, "ar", semicolon=semicolon)
        counts.add(gold, {end for _, end in spans[:-1]})
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--semicolon", action="store_true", help="also split sentences at ؛")
    args = parser.parse_args(argv)
    if not (args.data / "ud").is_dir():
        print(f"skipped: UD treebanks not found under {args.data / 'ud'} (set --data)")
        return 0
    print(f"{'treebank':10} {'measure':18} {'P':>6} {'R':>6} {'F1':>6} {'n gold':>7}")
    for name, (rel, kind) in TREEBANKS.items():
        path = args.data / rel
        if not path.exists():
            print(f"{name:10} skipped: {path} not found")
            continue
        sentences = read_conllu(path)
        started = time.perf_counter()
        counts, skipped = score_words(sentences, kind)
        seconds = time.perf_counter() - started
        rows = [(f"words {cat}", c) for cat, c in counts.items()]
        rows.append(("sentences", score_sentences(sentences, kind, args.semicolon)))
        for label, c in rows:
            p, r, f = c.prf()
            print(f"{name:10} {label:18} {p:6.3f} {r:6.3f} {f:6.3f} {c.tp + c.fn:7d}")
        note = f"  ({len(sentences)} sentences, {skipped} not aligned, words in {seconds:.2f}s)"
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["main", "score_sentences", "score_words"]
