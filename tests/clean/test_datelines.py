from __future__ import annotations

import pytest

from khabar.clean import clean_body
from khabar.clean.dates import date_stamp, find_dates
from khabar.clean.normalize import aligned


@pytest.mark.parametrize(
    ("paragraph", "prefix", "place", "wire", "authors"),
    [
        ("لندن - سامر حداد: قال مسؤول بريطاني إن", "لندن - سامر حداد:", "لندن", [], ["سامر حداد"]),
        ("القاهرة (رويترز) - قالت الحكومة إن", "القاهرة (رويترز) -", "القاهرة", ["Reuters"], []),
        (
            "WASHINGTON (Reuters) - The United States said",
            "WASHINGTON (Reuters) -",
            "WASHINGTON",
            ["Reuters"],
            [],
        ),
        ("الرياض - واس: أعلنت وزارة الخارجية", "الرياض - واس:", "الرياض", ["SPA"], []),
        (
            "KYIV, Ukraine (AP) — Russian drones struck",
            "KYIV, Ukraine (AP) —",
            "KYIV, Ukraine",
            ["AP"],
            [],
        ),
        ("بيروت - «الأخبار»: قال مصدر إن", "بيروت - «الأخبار»:", "بيروت", [], []),
        ("عمّان - نظم مئات المحتجين وقفة", "عمّان -", "عمّان", [], []),
        ("(Reuters) - Russia said on Monday", "(Reuters) -", None, ["Reuters"], []),
    ],
)
def test_datelines(
    paragraph: str, prefix: str, place: str | None, wire: list[str], authors: list[str]
) -> None:
    cleaned = clean_body(paragraph)
    assert cleaned.removed[0].kind == "dateline"
    assert cleaned.removed[0].text == prefix
    assert cleaned.text == paragraph[len(prefix) :].strip()
    assert cleaned.byline.dateline == place
    assert cleaned.byline.wire == wire
    assert cleaned.byline.authors == authors


def test_dateline_with_date_and_year_hint() -> None:
    cleaned = clean_body("MOSCOW, Sept 4 (Reuters) - Russia said", year=2023)
    assert cleaned.byline.dateline == "MOSCOW"
    assert cleaned.dated == "2023-09-04"
    assert clean_body("MOSCOW, Sept 4 (Reuters) - Russia said").dated is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "وقال الرئيس - في خطاب متلفز: إن البلاد",
        "قال المتحدث - وهو يرد على سؤال - إن",
        "The minister said: talks will resume.",
    ],
)
def test_sentences_are_not_datelines(paragraph: str) -> None:
    cleaned = clean_body(paragraph)
    assert cleaned.text == paragraph
    assert cleaned.byline.dateline is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("الثلاثاء 3 سبتمبر 2024", "2024-09-03"),
        ("4 سبتمبر/أيلول 2023", "2023-09-04"),
        ("٣ تشرين الأول ٢٠٢٤", "2024-10-03"),
        ("1 أيار 2022", "2022-05-01"),
        ("15 جوان 2021", "2021-06-15"),
        ("Sept 4, 2023", "2023-09-04"),
        ("September 4, 2023", "2023-09-04"),
        ("4 September 2023", "2023-09-04"),
        ("2024/09/03", "2024-09-03"),
        ("03/09/2024", "2024-09-03"),
        ("نشر في: الثلاثاء 29 صفر 1446 هـ - 3 سبتمبر 2024 م 10:30", "2024-09-03"),
        ("Updated Sept 4, 2023 10:12 GMT", "2023-09-04"),
    ],
)
def test_date_stamps(text: str, iso: str) -> None:
    hit = date_stamp(aligned(text))
    assert hit is not None
    assert hit.iso == iso
    cleaned = clean_body(f"{text}\nقال الوزير إن المحادثات مثمرة.")
    assert cleaned.dated == iso
    assert cleaned.removed[0].kind == "dateline"


def test_impossible_dates_are_not_parsed() -> None:
    assert all(h.iso is None for h in find_dates(aligned("31 فبراير 2024")))
    assert date_stamp(aligned("قال في 3 مارس 2020 إن الاتفاق انهار")) is None
