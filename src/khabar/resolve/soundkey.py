"""Consonant skeletons of Arabic place names, written in Arabic or in any Latin transliteration.

GeoNames spells most towns of the Arab world in one scholarly transliteration
("Tall ‘Afar", "Jisr ash Shughūr", "Al Ḩudaydah") and carries no Arabic name for
most of them, while news writes "Tal Afar", "Jisr al-Shughur", "Hodeidah",
تلعفر, جسر الشغور, الحديدة. :func:`sound_key` maps all of these to one key, so the
geocoder can find such a town when no exact name matches:

- the article (al-, el-, ash-, an- ... and Arabic ال) is dropped, as are vowels,
  the semivowels w and y (long vowels in Arabic script), hamza and ayn;
- letters that transliterations write alike fall together: ث/ت/ط and th/t -> t,
  ذ/د/ض and dh/d -> d, ح/خ/ه and h/kh -> h, س/ش/ص and s/sh -> s, ز/ظ -> z,
  ق/ك and q/k/c -> k, ج/غ and j/g/gh -> j, ب and b/p -> b, ف and f/ph/v -> f;
- a letter written twice in a row (a geminate: Raqqah) counts once, and a
  word-final h after a vowel (the ة of Raqqah, Hodeidah) is dropped;
- ة inside a name (a construct: معرة النعمان, Ma'arrat an-Nu'man) is a t;
- the words are joined, since Arabic joins some that Latin splits (تلعفر, Tall Afar).

The key is lossy on purpose; callers must only use it where an exact name fails,
and only over places where Arabic is spoken, and must confirm each hit with
:func:`sounds_alike`, which also compares the vowels: a Latin name must be close
to the other as a string; an Arabic one must have the same long vowels as the
GeoNames name marks (ā ī ū, and y, w), so that درهم does not become "Ad
Durayhimi".
"""

from __future__ import annotations

import difflib
import re
import unicodedata

__all__ = ["MIN_KEY", "sound_key", "sounds_alike"]

# Shorter keys (درعا -> "dr") match too many unrelated towns to be worth a guess.
MIN_KEY = 4

_LATIN_ARTICLES = frozenset(
    {"al", "el", "ul", "il", "as", "ash", "es", "ad", "adh", "ed", "ar", "er", "at", "ath", "et",
     "az", "ez", "an", "en", "ech"}
)  # fmt: skip
_LATIN_DIGRAPHS = (("sh", "s"), ("kh", "h"), ("gh", "j"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                   ("ch", "s"), ("dj", "j"), ("ck", "k"))  # fmt: skip
_LATIN_LETTERS = str.maketrans({"q": "k", "c": "k", "g": "j", "p": "b", "v": "f", "x": "ks"})
_LATIN_DROP = re.compile("[aeiouyw]")

_ARABIC_LETTERS = {
    "ب": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "غ": "j", "ح": "h", "خ": "h", "ه": "h",
    "د": "d", "ذ": "d", "ض": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ش": "s", "ص": "s",
    "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "پ": "b", "گ": "j", "ڤ": "f",
    "چ": "s",
}  # fmt: skip
_ARABIC_LONG = {"ا": "A", "آ": "A", "ى": "A", "و": "U", "ي": "I"}
# Latin long vowels and semivowels as written in GeoNames' transliteration.
_LATIN_LONG = str.maketrans({"ā": "A", "â": "A", "ū": "U", "û": "U", "w": "U", "ī": "I", "î": "I",
                             "y": "I"})  # fmt: skip
# Latin names this close (difflib ratio) or closer, without their articles, sound alike.
MIN_RATIO = 0.6
_ARABIC_WORD = re.compile("[\u0621-\u064a\u067e\u0686\u06a4\u06af]+")
_LATIN_WORD = re.compile("[a-z]+")
# In long keys: A I U mark long vowels (kept); a e i o u are short ones (dropped).
_LONG_WORD = re.compile("[a-zAIU]+")
_SHORT_VOWEL = re.compile("[aeiou]")


def sound_key(name: str) -> str:
    """The consonant skeleton of ``name`` (Arabic or Latin script); "" for other scripts."""
    if _ARABIC_WORD.search(name):
        return _arabic_key(name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _latin_key(plain)


def sounds_alike(query: str, name: str) -> bool:
    """Whether ``query`` (Arabic or Latin) and the Latin gazetteer name ``name``, which share
    a :func:`sound_key`, also agree on their vowels."""
    if _ARABIC_WORD.search(query):
        return _arabic_long_key(query) == _latin_long_key(name)
    return difflib.SequenceMatcher(None, _plain(query), _plain(name)).ratio() >= MIN_RATIO


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = _LATIN_WORD.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    return "".join(w for w in words if w not in _LATIN_ARTICLES)


def _arabic_long_key(text: str) -> str:
    """Consonant classes and long vowels of an Arabic name (its articles dropped)."""
    out: list[str] = []
    for word in _ARABIC_WORD.findall(text):
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        word = word.removesuffix("ة").removesuffix("ه")
        out.extend(_ARABIC_LETTERS.get(ch) or _ARABIC_LONG.get(ch, "") for ch in _collapse(word))
    return "".join(out)


def _latin_long_key(name: str) -> str:
    """Consonant classes and long vowels (ā ī ū, y, w) of a Latin name."""
    text = unicodedata.normalize("NFC", name.casefold()).translate(_LATIN_LONG)
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return _latin_skeleton(plain, _LONG_WORD, "aeiouAIU", _SHORT_VOWEL)


def _latin_key(text: str) -> str:
    return _latin_skeleton(text, _LATIN_WORD, "aeiouy", _LATIN_DROP)


def _latin_skeleton(text: str, word: re.Pattern[str], vowels: str, drop: re.Pattern[str]) -> str:
    """The words of ``text`` without articles, a final h after one of ``vowels``, geminates
    and what ``drop`` matches, their consonants folded into classes, joined."""
    words = [w for w in word.findall(text.replace("'", "")) if w not in _LATIN_ARTICLES]
    out: list[str] = []
    for w in words:
        if len(w) > 2 and w.endswith("h") and w[-2] in vowels:
            w = w[:-1]
        w = _collapse(w)
        for digraph, letter in _LATIN_DIGRAPHS:
            w = w.replace(digraph, letter)
        out.append(drop.sub("", w.translate(_LATIN_LETTERS)))
    return "".join(out)


def _arabic_key(text: str) -> str:
    words = _ARABIC_WORD.findall(text)
    out: list[str] = []
    for i, word in enumerate(words):
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if word.endswith(("ة", "ه")):  # normalised text writes ة as ه
            word = word[:-1] + ("ت" if i < len(words) - 1 else "")
        out.append("".join(_ARABIC_LETTERS.get(ch, "") for ch in _collapse(word)))
    return "".join(out)


def _collapse(word: str) -> str:
    """A letter written twice in a row, once."""
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])
