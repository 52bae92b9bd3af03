"""The cleaning resources under ``khabar/data/clean``: tab-separated tables, read once."""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.errors import ResourceError

_FOLDER = "data/clean"


@cache
def table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/clean/<name>``: ``#`` comments and blank lines skipped.

    Every row must have exactly ``columns`` tab-separated fields.
    """
    try:
        raw = resources.files("khabar").joinpath(_FOLDER, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(
            f"cleaning resource {name!r} is missing from khabar/{_FOLDER}; reinstall khabar "
            "or restore src/khabar/data/clean/"
        ) from exc
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(part.strip() for part in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise ResourceError(
                f"khabar/{_FOLDER}/{name} line {number}: expected {columns} non-empty "
                f"tab-separated fields, got {len(fields)}; see data/clean/README.md"
            )
        rows.append(fields)
    return tuple(rows)


def in_language(row_lang: str, key: str) -> bool:
    """Whether a row tagged ``row_lang`` (``ar``, ``en``, ``*``) applies to language ``key``."""
    return key == "*" or row_lang in ("*", key)
