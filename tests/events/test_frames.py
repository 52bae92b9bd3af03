"""Event frames and the main event, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.document import Document, Event, Span
from khabar.events.frames import load_frames, resolve
from khabar.events.main import main_event

Analyse = Callable[..., Document]


def _event(type_: str, start: int, end: int, status: str = "asserted", conf: float = 0.7) -> Event:
    return Event("", type_, Span(start, end), 0, status=status, confidence=conf)


@pytest.mark.parametrize(
    ("kind", "embedded", "expected"),
    [
        ("commit", "SUPPORT", "AGREE"),
        ("commit", "AID", "AGREE"),
        ("commit", "RETREAT", "CONCEDE"),
        ("commit", "COERCE", "THREATEN"),
        ("threaten", "COERCE", "THREATEN"),
        ("refuse", "AGREE", "REJECT"),
        ("refuse", "ASSAULT", None),
        ("negate", "AGREE", "REJECT"),
        ("negate", "CONSULT", None),
        ("demand", "AGREE", "REQUEST"),
        ("reverse", "COERCE", "CONCEDE"),
        ("reverse", "AID", "SANCTION"),
        ("reverse", "CONSULT", "REJECT"),
    ],
)
def test_resolution_follows_the_manual(kind: str, embedded: str, expected: str | None) -> None:
    assert resolve(kind, embedded) == expected


def test_frame_cues_load_for_both_languages() -> None:
    assert load_frames("en").kind_of_lemma("threaten") == "threaten"
    assert load_frames("ar").kind_of_lemma("تعهد") == "commit"
    assert load_frames("en").match_words(["he", "is", "ready", "to", "go"]) == [(1, 4, "commit")]


def test_main_event_prefers_the_framing_event() -> None:
    embedded = _event("SUPPORT", 10, 17, status="planned", conf=0.9)
    framing = _event("AGREE", 5, 17)
    assert main_event([embedded, framing]) is framing
    obj = _event("COERCE", 20, 26, conf=0.9)
    lifting = _event("CONCEDE", 12, 26, conf=0.7)
    assert main_event([obj, lifting]) is lifting
    assert main_event([]) is None
    only = _event("CONSULT", 0, 5, status="planned")
    assert main_event([only]) is only


def test_main_event_in_english_is_the_one_nearest_the_parse_root() -> None:
    pytest.importorskip("spacy")
    from khabar.actors.english_ner import load_english_ner

    if load_english_ner() is None:
        pytest.skip("no English spaCy model installed")
    text = "Negotiators returned to Geneva for talks on limiting nuclear missiles."
    talks = Event("e1", "CONSULT", Span(text.index("talks"), text.index("talks") + 5), 0)
    talks.confidence = 0.6
    end = text.index("missiles") + len("missiles")
    missiles = Event("e2", "ASSAULT", Span(text.index("missiles"), end), 0, confidence=0.8)
    doc = Document(text=text, language="en")
    # a noun deep inside the phrase is not what the sentence reports, however confident
    assert main_event([missiles, talks], doc) is talks
    # without the document (or its parse) confidence decides, as in Arabic
    assert main_event([missiles, talks]) is missiles
    assert main_event([missiles, talks], Document(text=text, language="ar")) is missiles


def test_commitment_to_cooperate_is_agree(analyse: Analyse) -> None:
    doc = analyse("Norway said it is ready to send aid to Sudan.", language="en")
    main = main_event(doc.events)
    assert main is not None and main.type == "AGREE" and main.status == "asserted"
    aid = [e for e in doc.events if e.type == "AID"]
    assert aid and all(e.status == "planned" for e in aid)


def test_threat_to_coerce_is_threaten(analyse: Analyse) -> None:
    doc = analyse("Turkey threatened to cut off water to the region.", language="en")
    main = main_event(doc.events)
    assert main is not None and main.type == "THREATEN"
    assert any(e.type == "COERCE" and e.status == "possible" for e in doc.events)


def test_lifting_a_curfew_is_a_concession(analyse: Analyse) -> None:
    doc = analyse("The army lifted the night curfew in the capital on Monday.", language="en")
    main = main_event(doc.events)
    assert main is not None and main.type == "CONCEDE"


def test_a_demand_runs_from_the_speaker_to_who_must_act(analyse: Analyse) -> None:
    doc = analyse("Norway said that Iran must release the detained sailors.", language="en")
    (request,) = [e for e in doc.events if e.type == "REQUEST"]
    actors = {a.id: a.name for a in doc.actors}
    assert [actors[i] for i in request.actor] == ["Norway"]
    assert [actors[i] for i in request.recipient] == ["Iran"]
    assert request.status == "asserted"
    # in the article's own voice no one is named as asking
    doc = analyse("Iran must release the detained sailors.", language="en")
    (request,) = [e for e in doc.events if e.type == "REQUEST"]
    assert request.actor == [] and len(request.recipient) == 1


def test_an_arabic_obligation_is_a_request_from_the_speaker(analyse: Analyse) -> None:
    doc = analyse("وقالت النرويج إنه يجب على إيران أن تفرج عن البحارة المعتقلين.")
    (request,) = [e for e in doc.events if e.type == "REQUEST"]
    actors = {a.id: a.name for a in doc.actors}
    assert [actors[i] for i in request.actor] == ["Norway"]
    assert [actors[i] for i in request.recipient] == ["Iran"]


def actors(doc: Document, ids: list[str]) -> list[str]:
    names = {a.id: a.name for a in doc.actors}
    return [names[i] for i in ids]


def test_a_demand_whose_act_no_trigger_names_is_still_a_request(analyse: Analyse) -> None:
    doc = analyse("Norway said Chile and Peru must settle the quarrel soon.", language="en")
    (request,) = [e for e in doc.events if e.type == "REQUEST"]
    assert actors(doc, request.actor) == ["Norway"]
    assert actors(doc, request.recipient) == ["Chile", "Peru"]
    assert request.trigger.text == "must settle" and request.status == "asserted"
    doc = analyse("وقالت النرويج إنه يجب على إيران أن تغير موقفها.")
    (request,) = [e for e in doc.events if e.type == "REQUEST"]
    assert actors(doc, request.actor) == ["Norway"]
    assert actors(doc, request.recipient) == ["Iran"]
    # an obligation the speaker puts on itself, or on no one named, asks nothing
    for text in ["Norway said it must settle the quarrel soon.", "Norway must settle it soon."]:
        assert not [e for e in analyse(text, language="en").events if e.type == "REQUEST"]
    doc = analyse("Iran said that it must defend its borders.", language="en")
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_refused_agreement_is_reject(analyse: Analyse) -> None:
    doc = analyse("Chile will not accept the new border plan.", language="en")
    main = main_event(doc.events)
    assert main is not None and main.type == "REJECT"


def test_arabic_pledge_keeps_agree_and_marks_the_embedded_event(analyse: Analyse) -> None:
    doc = analyse("تعهد الرئيس المصري بتقديم مساعدات إلى السودان.")
    main = main_event(doc.events)
    assert main is not None and main.type == "AGREE"
