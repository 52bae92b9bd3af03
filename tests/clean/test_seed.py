"""The shared seed article, when /work/shared/seed is present (it is not part of the repo)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from khabar.clean import Cleaned, clean_body

ROOT = Path(__file__).resolve().parents[2]
SEED = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared")) / "seed"

pytestmark = pytest.mark.shared


def _seed_articles() -> list[Path]:
    if not SEED.is_dir():
        return []
    return sorted(SEED.glob("*.txt"))


@pytest.mark.skipif(
    not SEED.is_dir(),
    reason=f"shared seed articles absent ({SEED}); set KHABAR_SHARED to the shared folder",
)
def test_seed_first_article(lost: Callable[[str, Cleaned], Counter[str]]) -> None:
    paths = _seed_articles()
    if not paths:
        pytest.skip("no .txt seed article in /work/shared/seed")
    body = paths[0].read_text(encoding="utf-8")
    cleaned = clean_body(body, lang="ar")
    removed = {(r.kind, r.text) for r in cleaned.removed}
    assert ("furniture", "رابط المصدر") in removed
    assert ("furniture", "تعليق (0)") in removed
    captions = [r.text for r in cleaned.removed if r.kind == "caption"]
    assert len(captions) == 1 and "الصورة:" in captions[0]
    assert [r.kind for r in cleaned.removed].count("byline") == 1
    assert cleaned.byline.wire == ["Reuters"]
    assert len(cleaned.byline.authors) == 1
    assert "(" not in cleaned.byline.authors[0]
    # The agencies quoted in the body stay in the text.
    assert "إنترفاكس" in cleaned.text and "يونهاب" in cleaned.text
    assert "الصورة:" not in cleaned.text and "رابط المصدر" not in cleaned.text
    assert not lost(body, cleaned)
