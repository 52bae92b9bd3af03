"""The claims and contested stages on documents built by hand (texts written for these tests)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.claims import ClaimsStage, ContestedStage, own_voice_source
from khabar.claims.lexicon import load_lexicon
from khabar.claims.view import quote_pairs
from khabar.config import Config
from khabar.document import Actor, Claim, Document, Event, Mention, Span
from khabar.text.segment import segment

# name -> (country, sector, kind, mention type)
ACTORS = {
    "كوريا الشمالية": ("PRK", "GOV", "state", "GPE"),
    "روسيا": ("RUS", "GOV", "state", "GPE"),
    "الولايات المتحدة": ("USA", "GOV", "state", "GPE"),
    "البيت الأبيض": ("USA", "GOV", "org", "ORG"),
    "الحكومة الفرنسية": ("FRA", "GOV", "org", "ORG"),
    "وزير الخارجية الروسي": ("RUS", "GOV", "person", "PERSON"),
    "سيرغي لافروف": ("RUS", "GOV", "person", "PERSON"),
    "تاس": ("RUS", "MED", "media", "ORG"),
    "Interfax": ("RUS", "MED", "media", "ORG"),
    "Lavrov": ("RUS", "GOV", "person", "PERSON"),
}


def make_doc(text: str, lang: str = "ar") -> Document:
    """A segmented document with actor mentions for every name of ACTORS found in it."""
    doc = Document(text=text, language=lang)
    doc.sentences = segment(text, lang)
    for name, (country, sector, kind, mtype) in ACTORS.items():
        hits = list(re.finditer(re.escape(name), text))
        if not hits:
            continue
        actor = Actor(
            id=f"a{len(doc.actors) + 1}", name=name, kind=kind, country=country, sector=sector
        )
        doc.actors.append(actor)
        for hit in hits:
            mention = Mention(
                f"m{len(doc.mentions) + 1}", hit.start(), hit.end(), name, mtype, actor.id
            )
            doc.mentions.append(mention)
            actor.mentions.append(mention.id)
    return doc


@pytest.fixture(scope="module")
def stage() -> ClaimsStage:
    return ClaimsStage(Config())


def run(stage: ClaimsStage, text: str, lang: str = "ar") -> Document:
    return stage(make_doc(text, lang))


def actor_of(doc: Document, claim: Claim) -> Actor:
    actor = doc.actor(claim.speaker or "")
    if actor is None:
        raise AssertionError(f"claim {claim.id} has no speaker actor")
    return actor


def test_said_with_complementizer(stage: ClaimsStage) -> None:
    doc = run(stage, "قالت الحكومة الفرنسية إن المفاوضات ستستأنف قريبا.")
    (claim,) = doc.claims
    assert actor_of(doc, claim).country == "FRA"
    assert claim.cue is not None and claim.cue.text == "قالت"
    assert claim.content.text == "المفاوضات ستستأنف قريبا"
    assert claim.stance == "assert" and not claim.direct
    assert claim.speaker_span is not None and claim.speaker_span.text == "الحكومة الفرنسية"


def test_chain_media_citing_anonymous_sources(stage: ClaimsStage) -> None:
    text = "أفادت وسائل إعلام أمريكية، نقلا عن مصادر عسكرية أمريكية، أن الجيش سيجري مناورات."
    doc = run(stage, text)
    (claim,) = doc.claims
    speaker = actor_of(doc, claim)
    assert speaker.kind == "anonymous" and speaker.sector == "MIL"
    assert speaker.country == "USA"
    assert len(claim.via) == 1
    medium = doc.actor(claim.via[0])
    assert medium is not None and medium.kind == "media" and medium.sector == "MED"
    assert claim.content.text == "الجيش سيجري مناورات"
    # The created actors come with mentions and continue the numbering.
    assert {m.actor for m in doc.mentions} >= {claim.speaker, claim.via[0]}
    assert len({m.id for m in doc.mentions}) == len(doc.mentions)


def test_agency_quoting_a_person_across_sentences(stage: ClaimsStage) -> None:
    text = (
        "«لن نتراجع. نحن مستعدون للحوار»، هكذا نقلت وكالة تاس عن وزير الخارجية الروسي "
        "سيرغي لافروف قوله."
    )
    doc = run(stage, text)
    (claim,) = doc.claims
    assert actor_of(doc, claim).name == "سيرغي لافروف"
    assert [doc.actor(v).name for v in claim.via] == ["تاس"]  # type: ignore[union-attr]
    assert claim.direct and claim.stance == "quote"
    assert claim.content.text == "«لن نتراجع. نحن مستعدون للحوار»"


def test_according_to_reports_in_a_headline(stage: ClaimsStage) -> None:
    doc = run(stage, "وبحسب التقارير، سيزور الرئيس العاصمة الشهر المقبل.")
    (claim,) = doc.claims
    speaker = actor_of(doc, claim)
    assert speaker.kind == "anonymous" and speaker.name == "reports"
    assert claim.content.text == "سيزور الرئيس العاصمة الشهر المقبل"


def test_impersonal_belief_has_no_speaker(stage: ClaimsStage) -> None:
    doc = run(stage, "ويُعتقد أن الرئيس سيسافر بالقطار.")
    (claim,) = doc.claims
    assert claim.speaker is None and claim.speaker_span is None
    assert claim.content.text == "الرئيس سيسافر بالقطار"


def test_denial_accusation_and_pro_drop(stage: ClaimsStage) -> None:
    text = (
        "وتتهم الولايات المتحدة كوريا الشمالية بتزويد روسيا بالصواريخ، مضيفة أن الشحنات مستمرة. "
        "ونفت كوريا الشمالية وروسيا هذه الاتهامات."
    )
    doc = run(stage, text)
    stances = [(actor_of(doc, c).name, c.stance) for c in doc.claims]
    assert stances == [
        ("الولايات المتحدة", "accuse"),
        ("الولايات المتحدة", "assert"),
        ("كوريا الشمالية", "deny"),
        ("روسيا", "deny"),
    ]
    accusation = doc.claims[0]
    assert accusation.content.text.startswith("كوريا الشمالية بتزويد")
    assert "مضيفة" not in accusation.content.text


def test_described_as_false_is_a_denial(stage: ClaimsStage) -> None:
    doc = run(stage, "ووصف المسؤولون الروس التقرير بأنه كاذب.")
    (claim,) = doc.claims
    assert claim.stance == "deny"
    speaker = actor_of(doc, claim)
    assert speaker.kind == "anonymous" and speaker.sector == "GOV"


def test_narrator_voice_is_no_claim(stage: ClaimsStage) -> None:
    assert run(stage, "يذكر أن الاجتماع عقد في القاهرة.").claims == []


def test_byline_credit_is_no_claim_but_own_voice(stage: ClaimsStage) -> None:
    doc = run(stage, "وصل الرئيس إلى القاهرة.\nأحمد علي (بحسب رويترز)")
    assert doc.claims == []
    doc.byline.wire.append("Reuters")
    assert own_voice_source(doc) == ["Reuters"]
    assert own_voice_source(Document(text="x", source="Al Ahram")) == ["Al Ahram"]


def test_english_patterns(stage: ClaimsStage) -> None:
    text = (
        "Interfax quoted Lavrov as saying that talks would resume. "
        "“We are ready,” the minister said. "
        "The plan is dead, according to officials in Paris."
    )
    doc = run(stage, text, "en")
    first, second, third = doc.claims
    assert actor_of(doc, first).name == "Lavrov"
    assert [doc.actor(v).name for v in first.via] == ["Interfax"]  # type: ignore[union-attr]
    assert first.content.text == "talks would resume"
    assert second.direct and second.content.text.startswith("“We are ready")
    assert second.speaker_span is not None and second.speaker_span.text == "the minister"
    assert third.cue is not None and third.cue.text == "according to"
    assert third.content.text == "The plan is dead"
    assert actor_of(doc, third).kind == "anonymous"


def test_english_denial_and_accusation(stage: ClaimsStage) -> None:
    doc = run(stage, "Moscow denied the report. Washington accused Moscow of lying.", "en")
    assert [c.stance for c in doc.claims] == ["deny", "accuse"]


def test_lexicons_load_and_cover_the_issue_cues() -> None:
    ar = load_lexicon("ar")
    for verb in (
        "قال",
        "أكد",
        "أعلن",
        "أفاد",
        "ذكر",
        "نقل",
        "صرح",
        "أوضح",
        "أشار",
        "كشف",
        "حذر",
        "دعا",
        "نفى",
        "اتهم",
        "زعم",
        "رجح",
    ):
        from khabar.claims.lexicon import norm_form

        assert norm_form(verb, "ar") in ar.cues, verb
    en = load_lexicon("en")
    assert ("according", "to") in en.cues and ("citing",) in en.cues


def _event(eid: str, etype: str, actor: str, recipient: str, status: str, claim: str) -> Event:
    return Event(
        eid,
        etype,
        Span(0, 1, "x"),
        0,
        actor=[actor],
        recipient=[recipient],
        status=status,
        claim=claim,
    )


def test_contested_groups_assertion_with_denial() -> None:
    doc = Document(text="x")
    doc.claims = [
        Claim("c1", "a1", None, None, Span(0, 1), stance="accuse"),
        Claim("c2", "a2", None, None, Span(0, 1), stance="deny"),
    ]
    doc.events = [
        _event("e1", "AID", "a2", "a3", "alleged", "c1"),
        _event("e2", "COOPERATE", "a2", "a4", "denied", "c2"),
        _event("e3", "ASSAULT", "a2", "a3", "denied", "c2"),
        _event("e4", "AID", "a5", "a6", "asserted", "c1"),
    ]
    ContestedStage(Config())(doc)
    assert doc.contested == [["e1", "e2"]]


def test_contested_needs_two_sources() -> None:
    doc = Document(text="x")
    doc.claims = [Claim("c1", "a1", None, None, Span(0, 1), stance="deny")]
    doc.events = [
        _event("e1", "AID", "a2", "a3", "denied", "c1"),
        _event("e2", "AID", "a2", "a3", "asserted", "c1"),
    ]
    ContestedStage(Config())(doc)
    assert doc.contested == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='«»“”"‘’ abنقلت،.', max_size=60))
def test_quote_pairs_are_symmetric(text: str) -> None:
    pairs = quote_pairs(text)
    for a, b in pairs.items():
        assert pairs[b] == a and a != b


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet='قال إن أكد الوزير مصادر بحسب «»"،. نفت', max_size=80))
def test_claims_stay_inside_the_text(text: str) -> None:
    stage = ClaimsStage(Config())
    doc = make_doc(text)
    stage(doc)
    for claim in doc.claims:
        for span in (claim.content, claim.cue, claim.speaker_span):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert doc.text[span.start : span.end] == span.text or span is claim.content
