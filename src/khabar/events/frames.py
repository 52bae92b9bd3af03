"""Event frames: an act whose content is another event ("said it will support", "threatened to
cut off", "refused to lift", "lifted the curfew").

PLOVER codes such a sentence as one event of the framing act, never as the embedded event plus an
auxiliary mode (manual, "Auxiliary modes"): cooperation promised for the future is AGREE, a
promised retreat or concession is CONCEDE, future coercion or force is THREATEN, a refused
cooperation is REJECT, what another party must do is REQUEST (from the claim's speaker to
that party), and ending a restriction is CONCEDE (ending aid or cooperation SANCTION, ending
talks REJECT).

The embedded event keeps its own record, with the auxiliary mode as its status (planned,
possible, denied). When the frame is itself a trigger (pledged, threatened, refused, تعهد، هدد)
its event is the framing one; when it is not (will, is ready to, must, lifted) the stage adds a
framing event whose trigger spans the cue and the embedded trigger, so the embedding stays
visible in the document (see :func:`khabar.events.main.main_event`).

Cues are data (``data/events/frames.tsv``), loaded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from khabar.document import Document, Event, Mention
from khabar.errors import ResourceError
from khabar.events.lexicon import TriggerMatch, fold_ar, fold_en
from khabar.events.ontology import load_plover
from khabar.events.status import strongest

KINDS = ("commit", "agree", "threaten", "refuse", "negate", "demand", "reverse")
MATCHES = ("words", "lemma")

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})
FORCEFUL = frozenset({"THREATEN", "COERCE", "SANCTION", "ASSAULT", "MOBILIZE", "PROTEST"})

# Words between a cue and the embedded trigger ("will soon visit", "will extend the curfew").
MAX_GAP = 4
# Words that open another clause: a cue does not reach across them.
_BOUNDARIES = frozenset(
    {
        "and",
        "but",
        "or",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "if",
        "unless",
        "because",
        "after",
        "before",
        "when",
        "while",
        "as",
        "since",
        "until",
        "said",
        "says",
        "و",
        "ثم",
        "لكن",
        "بينما",
        "بعد",
        "قبل",
        "إذا",
        "اذا",
        "الذي",
        "التي",
    }
)


def resolve(kind: str, embedded: str) -> str | None:
    """The PLOVER type of a frame of ``kind`` around an event of type ``embedded`` (or None)."""
    if kind == "commit":
        if embedded in COOPERATIVE:
            return "AGREE"
        if embedded in YIELDING:
            return "CONCEDE"
        if embedded in FORCEFUL:
            return "THREATEN"
        return "REJECT" if embedded == "REJECT" else None
    if kind == "agree":
        return "AGREE"
    if kind == "threaten":
        return "THREATEN"
    if kind == "refuse":
        return "REJECT" if embedded in COOPERATIVE | YIELDING else None
    if kind == "negate":
        return "REJECT" if embedded == "AGREE" else None
    if kind == "demand":
        return "REQUEST"
    if kind == "reverse":
        if embedded in {"COERCE", "SANCTION", "PROTEST", "THREATEN"}:
            return "CONCEDE"
        if embedded in {"AID", "COOPERATE", "SUPPORT"}:
            return "SANCTION"
        return "REJECT" if embedded == "CONSULT" else None
    return None


# The status the embedded event takes: the auxiliary mode the frame puts on it.
EMBEDDED_STATUS = {
    "commit": "planned",
    "agree": "planned",
    "threaten": "possible",
    "refuse": "denied",
    "negate": "denied",
    "demand": "possible",
}


@dataclass(frozen=True, slots=True)
class FrameCue:
    lang: str
    kind: str
    match: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Frame:
    """A frame found in a sentence: cue words ``[start, end)`` and the embedded event's index."""

    kind: str
    start: int
    end: int
    embedded: int
    frame_event: int | None  # the cue's own event (a lemma cue), else None


