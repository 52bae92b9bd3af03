"""Scorers on hand-made gold and predictions, edge cases included."""

from __future__ import annotations

import json

import pytest

from khabar.evaluation.records import (
    LABEL_AMBIGUOUS,
    LABEL_NO,
    LABEL_YES,
    ActorCode,
    AttributionItem,
    GoldAttribution,
    GoldEventRecord,
    GoldEventSentence,
)
from khabar.evaluation.scorers import (
    PredictedArguments,
    score_attribution,
    score_date_values,
    score_dates,
    score_event_arguments,
    score_event_detection,
    score_ner,
    score_plover_types,
)
from khabar.evaluation.spans import PRF

# -- NER ---------------------------------------------------------------------------


def test_ner_per_type_and_micro() -> None:
    gold = [[(0, 2, "PER"), (3, 4, "LOC")], [(1, 2, "ORG")]]
    pred = [[(0, 2, "PER"), (3, 4, "ORG")], [(1, 2, "ORG"), (5, 6, "LOC")]]
    scores = score_ner(gold, pred)
    assert scores.per_type["PER"] == PRF(1, 1, 1)
    assert scores.per_type["LOC"] == PRF(0, 1, 1)
    assert scores.per_type["ORG"] == PRF(1, 1, 2)
    assert scores.micro == PRF(2, 3, 4)
    json.dumps(scores.to_dict())


def test_ner_boundaries_must_match_exactly() -> None:
    scores = score_ner([[(0, 3, "PER")]], [[(0, 2, "PER"), (1, 3, "PER")]])
    assert scores.micro == PRF(0, 1, 2)


def test_ner_empty_sides() -> None:
    assert score_ner([[], []], [[], []]).micro == PRF(0, 0, 0)
    assert score_ner([[(0, 1, "LOC")]], [[]]).micro.recall == 0.0
    assert score_ner([[]], [[(0, 1, "LOC")]]).micro.precision == 0.0
    assert score_ner([], []).per_type == {}
    with pytest.raises(ValueError, match="one prediction per item"):
        score_ner([[]], [])


# -- event detection ------------------------------------------------------------


def _sentence(i: int, label: str, raw: str, kind: str = "PROTEST") -> GoldEventSentence:
    return GoldEventSentence(f"s{i}", f"نص {i}", kind, label, raw, "ar")


def test_event_detection_counts_yes_against_both_noes() -> None:
    gold = [
        _sentence(1, LABEL_YES, "yes"),
        _sentence(2, LABEL_YES, "yes"),
        _sentence(3, LABEL_NO, "easy no"),
        _sentence(4, LABEL_NO, "difficult no"),
        _sentence(5, LABEL_NO, "difficult no"),
        _sentence(6, LABEL_AMBIGUOUS, "ambiguous"),
        _sentence(7, LABEL_YES, "yes", "ASSAULT"),
    ]
    # Booleans and sets of found types can be mixed; the ambiguous one is never scored.
    pred: list[bool | set[str]] = [True, {"ASSAULT"}, False, {"PROTEST"}, False, True, {"ASSAULT"}]
    scores = score_event_detection(gold, pred)
    assert scores.per_type["PROTEST"] == PRF(1, 2, 2)
    assert scores.per_type["ASSAULT"] == PRF(1, 1, 1)
    assert scores.micro == PRF(2, 3, 3)
    assert scores.difficult_no_fpr["PROTEST"].value == pytest.approx(0.5)
    assert scores.easy_no_fpr["PROTEST"].value == 0.0
    assert scores.difficult_no_fpr["ASSAULT"].total == 0
    assert scores.skipped_ambiguous == 1
    json.dumps(scores.to_dict())


def test_event_detection_with_no_positive_predictions() -> None:
    gold = [_sentence(1, LABEL_YES, "yes"), _sentence(2, LABEL_NO, "easy no")]
    scores = score_event_detection(gold, [False, False])
    assert scores.micro == PRF(0, 1, 0)
    assert scores.micro.f1 == 0.0


# -- event arguments ---------------------------------------------------------------


def _event(
    actors: tuple[tuple[int, int], ...],
    recipients: tuple[tuple[int, int], ...],
    actor_codes: tuple[ActorCode, ...] = (),
    recipient_codes: tuple[ActorCode, ...] = (),
) -> GoldEventRecord:
    return GoldEventRecord(
        "e",
        "x" * 50,
        "PROTEST",
        "ar",
        actor_spans=actors,
        recipient_spans=recipients,
        actor_codes=actor_codes,
        recipient_codes=recipient_codes,
    )


