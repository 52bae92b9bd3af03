"""The pipeline checks its plan when built, runs stages in order, and batches on processes."""

from __future__ import annotations

import pytest

import khabar
from khabar.config import Config
from khabar.document import Document
from khabar.errors import EmptyInputError, InputTooLargeError, PipelineError
from khabar.pipeline import Pipeline, check_stages
from khabar.read.article import Article, Failure
from khabar.registry import register_stage


class Shout:
    """A test stage: upper-cases the text (sets ``text`` from ``raw``)."""

    name = "shout"
    requires = ("raw",)
    sets = ("text",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("stage bug")
        doc.text = doc.text.upper()
        return doc


class Count:
    name = "count"
    requires = ("text",)
    sets = ("sentences",)

    def __init__(self, config: Config) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        doc.title = str(len(doc.text))
        return doc


register_stage("shout", Shout)
register_stage("count", Count)


def test_unknown_stage_names_the_available_ones() -> None:
    with pytest.raises(PipelineError, match=r"unknown stage 'nope'; available stages: .*shout"):
        khabar.load(pipeline=["nope"])


def test_missing_requirement_fails_at_build_with_a_hint() -> None:
    with pytest.raises(
        PipelineError, match=r"stage 'count' requires text.*add stage '\w+' before it"
    ):
        khabar.load(pipeline=["count"])


def test_check_stages_accepts_a_sound_plan() -> None:
    check_stages([("a", ("raw",), ("text",)), ("b", ("text",), ("sentences",))])


def test_stages_run_in_order_and_are_recorded() -> None:
    nlp = khabar.load(pipeline=["shout", "count"])
    doc = nlp("abc", published="2023-09-05", url="u", id="given")
    assert doc.text == "ABC" and doc.title == "3"
    assert doc.stages == ["shout", "count"]
    assert (doc.id, doc.url, doc.published) == ("given", "u", "2023-09-05")
    assert nlp.version.endswith("[shout count]")


def test_id_is_a_content_hash_when_not_given() -> None:
    nlp = khabar.load(pipeline=["shout"])
    first, again, other = nlp("abc"), nlp("abc"), nlp("abd")
    assert first.id == again.id != other.id and len(first.id) == 40


def test_default_published_fills_in_only_when_missing() -> None:
    nlp = khabar.load(pipeline=["shout"], default_published="2023-09-05")
    assert nlp("x").published == "2023-09-05"
    assert nlp("x", published="2020-01-02T10:00:00Z").published == "2020-01-02"


def test_empty_and_oversized_text_are_refused() -> None:
    nlp = khabar.load(pipeline=["shout"], max_input_bytes=10)
    with pytest.raises(EmptyInputError):
        nlp("   ")
    with pytest.raises(InputTooLargeError, match="max_input_bytes"):
        nlp("x" * 11)


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipe_keeps_order_and_records_failures(n_process: int) -> None:
    nlp = khabar.load(pipeline=["shout"])
    items: list[Article | Failure | str] = [
        "one",
        Article(body="boom", origin="bad.txt"),
        Failure("gone.txt", "not-found", "no such file"),
        Article(body="", origin="empty.txt"),
        "two",
    ]
    results = list(nlp.pipe(items, n_process=n_process, batch_size=2, errors="record"))
    assert isinstance(results[0], Document) and results[0].text == "ONE"
    assert isinstance(results[1], Failure) and results[1].reason == "internal-error"
    assert "stage bug" in results[1].message
    assert isinstance(results[2], Failure) and results[2].origin == "gone.txt"
    assert isinstance(results[3], Failure) and results[3].reason == "empty"
    assert isinstance(results[4], Document) and results[4].text == "TWO"


def test_pipe_raises_by_default() -> None:
    nlp = khabar.load(pipeline=["shout"])
    with pytest.raises(RuntimeError):
        list(nlp.pipe(["boom"]))


def test_pipeline_rejects_bad_process_count() -> None:
    nlp = khabar.load(pipeline=["shout"])
    with pytest.raises(PipelineError):
        list(nlp.pipe(["a"], n_process=0))


def test_pipeline_built_from_instances_is_checked() -> None:
    with pytest.raises(PipelineError):
        Pipeline([Count(Config())], Config())
