"""Function words that rule a phrase out as a name or a place.

The words are in ``data/clean/function_words.tsv``.
"""

from __future__ import annotations

from functools import cache

from khabar.clean.normalize import aligned
from khabar.clean.resources import table


@cache
def _words() -> frozenset[str]:
    return frozenset(
        aligned(word).casefold()
        for _lang, words in table("function_words.tsv", 2)
        for word in words.split("|")
    )


def has_function_word(phrase: str) -> bool:
    """Whether any word of ``phrase`` (aligned or original form) is a function word."""
    words = _words()
    return any(token.casefold() in words for token in aligned(phrase).split())
