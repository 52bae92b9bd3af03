"""Divisions, abbreviations, demonyms and small towns in the geocoder, on names written here."""

from __future__ import annotations

from collections import Counter

import pytest

from khabar.evaluation.geo import haversine_km
from khabar.resolve.gazetteer import ADMIN, ADMIN2, COUNTRY, admin_abbreviations, load_places
from khabar.resolve.geocode import Geocoder, default_geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return default_geocoder()


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("N.J.", "New Jersey"),
        ("NJ", "New Jersey"),
        ("Calif.", "California"),
        ("W.Va.", "West Virginia"),
        ("B.C.", "British Columbia"),
        ("NSW", "New South Wales"),
    ],
)
def test_state_abbreviations(geocoder: Geocoder, name: str, state: str) -> None:
    entry = geocoder.resolve(name, "en")
    assert entry is not None and entry.kind == ADMIN and entry.name == state


def test_postal_codes_only_where_news_uses_them(geocoder: Geocoder) -> None:
    # ISO 3166-2 codes of other countries' divisions are not names (FR-75, EG-C).
    codes = {named.name for named in load_places() if named.entry.kind == ADMIN and named.alias}
    assert "NY" in codes and "QC" in codes
    assert "75" not in codes


def test_abbreviation_file_names_known_divisions() -> None:
    known = {named.entry.name for named in load_places() if named.entry.kind == ADMIN}
    assert admin_abbreviations()["US-GA"] == ("Ga.",)
    assert "Georgia" in known


def test_county_follows_the_state_in_the_article(geocoder: Geocoder) -> None:
    in_california = geocoder.resolve_all(["California", "Orange County"], "en")[1]
    in_florida = geocoder.resolve_all(["Florida", "Orange County"], "en")[1]
    assert in_california is not None and in_florida is not None
    assert in_california.kind == in_florida.kind == ADMIN2
    assert in_california.lon < -115 and in_florida.lon > -85


def test_county_suffix_is_a_generic_tail(geocoder: Geocoder) -> None:
    # "Tipperary County" is written for the division GeoNames calls "Tipperary".
    entry = geocoder.resolve("Cook County", "en")
    assert entry is not None and entry.kind == ADMIN2 and entry.country == "USA"
    assert haversine_km(entry.lat, entry.lon, 41.8, -87.8) < 100


def test_demonyms_name_their_country(geocoder: Geocoder) -> None:
    for form, iso3 in [("Salvadoran", "SLV"), ("Zimbabwean", "ZWE"), ("Syrian", "SYR")]:
        entry = geocoder.resolve(form, "en")
        assert entry is not None and entry.kind == COUNTRY and entry.country == iso3


def test_country_beats_a_town_of_the_same_name(geocoder: Geocoder) -> None:
    # Greece, New York, is a town of 90,000; an article about the US still means the country.
    entry = geocoder.resolve("Greece", "en", Counter({"USA": 5}))
    assert entry is not None and entry.kind == COUNTRY and entry.country == "GRC"


def test_towns_of_a_few_thousand_people(geocoder: Geocoder) -> None:
    entry = geocoder.resolve("Grindelwald", "en")
    assert entry is not None and entry.country == "CHE"


def test_arabic_still_resolves_with_the_larger_gazetteer(geocoder: Geocoder) -> None:
    entry = geocoder.resolve("فلاديفوستوك", "ar")
    assert entry is not None and entry.geonames == 2013348


def test_the_renaissance_dam_is_a_place_not_the_ennahda_party(geocoder: Geocoder) -> None:
    entry = geocoder.resolve("سد النهضة", "ar")
    assert entry is not None and entry.country == "ETH" and entry.kind == "facility"


def test_korea_alone_is_the_peninsula_not_a_village(geocoder: Geocoder) -> None:
    for name, lang in (("Korea", "en"), ("كوريا", "ar")):
        entry = geocoder.resolve(name, lang)
        assert entry is not None and entry.name == "Korean Peninsula"
    entry = geocoder.resolve("North Korea", "en")
    assert entry is not None and entry.country == "PRK"


def test_contested_regions_have_their_arabic_names(geocoder: Geocoder) -> None:
    for name, iso3 in (
        ("التبت", "CHN"),
        ("الشيشان", "RUS"),
        ("Chechnya", "RUS"),
        ("تيغراي", "ETH"),
    ):
        entry = geocoder.resolve(name, "ar" if not name.isascii() else "en")
        assert entry is not None and entry.country == iso3, name


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        # Survey centres, not data: the geographic centre of the contiguous United States
        # (near Lebanon, Kansas) and of India (near Karaundi, Madhya Pradesh).
        ("United States", 39.83, -98.58),
        ("India", 23.5, 80.0),
        ("France", 46.54, 2.43),
    ],
)
def test_country_point_is_the_mainland_centre(
    geocoder: Geocoder, name: str, lat: float, lon: float
) -> None:
    # A country's point is its mainland's centroid, so Alaska or an overseas department does
    # not pull it away from the middle of the country people mean.
    entry = geocoder.resolve(name, "en")
    assert entry is not None and entry.kind == COUNTRY
    assert haversine_km(entry.lat, entry.lon, lat, lon) < 161
