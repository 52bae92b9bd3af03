"""Helpers shared by test modules (importable; conftest.py holds the fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khabar.document import Actor, Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared data beside the checkout")
    return path


def actor_of(doc: Document, text: str) -> Actor:
    """The actor of the first mention written ``text`` (fails the test when there is none)."""
    mention = next(m for m in doc.mentions if m.text == text)
    assert mention.actor is not None, f"{text} has no actor"
    actor = doc.actor(mention.actor)
    assert actor is not None
    return actor


def claim_triples(doc: Document) -> list[tuple[str | None, str | None, str | None]]:
    """Each claim as (speaker span, cue, content) texts."""
    return [
        (
            c.speaker_span.text if c.speaker_span else None,
            c.cue.text if c.cue else None,
            c.content.text if c.content else None,
        )
        for c in doc.claims
    ]
