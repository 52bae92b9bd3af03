"""What the claim rules look at: tokens with match keys, and the quotation pairs of a text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from khabar.document import Sentence, Token
from khabar.text.normalize import normalize

OPENING = {"«": "»", "“": "”", "‘": "’", "„": "“"}
STRAIGHT = '"'
QUOTE_CHARS = frozenset('«»“”‘’„"')
_CONJUNCTIONS = frozenset({"و", "ف"})
_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
# A letter or digit: \w is str.isalnum() plus the underscore, so this is "any isalnum()".
_ALNUM = re.compile(r"[^\W_]")
_QUOTE_OR_PARAGRAPH = re.compile('\n\\s*\n|[«»“”‘’„"]')
_CACHE_SIZE = 65536
# First tokens of each table's entries, so most tokens are rejected with one set lookup.
_FIRSTS: dict[int, frozenset[str]] = {}


@dataclass(slots=True)
class Tok:
    """A surface token as the rules see it.

    ``keys`` are the forms it is looked up under: its normalised form and, for an
    Arabic token, the form without a leading conjunction (وقال -> قال). ``stem``
    is where a phrase starting with this token begins: after proclitic
    conjunctions and prepositions, but with the article kept (ولـروسيا -> روسيا).
    """

    start: int
    end: int
    text: str
    norm: str
    keys: tuple[str, ...]
    stem: int
    punct: bool


def _arabic_keys(token: Token, norm: str, lang: str) -> tuple[tuple[str, ...], int]:
    """Match keys of an Arabic token and where its phrase starts, relative to the token."""
    stem = 0
    keys = [norm]
    words = token.words
    first = 0
    while first < len(words) - 1 and words[first].clitic and words[first].norm in _PROCLITICS:
        if words[first].norm in _CONJUNCTIONS and first == 0:
            keys.append(normalize(token.text[words[1].start - token.start :], lang))
        first += 1
    if words:
        stem = words[first].start - token.start
    if len(keys) == 1 and len(norm) >= 4 and norm[0] in _CONJUNCTIONS:
        # The tokenizer keeps some و unsplit (وتتهم); the lexicon decides.
        keys.append(norm[1:])
    last = keys[-1]
    if last.startswith("ال") and len(last) > 4:
        # Source heads are listed without the article (التقارير -> تقارير).
        keys.append(last[2:])
    return tuple(dict.fromkeys(keys)), stem


def sentence_toks(sentence: Sentence, lang: str) -> list[Tok]:
    # One dict lookup per token: what a token's text gives is computed once per text.
    cache = _INFO.get(lang)
    if cache is None or len(cache) >= _CACHE_SIZE:
        cache = _INFO[lang] = {}
    get = cache.get
    toks: list[Tok] = []
    append = toks.append
    for token in sentence.tokens:
        text = token.text
        info = get(text)
        if info is None:
            info = cache[text] = _token_info(text, lang, token)
        norm, keys, stem, punct = info
        start = token.start
        append(Tok(start, token.end, text, norm, keys, start + stem, punct))
    return toks


# Per language, per token text: (norm, keys, stem offset, punctuation?).
_INFO: dict[str, dict[str, tuple[str, tuple[str, ...], int, bool]]] = {}


def _token_info(text: str, lang: str, token: Token) -> tuple[str, tuple[str, ...], int, bool]:
    """(norm, keys, stem offset, punctuation?) of a token; its words depend only on its text."""
    norm = normalize(text, lang)
    punct = _ALNUM.search(text) is None
    if lang == "ar" and not punct:
        keys, stem = _arabic_keys(token, norm, lang)
    else:
        keys, stem = (norm,), 0
    return norm, keys, stem, punct


def first_keys(table: Mapping[tuple[str, ...], object]) -> frozenset[str]:
    """The first keys of ``table``'s entries: most tokens start none, one set test tells."""
    firsts = _FIRSTS.get(id(table))
    if firsts is None:
        firsts = _FIRSTS[id(table)] = frozenset(k[0] for k in table)
    return firsts


def match_at(toks: list[Tok], i: int, table: Mapping[tuple[str, ...], object], longest: int) -> int:
    """Length in tokens of the longest entry of ``table`` starting at ``toks[i]`` (0: none)."""
    return entry_at(toks, i, table, longest)[1]


_MISSING = object()


def entry_at(
    toks: list[Tok], i: int, table: Mapping[tuple[str, ...], object], longest: int
) -> tuple[object | None, int]:
    """The longest entry of ``table`` starting at ``toks[i]`` and its length (``None, 0``: none)."""
    keys = toks[i].keys
    if first_keys(table).isdisjoint(keys):
        return None, 0
    for size in range(min(longest, len(toks) - i), 0, -1):
        rest = tuple([t.norm for t in toks[i + 1 : i + size]])
        for key in keys:
            entry = table.get((key, *rest), _MISSING)
            if entry is not _MISSING:
                return entry, size
    return None, 0


def is_in(tok: Tok, table: dict[tuple[str, ...], str]) -> bool:
    return any((key,) in table for key in tok.keys)


def quote_pairs(text: str) -> dict[int, int]:
    """Opening and closing quotation marks paired both ways: position -> partner's position.

    Curly and angle quotes pair by nesting; straight double quotes pair in order
    within one paragraph (an unpaired one is left alone).
    """
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for match in _QUOTE_OR_PARAGRAPH.finditer(text):
        pos, ch = match.start(), match.group()
        if ch[0] == "\n":
            straight = None
            stack.clear()
        elif ch == STRAIGHT:
            if straight is None:
                straight = pos
            else:
                pairs[straight], pairs[pos] = pos, straight
                straight = None
        elif ch in OPENING and not (ch == "“" and stack and stack[-1][0] == "„"):
            if ch == "‘" and pos > 0 and text[pos - 1].isalnum():
                continue
            stack.append((ch, pos))
        elif ch == "’" and 0 < pos < len(text) - 1 and text[pos + 1].isalnum():
            continue  # an apostrophe: Clinton’s
        elif stack and ch == OPENING[stack[-1][0]]:
            _, opened = stack.pop()
            pairs[opened], pairs[pos] = pos, opened
    return pairs
