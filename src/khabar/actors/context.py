"""Countries from context for actors the text names without one.

Many actors are generic groups: المتظاهرون، الشرطة، مسلحون، "officials", or office holders
no dictionary knows ("النائب انطوان غانم"). An analyst codes their country from context, as
ICEWS and PLOVER code "Police (Thailand)". This step does the same at the end of the
actors stage, for each mention of an actor that has no country, first that applies:

1. its own phrase: a place right after it ("شرطة كركوك", "سكان مدينة الموصل"); unnamed
   reports and media ("وبحسب التقارير") are placed by nothing else;
2. its sentence: the country most places in the sentence belong to (ties: the
   nearest place after the mention, as Arabic puts place adjuncts after the subject,
   else the nearest before);
3. a nationality named in its sentence (نجا رئيس حزب حليف للرئيس الباكستاني);
4. the article: the dateline's place, else the country most places in the whole
   text belong to.

A country the actor already has (from a nationality adjective, its dictionary entry,
...) is never changed, and dictionary actors without a country (the UN, al-Qaeda)
are international or stateless on purpose, so they are left alone. When the mentions
of one generic actor get different countries (police in Baghdad, police in Cairo),
the actor is split, one per country.

It also fills two sector defaults the grammar leaves empty: a state named as a
country or capital acts through its government (GOV), and a plural nationality noun
standing alone ("فلسطينيون", "Kenyans") names civilians (CVL). Neither overrides a
sector already set.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from khabar.actors import resources
from khabar.actors.lexicon import (
    CITY,
    COUNTRY,
    METONYM,
    NISBA,
    OFFICE_LABELS,
    PLACE,
    Cue,
    Lexicon,
    group_labels,
)
from khabar.document import Actor, Document, Mention
from khabar.text.normalize import normalize_ar

__all__ = ["assign_context_countries", "fill_default_sectors", "place_country"]

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words that may stand between an actor noun and the place that qualifies it:
# prepositions and the nouns that introduce a place name (مدينة الموصل, Kirkuk province).
_PHRASE_LINKS = frozenset(
    normalize_ar(word)
    for word in (
        "في", "من", "ب", "ل", "مدينة", "محافظة", "ولاية", "إقليم", "منطقة", "بلدة", "قرية",
        "العاصمة", "حي", "مخيم", "جامعة", "in", "of", "from", "at", "the", "city", "province",
    )
)  # fmt: skip
_PHRASE_GAP_WORDS = 3
_WORD = re.compile(r"\w+")
# Plural endings of Arabic nisba nouns (فلسطينيون، كينيين), and English demonym plurals.
_PLURAL_NISBA = re.compile(r"(يون|يين|ين|ون)$|s$")
_LOOKUP_CACHE_SIZE = 50_000
_LOOKUPS: dict[tuple[str, str], str | None] = {}


@dataclass(frozen=True, slots=True)
class _Placed:
    start: int
    country: str


def assign_context_countries(doc: Document, lexicon: Lexicon) -> None:
    """Give each country-less, non-dictionary actor of ``doc`` a country from context."""
    if not doc.actors:
        return
    lang = "ar" if doc.language == "ar" else "en"
    names = _dictionary_names(lexicon)
    open_actors = {
        a.id: a for a in doc.actors if a.country is None and a.kind != "state" and _open(a, names)
    }
    if not open_actors:
        return
    by_id = {a.id: a for a in doc.actors}
    places = _places(doc, by_id, lexicon, lang)
    peoples = _nationalities(doc, lexicon, lang)
    if not places and not peoples:
        return
    starts = [s.start for s in doc.sentences]
    article = _article_country(doc, places, lexicon, lang)
    place_groups = _by_sentence(doc, places, starts)
    people_groups = _by_sentence(doc, peoples, starts)
    chosen: dict[str, dict[str, list[Mention]]] = {}
    for mention in doc.mentions:
        actor = open_actors.get(mention.actor or "")
        if actor is None:
            continue
        country = _phrase_country(doc, mention, places, lang)
        if country is None and not _unplaced_reports(actor):
            country = (
                _sentence_country(mention, place_groups, starts)
                or _sentence_country(mention, people_groups, starts)
                or article
            )
        if country is not None:
            chosen.setdefault(actor.id, {}).setdefault(country, []).append(mention)
    for actor_id, groups in chosen.items():
        _apply(doc, open_actors[actor_id], groups, lexicon)


def _unplaced_reports(actor: Actor) -> bool:
    """Unnamed reports or media ("وبحسب التقارير", "reports said"): a story about Russia is
    reported by the world's press, so only their own phrase ("تقارير أمريكية") places them."""
    return actor.kind == "anonymous" and actor.sector == "MED"


