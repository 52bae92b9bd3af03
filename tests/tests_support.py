"""Helpers shared by test modules (importable; conftest.py holds the fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared data beside the checkout")
    return path
