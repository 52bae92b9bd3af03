"""The event resources: PLOVER ontology, trigger lexicons, status cues (fixtures written here)."""

from __future__ import annotations

import pytest

from khabar.errors import ResourceError
from khabar.events.lexicon import (
    TriggerLexicon,
    fold_ar,
    load_doer_verbs,
    load_happening,
    load_status_cues,
    load_triggers,
)
from khabar.events.ontology import load_plover

TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
    "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()


def hits(lexicon: TriggerLexicon, text: str) -> list[tuple[int, int, str, str | None]]:
    return [(m.start_word, m.end_word, m.entry.type, m.entry.mode) for m in lexicon.lookup(text)]


def types_in(lexicon: TriggerLexicon, text: str) -> set[str]:
    return {m.entry.type for m in lexicon.lookup(text)}


# -- ontology ---------------------------------------------------------------------------------


def test_ontology_has_the_16_types_with_manual_modes() -> None:
    onto = load_plover()
    assert sorted(onto.types) == sorted(TYPES)
    assert onto.modes("CONSULT") == ("visit", "third-party", "multilateral", "phone")
    assert {"beat", "firearms", "explosives", "aerial", "drone"} <= set(onto.modes("ASSAULT"))
    assert onto.modes("REQUEST") == onto.modes("REJECT")
    assert onto.modes("AGREE") == ()
    assert {"military", "economic", "diplomatic", "political_institutions"} <= set(onto.contexts)
    assert onto.types["AID"].requires_recipient and not onto.types["ASSAULT"].requires_recipient


def test_ontology_validation_and_cameo() -> None:
    onto = load_plover()
    assert onto.is_valid("CONSULT", "visit", ["diplomatic"])
    assert onto.validate("CONSULT", "beat") == [
        "CONSULT has no mode 'beat' (modes: visit, third-party, multilateral, phone)"
    ]
    assert not onto.is_valid("DEMAND")
    assert not onto.is_valid("ASSAULT", None, ["weather"])
    assert onto.cameo_for("ASSAULT", "aerial") == "195"
    assert onto.cameo_for("AGREE") == "03"
    assert onto.cameo_for("COERCE", "withhold") == "17"  # no CAMEO equivalent: the root
    assert onto.type_for_cameo("0841") == "RETREAT"
    assert onto.type_for_cameo("081") == "CONCEDE"
    assert onto.type_for_cameo("204") == "ASSAULT"
    assert onto.type_for_cameo("01") is None
    assert onto.canonical_mode("ASSAULT", "assassinate") == "targeted"
    assert onto.canonical_mode("ASSAULT", "cleansing") is None


# -- lexicon validity -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_entry_is_valid_and_unique(lang: str) -> None:
    onto = load_plover()
    lexicon = load_triggers(lang)
    assert len(lexicon.entries) >= 200
    seen = set()
    for entry in lexicon.entries:
        assert onto.is_valid(entry.type, entry.mode, entry.context), entry
        assert entry.cameo and entry.cameo.isdigit()
        key = (entry.lemma, entry.pos, entry.type, entry.mode)
        assert key not in seen
        seen.add(key)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_type_has_triggers(lang: str) -> None:
    lexicon = load_triggers(lang)
    for type_ in TYPES:
        assert len(lexicon.by_type(type_)) >= 3, type_


def test_unknown_language_is_a_resource_error() -> None:
    with pytest.raises(ResourceError):
        load_triggers("fr")
    with pytest.raises(ResourceError):
        load_status_cues("fr")
    with pytest.raises(ResourceError):
        load_doer_verbs("fr")


def test_doer_verbs_are_happening_verbs_whose_subject_does_the_event() -> None:
    doers, happening = load_doer_verbs("ar"), load_happening("ar")
    assert ("شن",) in doers and ("نظموا",) in doers and doers < happening
    assert ("اندلعت",) in happening and ("اندلعت",) not in doers