def fill_default_sectors(doc: Document) -> None:
    """GOV for states named as places, CVL for states named only by plural nisba nouns."""
    types: dict[str, set[str]] = {}
    texts: dict[str, list[str]] = {}
    for mention in doc.mentions:
        if mention.actor:
            types.setdefault(mention.actor, set()).add(mention.type)
            texts.setdefault(mention.actor, []).append(mention.text)
    for actor in doc.actors:
        if actor.kind != "state" or actor.sector is not None:
            continue
        kinds = types.get(actor.id, set())
        if "GPE" in kinds:
            actor.sector = "GOV"
        elif kinds == {"NORP"} and all(_PLURAL_NISBA.search(t) for t in texts[actor.id]):
            actor.sector = "CVL"


def place_country(text: str, lexicon: Lexicon, lang: str) -> str | None:
    """The country of a place name: a country, a capital first, else a city or region
    whose readings all lie in one country; None when unknown or ambiguous."""
    key = (text, lang)
    if key in _LOOKUPS:
        return _LOOKUPS[key]
    if len(_LOOKUPS) > _LOOKUP_CACHE_SIZE:
        _LOOKUPS.clear()
    found = _LOOKUPS[key] = _cue_country(lexicon.index.lookup(text, lang))
    return found


def _cue_country(cues: Iterable[Cue]) -> str | None:
    places = [c for c in cues if c.country and c.category in (COUNTRY, CITY, PLACE, METONYM)]
    for category in (COUNTRY, METONYM):
        first = next((c for c in places if c.category == category), None)
        if first is not None:
            return first.country
    capital = next((c for c in places if c.capital), None)
    if capital is not None:
        return capital.country
    countries = {c.country for c in places}
    return countries.pop() if len(countries) == 1 else None


@cache
def _generic_labels() -> frozenset[str]:
    """The names the actor stage gives actors it builds from generic nouns."""
    labels = {*group_labels(), *OFFICE_LABELS.values()}
    labels.update(t.text for t in resources.load_titles() if t.lang == "en")
    labels.update(a.name_en for a in resources.load_anonymous() if a.name_en)
    return frozenset(labels)


# Per lexicon (load_lexicon keeps each alive): the display names of its dictionary actors.
_DICTIONARY_NAMES: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _dictionary_names(lexicon: Lexicon) -> frozenset[str]:
    held = _DICTIONARY_NAMES.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        held = (lexicon, frozenset(a.name for a in lexicon.actors.values()))
        _DICTIONARY_NAMES[id(lexicon)] = held
    return held[1]


def _open(actor: Actor, dictionary_names: frozenset[str]) -> bool:
    """An actor whose country context may supply: a generic group, an anonymous source, or
    a person holding an office ("النائب انطوان غانم", "President Yoweri Museveni"): offices
    are national, and PLOVER and ICEWS coders give their holder the country the story
    places them in.

    Any other name of its own that no dictionary knows (a person or organisation the tagger
    found) keeps an unknown country: the sentence's place is a guess about it, not a fact.
    """
    if actor.wikidata is not None or actor.name in dictionary_names:
        return False
    if actor.kind == "person" and actor.sector in _OFFICE_SECTORS:
        return True
    return actor.name in _generic_labels() or actor.kind == "anonymous"


# Sectors a title gives a person (الرئيس, النائب, the judge, General ...).
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "OPP", "SPY"})


def _places(doc: Document, actors: dict[str, Actor], lexicon: Lexicon, lang: str) -> list[_Placed]:
    placed: list[_Placed] = []
    for mention in doc.mentions:
        if mention.type not in PLACE_TYPES:
            continue
        actor = actors.get(mention.actor or "")
        if actor is not None and actor.kind != "state":
            continue  # a building standing for an institution is no place to code from
        country = actor.country if actor is not None else None
        country = country or place_country(mention.text, lexicon, lang)
        if country:
            placed.append(_Placed(mention.start, country))
    return placed


_PHRASE_GAP_CHARS = 40


