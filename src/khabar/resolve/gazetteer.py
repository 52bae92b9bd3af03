"""The places gazetteer: every entry the geocoder can return, read once from packaged data.

Countries and cities with Arabic names come from the actor resources
(``khabar/data/actors``, read through :mod:`khabar.actors.resources`); the
rest from ``khabar/data/places`` (see its README): country centroids,
first-level divisions, more cities, English city aliases, and the hand-written
landmarks and regions.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources as importlib_resources

from khabar.actors import resources as actor_resources
from khabar.errors import ResourceError

PACKAGE = "khabar.data.places"

# What an entry is; the geocoder ranks by it (see geocode.py).
COUNTRY = "country"
ADMIN = "admin"  # a first-level division: state, province, governorate, ...
ADMIN2 = "admin2"  # a second-level division: county, district, ...
CITY = "city"
CURATED_KINDS = frozenset(
    {"continent", "region", "sea", "strait", "canal", "landmark", "facility", "base", "crossing",
     "camp"}
)  # fmt: skip


# Not frozen and compared by identity: the gazetteer builds ~100k of these once, and frozen
# dataclasses and field-wise hashing made that several times slower. Treat them as read-only.
@dataclass(slots=True, eq=False)
class GazetteerEntry:
    """One place. ``country`` is ISO 3166-1 alpha-3 (None for continents, seas, ...);
    ``geonames`` is the GeoNames id where the source has one; ``kind`` is ``country``,
    ``admin``, ``admin2``, ``city`` or a curated kind (``region``, ``landmark``, ...).
    ``population`` of an ``admin2`` entry is its number of towns of 1,000+ people."""

    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    geonames: int | None = None
    population: int = 0
    feature_code: str = ""
    name_ar: str | None = None


@dataclass(slots=True)
class NamedEntry:
    """An entry with one of its names; ``alias`` marks a secondary name (ranked lower)."""

    name: str
    lang: str
    entry: GazetteerEntry
    alias: bool = False


def _rows(filename: str) -> Iterator[list[str]]:
    """Data rows of a places TSV (comment lines and the header skipped)."""
    path = importlib_resources.files(PACKAGE).joinpath(filename)
    try:
        if filename.endswith(".gz"):
            text = gzip.decompress(path.read_bytes()).decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(
            f"places resource {filename} is missing from {PACKAGE}; reinstall khabar or run "
            "scripts/build_places.py"
        ) from exc
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    next(lines, None)
    for line in lines:
        yield line.split("\t")


def _split(field: str) -> list[str]:
    return [value for value in field.split("|") if value]


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


@cache
def _country_rows() -> tuple[list[str], ...]:
    """The rows of country_points.tsv, read once for the three views below."""
    return tuple(_rows("country_points.tsv"))


@cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> the country's centroid (lat, lon)."""
    return {row[0]: (float(row[1]), float(row[2])) for row in _country_rows()}


@cache
def country_populations() -> dict[str, int]:
    """ISO alpha-3 -> the country's population (GeoNames)."""
    return {row[0]: _int(row[3]) for row in _country_rows()}


@cache
def countries_speaking(lang: str) -> frozenset[str]:
    """ISO alpha-3 codes of the countries where ``lang`` is an official language (CLDR)."""
    return frozenset(row[0] for row in _country_rows() if lang in _split(row[4]))


@cache
def city_aliases() -> dict[int, tuple[str, ...]]:
    """GeoNames id -> English alternate names of the city."""
    return {int(row[0]): tuple(_split(row[1])) for row in _rows("city_aliases.tsv")}


def _countries() -> Iterator[NamedEntry]:
    points = country_points()
    cities = {city.geonames: city for city in actor_resources.load_cities()}
    for country in actor_resources.load_countries().values():
        point = points.get(country.iso3)
        if point is None:
            # Without a centroid, the capital stands for the country.
            capital = cities.get(country.capital_geonames or 0)
            if capital is None:
                continue
            point = (capital.lat, capital.lon)
        names_ar = tuple(country.names_ar)
        entry = GazetteerEntry(
            country.name_en, COUNTRY, country.iso3, point[0], point[1],
            name_ar=names_ar[0] if names_ar else None,
        )  # fmt: skip
        yield NamedEntry(country.name_en, "en", entry)
        for alias in country.aliases_en:
            yield NamedEntry(alias, "en", entry)
        for name in names_ar:
            yield NamedEntry(name, "ar", entry)


