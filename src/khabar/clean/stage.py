"""The ``clean`` stage: the analysed text is the title line plus the cleaned body."""

from __future__ import annotations

from khabar.clean.body import clean_body
from khabar.config import Config
from khabar.document import Document


class CleanStage:
    """Sets ``text`` (title, then the cleaned body), ``removed`` and ``byline``.

    A date read from the byline or dateline becomes the publication date when
    the input gave none, or only a weak guess.
    """

    name = "clean"
    requires = ("raw",)
    sets = ("text", "removed", "byline")

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        year = int(doc.published[:4]) if doc.published else None
        cleaned = clean_body(doc.text, title=doc.title, lang=doc.language, year=year)
        doc.text = f"{doc.title}\n{cleaned.text}" if doc.title else cleaned.text
        doc.removed.extend(cleaned.removed)
        byline = doc.byline
        byline.authors.extend(a for a in cleaned.byline.authors if a not in byline.authors)
        byline.wire.extend(w for w in cleaned.byline.wire if w not in byline.wire)
        byline.dateline = byline.dateline or cleaned.byline.dateline
        if cleaned.dated and (doc.published is None or doc.published_weak):
            doc.published, doc.published_weak = cleaned.dated, False
        return doc