def _phrase_country(
    doc: Document, mention: Mention, places: list[_Placed], lang: str
) -> str | None:
    """A place that follows the mention within its phrase: only linking words between."""
    index = bisect.bisect_left(places, mention.end, key=lambda p: p.start)
    if index == len(places) or places[index].start - mention.end > _PHRASE_GAP_CHARS:
        return None
    between = doc.text[mention.end : places[index].start]
    if any(ch in ".,،؛:!?" for ch in between):
        return None
    gap = [normalize_ar(w) if lang == "ar" else w.lower() for w in _WORD.findall(between)]
    if len(gap) <= _PHRASE_GAP_WORDS and all(w in _PHRASE_LINKS for w in gap):
        return places[index].country
    return None


def _by_sentence(doc: Document, found: list[_Placed], starts: list[int]) -> list[list[_Placed]]:
    """``found`` grouped by the sentence each lies in."""
    groups: list[list[_Placed]] = [[] for _ in doc.sentences]
    for item in found:
        index = bisect.bisect_right(starts, item.start) - 1
        if index >= 0:
            groups[index].append(item)
    return groups


def _sentence_country(
    mention: Mention, groups: list[list[_Placed]], starts: list[int]
) -> str | None:
    index = bisect.bisect_right(starts, mention.start) - 1
    inside = groups[index] if 0 <= index < len(groups) else []
    if not inside:
        return None
    counts = Counter(p.country for p in inside)
    best = max(counts.values())
    tied = [p for p in inside if counts[p.country] == best]
    after = [p for p in tied if p.start >= mention.end]
    if after:
        return after[0].country
    return min(tied, key=lambda p: mention.start - p.start).country


def _nationalities(doc: Document, lexicon: Lexicon, lang: str) -> list[_Placed]:
    """Nationality adjectives and nouns (NORP mentions) with the country they name."""
    found: list[_Placed] = []
    for mention in doc.mentions:
        if mention.type != "NORP":
            continue
        country = _nisba_country(mention.text, lexicon, lang)
        if country:
            found.append(_Placed(mention.start, country))
    return found


def _nisba_country(text: str, lexicon: Lexicon, lang: str) -> str | None:
    key = ("\x00nisba", text + "\x00" + lang)
    if key in _LOOKUPS:
        return _LOOKUPS[key]
    if len(_LOOKUPS) > _LOOKUP_CACHE_SIZE:
        _LOOKUPS.clear()
    countries = {c.country for c in lexicon.index.lookup(text, lang) if c.category == NISBA}
    found = _LOOKUPS[key] = countries.pop() if len(countries) == 1 else None
    return found


def _article_country(
    doc: Document, places: list[_Placed], lexicon: Lexicon, lang: str
) -> str | None:
    dateline = doc.byline.dateline
    if dateline:
        for part in re.split(r"[\s،,()\-–—:]+", dateline):
            found = place_country(part, lexicon, lang) if part else None
            if found:
                return found
    counts = Counter(p.country for p in places)
    if not counts:
        return None
    best = max(counts.values())
    return next(p.country for p in places if counts[p.country] == best)


def _apply(doc: Document, actor: Actor, groups: dict[str, list[Mention]], lexicon: Lexicon) -> None:
    """The actor takes its most frequent country; other countries get actors of their own."""
    ranked = sorted(groups.items(), key=lambda item: -len(item[1]))
    template = Actor(actor.id, actor.name, actor.name_ar, actor.kind, None, actor.sector)
    _set_country(actor, template, ranked[0][0], lexicon)
    for country, mentions in ranked[1:]:
        new_id = f"a{_next_number(doc)}"
        split = Actor(new_id, actor.name, actor.name_ar, actor.kind, None, actor.sector)
        _set_country(split, template, country, lexicon)
        moved = {m.id for m in mentions}
        for mention in mentions:
            mention.actor = new_id
        split.mentions = [m for m in actor.mentions if m in moved]
        actor.mentions = [m for m in actor.mentions if m not in moved]
        doc.actors.append(split)


def _set_country(actor: Actor, template: Actor, country: str, lexicon: Lexicon) -> None:
    actor.country = country
    if template.name not in _generic_labels() and template.kind != "anonymous":
        return  # a name of its own (a person or organisation the tagger found) stays as it is
    record = lexicon.countries.get(country)
    if record is None:
        return
    if template.kind == "person":
        actor.name = f"{template.name} of {record.name_en}"
    else:
        actor.name = f"{record.name_en} {template.name}"


def _next_number(doc: Document) -> int:
    numbers = [int(a.id[1:]) for a in doc.actors if a.id[1:].isdigit()]
    return max(numbers, default=0) + 1
