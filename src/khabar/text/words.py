"""Surface tokens and syntactic words, with Arabic clitic splitting.

A surface token is a run of letters and digits (a number keeps its decimal and
thousands separators: ``3.5``, ``٣٫٥``, ``1,000``) or one punctuation or symbol
character. Each token holds one or more :class:`~khabar.document.Word`.

Arabic clitics are split off conservatively, with exact offsets:

* proclitics: conjunctions و ف, prepositions ب ل ك, future س (before an
  imperfect verb only) and the article ال;
* enclitic pronouns (ه ها هم هما هن كم, and every pronoun after a particle such
  as في من إن: فيه، منها، أنهم).

Offset convention for the lam-alif case: ``للرئيس`` gives three words, ``ل``
(0-1, the preposition), ``ل`` (1-2, the article, ``norm`` ``"ال"``) and ``رئيس``
(2-6). Every word covers the characters it is written with, so
``text[w.start:w.end] == w.text`` always holds; diacritics stay with the letter
they sit on. Clitics (proclitics, the article, enclitic pronouns) have
``clitic=True``.

Why rules: a word's first letter is a clitic only when what follows is a word
by itself. We accept a split when the rest starts with the article, with a hamza
(وأضاف، بأن), is a closed-class word (وفي، لذلك), or, for و ب ل, is at least
three letters long and the word is not listed as starting with a root letter
(وزير، بيروت، لبنان, in ``data/text/ar_no_proclitic.txt``); ف and ك need one of
the stronger signals. Opening و ب ل this way and keeping ف closed gave the best
boundary F1 on UD PADT's dev part (``benchmarks/segmentation.py``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from khabar.document import Token, Word
from khabar.errors import ResourceError
from khabar.text.normalize import MARKS, normalize, normalize_ar

_MARK_CLASS = "".join(sorted(MARKS)) + "\u200c\u200d"
# A number with internal separators, else a run of letters, digits and marks (an
# apostrophe inside a Latin word is kept: don't, O'Brien), else one other character.
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    rf"|\d+(?:[.,\u066b\u066c]\d+)+"
    rf"|[\w{_MARK_CLASS}]+(?:['’][A-Za-z]+)*"
    r"|\S"
)
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_POSSESSIVE = re.compile(r"['’][sS]$")

_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "ني", "نا", "ه", "ك", "ي")
# Only these are split after content words: ي، ك، نا also end countless words
# (nisba adjectives, ذلك، هنا).
_CONTENT_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "ه")
_IMPERFECT = frozenset("يتنأ")
_HAMZA_ALEFS = frozenset("أإآ")
_MIN_STEM = 3
# Proclitics split off any long enough word not listed in ar_no_proclitic.txt.
_OPEN_PROCLITICS: tuple[str, ...] = ("و", "ب", "ل")
_MIN_ARTICLE_STEM = 2
_CACHE_SIZE = 65536

_DATA = "khabar.data.text"


def _load_lines(name: str) -> list[str]:
    try:
        raw = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ResourceError(f"{name} is missing from {_DATA}; reinstall khabar") from exc
    lines = (line.strip() for line in raw.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@cache
def _exact_and_affix(name: str, wildcard_first: bool) -> tuple[frozenset[str], tuple[str, ...]]:
    exact: set[str] = set()
    affixes: set[str] = set()
    for line in _load_lines(name):
        if wildcard_first and line.startswith("*"):
            affixes.add(normalize_ar(line[1:]))
        elif not wildcard_first and line.endswith("*"):
            affixes.add(normalize_ar(line[:-1]))
        else:
            exact.add(normalize_ar(line))
    return frozenset(exact), tuple(sorted(affixes))


@cache
def _wordset(name: str) -> frozenset[str]:
    return frozenset(normalize_ar(line) for line in _load_lines(name))


@cache
def _raw_short_functions() -> frozenset[str]:
    return frozenset(w for w in _load_lines("ar_function_words.txt") if len(w) <= 2)


def _no_proclitic(norm: str) -> bool:
    exact, prefixes = _exact_and_affix("ar_no_proclitic.txt", False)
    return norm in exact or norm.startswith(prefixes)


def _no_enclitic(norm: str) -> bool:
    exact, suffixes = _exact_and_affix("ar_no_enclitic.txt", True)
    return norm in exact or norm.endswith(suffixes)


# A parse of an Arabic word: (start, end, kind) over its base letters, where kind is
# "pre" (proclitic), "art" (article), "stem" or "enc" (enclitic pronoun).
Piece = tuple[int, int, str]


def _proclitic_parses(n: str, raw: str) -> list[tuple[list[Piece], int, bool]]:
    """Candidate proclitic sequences: (pieces, stem start, has article)."""
    parses: list[tuple[list[Piece], int, bool]] = []
    for conj in ("", "و", "ف"):
        if not n.startswith(conj):
            continue
        i = len(conj)
        pre: list[Piece] = [(0, i, "pre")] if conj else []
        for prep in ("", "ب", "ل", "ك", "س"):
            if not n.startswith(prep, i):
                continue
            j = i + len(prep)
            pieces = [*pre, (i, j, "pre")] if prep else pre
            if pieces:
                parses.append((pieces, j, False))
            if prep == "ل" and raw.startswith("ل", j):
                # لل: the article's alef is not written after the preposition ل.
                parses.append(([*pieces, (j, j + 1, "art")], j + 1, True))
            elif raw.startswith("ال", j) and prep not in ("ل", "س"):
                parses.append(([*pieces, (j, j + 2, "art")], j + 2, True))
    return parses


def _valid(pieces: list[Piece], stem_start: int, article: bool, n: str, raw: str) -> bool:
    rest = n[stem_start:]
    if not rest:
        return False
    functions = _wordset("ar_function_words.txt")
    if article:
        return len(rest) >= _MIN_ARTICLE_STEM and "ال" + rest not in functions
    kinds = [n[a:b] for a, b, _ in pieces]
    if "س" in kinds:
        # Future س: only before an imperfect verb long enough to be one.
        return (
            kinds[-1] == "س"
            and raw[stem_start] in _IMPERFECT
            and len(rest) >= _MIN_STEM
            and not _no_proclitic(n[pieces[-1][0] :])
        )
    # Two-letter function words are matched with their hamza (أن, not ان of كان).
    raw_rest = raw[stem_start:]
    if (rest in functions and (len(rest) > 2 or raw_rest in _raw_short_functions())) or (
        rest in _PRONOUNS and kinds[-1] in ("ب", "ل", "ك")
    ):
        return True
    if len(rest) >= _MIN_STEM and raw[stem_start] in _HAMZA_ALEFS:
        return True
    if _no_proclitic(n) or _no_proclitic(n[pieces[-1][0] :]) or len(rest) < _MIN_STEM:
        return False
    if kinds[-1] == "ل":
        # The purpose/imperative ل before an imperfect verb: ليقوم، لتعزيز.
        return (rest[0] in "يتن" and len(rest) >= 4) or "ل" in _OPEN_PROCLITICS
    return kinds[-1] in _OPEN_PROCLITICS


def _enclitic(n: str, raw: str, stem_start: int) -> int:
    """Length of an enclitic pronoun at the end of ``n[stem_start:]`` (0 if none)."""
    stem = n[stem_start:]
    for pron in _PRONOUNS:
        host = stem[: -len(pron)]
        if stem.endswith(pron) and host in _wordset("ar_pronoun_hosts.txt"):
            return len(pron)
    if _no_enclitic(stem) or _no_enclitic(n):
        return 0
    for pron in _CONTENT_PRONOUNS:
        # ة is never a pronoun; the raw letters tell it apart from ه.
        if raw.endswith(pron) and len(stem) - len(pron) >= _MIN_STEM:
            return len(pron)
    return 0


def analyse_arabic(base: str) -> tuple[Piece, ...]:
    """Split an Arabic word without marks into clitic and stem pieces."""
    return _analyse_cached(base)


@lru_cache(maxsize=_CACHE_SIZE)
def _analyse_cached(raw: str) -> tuple[Piece, ...]:
    n = normalize_ar(raw)
    if len(n) != len(raw) or n in _wordset("ar_function_words.txt"):
        return ((0, len(raw), "stem"),)
    best: tuple[list[Piece], int, bool] = ([], 0, False)
    for parse in _proclitic_parses(n, raw):
        if parse[1] > best[1] and _valid(*parse, n, raw):
            best = parse
    pieces, stem_start, article = best
    if n[stem_start:] in _PRONOUNS and pieces:
        # A preposition with a pronoun and nothing else: لها، به.
        return (*pieces, (stem_start, len(n), "enc"))
    enc = 0 if article else _enclitic(n, raw, stem_start)
    stem_end = len(n) - enc
    out = [*pieces, (stem_start, stem_end, "stem")]
    if enc:
        out.append((stem_end, len(n), "enc"))
    return tuple(out)


# A word of a token as (start, end, norm, clitic), offsets relative to the token.
Part = tuple[int, int, str, bool]


def _arabic_parts(token: str) -> tuple[Part, ...]:
    if not any(ch in MARKS for ch in token):
        positions = list(range(len(token) + 1))
        base = token
    else:
        # Analyse the base letters; a mark stays with the letter before it.
        idx = [i for i, ch in enumerate(token) if ch not in MARKS]
        base = "".join(token[i] for i in idx)
        positions = [*idx, len(token)]
        if idx and idx[0] != 0:
            positions[0] = 0
    pieces = _analyse_cached(base)
    if len(pieces) == 1:
        return ((0, len(token), normalize(token, "ar"), False),)
    parts = []
    for start, end, kind in pieces:
        a, b = positions[start], positions[end]
        norm = "ال" if kind == "art" else normalize(token[a:b], "ar")
        parts.append((a, b, norm, kind != "stem"))
    return tuple(parts)


def _latin_parts(token: str, lang: str) -> tuple[Part, ...]:
    match = _POSSESSIVE.search(token)
    if match is None or match.start() == 0:
        return ((0, len(token), normalize(token, lang), False),)
    cut = match.start()
    return (
        (0, cut, normalize(token[:cut], lang), False),
        (cut, len(token), normalize(token[cut:], lang), True),
    )


@lru_cache(maxsize=_CACHE_SIZE)
def _token_parts(token: str, lang: str) -> tuple[Part, ...]:
    if lang == "ar" and _ARABIC_LETTERS.match(token):
        return _arabic_parts(token)
    return _latin_parts(token, lang)


def tokenize(text: str, start: int, end: int, lang: str) -> list[Token]:
    """Tokens of ``text[start:end]`` with their words; offsets index ``text``."""
    tokens = []
    for match in _TOKEN_RE.finditer(text, start, end):
        surface = match.group()
        a = match.start()
        b = match.end()
        parts = _token_parts(surface, lang)
        if len(parts) == 1:
            # Most tokens are one word: skip the slicing.
            words = [Word(a, b, surface, parts[0][2])]
        else:
            words = [Word(a + i, a + j, surface[i:j], norm, clitic) for i, j, norm, clitic in parts]
        tokens.append(Token(a, b, surface, words))
    return tokens
