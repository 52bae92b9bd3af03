"""Span matching, BIO decoding and character-to-token mapping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.evaluation.spans import (
    PRF,
    bio_to_spans,
    char_spans_to_token_spans,
    match_spans,
    span_prf,
)


def test_prf_arithmetic_and_empty_cases() -> None:
    prf = PRF(tp=2, n_gold=4, n_pred=3)
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(0.5)
    assert prf.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    empty = PRF(0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert prf + PRF(1, 1, 1) == PRF(3, 5, 4)
    assert prf.to_dict()["gold"] == 4


def test_exact_matching_counts_duplicates_once_each() -> None:
    assert match_spans([(0, 2), (0, 2)], [(0, 2)], "exact") == [(0, 0)]
    assert span_prf([(0, 2), (3, 5)], [(0, 2), (3, 4)], "exact") == PRF(1, 2, 2)
    assert span_prf([], [(1, 2)]) == PRF(0, 0, 1)
    assert span_prf([(1, 2)], []) == PRF(0, 1, 0)


def test_overlap_matching_is_one_to_one() -> None:
    # One long prediction overlapping two gold spans matches only the larger overlap.
    assert match_spans([(0, 3), (4, 10)], [(2, 10)], "overlap") == [(1, 0)]
    # Touching but not sharing a position is no match.
    assert match_spans([(0, 3)], [(3, 5)], "overlap") == []
    assert span_prf([(0, 3), (4, 10)], [(0, 1), (5, 6)], "overlap") == PRF(2, 2, 2)
    with pytest.raises(ValueError, match="match mode"):
        match_spans([], [], "fuzzy")


def test_bio_to_spans_follows_conlleval() -> None:
    assert bio_to_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    # I- without a B- starts a span; a type change splits.
    assert bio_to_spans(["I-ORG", "I-ORG", "I-LOC"]) == [(0, 2, "ORG"), (2, 3, "LOC")]
    assert bio_to_spans(["B-PER", "B-PER"]) == [(0, 1, "PER"), (1, 2, "PER")]
    # BIOES and stray tags.
    assert bio_to_spans(["S-LOC", "B-PER", "E-PER", "O"]) == [(0, 1, "LOC"), (1, 3, "PER")]
    assert bio_to_spans(["X", "B-PER"]) == [(1, 2, "PER")]
    assert bio_to_spans([]) == []


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]), max_size=30))
def test_bio_spans_are_ordered_disjoint_and_cover_every_tag(tags: list[str]) -> None:
    spans = bio_to_spans(tags)
    covered = [i for start, end, _ in spans for i in range(start, end)]
    assert covered == sorted(set(covered))
    assert set(covered) == {i for i, tag in enumerate(tags) if tag != "O"}
    for start, end, kind in spans:
        assert all(tags[i].endswith(kind) for i in range(start, end))


def _tokens(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of consecutive ``pieces`` in ``text`` (a clitic piece has no space before it)."""
    offsets = []
    at = 0
    for piece in pieces:
        at = text.index(piece, at)
        offsets.append((at, at + len(piece)))
        at += len(piece)
    return offsets


def test_mention_inside_a_clitic_token_counts_as_that_token() -> None:
    text = "أعلنت لروسيا دعمها"
    tokens = _tokens(text, ["أعلنت", "لروسيا", "دعمها"])
    start = text.index("روسيا")
    assert char_spans_to_token_spans(tokens, [(start, start + 5, "GPE")]) == [(1, 2, "GPE")]


def test_mention_after_clitic_splitting_maps_to_the_stem_only() -> None:
    # Gold tokens with the clitic split off: و + الرئيس, ل + روسيا.
    text = "والرئيس زار لروسيا"
    tokens = _tokens(text, ["و", "الرئيس", "زار", "ل", "روسيا"])
    stem = text.index("روسيا")
    president = text.index("الرئيس")
    mapped = char_spans_to_token_spans(
        tokens, [(stem, stem + 5, "GPE"), (president, president + 6, "PERSON")]
    )
    assert mapped == [(4, 5, "GPE"), (1, 2, "PERSON")]
    # A mention that includes the clitic covers both words.
    whole = text.index("لروسيا")
    assert char_spans_to_token_spans(tokens, [(whole, whole + 6, "GPE")]) == [(3, 5, "GPE")]


def test_grazed_edge_tokens_are_dropped_and_duplicates_merge() -> None:
    text = "the Red Cross, said"
    tokens = _tokens(text, ["the", "Red", "Cross", ",", "said"])
    red = text.index("Red")
    # The mention runs one character into "said"; it fully covers other tokens.
    grazing = [(red, text.index("said") + 1, "ORG")]
    assert char_spans_to_token_spans(tokens, grazing) == [(1, 4, "ORG")]
    twice = [(red, red + 9, "ORG"), (red, red + 8, "ORG")]
    assert char_spans_to_token_spans(tokens, twice) == [(1, 3, "ORG")]
    # A mention in white space or beyond the text touches no token.
    assert char_spans_to_token_spans(tokens, [(3, 4, "ORG"), (100, 105, "ORG")]) == []
    assert char_spans_to_token_spans([], [(0, 3, "ORG")]) == []
