"""PLOVER type names for scoring: legacy draft names and CAMEO codes mapped to PLOVER v1.

The tables are data files in ``khabar/data/evaluation/`` (see its README).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.errors import ResourceError

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@cache
def _table(name: str) -> dict[str, str]:
    path = resources.files("khabar") / "data" / "evaluation" / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing resource {name} in khabar/data/evaluation") from exc
    table: dict[str, str] = {}
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition("\t")
        if not sep or not value.strip():
            raise ResourceError(f"{name}:{line_no}: expected two tab-separated columns")
        table[key.strip().upper()] = value.strip().upper()
    return table


def plover_type(name: str) -> str:
    """The PLOVER v1 type for a type name of any PLOVER draft (DEMAND -> REQUEST).

    Raises :class:`ResourceError` for a name no draft used.
    """
    mapped = _table("plover_legacy_types.tsv").get(name.strip().upper())
    if mapped is None:
        raise ResourceError(
            f"unknown PLOVER event type {name!r}; add it to "
            "khabar/data/evaluation/plover_legacy_types.tsv if a draft used it"
        )
    return mapped


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER v1 type for a CAMEO event code (``"0874"`` -> RETREAT), None if dropped."""
    table = _table("cameo_to_plover.tsv")
    digits = code.strip()
    for length in range(len(digits), 1, -1):
        mapped = table.get(digits[:length])
        if mapped is not None:
            return None if mapped == "-" else mapped
    return None
