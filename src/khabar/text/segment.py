"""Sentences with their tokens and words: the ``segment`` stage's core."""

from __future__ import annotations

from khabar.document import Sentence
from khabar.text.sentences import split_sentences
from khabar.text.words import tokenize


def segment(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences whose tokens and words carry offsets into ``text``."""
    return [
        Sentence(start, end, tokenize(text, start, end, lang))
        for start, end in split_sentences(text, lang)
    ]
