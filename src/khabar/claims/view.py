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
    toks = []
    for token in sentence.tokens:
        norm, keys, stem, punct = _token_info(token.text, lang, token)
        toks.append(Tok(token.start, token.end, token.text, norm, keys, token.start + stem, punct))
    return toks


_INFO: dict[tuple[str, str], tuple[str, tuple[str, ...], int, bool]] = {}


def _token_info(text: str, lang: str, token: Token) -> tuple[str, tuple[str, ...], int, bool]:
    """(norm, keys, stem offset, punctuation?) of a token; its words depend only on its text."""
    key = (text, lang)
    info = _INFO.get(key)
    if info is None:
        norm = normalize(text, lang)
        punct = not any(ch.isalnum() for ch in text)
        if lang == "ar" and not punct:
            keys, stem = _arabic_keys(token, norm, lang)
        else:
            keys, stem = (norm,), 0
        info = (norm, keys, stem, punct)
        if len(_INFO) >= _CACHE_SIZE:
            _INFO.clear()
        _INFO[key] = info
    return info


def match_at(toks: list[Tok], i: int, table: Mapping[tuple[str, ...], object], longest: int) -> int:
    """Length in tokens of the longest entry of ``table`` starting at ``toks[i]`` (0: none)."""
    firsts = _FIRSTS.get(id(table))
    if firsts is None:
        firsts = _FIRSTS[id(table)] = frozenset(k[0] for k in table)
    if firsts.isdisjoint(toks[i].keys):
        return 0
    for size in range(min(longest, len(toks) - i), 0, -1):
        rest = tuple(t.norm for t in toks[i + 1 : i + size])
        for key in toks[i].keys:
            if (key, *rest) in table:
                return size
    return 0


def entry_at(
    toks: list[Tok], i: int, table: Mapping[tuple[str, ...], object], longest: int
) -> tuple[object | None, int]:
    size = match_at(toks, i, table, longest)
    if not size:
        return None, 0
    rest = tuple(t.norm for t in toks[i + 1 : i + size])
    for key in toks[i].keys:
        if (key, *rest) in table:
            return table[(key, *rest)], size
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
