"""English speakers read from spaCy's parse (texts written here); skipped without the model."""

from __future__ import annotations

import pytest

from khabar.actors.english_ner import english_parse, load_english_ner
from khabar.claims import ClaimsStage
from khabar.claims.english_syntax import Syntax
from khabar.config import Config
from khabar.document import Claim, Document
from khabar.text.segment import segment

pytestmark = pytest.mark.skipif(
    load_english_ner() is None,
    reason="no English spaCy model installed (pip install 'khabar[english]')",
)


def claims_of(text: str) -> list[Claim]:
    doc = Document(text=text, language="en")
    doc.sentences = segment(text, "en")
    return ClaimsStage(Config())(doc).claims


def speakers(text: str) -> dict[str, str | None]:
    """Cue text -> speaker span text."""
    return {
        c.cue.text: c.speaker_span.text if c.speaker_span else None
        for c in claims_of(text)
        if c.cue is not None
    }


def test_the_subject_is_the_whole_noun_phrase_even_past_a_time_phrase() -> None:
    text = "Republican presidential candidate Donald Trump on Saturday tweeted that he would win."
    assert speakers(text)["tweeted"] == "Republican presidential candidate Donald Trump"


def test_a_coordinated_verb_shares_the_first_verbs_subject() -> None:
    text = "Ebeling spoke about her school days and said their views had changed since."
    assert speakers(text)["said"] == "Ebeling"


def test_a_passive_cue_has_its_agent_or_no_speaker() -> None:
    got = speakers("Her death was confirmed by the family of the senator on Monday.")
    assert got["was confirmed"] == "the family of the senator"
    # "The deal is expected to pass": nobody in the text expects it.
    expected = speakers("The deal is expected to pass the senate next week.")
    assert all(speaker is None for speaker in expected.values())


def test_a_participle_after_a_comma_takes_the_main_clauses_subject() -> None:
    text = "The minister spoke for an hour, saying that the talks had failed."
    assert speakers(text)["saying"] == "The minister"


def test_syntax_features_align_with_the_rule_tokens() -> None:
    text = "The minister said that the talks had failed."
    doc = Document(text=text, language="en")
    doc.sentences = segment(text, "en")
    from khabar.claims.view import sentence_toks

    toks = sentence_toks(doc.sentences[0], "en")
    parsed = english_parse(text)
    assert parsed is not None
    features = Syntax(parsed).features(toks)
    said = next(i for i, t in enumerate(toks) if t.text == "said")
    assert "tag=VBD" in features[said] and "kid=ccomp" in features[said]
    assert len(features) == len(toks)


def test_a_sentence_split_off_its_quotation_reports_it() -> None:
    text = "“We will win this race, and nobody can stop us now.” Trump said."
    (claim,) = [c for c in claims_of(text) if c.cue is not None and c.cue.text == "said"]
    assert claim.content.text.startswith("“We will win")
    assert claim.speaker_span is not None and claim.speaker_span.text == "Trump"


def test_said_in_a_statement_is_one_cue() -> None:
    text = "The ministry said in a statement that the border would reopen."
    cues = [c.cue.text for c in claims_of(text) if c.cue is not None]
    assert cues == ["said in a statement"]


def test_a_reduced_passive_names_its_agent() -> None:
    text = "When asked by reporters on Monday, the minister said the border would reopen."
    assert speakers(text).get("asked") == "reporters"


def test_right_after_a_quotation_the_words_before_the_verb_are_its_speaker() -> None:
    text = "“Every single amendment failed, and we will try again,” Ash wrote in the email."
    assert speakers(text)["wrote"] == "Ash"


def test_an_adjective_cue_takes_the_subject_of_its_copula() -> None:
    text = "Many voters in the state were acutely aware that their man might lose."
    parsed = english_parse(text)
    assert parsed is not None
    start = text.index("aware")
    decided, span = Syntax(parsed).subject(start, start + len("aware"))
    assert decided and span is not None
    assert text[span[0] : span[1]] == "Many voters in the state"


def subject_of(text: str, cue: str) -> str | None:
    """The speaker the parse gives the first ``cue`` in ``text``."""
    parsed = english_parse(text)
    assert parsed is not None
    start = text.index(cue)
    decided, span = Syntax(parsed).subject(start, start + len(cue))
    assert decided
    return text[span[0] : span[1]] if span is not None else None


def test_a_participle_under_a_preposition_or_subordinator_takes_the_main_subject() -> None:
    text = "The senator closed the debate by calling for an immediate ceasefire."
    assert subject_of(text, "calling") == "The senator"
    text = "The governor, after saying the plan was dead, left the room."
    assert subject_of(text, "saying") == "The governor"


def test_a_participle_that_modifies_a_noun_takes_that_noun() -> None:
    text = "The lawsuit was filed by several groups alleging that the police spied on them."
    assert subject_of(text, "alleging") == "several groups"


def test_a_word_window_keeps_only_its_noun_phrase() -> None:
    text = "Instead of blaming the mayor, Sanders also criticized the police."
    parsed = english_parse(text)
    assert parsed is not None
    syntax = Syntax(parsed)
    assert syntax.noun_phrase(0, len("Instead of")) is None
    start = text.index("Sanders also")
    span = syntax.noun_phrase(start, start + len("Sanders also"))
    assert span is not None and text[span[0] : span[1]] == "Sanders"
