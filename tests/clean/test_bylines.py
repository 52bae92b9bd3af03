from __future__ import annotations

import pytest

from khabar.clean import clean_body

BODY = "قال مسؤولون إن الاجتماع سيعقد الأسبوع المقبل في العاصمة."


@pytest.mark.parametrize(
    ("line", "authors", "wire"),
    [
        ("نجوك آنه (بحسب رويترز)", ["نجوك آنه"], ["Reuters"]),
        ("سارة الخطيب (بحسب رويترز )", ["سارة الخطيب"], ["Reuters"]),
        ("(رويترز)", [], ["Reuters"]),
        ("- رويترز", [], ["Reuters"]),
        ("أ ف ب", [], ["AFP"]),
        ("(أ.ف.ب)", [], ["AFP"]),
        ("د ب أ", [], ["DPA"]),
        ("واس", [], ["SPA"]),
        ("وام", [], ["WAM"]),
        ("سانا", [], ["SANA"]),
        ("يونهاب", [], ["Yonhap"]),
        ("إنترفاكس", [], ["Interfax"]),
        ("رويترز + أ ف ب", [], ["Reuters", "AFP"]),
        ("المصدر: وكالة الأناضول", [], ["Anadolu"]),
        ("بقلم: أحمد علي ومحمد حسن", ["أحمد علي", "محمد حسن"], []),
        ("كتب - محمد وليد", ["محمد وليد"], []),
        ("وكالات", [], []),
        ("By Jane Doe, Reuters", ["Jane Doe"], ["Reuters"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
        ("(AP)", [], ["AP"]),
        (
            "Reporting by Jane Doe in Moscow; Additional reporting by Omar Haddad; "
            "Editing by Tom Hogue",
            ["Jane Doe", "Omar Haddad"],
            [],
        ),
        ("(Reporting by Jane Doe; Editing by John Roe)", ["Jane Doe"], []),
    ],
)
def test_byline_lines(line: str, authors: list[str], wire: list[str]) -> None:
    cleaned = clean_body(f"{BODY}\n{line}")
    assert cleaned.text == BODY
    assert [(r.kind, r.text) for r in cleaned.removed] == [("byline", line)]
    assert cleaned.byline.authors == authors
    assert cleaned.byline.wire == wire


@pytest.mark.parametrize(
    "line",
    [
        "نقلت وكالة رويترز عن مسؤولين أن المحادثات ستستأنف.",
        "وقالت وكالة إنترفاكس إن الوزير وصل إلى بيونغ يانغ.",
        "By the end of the day, officials had left the building.",
        "Reuters could not independently verify the report.",
        "الجيش السوري يعلن السيطرة على البلدة",
    ],
)
def test_agency_inside_a_sentence_is_not_a_byline(line: str) -> None:
    cleaned = clean_body(line)
    assert cleaned.text == line
    assert cleaned.byline.wire == []
    assert cleaned.byline.authors == []


def test_byline_with_a_date_sets_dated() -> None:
    cleaned = clean_body(f"By Jane Doe | Sept 4, 2023\n{BODY}")
    assert cleaned.byline.authors == ["Jane Doe"]
    assert cleaned.dated == "2023-09-04"


def test_closing_agency_in_parentheses_is_the_wire() -> None:
    cleaned = clean_body(f"{BODY}\nوأضاف أن الوفد سيغادر غداً. (رويترز)")
    assert cleaned.text.endswith("سيغادر غداً.")
    assert cleaned.removed[-1].kind == "byline"
    assert cleaned.byline.wire == ["Reuters"]
