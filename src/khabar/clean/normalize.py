"""Matching forms of a line: one that keeps offsets (to cut pieces out) and one that does not.

Cleaning never changes the text it keeps; these forms exist only so that patterns can be
written once for "أ/إ/آ/ا", Arabic or Western digits, and odd spaces.
"""

from __future__ import annotations

import re

# One character for one character, so offsets found in the aligned form are offsets in the
# original line. Chained str.replace is several times faster than str.translate on Arabic
# text; the digit table is applied only when such digits occur.
_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"))
_ODD_SPACES = re.compile(r"[\u00a0\u2007\u2009\u200a\u202f\u3000]")
_EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)

# Diacritics, tatweel and invisible format characters (RLM, ZWJ, BOM ...) are dropped for
# whole-line matching: "اقرأ أيضاً" and "اقرأ ايضا" are the same furniture.
_DROP = re.compile(r"[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")
_ANY_DIGIT = re.compile(r"\d")
# Bullets, arrows, pipes, colons and dashes around a label ("» اقرأ أيضاً:", "Share |").
_EDGES = " |•·»«>›<‹‐-–—:：.…*#▶►◀←→↑↓⬆⬇▪■□●○◆◇★☆✓✔✕✖×/\\_=~+"


def aligned(text: str) -> str:
    """``text`` with alef variants, ى, digits and spaces unified; same length as ``text``."""
    for old, new in _LETTERS:
        text = text.replace(old, new)
    if _ODD_SPACES.search(text):
        text = _ODD_SPACES.sub(" ", text)
    if _EASTERN_DIGITS.search(text):
        text = text.translate(_DIGITS)
    return text


def has_digit(text: str) -> bool:
    """Whether ``text`` has any decimal digit (Western or Arabic-Indic)."""
    return _ANY_DIGIT.search(text) is not None


def for_matching(text: str) -> str:
    """``text`` reduced for whole-line pattern matching (offsets are not kept)."""
    return squeeze(dropped(aligned(text)))


def dropped(aligned_text: str) -> str:
    """``aligned_text`` without diacritics, tatweel and invisible marks.

    Line breaks are kept, so a whole body can be reduced at once and split into lines.
    """
    return _DROP.sub("", aligned_text)


def squeeze(reduced_line: str) -> str:
    """One line of ``dropped`` output with its spaces collapsed and edge marks trimmed."""
    return " ".join(reduced_line.split()).strip(_EDGES)


def lang_key(lang: str | None) -> str:
    """``ar`` or ``en`` for those languages (``ar-EG`` too); ``*`` (every pattern) otherwise."""
    if not lang:
        return "*"
    base = lang.split("-", 1)[0].split("_", 1)[0].lower()
    return base if base in ("ar", "en") else "*"
