"""Where the gold sets live, and reading their files robustly.

Gold data is never shipped with khabar: loaders read it in place from a data
directory (``$KHABAR_DATA``, else ``../shared/data`` beside the repository) and
raise :class:`~khabar.errors.ResourceError` naming the missing path otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

from khabar.errors import ResourceError

# src/khabar/evaluation/paths.py -> the repository root is three levels above src/khabar.
_REPO_ROOT = Path(__file__).resolve().parents[3]

# Marks that annotation tools leave in Arabic text; they carry no meaning for scoring.
_DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"))


def default_data_dir() -> Path:
    """The directory holding the gold sets: ``$KHABAR_DATA`` or ``<repo>/../shared/data``."""
    env = os.environ.get("KHABAR_DATA")
    return Path(env) if env else _REPO_ROOT.parent / "shared" / "data"


def dataset_path(data_dir: Path | None, *parts: str) -> Path:
    """``data_dir / parts``, raising :class:`ResourceError` when it does not exist."""
    base = data_dir if data_dir is not None else default_data_dir()
    path = base.joinpath(*parts)
    if not path.exists():
        raise ResourceError(
            f"gold data not found: {path}; set KHABAR_DATA to the directory holding the "
            "evaluation sets (e.g. ../shared/data) or pass data_dir"
        )
    return path


def read_text(path: Path, *, keep_newlines: bool = False) -> str:
    """Read a UTF-8 file, dropping a byte-order mark.

    ``keep_newlines`` keeps ``\\r\\n`` as it is in the file, which standoff
    annotations need because their offsets count every character; otherwise
    line ends are normalised to ``\\n``.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="" if keep_newlines else None) as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise ResourceError(f"{path}: not valid UTF-8 ({exc}); is this the right file?") from exc


def strip_direction_marks(text: str) -> str:
    """Remove U+200E/U+200F and other bidi controls (only where no offsets point into ``text``)."""
    return text.translate(_DIRECTION_MARKS)


def collapse_space(text: str) -> str:
    """Collapse runs of white space to one space and trim the ends."""
    return " ".join(text.split())
