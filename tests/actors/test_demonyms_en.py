"""English nationality adjectives and demonyms (the ``en`` rows of nisba_overrides.tsv)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from khabar.actors import resources
from khabar.document import Document
from tests_support import actor_of

Analyse = Callable[..., Document]

# Territories with no English demonym in the file, on purpose: uninhabited or with no
# settled form (ATA, BVT, HMD, SGS, UMI, IOT, ATF, ALA, BES, BLM, MAF, SPM, SXM, MNP, VIR),
# a form that is the place name or a common word (JEY, GGY, VAT), a form another country
# takes ("Dominican" is DOM, not DMA), or a hyphenated form starting with "I" (I-Kiribati).
WITHOUT_DEMONYM = frozenset(
    "ALA ATA ATF BES BLM BVT DMA GGY HMD IOT JEY KIR MAF MNP SGS SJM SPM SXM UMI VAT VIR".split()
)

# Lower-case English words a nationality form should not spell. English forms are looked up
# casefolded; the actors stage then keeps a nation or place only where one of its words is
# capitalised, so a collision costs only in capitalised text (a headline, a sentence start).
RISKY_WORDS = frozenset(
    {
        "chad",
        "guinea",
        "turkey",
        "jersey",
        "china",
        "japan",
        "jordan",
        "georgia",
        "chile",
        "kiwi",
        "english",
        "welsh",
        "swede",
        "pole",
        "dane",
        "polish",
        "poles",
    }
)
# Standard forms kept although their lower-case spelling is a word: the matcher tells "Poles"
# from "poles" by case (see test_lower_case_words_are_not_nations).
KNOWN_CASE_COLLISIONS = frozenset({"polish", "poles"})


def _en_overrides() -> dict[str, list[str]]:
    """ISO3 -> the English forms (adjectives and plurals) of nisba_overrides.tsv."""
    forms: dict[str, list[str]] = {}
    path = resources.DATA_DIR / "nisba_overrides.tsv"
    columns = ("iso3", "lang", "add", "plural", "drop", "ambiguous", "exact")
    for _where, row in resources._read_tsv(path, columns):
        if row["lang"] == "en":
            forms.setdefault(row["iso3"], []).extend(
                resources._split(row["add"]) + resources._split(row["plural"])
            )
    return forms


def _en_nisba() -> list[resources.Nisba]:
    return [n for n in resources.load_nisba() if n.lang == "en"]


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        (
            "Kyrgyz Prime Minister Akylbek Japarov met the delegation.",
            "Kyrgyz Prime Minister",
            "KGZ",
        ),
        ("Ugandan President Yoweri Museveni said the talks failed.", "Ugandan President", "UGA"),
        (
            "Zambian Foreign Minister Mulambo Haimbe arrived on Monday.",
            "Zambian Foreign Minister",
            "ZMB",
        ),
        ("Bissau-Guinean President Umaro Sissoco Embalo spoke.", "Bissau-Guinean President", "GNB"),
        ("Slovak Prime Minister Robert Fico said so.", "Slovak Prime Minister", "SVK"),
    ],
)
def test_a_new_adjective_gives_a_titled_person_the_country(
    analyse: Analyse, text: str, mention: str, country: str
) -> None:
    person = actor_of(analyse(text, language="en"), mention)
    assert (person.kind, person.country, person.sector) == ("person", country, "GOV")


def test_a_new_adjective_gives_a_group_noun_the_country(analyse: Analyse) -> None:
    doc = analyse(
        "Zimbabwean troops and Burundian soldiers crossed the border as Ugandan police watched.",
        language="en",
    )
    for mention, country, sector in (
        ("Zimbabwean troops", "ZWE", "MIL"),
        ("Burundian soldiers", "BDI", "MIL"),
        ("Ugandan police", "UGA", "COP"),
    ):
        actor = actor_of(doc, mention)
        assert (actor.country, actor.sector) == (country, sector)


def test_a_longer_adjective_wins_over_the_shorter_one_inside_it(analyse: Analyse) -> None:
    doc = analyse(
        "Papua New Guinean officials, Equatoguinean police and Turkish Cypriot officials met "
        "Guinean officials.",
        language="en",
    )
    assert actor_of(doc, "Papua New Guinean officials").country == "PNG"
    assert actor_of(doc, "Equatoguinean police").country == "GNQ"
    assert actor_of(doc, "Turkish Cypriot officials").country == "CYP"
    assert actor_of(doc, "Guinean officials").country == "GIN"


def test_plural_demonyms_give_the_country(analyse: Analyse) -> None:
    doc = analyse("Ugandans and Tanzanians protested outside the embassy.", language="en")
    assert actor_of(doc, "Ugandans").country == "UGA"
    assert actor_of(doc, "Tanzanians").country == "TZA"


def test_a_headline_in_capitals_still_matches(analyse: Analyse) -> None:
    doc = analyse("ZIMBABWEAN officials said the vote was fair.", language="en")
    assert actor_of(doc, "ZIMBABWEAN officials").country == "ZWE"


def test_a_spacy_person_name_gets_the_country_of_the_adjective() -> None:
    from khabar.actors.english_ner import load_english_ner

    if load_english_ner() is None:
        pytest.skip("no English spaCy model installed (pip install 'khabar[english]')")
    import khabar

    nlp = khabar.load(language="en", statistical_ner=True)
    doc = nlp(
        "Zimbabwean Prime Minister Robert Mugabe accused the United States of blackmail.",
        published="2005-06-01",
    )
    assert actor_of(doc, "Robert Mugabe").country == "ZWE"


def test_every_english_form_resolves_in_a_sentence(analyse: Analyse) -> None:
    """Each adjective before "officials" and each plural on its own names its country."""
    by_form: dict[tuple[str, str], set[str]] = {}
    for nisba in _en_nisba():
        by_form.setdefault((nisba.form, nisba.number), set()).add(nisba.iso3)
    failed = []
    for (form, number), countries in sorted(by_form.items()):
        if number == "sg":
            text = f"{form} officials said the talks failed."
        else:
            text = f"Yesterday {form} protested in the capital."
        found = {actor.country for actor in analyse(text, language="en").actors}
        if not found & countries:
            failed.append(form)
    assert failed == []


def test_every_english_override_names_a_known_country() -> None:
    known = set(resources.load_countries())
    overrides = _en_overrides()
    assert set(overrides) <= known
    for iso3, forms in overrides.items():
        assert forms, f"{iso3}: an en row with no form"


def test_the_generated_file_holds_every_english_override() -> None:
    """nisba.tsv was rebuilt after the last change to nisba_overrides.tsv."""
    generated = {(n.form, n.iso3) for n in _en_nisba()}
    expected = {(form, iso3) for iso3, forms in _en_overrides().items() for form in forms}
    assert generated == expected


def test_every_country_has_an_english_demonym_but_the_listed_territories() -> None:
    covered = {n.iso3 for n in _en_nisba()}
    assert set(resources.load_countries()) - covered == WITHOUT_DEMONYM


def test_english_forms_are_capitalised_and_none_is_a_common_word() -> None:
    forms = {n.form for n in _en_nisba()}
    # "the British", "the Dutch": a leading article is the one lower-case word allowed.
    assert all(f.removeprefix("the ")[0].isupper() for f in forms)
    assert {f.casefold() for f in forms} & RISKY_WORDS == KNOWN_CASE_COLLISIONS


def test_lower_case_words_are_not_nations(analyse: Analyse) -> None:
    doc = analyse("Scientists measured the ice at the poles and ate turkey.", language="en")
    assert all(actor.country not in ("POL", "TUR") for actor in doc.actors)
    doc = analyse("They polish the image of the government in china shops.", language="en")
    assert all(actor.country not in ("POL", "CHN") for actor in doc.actors)
    doc = analyse("Poles and the French voted; Turkey abstained.", language="en")
    assert {"POL", "FRA", "TUR"} <= {actor.country for actor in doc.actors}
