"""Everything the actor stage can recognise, in one phrase index, built once.

Entries come from the resource files in ``khabar/data/actors`` (see its README):
the actor dictionary, countries, capitals and cities, nationality adjectives,
office titles, institution nouns, buildings that stand for governments, and
anonymous sources. Each entry is a :class:`Cue` saying what kind of thing the
phrase names and what it contributes (a country, a sector, an office, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files as resources_files
from pathlib import Path

from khabar.actors import resources
from khabar.actors.phrases import PhraseIndex
from khabar.buildcache import cached
from khabar.text.normalize import normalize_ar

# What a matched phrase is.
ACTOR = "actor"  # a dictionary entry (person, organisation, outlet, armed group, ...)
COUNTRY = "country"
CITY = "city"
NISBA = "nisba"  # a nationality adjective or demonym: الروسي, Russian
TITLE = "title"  # an office: الرئيس, وزير الدفاع, President
INSTITUTION = "institution"  # الجيش, وزارة الخارجية, army, media
METONYM = "metonym"  # a building standing for a government: البيت الأبيض
ANONYMOUS = "anonymous"  # مصادر, officials, reports
PLACE = "place"  # a region, sea, landmark or facility from the places gazetteer


# Place names and buildings also match without their article (في كرملين).
# (Not cities or regions: "الخليل" is Hebron, "خليل" a man's name.)
BARE_CATEGORIES = frozenset({"country", "metonym"})
# Gazetteer kinds that name facilities (FAC); other curated kinds are regions (LOC).
FACILITY_KINDS = frozenset({"landmark", "facility", "base", "crossing", "camp"})


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    name: str  # English name of what it names, or of the title/institution
    name_ar: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None  # actor kind for actors and anonymous/institution entries
    office: str | None = None  # title entries: hos, hog, fm, dm, ...
    context: str | None = None  # e.g. "military" for وزير الدفاع
    ref: str | None = None  # dictionary id, or GeoNames id for cities
    capital: bool = False
    short: bool = False  # an ambiguous short form (كيم): only used when the full name is near
    mention_type: str | None = None
    # Written in capitals (US, WHO, AID): matches only text written so, never "us" or "who".
    acronym: bool = False
    # Words of the matched phrase that stand before the mention: the honorific of
    # "الشيخ تميم بن حمد آل ثاني" is matched with the name but is no part of its mention.
    lead: int = 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    index: PhraseIndex[Cue]
    actors: dict[str, resources.ActorEntry]
    countries: dict[str, resources.Country]


MEDIA_LABELS = frozenset({"media", "newspapers", "local media", "state media"})
# Unnamed people who speak for a state unless the phrase says otherwise ("المسؤولون الروس").
OFFICIAL_LABELS = frozenset({"official", "officials", "diplomat", "diplomats", "spokesperson"})

# English labels for office codes and sectors, used to name generic actors
# ("Foreign Minister of Iran", "Iraq military").
OFFICE_LABELS = {
    "hos": "President",
    "hog": "Prime Minister",
    "vp": "Vice President",
    "fm": "Foreign Minister",
    "dm": "Defence Minister",
    "minister": "Minister",
    "nsa": "National Security Adviser",
    "speaker": "Speaker",
    "envoy": "Envoy",
    "mil_chief": "Military Chief",
    "intel_chief": "Intelligence Chief",
    "spokesperson": "Spokesperson",
    "leader": "Leader",
    "igo_head": "Secretary-General",
    "igo_fm": "Foreign Policy Chief",
    "other": "Official",
}
SECTOR_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "SPY": "intelligence",
    "MED": "media",
    "LEG": "parliament",
    "JUD": "judiciary",
    "OPP": "opposition",
    "REB": "rebels",
    "PTY": "party",
    "BUS": "business",
    "CVL": "civilians",
    "IGO": "international organisation",
    "NGO": "non-governmental organisation",
    "HLH": "health",
    "EDU": "education",
    "REL": "religious",
    "LAB": "labour",
    "REF": "refugees",
    "ELI": "elites",
    "CRM": "criminals",
    "INS": "insurgents",
    "SEP": "separatists",
    "UAF": "armed group",
}


@cache
def group_labels() -> frozenset[str]:
    """Every name the actor stage gives a group it builds from a generic noun: the sectors'
    labels and the institution table's own names (protesters, settlers)."""
    return frozenset(SECTOR_LABELS.values()) | frozenset(
        item.name for item in resources.load_institutions() if item.name
    )


