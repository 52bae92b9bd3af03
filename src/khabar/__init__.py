"""khabar: political event records from Arabic and English news, with their sources.

>>> import khabar
>>> nlp = khabar.load()
>>> doc = nlp("...", published="2023-09-05")
>>> doc.to_json()
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from khabar.config import SETTINGS, Config
from khabar.document import (
    Actor,
    Byline,
    Claim,
    DateValue,
    Document,
    Event,
    Mention,
    Place,
    Removed,
    Sentence,
    Span,
    Token,
    Word,
)
from khabar.errors import (
    ConfigError,
    InputError,
    KhabarError,
    PipelineError,
    ResourceError,
    SchemaError,
)
from khabar.pipeline import Pipeline
from khabar.read.article import Article, Failure
from khabar.registry import register_stage

__all__ = [
    "SETTINGS",
    "Actor",
    "Article",
    "Byline",
    "Claim",
    "Config",
    "ConfigError",
    "DateValue",
    "Document",
    "Event",
    "Failure",
    "InputError",
    "KhabarError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "Place",
    "Removed",
    "ResourceError",
    "SchemaError",
    "Sentence",
    "Span",
    "Token",
    "Word",
    "__version__",
    "load",
    "register_stage",
]


def load(config: Config | dict[str, Any] | None = None, **settings: Any) -> Pipeline:
    """Build the analysis pipeline.

    ``config`` is a :class:`Config`, a mapping of settings, or ``None`` for the
    defaults; keyword arguments override single settings
    (``khabar.load(language="ar")``).
    """
    if config is None:
        base = Config()
    elif isinstance(config, Config):
        base = config
    else:
        base = Config.from_mapping(dict(config))
    if settings:
        base = Config.from_mapping({**_as_mapping(base), **settings})
    return Pipeline.from_config(base.validated())


def _as_mapping(config: Config) -> dict[str, Any]:
    return {setting.name: getattr(config, setting.name) for setting in SETTINGS}
