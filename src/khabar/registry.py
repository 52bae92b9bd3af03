"""Registries of stages: names mapped to the classes that implement them.

Entries are import paths resolved on first use, so importing khabar registers
nothing as a side effect and loads no resource. Third-party stages are added
with :func:`register_stage` and then named in ``Config.pipeline`` like the
built-in ones.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, runtime_checkable

from khabar.config import Config
from khabar.document import Document
from khabar.errors import PipelineError


@runtime_checkable
class Stage(Protocol):
    """A named step that reads and adds to a Document.

    ``requires`` names the Document parts it reads and ``sets`` those it adds;
    the pipeline checks them when it is built.
    """

    name: str
    requires: tuple[str, ...]
    sets: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


# name -> "module:Class"; the class is built with the Config.
_STAGES: dict[str, str] = {
    "clean": "khabar.clean.stage:CleanStage",
    "language": "khabar.text.language:LanguageStage",
    "segment": "khabar.text.stage:SegmentStage",
    "dates": "khabar.resolve.stage:DatesStage",
    "actors": "khabar.actors.stage:ActorsStage",
    "places": "khabar.resolve.places:PlacesStage",
    "claims": "khabar.claims.stage:ClaimsStage",
    "events": "khabar.events.stage:EventsStage",
    "contested": "khabar.claims.contested:ContestedStage",
}

# What a document has before any stage runs.
INITIAL_PARTS: tuple[str, ...] = ("raw", "id", "url", "source", "published", "title")


def register_stage(name: str, target: str | type) -> None:
    """Make a stage available under ``name``: a ``"module:Class"`` path or a class."""
    if isinstance(target, str) and ":" not in target:
        raise PipelineError(f"stage target {target!r} must look like 'package.module:ClassName'")
    _STAGES[name] = target if isinstance(target, str) else f"{target.__module__}:{target.__name__}"


def stage_names() -> list[str]:
    return sorted(_STAGES)


def stage_class(name: str) -> Any:
    try:
        target = _STAGES[name]
    except KeyError:
        raise PipelineError(
            f"unknown stage {name!r}; available stages: {', '.join(stage_names())}"
        ) from None
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
        return getattr(module, class_name)
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage {name!r} cannot be loaded from {target!r}: {exc}") from exc


def build_stage(name: str, config: Config) -> Stage:
    stage = stage_class(name)(config)
    if not isinstance(stage, Stage):
        raise PipelineError(f"stage {name!r} lacks name, requires, sets or __call__")
    return stage
