"""Loader for ``plover/PLOVER_GSR_CAMEO.json``: English PLOVER gold records.

Each record has actors (``source``) and recipients (``target``) with CAMEO
country codes and sectors, an event type from an older PLOVER draft (mapped
to v1 here) and ``textInfo.markup``, the sentence with in-line spans such as
``(SRC: Jordan)``, ``(TAR: Britain)``, ``(SRC/TAR: Iran)``, ``(EVT: agreed)``.
The markup is parsed into character spans of ``text``; where the markup's
text differs from ``text`` (typos fixed in one of them, doubled spaces) the
spans are carried across by a character alignment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.evaluation.ontology import plover_type
from khabar.evaluation.paths import dataset_path, read_text
from khabar.evaluation.records import ActorCode, CharSpan, GoldEventRecord

FOLDER = "plover"
FILENAME = "PLOVER_GSR_CAMEO.json"
_OPEN = re.compile(r"\(([A-Z]+(?:/[A-Z]+)*):\s*")
# Records that document the file rather than code an event.
_SKIP_TYPES = {"DOCUMENT"}


def load_plover(data_dir: Path | None = None, limit: int | None = None) -> list[GoldEventRecord]:
    """Gold event records from ``PLOVER_GSR_CAMEO.json``, types mapped to PLOVER v1."""
    path = dataset_path(data_dir, FOLDER, FILENAME)
    try:
        rows = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise ResourceError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(rows, list):
        raise ResourceError(f"{path}: expected a JSON list of records")
    records: list[GoldEventRecord] = []
    for row in rows:
        if not isinstance(row, dict) or str(row.get("event", "")).upper() in _SKIP_TYPES:
            continue
        records.append(_record(row))
        if limit is not None and len(records) >= limit:
            break
    return records


def _record(row: dict[str, Any]) -> GoldEventRecord:
    text = str(row.get("text") or "")
    info = row.get("textInfo") or {}
    markup = str(info.get("markup") or "") if isinstance(info, dict) else ""
    spans = parse_markup(markup, text) if markup else {}
    raw_type = str(row.get("event") or "")
    return GoldEventRecord(
        id=str(row.get("id") or ""),
        text=text,
        event_type=plover_type(raw_type),
        raw_type=raw_type,
        language=str(row.get("language") or "en"),
        mode=str(row.get("mode") or "").strip() or None,
        context=tuple(c.strip() for c in str(row.get("context") or "").split(",") if c.strip()),
        actor_spans=tuple(spans.get("SRC", ())),
        recipient_spans=tuple(spans.get("TAR", ())),
        trigger_spans=tuple(spans.get("EVT", ())),
        actor_codes=_codes(row.get("source")),
        recipient_codes=_codes(row.get("target")),
    )


def _codes(actors: Any) -> tuple[ActorCode, ...]:
    if not isinstance(actors, list):
        return ()  # "" or null: no actor of this role
    codes = []
    for actor in actors:
        if isinstance(actor, dict):
            country = str(actor.get("code") or "").strip().upper() or None
            sector = str(actor.get("sector") or "").strip().upper() or None
            codes.append(ActorCode(country, sector))
    return tuple(codes)


def parse_markup(markup: str, text: str) -> dict[str, list[CharSpan]]:
    """Spans per tag (``SRC``, ``TAR``, ``EVT``, ``LOC``) as character offsets into ``text``.

    ``SRC/TAR`` counts for both roles. Parentheses inside a marked span (``(SRC:
    Azadliq (Freedom) coalition)``) are balanced, so they stay in the span.
    """
    plain, tagged = _strip_markup(markup)
    if plain != text:
        tagged = _realign(plain, text, tagged)
    spans: dict[str, list[CharSpan]] = {}
    for tag, start, end in tagged:
        for part in tag.split("/"):
            spans.setdefault(part, []).append((start, end))
    return spans


def _strip_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    out: list[str] = []
    length = 0
    tagged: list[tuple[str, int, int]] = []
    # Each open marker: (tag, start offset in output, parenthesis depth inside it).
    stack: list[list[Any]] = []
    i = 0
    while i < len(markup):
        opened = _OPEN.match(markup, i)
        if opened:
            stack.append([opened.group(1), length, 0])
            i = opened.end()
            continue
        char = markup[i]
        if stack and char == ")" and stack[-1][2] == 0:
            tag, start, _ = stack.pop()
            tagged.append((tag, start, _trim_end(out, start, length)))
            i += 1
            continue
        if stack and char in "()":
            stack[-1][2] += 1 if char == "(" else -1
        out.append(char)
        length += 1
        i += 1
    return "".join(out), tagged


def _trim_end(out: list[str], start: int, end: int) -> int:
    """The end of a span with trailing spaces left out ("(EVT: agreed )")."""
    while end > start and out[end - 1].isspace():
        end -= 1
    return end


def _realign(
    plain: str, text: str, tagged: Iterable[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """Carry spans over from ``plain`` to ``text`` through their matching characters."""
    mapping: dict[int, int] = {}
    for block in SequenceMatcher(None, plain, text, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    moved = []
    for tag, start, end in tagged:
        inside = [mapping[k] for k in range(start, end) if k in mapping]
        if inside:
            moved.append((tag, inside[0], inside[-1] + 1))
    return moved
