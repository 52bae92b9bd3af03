"""Offline geocoding: a place name to one gazetteer entry, chosen with the article's context.

Names match on a normalised key: Arabic through :func:`normalize_ar` (one alef,
ه for ة, ي for ى, no marks), Latin case- and diacritic-insensitively with
periods and hyphens dropped ("U.S." = "US", "Herāt" = "Herat"). One fallback
is not exact: a name that matches nothing is looked up by its consonant
skeleton (:mod:`khabar.resolve.soundkey`) among the towns and divisions of
countries where Arabic is official, since GeoNames spells those in one
transliteration and news in others ("Tal Afar", تلعفر = "Tall ‘Afar"). The
vowels must agree too (:func:`~khabar.resolve.soundkey.sounds_alike`), such a
match ranks as a secondary name, and it counts only for a country the article
already names, unless the name is in Latin script with a skeleton of four
consonants or more (Arabic script writes no short vowels, so its skeletons say
less: مغرب would be the Yemeni village of Al Maghrabah). Anything else no entry carries
stays unresolved.

Among the entries a name matches, :meth:`Geocoder.resolve` prefers, in this
order of weight: countries and the curated regions and landmarks; entries in a
country the article already names (``context_countries``); capitals (PPLC),
then admin seats (PPLA), then bigger cities; a first-level division over a
small town of the same name, a second-level one (county) below both; among
same-named divisions, the one in the more populous country and, for counties,
the one with more towns. Secondary names (English aliases, nationality
adjectives) rank below primary ones. :meth:`Geocoder.resolve_all` resolves the
place names of one article together: a first pass collects the countries of
the places, a second one resolves again with them as context (each name
without its own vote), favouring places near the article's other places.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache

from khabar.buildcache import cached
from khabar.evaluation.geo import haversine_km
from khabar.resolve.gazetteer import (
    ADMIN,
    ADMIN2,
    CITY,
    COUNTRY,
    GazetteerEntry,
    NamedEntry,
    countries_speaking,
    country_populations,
    load_demonyms,
    load_places,
)
from khabar.resolve.soundkey import MIN_KEY, sound_key, sounds_alike
from khabar.text.normalize import normalize_ar

# A gazetteer entry as stored: GazetteerEntry's fields in order; and a key's (row, alias) hits.
_Row = tuple[str, str, str | None, float, float, int | None, int, str, str | None]
_Hits = tuple[tuple[int, bool], ...]
_State = tuple[list[_Row], dict[str, _Hits], dict[str, _Hits], dict[str, _Hits]]

_ARABIC = re.compile("[\u0600-\u06ff]")
_PUNCT = str.maketrans({".": "", "'": "", "\u2019": "", "\u2018": "", "-": " ", "\u2010": " "})
_SPACE = re.compile(r"\s+")

# Conjunctions and prepositions that Arabic writes attached to a name (وموسكو, بالعراق).
_AR_PROCLITICS = ("وال", "بال", "فال", "كال", "وبال", "لل", "و", "ف", "ب", "ل", "ك")
# Generic heads that may precede a name without being part of it in the gazetteer.
_AR_HEADS = (
    "مدينه ", "محافظه ", "ولايه ", "اقليم ", "منطقه ", "بلده ", "قريه ", "العاصمه ", "جمهوريه ",
    "مقاطعه ",
)  # fmt: skip
_EN_HEADS = ("city of ", "province of ", "state of ", "republic of ")
_EN_TAILS = (
    " city", " province", " governorate", " state", " region", " oblast", " prefecture", " county",
)  # fmt: skip
_TAIL_KINDS = {
    **dict.fromkeys(
        (" province", " governorate", " state", " region", " oblast"), frozenset({ADMIN})
    ),
    " county": frozenset({ADMIN, ADMIN2}),
}

_BASE = {COUNTRY: 100.0, ADMIN: 50.0, ADMIN2: 40.0, CITY: 20.0}
_CURATED_BASE = 90.0
_CAPITAL_BONUS = {"PPLC": 15.0, "PPLA": 8.0}
_ALIAS_PENALTY = 12.0
_CONTEXT_BONUS = 30.0
_POP_WEIGHT = 6.0
_NEAR_BONUS = 5.0
_COUNTRY_PRIOR = 1.0
_NEAR_KM = {
    ADMIN: 600.0,
    ADMIN2: 150.0,
}  # a division's point is its centre, far from the towns in it
_NEAR_KM_DEFAULT = 250.0
# Kinds too large to say anything about which nearby town is meant.
_BROAD_KINDS = frozenset({COUNTRY, "continent", "region", "sea"})
# Kinds looked up by consonant skeleton, in countries where Arabic is official: those named
# in GeoNames' transliteration (first-level divisions have English names: "Capital").
_SOUND_KINDS = frozenset({CITY, ADMIN2})
# A skeleton one consonant shorter than MIN_KEY still counts in a country the article names.
_SHORT_KEY = MIN_KEY - 1


def match_key(name: str) -> str:
    """The form under which a name is indexed and looked up."""
    if name.isascii():
        key = name.lower().translate(_PUNCT)
        if key.startswith("the "):
            key = key[4:]
    elif _ARABIC.search(name):
        key = normalize_ar(name).replace("-", " ")
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        key = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        key = key.casefold().translate(_PUNCT)
        if key.startswith("the "):
            key = key[4:]
    return _SPACE.sub(" ", key).strip()


class Geocoder:
    """Place names to gazetteer entries. Build it once (:func:`default_geocoder`) and reuse it."""

    def __init__(self, places: Sequence[NamedEntry], demonyms: Sequence[NamedEntry] = ()) -> None:
        # Entries are kept as plain tuples and keys map to (row, alias) pairs: that unpickles
        # about ten times faster than 200k entry objects, so a process can load a built
        # geocoder from the disk cache (khabar.buildcache) instead of rebuilding it.
        rows: list[_Row] = []
        row_of: dict[int, int] = {}
        index: dict[str, dict[int, bool]] = {}
        # Names written in capitals (US, EU, DPRK) match only names written so: "EU" is not
        # the French town of Eu.
        acronyms: dict[str, dict[int, bool]] = {}
        sounds: dict[str, dict[int, bool]] = {}
        arabic_countries = countries_speaking("ar")
        for named in (*places, *demonyms):
            key = match_key(named.name)
            if not key:
                continue
            row = row_of.get(id(named.entry))
            if row is None:
                row = row_of[id(named.entry)] = len(rows)
                rows.append(_as_row(named.entry))
            found = (acronyms if _is_acronym(named.name) else index).setdefault(key, {})
            # An entry reachable by a primary name is never marked as an alias match.
            found[row] = found.get(row, True) and named.alias
            entry = named.entry
            if entry.kind in _SOUND_KINDS and entry.country in arabic_countries:
                sound = sound_key(named.name)
                if len(sound) >= _SHORT_KEY:
                    sounds.setdefault(sound, {})[row] = True
        self._rows = rows
        self._index = {key: tuple(found.items()) for key, found in index.items()}
        self._acronyms = {key: tuple(found.items()) for key, found in acronyms.items()}
        self._sounds = {key: tuple(found.items()) for key, found in sounds.items()}
        self._entries: dict[int, GazetteerEntry] = {}

    def __getstate__(self) -> _State:
        return self._rows, self._index, self._acronyms, self._sounds

    def __setstate__(self, state: _State) -> None:
        self._rows, self._index, self._acronyms, self._sounds = state
        self._entries = {}

    def _entry(self, row: int) -> GazetteerEntry:
        """The entry of a row, one object per row (entries compare by identity)."""
        entry = self._entries.get(row)
        if entry is None:
            entry = self._entries[row] = GazetteerEntry(*self._rows[row])
        return entry

    def __len__(self) -> int:
        return len(self._index)

    def _lookup(
        self, name: str, lang: str
    ) -> tuple[dict[GazetteerEntry, bool], frozenset[str], str]:
        """The entries under the first key variant of ``name`` that exists, the kinds a
        stripped generic head asks for (empty: any kind), and the consonant skeleton the
        entries were found by ("" for a match by name)."""
        hits, kinds = self._lookup_rows(name, lang)
        sound = ""
        if not hits and not _is_acronym(name):
            sound, hits = self._lookup_sound(name, lang)
        return {self._entry(row): alias for row, alias in hits}, kinds, sound

    def _lookup_sound(self, name: str, lang: str) -> tuple[str, _Hits]:
        """Entries whose consonant skeleton is that of ``name`` (or of a form of it without
        Arabic proclitics), as secondary-name matches."""
        key = match_key(name)
        forms = [key]
        if _ARABIC.search(key) or lang == "ar":
            forms += _arabic_variants(key)
        for form in forms:
            sound = sound_key(form)
            found = self._sounds.get(sound) if len(sound) >= _SHORT_KEY else None
            if found:
                return sound, found
        return "", ()

    def _lookup_rows(self, name: str, lang: str) -> tuple[_Hits, frozenset[str]]:
        key = match_key(name)
        if _is_acronym(name):
            return self._acronyms.get(key, ()), frozenset()
        found = self._index.get(key)
        if found:
            return found, frozenset()
        if _ARABIC.search(key) or lang == "ar":
            for variant in _arabic_variants(key):
                found = self._index.get(variant)
                if found:
                    return found, frozenset()
            return (), frozenset()
        if key.endswith(" s"):  # "Russia's" keys as "russias"; "Russia s" never occurs
            key = key[:-2]
        if key.endswith("s") and key[:-1] in self._index and name.endswith(("'s", "\u2019s")):
            return self._index[key[:-1]], frozenset()
        for head in _EN_HEADS:
            if key.startswith(head) and key[len(head) :] in self._index:
                return self._index[key[len(head) :]], frozenset()
        for tail in _EN_TAILS:
            if key.endswith(tail) and key[: -len(tail)] in self._index:
                kinds = _TAIL_KINDS.get(tail, frozenset({CITY}))
                return self._index[key[: -len(tail)]], kinds
        return (), frozenset()

    def candidates(self, name: str, lang: str) -> list[GazetteerEntry]:
        """Every entry ``name`` can name, best first when no context is known."""
        return [entry for entry, _ in self._ranked(name, lang, Counter(), ())]

    def resolve(
        self, name: str, lang: str, context_countries: Counter[str] | None = None
    ) -> GazetteerEntry | None:
        """The entry ``name`` most likely names in an article about ``context_countries``
        (ISO alpha-3 codes with how often the article names them); None when unknown."""
        ranked = self._ranked(name, lang, context_countries or Counter(), ())
        return ranked[0][0] if ranked else None

    def resolve_all(
        self, names: Sequence[str], lang: str, context_countries: Counter[str] | None = None
    ) -> list[GazetteerEntry | None]:
        """Resolve the place names of one article together (see the module docstring)."""
        seed = Counter(context_countries or {})
        first = [self.resolve(name, lang, seed) for name in names]
        votes = Counter(seed)
        for entry in first:
            if entry is not None and entry.country:
                votes[entry.country] += _vote(entry)
        anchors = tuple(e for e in first if e is not None and e.kind not in _BROAD_KINDS)
        result: list[GazetteerEntry | None] = []
        for name, own in zip(names, first, strict=True):
            if own is None:
                result.append(None)
                continue
            context = Counter(votes)
            if own.country:
                context[own.country] -= _vote(own)
            near = tuple(a for a in anchors if a is not own)
            ranked = self._ranked(name, lang, +context, near)
            result.append(ranked[0][0] if ranked else own)
        return result

    def _ranked(
        self,
        name: str,
        lang: str,
        context: Counter[str],
        anchors: Sequence[GazetteerEntry],
    ) -> list[tuple[GazetteerEntry, float]]:
        found, kinds, sound = self._lookup(name, lang)
        if kinds:
            wanted = {e: a for e, a in found.items() if e.kind in kinds}
            found = wanted or found
        if sound:
            arabic = bool(_ARABIC.search(name))
            found = {
                e: a
                for e, a in found.items()
                if sounds_alike(name, e.name)
                and len(sound) >= (MIN_KEY if arabic else _SHORT_KEY)
                and (context[e.country or ""] > 0 or (len(sound) >= MIN_KEY and not arabic))
            }
        scored = [(entry, _score(entry, alias, context, anchors)) for entry, alias in found.items()]
        scored.sort(key=lambda pair: (-pair[1], pair[0].name, pair[0].lat, pair[0].lon))
        return scored


def _is_acronym(name: str) -> bool:
    # Cheap rejections first: this runs for each of the gazetteer's 200k names at start-up.
    if len(name) > 12 or not name.isupper() or " " in name:
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return 2 <= len(letters) <= 5 and all(ch.isupper() for ch in letters) and " " not in name


def _arabic_variants(key: str) -> list[str]:
    variants = []
    for prefix in _AR_PROCLITICS:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            rest = key[len(prefix) :]
            variants.append("ال" + rest if prefix.endswith("ال") or prefix == "لل" else rest)
    for head in _AR_HEADS:
        if key.startswith(head):
            variants.append(key[len(head) :])
    return variants


def _vote(entry: GazetteerEntry) -> int:
    """How much one resolved place says about the article's countries."""
    return 2 if entry.kind == COUNTRY else 1


