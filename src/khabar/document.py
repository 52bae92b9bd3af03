"""The Document model and its (de)serialisation as schema ``khabar/1``.

One :class:`Document` passes through every stage of the pipeline. Each stage
reads what earlier stages set and adds its own part (see ``pipeline.py``).

Offsets are character offsets into ``Document.text``. Surface tokens and
syntactic words are kept apart, as in stanza: the Arabic token ``وبحسب`` is one
:class:`Token` holding two :class:`Word` objects (``و`` and ``بحسب``), each with
its own offsets. Tokens are internal: ``khabar/1`` serialises sentences as
spans only, so a document read back from JSON has no tokens until it is
segmented again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "khabar/1"

MENTION_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE")
ACTOR_KINDS = ("person", "state", "org", "group", "media", "anonymous")
REMOVED_KINDS = ("furniture", "caption", "byline", "dateline")
STATUSES = ("asserted", "planned", "possible", "alleged", "denied")
STANCES = ("assert", "deny", "accuse", "announce", "quote")


@dataclass(slots=True)
class Span:
    """A stretch of ``Document.text``; ``text`` repeats the covered characters."""

    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["end"], data.get("text", ""))


@dataclass(slots=True)
class Word:
    """A syntactic word: a clitic (``و``, ``ب``, ``ال``) or a stem.

    ``norm`` is the normalised form used for matching; it never changes the
    document text or any offset.
    """

    start: int
    end: int
    text: str
    norm: str
    clitic: bool = False


@dataclass(slots=True)
class Token:
    """A surface token (white-space and punctuation delimited)."""

    start: int
    end: int
    text: str
    words: list[Word] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [word for token in self.tokens for word in token.words]


@dataclass(slots=True)
class Removed:
    """A piece of the input that cleaning took out of ``text``, kept so nothing vanishes."""

    kind: str
    text: str


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)
    dateline: str | None = None


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    type: str
    actor: str | None = None
    place: str | None = None


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    name_ar: str | None = None
    kind: str = "group"
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    mentions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    mentions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    id: str
    speaker: str | None
    speaker_span: Span | None
    cue: Span | None
    content: Span
    via: list[str] = field(default_factory=list)
    stance: str = "assert"
    direct: bool = False


@dataclass(slots=True)
class DateValue:
    """A temporal expression resolved to the calendar.

    ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``None`` when it
    cannot be resolved, e.g. a relative date with no publication date);
    ``range`` is the first and last day it covers.
    """

    start: int
    end: int
    text: str
    value: str | None
    range: tuple[str, str] | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    status: str = "asserted"
    claim: str | None = None
    when: dict[str, Any] | None = None
    where: dict[str, Any] | None = None
    confidence: float = 0.5
    cameo: str | None = None


@dataclass(slots=True)
class Document:
    """An article and everything khabar knows about it."""

    text: str
    id: str = ""
    url: str | None = None
    source: str | None = None
    language: str | None = None
    published: str | None = None
    title: str | None = None
    byline: Byline = field(default_factory=Byline)
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    contested: list[list[str]] = field(default_factory=list)
    # Bookkeeping, not serialised: the names of the stages that ran, and whether
    # ``published`` is only a weak guess that a byline or dateline may replace.
    stages: list[str] = field(default_factory=list, repr=False)
    published_weak: bool = field(default=False, repr=False)
    headline_first_line: bool = field(default=False, repr=False)

    # -- convenience -----------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    # -- khabar/1 -------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "published": self.published,
            "title": self.title,
            "text": self.text,
            "byline": {
                "authors": list(self.byline.authors),
                "wire": list(self.byline.wire),
                "dateline": self.byline.dateline,
            },
            "removed": [{"kind": r.kind, "text": r.text} for r in self.removed],
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "mentions": [_mention_dict(m) for m in self.mentions],
            "actors": [_actor_dict(a) for a in self.actors],
            "places": [_place_dict(p) for p in self.places],
            "claims": [_claim_dict(c) for c in self.claims],
            "events": [_event_dict(e) for e in self.events],
            "dates": [_date_dict(d) for d in self.dates],
            "contested": [list(group) for group in self.contested],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        if data.get("schema") != SCHEMA:
            from khabar.errors import SchemaError

            raise SchemaError(
                f"expected schema {SCHEMA!r}, got {data.get('schema')!r}; "
                "this khabar reads only khabar/1 documents"
            )
        byline = data.get("byline") or {}
        return cls(
            text=data["text"],
            id=data.get("id", ""),
            url=data.get("url"),
            source=data.get("source"),
            language=data.get("language"),
            published=data.get("published"),
            title=data.get("title"),
            byline=Byline(
                authors=list(byline.get("authors", [])),
                wire=list(byline.get("wire", [])),
                dateline=byline.get("dateline"),
            ),
            removed=[Removed(r["kind"], r["text"]) for r in data.get("removed", [])],
            sentences=[Sentence(s["start"], s["end"]) for s in data.get("sentences", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            actors=[Actor(**a) for a in data.get("actors", [])],
            places=[Place(**p) for p in data.get("places", [])],
            claims=[_claim_from(c) for c in data.get("claims", [])],
            events=[_event_from(e) for e in data.get("events", [])],
            dates=[_date_from(d) for d in data.get("dates", [])],
            contested=[list(g) for g in data.get("contested", [])],
        )

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


def _mention_dict(m: Mention) -> dict[str, Any]:
    return {
        "id": m.id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type,
        "actor": m.actor,
        "place": m.place,
    }


def _actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "name_ar": a.name_ar,
        "kind": a.kind,
        "country": a.country,
        "sector": a.sector,
        "wikidata": a.wikidata,
        "mentions": list(a.mentions),
    }


def _place_dict(p: Place) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonames": p.geonames,
        "mentions": list(p.mentions),
    }


def _claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "speaker": c.speaker,
        "speaker_span": c.speaker_span.to_dict() if c.speaker_span else None,
        "cue": c.cue.to_dict() if c.cue else None,
        "content": {"start": c.content.start, "end": c.content.end},
        "via": list(c.via),
        "stance": c.stance,
        "direct": c.direct,
    }


def _claim_from(d: dict[str, Any]) -> Claim:
    return Claim(
        id=d["id"],
        speaker=d.get("speaker"),
        speaker_span=Span.from_dict(d["speaker_span"]) if d.get("speaker_span") else None,
        cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
        content=Span.from_dict(d["content"]),
        via=list(d.get("via", [])),
        stance=d.get("stance", "assert"),
        direct=bool(d.get("direct", False)),
    )


def _event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "context": list(e.context),
        "cameo": e.cameo,
        "actor": list(e.actor),
        "recipient": list(e.recipient),
        "trigger": e.trigger.to_dict(),
        "sentence": e.sentence,
        "status": e.status,
        "claim": e.claim,
        "when": e.when,
        "where": e.where,
        "confidence": round(e.confidence, 3),
    }


def _event_from(d: dict[str, Any]) -> Event:
    return Event(
        id=d["id"],
        type=d["type"],
        trigger=Span.from_dict(d["trigger"]),
        sentence=d["sentence"],
        mode=d.get("mode"),
        context=list(d.get("context", [])),
        actor=list(d.get("actor", [])),
        recipient=list(d.get("recipient", [])),
        status=d.get("status", "asserted"),
        claim=d.get("claim"),
        when=d.get("when"),
        where=d.get("where"),
        confidence=float(d.get("confidence", 0.5)),
        cameo=d.get("cameo"),
    )


def _date_dict(d: DateValue) -> dict[str, Any]:
    return {
        "start": d.start,
        "end": d.end,
        "text": d.text,
        "value": d.value,
        "range": list(d.range) if d.range else None,
    }


def _date_from(d: dict[str, Any]) -> DateValue:
    rng = d.get("range")
    return DateValue(
        start=d["start"],
        end=d["end"],
        text=d["text"],
        value=d.get("value"),
        range=(rng[0], rng[1]) if rng else None,
    )