class FrameLexicon:
    """Frame cues of one language: word sequences and trigger lemmas."""

    def __init__(self, lang: str, cues: Sequence[FrameCue]) -> None:
        self.lang = lang
        fold = fold_ar if lang == "ar" else fold_en
        self._words: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._lemmas: dict[str, str] = {}
        for cue in cues:
            for form in cue.forms:
                if cue.match == "lemma":
                    self._lemmas[form] = cue.kind
                    continue
                tokens = tuple(fold(t) for t in form.split())
                self._words.setdefault(tokens[0], []).append((tokens, cue.kind))
        for options in self._words.values():
            options.sort(key=lambda item: -len(item[0]))

    def kind_of_lemma(self, lemma: str) -> str | None:
        return self._lemmas.get(lemma)

    def match_words(self, folded: Sequence[str]) -> list[tuple[int, int, str]]:
        """Word cues ``(start, end, kind)``, longest first, left to right, not overlapping."""
        found: list[tuple[int, int, str]] = []
        i, n = 0, len(folded)
        while i < n:
            for tokens, kind in self._words.get(folded[i], ()):
                if tuple(folded[i : i + len(tokens)]) == tokens:
                    found.append((i, i + len(tokens), kind))
                    i += len(tokens)
                    break
            else:
                i += 1
        return found


def find_frames(
    lexicon: FrameLexicon,
    words: Sequence[str],
    matches: Sequence[TriggerMatch],
    kinds: frozenset[str] = frozenset(KINDS),
) -> list[Frame]:
    """Frames over the sentence's events; ``matches[i]`` is the trigger of event ``i``.

    A cue frames the first trigger that starts at most :data:`MAX_GAP` words after it, with no
    clause boundary, punctuation or other trigger in between. A word cue inside a trigger is
    part of that trigger and frames nothing.
    """
    if not matches:
        return []
    # Arabic cues are mostly trigger lemmas; its words are folded only to match word cues.
    folded = [fold_en(w) for w in words] if lexicon.lang == "en" else list(words)
    cues: list[tuple[int, int, str, int | None]] = []
    covered: set[int] = set()
    for index, match in enumerate(matches):
        covered.update(range(match.start_word, match.end_word))
        kind = lexicon.kind_of_lemma(match.entry.lemma)
        if kind is not None and kind in kinds:
            cues.append((match.start_word, match.end_word, kind, index))
    matchable = folded if lexicon.lang == "en" else [fold_ar(w) for w in words]
    for start, end, kind in lexicon.match_words(matchable):
        if kind in kinds and not covered.intersection(range(start, end)):
            cues.append((start, end, kind, None))
    cues.sort(key=lambda cue: cue[0])
    order = sorted(range(len(matches)), key=lambda i: matches[i].start_word)
    frames: list[Frame] = []
    used: set[int] = set()
    for start, end, kind, own in cues:
        for index in order:
            match = matches[index]
            if index == own or match.start_word < end or index in used:
                continue
            between = folded[end : match.start_word]
            if _width(between) > MAX_GAP or any(_breaks(w) for w in between):
                break
            if any(end <= m.start_word < match.start_word for m in matches):
                break
            if kind == "reverse" and match.pos != "noun":
                break  # what is lifted or halted is named by a noun (the curfew, aid)
            frames.append(Frame(kind, start, end, index, own))
            used.add(index)
            break
    return frames


# Clitic words the segmenter splits off (ال، ب، و): they do not widen the gap.
_CLITICS = frozenset({"ال", "لل", "ب", "ل", "ك", "ف", "س"})


def _width(words: Sequence[str]) -> int:
    return sum(1 for w in words if w not in _CLITICS)


def _breaks(word: str) -> bool:
    return word in _BOUNDARIES or not (any(c.isalnum() for c in word) or word in ("-", "'"))


def apply_frames(
    doc: Document,
    lexicon: FrameLexicon,
    words: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    sentence_events: list[tuple[Event, TriggerMatch]],
) -> list[tuple[Event, TriggerMatch]]:
    """Type the framing events, mark the embedded ones, and add the framing events a word
    cue implies. Returns the sentence's events in trigger order.

    Ending comes first ("is prepared to lift the ban": the lifting, a concession, is what is
    promised), then the other frames, which may embed an event an ending frame added.
    """
    if not sentence_events:
        return sentence_events
    reversed_ = _apply(doc, lexicon, words, starts, ends, sentence_events, _REVERSE, ())
    return _apply(doc, lexicon, words, starts, ends, reversed_, _OTHERS, _objects(reversed_))


_REVERSE = frozenset({"reverse"})
_OTHERS = frozenset(KINDS) - _REVERSE


def _objects(pairs: Sequence[tuple[Event, TriggerMatch]]) -> tuple[int, ...]:
    """Indexes of events whose trigger lies inside another's: the object of an ending frame."""
    return tuple(
        i
        for i, (event, _m) in enumerate(pairs)
        if any(
            other is not event
            and other.trigger.start <= event.trigger.start
            and event.trigger.end <= other.trigger.end
            and other.trigger.end - other.trigger.start > event.trigger.end - event.trigger.start
            for other, _ in pairs
        )
    )


