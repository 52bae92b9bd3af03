"""The PLOVER v1 ontology: event types, their modes, contexts and CAMEO equivalents.

The vocabulary lives in ``khabar/data/events/plover.toml``; :func:`load_plover` reads it once
and checks it. Event coding uses :meth:`Ontology.validate` to check a (type, mode, contexts)
triple and :meth:`Ontology.cameo_for` to give CAMEO/GDELT users a code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from khabar.errors import ResourceError

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
_RESOURCE = "plover.toml"


@dataclass(frozen=True, slots=True)
class Mode:
    """A PLOVER mode: the "how" of an event of one type."""

    name: str
    type: str
    definition: str
    cameo: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class EventType:
    """One of the 16 PLOVER event types."""

    name: str
    definition: str
    quad: str
    requires_recipient: bool
    cameo: str
    cameo_roots: tuple[str, ...]
    score: float | None
    modes: dict[str, Mode] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    """A PLOVER context: the "why" of an event, usable with any type."""

    name: str
    definition: str


@dataclass(frozen=True, slots=True)
class Ontology:
    """The loaded ontology. Build it with :func:`load_plover`."""

    version: str
    types: dict[str, EventType]
    contexts: dict[str, Context]
    auxiliary_modes: dict[str, str | None]
    mode_aliases: dict[tuple[str, str], str | None]

    def has_type(self, type_: str) -> bool:
        return type_ in self.types

    def has_mode(self, type_: str, mode: str) -> bool:
        """True when ``mode`` is a v1 mode of ``type_`` (REQUEST and REJECT share names)."""
        event_type = self.types.get(type_)
        return event_type is not None and mode in event_type.modes

    def has_context(self, context: str) -> bool:
        return context in self.contexts

    def modes(self, type_: str) -> tuple[str, ...]:
        event_type = self.types.get(type_)
        return tuple(event_type.modes) if event_type else ()

    def canonical_mode(self, type_: str, mode: str | None) -> str | None:
        """Map a mode name to its v1 name (draft CAMEO2PLOVER names included); None if none."""
        if not mode:
            return None
        if self.has_mode(type_, mode):
            return mode
        return self.mode_aliases.get((type_, mode)) or None

    def validate(
        self, type_: str, mode: str | None = None, contexts: tuple[str, ...] | list[str] = ()
    ) -> list[str]:
        """Problems with an event's (type, mode, contexts); an empty list means valid."""
        problems: list[str] = []
        if type_ not in self.types:
            return [f"unknown PLOVER type {type_!r}"]
        if mode is not None and not self.has_mode(type_, mode):
            known = ", ".join(self.modes(type_)) or "none"
            problems.append(f"{type_} has no mode {mode!r} (modes: {known})")
        problems.extend(
            f"unknown PLOVER context {name!r}" for name in contexts if name not in self.contexts
        )
        return problems

    def is_valid(
        self, type_: str, mode: str | None = None, contexts: tuple[str, ...] | list[str] = ()
    ) -> bool:
        return not self.validate(type_, mode, contexts)

    def cameo_for(self, type_: str, mode: str | None = None) -> str | None:
        """The nearest CAMEO code: the mode's when it has one, else the type's cue category."""
        event_type = self.types.get(type_)
        if event_type is None:
            return None
        if mode and mode in event_type.modes and event_type.modes[mode].cameo:
            return event_type.modes[mode].cameo
        return event_type.cameo

    def type_for_cameo(self, code: str) -> str | None:
        """The PLOVER type a CAMEO code's root folds into (e.g. ``"1823"`` -> ASSAULT).

        Root 08 (YIELD) is split by the manual: 081-083 are CONCEDE, 084-087 RETREAT.
        """
        code = code.strip()
        if len(code) < 2 or not code.isdigit():
            return None
        root = code[:2]
        if root == "08":
            return "RETREAT" if len(code) >= 3 and code[2] in "4567" else "CONCEDE"
        for event_type in self.types.values():
            if root in event_type.cameo_roots:
                return event_type.name
        return None


@cache
def load_plover() -> Ontology:
    """Load and check ``plover.toml`` (once per process)."""
    try:
        raw = resources.files("khabar").joinpath("data", "events", _RESOURCE).read_text("utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(
            f"cannot read khabar/data/events/{_RESOURCE}: {exc}; reinstall khabar or fix the file"
        ) from exc
    return _build(data)


def _build(data: dict[str, Any]) -> Ontology:
    types: dict[str, EventType] = {}
    for name, spec in data.get("types", {}).items():
        quad = spec.get("quad")
        if quad not in QUADS:
            raise ResourceError(f"{_RESOURCE}: type {name} has bad quad {quad!r}")
        modes = {
            mode_name: Mode(
                name=mode_name,
                type=name,
                definition=str(mode.get("definition", "")),
                cameo=mode.get("cameo"),
                score=_float_or_none(mode.get("score")),
            )
            for mode_name, mode in spec.get("modes", {}).items()
        }
        types[name] = EventType(
            name=name,
            definition=str(spec.get("definition", "")),
            quad=quad,
            requires_recipient=bool(spec.get("requires_recipient", False)),
            cameo=str(spec["cameo"]),
            cameo_roots=tuple(spec.get("cameo_roots", [spec["cameo"]])),
            score=_float_or_none(spec.get("score")),
            modes=modes,
        )
    if len(types) != 16:
        raise ResourceError(f"{_RESOURCE}: expected the 16 PLOVER types, found {len(types)}")
    contexts = {name: Context(name, str(text)) for name, text in data.get("contexts", {}).items()}
    auxiliary = {name: spec.get("status") for name, spec in data.get("auxiliary_modes", {}).items()}
    aliases: dict[tuple[str, str], str | None] = {}
    for type_name, table in data.get("mode_aliases", {}).items():
        for alias, target in table.items():
            if target and target not in types[type_name].modes:
                raise ResourceError(f"{_RESOURCE}: alias {type_name}.{alias} -> unknown {target}")
            aliases[(type_name, alias)] = target or None
    return Ontology(
        version=str(data.get("meta", {}).get("version", "")),
        types=types,
        contexts=contexts,
        auxiliary_modes=auxiliary,
        mode_aliases=aliases,
    )


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)
