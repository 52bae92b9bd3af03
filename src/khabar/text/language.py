"""Language identification: ``ar``, ``en`` or another ISO 639-1 code."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from khabar.config import Config
from khabar.document import Document

# Enough text to decide reliably; identification cost stays flat for long articles.
_SAMPLE_CHARS = 2000

# The Arabic fast path. py3langid counts byte n-grams in pure Python (about 5 ms for
# 2000 Arabic characters), yet Arabic script alone nearly settles the question: the
# languages that share the script write letters that Arabic lacks (Persian and Urdu
# پ چ ژ گ ک ی ے ں ٹ, Kurdish ڵ ۆ ێ ە, Pashto ټ ډ ښ ...), all outside the basic Arabic
# letters U+0621-U+064A. So a sample whose letters are at least ``_ARABIC_SHARE`` basic
# Arabic letters, with no letter from the other Arabic-script blocks, is Arabic without
# asking the model; anything else (a Persian letter, or too much Latin) goes to it.
_ARABIC_SHARE = 0.9
_BASIC_ARABIC_RUN = re.compile("[\u0621-\u064a]+")
# Letters (word characters other than digits and _) outside the basic Arabic letters.
_OTHER_LETTER_RUN = re.compile("[^\\W\\d_\u0621-\u064a]+")
# Arabic-script letters and digits beyond the basic set: the extended Arabic block,
# Arabic Supplement, Extended-A/B and the presentation forms.
_OTHER_ARABIC_SCRIPT = re.compile(
    "[\u0671-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)

_ALIASES = {"ara": "ar", "arabic": "ar", "arb": "ar", "eng": "en", "english": "en"}


def normalise_language_code(code: str) -> str:
    """Map common spellings of a language name or code to ISO 639-1 (``Arabic`` -> ``ar``)."""
    cleaned = code.strip().lower().replace("_", "-").split("-")[0]
    return _ALIASES.get(cleaned, cleaned)


@cache
def _identifier() -> Any:
    import py3langid

    return py3langid


def is_clearly_arabic(sample: str) -> bool:
    """Whether ``sample`` is Arabic by script alone (see ``_ARABIC_SHARE`` above)."""
    arabic = sum(map(len, _BASIC_ARABIC_RUN.findall(sample)))
    if not arabic or _OTHER_ARABIC_SCRIPT.search(sample):
        return False
    other = sum(map(len, _OTHER_LETTER_RUN.findall(sample)))
    return arabic >= _ARABIC_SHARE * (arabic + other)


def identify_language(text: str) -> str:
    """The most likely language of ``text``; ``und`` when there is nothing to go on.

    Text that is overwhelmingly basic Arabic letters is ``ar`` at once
    (:func:`is_clearly_arabic`); py3langid decides the rest from the first 2000
    characters.
    """
    sample = text[:_SAMPLE_CHARS]
    if is_clearly_arabic(sample):
        return "ar"
    if not any(ch.isalpha() for ch in sample):
        return "und"
    code, _probability = _identifier().classify(sample)
    return str(code)


class LanguageStage:
    """Sets ``language``: a given hint or ``--lang`` wins; otherwise py3langid decides."""

    name = "language"
    requires = ("text",)
    sets = ("language",)

    def __init__(self, config: Config) -> None:
        self.forced = None if config.language == "auto" else config.language

    def __call__(self, doc: Document) -> Document:
        if self.forced:
            doc.language = self.forced
        elif doc.language:
            doc.language = normalise_language_code(doc.language)
        else:
            doc.language = identify_language(doc.text)
        return doc