def _apply(
    doc: Document,
    lexicon: FrameLexicon,
    words: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    sentence_events: list[tuple[Event, TriggerMatch]],
    kinds: frozenset[str],
    skip: tuple[int, ...],
) -> list[tuple[Event, TriggerMatch]]:
    keep = [i for i in range(len(sentence_events)) if i not in skip]
    events = [sentence_events[i][0] for i in keep]
    matches = [sentence_events[i][1] for i in keep]
    frames = find_frames(lexicon, words, matches, kinds)
    if not frames:
        return sentence_events
    ontology = load_plover()
    added: list[tuple[Event, TriggerMatch]] = []
    for frame in frames:
        embedded = events[frame.embedded]
        framed_type = resolve(frame.kind, embedded.type)
        if framed_type is None:
            continue
        before = embedded.status
        aux = EMBEDDED_STATUS.get(frame.kind)
        if aux is not None:
            embedded.status = strongest([before, aux])
            _scope_objects(events, matches, frame.embedded, words, embedded.status)
        if frame.frame_event is not None:
            own = events[frame.frame_event]
            # A commitment verb takes its type from what is committed ("vowed to fight" is a
            # threat); agreement, threat and refusal verbs keep their own.
            if frame.kind == "commit" and own.type != framed_type:
                _retype(own, framed_type, ontology.cameo_for(framed_type))
            continue
        status = "asserted"
        if before == "alleged" or (before == "denied" and frame.kind not in ("refuse", "negate")):
            status = before
        actor, recipient = list(embedded.actor), list(embedded.recipient)
        if frame.kind == "demand":
            # "X said Iran must release the sailors": X requests, Iran is asked (PLOVER's
            # REQUEST runs from who asks to who must act); in the article's own voice no one
            # is named as asking.
            actor = _speaker(doc, embedded)
            recipient = [a for a in embedded.actor or embedded.recipient if a not in actor]
            if actor and status == "alleged":
                status = "asserted"  # the speaker's own demand is no report about another
            if actor and embedded.actor and not recipient:
                continue  # "Iran said it must defend itself": an obligation, asked of no one
        low = starts[frame.start]
        high = max(ends[matches[frame.embedded].end_word - 1], embedded.trigger.end)
        event = replace(
            embedded,
            id="",
            type=framed_type,
            mode=None,
            context=list(embedded.context),
            actor=actor,
            recipient=recipient,
            trigger=doc.span(low, high),
            status=status,
            cameo=ontology.cameo_for(framed_type),
        )
        added.append((event, _frame_match(matches[frame.embedded], frame.start)))
    merged = sentence_events + added
    merged.sort(key=lambda pair: (pair[0].trigger.start, -pair[0].trigger.end))
    return merged


# Words that open the clause a demand's party stands in ("said that China must"); unlike
# _BOUNDARIES, "and" may join two parties ("US and British forces must").
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "if", "because", "when", "while", "said"})
_CLAUSE_OPENERS_AR = frozenset({"أن", "ان", "إن", "انه", "إنه", "أنه"})
# Words from a demand's cue to its party in Arabic ("يجب على إيران أن تفرج").
PARTY_REACH = 5
BARE_DEMAND_CONFIDENCE = 0.6