# -- Arabic matching --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    [
        "زار",
        "يزور",
        "سيزور",
        "وزار",
        "زيارة",
        "بزيارة",
        "الزيارة",
        "زيارته",
        "زيارات",
        "زاروا",
        "وستزور",
        "زَارَ",
    ],
)
def test_arabic_visit_forms(form: str) -> None:
    matches = load_triggers("ar").lookup(form)
    assert [(m.entry.type, m.entry.mode) for m in matches] == [("CONSULT", "visit")]


def test_arabic_future_prefix_is_reported() -> None:
    (match,) = load_triggers("ar").lookup("سيزور")
    assert match.future_prefix and match.pos == "verb"
    (noun,) = load_triggers("ar").lookup("بالزيارة")
    assert noun.pos == "noun" and not noun.future_prefix


def test_arabic_clitics_split_by_the_pipeline() -> None:
    lexicon = load_triggers("ar")
    words = ["و", "ب", "ال", "زيارة", "إلى", "دمشق"]
    (match,) = lexicon.match(words, words, [True, True, True, False, False, False])
    assert (match.start_word, match.end_word, match.prefix) == (3, 4, "وبال")
    (future,) = lexicon.match(["س", "يزور"])
    assert future.future_prefix and future.start_word == 1


def test_arabic_ministry_is_not_a_visit() -> None:
    assert load_triggers("ar").lookup("وزارة الخارجية") == []
    assert load_triggers("ar").lookup("وزير الدفاع") == []


def test_arabic_noun_with_article_is_not_a_verb() -> None:
    # طالب "demanded" is a verb; الطالب "the student" can only be a noun.
    assert load_triggers("ar").lookup("الطالب") == []
    # The protesters are people (actors), not the protest itself.
    assert types_in(load_triggers("ar"), "وطالب المحتجون") == {"REQUEST"}


def test_an_arabic_verb_phrase_may_hold_its_subject() -> None:
    lexicon = load_triggers("ar")
    words = "أطلق مسلحون مجهولون أمس النار على الدورية".split()
    # without a subject to step over, the phrase needs its words side by side
    assert [(m.start_word, m.entry.lemma) for m in lexicon.match(words)] == []
    found = lexicon.match(words, subjects=[(1, 2)])
    # the match is the verb alone: its subject stays free to be the actor
    assert [(m.start_word, m.end_word, m.entry.type) for m in found] == [(0, 1, "ASSAULT")]
    # only a subject (and a day) may stand between: "نشر الموقع صورا لقوات" deploys nothing
    words = "نشر الموقع صورا لقوات الجيش".split()
    assert [m.entry.type for m in lexicon.match(words, subjects=[(4, 4)])] == []


def test_a_word_the_pipeline_split_wrongly_matches_whole() -> None:
    # فتحت "opened" split as ف + تحت "under": the trigger is the whole word
    words, clitic = ["ف", "تحت", "الشرطة", "النار"], [True, False, False, False]
    found = load_triggers("ar").match(words, None, clitic, subjects=[(2, 2)])
    assert [(m.start_word, m.prefix) for m in found] == [(0, "")]
    # a conjunction that was stripped stays outside: وزار -> و + زار
    found = load_triggers("ar").match(["و", "زار", "موسكو"], None, [True, False, False])
    assert [(m.start_word, m.prefix) for m in found] == [(1, "و")]


def test_arabic_multiword_longest_match() -> None:
    lexicon = load_triggers("ar")
    assert hits(lexicon, "المناورات العسكرية المشتركة") == [(0, 3, "COOPERATE", None)]
    assert hits(lexicon, "أجرى الجيش مناورات عسكرية") == [(2, 4, "MOBILIZE", "troops")]
    assert hits(lexicon, "أعلنت وقف إطلاق النار") == [(0, 4, "CONCEDE", None)]
    assert hits(lexicon, "خرق وقف إطلاق النار") == [(1, 4, "RETREAT", "ceasefire")]
    assert hits(lexicon, "وأطلقت الشرطة الغاز المسيل للدموع") == [
        (2, 5, "ASSAULT", "crowd-control")
    ]
    assert hits(lexicon, "أطلق سراح المعتقلين") == [
        (0, 2, "RETREAT", "release"),
        (2, 3, "COERCE", "arrest"),
    ]


