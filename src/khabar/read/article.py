"""What a reader yields: an article before analysis, or a record of an input that failed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Article:
    """One input article.

    ``body`` is plain text: readers of HTML have already extracted the main
    text. ``origin`` names where it came from (a path, ``path:line``,
    ``<stdin>``), for messages and for failure records.
    """

    body: str
    id: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    origin: str = "<string>"
    # Authors named by the page's metadata (HTML readers); cleaning adds bylines it finds.
    authors: list[str] = field(default_factory=list)
    # True when ``published`` is only a weak guess (htmldate's year-only fallback):
    # cleaning may replace it with a date read from the byline or dateline.
    published_weak: bool = False
    # Plain text: the first line may be the headline; cleaning decides once furniture and
    # bylines are out of the way ("By Jane Doe" is not a headline).
    headline_first_line: bool = False


@dataclass(slots=True)
class Failure:
    """An input that could not be read or analysed, with its reason."""

    origin: str
    reason: str
    message: str
