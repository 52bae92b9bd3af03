"""Shared fixtures. Every document a test produces can be checked against khabar/1."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(__import__("os").environ.get("KHABAR_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    import khabar

    return khabar.load()


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared data beside the checkout")
    return path
