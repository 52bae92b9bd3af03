"""Attributions that punctuation marks instead of a reporting verb, in either language.

* A headline, lead or transcript line that opens with a speaker and a colon:
  ``Putin: Russia will not ...``, ``بوتين: روسيا لن ...``, ``Poll: ...``,
  ``WALLACE: ...``. The speaker is a whole person or organisation mention, a
  source noun of ``sources.tsv`` (poll, officials, استطلاع), or, in Latin script,
  a transcript's speaker label: one to four words in capitals that are not a
  label of ``words.tsv`` (``UPDATE:``, ``QUESTION:``).
* A quotation signed with a dash, as epigraphs and embedded posts are:
  ``“... our greatest shame.” ― Sonya Herridge``. The signature is a person or
  organisation mention, or, in Latin script, a run of capitalised words.

A colon after a verb (``Trump said: “...”``) is not a headline colon, and the
claims stage drops a signed quotation that a reporting verb already claims.
"""

from __future__ import annotations

from khabar.claims.found import Found, trim
from khabar.claims.lexicon import Lexicon, norm_form
from khabar.claims.view import OPENING, QUOTE_CHARS, Tok

__all__ = ["DASHES", "find_marked", "labelled", "may_be_marked"]

DASHES = frozenset({"—", "―", "–", "--"})
_COLONS = frozenset({":"})
_SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
# A headline speaker is short; what follows its colon is a statement, not a word or two.
_MAX_SPEAKER = 6
_MIN_CONTENT = 3
# A signature without a mention: this many capitalised words at most.
_MAX_SIGNATURE = 4


def may_be_marked(words: list[str]) -> bool:
    """Whether a sentence's tokens include a mark worth the closer look."""
    return any(w in _COLONS or w in DASHES for w in words)


def labelled(text: str, item: Found, lex: Lexicon) -> bool:
    """Whether ``item`` is a label and its colon (``UPDATE: ...``), not a speaker and a claim."""
    if item.cue is None or item.speaker is None or text[item.cue[0] : item.cue[1]] != ":":
        return False
    phrase = norm_form(text[item.speaker[0] : item.speaker[1]], lex.lang)
    return phrase in lex.role("label")


def find_marked(
    text: str,
    toks: list[Tok],
    mentions: dict[int, int],
    types: dict[int, str],
    pairs: dict[int, int],
    lex: Lexicon,
) -> list[Found]:
    """The colon-headline and dash-signature attributions of one sentence."""
    found: list[Found] = []
    headline = _headline(text, toks, mentions, types, pairs, lex)
    if headline is not None:
        found.append(headline)
    for i, tok in enumerate(toks):
        if tok.text in DASHES:
            signed = _signed_quote(text, toks, i, mentions, types, pairs)
            if signed is not None:
                found.append(signed)
    return found


def _headline(
    text: str,
    toks: list[Tok],
    mentions: dict[int, int],
    types: dict[int, str],
    pairs: dict[int, int],
    lex: Lexicon,
) -> Found | None:
    first = 0
    while first < len(toks) and (toks[first].text in OPENING or toks[first].text in '"(['):
        first += 1  # a transcript line may open with a quotation mark
    colon = _speaker_end(toks, first, mentions, types, lex)
    if colon is None or colon >= len(toks) or toks[colon].text not in _COLONS:
        return None
    words = [t for t in toks[colon + 1 :] if not t.punct]
    if len(words) < _MIN_CONTENT:
        return None
    content = trim(text, toks[colon + 1].start, toks[-1].end)
    if content is None:
        return None
    direct = text[content[0]] in QUOTE_CHARS and pairs.get(content[0], -1) >= content[1] - 2
    return Found(
        cue=(toks[colon].start, toks[colon].end),
        content=content,
        stance="quote" if direct else "assert",
        speaker=(toks[first].start, toks[colon - 1].end),
        direct=direct,
    )


def _speaker_end(
    toks: list[Tok], first: int, mentions: dict[int, int], types: dict[int, str], lex: Lexicon
) -> int | None:
    """Where a headline speaker starting at ``toks[first]`` ends, if one does."""
    end = mentions.get(first)
    if end is not None:
        return end if types.get(first) in _SPEAKER_TYPES and end - first <= _MAX_SPEAKER else None
    for stop in range(first + 1, min(first + _MAX_SPEAKER, len(toks)) + 1):
        if stop < len(toks) and toks[stop].text in _COLONS:
            phrase = tuple(t.norm for t in toks[first:stop])
            if phrase in lex.heads:
                return stop
            # A transcript's speaker label is written in capitals (WALLACE:, JAKE TAPPER:);
            # a title-case one is as often a heading (Stealth Over Health:).
            label = all(t.text.isupper() and t.text.isalpha() for t in toks[first:stop])
            if label and stop - first <= _MAX_SIGNATURE and phrase not in lex.role("label"):
                return stop
            return None
    return None


def _signed_quote(
    text: str,
    toks: list[Tok],
    dash: int,
    mentions: dict[int, int],
    types: dict[int, str],
    pairs: dict[int, int],
) -> Found | None:
    # The quotation closes right before the dash (maybe in the previous sentence).
    close = toks[dash].start - 1
    while close >= 0 and text[close].isspace():
        close -= 1
    if close < 0 or text[close] not in QUOTE_CHARS:
        return None
    opened = pairs.get(close)
    if opened is None or opened >= close:
        return None
    speaker = _signature(toks, dash + 1, mentions, types)
    if speaker is None:
        return None
    return Found(
        cue=(toks[dash].start, toks[dash].end),
        content=(opened, close + 1),
        stance="quote",
        speaker=(toks[dash + 1].start, toks[speaker - 1].end),
        direct=True,
    )


def _signature(
    toks: list[Tok], first: int, mentions: dict[int, int], types: dict[int, str]
) -> int | None:
    """Where the signature starting at ``toks[first]`` ends (exclusive), if there is one."""
    if first >= len(toks):
        return None
    end = mentions.get(first)
    if end is not None:
        return end if types.get(first) in _SPEAKER_TYPES else None
    last = first
    while last < len(toks) and last - first < _MAX_SIGNATURE:
        word = toks[last].text
        if not (word[:1].isupper() and word.isalpha()):
            break
        last += 1
    # Two capitalised words at least (a name, not the next sentence's first word).
    return last if last - first >= 2 else None
