"""The ``dates`` stage: temporal expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

from khabar.config import Config
from khabar.document import Document
from khabar.resolve.dates import find_dates


class DatesStage:
    """Sets ``dates``. Relative dates stay unresolved when the publication date is unknown."""

    name = "dates"
    requires = ("text", "language")
    sets = ("dates",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        published = date.fromisoformat(doc.published) if doc.published else None
        doc.dates = find_dates(doc.text, doc.language or "und", published)
        return doc
