from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from khabar.clean import Cleaned


def _ink(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _lost(body: str, cleaned: Cleaned) -> Counter[str]:
    """Characters of ``body`` missing from, or added to, the text and the removed pieces."""
    total = _ink(cleaned.text)
    for piece in cleaned.removed:
        total += _ink(piece.text)
    expected = _ink(body)
    return (expected - total) + (total - expected)


@pytest.fixture
def lost() -> Callable[[str, Cleaned], Counter[str]]:
    """``lost(body, cleaned)``: empty when every non-space character is accounted for once."""
    return _lost
