"""The armed groups, movements and parties of groups_more.toml, on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.document import Document
from tests_support import actor_of

Analyse = Callable[..., Document]


def test_factions_and_militias_get_their_country_and_sector(analyse: Analyse) -> None:
    doc = analyse(
        "رفضت الجبهة الشعبية لتحرير فلسطين الاتفاق، واتهمت منظمة بدر مقاتلي جيش المهدي بالهجوم.",
        published="2007-03-10",
    )
    pflp = actor_of(doc, "الجبهة الشعبية لتحرير فلسطين")
    assert (pflp.name, pflp.kind, pflp.country, pflp.sector) == (
        "Popular Front for the Liberation of Palestine",
        "group",
        "PSE",
        "REB",
    )
    badr = actor_of(doc, "منظمة بدر")
    assert (badr.country, badr.sector) == ("IRQ", "REB")
    assert actor_of(doc, "جيش المهدي").name == "Mahdi Army"


def test_qualified_names_pick_the_right_party(analyse: Analyse) -> None:
    doc = analyse(
        "قال تيار المستقبل الكردي إن تيار المستقبل لا يمثله، وقاطعت حركة النهضة الجزائرية الحوار.",
        published="2011-06-01",
    )
    kurdish = actor_of(doc, "تيار المستقبل الكردي")
    assert (kurdish.country, kurdish.sector) == ("SYR", "PTY")
    assert actor_of(doc, "تيار المستقبل").country == "LBN"
    assert actor_of(doc, "حركة النهضة الجزائرية").country == "DZA"


@pytest.mark.parametrize(
    "text",
    [
        "تشهد المنطقة الصحوة الإسلامية بعد سنوات من الركود.",
        "دعا الوزير إلى النهضة الاقتصادية والإصلاح الإداري.",
        "قاد الحراك الشعبي مظاهرات في العاصمة.",
    ],
)
def test_bare_common_word_short_forms_make_no_actor(analyse: Analyse, text: str) -> None:
    doc = analyse(text)
    named = {doc.actor(m.actor).name for m in doc.mentions if m.actor and doc.actor(m.actor)}
    assert not named & {"Awakening Councils", "Ennahda", "Al-Islah", "Southern Movement (al-Hirak)"}


def test_short_form_links_to_a_full_mention_in_the_same_article(analyse: Analyse) -> None:
    doc = analyse(
        "أعلنت مجالس الصحوة في الأنبار تأييدها للحكومة. وقال قيادي في الصحوة إن الوضع هادئ.",
        published="2008-02-01",
    )
    assert actor_of(doc, "الصحوة").name == "Awakening Councils"
