"""The ``contested`` stage: events one party asserts or alleges and another denies.

Within one document, an asserted or alleged event and a denied event are the same
event when they are of one type (or one family, ``data/claims/contested.tsv``: a
supply coded AID and a transfer coded COOPERATE), share an actor or recipient, and
come from different sources (the speakers of their claims differ; an event with no
claim is the article's own voice). Connected events form one group.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.config import Config
from khabar.document import Document, Event
from khabar.errors import ResourceError

_DATA = "khabar.data.claims"
_CLAIMED = ("asserted", "alleged")


@cache
def event_families() -> dict[str, str]:
    """PLOVER type -> family name, from ``contested.tsv``."""
    try:
        raw = resources.files(_DATA).joinpath("contested.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ResourceError(f"contested.tsv is missing from {_DATA}; reinstall khabar") from exc
    families: dict[str, str] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("type\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise ResourceError(f"{_DATA}/contested.tsv line {number}: expected type<TAB>family")
        families[fields[0]] = fields[1]
    return families


def contested_groups(doc: Document) -> list[list[str]]:
    """Groups of event ids, each holding at least one denied and one asserted/alleged event."""
    families = event_families()
    speakers = {c.id: c.speaker for c in doc.claims}
    parent = {e.id: e.id for e in doc.events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    denied = [e for e in doc.events if e.status == "denied"]
    claimed = [e for e in doc.events if e.status in _CLAIMED]
    linked: set[str] = set()
    for d in denied:
        for c in claimed:
            if _same_event(d, c, families) and _other_source(d, c, speakers):
                parent[find(d.id)] = find(c.id)
                linked.update((d.id, c.id))
    groups: dict[str, list[str]] = {}
    for event in doc.events:
        if event.id in linked:
            groups.setdefault(find(event.id), []).append(event.id)
    return [ids for ids in groups.values() if len(ids) > 1]


def _same_event(a: Event, b: Event, families: dict[str, str]) -> bool:
    if families.get(a.type, a.type) != families.get(b.type, b.type):
        return False
    return bool((set(a.actor) | set(a.recipient)) & (set(b.actor) | set(b.recipient)))


def _other_source(a: Event, b: Event, speakers: dict[str, str | None]) -> bool:
    source_a = speakers.get(a.claim) if a.claim else None
    source_b = speakers.get(b.claim) if b.claim else None
    if a.claim is None and b.claim is None:
        return False
    return source_a != source_b or source_a is None


class ContestedStage:
    name = "contested"
    requires = ("events", "claims")
    sets = ("contested",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        doc.contested = contested_groups(doc)
        return doc
