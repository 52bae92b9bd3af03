"""Former leaders from people_history.toml, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.actors import resources as res
from khabar.document import Document
from tests_support import actor_of

Analyse = Callable[..., Document]


def test_history_entries_load_with_dated_roles() -> None:
    history = [a for a in res.load_actor_dictionary() if a.source.endswith("people_history.toml")]
    assert len(history) >= 35
    by_id = {a.id: a for a in history}
    assert by_id["ehud-olmert"].roles_on("2007-05-01")[0].office == "hog"
    assert not by_id["ehud-olmert"].roles_on("2010-01-01")
    assert by_id["osama-bin-laden"].sector == "REB"
    # Already in the other files: not repeated here.
    assert not {"john-kerry", "dmitry-medvedev", "ismail-haniyeh", "ban-ki-moon"} & set(by_id)


def test_surname_in_a_2007_article_names_the_israeli_prime_minister(analyse: Analyse) -> None:
    doc = analyse(
        "وتظاهر الآلاف ضد بقاء أولمرت في رئاسة الحكومة الإسرائيلية، فيما زار بوش المنطقة.",
        published="2007-05-01",
    )
    olmert = actor_of(doc, "أولمرت")
    assert (olmert.name, olmert.kind, olmert.country, olmert.sector) == (
        "Ehud Olmert",
        "person",
        "ISR",
        "GOV",
    )
    assert actor_of(doc, "بوش").country == "USA"


@pytest.mark.parametrize(
    ("published", "holder"),
    [("1999-07-06", "Bill Clinton"), ("2003-03-20", "George W. Bush")],
)
def test_office_without_a_name_resolves_to_the_holder_of_the_time(
    analyse: Analyse, published: str, holder: str
) -> None:
    doc = analyse("قال الرئيس الأمريكي إن بلاده لن تتراجع.", published=published)
    assert actor_of(doc, "الرئيس الأمريكي").name == holder


def test_english_full_name(analyse: Analyse) -> None:
    doc = analyse(
        "President Bill Clinton imposed sanctions on the Taliban.",
        language="en",
        published="1999-07-06",
    )
    clinton = actor_of(doc, "Bill Clinton")
    assert (clinton.country, clinton.sector) == ("USA", "GOV")


def test_short_forms_need_the_full_name(analyse: Analyse) -> None:
    alone = analyse("عمت الفرحة في هذا اليوم المبارك، وعيد مبارك للجميع.", published="2005-05-01")
    assert not any(a.name == "Hosni Mubarak" for a in alone.actors)
    linked = analyse(
        "أعلن الرئيس المصري حسني مبارك دعمه للمبادرة، وقال مبارك إن مصر ستشارك.",
        published="2005-05-01",
    )
    assert actor_of(linked, "مبارك").id == actor_of(linked, "حسني مبارك").id


def test_existing_short_forms_still_link_to_their_owner(analyse: Analyse) -> None:
    # Hafez al-Assad must not take الأسد away from Bashar (the first entry read wins a form).
    doc = analyse("التقى الرئيس السوري بشار الأسد بالوفد، وقال الأسد إن المحادثات مثمرة.")
    assert actor_of(doc, "الأسد").name == "Bashar al-Assad"


def test_leaders_of_gulf_and_levant_archives_resolve_with_their_terms(analyse: Analyse) -> None:
    doc = analyse(
        "واستقبل الرئيس إميل لحود وزير الخارجية سعود الفيصل في بيروت.", published="2006-03-01"
    )
    assert {a.name: a.country for a in doc.actors if a.kind == "person"} == {
        "Emile Lahoud": "LBN",
        "Saud al-Faisal": "SAU",
    }
    by_id = {a.id: a for a in res.load_actor_dictionary()}
    assert by_id["hamad-bin-khalifa"].roles_on("2010-01-01")[0].office == "hos"
    assert not by_id["hamad-bin-khalifa"].roles_on("2014-01-01")


def test_an_honorific_before_a_dictionary_name_is_no_part_of_its_mention(
    analyse: Analyse,
) -> None:
    # news NER corpora mark "تميم بن حمد آل ثاني", not "الشيخ تميم بن حمد آل ثاني"
    doc = analyse("والتقى الشيخ تميم بن حمد آل ثاني بالرئيس الفرنسي في باريس.")
    person = next(m for m in doc.mentions if m.type == "PERSON" and m.actor)
    assert person.text == "تميم بن حمد آل ثاني"
    assert doc.actor(person.actor).country == "QAT"  # type: ignore[union-attr,arg-type]
    # the titled full name outmatches the titled short form "الملك سلمان"
    doc = analyse("وقال الملك سلمان بن عبد العزيز إن المملكة تدعم الحل السياسي.")
    assert [m.text for m in doc.mentions if m.type == "PERSON"] == ["سلمان بن عبد العزيز"]
