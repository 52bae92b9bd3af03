"""The main event among several: what a sentence (or a short text) reports above all.

PLOVER codes a report as one event category, never as a category plus an auxiliary mode
(manual, "Auxiliary modes"): "X said it will support the resolution" is AGREE, not SUPPORT +
future. khabar keeps both records (see ``events/frames.py``): the embedded event carries the
auxiliary mode in its status (planned, possible, denied), and a framing event added for a word
cue spans the cue and the embedded trigger. So, from the document alone:

1. events with an auxiliary status are set aside while another event is there;
2. an event whose trigger lies inside another one's trigger is the embedded one;
3. then the most confident event, the earliest on a tie.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.document import Event

AUXILIARY_STATUSES = frozenset({"planned", "possible", "denied"})


def main_event(events: Sequence[Event]) -> Event | None:
    """The main event of ``events`` (one sentence's, or a short text's), or None if empty."""
    if not events:
        return None
    pool = [e for e in events if e.status not in AUXILIARY_STATUSES] or list(events)
    outer = [e for e in pool if not any(_inside(e, other) for other in pool)] or pool
    return max(outer, key=lambda e: (e.confidence, -e.trigger.start))


def _inside(event: Event, other: Event) -> bool:
    if event is other:
        return False
    a, b = event.trigger, other.trigger
    return b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
