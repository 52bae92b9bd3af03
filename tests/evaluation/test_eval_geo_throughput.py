"""Geocoding scores and the throughput helper."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.evaluation.geo import align_place_predictions, haversine_km, score_geocoding
from khabar.evaluation.records import GoldToponym
from khabar.evaluation.throughput import measure_throughput

PARIS = (48.8566, 2.3522)
LONDON = (51.5074, -0.1278)
VERSAILLES = (48.8049, 2.1204)


def test_haversine_known_distances() -> None:
    assert haversine_km(*PARIS, *PARIS) == 0.0
    assert haversine_km(*PARIS, *LONDON) == pytest.approx(343.5, abs=1.0)
    # A quarter of the equator.
    assert haversine_km(0, 0, 0, 90) == pytest.approx(10007.5, abs=1.0)


latitudes = st.floats(min_value=-90, max_value=90)
longitudes = st.floats(min_value=-180, max_value=180)


@given(latitudes, longitudes, latitudes, longitudes)
def test_haversine_symmetric_and_bounded(a: float, b: float, c: float, d: float) -> None:
    there = haversine_km(a, b, c, d)
    assert there == pytest.approx(haversine_km(c, d, a, b), abs=1e-6)
    assert 0.0 <= there <= 20016.0


def test_geocoding_scores() -> None:
    gold = [PARIS, PARIS, LONDON, LONDON]
    pred = [VERSAILLES, LONDON, LONDON, None]
    scores = score_geocoding(gold, pred)
    assert scores.total == 4 and scores.resolved == 3
    assert scores.within == 2
    assert scores.accuracy == pytest.approx(0.5)
    assert scores.accuracy_resolved == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(0.75)
    assert scores.mean_error_km == pytest.approx(
        (haversine_km(*PARIS, *VERSAILLES) + 343.5) / 3, 0.01
    )
    assert json.loads(json.dumps(scores.to_dict()))["accuracy_161km"] == 0.5


def test_geocoding_empty_and_unresolved() -> None:
    empty = score_geocoding([], [])
    assert (empty.accuracy, empty.recall, empty.mean_error_km) == (0.0, 0.0, None)
    none = score_geocoding([PARIS], [None])
    assert none.accuracy == 0.0 and none.median_error_km is None
    with pytest.raises(ValueError):
        score_geocoding([PARIS], [])


def test_align_place_predictions() -> None:
    gold = [
        GoldToponym("d", 0, 5, "Paris", "Literal", *PARIS),
        GoldToponym("d", 10, 16, "London", "Literal", *LONDON),
        GoldToponym("d", 20, 24, "Nice", "Literal", 43.7, 7.27),
    ]
    pred = [(0, 5, *VERSAILLES), (9, 16, None, None), (30, 35, 1.0, 1.0)]
    assert align_place_predictions(gold, pred) == [VERSAILLES, None, None]


def test_measure_throughput() -> None:
    seen: list[int] = []
    result = measure_throughput(seen.append, range(10), warmup=2, trace_memory=True)
    assert seen == list(range(10))
    assert result.items == 8
    assert result.seconds >= 0 and result.cpu_seconds >= 0
    assert result.peak_rss_mb > 1
    assert result.peak_traced_mb is not None and result.peak_traced_mb >= 0
    assert result.to_dict()["items"] == 8
    plain = measure_throughput(sum, [[1, 2]] * 3)
    assert plain.peak_traced_mb is None and plain.items == 3
