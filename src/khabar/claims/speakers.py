"""Speakers: from a found speaker phrase to an actor id, creating anonymous and media actors.

A phrase that overlaps an actor mention takes that actor (a person mention first:
``وزير الدفاع الروسي سيرغي شويغو`` is Shoigu). A phrase headed by an anonymous or
media noun that no actor covers becomes a new :class:`Actor` (kind ``anonymous``
or ``media``) with a :class:`Mention`; its country and sector come from the
actors and modifiers inside the phrase (مصادر من الحكومة الأمريكية -> USA, GOV).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from importlib import resources

from khabar.actors.lexicon import qualifies_next
from khabar.claims.found import Span2
from khabar.claims.lexicon import Lexicon
from khabar.document import Actor, Document, Mention
from khabar.text.normalize import normalize

_ACTOR_DATA = "khabar.data.actors"


@cache
def nisba_countries() -> dict[str, str]:
    """Nationality adjectives -> ISO3 from the actors' shipped table (empty if it is absent)."""
    try:
        raw = resources.files(_ACTOR_DATA).joinpath("nisba.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    table: dict[str, str] = {}
    for line in raw.splitlines():
        if not line or line.startswith("#") or line.startswith("form\t"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3 and fields[2] in ("ar", "en"):
            table[normalize(fields[0], fields[2])] = fields[1]
    return table


class SpeakerResolver:
    """Turns speaker spans into actor ids for one document, adding actors it has to create."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.lang = lex.lang
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.actors = {a.id: a for a in doc.actors}
        self.next_actor = _next_number(a.id for a in doc.actors)
        self.next_mention = _next_number(m.id for m in doc.mentions)
        self.created: dict[str, str] = {}
        self.head_sectors = {h.name: h.sector for h in lex.heads.values()}

    def inside(self, span: Span2) -> list[Mention]:
        """Mentions overlapping ``span``, in text order."""
        first = max(0, bisect_left(self.starts, span[0]) - 4)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= span[1]:
                break
            if mention.end > span[0]:
                found.append(mention)
        return found

    def actor_for(self, span: Span2, head: str | None) -> str | None:
        covering = [
            m
            for m in self.inside(span)
            if m.actor is not None and not qualifies_next(self.doc.text, m.end)
        ]
        named = [m for m in covering if m.type in ("ORG", "PERSON")]
        if head == "media" and named:
            return named[0].actor  # وكالة تاس: the outlet named in the phrase
        if head is None or (covering and covering[0].start <= span[0] + 1):
            if covering:
                people = [m for m in covering if m.type == "PERSON"]
                return (people[-1:] or covering)[0].actor
            if head is None:
                return None
        return self._create(span, head or "", covering)

    def _create(self, span: Span2, head: str, covering: list[Mention]) -> str:
        text = self.doc.text[span[0] : span[1]]
        key = normalize(text, self.lang)
        if key in self.created:
            actor_id = self.created[key]
        else:
            kind = "media" if head == "media" else "anonymous"
            country, sector = self._codes(text, covering)
            sector = sector or self.head_sectors.get(head)
            actor_id = f"a{self.next_actor}"
            self.next_actor += 1
            actor = Actor(
                id=actor_id,
                name=text if self.lang == "en" else head,
                name_ar=text if self.lang == "ar" else None,
                kind=kind,
                country=country,
                sector="MED" if kind == "media" else sector,
            )
            self.doc.actors.append(actor)
            self.actors[actor_id] = actor
            self.created[key] = actor_id
        mention = Mention(
            id=f"m{self.next_mention}",
            start=span[0],
            end=span[1],
            text=text,
            type="ORG" if head == "media" else "PERSON",
            actor=actor_id,
        )
        self.next_mention += 1
        self.doc.mentions.append(mention)
        self.actors[actor_id].mentions.append(mention.id)
        return actor_id

    def _codes(self, text: str, covering: list[Mention]) -> tuple[str | None, str | None]:
        country = sector = None
        for mention in covering:
            actor = self.actors.get(mention.actor or "")
            if actor is not None:
                country = country or actor.country
                sector = sector or actor.sector
        words = [normalize(w, self.lang) for w in text.split()]
        sectors = self.lex.role("sector")
        for word in words:
            if sector is None and (word,) in sectors:
                sector = sectors[(word,)]
        if country is None:
            nisba = nisba_countries()
            for n in range(len(words)):
                pair = " ".join(words[n : n + 2])
                country = nisba.get(pair) or nisba.get(words[n]) or country
                if country:
                    break
        return country, sector


def _next_number(ids: object) -> int:
    best = 0
    for value in ids:  # type: ignore[attr-defined]
        digits = str(value)[1:]
        if digits.isdigit():
            best = max(best, int(digits))
    return best + 1
