"""Nothing is silently dropped: every non-space character of the body ends up in the text or
in a removed piece, exactly once."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.clean import Cleaned, clean_body


def _ink(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _accounted(cleaned: Cleaned) -> Counter[str]:
    total = _ink(cleaned.text)
    for piece in cleaned.removed:
        total += _ink(piece.text)
    return total


# Lines of every kind cleaning knows, and plain sentences, to be shuffled into bodies.
PIECES = [
    "رابط المصدر",
    "تعليق (0)",
    "شارك",
    "اقرأ أيضاً: روسيا تعلن",
    "Share this article",
    "Read more",
    "فيسبوك | تويتر",
    "الصورة: وكالة الأنباء",
    "Smoke rises over the port. (AP Photo/Karim Nasser)",
    "وزير الخارجية (يمين) ونظيره",
    "نجوك آنه (بحسب رويترز )",
    "(رويترز)",
    "- رويترز",
    "أ ف ب",
    "By Jane Doe, Reuters",
    "Reporting by Jane Doe; Editing by John Roe",
    "الثلاثاء 3 سبتمبر 2024",
    "Sept 4, 2023",
    "القاهرة (رويترز) - قالت الحكومة إن المحادثات مستمرة.",
    "MOSCOW, Sept 4 (Reuters) - Russia said it would respond.",
    "لندن - سامر حداد: قال مسؤول إن",
    "قال الوزير إن بلاده مستعدة لمشاركة المعلومات.",
    "The two sides agreed to share intelligence.",
    "وأضاف أن الوفد سيغادر غداً. (رويترز)",
    "عمّان - نظم مئات المحتجين وقفة",
    "\u200f",
    "•",
]

ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىة")
    + list("abcdefgxyzABCDEFRT")
    + list("0123456789٠١٢٣")
    + list(" \t\n\r\u00a0\u200f\u064b\u0651ـ")
    + list("()[]:：-–—|/.,،؛;«»\"'")
)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=300), st.sampled_from([None, "ar", "en"]))
def test_no_character_lost_on_random_text(body: str, lang: str | None) -> None:
    cleaned = clean_body(body, lang=lang)
    assert _accounted(cleaned) == _ink(body)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(ALPHABET, max_size=60)),
        max_size=14,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n", "\u2029"]),
    st.sampled_from([None, "ar", "en"]),
    st.one_of(st.none(), st.sampled_from(PIECES)),
)
def test_no_character_lost_on_article_like_bodies(
    lines: list[str], separator: str, lang: str | None, title: str | None
) -> None:
    body = separator.join(lines)
    cleaned = clean_body(body, lang=lang, title=title, year=2024)
    assert _accounted(cleaned) == _ink(body)
    assert all(r.kind in ("furniture", "caption", "byline", "dateline") for r in cleaned.removed)
    assert all(r.text.strip() for r in cleaned.removed)
    assert all(line.strip() == line and line for line in cleaned.text.split("\n") if cleaned.text)
