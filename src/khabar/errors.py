"""The khabar exception tree.

Every error khabar raises on purpose derives from :class:`KhabarError`, and its
message says what went wrong and what to do. The library never prints; the CLI
turns these into one-line messages and exit codes::

    KhabarError
     ├── ConfigError          a setting is unknown or has a bad value
     ├── PipelineError        a pipeline cannot be built (unknown stage, unmet requirement)
     ├── ResourceError        a data file is missing or malformed
     ├── SchemaError          a document is not valid khabar/1
     └── InputError           an input cannot be read (carries the input's name)
          ├── EmptyInputError
          ├── BinaryInputError
          ├── InputTooLargeError
          ├── EncodingError
          └── MalformedInputError
"""

from __future__ import annotations


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class ConfigError(KhabarError):
    """A setting is unknown or has a value it cannot take."""


class PipelineError(KhabarError):
    """A pipeline cannot be built: an unknown stage or an unmet requirement."""


class ResourceError(KhabarError):
    """A resource file (lexicon, gazetteer, weights) is missing or malformed."""


class SchemaError(KhabarError):
    """A document does not follow schema khabar/1."""


class InputError(KhabarError):
    """An input cannot be analysed. ``source`` names the input (a path, a record, ``<stdin>``)."""

    reason = "unreadable"

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class EmptyInputError(InputError):
    reason = "empty"


class BinaryInputError(InputError):
    reason = "binary"


class InputTooLargeError(InputError):
    reason = "too-large"


class EncodingError(InputError):
    reason = "encoding"


class MalformedInputError(InputError):
    reason = "malformed"
