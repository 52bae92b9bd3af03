"""Geocoding scores: distance between gold and predicted coordinates."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from khabar.evaluation.records import GoldToponym
from khabar.evaluation.spans import match_spans

EARTH_RADIUS_KM = 6371.0088
# 161 km (100 miles) is the customary "accuracy at 161 km" of geoparsing papers.
ACCURACY_KM = 161.0

Coordinates = tuple[float, float]
PlacePrediction = tuple[int, int, float | None, float | None]
"""``(start, end, lat, lon)`` of a place mention the system found."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GeoScores:
    """How far predicted coordinates fall from gold ones.

    ``accuracy`` counts unresolved toponyms as misses; ``accuracy_resolved``
    only looks at those the system resolved; ``recall`` is the share resolved.
    """

    total: int
    resolved: int
    within: int
    mean_error_km: float | None
    median_error_km: float | None
    threshold_km: float = ACCURACY_KM

    @property
    def accuracy(self) -> float:
        return self.within / self.total if self.total else 0.0

    @property
    def accuracy_resolved(self) -> float:
        return self.within / self.resolved if self.resolved else 0.0

    @property
    def recall(self) -> float:
        return self.resolved / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "resolved": self.resolved,
            "recall": round(self.recall, 4),
            f"accuracy_{self.threshold_km:g}km": round(self.accuracy, 4),
            f"accuracy_{self.threshold_km:g}km_resolved": round(self.accuracy_resolved, 4),
            "mean_error_km": None if self.mean_error_km is None else round(self.mean_error_km, 1),
            "median_error_km": (
                None if self.median_error_km is None else round(self.median_error_km, 1)
            ),
        }


def score_geocoding(
    gold: Sequence[Coordinates],
    pred: Sequence[Coordinates | None],
    threshold_km: float = ACCURACY_KM,
) -> GeoScores:
    """Score ``pred[i]`` (None when unresolved) against gold coordinates ``gold[i]``."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold toponyms but {len(pred)} predictions")
    errors = [
        haversine_km(g[0], g[1], p[0], p[1])
        for g, p in zip(gold, pred, strict=True)
        if p is not None
    ]
    return GeoScores(
        total=len(gold),
        resolved=len(errors),
        within=sum(1 for e in errors if e <= threshold_km),
        mean_error_km=statistics.fmean(errors) if errors else None,
        median_error_km=statistics.median(errors) if errors else None,
        threshold_km=threshold_km,
    )


def align_place_predictions(
    gold: Sequence[GoldToponym], pred: Iterable[PlacePrediction]
) -> list[Coordinates | None]:
    """For each gold toponym, the coordinates of the predicted place mention overlapping it.

    Pairs are one-to-one, largest overlap first; a gold toponym with no
    overlapping prediction, or one without coordinates, gets None.
    """
    found = list(pred)
    result: list[Coordinates | None] = [None] * len(gold)
    pairs = match_spans([(t.start, t.end) for t in gold], [(p[0], p[1]) for p in found], "overlap")
    for i, j in pairs:
        lat, lon = found[j][2], found[j][3]
        if lat is not None and lon is not None:
            result[i] = (lat, lon)
    return result
