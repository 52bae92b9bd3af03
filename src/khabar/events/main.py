"""The main event among several: what a sentence (or a short text) reports above all.

PLOVER codes a report as one event category, never as a category plus an auxiliary mode
(manual, "Auxiliary modes"): "X said it will support the resolution" is AGREE, not SUPPORT +
future. khabar keeps both records (see ``events/frames.py``): the embedded event carries the
auxiliary mode in its status (planned, possible, denied), and a framing event added for a word
cue spans the cue and the embedded trigger. So, from the document:

1. events with an auxiliary status are set aside while another event is there;
2. an event whose trigger lies inside another one's trigger is the embedded one;
3. in English, where spaCy's parse is at hand, the event whose trigger is nearest the root
   of the parse: the main clause's verb says what the sentence reports, a noun deep in a
   phrase ("talks on limiting nuclear missiles") does not;
4. then the most confident event, the earliest on a tie.

Step 3 raised ConfliBERT CAMEO quad accuracy 0.592 -> 0.627 and PLOVER type accuracy
0.715 -> 0.743 (``khabar eval conflibert_cameo``, ``khabar eval plover``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from khabar.document import Document, Event

AUXILIARY_STATUSES = frozenset({"planned", "possible", "denied"})
# A guard against a malformed tree, and the rank of a trigger the parse cannot place (all
# events rank the same on step 3 when there is no parse).
_MAX_DEPTH = 50


def main_event(events: Sequence[Event], doc: Document | None = None) -> Event | None:
    """The main event of ``events`` (one sentence's, or a short text's), or None if empty.

    ``doc`` is the document the events come from; an English one is parsed (or its parse
    reused) for step 3. Without it, or without spaCy, steps 1, 2 and 4 decide.
    """
    if not events:
        return None
    pool = [e for e in events if e.status not in AUXILIARY_STATUSES] or list(events)
    outer = [e for e in pool if not any(_inside(e, other) for other in pool)] or pool
    depth = _depths(doc, outer)
    return max(outer, key=lambda e: (-depth.get(id(e), _MAX_DEPTH), e.confidence, -e.trigger.start))


def _inside(event: Event, other: Event) -> bool:
    if event is other:
        return False
    a, b = event.trigger, other.trigger
    return b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)


def _depths(doc: Document | None, events: Sequence[Event]) -> dict[int, int]:
    """Per event (by identity): the fewest steps from a word of its trigger up to the root."""
    if doc is None or doc.language != "en" or len(events) < 2:
        return {}
    from khabar.actors.english_ner import english_parse  # spaCy only where it is installed

    parsed = english_parse(doc.text)
    if parsed is None:
        return {}
    depths: dict[int, int] = {}
    for event in events:
        span = parsed.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            depths[id(event)] = min(_depth(token) for token in span)
    return depths


def _depth(token: Any) -> int:
    steps = 0
    while token.head.i != token.i and steps < _MAX_DEPTH:
        token = token.head
        steps += 1
    return steps
