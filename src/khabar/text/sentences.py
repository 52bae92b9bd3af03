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

Cost is linear in the length of the text, however long its lines: one regex scan
finds line breaks and stops together, and a stop is tested against the one
quotation that may hold it (``tests/text/test_fast_paths.py`` guards this).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from khabar.text.words import _load_lines

_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"
_CLOSERS = "»”’\"')]}›"
_MARKS = ".!?؟…"
# One scan finds both kinds of cut: a run of line breaks, or a sentence-end mark with
# its closers before white space or the end of the text. The two never share a
# character, so the scan finds each exactly where a scan for it alone would. The
# pattern opens with one character class so that the regex engine skips ahead to the
# next break or mark in C instead of trying the pattern at every position.


def _cut_pattern(marks: str) -> re.Pattern[str]:
    breaks, marks, closers = (re.escape(chars) for chars in (_BREAKS, marks, _CLOSERS))
    return re.compile(
        rf"[{breaks}{marks}](?:(?<=[{breaks}])(?P<lines>[{breaks}]*)"
        rf"|[{marks}]*[{closers}]*(?=\s|$))"
    )


_CUT_RE = _cut_pattern(_MARKS)
_SEMICOLON_CUT_RE = _cut_pattern(_MARKS + "؛")
# A quotation ends on the line it opens.
_QUOTE_RE = re.compile(rf"«[^«»{_BREAKS}]{{1,600}}»")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$|^[\u0621-\u064a]$")
# The first character after a stop on the same line.
_NEXT_CHAR = re.compile(rf"[^\S{_BREAKS}]*(\S)")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(_load_lines("en_abbreviations.txt"))


def _is_boundary(text: str, line_start: int, match: re.Match[str]) -> bool:
    mark = match.group()
    if mark[0] != "." or len(mark.rstrip(_CLOSERS)) > 1:
        return True
    # Only the last few characters of the line can hold the word before the stop;
    # searching further back would make long lines quadratic.
    head = _WORD_BEFORE.search(text, max(line_start, match.start() - 40), match.start())
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
    cut_re = _SEMICOLON_CUT_RE if semicolon else _CUT_RE
    # Quotations are disjoint and found in order: ``quote_ends`` is sorted, so the one
    # quotation a stop may fall inside is found by bisection, not by a scan of them all.
    quotes = [m.span() for m in _QUOTE_RE.finditer(text)] if "«" in text else []
    quote_ends = [b for _, b in quotes]
    cuts: list[int] = []
    line_start = 0
    for match in cut_re.finditer(text):
        if match.lastgroup == "lines":
            cuts.append(match.start())
            line_start = match.end()
            continue
        at = match.end()
        if quotes:
            # The first quotation ending after ``at`` is the only one that may hold it.
            i = bisect_right(quote_ends, at)
            if i < len(quotes) and quotes[i][0] < at:
                continue
        if _is_boundary(text, line_start, match):
            cuts.append(at)
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
