"""English attribution shapes that wire copy uses every day (texts written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from khabar.document import Document
from tests_support import claim_triples as triples

Analyse = Callable[..., Document]


def test_inverted_speaker_with_an_appositive(analyse: Analyse) -> None:
    doc = analyse("The bill will pass, said Sergei Lavrov, the foreign minister.", language="en")
    assert ("Sergei Lavrov", "said", "The bill will pass") in triples(doc)


def test_a_clause_after_the_verb_is_content_not_an_inverted_speaker(analyse: Analyse) -> None:
    doc = analyse(
        "The senator, who spoke to reporters on Monday, said the bill would pass.", language="en"
    )
    ((speaker, cue, content),) = triples(doc)
    assert cue == "said" and content == "the bill would pass"
    assert speaker is not None and speaker.startswith("The senator")
