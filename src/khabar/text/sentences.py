"""Sentence spans over a text.

A sentence ends at a line break, or at ``. ! ? ؟ …`` (with any closing quotes
or brackets after them) followed by white space or the end of the text. A full
stop does not end a sentence:

* inside a number (``3.5``) — no white space follows it;
* after an English abbreviation (``Mr.``, ``Jan.``, in
  ``data/text/en_abbreviations.txt``), after an initial (``U.S.``, ``W.``,
  Arabic ``د.``) or before a lower-case Latin letter;
* inside a «...» quotation that closes on the same line, so a quoted statement
  of several sentences stays with the sentence that reports it.

The Arabic semicolon ؛ is not a boundary by default (``semicolon=True`` makes it
one): it joins clauses of one statement, and the UD Arabic treebanks at hand
(PADT v1.3, PUD) contain no ؛ at all, so measurement could not decide it. The
comma ، never is.

Spans exclude white space at their edges; what lies between two spans is white
space only, so no non-space character is lost or repeated.
"""

from __future__ import annotations

import re
from functools import cache

from khabar.text.words import _load_lines

_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85]+")
_CLOSERS = "»”’\"')]}›"
_END_RE = re.compile(rf"[.!?؟…]+[{re.escape(_CLOSERS)}]*(?=\s|$)")
_SEMICOLON_END_RE = re.compile(rf"[.!?؟…؛]+[{re.escape(_CLOSERS)}]*(?=\s|$)")
_QUOTE_RE = re.compile(r"«[^«»\n]{1,600}»")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$|^[\u0621-\u064a]$")
_NEXT_CHAR = re.compile(r"\s*(\S)")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(_load_lines("en_abbreviations.txt"))


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    mark = match.group()
    if not mark.startswith(".") or len(mark.rstrip(_CLOSERS)) > 1:
        return True
    # Only the last few characters can hold the word before the stop; searching from 0
    # would make long lines quadratic.
    head = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    word = head.group(1).lstrip("(\"'«“") if head else ""
    if word in _abbreviations() or _INITIALS.match(word):
        return False
    following = _NEXT_CHAR.match(text, match.end())
    return not (following and following.group(1).islower() and following.group(1).isascii())


def split_sentences(text: str, lang: str, semicolon: bool = False) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text``.

    ``lang`` is accepted for symmetry with the other text functions; the rules
    serve Arabic and English alike. ``semicolon`` also ends sentences at ؛
    (off by default, see the module docstring).
    """
    end_re = _SEMICOLON_END_RE if semicolon else _END_RE
    cuts: list[int] = []
    pos = 0
    for line in _LINE_BREAK.finditer(text):
        cuts.extend(_line_cuts(text, pos, line.start(), end_re))
        cuts.append(line.start())
        pos = line.end()
    cuts.extend(_line_cuts(text, pos, len(text), end_re))
    cuts.append(len(text))
    spans = []
    start = 0
    for cut in cuts:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        start = cut
    return spans


def _line_cuts(text: str, start: int, end: int, end_re: re.Pattern[str]) -> list[int]:
    line = text[start:end]
    quoted = [(m.start() + start, m.end() + start) for m in _QUOTE_RE.finditer(line)]
    cuts = []
    for match in end_re.finditer(line):
        at = match.end() + start
        if any(a < at < b for a, b in quoted):
            continue
        if _is_boundary(line, match):
            cuts.append(at)
    return cuts