@cache
def load_lexicon(extra_actor_files: tuple[str, ...] = ()) -> Lexicon:
    """The actor lexicon; built once per process, and kept on disk between processes."""
    paths = tuple(Path(name) for name in extra_actor_files)
    return cached("actorlexicon", lambda: _build_lexicon(paths), inputs=paths)


def _build_lexicon(paths: tuple[Path, ...]) -> Lexicon:
    index: PhraseIndex[Cue] = PhraseIndex()
    countries = dict(resources.load_countries())
    actors = {a.id: a for a in resources.load_actor_dictionary(paths)}
    for phrase, cue, lang in _entries(countries, actors):
        if lang == "en" and is_acronym(phrase):
            cue = replace(cue, acronym=True)
        index.add(phrase, cue, lang, bare=cue.category in BARE_CATEGORIES)
    return Lexicon(index, actors, countries)


def is_acronym(text: str) -> bool:
    """Two to five capital letters in one word, dots allowed: US, U.S., WHO, IAEA."""
    if " " in text or not text.isupper():
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return 2 <= letters <= 5


def text_lang(text: str) -> str:
    """ "ar" for text with an Arabic letter, else "en"."""
    return "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"


def _entries(
    countries: dict[str, resources.Country], actors: dict[str, resources.ActorEntry]
) -> Iterator[tuple[str, Cue, str]]:
    for country in countries.values():
        cue = Cue(COUNTRY, country.name_en, _first(country.names_ar), country.iso3, kind="state")
        for name in (country.name_en, *country.aliases_en):
            yield name, cue, "en"
        for name in country.names_ar:
            yield name, cue, "ar"
    stop = _place_stopwords()
    for city in resources.load_cities():
        capital = city.feature_code == "PPLC"
        cue = Cue(
            CITY,
            city.name_en,
            _first(city.names_ar),
            city.country,
            ref=str(city.geonames),
            capital=capital,
        )
        for name in city.names_ar:
            if capital or normalize_ar(name) not in stop:
                yield name, cue, "ar"
        yield city.name_en, cue, "en"
    for nisba in resources.load_nisba():
        nation = countries.get(nisba.iso3)
        # A form that is also a common word or a surname (القطري، السوداني) is indexed as
        # short: it only qualifies the noun before it (الوزير القطري), never stands alone.
        cue = Cue(
            NISBA,
            nation.name_en if nation else nisba.iso3,
            _first(nation.names_ar) if nation else None,
            nisba.iso3,
            kind="state",
            short=nisba.ambiguous,
        )
        yield nisba.form, cue, nisba.lang
    honorifics = arabic_honorifics()
    for actor in actors.values():
        cue = _actor_cue(actor, short=False)
        for name in actor.forms_en:
            yield name, cue, "en"
        for name in actor.forms_ar:
            bare = _without_honorific(name, honorifics)
            yield bare, cue, "ar"
            if bare != name:
                # with its title too, so that the whole name outmatches a titled short form
                # ("الملك سلمان"); the mention starts after the title
                yield name, replace(cue, lead=len(name.split()) - len(bare.split())), "ar"
        short = _actor_cue(actor, short=True)
        for name in actor.short:
            yield name, short, text_lang(name)
    for title in resources.load_titles():
        label = title.text if title.lang == "en" else OFFICE_LABELS.get(title.office, "Official")
        yield (
            title.text,
            Cue(
                TITLE,
                label,
                sector=title.sector,
                kind="person",
                office=title.office,
                context=title.context,
            ),
            title.lang,
        )
    for item in resources.load_institutions():
        label = item.name or SECTOR_LABELS.get(item.sector, item.sector.lower())
        yield (
            item.text,
            Cue(
                INSTITUTION,
                label,
                country=item.country,
                sector=item.sector,
                kind=item.kind,
                context=item.context,
                mention_type="ORG",
            ),
            item.lang,
        )
    for metonym in resources.load_metonyms():
        if metonym.kind == "block":
            continue
        if metonym.actor and metonym.actor in actors:
            entry = actors[metonym.actor]
            cue = Cue(
                METONYM,
                entry.name,
                entry.name_ar,
                entry.country,
                entry.sector,
                kind=entry.kind,
                ref=entry.id,
                mention_type="GPE",
            )
        else:
            label = SECTOR_LABELS.get(metonym.sector, "government")
            cue = Cue(
                METONYM,
                label,
                None,
                metonym.country,
                metonym.sector,
                kind="state",
                capital=metonym.kind == "capital",
                mention_type="FAC" if metonym.kind == "building" else "GPE",
            )
        yield metonym.text, cue, metonym.lang
    yield from _places(stop)
    for anonymous in resources.load_anonymous():
        # Unnamed outlets ("وسائل إعلام أمريكية") are media; other unnamed speakers anonymous.
        kind = "media" if anonymous.name_en in MEDIA_LABELS else "anonymous"
        cue = Cue(
            ANONYMOUS,
            anonymous.name_en,
            sector=anonymous.sector,
            kind=kind,
            context=anonymous.context,
            mention_type="ORG",
        )
        yield anonymous.text, cue, anonymous.lang