def test_arabic_stop_phrases() -> None:
    lexicon = load_triggers("ar")
    assert types_in(lexicon, "اقتحمت قوات الاحتلال المسجد") == {"COERCE"}
    assert [m.entry.lemma for m in lexicon.lookup("قوات الاحتلال")] == []
    assert lexicon.lookup("قمة مجلس التعاون الخليجي")[0].end_word == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("شنت الطائرات الحربية غارات على مواقع المسلحين", {"ASSAULT"}),
        ("تظاهر آلاف الطلاب أمام البرلمان", {"PROTEST"}),
        ("فرضت واشنطن عقوبات جديدة على طهران", {"SANCTION"}),
        ("اعتقلت الشرطة ثلاثة صحفيين", {"COERCE"}),
        ("هدد الوزير بقطع العلاقات", {"THREATEN", "SANCTION"}),
        ("أدانت الخارجية الهجوم", {"ACCUSE", "ASSAULT"}),
        ("ورحب الرئيس بالاتفاق", {"SUPPORT", "AGREE"}),
        ("نفت الحكومة التقارير", {"REJECT"}),
        ("دعا الأمين العام الأطراف إلى ضبط النفس", {"REQUEST"}),
        ("أفرجت السلطات عن عشرين معتقلا", {"RETREAT", "COERCE"}),
        ("وصلت قافلة مساعدات إنسانية إلى المدينة", {"CONSULT", "AID"}),
        ("حشد الجيش قواته على الحدود", {"MOBILIZE"}),
        ("وأعربت عن أسفها للحادث", {"CONCEDE"}),
        ("البلدان وقعا اتفاقية للتعاون العسكري", {"SUPPORT", "COOPERATE"}),
        ("تعهدت الدول المانحة بتقديم ملياري دولار", {"AGREE"}),
    ],
)
def test_arabic_sentences(sentence: str, expected: set[str]) -> None:
    assert types_in(load_triggers("ar"), sentence) == expected


def test_arabic_trigger_hints() -> None:
    lexicon = load_triggers("ar")
    assert lexicon.lookup("اقترح")[0].entry.hint == "possible"
    assert lexicon.lookup("ونفى")[0].entry.hint == "denied"
    assert lexicon.lookup("اعتقل")[0].entry.passive_ok
    assert lexicon.lookup("زيارة")[0].entry.needs_recipient


def test_fold_ar() -> None:
    assert fold_ar("إِطْلاقُ") == "اطلاق"
    assert fold_ar("التقى") == "التقي"
    assert fold_ar("زيارة") == "زيارة"  # ta marbuta is kept apart from ha


# -- English matching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin met with Xi in Beijing", [(1, 3, "CONSULT", None)]),
        ("The president visited Cairo", [(2, 3, "CONSULT", "visit")]),
        ("Russia and Belarus began joint military exercises", [(4, 7, "COOPERATE", None)]),
        (
            "Warplanes carried out airstrikes",
            [(0, 1, "ASSAULT", "aerial"), (3, 4, "ASSAULT", "aerial")],
        ),
        ("The US called on Iran to talk", [(2, 4, "REQUEST", None)]),
        ("Thousands took to the streets", [(1, 5, "PROTEST", "demo")]),
        ("Police arrested 12 people", [(1, 2, "COERCE", "arrest")]),
        ("Ankara announced a ceasefire", [(1, 4, "CONCEDE", None)]),
        ("The ceasefire held", [(1, 2, "RETREAT", "ceasefire")]),
        ("He issued a press release", []),
    ],
)
def test_english_sentences(sentence: str, expected: list[tuple[int, int, str, str | None]]) -> None:
    assert hits(load_triggers("en"), sentence) == expected


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        # extra items in their base form inflect like the first one
        ("demolished", "ASSAULT"),
        ("demolishes", "ASSAULT"),
        ("imprisoned", "COERCE"),
        ("detonated", "ASSAULT"),
        ("called for the release", "REQUEST"),
        # a one-syllable verb doubles its last consonant
        ("stabbed", "ASSAULT"),
        ("sealed borders", "COERCE"),
        ("blocked the bridge", "PROTEST"),
        ("forced out", "SANCTION"),
    ],
)
def test_english_extra_verb_items_inflect(form: str, kind: str) -> None:
    assert kind in {m.entry.type for m in load_triggers("en").lookup(form)}


