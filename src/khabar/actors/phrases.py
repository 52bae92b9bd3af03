"""A phrase index over clitic-split tokens: longest match of known names in a sentence.

Names are indexed by the same tokenizer that analyses the text, so an entry and
the text agree on how each word splits. Each token has a *key*: the normalised
stem with the conjunctions and prepositions dropped and the article kept
(``وبالأمم`` -> ``الامم``, ``لروسيا`` -> ``روسيا``). The first token of a phrase
may also match without its article (``الكرملين`` / ``كرملين``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from khabar.document import Token
from khabar.text.words import tokenize

T = TypeVar("T")

_ARTICLE = "ال"
# Possessive endings of English names ("Russia's"): not part of the name.
_POSSESSIVE = ("'s", "’s", "'", "’")


class Keys(NamedTuple):
    """How a token can match: ``full`` (article kept), ``bare`` (article dropped) and
    ``raw`` (the whole token but a leading conjunction: for names whose first letter the
    tokenizer took for a preposition, كالي is not ك + الي)."""

    full: str
    bare: str
    raw: str


_EMPTY = Keys("", "", "")
# A letter or digit: \w is str.isalnum() plus the underscore, so this is "any isalnum()".
_ALNUM = re.compile(r"[^\W_]")
_CONJUNCTIONS = frozenset({"و", "ف"})


# Surface text -> (number of words, keys). A token's words are a function of its text
# and language; the word count tells the rare token split differently apart (an Arabic
# word in English text is not split), whose keys are then computed afresh.
_KEY_CACHE: dict[str, tuple[int, Keys]] = {}
_KEY_CACHE_SIZE = 200_000


def token_keys(token: Token) -> Keys:
    """The match keys of a token. Punctuation and symbols get empty keys, which no phrase has.

    A token's words are a function of its text, so keys are cached by text.
    """
    count = len(token.words)
    found = _KEY_CACHE.get(token.text)
    if found is not None and found[0] == count:
        return found[1]
    if len(_KEY_CACHE) > _KEY_CACHE_SIZE:
        _KEY_CACHE.clear()
    keys = _token_keys(token)
    _KEY_CACHE[token.text] = (count, keys)
    return keys


def _token_keys(token: Token) -> Keys:
    if not is_word(token):
        return _EMPTY
    stems = [w.norm for w in token.words if not w.clitic]
    core = "".join(stems) if stems else token.words[-1].norm if token.words else ""
    core = _drop_possessive(core)
    has_article = any(w.clitic and w.norm == _ARTICLE for w in token.words)
    # An enclitic pronoun makes a different word (حكومته is not حكومة): keep it apart.
    suffix = "".join(
        w.norm
        for i, w in enumerate(token.words)
        if w.clitic and i > 0 and _after_stem(token, i) and not w.norm.startswith(_POSSESSIVE)
    )
    core = core + ("+" + suffix if suffix else "")
    full = _ARTICLE + core if has_article else core
    words = token.words
    if len(words) > 1 and words[0].clitic and words[0].norm in _CONJUNCTIONS:
        words = words[1:]
    if suffix or not (len(words) > 1 and words[0].clitic and words[0].norm != _ARTICLE):
        # Nothing but a conjunction was split off the front, or a pronoun off the end (بأنه
        # is ب + أن + ه, not a place "بانه"): the split is sure, so no raw reading.
        return Keys(full, core, full)
    raw = _drop_possessive("".join(w.norm for w in words))
    return Keys(full, core, raw)


def _drop_possessive(key: str) -> str:
    for ending in _POSSESSIVE:
        if key.endswith(ending) and len(key) > len(ending):
            return key[: -len(ending)]
    return key


def _after_stem(token: Token, index: int) -> bool:
    return any(not w.clitic for w in token.words[:index])


def _lost_prefix(token: Token) -> bool:
    """True when the tokenizer split a preposition or conjunction off this token."""
    return any(w.clitic and w.norm != _ARTICLE for w in token.words[:1])


def is_word(token: Token) -> bool:
    return _ALNUM.search(token.text) is not None


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """Tokens ``first``..``last`` (inclusive, sentence-token indexes) matched ``payloads``."""

    first: int
    last: int
    payloads: tuple[T, ...]
    # The first token matched only in its raw form: its split-off "proclitic" is the name's
    # first letter (بايدن read as ب + ايدن), so the mention starts with it.
    raw_first: bool = False


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads and finds their longest non-overlapping matches."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[T]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self._firsts: set[str] = set()
        self.max_len = 1

    def add(self, phrase: str, payload: T, lang: str, *, bare: bool = False) -> None:
        """Index ``phrase``; with ``bare``, also without its leading article.

        Written with the article, a proper name is often found without it
        (الكرملين / في كرملين); common nouns are not (الخارجية is not خارجية).
        """
        keys = phrase_keys(phrase, lang)
        if not keys:
            return
        variants = [keys]
        # The stem left must be a word of its own (ألما is not ال + ما).
        if bare and keys[0].startswith(_ARTICLE) and len(keys[0]) > len(_ARTICLE) + 2:
            variants.append((keys[0][len(_ARTICLE) :], *keys[1:]))
        for variant in variants:
            self._firsts.add(variant[0])
            items = self._phrases.setdefault(variant, [])
            if payload not in items:
                items.append(payload)
            for length in range(1, len(variant)):
                self._prefixes.add(variant[:length])
        self.max_len = max(self.max_len, len(keys))

    def __len__(self) -> int:
        return len(self._phrases)

    def under(self, keys: tuple[str, ...]) -> tuple[T, ...]:
        """The payloads indexed under exactly these keys."""
        return tuple(self._phrases.get(keys, ()))

    def lookup(self, phrase: str, lang: str) -> tuple[T, ...]:
        keys = phrase_keys(phrase, lang)
        return tuple(self._phrases.get(keys, ())) if keys else ()

    def match_at(self, keys: Sequence[Keys], start: int) -> PhraseMatch[T] | None:
        """The longest phrase starting at token ``start``; ``keys`` come from :func:`token_keys`."""
        firsts = self._firsts
        # The token's distinct non-empty keys that start a phrase, in Keys order.
        openers: list[str] = []
        for key in keys[start]:
            if key and key in firsts and key not in openers:
                openers.append(key)
        if not openers:
            return None
        phrases = self._phrases
        prefixes = self._prefixes
        max_len = self.max_len
        count = len(keys)
        best_position = -1
        best: list[T] | None = None
        best_raw = False
        first_keys = keys[start]
        # Depth-first over each token's alternative keys, pruned by the phrase prefixes.
        stack: list[tuple[int, tuple[str, ...]]] = [(start, (key,)) for key in openers]
        while stack:
            position, phrase = stack.pop()
            found = phrases.get(phrase)
            if found and position > best_position:
                best_position, best = position, found
                best_raw = phrase[0] == first_keys.raw and phrase[0] not in first_keys[:2]
            following = position + 1
            if following < count and len(phrase) < max_len and phrase in prefixes:
                full, _bare, raw = keys[following]
                if full:
                    stack.append((following, (*phrase, full)))
                    if raw:
                        stack.append((following, (*phrase, raw)))
        if best is None:
            return None
        return PhraseMatch(start, best_position, tuple(best), best_raw)

    def find_all(self, keys: Sequence[Keys]) -> list[PhraseMatch[T]]:
        """Longest matches, left to right, never overlapping."""
        matches: list[PhraseMatch[T]] = []
        # Most tokens start no phrase: three set lookups reject them before match_at.
        firsts = self._firsts
        position = 0
        count = len(keys)
        while position < count:
            full, bare, raw = keys[position]
            if full and (full in firsts or bare in firsts or raw in firsts):
                match = self.match_at(keys, position)
                if match is not None:
                    matches.append(match)
                    position = match.last + 1
                    continue
            position += 1
        return matches


def phrase_keys(phrase: str, lang: str) -> tuple[str, ...]:
    """An entry's keys: each token's full key, or its raw form when the tokenizer took a
    first letter of the name for a preposition (names do not start with one). After the
    first word a split-off conjunction is dropped, as a text's tokens drop it: والتنمية in
    حزب العدالة والتنمية is looked up as التنمية. A first word keeps it: a name may start
    with و or ف, and dropping it would key some place "انه" ("that it")."""
    tokens = [t for t in tokenize(phrase, 0, len(phrase), lang) if is_word(t)]
    keys = []
    for position, token in enumerate(tokens):
        if not _lost_prefix(token):
            keys.append(token_keys(token).full)
        elif position > 0:
            keys.append(token_keys(token).raw)
        else:
            keys.append(_drop_possessive("".join(w.norm for w in token.words)))
    return tuple(keys)


def build_index(entries: Iterable[tuple[str, T, str]]) -> PhraseIndex[T]:
    """An index of ``(phrase, payload, lang)`` entries."""
    index: PhraseIndex[T] = PhraseIndex()
    for phrase, payload, lang in entries:
        index.add(phrase, payload, lang)
    return index
