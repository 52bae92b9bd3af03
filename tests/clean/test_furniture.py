from __future__ import annotations

import pytest

from khabar.clean import clean_body


@pytest.mark.parametrize(
    "line",
    [
        "رابط المصدر",
        "تعليق (0)",
        "التعليقات (12)",
        "شارك",
        "مشاركة",
        "اشترك",
        "اشترك في النشرة البريدية",
        "اقرأ أيضاً: روسيا تعلن مناورات جديدة",
        "اقرأ أيضا",
        "» اقرأ أيضاً",
        "المزيد",
        "تابعونا",
        "تابعونا على تلغرام",
        "فيسبوك | تويتر | واتساب",
        "الرئيسية > أخبار > عربي",
        "الوسوم: العراق، سوريا",
        "جميع الحقوق محفوظة © 2024",
        "Share",
        "Share this article",
        "Share Tweet Email",
        "Subscribe",
        "Read more",
        "Read more: Talks resume in Muscat",
        "Related",
        "Advertisement",
        "ADVERTISEMENT",
        "Follow us",
        "Follow us on Twitter",
        "12 Comments",
        "Comments (3)",
        "We use cookies to improve your experience. By continuing to browse you agree.",
        "© 2024 Example News. All rights reserved.",
        "•",
        "\u200f",
    ],
)
def test_furniture_lines_are_removed(line: str) -> None:
    body = f"قال الوزير إن المحادثات كانت مثمرة.\n{line}\nوأضاف أن الجولة المقبلة ستعقد في القاهرة."
    cleaned = clean_body(body)
    assert line.strip() not in cleaned.text.split("\n")
    assert [(r.kind, r.text) for r in cleaned.removed] == [("furniture", line.strip())]


@pytest.mark.parametrize(
    "line",
    [
        "The two countries agreed to share intelligence on militant groups.",
        "Shares in the state oil company fell 3% after the announcement.",
        "وقال إن بلاده مستعدة لمشاركة المعلومات مع الشركاء الإقليميين.",
        "وأعلن أن الحزب سيشارك في الانتخابات المقبلة.",
        "Officials said they would subscribe to the new framework next year.",
        "حفظ السلام في المنطقة مسؤولية مشتركة.",
        "The EU cookie law has been revised twice since 2011, officials said.",
        "Related talks are expected in Geneva next month.",
    ],
)
def test_sentences_that_mention_furniture_words_stay(line: str) -> None:
    cleaned = clean_body(line)
    assert cleaned.text == line
    assert cleaned.removed == []


def test_language_hint_restricts_patterns() -> None:
    assert clean_body("Share", lang="ar").text == "Share"
    assert clean_body("Share", lang="en").text == ""
    assert clean_body("شارك", lang="en").text == "شارك"


def test_title_repeated_as_first_line_is_removed() -> None:
    cleaned = clean_body(
        "Talks resume in Muscat\nOman hosted the talks.", title="Talks resume in Muscat"
    )
    assert cleaned.text == "Oman hosted the talks."
    assert cleaned.removed[0].kind == "furniture"
