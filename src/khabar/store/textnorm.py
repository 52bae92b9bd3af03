"""Text folding shared by content hashing, full-text search and syndication.

Arabic is folded the way searchers and near-duplicate detection need: harakat
and tatweel removed, alef, yeh and teh marbuta variants unified, Arabic-Indic
digits turned into ASCII digits. The folding never touches stored text, only
the keys computed from it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Harakat, Quranic marks, superscript alef and tatweel carry no meaning for search.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
# One regex pass is several times faster than str.translate with a dict on long texts.
_FOLD = re.compile("[" + "".join(_FOLD_MAP) + "]")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case, NFKC and Arabic-folded text with single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _FOLD.sub(_replace, _ARABIC_MARKS.sub("", text))
    return " ".join(text.split())


def _replace(match: re.Match[str]) -> str:
    return _FOLD_MAP[match.group()]


def words(text: str, folded: bool = False) -> list[str]:
    """The folded words of ``text`` (already folded when ``folded``)."""
    return _WORD.findall(text if folded else fold(text))


def content_hash(body: str, title: str | None = None) -> str:
    """SHA-256 of the folded title and body: the identity that makes ingest idempotent.

    Folding makes re-encoded or re-wrapped copies of one text (NFC/NFD, spacing,
    tatweel) hash alike; anything that changes a word changes the hash.
    """
    key = fold(title or "") + "\n" + fold(body)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