def bare_demands(
    doc: Document,
    lexicon: FrameLexicon,
    index: int,
    words: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    mentions: Sequence[Mention],
    events: Sequence[Event],
) -> list[Event]:
    """REQUEST events for what a speaker says another party must do where no trigger names
    the act: "The Red Cross said US and British forces must ensure security", "قالت النرويج
    إنه يجب على إيران أن تفرج ...". The speaker asks, the party is asked, as for a demand
    frame around a trigger (see :func:`_apply`). A party that is the speaker ("Iran said it
    must defend itself") or that the clause does not name makes no demand."""
    if not words:
        return []
    low, high = starts[0], ends[-1]
    claims = [c for c in doc.claims if c.speaker and low <= c.content.start < high]
    if not claims:
        return []
    arabic = lexicon.lang == "ar"
    folded = [fold_ar(w) for w in words] if arabic else [fold_en(w) for w in words]
    found: list[Event] = []
    for start, end, kind in lexicon.match_words(folded):
        if kind != "demand":
            continue
        at = starts[start]
        claim = next((c for c in claims if c.content.start <= at < c.content.end), None)
        reach = min(end + MAX_GAP, len(words)) - 1
        if claim is None or any(
            e.trigger.start <= ends[reach] and at <= e.trigger.end for e in events
        ):
            continue  # outside a speaker's words, or a trigger names the act (a frame's)
        if arabic:
            last = next(
                (
                    k
                    for k in range(end, min(end + PARTY_REACH, len(words)))
                    if folded[k] in _CLAUSE_OPENERS_AR
                ),
                None,
            )
            party_low, party_high = (
                ends[end - 1],
                starts[last] if last is not None else ends[end - 1],
            )
            verb = last + 1 if last is not None and last + 1 < len(words) else end - 1
        else:
            opener = max(
                (k for k in range(start) if folded[k] in _CLAUSE_OPENERS or not _word(folded[k])),
                default=-1,
            )
            party_low, party_high = max(claim.content.start, starts[opener + 1]), at
            verb = end if end < len(words) and _word(folded[end]) else end - 1
        party = [
            m.actor
            for m in mentions
            if m.actor and m.type != "NORP" and party_low <= m.start and m.end <= party_high
        ]
        party = list(dict.fromkeys(party))
        speaker = claim.speaker
        if not party or speaker is None or speaker in party:
            continue
        found.append(
            Event(
                id="",
                type="REQUEST",
                trigger=doc.span(at, ends[verb]),
                sentence=index,
                actor=[speaker],
                recipient=party,
                status="denied" if claim.stance == "deny" else "asserted",
                claim=claim.id,
                confidence=BARE_DEMAND_CONFIDENCE,
                cameo=load_plover().cameo_for("REQUEST"),
            )
        )
    return found


def _word(folded: str) -> bool:
    return any(c.isalnum() for c in folded)


def _speaker(doc: Document, event: Event) -> list[str]:
    """The speaker of the claim that reports ``event``, if it has one."""
    claim = next((c for c in doc.claims if c.id == event.claim), None) if event.claim else None
    return [claim.speaker] if claim is not None and claim.speaker else []


def _frame_match(match: TriggerMatch, start: int) -> TriggerMatch:
    """An added framing event is found where its cue starts."""
    return replace(match, start_word=start)


# An embedded verb's object that names an event ("will provide ... food aid") is in the scope
# of the same frame.
OBJECT_REACH = 6


def _scope_objects(
    events: list[Event],
    matches: list[TriggerMatch],
    embedded: int,
    words: Sequence[str],
    status: str,
) -> None:
    verb = matches[embedded]
    if verb.pos != "verb":
        return
    fold = fold_en if verb.entry.lang == "en" else str
    for index, match in enumerate(matches):
        if index == embedded or match.pos != "noun" or match.start_word < verb.end_word:
            continue
        between = [fold(w) for w in words[verb.end_word : match.start_word]]
        if _width(between) > OBJECT_REACH or any(_breaks(w) for w in between):
            continue
        if any(verb.end_word <= m.start_word < match.start_word for m in matches):
            continue
        events[index].status = strongest([events[index].status, status])


def _retype(event: Event, type_: str, cameo: str | None) -> None:
    event.type = type_
    event.mode = None
    event.cameo = cameo


# ------------------------------------------------------------------------------------ loading


@cache
def load_frames(lang: str) -> FrameLexicon:
    """The frame cues of ``lang`` from ``frames.tsv``, read and checked once."""
    name = "frames.tsv"
    try:
        text = resources.files("khabar").joinpath("data", "events", name).read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read khabar/data/events/{name}: {exc}") from exc
    rows = [
        (n, line.split("\t"))
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    header = ["lang", "kind", "match", "cue", "note"]
    if not rows or rows[0][1][: len(header)] != header:
        raise ResourceError(f"{name}: the first non-comment line must be the header {header}")
    cues: list[FrameCue] = []
    for n, cells in rows[1:]:
        if len(cells) < 4:
            raise ResourceError(f"{name}:{n}: expected {len(header)} tab-separated cells")
        row_lang, kind, match, cue = (c.strip() for c in cells[:4])
        if kind not in KINDS or match not in MATCHES:
            raise ResourceError(f"{name}:{n}: unknown kind {kind!r} or match {match!r}")
        forms = tuple(f.strip() for f in cue.split("|") if f.strip())
        if not forms:
            raise ResourceError(f"{name}:{n}: empty cue")
        if row_lang == lang:
            cues.append(FrameCue(row_lang, kind, match, forms))
    return FrameLexicon(lang, cues)
