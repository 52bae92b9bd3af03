"""The project's example articles (examples/), cleaned."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from khabar.clean import Cleaned, clean_body

Lost = Callable[[str, Cleaned], Counter[str]]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _body(name: str) -> tuple[str, str]:
    """An example .txt file: its first line is the title, the rest the body."""
    title, _, body = (EXAMPLES / name).read_text(encoding="utf-8").partition("\n")
    return title, body


def test_ar_visit(lost: Lost) -> None:
    title, body = _body("ar_visit.txt")
    cleaned = clean_body(body, title=title, lang="ar")
    assert cleaned.byline.authors == ["سارة الخطيب"]
    assert cleaned.byline.wire == ["Reuters"]
    assert cleaned.byline.dateline == "موسكو"
    assert cleaned.dated == "2024-05-12"
    kinds = [r.kind for r in cleaned.removed]
    assert kinds.count("caption") == 1
    assert kinds.count("furniture") == 4
    assert cleaned.text.startswith("قالت وكالة الإعلام الروسية نقلاً عن مصادر")
    # An agency inside a sentence stays.
    assert "رابط" not in cleaned.text and "الصورة:" not in cleaned.text
    assert not lost(body, cleaned)


def test_ar_denial() -> None:
    title, body = _body("ar_denial.txt")
    cleaned = clean_body(body, title=title, lang="ar")
    assert cleaned.byline.dateline == "بغداد"
    assert cleaned.byline.wire == ["SPA"]
    assert "نقلته وكالة فرانس برس عن مصادر محلية" in cleaned.text
    assert [r.kind for r in cleaned.removed] == ["dateline", "furniture", "furniture", "furniture"]


def test_en_talks() -> None:
    title, body = _body("en_talks.txt")
    cleaned = clean_body(body, title=title, lang="en")
    assert cleaned.byline.authors == ["Jane Doe", "Omar Haddad"]
    assert cleaned.byline.wire == ["Reuters"]
    assert cleaned.byline.dateline == "WASHINGTON"
    assert cleaned.dated == "2023-09-04"
    assert cleaned.text.startswith("The United States accused Iran")
    assert "would share its proposals" in cleaned.text
    assert "Advertisement" not in cleaned.text and "Share this article" not in cleaned.text


def test_batch_records_are_well_formed() -> None:
    records = [
        json.loads(line) for line in (EXAMPLES / "batch.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(records) == 3
    for record in records:
        assert {"id", "url", "source", "published", "title", "language"} <= set(record)
        assert ("text" in record) != ("html" in record)


def test_batch_text_records_clean() -> None:
    records = [
        json.loads(line) for line in (EXAMPLES / "batch.jsonl").read_text("utf-8").splitlines()
    ]
    first = clean_body(records[0]["text"], title=records[0]["title"], lang="ar")
    assert first.byline.wire == ["MENA"]
    assert first.byline.dateline == "القاهرة"
    second = clean_body(records[1]["text"], title=records[1]["title"], lang="en")
    assert second.byline.authors == ["Jane Doe"]
    assert second.byline.wire == ["Reuters"]


@pytest.mark.parametrize("name", ["ar_protest.html", "en_attack.html"])
def test_html_examples_after_extraction(name: str, lost: Lost) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    html = (EXAMPLES / name).read_text(encoding="utf-8")
    body = trafilatura.extract(html, favor_recall=True)
    assert body
    cleaned = clean_body(body, lang=name[:2])
    assert cleaned.byline.wire == (["AFP"] if name.startswith("ar") else ["AP"])
    assert cleaned.byline.dateline == ("تونس" if name.startswith("ar") else "BEIRUT")
    for furniture in ("Advertisement", "Follow us on Twitter", "We use cookies"):
        assert furniture not in cleaned.text
    assert not lost(body, cleaned)
