"""Loader for ConfliBERT's English CAMEO sets (``conflibert_cameo/``).

* ``cameo_class_train.tsv``: ``sentence<TAB>class`` with class 0-4 (0 none?,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
  conflict -- inferred upstream, not documented).
* ``cameo_ner_train.txt``: ``token TAG`` lines, blank line between sentences;
  BIO tags with ``S`` = actor, ``T`` = recipient (and a rarer ``R``).
"""

from __future__ import annotations

from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import dataset_path, read_text, strip_direction_marks
from khabar.evaluation.records import GoldArgTokens, GoldCameoSentence

FOLDER = "conflibert_cameo"
CLASS_FILE = "cameo_class_train.tsv"
TAG_FILE = "cameo_ner_train.txt"

QUAD_NAMES = {
    0: "none",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def load_conflibert_cameo(
    data_dir: Path | None = None, limit: int | None = None
) -> list[GoldCameoSentence]:
    """Sentences with their CAMEO quad class from ``cameo_class_train.tsv``."""
    path = dataset_path(data_dir, FOLDER, CLASS_FILE)
    records: list[GoldCameoSentence] = []
    for line_no, line in enumerate(read_text(path).split("\n"), start=1):
        line = strip_direction_marks(line).strip()
        if not line:
            continue
        text, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or not label.isdigit():
            raise ResourceError(f"{path}:{line_no}: expected 'sentence<TAB>class'")
        records.append(GoldCameoSentence(text=text.strip(), cls=int(label)))
        if limit is not None and len(records) >= limit:
            break
    return records


def load_conflibert_cameo_args(
    data_dir: Path | None = None, limit: int | None = None
) -> list[GoldArgTokens]:
    """Tokenised sentences with actor/recipient BIO tags from ``cameo_ner_train.txt``."""
    path = dataset_path(data_dir, FOLDER, TAG_FILE)
    records: list[GoldArgTokens] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line_no, line in enumerate(read_text(path).split("\n"), start=1):
        fields = line.rsplit(None, 1)
        if fields:
            if len(fields) < 2:
                raise ResourceError(f"{path}:{line_no}: expected 'token TAG'")
            # A token that is nothing but a direction mark stays, so tags keep their places.
            tokens.append(strip_direction_marks(fields[0]).strip() or fields[0])
            tags.append(strip_direction_marks(fields[1]))
            continue
        if tokens:
            records.append(GoldArgTokens(tuple(tokens), tuple(tags)))
            tokens, tags = [], []
            if limit is not None and len(records) >= limit:
                return records
    if tokens:
        records.append(GoldArgTokens(tuple(tokens), tuple(tags)))
    return records[:limit] if limit is not None else records
