"""The ``clean`` stage: the analysed text is the title line plus the cleaned body."""

from __future__ import annotations

from khabar.clean import agencies, bylines, captions, dates, function_words, furniture
from khabar.clean.body import clean_body
from khabar.config import Config
from khabar.document import Document


def load_resources() -> None:
    """Read and compile every cleaning resource now.

    Each is loaded on first use otherwise, and the date patterns alone take about 0.1 s
    to compile: paid by whichever article first has a date stamp, which is noise in a
    timing and a stall in a stream.
    """
    for key in ("*", "ar", "en"):
        bylines._cues(key)
        captions._rules(key)
        furniture._notices(key)
        furniture._furniture(key)
        furniture._social(key)
    dates._patterns()
    function_words._words()
    agencies._aliases()


# A headline is one short line followed by the body.
MAX_HEADLINE = 300


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as its headline."""
    first, newline, rest = text.partition("\n")
    first = first.strip()
    return first if newline and rest.strip() and 0 < len(first) <= MAX_HEADLINE else None


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
        load_resources()

    def __call__(self, doc: Document) -> Document:
        year = int(doc.published[:4]) if doc.published else None
        cleaned = clean_body(doc.text, title=doc.title, lang=doc.language, year=year)
        doc.text = f"{doc.title}\n{cleaned.text}" if doc.title else cleaned.text
        if doc.headline_first_line:
            doc.title = headline(cleaned.text)
        doc.removed.extend(cleaned.removed)
        byline = doc.byline
        byline.authors.extend(a for a in cleaned.byline.authors if a not in byline.authors)
        byline.wire.extend(w for w in cleaned.byline.wire if w not in byline.wire)
        byline.dateline = byline.dateline or cleaned.byline.dateline
        if cleaned.dated and (doc.published is None or doc.published_weak):
            doc.published, doc.published_weak = cleaned.dated, False
        return doc
