"""Page furniture: whole lines that are site chrome, not article ("رابط المصدر", "Share").

Patterns live in ``data/clean/furniture.tsv`` and ``data/clean/social_words.tsv``; a line is
furniture only when a pattern covers all of it, so a sentence that merely mentions "share"
stays in the text.
"""

from __future__ import annotations

import re
from functools import cache

from khabar.clean.normalize import aligned
from khabar.clean.resources import in_language, table

# Whole-line furniture is short; a notice (cookie banner) runs to a few hundred characters.
_MAX_FURNITURE_CHARS = 300
_MAX_NOTICE_CHARS = 400
_MAX_SOCIAL_TOKENS = 12
_MAX_SOCIAL_CHARS = 160
_TOKENS = re.compile(r"[\s|/•·,،]+")


@cache
def _notices(key: str) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    return tuple(
        (tuple(aligned(t) for t in triggers.split("|")), re.compile(aligned(rx)))
        for lang, kind, triggers, rx in table("furniture.tsv", 4)
        if kind == "notice" and in_language(lang, key)
    )


@cache
def _furniture(key: str) -> re.Pattern[str]:
    parts = [
        f"(?:{aligned(rx)})"
        for lang, kind, _triggers, rx in table("furniture.tsv", 4)
        if kind == "line" and in_language(lang, key)
    ]
    # Matched against lower-cased lines: case-insensitive matching disables the regex
    # engine's fast scan for a literal start and costs several times more on Arabic text.
    return re.compile("|".join(parts) or r"(?!x)x")


@cache
def _social(key: str) -> frozenset[str]:
    return frozenset(
        aligned(word).lower()
        for lang, word in table("social_words.tsv", 2)
        if in_language(lang, key)
    )


def is_furniture(matching: str, key: str) -> bool:
    """Whether a line, given in its matching form (``normalize.for_matching``), is furniture.

    A line with nothing left once bullets, marks and invisible characters are set aside
    counts as furniture too.
    """
    if not matching:
        return True
    if len(matching) > _MAX_NOTICE_CHARS:
        return False
    matching = matching.lower()
    for triggers, notice in _notices(key):
        # A literal test first: searching the regex itself over every line is slow.
        if any(t in matching for t in triggers) and notice.search(matching):
            return True
    if len(matching) > _MAX_FURNITURE_CHARS:
        return False
    if _furniture(key).fullmatch(matching):
        return True
    if len(matching) > _MAX_SOCIAL_CHARS:
        return False
    tokens = [t for t in _TOKENS.split(matching) if t]
    if 0 < len(tokens) <= _MAX_SOCIAL_TOKENS:
        social = _social(key)
        return all(t in social for t in tokens)
    return False