def _score(
    entry: GazetteerEntry,
    alias: bool,
    context: Counter[str],
    anchors: Sequence[GazetteerEntry],
) -> float:
    score = _BASE.get(entry.kind, _CURATED_BASE)
    if entry.kind == CITY:
        score += _POP_WEIGHT * math.log10(entry.population + 1)
        score += _CAPITAL_BONUS.get(entry.feature_code, 0.0)
    elif entry.kind == ADMIN2:
        score += 3.0 * math.log10(entry.population + 1)
    if entry.kind in (ADMIN, ADMIN2) and entry.country:
        # Divisions carry no population: the country's breaks ties between same-named ones
        # (Florida the US state over the Uruguayan department), since bigger countries are
        # in more news.
        people = country_populations().get(entry.country, 0)
        score += _COUNTRY_PRIOR * (math.log10(people + 1) - 7.0)
    if alias:
        score -= _ALIAS_PENALTY
    if entry.country and context[entry.country] > 0:
        # More mentions of a country make it likelier, with diminishing returns.
        score += _CONTEXT_BONUS + 2.0 * min(context[entry.country], 5)
    if entry.kind not in _BROAD_KINDS and any(_near(entry, a) for a in anchors):
        score += _NEAR_BONUS
    return score


def _near(entry: GazetteerEntry, anchor: GazetteerEntry) -> bool:
    # A division's point is its centre, far from the places in it: the wider radius of the two.
    radius = max(
        _NEAR_KM.get(entry.kind, _NEAR_KM_DEFAULT), _NEAR_KM.get(anchor.kind, _NEAR_KM_DEFAULT)
    )
    return haversine_km(entry.lat, entry.lon, anchor.lat, anchor.lon) <= radius


@cache
def default_geocoder() -> Geocoder:
    """The geocoder over the packaged gazetteer: built once, then loaded from the disk cache."""
    return cached("geocoder", _build_default)


def _build_default() -> Geocoder:
    return Geocoder(load_places(), load_demonyms())


def _as_row(entry: GazetteerEntry) -> _Row:
    return (
        entry.name,
        entry.kind,
        entry.country,
        entry.lat,
        entry.lon,
        entry.geonames,
        entry.population,
        entry.feature_code,
        entry.name_ar,
    )
