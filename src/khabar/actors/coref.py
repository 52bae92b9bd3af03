"""Within-document reference linking for actor mentions.

* An office named without a person ("الرئيس الروسي", "Russia's defence minister")
  resolves to the dictionary's holder of that office at the publication date;
  with no date, or no holder on record, it is the one person the article names
  who has held that office, if there is exactly one ("الرئيس الروسي" in an undated
  article naming Putin); else it stays a generic office actor. An organisation's
  officer ("الأمين العام للأمم المتحدة") resolves the same way, by the organisation.
* A short form listed as ambiguous (``short`` in the dictionary, e.g. "كيم")
  names its full entry only when that entry is mentioned in full in the same
  article, or else the one other person of the same surname mentioned in full
  (الحريري after رفيق الحريري, when the short form is listed under سعد
  الحريري); otherwise it is dropped.
* An unknown name whose words are all part of a known person's name in the same
  article ("شويغو" after "سيرغي شويغو") is that person.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from khabar.actors.compose import HEAD_OFFICES, ActorSpec, MentionSpec
from khabar.actors.lexicon import Lexicon
from khabar.actors.resources import ActorEntry
from khabar.text.normalize import normalize


def link_references(
    specs: Sequence[MentionSpec], lexicon: Lexicon, published: str | None
) -> list[MentionSpec]:
    specs = list(specs)
    named = _named_people(specs, lexicon)
    for spec in specs:
        actor, title = spec.actor, spec.title
        if actor is None or title is None or actor.key[0] not in ("office", "head"):
            continue
        if actor.key[0] == "office":
            holder = office_holder(lexicon, title.office, actor.country, published)
            holder = holder or _named_holder(named, title.office, actor.country, None)
        else:
            holder = organisation_officer(lexicon, title.office, actor.key[2], published)
            holder = holder or _named_holder(named, title.office, None, actor.key[2])
        if holder is not None:
            spec.actor = _entry_spec(holder)
    full_refs = {s.actor.ref for s in specs if s.actor is not None and s.actor.ref and not s.short}
    full = [
        s.actor for s in specs if s.actor is not None and s.actor.kind == "person" and not s.short
    ]
    kept: list[MentionSpec] = []
    for spec in specs:
        actor = spec.actor
        if spec.short and actor is not None and actor.ref not in full_refs:
            # A shared surname (الحريري, Clinton) is read as one entry's short form; another
            # person of that surname named in full here is the one meant. With none, the
            # short form is too ambiguous to keep (الجزيرة).
            same = {a.key: a for a in full if _surname_shared(actor, a)}
            if len(same) != 1:
                continue
            spec.actor = next(iter(same.values()))
        kept.append(spec)
    specs = kept
    people = [s.actor for s in specs if s.actor is not None and s.actor.kind == "person"]
    known = [a for a in people if a.key[0] in ("dict", "name")]
    for spec in specs:
        actor = spec.actor
        if actor is None or actor.key[0] != "name":
            continue
        words = _words(actor.name)
        for other in known:
            if other is actor or other.key == actor.key:
                continue
            names = [other.name] + ([other.name_ar] if other.name_ar else [])
            if any(words < _words(n) for n in names):
                spec.actor = other
                break
    return specs


def office_holder(
    lexicon: Lexicon, office: str | None, country: str | None, published: str | None
) -> ActorEntry | None:
    """The dictionary person holding ``office`` for ``country`` on ``published``, if on record."""
    if not office or not country or not published:
        return None
    holders = [
        entry
        for entry in lexicon.actors.values()
        for role in entry.roles
        if role.office == office
        and (role.country or entry.country) == country
        and _within(published, role.start, role.end)
    ]
    return holders[0] if len(holders) == 1 else None


def _named_people(specs: Sequence[MentionSpec], lexicon: Lexicon) -> list[ActorEntry]:
    """The dictionary people the document names in full, once each."""
    refs = dict.fromkeys(
        s.actor.ref
        for s in specs
        if s.actor is not None and s.actor.kind == "person" and s.actor.ref and not s.short
    )
    return [lexicon.actors[ref] for ref in refs if ref in lexicon.actors]


def _named_holder(
    people: Sequence[ActorEntry], office: str | None, country: str | None, org: str | None
) -> ActorEntry | None:
    """The one person the document names who has held ``office`` (of ``country``, or in the
    organisation ``org``) at any time: "الرئيس الروسي" in an undated article that names
    Vladimir Putin is Putin. None when no one, or more than one, fits."""
    if not office or not (country or org):
        return None
    offices = HEAD_OFFICES if org and office in HEAD_OFFICES else frozenset({office})
    holders = [
        entry
        for entry in people
        if any(
            role.office in offices
            and (role.org == org if org else (role.country or entry.country) == country)
            for role in entry.roles
        )
    ]
    return holders[0] if len(holders) == 1 else None


def organisation_officer(
    lexicon: Lexicon, office: str | None, org: str, published: str | None
) -> ActorEntry | None:
    """The dictionary person holding ``office`` in the dictionary organisation ``org`` on
    ``published`` ("الأمين العام للأمم المتحدة" in 2023), if on record. Heading offices
    (president, leader, secretary-general) count as one: the EU's "رئيس" is the role the
    dictionary calls igo_head. Only a dated term counts: an organisation has many
    spokespeople and officials, and the dictionary lists some without a term."""
    if not office or not published or org not in lexicon.actors:
        return None
    offices = HEAD_OFFICES if office in HEAD_OFFICES else frozenset({office})
    holders = [
        entry
        for entry in lexicon.actors.values()
        for role in entry.roles
        if role.org == org
        and role.office in offices
        and role.start is not None
        and _within(published, role.start, role.end)
    ]
    return holders[0] if len(holders) == 1 else None


def _within(day: str, start: str | None, end: str | None) -> bool:
    # Dates in the dictionary may be YYYY or YYYY-MM: compare on the common prefix length.
    if start and day[: len(start)] < start:
        return False
    return not (end and day[: len(end)] >= end)


def _entry_spec(entry: ActorEntry) -> ActorSpec:
    return ActorSpec(
        ("dict", entry.id),
        entry.name,
        entry.kind,
        entry.name_ar,
        entry.country,
        entry.sector,
        entry.id,
    )


def _surname_shared(short: ActorSpec, other: ActorSpec) -> bool:
    """Whether two people's names end with the same word, in English or in Arabic."""
    pairs = ((short.name, other.name), (short.name_ar, other.name_ar))
    return any(a and b and _last_word(a) == _last_word(b) for a, b in pairs)


def _last_word(name: str) -> str:
    parts = name.replace("-", " ").split()
    return normalize(parts[-1], "ar") if parts else ""


@lru_cache(maxsize=16384)
def _words(name: str) -> frozenset[str]:
    # Cached: every unknown name is compared with every known person of the article.
    return frozenset(normalize(part, "ar") for part in name.replace("-", " ").split() if part)
