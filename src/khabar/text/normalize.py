"""Matching forms of words: Arabic orthographic normalisation and Latin casefolding.

The functions here return new strings for ``Word.norm``; they never touch the
document text, so no offset ever depends on them.
"""

from __future__ import annotations

from pyarabic import araby

# Alef variants, alef maqsura and ta marbuta fold to one letter each so that the
# spelling variation common in news (أحمد / احمد, على / علي) does not block a match.
_LETTER_MAP: dict[int, str] = {
    ord(araby.ALEF_HAMZA_ABOVE): araby.ALEF,
    ord(araby.ALEF_HAMZA_BELOW): araby.ALEF,
    ord(araby.ALEF_MADDA): araby.ALEF,
    ord(araby.ALEF_WASLA): araby.ALEF,
    ord(araby.ALEF_MAKSURA): araby.YEH,
    ord(araby.TEH_MARBUTA): araby.HEH,
}
# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits and the Arabic decimal and
# thousands separators to ASCII.
_DIGIT_MAP: dict[int, str] = (
    {0x0660 + i: str(i) for i in range(10)}
    | {0x06F0 + i: str(i) for i in range(10)}
    | {0x066B: ".", 0x066C: ","}
)
# Harakat, tanwin, shadda, sukun (pyarabic's TASHKEEL), the superscript alef, the
# Quranic marks and tatweel carry no lexical identity in news text: drop them.
_DROPPED = (
    set(araby.TASHKEEL)
    | {araby.MINI_ALEF, araby.TATWEEL}
    | {chr(c) for c in range(0x0610, 0x061B)}
    | {chr(c) for c in range(0x064B, 0x0660)}
    | {chr(c) for c in range(0x06D6, 0x06EE)}
)

AR_TABLE: dict[int, str | None] = (
    _LETTER_MAP | _DIGIT_MAP | {ord(c): None for c in _DROPPED if c not in "\u06e5\u06e6"}
)
# Marks only (no letter folding): used where positions of base letters matter.
MARKS: frozenset[str] = frozenset(chr(k) for k, v in AR_TABLE.items() if v is None)

# AR_TABLE as a sequence indexed by code point, which str.translate reads twice as fast:
# a dict raises (and swallows) a KeyError for every character it does not map, while
# here each character up to the table's end maps to itself. Characters past the end
# (rare in news: CJK, emoji) fall back to that slower path and are kept unchanged.
_TABLE_END = 0x2100  # through General Punctuation (quotes, dashes) and letterlike symbols
_AR_SEQUENCE: list[int | str | None] = list(range(_TABLE_END))
for _code, _target in AR_TABLE.items():
    _AR_SEQUENCE[_code] = _target


def normalize_ar(s: str) -> str:
    """The Arabic matching form of ``s``: one alef, ي for ى, ه for ة, no marks, ASCII digits."""
    return s.translate(_AR_SEQUENCE)


def normalize(s: str, lang: str) -> str:
    """The matching form of ``s`` for language ``lang`` (``"ar"``, ``"en"``, ...).

    Arabic normalisation is applied in every language (Arabic names turn up in
    English text too and it leaves Latin letters alone); Latin text is casefolded.
    """
    if s.isascii():
        # AR_TABLE maps no ASCII character.
        return s.casefold()
    return s.translate(_AR_SEQUENCE).casefold()