def _cities() -> Iterator[NamedEntry]:
    aliases = city_aliases()
    # countries.tsv spells some capitals in Arabic where cities.tsv does not (بيونغ يانغ).
    capitals_ar: dict[int, tuple[str, ...]] = {
        c.capital_geonames: c.capitals_ar
        for c in actor_resources.load_countries().values()
        if c.capital_geonames is not None
    }
    for city in actor_resources.load_cities():
        names_ar = tuple(dict.fromkeys((*city.names_ar, *capitals_ar.get(city.geonames, ()))))
        entry = GazetteerEntry(
            city.name_en, CITY, city.country, city.lat, city.lon, city.geonames,
            city.population, city.feature_code, names_ar[0] if names_ar else None,
        )  # fmt: skip
        yield NamedEntry(city.name_en, "en", entry)
        for name in names_ar:
            yield NamedEntry(name, "ar", entry)
        for alias in aliases.get(city.geonames, ()):
            yield NamedEntry(alias, "en", entry, alias=True)
    for row in _rows("cities_extra.tsv.gz"):
        geonames, name, country, lat, lon, population = row[:6]
        entry = GazetteerEntry(
            name, CITY, country, float(lat), float(lon), int(geonames), _int(population), "PPL"
        )
        yield NamedEntry(name, "en", entry)
        for alias in aliases.get(int(geonames), ()):
            yield NamedEntry(alias, "en", entry, alias=True)


# English news writes the states of these countries by their postal codes (NJ, BC, NSW), the
# part of the ISO 3166-2 code after the hyphen; elsewhere those codes are not names.
_POSTAL_CODE_COUNTRIES = frozenset({"USA", "CAN", "AUS"})


@cache
def admin_abbreviations() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code -> conventional English abbreviations (Calif., N.J., B.C.)."""
    return {row[0]: tuple(_split(row[1])) for row in _rows("admin_abbreviations.tsv")}


def _admin() -> Iterator[NamedEntry]:
    abbreviations = admin_abbreviations()
    for row in _rows("admin.tsv"):
        _, name, names_ar, country, lat, lon, _, code = row[:8]
        arabic = _split(names_ar)
        entry = GazetteerEntry(
            name, ADMIN, country, float(lat), float(lon), feature_code="ADM1",
            name_ar=arabic[0] if arabic else None,
        )  # fmt: skip
        yield NamedEntry(name, "en", entry)
        for alias in arabic:
            yield NamedEntry(alias, "ar", entry)
        if country in _POSTAL_CODE_COUNTRIES and "-" in code:
            yield NamedEntry(code.split("-", 1)[1], "en", entry, alias=True)
        for form in abbreviations.get(code, ()):
            yield NamedEntry(form, "en", entry, alias=True)


def _admin2() -> Iterator[NamedEntry]:
    for row in _rows("admin2.tsv"):
        name, _, country, lat, lon, towns = row[:6]
        # No population is shipped for divisions; their number of towns stands in for size.
        entry = GazetteerEntry(
            name, ADMIN2, country, float(lat), float(lon), population=_int(towns),
            feature_code="ADM2",
        )  # fmt: skip
        yield NamedEntry(name, "en", entry)


def _curated() -> Iterator[NamedEntry]:
    for row in _rows("landmarks.tsv"):
        names_en, names_ar, country, lat, lon, kind = row[:6]
        if kind not in CURATED_KINDS:
            raise ResourceError(f"landmarks.tsv: unknown kind {kind!r} for {names_en!r}")
        english, arabic = _split(names_en), _split(names_ar)
        entry = GazetteerEntry(
            english[0], kind, country or None, float(lat), float(lon),
            name_ar=arabic[0] if arabic else None,
        )  # fmt: skip
        for name in english:
            yield NamedEntry(name, "en", entry)
        for name in arabic:
            yield NamedEntry(name, "ar", entry)


def _demonyms(places: tuple[NamedEntry, ...]) -> Iterator[NamedEntry]:
    """Adjectives ("Russian", "الروسية", "European") pointing at their country or region,
    as aliases."""
    countries: dict[str | None, GazetteerEntry] = {}
    regions: dict[str, GazetteerEntry] = {}
    for named in places:
        if named.entry.kind == COUNTRY:
            countries.setdefault(named.entry.country, named.entry)
        elif named.entry.kind in CURATED_KINDS:
            regions.setdefault(named.entry.name, named.entry)
    for nisba in actor_resources.load_nisba():
        entry = countries.get(nisba.iso3)
        if entry is not None and not nisba.ambiguous:
            yield NamedEntry(nisba.form, nisba.lang, entry, alias=True)
    for form, iso3 in (row[:2] for row in _rows("demonyms_en.tsv")):
        entry = countries.get(iso3)
        if entry is not None:
            yield NamedEntry(form, "en", entry, alias=True)
    for form, lang, region in (row[:3] for row in _rows("region_demonyms.tsv")):
        if region not in regions:
            raise ResourceError(f"region_demonyms.tsv: {region!r} is not in landmarks.tsv")
        yield NamedEntry(form, lang, regions[region], alias=True)


@cache
def load_places() -> tuple[NamedEntry, ...]:
    """Every named entry of the gazetteer (countries, curated, admin, cities, admin2)."""
    return (*_countries(), *_curated(), *_admin(), *_cities(), *_admin2())


@cache
def load_demonyms() -> tuple[NamedEntry, ...]:
    return tuple(_demonyms(load_places()))
