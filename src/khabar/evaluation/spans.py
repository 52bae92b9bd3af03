"""Span arithmetic shared by the scorers: P/R/F1 counts, matching, BIO, offsets to tokens,
and offsets of the cleaned text back in the text a gold set gave."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TypedSpan = tuple[int, int, str]
"""``(start, end, type)`` with ``end`` exclusive (token or character indices)."""


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, and the gold and predicted totals they came from."""

    tp: int
    n_gold: int
    n_pred: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.n_gold + other.n_gold, self.n_pred + other.n_pred)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "gold": self.n_gold,
            "pred": self.n_pred,
        }


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many positions two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], mode: str = "exact"
) -> list[tuple[int, int]]:
    """Pairs ``(gold index, pred index)`` of matching spans, each span used at most once.

    ``exact`` needs equal boundaries; ``overlap`` needs one shared position,
    pairing the largest overlaps first so that one long prediction cannot
    claim several gold spans.
    """
    if mode == "exact":
        waiting: dict[tuple[int, int], list[int]] = {}
        for j, span in enumerate(pred):
            waiting.setdefault((span[0], span[1]), []).append(j)
        pairs = []
        for i, span in enumerate(gold):
            free = waiting.get((span[0], span[1]))
            if free:
                pairs.append((i, free.pop(0)))
        return pairs
    if mode != "overlap":
        raise ValueError(f"unknown match mode {mode!r}; use 'exact' or 'overlap'")
    candidates = sorted(
        (
            (-overlap(g, p), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if overlap(g, p) > 0
        ),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def span_prf(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], mode: str = "exact"
) -> PRF:
    """P/R/F1 counts of one document's predicted spans against its gold spans."""
    return PRF(len(match_spans(gold, pred, mode)), len(gold), len(pred))


def bio_to_spans(tags: Sequence[str]) -> list[TypedSpan]:
    """Spans from BIO(ES) tags, as conlleval reads them.

    An ``I-X`` that does not continue an ``X`` span starts a new one; ``E-``
    and ``S-`` (BIOES) are read as ``I-`` and ``B-``.
    """
    spans: list[TypedSpan] = []
    start: int | None = None
    current = ""
    for index, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        prefix = prefix.upper()
        if not kind or prefix not in ("B", "I", "E", "S"):
            if start is not None:
                spans.append((start, index, current))
            start, current = None, ""
            continue
        if start is None or prefix in ("B", "S") or kind != current:
            if start is not None:
                spans.append((start, index, current))
            start, current = index, kind
        if prefix in ("E", "S"):
            spans.append((start, index + 1, current))
            start, current = None, ""
    if start is not None:
        spans.append((start, len(tags), current))
    return spans


def char_spans_to_token_spans(
    token_offsets: Sequence[tuple[int, int]], char_spans: Iterable[TypedSpan]
) -> list[TypedSpan]:
    """Map character-offset mentions onto gold token indices ``(first, last + 1, type)``.

    A mention maps to every token it overlaps, so a mention of ``روسيا`` inside
    the unsplit token ``لروسيا`` counts as that token. When a mention fully
    covers some token, edge tokens it only grazes (less than half of the
    token) are dropped: an offset that runs one character into a neighbour
    should not widen the span. Mentions that touch no token are dropped, and
    mentions that map to the same tokens and type count once.
    """
    starts = [start for start, _ in token_offsets]
    result: list[TypedSpan] = []
    seen: set[TypedSpan] = set()
    for start, end, kind in char_spans:
        hit = []
        index = _first_candidate(starts, token_offsets, start)
        while index < len(token_offsets) and token_offsets[index][0] < end:
            if overlap(token_offsets[index], (start, end)) > 0:
                hit.append(index)
            index += 1
        if not hit:
            continue
        full = [i for i in hit if start <= token_offsets[i][0] and token_offsets[i][1] <= end]
        if full:
            hit = [i for i in hit if i in full or _share(token_offsets[i], (start, end)) >= 0.5]
        span = (hit[0], hit[-1] + 1, kind)
        if span not in seen:
            seen.add(span)
            result.append(span)
    return result


def _first_candidate(starts: list[int], offsets: Sequence[tuple[int, int]], start: int) -> int:
    """Index of the first token that could overlap a mention starting at ``start``."""
    index = max(0, bisect_right(starts, start) - 1)
    while index > 0 and offsets[index - 1][1] > start:
        index -= 1
    return index


def _share(token: tuple[int, int], mention: tuple[int, int]) -> float:
    width = token[1] - token[0]
    return overlap(token, mention) / width if width else 0.0


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Offsets of the analysed text (after cleaning) in the original text.

    Only characters of words found unchanged in both texts are in the table;
    identical texts map every offset to itself without one.
    """

    table: dict[int, int] | None

    def __call__(self, offset: int) -> int | None:
        return offset if self.table is None else self.table.get(offset)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """A half-open span of the analysed text in original offsets (None: not there).

        Edges that fall on white space or on a word the cleaner changed move
        inwards to the nearest mapped character.
        """
        if self.table is None:
            return (start, end)
        table = self.table
        first = next((table[i] for i in range(start, end) if i in table), None)
        last = next((table[i] for i in range(end - 1, start - 1, -1) if i in table), None)
        if first is None or last is None or last < first:
            return None
        return (first, last + 1)


_WORD = re.compile(r"\S+")


def offset_map(text: str, original: str) -> OffsetMap:
    """Map offsets of ``text`` (the pipeline's cleaned text) onto ``original``.

    Cleaning drops datelines, bylines and furniture and folds white space, so a
    diff of the two word sequences lines them up; a character diff would take
    seconds on a long article.
    """
    if text == original:
        return OffsetMap(None)
    ours = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    theirs = [m.start() for m in _WORD.finditer(original)]
    words = [m.group() for m in _WORD.finditer(original)]
    matcher = difflib.SequenceMatcher(None, [w for _, w in ours], words, autojunk=False)
    table: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            start, word = ours[block.a + k]
            target = theirs[block.b + k]
            for c in range(len(word)):
                table[start + c] = target + c
    return OffsetMap(table)
