"""Viterbi decoding of many sentences at once.

Decoding one sentence at a time costs a few numpy calls per word, and at a few
microseconds each that overhead, not the arithmetic, dominates on short label sets.
Stacking a document's sentences into one padded array makes the number of numpy
calls grow with the longest sentence instead of with the total word count. The
result is the same path, ties included, as decoding each sentence alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best label path of one sentence: ``emissions`` is (words, labels)."""
    n = emissions.shape[0]
    if n == 0:
        return []
    score = emissions[0]
    back = np.empty((n, transitions.shape[0]), dtype=np.intp)
    for i in range(1, n):
        candidates = score[:, None] + transitions
        back[i] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + emissions[i]
    best = int(score.argmax())
    path = [best]
    for i in range(n - 1, 0, -1):
        best = int(back[i, best])
        path.append(best)
    path.reverse()
    return path


def viterbi_batch(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """The best label path of each sentence, decoded together.

    Sentences are ordered longest first, so at each position the sentences still
    running are a prefix of the stack and the step works on a slice of it.
    """
    if not emissions:
        return []
    labels = transitions.shape[0]
    order = sorted(range(len(emissions)), key=lambda b: -emissions[b].shape[0])
    lengths = [emissions[b].shape[0] for b in order]
    longest = lengths[0]
    if longest == 0:
        return [[] for _ in emissions]
    count = len(order)
    stacked = np.zeros((count, longest, labels))
    for row, b in enumerate(order):
        stacked[row, : lengths[row]] = emissions[b]
    # running[i]: how many sentences (a prefix of the stack) have a word at position i
    running = [sum(1 for n in lengths if n > i) for i in range(longest)]
    back = np.empty((longest, count, labels), dtype=np.intp)
    score = stacked[:, 0].copy()
    for i in range(1, longest):
        k = running[i]
        candidates = score[:k, :, None] + transitions
        back[i, :k] = candidates.argmax(axis=1)
        score[:k] = candidates.max(axis=1) + stacked[:k, i]
    best = score.argmax(axis=1)
    paths = np.zeros((count, longest), dtype=np.intp)
    rows = np.arange(count)
    paths[rows, np.maximum(np.array(lengths) - 1, 0)] = best
    for i in range(longest - 1, 0, -1):
        k = running[i]
        best[:k] = back[i, rows[:k], best[:k]]
        paths[:k, i - 1] = best[:k]
    result: list[list[int]] = [[] for _ in emissions]
    for row, b in enumerate(order):
        result[b] = paths[row, : lengths[row]].tolist()
    return result
