"""Loader for PolNeAR attribution gold (brat standoff, ``polnear/<split>/``).

``text/<article>.txt`` holds an article; ``attributions/<article>_<annotator>.ann``
holds one annotator's spans::

    T1<TAB>Source 89 106<TAB>The New York Post
    T3<TAB>Content 115 200;210 290<TAB>...        (discontinuous: fragments by ';')
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1

An ``E`` line ties one attribution's Source, Cue and Content together. A span
text that contains a line break spills onto the next lines of the file;
those lines are skipped. Offsets count characters of the article as stored,
so it is read without newline translation.
"""

from __future__ import annotations

import re
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import dataset_path, read_text
from khabar.evaluation.records import AttributionItem, CharSpan, GoldAttribution

FOLDER = "polnear"
SPLITS = ("train", "dev", "test")

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}


def load_polnear(
    data_dir: Path | None = None,
    limit: int | None = None,
    split: str = "dev",
    one_per_article: bool = True,
) -> list[GoldAttribution]:
    """Attribution gold of ``split``, one record per annotation file.

    Some articles were annotated by every annotator for quality control;
    ``one_per_article`` keeps only the first annotation of each article (by
    file name) so that no article counts twice.
    """
    if split not in SPLITS:
        raise ResourceError(f"unknown PolNeAR split {split!r}; use one of {SPLITS}")
    base = dataset_path(data_dir, FOLDER, split)
    ann_dir = dataset_path(data_dir, FOLDER, split, "attributions")
    records: list[GoldAttribution] = []
    seen: set[str] = set()
    for ann_path in sorted(ann_dir.glob("*.ann")):
        doc_id, _, annotator = ann_path.stem.rpartition("_")
        if not doc_id:
            doc_id, annotator = ann_path.stem, ""
        if one_per_article and doc_id in seen:
            continue
        seen.add(doc_id)
        text_path = base / "text" / f"{doc_id}.txt"
        if not text_path.exists():
            raise ResourceError(f"{ann_path}: article text {text_path} not found")
        text = read_text(text_path, keep_newlines=True)
        items = parse_brat_attributions(read_text(ann_path), str(ann_path))
        records.append(GoldAttribution(doc_id, text, items, annotator=annotator, split=split))
        if limit is not None and len(records) >= limit:
            break
    return records


def parse_brat_attributions(standoff: str, name: str = "<ann>") -> tuple[AttributionItem, ...]:
    """Attribution items from the text of a brat ``.ann`` file."""
    fragments: dict[str, tuple[CharSpan, ...]] = {}
    events: list[tuple[str, str]] = []
    for line in standoff.split("\n"):
        line = line.rstrip("\r")
        textbound = _TEXTBOUND.match(line)
        if textbound:
            fragments[textbound.group(1)] = _fragments(textbound.group(3))
            continue
        event = _EVENT.match(line)
        if event:
            events.append((event.group(1), event.group(2)))
    items = []
    for event_id, arguments in events:
        roles: dict[str, list[CharSpan]] = {"source": [], "cue": [], "content": []}
        for argument in arguments.split():
            label, sep, target = argument.partition(":")
            # "Content2" adds a second content stretch; the trigger ("Attribution") is the cue.
            role = _ROLES.get(label.rstrip("0123456789"))
            if not sep or role is None:
                continue
            if target not in fragments:
                raise ResourceError(f"{name}: {event_id} refers to unknown span {target}")
            roles[role].extend(fragments[target])
        items.append(
            AttributionItem(
                id=event_id,
                source=tuple(sorted(set(roles["source"]))),
                cue=tuple(sorted(set(roles["cue"]))),
                content=tuple(sorted(set(roles["content"]))),
            )
        )
    return tuple(items)


def _fragments(offsets: str) -> tuple[CharSpan, ...]:
    spans = []
    for pair in offsets.split(";"):
        start, end = pair.split()
        spans.append((int(start), int(end)))
    return tuple(spans)