def test_english_irregular_forms_are_not_inflected_again() -> None:
    forms = {
        f for entry in load_triggers("en").entries for f, _ in load_triggers("en").forms(entry)
    }
    assert "met" in forms and "meted" not in forms and "foughts" not in forms


def test_english_irregular_verbs_inflect_to_their_own_past() -> None:
    forms = {
        f for entry in load_triggers("en").entries for f, _ in load_triggers("en").forms(entry)
    }
    assert "withdrew ambassador" in forms and "withdrawed ambassador" not in forms


@pytest.mark.parametrize(
    ("text", "covered", "kind"),
    [
        # a day or a determiner the phrase does not name is stepped over
        ("Peru called Thursday on Chile to talk", "called Thursday on", "REQUEST"),
        ("Peru withdrew its ambassador", "withdrew its ambassador", "SANCTION"),
        ("they upgraded their diplomatic ties", "upgraded their diplomatic ties", "SUPPORT"),
        # so is a modifier of extent that leaves the event as it is
        ("Peru will restore full diplomatic ties", "restore full diplomatic ties", "SUPPORT"),
        ("Peru cut all ties with Chile", "cut all ties", "SANCTION"),
        # a phrase that names its determiner still needs it
        ("Peru welcomed the decision", "welcomed the", "SUPPORT"),
    ],
)
def test_english_phrases_step_over_days_and_determiners(text: str, covered: str, kind: str) -> None:
    words = text.split()
    found = {
        (" ".join(words[m.start_word : m.end_word]), m.entry.type)
        for m in load_triggers("en").match(words)
    }
    assert (covered, kind) in found


def test_english_phrases_do_not_step_over_a_modifier_that_changes_the_context() -> None:
    # "economic ties" are not the diplomatic ties of "cut ties"
    words = "Peru cut economic ties with Chile".split()
    lemmas = {m.entry.lemma for m in load_triggers("en").match(words)}
    assert "sever ties" not in lemmas
    assert "sever ties" in {m.entry.lemma for m in load_triggers("en").match("cut ties".split())}


# -- status cues ------------------------------------------------------------------------------


def test_status_cues() -> None:
    ar = load_status_cues("ar")
    en = load_status_cues("en")
    for cues in (ar, en):
        assert {c.status for c in cues.cues} == {"planned", "possible", "denied", "alleged"}

    def found(cues: object, text: str) -> list[tuple[int, int, str]]:
        return [(m.start_word, m.end_word, m.cue.status) for m in cues.match(text.split())]  # type: ignore[attr-defined]

    assert found(ar, "لم يزر الوزير دمشق") == [(0, 1, "denied")]
    assert found(ar, "ولا يزال الوفد هناك") == []
    assert found(ar, "ومن المقرر أن يزور") == [(0, 3, "planned")]
    assert found(ar, "بحث الطرفان إمكانية إرسال قوات") == [(2, 3, "possible")]
    assert found(ar, "الهجوم المزعوم") == [(1, 2, "alleged")]
    assert found(en, "In May he may visit Cairo") == [(3, 4, "possible")]
    assert found(en, "He did not visit") == [(1, 3, "denied")]
    assert found(en, "The minister is due to arrive") == [(2, 5, "planned")]
    assert found(en, "not only") == []
    assert [c.scope for c in ar.by_status("planned") if c.cue == "س"] == ["prefix"]
