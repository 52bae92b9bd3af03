"""A readable summary of a Document for a person at a terminal.

Arabic cells are wrapped in Unicode directional isolates (FSI ... PDI), so a
bidi-aware terminal shows each right-to-left cell correctly without
scrambling its neighbours, and the text stays in logical order when piped to
a file. Column widths count what a terminal shows: combining marks and
format characters take no room.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from khabar.document import Document

FSI, PDI = "\u2068", "\u2069"
MAX_CELL = 60


def display_width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    if display_width(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return text


def _isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}" if any(_is_rtl(ch) for ch in text) else text


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [
        max([display_width(h)] + [display_width(row[i]) for row in cells])
        for i, h in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        padded = [_isolate(v) + " " * (widths[i] - display_width(v)) for i, v in enumerate(values)]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(list(headers)), rule, *(line(row) for row in cells)])


def render_document(doc: Document) -> str:
    actors = {a.id: a.name for a in doc.actors}
    parts = [
        "=" * 72,
        f"{doc.id[:16]}  {doc.language or '?'}  published {doc.published or 'unknown'}",
    ]
    if doc.title:
        parts.append(f"title: {_isolate(doc.title)}")
    byline = doc.byline
    if byline.authors or byline.wire or byline.dateline:
        parts.append(
            "byline: "
            + "; ".join(
                filter(
                    None,
                    [
                        ", ".join(_isolate(a) for a in byline.authors),
                        "wire " + ", ".join(byline.wire) if byline.wire else "",
                        f"dateline {_isolate(byline.dateline)}" if byline.dateline else "",
                    ],
                )
            )
        )
    parts.append(
        f"{len(doc.sentences)} sentences, {len(doc.mentions)} mentions, {len(doc.actors)} actors, "
        f"{len(doc.claims)} claims, {len(doc.events)} events, {len(doc.dates)} dates"
    )

    def names(ids: Sequence[str]) -> str:
        return ", ".join(actors.get(i, i) for i in ids)

    if doc.events:
        rows = [
            [
                e.id,
                e.type + (f"/{e.mode}" if e.mode else ""),
                e.status,
                names(e.actor),
                names(e.recipient),
                e.trigger.text,
                (e.when or {}).get("text"),
                (e.where or {}).get("name"),
                e.claim,
            ]
            for e in doc.events
        ]
        headers = ["event", "type", "status", "actor", "recipient", "trigger", "when", "where"]
        parts += ["", table([*headers, "claim"], rows)]
    if doc.claims:
        rows = [
            [
                c.id,
                c.stance,
                actors.get(c.speaker or "", c.speaker),
                names(c.via),
                c.cue and c.cue.text,
            ]
            for c in doc.claims
        ]
        parts += ["", table(["claim", "stance", "speaker", "via", "cue"], rows)]
    if doc.actors:
        rows = [[a.id, a.name, a.name_ar, a.kind, a.country, a.sector] for a in doc.actors]
        parts += ["", table(["actor", "name", "arabic", "kind", "country", "sector"], rows)]
    if doc.dates:
        rows = [[d.text, d.value, " .. ".join(d.range) if d.range else ""] for d in doc.dates]
        parts += ["", table(["date", "value", "range"], rows)]
    if doc.removed:
        rows = [[r.kind, r.text] for r in doc.removed]
        parts += ["", table(["removed", "text"], rows)]
    return "\n".join(parts)
