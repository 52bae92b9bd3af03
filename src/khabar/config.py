"""One typed configuration object, and the settings table that documents it.

Every setting has a default and a help text in :data:`SETTINGS`; the README's
settings table is generated from it and a test keeps the two in step.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError

DEFAULT_PIPELINE: tuple[str, ...] = (
    "clean",
    "language",
    "segment",
    "dates",
    "actors",
    "places",
    "claims",
    "events",
    "contested",
)


def _setting(default: Any, help: str) -> Any:
    # Defaults are immutable (tuples, strings, numbers), so no default_factory is needed.
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Config:
    """How khabar analyses articles. Build it with keyword arguments or :meth:`from_mapping`."""

    pipeline: tuple[str, ...] = _setting(
        DEFAULT_PIPELINE,
        "Ordered names of the stages to run (the stages are listed in the README).",
    )
    language: str = _setting(
        "auto", "Language of the inputs: `auto` detects it per article; `ar` or `en` forces it."
    )
    max_input_bytes: int = _setting(
        10_000_000,
        "Inputs larger than this many bytes are refused with a clear error "
        "(raise it for big pages).",
    )
    default_published: str | None = _setting(
        None,
        "Publication date (YYYY-MM-DD) for inputs that carry none of their own; "
        "relative dates stay unresolved when no date is known.",
    )
    actor_files: tuple[str, ...] = _setting(
        (), "Extra actor dictionary files (TOML) merged over the shipped one."
    )
    statistical_ner: bool = _setting(
        True,
        "Find names that no dictionary knows with the trained Arabic tagger and, for English, "
        "spaCy's small model when installed (`khabar[english]`); off is faster.",
    )
    occurrence_threshold: float = _setting(
        0.5,
        "Arabic ASSAULT events whose occurrence-model probability (a reported attack, not "
        "talk about attacks) is below this are dropped; lower it for recall, 0 keeps all.",
    )

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Config:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(unknown)}; "
                f"known settings: {', '.join(sorted(known))}"
            )
        values = dict(data)
        for name in ("pipeline", "actor_files"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values).validated()

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except OSError as exc:
            raise ConfigError(f"cannot read configuration file {path}: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"configuration file {path} is not valid TOML: {exc}") from exc
        return cls.from_mapping(data.get("khabar", data))

    def replace(self, **changes: Any) -> Config:
        return replace(self, **changes).validated()

    def validated(self) -> Config:
        if self.language not in ("auto", "ar", "en"):
            raise ConfigError(f"language must be auto, ar or en, not {self.language!r}")
        if not isinstance(self.max_input_bytes, int) or self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be a positive whole number of bytes")
        threshold = self.occurrence_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise ConfigError("occurrence_threshold must be a number from 0 to 1")
        if not 0 <= threshold <= 1:
            raise ConfigError(f"occurrence_threshold must be from 0 to 1, not {threshold}")
        if self.default_published is not None:
            from khabar.read.dates import parse_published

            if parse_published(self.default_published) is None:
                raise ConfigError(
                    f"default_published must be a date like 2023-09-05, "
                    f"not {self.default_published!r}"
                )
        return self


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


def _settings_table() -> tuple[Setting, ...]:
    defaults = Config()
    return tuple(
        Setting(f.name, getattr(defaults, f.name), f.metadata["help"]) for f in fields(Config)
    )


SETTINGS: tuple[Setting, ...] = _settings_table()
