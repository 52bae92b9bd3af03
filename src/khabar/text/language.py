"""Language identification: ``ar``, ``en`` or another ISO 639-1 code."""

from __future__ import annotations

from functools import cache
from typing import Any

from khabar.config import Config
from khabar.document import Document

# Enough text to decide reliably; identification cost stays flat for long articles.
_SAMPLE_CHARS = 2000

_ALIASES = {"ara": "ar", "arabic": "ar", "arb": "ar", "eng": "en", "english": "en"}


def normalise_language_code(code: str) -> str:
    """Map common spellings of a language name or code to ISO 639-1 (``Arabic`` -> ``ar``)."""
    cleaned = code.strip().lower().replace("_", "-").split("-")[0]
    return _ALIASES.get(cleaned, cleaned)


@cache
def _identifier() -> Any:
    import py3langid

    return py3langid


def identify_language(text: str) -> str:
    """The most likely language of ``text``; ``und`` when there is nothing to go on."""
    sample = text[:_SAMPLE_CHARS]
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
