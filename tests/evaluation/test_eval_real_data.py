"""The loaders on the real gold sets in ../shared/data (skipped when it is absent).

These check structure only (records read, offsets inside their text), never
scores or expected outputs of a gold set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from khabar.evaluation.loaders.arabic_event_gsr import (
    load_arabic_event_gsr,
    load_arabic_event_spans,
)
from khabar.evaluation.loaders.conflibert_cameo import (
    load_conflibert_cameo,
    load_conflibert_cameo_args,
)
from khabar.evaluation.loaders.geowebnews import load_geowebnews
from khabar.evaluation.loaders.petrarch import load_petrarch
from khabar.evaluation.loaders.plover import load_plover
from khabar.evaluation.loaders.polnear import load_polnear
from khabar.evaluation.ontology import PLOVER_TYPES
from khabar.evaluation.paths import default_data_dir

pytestmark = pytest.mark.shared


def _data_dir(folder: str) -> Path:
    path = default_data_dir() / folder
    if not path.exists():
        pytest.skip(f"{path} is absent: set KHABAR_DATA or put the shared data beside the checkout")
    return default_data_dir()


def _inside(text: str, spans: Iterable[tuple[int, int]]) -> bool:
    return all(0 <= start < end <= len(text) for start, end in spans)


LOADERS: list[tuple[str, Callable[..., list[Any]]]] = [
    ("arabic_event_gsr", load_arabic_event_gsr),
    ("arabic_event_gsr", load_arabic_event_spans),
    ("plover", load_plover),
    ("petrarch", load_petrarch),
    ("conflibert_cameo", load_conflibert_cameo),
    ("conflibert_cameo", load_conflibert_cameo_args),
    ("polnear", load_polnear),
    ("geowebnews", load_geowebnews),
]


@pytest.mark.parametrize(("folder", "loader"), LOADERS)
def test_loader_reads_records_and_honours_limit(
    folder: str, loader: Callable[..., list[Any]]
) -> None:
    data_dir = _data_dir(folder)
    assert loader(data_dir)
    assert len(loader(data_dir, limit=3)) == 3


def test_event_spans_lie_inside_their_text() -> None:
    data_dir = _data_dir("arabic_event_gsr")
    for record in [*load_arabic_event_spans(data_dir), *load_plover(data_dir)]:
        spans = [*record.actor_spans, *record.recipient_spans, *record.trigger_spans]
        assert _inside(record.text, spans), record.id
        assert record.event_type in PLOVER_TYPES


def test_attribution_and_toponym_offsets() -> None:
    data_dir = _data_dir("polnear")
    for doc in load_polnear(data_dir, limit=20):
        for item in doc.items:
            assert _inside(doc.text, [*item.source, *item.cue, *item.content]), doc.doc_id
    for article in load_geowebnews(_data_dir("geowebnews")):
        assert all(article.text[t.start : t.end] == t.name for t in article.toponyms)
