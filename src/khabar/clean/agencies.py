"""Wire and news agencies: alias -> canonical English name (``data/clean/agencies.tsv``)."""

from __future__ import annotations

import re
from functools import cache

from khabar.clean.normalize import aligned
from khabar.clean.resources import table

# Arabic combining marks are not \w, so diacritics drop out of keys too.
_NOT_KEY = re.compile(r"[\W_]+")


def agency_key(text: str) -> str:
    """A lookup key: alef unified, case folded, only letters and digits ("أ.ف.ب" -> "افب")."""
    return _NOT_KEY.sub("", aligned(text).casefold()).replace("ة", "ه")


@cache
def _aliases() -> dict[str, str]:
    found: dict[str, str] = {}
    for canonical, aliases in table("agencies.tsv", 2):
        for alias in (canonical, *aliases.split("|")):
            key = agency_key(alias)
            if key:
                found.setdefault(key, canonical)
    return found


def canonical_agency(text: str) -> str | None:
    """The canonical name of the agency that ``text`` names as a whole, or None.

    Only a whole segment counts ("رويترز", "وكالة رويترز", "(AFP)"); an agency named inside a
    longer phrase is not looked for here.
    """
    key = agency_key(text)
    if not key or len(key) > 40:
        return None
    aliases = _aliases()
    hit = aliases.get(key)
    if hit is None and key.startswith("وكاله"):
        for prefix in ("وكالهانباء", "وكاله"):
            if key.startswith(prefix) and len(key) > len(prefix):
                hit = aliases.get(key[len(prefix) :])
                if hit:
                    break
    return hit
