"""Loader for ``arabic_event_gsr`` (openeventdata): Arabic PLOVER event gold.

Two kinds of files:

* ``<type>_gsr.csv`` -- event detection: ``id,event_type,label,accept,reject,total,text``;
  ``label`` is ``yes`` / ``easy no`` / ``difficult no`` / ``ambiguous``.
* ``<type>_spans.json`` -- positive sentences with each annotator's actor
  ("source"), recipient ("target") and verb words, and ``*_gold`` strings
  holding the words all annotators agreed on (in no particular order).
  Words are located in the sentence to give character spans.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.evaluation.paths import dataset_path, read_text, strip_direction_marks
from khabar.evaluation.records import (
    LABEL_AMBIGUOUS,
    LABEL_NO,
    LABEL_YES,
    ActorCode,
    CharSpan,
    GoldEventRecord,
    GoldEventSentence,
)

FOLDER = "arabic_event_gsr"
EVENT_TYPES = ("protest", "assault")

_LABELS = {
    "yes": LABEL_YES,
    "easy no": LABEL_NO,
    "difficult no": LABEL_NO,
    "hard no": LABEL_NO,
    "ambiguous": LABEL_AMBIGUOUS,
}
# Arabic words keep their diacritics and tatweel; punctuation is a token of its own,
# as in the annotation tool's word lists.
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+|[^\w\s]")


def load_arabic_event_gsr(
    data_dir: Path | None = None,
    limit: int | None = None,
    event_types: Sequence[str] = EVENT_TYPES,
) -> list[GoldEventSentence]:
    """Event-detection sentences from ``<type>_gsr.csv`` for each of ``event_types``."""
    records: list[GoldEventSentence] = []
    for event_type in event_types:
        path = dataset_path(data_dir, FOLDER, f"{event_type.lower()}_gsr.csv")
        records.extend(_read_detection_csv(path))
        if limit is not None and len(records) >= limit:
            return records[:limit]
    return records


def load_arabic_event_spans(
    data_dir: Path | None = None,
    limit: int | None = None,
    event_types: Sequence[str] = EVENT_TYPES,
) -> list[GoldEventRecord]:
    """Gold actor/recipient/trigger spans and actor codes from ``<type>_spans.json``."""
    records: list[GoldEventRecord] = []
    for event_type in event_types:
        path = dataset_path(data_dir, FOLDER, f"{event_type.lower()}_spans.json")
        try:
            rows = json.loads(read_text(path))
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{path}: not valid JSON ({exc})") from exc
        if not isinstance(rows, list):
            raise ResourceError(f"{path}: expected a JSON list of records")
        for row in rows:
            records.append(_span_record(row, event_type.upper()))
            if limit is not None and len(records) >= limit:
                return records
    return records


def _read_detection_csv(path: Path) -> list[GoldEventSentence]:
    reader = csv.DictReader(io.StringIO(read_text(path)))
    fields = {(name or "").strip().lower() for name in reader.fieldnames or ()}
    missing = {"id", "label", "text"} - fields
    if missing:
        raise ResourceError(f"{path}: missing columns {sorted(missing)}")
    out: list[GoldEventSentence] = []
    for line_no, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "") for k, v in raw.items() if k is not None}
        raw_label = " ".join(row["label"].lower().split())
        if raw_label not in _LABELS:
            raise ResourceError(f"{path}:{line_no}: unknown label {row['label']!r}")
        out.append(
            GoldEventSentence(
                id=row["id"].strip(),
                text=strip_direction_marks(row["text"]).strip(),
                event_type=row.get("event_type", "").strip().upper(),
                label=_LABELS[raw_label],
                raw_label=raw_label,
                language="ar",
                accept=_int_or_none(row.get("accept")),
                reject=_int_or_none(row.get("reject")),
                total=_int_or_none(row.get("total")),
            )
        )
    return out


def _int_or_none(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _span_record(row: dict[str, Any], event_type: str) -> GoldEventRecord:
    text = strip_direction_marks(str(row.get("text", "")))
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    annotations = [a for a in row.get("spans") or [] if isinstance(a, dict)]
    return GoldEventRecord(
        id=str(row.get("_id") or row.get("id") or ""),
        text=text,
        event_type=str(row.get("event_type") or event_type).upper(),
        raw_type=str(row.get("event_type") or event_type),
        language="ar",
        actor_spans=locate_words(text, tokens, str(row.get("source_gold") or "")),
        recipient_spans=locate_words(text, tokens, str(row.get("target_gold") or "")),
        trigger_spans=locate_words(text, tokens, str(row.get("verb_gold") or "")),
        actor_codes=_majority_code([a.get("source_role") for a in annotations]),
        recipient_codes=_majority_code([a.get("target_role") for a in annotations]),
    )


def locate_words(
    text: str, tokens: Sequence[tuple[int, int, str]], words: str
) -> tuple[CharSpan, ...]:
    """Character spans of ``words`` (an unordered bag) among the ``tokens`` of ``text``.

    A word that occurs several times is taken at the occurrence nearest the
    words that occur once, since agreed words cluster around one phrase;
    adjacent located tokens merge into one span.
    """
    wanted = strip_direction_marks(words).split()
    if not wanted:
        return ()
    # Each word's candidate places, a place being the token indices it covers.
    places = {w: [[i] for i, t in enumerate(tokens) if t[2] == w] for w in set(wanted)}
    for word, found in places.items():
        if not found:
            # A word the tool kept glued to punctuation ("بوش»."): take the tokens it covers.
            found.extend(_covering(tokens, text, word))
    anchors = [p[0][0] for p in places.values() if len(p) == 1]
    centre = sum(anchors) / len(anchors) if anchors else None
    chosen: set[int] = set()
    for found in places.values():
        if found:
            chosen.update(found[0] if centre is None else _nearest(found, centre))
    spans: list[CharSpan] = []
    previous = -2
    for index in sorted(chosen):
        start, end, _ = tokens[index]
        if index == previous + 1 and spans:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        previous = index
    return tuple(spans)


def _nearest(places: list[list[int]], centre: float) -> list[int]:
    return min(places, key=lambda place: abs(place[0] - centre))


def _covering(tokens: Sequence[tuple[int, int, str]], text: str, word: str) -> list[list[int]]:
    places = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        places.append([i for i, t in enumerate(tokens) if t[0] < end and t[1] > at])
        at = text.find(word, end)
    return [p for p in places if p]


def _majority_code(roles: list[Any]) -> tuple[ActorCode, ...]:
    """The code most annotators gave, with "None" read as missing."""
    votes: Counter[ActorCode] = Counter()
    for role in roles:
        if not isinstance(role, dict) or not role:
            continue
        code = ActorCode(_code(role.get("main")), _code(role.get("role")))
        if code.country or code.sector:
            votes[code] += 1
    if not votes:
        return ()
    return (votes.most_common(1)[0][0],)


def _code(value: Any) -> str | None:
    text = str(value or "").strip()
    return None if text in ("", "None", "null") else text.upper()