def _places(stop: frozenset[str]) -> Iterator[tuple[str, Cue, str]]:
    """Regions, seas, landmarks and admin regions: mentions for the places stage to geocode."""
    from khabar.resolve.gazetteer import CURATED_KINDS, load_places

    for named in load_places():
        entry = named.entry
        if entry.kind not in CURATED_KINDS and entry.kind != "admin":
            continue
        if len(named.name) < 4 or (named.lang == "ar" and normalize_ar(named.name) in stop):
            continue  # short or common words ("Ain", "الجنوب") are not taken for places
        mention_type = (
            "FAC" if entry.kind in FACILITY_KINDS else "GPE" if entry.kind == "admin" else "LOC"
        )
        cue = Cue(PLACE, entry.name, entry.name_ar, entry.country, mention_type=mention_type)
        yield named.name, cue, named.lang


@cache
def _place_stopwords() -> frozenset[str]:
    """Common words that gazetteers also list as places: place_stopwords.txt, the
    closed-class words of the segmenter, and the one-word event triggers and reporting cues
    (بيان "statement" is no district of Kuwait in news text)."""
    from khabar.claims.lexicon import load_lexicon as load_cues
    from khabar.events.lexicon import load_triggers

    triggers = load_triggers("ar")
    words: set[str] = {
        normalize_ar(form)
        for entry in triggers.entries
        for form, _pos in triggers.forms(entry)
        if " " not in form
    }
    words.update(normalize_ar(" ".join(form)) for form in load_cues("ar").cues if len(form) == 1)
    for package, name in (
        ("khabar.data.actors", "place_stopwords.txt"),
        ("khabar.data.text", "ar_function_words.txt"),
    ):
        text = resources_files(package).joinpath(name).read_text(encoding="utf-8")
        words.update(
            normalize_ar(line.strip())
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    return frozenset(words)


@cache
def arabic_honorifics() -> frozenset[str]:
    """The one-word Arabic titles with the article (titles.tsv) that stand before a name:
    الشيخ، الملك، الأمير، المشير ("أمير قطر" is an office, and stays in its name)."""
    return frozenset(
        normalize_ar(t.text)
        for t in resources.load_titles()
        if t.lang == "ar" and " " not in t.text and t.text.startswith("ال")
    )


def _without_honorific(name: str, honorifics: frozenset[str]) -> str:
    """A dictionary name without the title it starts with ("الشيخ تميم بن حمد آل ثاني" ->
    "تميم بن حمد آل ثاني"): the name's span is the name alone, as news NER corpora mark it.
    A name that would be left with one word keeps its title ("الملك فهد": فهد alone is too
    common)."""
    first, _space, rest = name.partition(" ")
    if normalize_ar(first) in honorifics and len(rest.split()) >= 2:
        return rest
    return name


def _actor_cue(actor: resources.ActorEntry, *, short: bool) -> Cue:
    return Cue(
        ACTOR,
        actor.name,
        actor.name_ar or None,
        actor.country,
        actor.sector,
        kind=actor.kind,
        ref=actor.id,
        short=short,
        mention_type=_mention_type(actor.kind),
    )


def _first(names: tuple[str, ...] | list[str]) -> str | None:
    return names[0] if names else None


def _mention_type(kind: str) -> str:
    return {"person": "PERSON", "state": "GPE"}.get(kind, "ORG")


# "Iran-backed militias", "a Trinidad-based group": a name before a hyphened participle
# qualifies the group after it and does not act itself.
_QUALIFYING_PARTICIPLES = frozenset(
    {"backed", "sponsored", "funded", "supported", "allied", "aligned", "based"}
)
_AFTER_HYPHEN = re.compile(r"-([a-z]+)\b")


def qualifies_next(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` in ``text`` is followed by "-backed", "-based" and
    the like, so that it qualifies the noun after it ("Iran-backed militias")."""
    found = _AFTER_HYPHEN.match(text, end)
    return found is not None and found.group(1) in _QUALIFYING_PARTICIPLES
