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

Speed: a token's words depend on its surface form alone, so each form is analysed
once and remembered (per language, up to ``_CACHE_SIZE`` forms, then the memory
starts afresh); the per-token loop only looks forms up and builds the objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from khabar.document import Token, Word
from khabar.errors import ResourceError
from khabar.text.normalize import MARKS, normalize, normalize_ar

_MARK_CLASS = "".join(sorted(MARKS)) + "\u200c\u200d"
# A number with internal separators, else a run of letters, digits and marks (an
# apostrophe inside a Latin word is kept: don't, O'Brien), else one other character.
_TOKEN = (
    r"(?:[A-Za-z]\.){2,}"
    rf"|\d+(?:[.,\u066b\u066c]\d+)+"
    rf"|[\w{_MARK_CLASS}]+(?:['’][A-Za-z]+)*"
    r"|\S"
)
_TOKEN_RE = re.compile(_TOKEN)
# The same tokens with the white space before each: every character that no token
# covers is white space (``\S`` takes any other), so offsets follow from the lengths
# alone and ``findall`` spares a match object per token. Without groups it also spares
# a tuple per token (fewer garbage-collector passes); no token starts with white space,
# so ``str.lstrip`` (the same white space as ``\s``) takes exactly what ``\s*`` took.
_SPACED_TOKEN_RE = re.compile(rf"\s*(?:{_TOKEN})")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_MARK_RE = re.compile(f"[{re.escape(''.join(sorted(MARKS)))}]")
_POSSESSIVE = re.compile(r"['’][sS]$")

_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "ني", "نا", "ه", "ك", "ي")
_PRONOUN_SET = frozenset(_PRONOUNS)
_PRONOUNS_BY_LENGTH = tuple(
    (size, frozenset(p for p in _PRONOUNS if len(p) == size)) for size in (3, 2, 1)
)
# Only these are split after content words: ي، ك، نا also end countless words
# (nisba adjectives, ذلك، هنا).
_CONTENT_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "ه")
# The letters pronouns end with: a word ending otherwise has none, without more tests.
_PRONOUN_LAST = frozenset(p[-1] for p in _PRONOUNS)
_CONTENT_PRONOUN_LAST = frozenset(p[-1] for p in _CONTENT_PRONOUNS)
_IMPERFECT = frozenset("يتنأ")
_HAMZA_ALEFS = frozenset("أإآ")
# Letters that can open a proclitic (و ف ب ل ك س) or the article (ا): any other first
# letter has no proclitic parse, which spares most words the search.
_PROCLITIC_FIRST = frozenset("وفبلكسا")
_CONJUNCTIONS = frozenset("وف")
_PREPOSITIONS = frozenset("بلكس")
_MIN_STEM = 3
# Proclitics split off any long enough word not listed in ar_no_proclitic.txt.
_OPEN_PROCLITICS: tuple[str, ...] = ("و", "ب", "ل")
_MIN_ARTICLE_STEM = 2
# Distinct surface tokens remembered per language; a news corpus keeps finding new ones,
# so the cache is emptied when full rather than grown without bound.
_CACHE_SIZE = 100_000

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


@dataclass(frozen=True, slots=True)
class _Lexicons:
    """The word lists of the clitic rules, in matching form, gathered once."""

    functions: frozenset[str]
    # Two-letter function words as written, with their hamza (أن, not ان of كان).
    raw_short_functions: frozenset[str]
    pronoun_hosts: frozenset[str]
    no_proclitic: frozenset[str]
    # Affixes grouped by length: a few set lookups instead of a scan of every affix.
    no_proclitic_prefixes: tuple[tuple[int, frozenset[str]], ...]
    no_enclitic: frozenset[str]
    no_enclitic_suffixes: tuple[tuple[int, frozenset[str]], ...]


@cache
def _lexicons() -> _Lexicons:
    no_pro, no_pro_prefixes = _exact_and_affix("ar_no_proclitic.txt", False)
    no_enc, no_enc_suffixes = _exact_and_affix("ar_no_enclitic.txt", True)
    return _Lexicons(
        functions=_wordset("ar_function_words.txt"),
        raw_short_functions=frozenset(
            w for w in _load_lines("ar_function_words.txt") if len(w) <= 2
        ),
        pronoun_hosts=_wordset("ar_pronoun_hosts.txt"),
        no_proclitic=no_pro,
        no_proclitic_prefixes=_by_length(no_pro_prefixes),
        no_enclitic=no_enc,
        no_enclitic_suffixes=_by_length(no_enc_suffixes),
    )


