"""The ``segment`` stage: sentences, tokens and clitic-split words."""

from __future__ import annotations

from khabar.config import Config
from khabar.document import Document
from khabar.text.segment import segment


class SegmentStage:
    name = "segment"
    requires = ("text", "language")
    sets = ("sentences",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        doc.sentences = segment(doc.text, doc.language or "und")
        return doc
