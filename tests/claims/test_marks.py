"""Attributions marked by punctuation: headline colons and dash-signed quotations.

Texts written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.document import Document
from tests_support import claim_triples as triples

Analyse = Callable[..., Document]


def cues(doc: Document) -> list[str | None]:
    return [c.cue.text if c.cue else None for c in doc.claims]


def test_english_headline_speaker(analyse: Analyse) -> None:
    doc = analyse("Putin: Russia will never give up Crimea.\n\nThe speech was long.", language="en")
    assert ("Putin", ":", "Russia will never give up Crimea") in triples(doc)
    claim = next(c for c in doc.claims if c.cue and c.cue.text == ":")
    assert claim.speaker is not None and claim.stance == "assert" and not claim.direct


def test_arabic_headline_speaker(analyse: Analyse) -> None:
    doc = analyse("بوتين: روسيا لن تتخلى عن شبه جزيرة القرم\n\nوكان الخطاب طويلا.", language="ar")
    assert ("بوتين", ":", "روسيا لن تتخلى عن شبه جزيرة القرم") in triples(doc)


def test_quoted_headline_is_direct(analyse: Analyse) -> None:
    doc = analyse("Putin: “Russia will never give up Crimea.”\n\nMore text.", language="en")
    claim = next(c for c in doc.claims if c.cue and c.cue.text == ":")
    assert claim.direct and claim.stance == "quote"


def test_a_source_noun_speaks_in_a_headline(analyse: Analyse) -> None:
    doc = analyse("Poll: Most voters back the new law before the vote.\n\nText.", language="en")
    assert ("Poll", ":", "Most voters back the new law before the vote") in triples(doc)


def test_transcript_speaker_labels(analyse: Analyse) -> None:
    doc = analyse(
        "HOLLIS: Let us start with the news of the day.\n\n"
        "MARKOV: We will not sign the deal this year.",
        language="en",
    )
    speakers = [s for s, c, _ in triples(doc) if c == ":"]
    assert speakers == ["HOLLIS", "MARKOV"]


def test_labels_and_headings_are_not_speakers(analyse: Analyse) -> None:
    doc = analyse(
        "UPDATE: Russia will never give up Crimea, the statement went on.\n\n"
        "Stealth Over Health: The senator went to hospital in secret.\n\n"
        "Question: What do the voters want from the new parliament?",
        language="en",
    )
    assert ":" not in cues(doc)


def test_a_verb_before_the_colon_keeps_the_claim(analyse: Analyse) -> None:
    doc = analyse("Lavrov said: “We will win the vote tomorrow.”", language="en")
    (cue,) = cues(doc)
    assert cue is not None and cue.startswith("said")


def test_dash_signed_quotation(analyse: Analyse) -> None:
    doc = analyse(
        "The ceremony ended at noon. “Our greatest shame is our silence.” ― Jane Morrow\n\n"
        "Guests left soon after.",
        language="en",
    )
    (claim,) = [c for c in doc.claims if c.cue and c.cue.text == "―"]
    assert claim.speaker_span is not None and claim.speaker_span.text == "Jane Morrow"
    assert claim.content.text == "“Our greatest shame is our silence.”"
    assert claim.direct and claim.stance == "quote"


def test_a_dash_without_a_quotation_is_not_a_signature(analyse: Analyse) -> None:
    doc = analyse("The minister — a former general — resigned on Monday.", language="en")
    assert doc.claims == []


def test_a_dash_after_a_quotation_and_a_lowercase_word(analyse: Analyse) -> None:
    doc = analyse("He called the remark “a compliment” — and then he left the hall.", language="en")
    assert "—" not in cues(doc)
