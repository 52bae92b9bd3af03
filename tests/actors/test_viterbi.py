"""Batched Viterbi gives the same paths as decoding each sentence alone, and the best ones."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.actors.viterbi import viterbi, viterbi_batch


def brute_force(emissions: np.ndarray, transitions: np.ndarray) -> float:
    n, labels = emissions.shape
    best = -np.inf
    for path in itertools.product(range(labels), repeat=n):
        score = emissions[0, path[0]] + sum(
            transitions[path[i - 1], path[i]] + emissions[i, path[i]] for i in range(1, n)
        )
        best = max(best, score)
    return float(best)


def path_score(path: list[int], emissions: np.ndarray, transitions: np.ndarray) -> float:
    return float(
        emissions[0, path[0]]
        + sum(
            transitions[path[i - 1], path[i]] + emissions[i, path[i]] for i in range(1, len(path))
        )
    )


@settings(max_examples=60)
@given(
    lengths=st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=6),
    labels=st.integers(min_value=1, max_value=3),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_batch_equals_one_by_one_and_is_optimal(lengths: list[int], labels: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    transitions = rng.normal(size=(labels, labels))
    emissions = [rng.normal(size=(n, labels)) for n in lengths]
    batch = viterbi_batch(emissions, transitions)
    assert [len(p) for p in batch] == lengths
    for path, e in zip(batch, emissions, strict=True):
        assert path == viterbi(e, transitions)
        if len(path):
            assert abs(path_score(path, e, transitions) - brute_force(e, transitions)) < 1e-9


def test_ties_break_the_same_way() -> None:
    # All-equal scores: every path ties, and both decoders keep the first label.
    transitions = np.zeros((3, 3))
    emissions = [np.zeros((4, 3)), np.zeros((2, 3))]
    assert viterbi_batch(emissions, transitions) == [[0, 0, 0, 0], [0, 0]]


def test_transitions_shape_the_path() -> None:
    # Label 1 is slightly better alone at the second word, but 0 -> 1 is forbidden.
    transitions = np.array([[0.0, -100.0], [0.0, 0.0]])
    emissions = [np.array([[5.0, 0.0], [0.0, 1.0]])]
    assert viterbi_batch(emissions, transitions) == [[0, 0]]


def test_empty_inputs() -> None:
    assert viterbi_batch([], np.zeros((2, 2))) == []
    assert viterbi_batch([np.zeros((0, 2))], np.zeros((2, 2))) == [[]]
