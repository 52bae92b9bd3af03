from __future__ import annotations

import pytest

from khabar.clean import clean_body

LEAD = "قال مسؤولون إن الاجتماع سيعقد الأسبوع المقبل في العاصمة."


@pytest.mark.parametrize(
    "line",
    [
        "الصورة: رويترز",
        "صورة: أرشيفية من مكتب الرئاسة",
        "Photo: Reuters",
        "Image: AFP via Getty Images",
        "Photo by John Roe/Reuters",
        "(Reuters/Jane Doe)",
        "(AFP via Getty Images)",
        "صورة أرشيفية",
        # A caption whose last part is a credit is a caption as a whole.
        "الرئيس التركي والرئيس الإيراني خلال لقاء في أنقرة في يناير 2024. الصورة: وكالة الأناضول",
        "Protesters gather outside parliament in Tunis on Sunday. Photo: AFP",
        "Smoke rises over the port on Monday. (AP Photo/Karim Nasser)",
        # A short line with a position marker.
        "وزير الخارجية (يمين) ونظيره الأردني في عمّان",
    ],
)
def test_captions(line: str) -> None:
    cleaned = clean_body(f"{LEAD}\n{line}\n{LEAD}")
    assert [(r.kind, r.text) for r in cleaned.removed] == [("caption", line)]
    assert cleaned.text == f"{LEAD}\n{LEAD}"


def test_credit_at_the_end_of_a_long_paragraph_takes_only_the_credit() -> None:
    paragraph = " ".join(["The minister said the talks would continue next week."] * 9)
    cleaned = clean_body(f"{paragraph} Photo: Reuters")
    assert cleaned.text == paragraph
    assert [(r.kind, r.text) for r in cleaned.removed] == [("caption", "Photo: Reuters")]


def test_agency_in_parentheses_under_a_caption_credits_the_photo() -> None:
    cleaned = clean_body(f"{LEAD}\nمتظاهرون في وسط العاصمة (يسار)\n(رويترز)\n{LEAD}")
    assert [r.kind for r in cleaned.removed] == ["caption", "caption"]
    assert cleaned.byline.wire == []


@pytest.mark.parametrize(
    "line",
    [
        "وقال إن الصورة باتت واضحة الآن بعد الاجتماع.",
        "The report covered the 2019/2020 budget (pages 4-9).",
        "He said the image of the country had suffered.",
    ],
)
def test_sentences_are_not_captions(line: str) -> None:
    assert clean_body(line).text == line
