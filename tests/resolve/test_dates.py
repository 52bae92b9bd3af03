"""Tests of khabar.resolve.dates on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.resolve.dates import find_dates, resolve_date_expression

PUB = dt.date(2023, 9, 5)  # a Tuesday


def values(text: str, lang: str = "ar", published: dt.date | None = PUB) -> list[str | None]:
    return [d.value for d in find_dates(text, lang, published)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وقع الاتفاق في الرابع من سبتمبر/أيلول 2023.", "2023-09-04"),
        ("زار القاهرة في أبريل 2019.", "2019-04"),
        ("اندلعت الاحتجاجات عام 2019.", "2019"),
        ("وقعت الاشتباكات يوم ١٥ أكتوبر ٢٠٢٢.", "2022-10-15"),
        ("صدر القرار بتاريخ 05/06/2021.", "2021-06-05"),
        ("عقدت القمة في الحادي والعشرين من مايو 2018.", "2018-05-21"),
        ("انسحبت القوات في أغسطس من عام 2021.", "2021-08"),
        ("في 2023-08-14 أعلنت الشركة إفلاسها.", "2023-08-14"),
    ],
)
def test_absolute_arabic(text: str, value: str) -> None:
    assert values(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في 17 تشرين الأول 2019 خرج المتظاهرون.", "2019-10-17"),
        ("في كانون الثاني 2021 تسلمت الحكومة مهامها.", "2021-01"),
        ("زار دمشق في شباط الماضي.", "2023-02"),
        ("وقع الاتفاق في 20 غشت 2023.", "2023-08-20"),
        ("صادق البرلمان على القانون في 15 شتنبر 2022.", "2022-09-15"),
        ("دخل القرار حيز التنفيذ في فاتح نونبر 2021.", "2021-11-01"),
        ("استقلت البلاد في 5 جويلية 1962.", "1962-07-05"),
        ("في آذار (مارس) 2011 بدأت الاحتجاجات.", "2011-03"),
    ],
)
def test_levantine_and_maghrebi_months(text: str, value: str) -> None:
    assert values(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("هذا الشهر", "2023-09"),
        ("العام الماضي", "2022"),
        ("منذ العام الماضي", "2022"),
        ("الشهر المقبل", "2023-10"),
        ("اليوم", "2023-09-05"),
        ("أمس", "2023-09-04"),
        ("بالأمس", "2023-09-04"),
        ("أول أمس", "2023-09-03"),
        ("غداً", "2023-09-06"),
        ("بعد يومين", "2023-09-07"),
        ("قبل ثلاثة أيام", "2023-09-02"),
        ("الثلاثاء الماضي", "2023-08-29"),
        ("يوم الأحد", "2023-09-03"),
        ("في يوليو", "2023-07"),
        ("في سبتمبر الماضي", "2022-09"),
        ("منتصف يوليو الحالي", "2023-07"),
        ("الأسبوع الماضي", "2023-08"),
        ("للعام المقبل", "2024"),
    ],
)
def test_relative_arabic(text: str, value: str) -> None:
    assert values(text) == [value]


def test_future_marking_moves_weekdays_and_months_forward() -> None:
    assert values("سيزور الوزير بغداد الأحد.") == ["2023-09-10"]
    assert values("ستستضيف الدوحة المؤتمر في نوفمبر.") == ["2023-11"]
    assert values("عقد المؤتمر في نوفمبر.") == ["2022-11"]


def test_range_of_mid_month() -> None:
    (date,) = find_dates("منتصف يوليو الحالي", "ar", PUB)
    assert date.range == ("2023-07-11", "2023-07-20")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("صدر الأمر في 15 رمضان 1444 هـ.", "2023-04-06"),
        ("صدر القرار بتاريخ 10/1/1443هـ.", "2021-08-18"),
        ("تأسست الجمعية عام 1444 هـ.", "2023"),
        ("في شهر رمضان 1444", "2023-04"),
    ],
)
def test_hijri(text: str, value: str) -> None:
    assert values(text) == [value]


def test_hijri_year_range() -> None:
    (date,) = find_dates("1444 هـ", "ar", None)
    assert date.range == ("2022-07-30", "2023-07-18")


@pytest.mark.parametrize(
    "text",
    [
        "مارس الضغط على الحكومة.",  # the verb مارس
        "قتل 2019 شخصا في الهجمات.",  # a count, not a year
        "لا خلاف بين الاثنين.",  # الاثنين = the two
        "في اليوم العالمي للمرأة.",
        "وصل رمضان إلى المطار.",  # a personal name
    ],
)
def test_no_false_dates(text: str) -> None:
    assert [d.value for d in find_dates(text, "ar", PUB) if d.value] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on July 4th", "2023-07-04"),
        ("the 4th of July, 2021", "2021-07-04"),
        ("in March 2020", "2020-03"),
        ("last Tuesday", "2023-08-29"),
        ("yesterday", "2023-09-04"),
        ("the day before yesterday", "2023-09-03"),
        ("two days ago", "2023-09-03"),
        ("in two weeks", "2023-09-19"),
        ("last year", "2022"),
        ("next month", "2023-10"),
        ("in early July", "2023-07"),
        ("since 2019", "2019"),
    ],
)
def test_english(text: str, value: str) -> None:
    assert values(text, "en") == [value]


def test_english_modal_and_verb_are_not_months() -> None:
    assert values("He said it may rain, and they march on.", "en") == []
    assert values("The troops will march to the border.", "en") == []


def test_spans_exclude_preposition_and_cover_expression() -> None:
    text = "وقعت الحكومة في الرابع من سبتمبر/أيلول الاتفاق"
    (date,) = find_dates(text, "ar", PUB)
    assert date.text == "الرابع من سبتمبر/أيلول"
    assert text[date.start : date.end] == date.text


def test_span_offsets_survive_diacritics() -> None:
    text = "يَصِلُ الوَفْدُ غَدًا إلى الرِّياضِ"
    (date,) = find_dates(text, "ar", PUB)
    assert text[date.start : date.end] == date.text == "غَدًا"
    assert date.value == "2023-09-06"


def test_relative_dates_stay_unresolved_without_publication() -> None:
    found = find_dates("أعلنت الوزارة أمس أن العام الماضي شهد تراجعا", "ar", None)
    assert [d.text for d in found] == ["أمس", "العام الماضي"]
    assert all(d.value is None and d.range is None for d in found)
    assert values("في الرابع من سبتمبر 2023", published=None) == ["2023-09-04"]


def test_resolve_date_expression() -> None:
    assert resolve_date_expression("في الرابع من سبتمبر/أيلول", "ar", PUB) == (
        "2023-09-04",
        ("2023-09-04", "2023-09-04"),
    )
    assert resolve_date_expression("العام الماضي", "ar", "2023-09-05") == (
        "2022",
        ("2022-01-01", "2022-12-31"),
    )
    assert resolve_date_expression("العام الماضي", "ar", None) is None


_PIECES = [
    "أمس",
    "في الرابع من سبتمبر/أيلول",
    "العام الماضي",
    "١٥ رمضان ١٤٤٤ هـ",
    "الثلاثاء المقبل",
    "قال الوزير",
    "بالأمس",
    "غداً",
    "2019",
    "last week",
    "May 5",
    "،",
    " ",
    "\n",
    "ّ",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12),
    st.sampled_from(["ar", "en"]),
    st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 1, 1))),
)
def test_spans_are_valid_offsets(pieces: list[str], lang: str, published: dt.date | None) -> None:
    text = " ".join(pieces)
    for date in find_dates(text, lang, published):
        assert 0 <= date.start < date.end <= len(text)
        assert text[date.start : date.end] == date.text
        if date.value is not None:
            assert date.range is not None and date.range[0] <= date.range[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES[:10]), min_size=1, max_size=6))
def test_relative_never_resolves_without_publication(pieces: list[str]) -> None:
    text = " ".join(pieces)
    relative_words = ("أمس", "الماضي", "المقبل", "غداً", "last week", "May 5")
    for date in find_dates(text, "ar", None) + find_dates(text, "en", None):
        if any(word in date.text for word in relative_words):
            assert date.value is None