def _by_length(affixes: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    sizes = sorted({len(a) for a in affixes})
    return tuple((n, frozenset(a for a in affixes if len(a) == n)) for n in sizes)


def _no_proclitic(norm: str, lex: _Lexicons) -> bool:
    if norm in lex.no_proclitic:
        return True
    for size, prefixes in lex.no_proclitic_prefixes:
        if norm[:size] in prefixes:
            return True
    return False


def _no_enclitic(norm: str, lex: _Lexicons) -> bool:
    if norm in lex.no_enclitic:
        return True
    for size, suffixes in lex.no_enclitic_suffixes:
        if norm[-size:] in suffixes:
            return True
    return False


# A parse of an Arabic word: (start, end, kind) over its base letters, where kind is
# "pre" (proclitic), "art" (article), "stem" or "enc" (enclitic pronoun).
Piece = tuple[int, int, str]


def _proclitic_parses(n: str, raw: str) -> list[tuple[list[Piece], int, bool]]:
    """Candidate proclitic sequences: (pieces, stem start, has article).

    In order: no conjunction, then و or ف; under each, no preposition, then ب ل ك or
    the future س. Each proclitic is one letter, so at most one of each kind matches.
    """
    parses: list[tuple[list[Piece], int, bool]] = []
    for i in (0, 1) if n[:1] in _CONJUNCTIONS else (0,):
        pre: list[Piece] = [(0, i, "pre")] if i else []
        if pre:
            parses.append((pre, i, False))
        if raw.startswith("ال", i):
            parses.append(([*pre, (i, i + 2, "art")], i + 2, True))
        prep = n[i : i + 1]
        if prep not in _PREPOSITIONS:
            continue
        j = i + 1
        pieces = [*pre, (i, j, "pre")]
        parses.append((pieces, j, False))
        if prep == "ل" and raw.startswith("ل", j):
            # لل: the article's alef is not written after the preposition ل.
            parses.append(([*pieces, (j, j + 1, "art")], j + 1, True))
        elif raw.startswith("ال", j) and prep not in ("ل", "س"):
            parses.append(([*pieces, (j, j + 2, "art")], j + 2, True))
    return parses


def _valid(
    pieces: list[Piece], stem_start: int, article: bool, n: str, raw: str, lex: _Lexicons
) -> bool:
    rest = n[stem_start:]
    if not rest:
        return False
    if article:
        return len(rest) >= _MIN_ARTICLE_STEM and "ال" + rest not in lex.functions
    last_start, last_end, _kind = pieces[-1]
    last = n[last_start:last_end]
    if last == "س":
        # Future س: only before an imperfect verb long enough to be one. Without the
        # article, a preposition (or س) is always the last piece: this is where س is.
        return (
            raw[stem_start] in _IMPERFECT
            and len(rest) >= _MIN_STEM
            and not _no_proclitic(n[last_start:], lex)
        )
    # Two-letter function words are matched with their hamza (أن, not ان of كان).
    if (
        rest in lex.functions and (len(rest) > 2 or raw[stem_start:] in lex.raw_short_functions)
    ) or (rest in _PRONOUN_SET and last in ("ب", "ل", "ك") and not _no_proclitic(n, lex)):
        # A preposition with a pronoun (لي، به) unless the word is listed (ولي is one word).
        return True
    if len(rest) >= _MIN_STEM and raw[stem_start] in _HAMZA_ALEFS:
        return True
    if _no_proclitic(n, lex) or _no_proclitic(n[last_start:], lex) or len(rest) < _MIN_STEM:
        return False
    if last == "ل":
        # The purpose/imperative ل before an imperfect verb: ليقوم، لتعزيز.
        return (rest[0] in "يتن" and len(rest) >= 4) or "ل" in _OPEN_PROCLITICS
    return last in _OPEN_PROCLITICS


def _enclitic(n: str, raw: str, stem_start: int, lex: _Lexicons) -> int:
    """Length of an enclitic pronoun at the end of ``n[stem_start:]`` (0 if none)."""
    stem = n[stem_start:]
    if stem[-1:] in _PRONOUN_LAST:
        hosts = lex.pronoun_hosts
        # _PRONOUNS runs longest first and no two of one length end a word together, so
        # the first hit by length is the first hit in that order.
        for size, forms in _PRONOUNS_BY_LENGTH:
            if stem[-size:] in forms and stem[:-size] in hosts:
                return size
    if raw[-1:] not in _CONTENT_PRONOUN_LAST or _no_enclitic(stem, lex) or _no_enclitic(n, lex):
        return 0
    for pron in _CONTENT_PRONOUNS:
        # ة is never a pronoun; the raw letters tell it apart from ه.
        if raw.endswith(pron) and len(stem) - len(pron) >= _MIN_STEM:
            return len(pron)
    return 0


def analyse_arabic(base: str) -> tuple[Piece, ...]:
    """Split an Arabic word without marks into clitic and stem pieces."""
    return _analyse_cached(base)


@lru_cache(maxsize=65536)
def _analyse_cached(raw: str) -> tuple[Piece, ...]:
    return _analyse(normalize_ar(raw), raw)


def _analyse(n: str, raw: str) -> tuple[Piece, ...]:
    """The pieces of ``raw``, whose matching form ``n`` the caller has computed."""
    lex = _lexicons()
    if len(n) != len(raw) or n in lex.functions:
        return ((0, len(raw), "stem"),)
    pieces: list[Piece] = []
    stem_start = 0
    article = False
    if n[:1] in _PROCLITIC_FIRST:
        for parse in _proclitic_parses(n, raw):
            if parse[1] > stem_start and _valid(*parse, n, raw, lex):
                pieces, stem_start, article = parse
    if pieces and n[stem_start:] in _PRONOUN_SET:
        # A preposition with a pronoun and nothing else: لها، به.
        return (*pieces, (stem_start, len(n), "enc"))
    enc = 0 if article else _enclitic(n, raw, stem_start, lex)
    stem_end = len(n) - enc
    if enc:
        return (*pieces, (stem_start, stem_end, "stem"), (stem_end, len(n), "enc"))
    return (*pieces, (stem_start, stem_end, "stem"))


# A word of a token as (start, end, norm, clitic), offsets relative to the token.
Part = tuple[int, int, str, bool]


def _arabic_parts(token: str) -> tuple[Part, ...]:
    if _MARK_RE.search(token) is None:
        # Without marks the matching form is letter for letter, so one normalisation of
        # the token serves the analysis and every piece's norm.
        n = normalize_ar(token)
        pieces = _analyse(n, token)
        if len(pieces) == 1:
            return ((0, len(token), n.casefold(), False),)
        return tuple(
            (a, b, "ال" if kind == "art" else n[a:b].casefold(), kind != "stem")
            for a, b, kind in pieces
        )
    # Analyse the base letters; a mark stays with the letter before it.
    idx = [i for i, ch in enumerate(token) if ch not in MARKS]
    positions = [*idx, len(token)]
    if idx and idx[0] != 0:
        positions[0] = 0
    pieces = _analyse_cached("".join(token[i] for i in idx))
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


def _token_parts(token: str, lang: str) -> tuple[Part, ...]:
    if lang == "ar" and _ARABIC_LETTERS.match(token):
        return _arabic_parts(token)
    return _latin_parts(token, lang)


# Per language, per surface token: the norm of its one word (most tokens), or else
# its words as (start, end, text, norm, clitic) relative to the token.
Cached = tuple[tuple[int, int, str, str, bool], ...]
_SINGLE: dict[str, dict[str, str]] = {}
_MULTI: dict[str, dict[str, Cached]] = {}


def _caches(lang: str) -> tuple[dict[str, str], dict[str, Cached]]:
    single = _SINGLE.get(lang)
    multi = _MULTI.get(lang)
    if single is None or multi is None or len(single) + len(multi) >= _CACHE_SIZE:
        single = _SINGLE[lang] = {}
        multi = _MULTI[lang] = {}
    return single, multi


def tokenize(text: str, start: int, end: int, lang: str) -> list[Token]:
    """Tokens of ``text[start:end]`` with their words; offsets index ``text``."""
    # This loop runs for every token of every article: it keeps to local names, and a
    # token's analysis is looked up by its surface form, computed once per form.
    single, multi = _caches(lang)
    single_get = single.get
    multi_get = multi.get
    tokens: list[Token] = []
    append = tokens.append
    b = start
    for spaced in _SPACED_TOKEN_RE.findall(text, start, end):
        surface = spaced.lstrip()
        b += len(spaced)
        a = b - len(surface)
        norm = single_get(surface)
        if norm is not None:
            append(Token(a, b, surface, [Word(a, b, surface, norm)]))
            continue
        cached = multi_get(surface)
        if cached is None:
            parts = _token_parts(surface, lang)
            if len(parts) == 1:
                norm = single[surface] = parts[0][2]
                append(Token(a, b, surface, [Word(a, b, surface, norm)]))
                continue
            cached = multi[surface] = tuple(
                (i, j, surface[i:j], part_norm, clitic) for i, j, part_norm, clitic in parts
            )
        if len(cached) == 2:
            # Clitic and stem, the usual split, built without a comprehension's own frame.
            (i, j, piece, part_norm, clitic), (k, m, piece2, part_norm2, clitic2) = cached
            words = [
                Word(a + i, a + j, piece, part_norm, clitic),
                Word(a + k, a + m, piece2, part_norm2, clitic2),
            ]
        else:
            words = [
                Word(a + i, a + j, piece, part_norm, clitic)
                for i, j, piece, part_norm, clitic in cached
            ]
        append(Token(a, b, surface, words))
    return tokens
