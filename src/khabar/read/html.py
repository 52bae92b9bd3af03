"""HTML pages: main text with trafilatura, publication date with htmldate.

htmldate falls back to ``YYYY-01-01`` when a page shows only a year; such a
date is marked weak so that a date in the byline or dateline can replace it.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from khabar.errors import EmptyInputError, MalformedInputError
from khabar.read.article import Article
from khabar.read.dates import parse_published

# Pages nested deeper than this are hostile or broken; lxml and trafilatura
# would recurse through them for a long time.
MAX_NESTING = 400
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]{0,2000}?(/?)>")
_VOID = {b"br", b"img", b"hr", b"meta", b"link", b"input", b"source", b"wbr", b"col", b"area"}


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml")) or (
        head.startswith("<") and ("<p" in text[:5000].lower() or "<div" in text[:5000].lower())
    )


def read_html(html: str, origin: str, **fields: Any) -> Article:
    """Extract the article in ``html``; ``fields`` (url, id, ...) come from the record, if any."""
    _refuse_deep_nesting(html, origin)
    extracted: Any  # trafilatura's Document (typed as a union with dict)
    try:
        import trafilatura
        from htmldate import find_date

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extracted = trafilatura.bare_extraction(
                html,
                url=fields.get("url"),
                with_metadata=True,
                favor_recall=True,
                include_comments=False,
                include_tables=True,
            )
            found_date = find_date(html, extensive_search=True, original_date=True)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        raise MalformedInputError(origin, f"the HTML cannot be parsed: {exc}") from exc
    if extracted is None or not (extracted.text or "").strip():
        raise EmptyInputError(origin, "no article text found in the HTML")
    title = fields.pop("title", None) or extracted.title
    body = _drop_repeated_title(str(extracted.text), title)
    published = parse_published(fields.pop("published", None))
    weak = False
    if published is None and found_date:
        published = parse_published(found_date)
        weak = bool(published and published.endswith("-01-01"))
    authors = [a.strip() for a in re.split(r"[;|]", extracted.author or "") if a.strip()]
    return Article(
        body=body,
        title=title,
        published=published,
        published_weak=weak,
        source=fields.pop("source", None) or extracted.sitename,
        url=fields.pop("url", None) or extracted.url,
        origin=origin,
        authors=authors,
        **fields,
    )


def _drop_repeated_title(body: str, title: str | None) -> str:
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if first.strip() == title.strip():
        return rest
    return body


def _refuse_deep_nesting(html: str, origin: str) -> None:
    depth = 0
    data = html.encode("utf-8", "surrogatepass")
    for match in _TAG.finditer(data):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if self_closing or name in _VOID:
            continue
        depth += -1 if closing else 1
        if depth > MAX_NESTING:
            raise MalformedInputError(
                origin, f"the HTML nests tags more than {MAX_NESTING} deep; refusing it as hostile"
            )
