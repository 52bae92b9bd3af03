"""The Document model round-trips through khabar/1 and the shipped JSON Schema checks it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.document import (
    Actor,
    Byline,
    Claim,
    DateValue,
    Document,
    Event,
    Mention,
    Place,
    Removed,
    Sentence,
    Span,
)
from khabar.errors import SchemaError
from khabar.schema import validate_document

TEXT = "نفت موسكو أمس أن يكون بوتين قد التقى كيم في فلاديفوستوك."


def full_document() -> Document:
    doc = Document(text=TEXT, id="doc-1", language="ar", published="2023-09-05", source="Test")
    doc.byline = Byline(authors=["كاتب"], wire=["Reuters"], dateline="موسكو")
    doc.removed = [Removed("furniture", "شارك"), Removed("caption", "الصورة: رويترز")]
    doc.sentences = [Sentence(0, len(TEXT))]
    start = TEXT.index("موسكو")
    doc.mentions = [
        Mention("m1", start, start + 5, "موسكو", "GPE", actor="a1", place="p1"),
        Mention("m2", TEXT.index("بوتين"), TEXT.index("بوتين") + 5, "بوتين", "PERSON", actor="a2"),
    ]
    doc.actors = [
        Actor("a1", "Russia", "روسيا", "state", "RUS", "GOV", None, ["m1"]),
        Actor("a2", "Vladimir Putin", "فلاديمير بوتين", "person", "RUS", "GOV", "Q7747", ["m2"]),
    ]
    doc.places = [Place("p1", "Moscow", "RUS", 55.75, 37.62, 524901, ["m1"])]
    cue = doc.span(0, 3)
    doc.claims = [
        Claim(
            "c1",
            "a1",
            doc.span(start, start + 5),
            cue,
            doc.span(14, len(TEXT) - 1),
            [],
            "deny",
            False,
        )
    ]
    trig = TEXT.index("التقى")
    doc.events = [
        Event(
            "e1",
            "CONSULT",
            doc.span(trig, trig + 5),
            0,
            mode="visit",
            actor=["a2"],
            status="denied",
            claim="c1",
            when={"text": "أمس", "start": "2023-09-04", "end": "2023-09-04"},
            where={
                "text": "فلاديفوستوك",
                "name": "Vladivostok",
                "country": "RUS",
                "lat": 43.1,
                "lon": 131.9,
                "geonames": 2013348,
            },
            confidence=0.7,
            cameo="040",
        )
    ]
    when = TEXT.index("أمس")
    doc.dates = [DateValue(when, when + 3, "أمس", "2023-09-04", ("2023-09-04", "2023-09-04"))]
    doc.contested = [["e1", "e2"]]
    return doc


def test_full_document_round_trips_and_validates() -> None:
    doc = full_document()
    data = doc.to_dict()
    validate_document(data)
    again = Document.from_json(doc.to_json())
    assert again.to_dict() == data
    assert json.loads(doc.to_json(indent=2)) == data


def test_schema_catches_a_bad_enum_and_a_wrong_span_text() -> None:
    data = full_document().to_dict()
    data["events"][0]["status"] = "rumoured"
    with pytest.raises(SchemaError, match="rumoured"):
        validate_document(data)
    data = full_document().to_dict()
    data["mentions"][0]["text"] = "القاهرة"
    with pytest.raises(SchemaError, match="differs from text"):
        validate_document(data)
    data = full_document().to_dict()
    data["dates"][0]["end"] = 10_000
    with pytest.raises(SchemaError, match="outside the text"):
        validate_document(data)


def test_reading_another_schema_version_is_refused() -> None:
    data = full_document().to_dict()
    data["schema"] = "khabar/2"
    with pytest.raises(SchemaError, match="khabar/1"):
        Document.from_dict(data)


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_span_round_trips(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = Document(text=text, id="x")
    doc.sentences = [Sentence(start, end)]
    doc.dates = [DateValue(start, end, text[start:end], None)]
    back = Document.from_dict(json.loads(doc.to_json()))
    validate_document(back.to_dict())
    assert back.dates[0].text == text[start:end] == back.text[start:end]
    assert isinstance(back.dates[0], DateValue) and Span(start, end).end == end
