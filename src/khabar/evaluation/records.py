"""Common gold-record forms that every gold-set loader produces.

Loaders turn each upstream format into these small frozen dataclasses, so the
scorers and the evaluation runner never see a CSV column or an XML tag.
Wherever the source has spans, they are character offsets ``(start, end)``
(end exclusive) into the record's ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass

CharSpan = tuple[int, int]
"""A ``(start, end)`` character span, end exclusive."""

LABEL_YES = "yes"
LABEL_NO = "no"
LABEL_AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class GoldEventSentence:
    """A sentence labelled for whether it reports an event of ``event_type``.

    ``label`` is ``yes``, ``no`` or ``ambiguous``; ``raw_label`` keeps the
    upstream distinction (``easy no`` / ``difficult no``).
    """

    id: str
    text: str
    event_type: str
    label: str
    raw_label: str
    language: str
    accept: int | None = None
    reject: int | None = None
    total: int | None = None

    @property
    def difficult(self) -> bool:
        """A negative that at least one annotator accepted."""
        return self.raw_label == "difficult no"


@dataclass(frozen=True, slots=True)
class ActorCode:
    """An actor's code: ``country`` (CAMEO/ISO-style three letters) and ``sector`` (GOV, MIL...)."""

    country: str | None
    sector: str | None

    @property
    def cameo_country(self) -> str | None:
        """The first three letters of the CAMEO actor code: the country, or for an
        international body without one (khabar/1 leaves its country null) its kind, as
        CAMEO writes the United Nations IGOUNO and Amnesty NGOAMN."""
        if self.country is None and self.sector in _TRANSNATIONAL:
            return self.sector
        return self.country


# khabar sectors that CAMEO puts in the country slot of an actor code.
_TRANSNATIONAL = frozenset({"IGO", "NGO"})


@dataclass(frozen=True, slots=True)
class GoldEventRecord:
    """An event with its type, arguments and trigger.

    ``event_type`` is a PLOVER v1 type; ``raw_type`` the label in the source
    (older PLOVER drafts used DEMAND, FIGHT...).
    """

    id: str
    text: str
    event_type: str
    language: str
    raw_type: str = ""
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor_spans: tuple[CharSpan, ...] = ()
    recipient_spans: tuple[CharSpan, ...] = ()
    actor_codes: tuple[ActorCode, ...] = ()
    recipient_codes: tuple[ActorCode, ...] = ()
    trigger_spans: tuple[CharSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class AttributionItem:
    """One attribution: who (source) says (cue) what (content).

    Each role is a tuple of fragments because brat allows discontinuous spans
    ("X, he said, Y"); an empty tuple means the role is absent.
    """

    id: str
    source: tuple[CharSpan, ...]
    cue: tuple[CharSpan, ...]
    content: tuple[CharSpan, ...]

    def bounds(self, role: str) -> CharSpan | None:
        """The smallest span covering every fragment of ``role`` (None when absent)."""
        fragments: tuple[CharSpan, ...] = getattr(self, role)
        if not fragments:
            return None
        return (min(s for s, _ in fragments), max(e for _, e in fragments))


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """An article with its annotated attributions (one annotator's view)."""

    doc_id: str
    text: str
    items: tuple[AttributionItem, ...]
    annotator: str = ""
    split: str = ""


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A place name in an article; coordinates are None where the gold leaves them out."""

    doc_id: str
    start: int
    end: int
    name: str
    type: str
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    non_locational: bool = False

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldGeoArticle:
    """An article and its toponyms (offsets into ``text``)."""

    doc_id: str
    title: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class GoldCameoSentence:
    """A sentence with its CAMEO quad class (0 none?, 1-4 verbal/material cooperation/conflict)."""

    text: str
    cls: int


@dataclass(frozen=True, slots=True)
class GoldArgTokens:
    """A tokenised sentence with BIO tags (``S`` actor, ``T`` recipient, ``R`` other)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PetrarchEvent:
    """An expected CAMEO event: source and target actor codes and the event code."""

    source: str
    target: str
    code: str


@dataclass(frozen=True, slots=True)
class GoldPetrarch:
    """A PETRARCH test sentence with its expected events.

    ``events`` is empty when the suite expects none (``noevents``) or an
    input error (``error``); ``evaluate`` is False for records the suite
    itself marks as not to be scored.
    """

    id: str
    text: str
    events: tuple[PetrarchEvent, ...]
    suite: str
    category: str = ""
    date: str = ""
    evaluate: bool = True
    error: str | None = None
