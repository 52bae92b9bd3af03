"""The offline geocoder and the places stage, on names and documents written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.config import Config
from khabar.document import Document, Mention, Place
from khabar.evaluation.geo import haversine_km
from khabar.resolve.geocode import Geocoder, default_geocoder, match_key
from khabar.resolve.places import PlacesStage


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return default_geocoder()


def near(entry: object, lat: float, lon: float, km: float = 50.0) -> bool:
    return haversine_km(entry.lat, entry.lon, lat, lon) <= km  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "expected", "country", "lat", "lon"),
    [
        ("فلاديفوستوك", "Vladivostok", "RUS", 43.1, 131.9),
        ("موسكو", "Moscow", "RUS", 55.75, 37.62),
        ("بيونغ يانغ", "Pyongyang", "PRK", 39.03, 125.75),
        ("وموسكو", "Moscow", "RUS", 55.75, 37.62),  # a clitic conjunction in front
        ("بالعراق", "Iraq", "IRQ", 33.0, 44.0),
    ],
)
def test_arabic_names(
    geocoder: Geocoder, name: str, expected: str, country: str, lat: float, lon: float
) -> None:
    entry = geocoder.resolve(name, "ar")
    assert entry is not None
    assert (entry.name, entry.country) == (expected, country)
    assert near(entry, lat, lon, km=300)


def test_seed_places(geocoder: Geocoder) -> None:
    vladivostok = geocoder.resolve("فلاديفوستوك", "ar")
    assert vladivostok is not None and vladivostok.geonames == 2013348
    assert round(vladivostok.lat, 1) == 43.1 and round(vladivostok.lon, 1) == 131.9
    for name, iso3 in [("روسيا", "RUS"), ("كوريا الشمالية", "PRK"), ("الصين", "CHN"),
                       ("الولايات المتحدة", "USA")]:  # fmt: skip
        entry = geocoder.resolve(name, "ar")
        assert entry is not None and entry.kind == "country" and entry.country == iso3
    peninsula = geocoder.resolve("شبه الجزيرة الكورية", "ar")
    assert peninsula is not None and peninsula.name == "Korean Peninsula"


def test_arabic_spelling_variants_match(geocoder: Geocoder) -> None:
    # Hamza on alef and ta marbuta fold away, so both spellings find the same city.
    assert geocoder.resolve("الإسكندرية", "ar") is geocoder.resolve("الاسكندريه", "ar")


def test_english_is_case_and_diacritic_insensitive(geocoder: Geocoder) -> None:
    herat = geocoder.resolve("herāt", "en")
    assert herat is not None and herat.country == "AFG" and herat.kind == "city"
    assert geocoder.resolve("Herat", "en") is herat
    assert geocoder.resolve("Herat city", "en") is herat
    assert geocoder.resolve("U.S.", "en") is geocoder.resolve("US", "en")
    assert match_key("The  Gaza-Strip") == "gaza strip"


def test_acronyms_do_not_match_towns(geocoder: Geocoder) -> None:
    eu = geocoder.resolve("EU", "en")
    assert eu is not None and eu.name == "European Union"


@pytest.mark.parametrize(("context", "country"), [(Counter(LBN=2), "LBN"), (Counter(LBY=1), "LBY")])
def test_tripoli_follows_the_article(
    geocoder: Geocoder, context: Counter[str], country: str
) -> None:
    entry = geocoder.resolve("Tripoli", "en", context)
    assert entry is not None and entry.country == country


def test_alexandria_follows_the_article(geocoder: Geocoder) -> None:
    alone = geocoder.resolve("الإسكندرية", "ar")
    assert alone is not None and alone.country == "EGY"
    in_us_story = geocoder.resolve("الإسكندرية", "ar", Counter(USA=3))
    assert in_us_story is not None and in_us_story.country == "USA"


def test_resolve_all_uses_the_other_names(geocoder: Geocoder) -> None:
    entries = geocoder.resolve_all(["Lebanon", "Beirut", "Tripoli"], "en")
    assert [e.country if e else None for e in entries] == ["LBN", "LBN", "LBN"]


def test_state_over_small_town_of_the_same_name(geocoder: Geocoder) -> None:
    entry = geocoder.resolve("California", "en", Counter(USA=1))
    assert entry is not None and entry.kind == "admin"


@pytest.mark.parametrize(
    ("name", "lang", "expected", "lat", "lon"),
    [
        ("the White House", "en", "White House", 38.9, -77.04),
        ("البيت الأبيض", "ar", "White House", 38.9, -77.04),
        ("الكرملين", "ar", "Kremlin", 55.75, 37.62),
        ("Strait of Hormuz", "en", "Strait of Hormuz", 26.6, 56.3),
        ("مضيق باب المندب", "ar", "Bab el-Mandeb", 12.6, 43.3),
        ("قطاع غزة", "ar", "Gaza Strip", 31.4, 34.4),
        ("الشرق الأوسط", "ar", "Middle East", 29.0, 41.0),
        ("Zaporizhzhia nuclear plant", "en", "Zaporizhzhia nuclear plant", 47.5, 34.6),
    ],
)
def test_landmarks_and_regions(
    geocoder: Geocoder, name: str, lang: str, expected: str, lat: float, lon: float
) -> None:
    entry = geocoder.resolve(name, lang)
    assert entry is not None and entry.name == expected
    assert near(entry, lat, lon, km=20)


@pytest.mark.parametrize(
    ("name", "lang"), [("Xyzzyville", "en"), ("كلمةغريبةجدا", "ar"), ("", "en"), ("   ", "ar")]
)
def test_unknown_names_stay_unresolved(geocoder: Geocoder, name: str, lang: str) -> None:
    assert geocoder.candidates(name, lang) == []
    assert geocoder.resolve(name, lang) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_safe(text: str) -> None:
    geocoder = default_geocoder()
    found = geocoder.candidates(text, "ar")
    assert geocoder.resolve(text, "ar") is (found[0] if found else None) or found


def _doc(text: str, names: list[tuple[str, str]], language: str = "ar") -> Document:
    mentions = []
    for number, (name, kind) in enumerate(names, start=1):
        start = text.index(name)
        mentions.append(Mention(f"m{number}", start, start + len(name), name, kind))
    return Document(text=text, language=language, mentions=mentions)


def test_places_stage_links_mentions(geocoder: Geocoder) -> None:
    text = "يزور كيم فلاديفوستوك في روسيا، ثم يعود من فلاديفوستوك إلى بيونغ يانغ عبر زنقلاند."
    doc = _doc(
        text,
        [("فلاديفوستوك", "GPE"), ("روسيا", "GPE"), ("بيونغ يانغ", "GPE"), ("زنقلاند", "LOC"),
         ("كيم", "PERSON")],
    )  # fmt: skip
    second = text.index("فلاديفوستوك", doc.mentions[0].end)
    doc.mentions.append(Mention("m6", second, second + len("فلاديفوستوك"), "فلاديفوستوك", "GPE"))
    doc = PlacesStage(Config(), geocoder)(doc)

    by_name = {p.name: p for p in doc.places}
    assert set(by_name) == {"Vladivostok", "Russia", "Pyongyang"}
    assert [p.id for p in doc.places] == ["p1", "p2", "p3"]
    vladivostok = by_name["Vladivostok"]
    assert vladivostok.mentions == ["m1", "m6"]
    assert (vladivostok.country, vladivostok.geonames) == ("RUS", 2013348)
    assert vladivostok.lat == pytest.approx(43.1, abs=0.05)
    links = {m.id: m.place for m in doc.mentions}
    assert links["m1"] == links["m6"] == vladivostok.id
    assert links["m4"] is None  # unknown place: no guess
    assert links["m5"] is None  # not a place mention
    assert "places" in doc.to_dict() and doc.to_dict()["places"][0]["mentions"]


def test_places_stage_keeps_grounded_places_and_replaces_bare_ones(geocoder: Geocoder) -> None:
    text = "Talks in Tripoli and Beirut; Lebanon's Tripoli port."
    doc = _doc(text, [("Tripoli", "GPE"), ("Beirut", "GPE"), ("Lebanon", "GPE")], "en")
    kept = Place("p1", "Beirut", "LBN", 33.9, 35.5, 276781, ["m2"])
    bare = Place("p2", "Tripoli", None, None, None, None, ["m1"])
    doc.places = [kept, bare]
    doc.mentions[1].place, doc.mentions[0].place = "p1", "p2"
    doc = PlacesStage(Config(), geocoder)(doc)

    assert doc.places[0] is kept and kept.mentions == ["m2"]
    assert all(p.id != "p2" for p in doc.places)  # the bare place lost its only mention
    tripoli = next(p for p in doc.places if p.name == "Tripoli")
    assert tripoli.country == "LBN" and tripoli.id == "p3"
    assert doc.mentions[0].place == tripoli.id


def test_places_stage_without_place_mentions_loads_nothing() -> None:
    stage = PlacesStage(Config())
    doc = stage(Document(text="لا شيء هنا", language="ar"))
    assert doc.places == [] and stage._geocoder is None
