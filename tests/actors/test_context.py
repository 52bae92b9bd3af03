"""Countries from context for generic actors, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from khabar.actors.context import assign_context_countries, fill_default_sectors, place_country
from khabar.actors.lexicon import load_lexicon
from khabar.document import Actor, Document, Mention
from tests_support import actor_of

Analyse = Callable[..., Document]


def test_place_in_the_phrase_gives_the_country(analyse: Analyse) -> None:
    doc = analyse("قالت شرطة بغداد إن متظاهرين أغلقوا الطريق.")
    police = actor_of(doc, "شرطة")
    assert (police.country, police.sector) == ("IRQ", "COP")
    assert police.name == "Iraq police"


def test_place_in_the_sentence_gives_the_country(analyse: Analyse) -> None:
    doc = analyse("فرقت الشرطة أمس المتظاهرين في القاهرة.")
    assert actor_of(doc, "الشرطة").country == "EGY"
    assert actor_of(doc, "المتظاهرين").country == "EGY"


def test_article_country_when_the_sentence_names_no_place(analyse: Analyse) -> None:
    doc = analyse("وقعت اشتباكات في الموصل أمس. وقالت الشرطة إن مسلحين هاجموا دورية.")
    police = actor_of(doc, "الشرطة")
    assert police.country == "IRQ"
    assert actor_of(doc, "مسلحين").sector == "UAF"


def test_a_nationality_in_the_sentence_is_a_last_resort(analyse: Analyse) -> None:
    doc = analyse("قال المتحدث إن المتظاهرين اعتصموا أمام مقر الحزب الأردني.")
    assert actor_of(doc, "المتظاهرين").country == "JOR"


def test_an_own_country_is_never_replaced(analyse: Analyse) -> None:
    doc = analyse("قتل الجيش العراقي مسلحين في دمشق.")
    assert actor_of(doc, "الجيش العراقي").country == "IRQ"


def test_dictionary_actors_without_a_country_stay_international(analyse: Analyse) -> None:
    doc = analyse("دعت الأمم المتحدة في بغداد إلى التهدئة.")
    un = actor_of(doc, "الأمم المتحدة")
    assert un.country is None and un.sector == "IGO"


def test_one_generic_actor_in_two_countries_is_split(analyse: Analyse) -> None:
    doc = analyse("اعتقلت الشرطة عشرة أشخاص في بغداد. وفي القاهرة اعتقلت الشرطة خمسة أشخاص آخرين.")
    police = [doc.actor(m.actor) for m in doc.mentions if m.text == "الشرطة" and m.actor]
    assert {a.country for a in police if a} == {"IRQ", "EGY"}
    ids = [a.id for a in doc.actors]
    assert len(ids) == len(set(ids))
    for actor in doc.actors:
        for mention_id in actor.mentions:
            assert next(m for m in doc.mentions if m.id == mention_id).actor == actor.id


def test_an_office_holder_takes_the_country_of_the_story(analyse: Analyse) -> None:
    # the statistical tagger finds the name no dictionary holds
    doc = analyse("قال النائب سمير الحداد في بيروت إن الجلسة ستعقد غدا.", statistical_ner=True)
    mp = actor_of(doc, "سمير الحداد")
    assert (mp.country, mp.sector) == ("LBN", "LEG")


def test_a_name_without_an_office_keeps_no_country(analyse: Analyse) -> None:
    doc = analyse("قال سمير الحداد في بيروت إن الجلسة ستعقد غدا.", statistical_ner=True)
    assert actor_of(doc, "سمير الحداد").country is None


def test_no_places_no_country(analyse: Analyse) -> None:
    doc = analyse("قالت الشرطة إن التحقيق مستمر.")
    assert actor_of(doc, "الشرطة").country is None


def test_states_named_as_places_act_through_their_government(analyse: Analyse) -> None:
    doc = analyse("اتهمت إستونيا روسيا بالتدخل.")
    assert actor_of(doc, "إستونيا").sector == "GOV"


def test_place_country_reads_countries_capitals_and_cities() -> None:
    lexicon = load_lexicon(())
    assert place_country("العراق", lexicon, "ar") == "IRQ"
    assert place_country("بغداد", lexicon, "ar") == "IRQ"
    assert place_country("Baghdad", lexicon, "en") == "IRQ"
    assert place_country("كلمة", lexicon, "ar") is None


def test_hand_built_document_and_no_actors() -> None:
    lexicon = load_lexicon(())
    empty = Document(text="نص.", language="ar")
    assign_context_countries(empty, lexicon)
    fill_default_sectors(empty)
    assert empty.actors == []
    text = "police in Baghdad"
    doc = Document(
        text=text,
        language="en",
        mentions=[
            Mention("m1", 0, 6, "police", "ORG", actor="a1"),
            Mention("m2", 10, 17, "Baghdad", "GPE"),
        ],
        actors=[Actor("a1", "police", kind="org", sector="COP", mentions=["m1"])],
    )
    assign_context_countries(doc, lexicon)
    assert (doc.actors[0].country, doc.actors[0].name) == ("IRQ", "Iraq police")


def test_unnamed_reports_take_no_country_from_the_story(analyse: Analyse) -> None:
    doc = analyse("وبحسب التقارير، سيزور الرئيس الكوري الشمالي موسكو الشهر المقبل.")
    assert actor_of(doc, "التقارير").country is None
    doc = analyse("وبحسب تقارير أمريكية، سيزور الرئيس الكوري الشمالي موسكو الشهر المقبل.")
    assert actor_of(doc, "تقارير أمريكية").country == "USA"
