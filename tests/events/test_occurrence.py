"""The occurrence filter: a trigger that only mentions a protest or an attack is no event.

Sentences are written for these tests (no gold-set text).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from importlib import resources
from unittest import mock

import pytest

from khabar.document import Document, Event, Sentence, Word
from khabar.events import occurrence
from khabar.events.lexicon import TriggerMatch

Analyse = Callable[..., Document]


def types(doc: Document) -> list[str]:
    return [e.type for e in doc.events]


def test_resources_load_and_cover_assault_only() -> None:
    model = occurrence.load_model()
    assert model.covers("ASSAULT")
    # PROTEST has weights but is not filtered (too few training positives; see the module).
    assert "PROTEST" in model.weights and not model.covers("PROTEST")
    assert not model.covers("CONSULT")
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    cues = occurrence.load_cues()
    assert {"participant", "crowd", "casualty", "device", "generic", "sport"} <= set(cues)
    raw = json.loads(
        resources.files("khabar").joinpath("data", "events", occurrence.WEIGHTS_FILE).read_text()
    )
    assert raw["version"] and raw["trained_on"]


def test_a_reported_protest_is_kept(analyse: Analyse) -> None:
    doc = analyse(
        "تظاهر آلاف الطلاب أمس أمام مبنى البرلمان في وسط العاصمة مطالبين باستقالة الحكومة."
    )
    assert "PROTEST" in types(doc)


def test_a_reported_bombing_is_kept(analyse: Analyse) -> None:
    doc = analyse(
        "قتل خمسة أشخاص وأصيب عشرة آخرون بجروح في انفجار سيارة مفخخة أمس قرب سوق في بغداد."
    )
    assert "ASSAULT" in types(doc)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("قال المدرب إن هجوم الفريق كان ضعيفا في المباراة.", "ASSAULT"),
        ("كل أشكال العنف والهجمات على المدنيين مرفوضة ويجب إدانتها.", "ASSAULT"),
    ],
)
def test_a_mention_is_dropped(analyse: Analyse, text: str, kind: str) -> None:
    # the keyword fires with the filter off (the occurrence_threshold setting at 0) ...
    assert kind in types(analyse(text, occurrence_threshold=0))
    # ... and the filter reads it as a mention
    assert kind not in types(analyse(text))


def test_the_threshold_setting_trades_precision_for_recall(analyse: Analyse) -> None:
    text = "قتل ثلاثة جنود في هجوم على حاجز في بغداد أمس."
    kept = {
        threshold: "ASSAULT" in types(analyse(text, occurrence_threshold=threshold))
        for threshold in (0, 0.2, 0.5, 0.9)
    }
    # a stricter threshold never keeps what a looser one drops
    assert kept[0] and all(kept[a] or not kept[b] for a, b in ((0.2, 0.5), (0.5, 0.9)))
    assert not kept[0.9]


def test_other_types_and_english_are_untouched(analyse: Analyse) -> None:
    doc = analyse("سيزور وزير الخارجية الإيراني موسكو الأسبوع المقبل لبحث التعاون.")
    assert "CONSULT" in types(doc)
    # PROTEST is not filtered: a mention in sport talk stays (the keyword's known weakness).
    assert "PROTEST" in types(analyse("قال المدرب إن الفريق احتج على قرار الحكم في المباراة."))
    english = analyse(
        "Police fired tear gas at protesters in the capital on Monday.", language="en"
    )
    assert english.events


def test_features_describe_the_trigger_and_its_sentence(analyse: Analyse) -> None:
    captured: list[dict[str, float]] = []

    def capture(
        sentence: Sentence,
        words: list[Word],
        event: Event,
        match: TriggerMatch,
        sentence_events: list[tuple[Event, TriggerMatch]],
        threshold: float,
    ) -> bool:
        captured.append(
            occurrence.occurrence_features(sentence, words, event, match, sentence_events)
        )
        return True

    with mock.patch("khabar.events.stage.is_occurrence", capture):
        analyse("هل احتج الفريق على قرار الحكم في المباراة؟")
        question = captured[-1]
        analyse("وتظاهر آلاف المتظاهرين أمس في الشوارع.")
        report = captured[-1]
    assert question["question"] == 1.0 and question["cue=sport"] == 1.0
    assert report["pos=verb"] == 1.0 and report["cue=crowd"] == 1.0
    assert report["sentence_initial"] == 1.0 and "question" not in report


def test_probability_is_a_logistic_of_the_weights() -> None:
    model = occurrence.OccurrenceModel("t", {"T": {"bias": 0.0, "a": 2.0}}, {"T": 0.5})
    assert model.probability("T", {"bias": 1.0}) == pytest.approx(0.5)
    assert model.probability("T", {"bias": 1.0, "a": 1.0}) == pytest.approx(0.8808, abs=1e-4)
    assert model.probability("T", {"a": 1e6}) <= 1.0


def test_filter_cost_is_small(analyse: Analyse) -> None:
    text = "قتل خمسة أشخاص وأصيب عشرة آخرون بجروح في انفجار سيارة مفخخة أمس قرب سوق في بغداد."
    calls: list[float] = []
    real = occurrence.is_occurrence

    def timed(*args: object) -> bool:
        started = time.perf_counter()
        result = real(*args)  # type: ignore[arg-type]
        calls.append(time.perf_counter() - started)
        return result

    analyse(text)  # warm the caches
    with mock.patch("khabar.events.stage.is_occurrence", timed):
        analyse(text)
    # Generous: shared CI machines are slow and loaded; typical cost is tens of microseconds.
    assert calls and sum(calls) / len(calls) < 0.005