def test_event_arguments_overlap_and_codes() -> None:
    gold = [
        _event(((0, 10),), ((20, 30),), (ActorCode("TUN", "CVL"),), (ActorCode("FRA", None),)),
        _event((), ((5, 9),), (ActorCode(None, "REB"),)),
    ]
    pred = [
        PredictedArguments(
            actor_spans=[(2, 6)],
            recipient_spans=[(31, 35)],
            actor_codes=[ActorCode("TUN", "GOV")],
            recipient_codes=[ActorCode("FRA", "GOV")],
        ),
        PredictedArguments(recipient_spans=[(0, 5), (8, 12)], actor_codes=[]),
    ]
    scores = score_event_arguments(gold, pred)
    assert scores.spans["actor"] == PRF(1, 1, 1)
    assert scores.spans["recipient"] == PRF(1, 2, 3)
    assert scores.codes["actor"]["country"].value == 1.0
    # CVL was wrong and REB was missed; a gold sector of None is not counted.
    assert (scores.codes["actor"]["sector"].correct, scores.codes["actor"]["sector"].total) == (
        0,
        2,
    )
    assert scores.codes["recipient"]["sector"].total == 0
    assert scores.codes["all"]["country"].total == 2
    exact = score_event_arguments(gold, pred, mode="exact")
    assert exact.spans["actor"] == PRF(0, 1, 1)
    json.dumps(scores.to_dict())


def test_event_arguments_empty_prediction() -> None:
    scores = score_event_arguments([_event(((0, 3),), ())], [PredictedArguments()])
    assert scores.spans["actor"] == PRF(0, 1, 0)
    assert scores.codes["all"]["country"].value == 0.0


# -- PLOVER types --------------------------------------------------------------------


def test_plover_types_accuracy_and_confusion() -> None:
    scores = score_plover_types(
        ["PROTEST", "PROTEST", "ASSAULT", "ACCUSE"], ["PROTEST", "ASSAULT", "ASSAULT", None]
    )
    assert scores.accuracy.value == pytest.approx(0.5)
    assert scores.confusion == {
        "ACCUSE": {"NONE": 1},
        "ASSAULT": {"ASSAULT": 1},
        "PROTEST": {"ASSAULT": 1, "PROTEST": 1},
    }
    assert scores.per_type["ASSAULT"] == PRF(1, 1, 2)
    assert scores.per_type["ACCUSE"] == PRF(0, 1, 0)
    assert "NONE" not in scores.per_type
    assert score_plover_types([], []).accuracy.value == 0.0


# -- attribution --------------------------------------------------------------------


def test_attribution_exact_and_overlap() -> None:
    gold = GoldAttribution(
        "d",
        "x" * 100,
        (
            AttributionItem("E1", source=((0, 9),), cue=((10, 14),), content=((15, 45),)),
            AttributionItem("E2", source=(), cue=((50, 54),), content=((55, 60), (70, 80))),
        ),
    )
    pred = [
        AttributionItem("p1", source=((4, 9),), cue=((10, 14),), content=((15, 45),)),
        AttributionItem("p2", source=((90, 95),), cue=((50, 54),), content=((55, 80),)),
    ]
    scores = score_attribution([gold], [pred])
    assert scores.roles["cue"]["exact"] == PRF(2, 2, 2)
    assert scores.roles["source"]["exact"] == PRF(0, 1, 2)
    assert scores.roles["source"]["overlap"] == PRF(1, 1, 2)
    # The discontinuous gold content is compared through its bounds (55, 80).
    assert scores.roles["content"]["exact"] == PRF(2, 2, 2)
    empty = score_attribution([gold], [[]])
    assert empty.roles["content"]["overlap"] == PRF(0, 2, 0)
    json.dumps(scores.to_dict())


# -- dates ---------------------------------------------------------------------------


def test_dates_detection_and_values() -> None:
    gold = [[(0, 5, "2023-09"), (10, 15, "2023-09-05"), (20, 24, None)], []]
    pred = [[(0, 5, "2023-09"), (11, 15, "2023-09-04")], [(3, 4, "2020")]]
    scores = score_dates(gold, pred)
    assert scores.detection == PRF(2, 3, 3)
    assert (scores.value_accuracy.correct, scores.value_accuracy.total) == (1, 2)
    assert scores.matched_value_accuracy.value == pytest.approx(0.5)
    assert score_date_values(["2023", None], ["2023", None]).value == 1.0
    json.dumps(scores.to_dict())


def test_an_international_body_takes_its_kind_in_the_cameo_country_slot() -> None:
    # khabar/1 leaves an international body's country null; CAMEO writes IGOUNO, NGOAMN
    assert ActorCode(None, "IGO").cameo_country == "IGO"
    assert ActorCode(None, "NGO").cameo_country == "NGO"
    assert ActorCode("RUS", "GOV").cameo_country == "RUS"
    assert ActorCode(None, "REB").cameo_country is None
    assert ActorCode("USA", "NGO").cameo_country == "USA"
