"""Shared fixtures. Every document a test produces can be checked against khabar/1."""

from __future__ import annotations

import pytest
from hypothesis import settings

from tests_support import EXAMPLES, ROOT, SHARED, needs_shared  # noqa: F401

# Timing varies on shared CI machines; correctness, not speed, is what these tests check.
settings.register_profile("khabar", deadline=None)
settings.load_profile("khabar")


@pytest.fixture(autouse=True)
def _every_document_is_valid_khabar1(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document any test produces is checked against the shipped khabar/1 schema."""
    from khabar.pipeline import Pipeline
    from khabar.schema import validate_document

    original = Pipeline.process

    def checked(self: Pipeline, article):  # type: ignore[no-untyped-def]
        doc = original(self, article)
        validate_document(doc.to_dict())
        return doc

    monkeypatch.setattr(Pipeline, "process", checked)


def _analyse(text: str, language: str = "ar", published: str = "2023-09-05", **settings):  # type: ignore[no-untyped-def]
    nlp = _pipeline(language, tuple(sorted(settings.items())))
    return nlp(text, published=published)


@pytest.fixture
def analyse():  # type: ignore[no-untyped-def]
    """Run the default pipeline (without the statistical tagger unless ``statistical_ner=True``
    is passed) on a text written for a test."""
    return _analyse


_PIPELINES: dict = {}  # type: ignore[type-arg]


def _pipeline(language: str, settings: tuple):  # type: ignore[no-untyped-def, type-arg]
    import khabar

    key = (language, settings)
    if key not in _PIPELINES:
        _PIPELINES[key] = khabar.load(
            language=language, **({"statistical_ner": False} | dict(settings))
        )
    return _PIPELINES[key]
