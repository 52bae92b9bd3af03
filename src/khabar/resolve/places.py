"""The ``places`` stage: GPE, LOC and FAC mentions geocoded offline to ``places`` records.

Names are resolved together per article (:meth:`Geocoder.resolve_all`) with the
countries the article is already known to be about as context: those of its
actors and of places an earlier stage made. One :class:`Place` per distinct
gazetteer entry, listing its mentions; ``mention.place`` points at it. A place
the actor stage made is kept when it has coordinates (it was matched with the
actor's own evidence); one without coordinates is replaced by the geocoded one.
``event.where`` is filled by the events stage from these places, so this stage
runs before it.
"""

from __future__ import annotations

import re
from collections import Counter

from khabar.config import Config
from khabar.document import Document, Mention, Place
from khabar.resolve.gazetteer import GazetteerEntry
from khabar.resolve.geocode import Geocoder, default_geocoder

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ARABIC = re.compile("[\u0600-\u06ff]")
_PLACE_ID = re.compile(r"p(\d+)$")
_COORD_DIGITS = 4


class PlacesStage:
    """Sets ``places`` and ``mention.place`` for place mentions."""

    name = "places"
    requires = ("mentions",)
    sets = ("places",)

    def __init__(self, config: Config, geocoder: Geocoder | None = None) -> None:
        self.config = config
        self._geocoder = geocoder

    @property
    def geocoder(self) -> Geocoder:
        # Built on first use, so a pipeline that never sees a place mention loads nothing.
        if self._geocoder is None:
            self._geocoder = default_geocoder()
        return self._geocoder

    def __call__(self, doc: Document) -> Document:
        existing = {place.id: place for place in doc.places}
        todo = [
            m
            for m in doc.mentions
            if m.type in PLACE_TYPES and not _grounded(existing.get(m.place or ""))
        ]
        if not todo:
            return doc
        lang = doc.language or ("ar" if _ARABIC.search(doc.text) else "en")
        names = list(dict.fromkeys(m.text for m in todo))
        entries = self.geocoder.resolve_all(names, lang, _context(doc))
        by_name = dict(zip(names, entries, strict=True))
        _Linker(doc).link(todo, by_name)
        return doc


def _grounded(place: Place | None) -> bool:
    return place is not None and place.lat is not None and place.lon is not None


def _context(doc: Document) -> Counter[str]:
    """Countries the article is about, before geocoding: its actors' and its places'."""
    context: Counter[str] = Counter()
    for actor in doc.actors:
        if actor.country:
            context[actor.country] += 1
    for place in doc.places:
        if place.country and _grounded(place):
            context[place.country] += 1
    return context


class _Linker:
    """Creates or reuses one Place per gazetteer entry and links mentions to it."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        numbers = [int(m.group(1)) for p in doc.places if (m := _PLACE_ID.match(p.id))]
        self.next_number = max(numbers, default=0) + 1
        self.by_key: dict[tuple[object, ...], Place] = {
            _place_key(p.name, p.country, p.geonames): p for p in doc.places if _grounded(p)
        }

    def link(self, mentions: list[Mention], by_name: dict[str, GazetteerEntry | None]) -> None:
        for mention in mentions:
            entry = by_name.get(mention.text)
            if entry is None:
                continue  # unknown: left as it was, no guess
            self._detach(mention)
            place = self._place_for(entry)
            place.mentions.append(mention.id)
            mention.place = place.id
        # Ungrounded places that lost all their mentions to geocoded ones go.
        self.doc.places = [p for p in self.doc.places if p.mentions or _grounded(p)]

    def _detach(self, mention: Mention) -> None:
        if mention.place is None:
            return
        for place in self.doc.places:
            if place.id == mention.place and mention.id in place.mentions:
                place.mentions.remove(mention.id)

    def _place_for(self, entry: GazetteerEntry) -> Place:
        key = _place_key(entry.name, entry.country, entry.geonames)
        place = self.by_key.get(key)
        if place is None:
            place = Place(
                id=f"p{self.next_number}",
                name=entry.name,
                country=entry.country,
                lat=round(entry.lat, _COORD_DIGITS),
                lon=round(entry.lon, _COORD_DIGITS),
                geonames=entry.geonames,
            )
            self.next_number += 1
            self.by_key[key] = place
            self.doc.places.append(place)
        return place


def _place_key(name: str, country: str | None, geonames: int | None) -> tuple[object, ...]:
    return ("geonames", geonames) if geonames is not None else ("name", name, country)
