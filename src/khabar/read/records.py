"""JSON and JSON Lines records: ``id, url, source, published, title, language, text|html``.

``date``, ``published_at`` and ``pubDate`` are read as the publication date when
``published`` is absent.

A record's ``id`` is kept in its document, and ``language``, when given, is a
hint that the language stage keeps. ``content`` and ``body`` are accepted as
other names for ``text`` (corpora such as SaudiNewsNet use ``content``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from khabar.errors import InputError, MalformedInputError
from khabar.read.article import Article, Failure
from khabar.read.html import read_html

TEXT_FIELDS = ("text", "content", "body")
META_FIELDS = ("id", "url", "source", "published", "title", "language")
# Other names records use for the publication date (not a crawl date such as date_extracted).
PUBLISHED_ALIASES = ("date", "published_at", "pubDate")


def record_to_article(record: Any, origin: str) -> Article:
    if not isinstance(record, dict):
        raise MalformedInputError(
            origin, f"a record must be a JSON object, not {type(record).__name__}"
        )
    fields: dict[str, Any] = {}
    for name in META_FIELDS:
        value = record.get(name)
        if value is not None and value != "":
            fields[name] = str(value)
    if "published" not in fields:
        alias = next((record[a] for a in PUBLISHED_ALIASES if record.get(a)), None)
        if alias is not None:
            fields["published"] = str(alias)
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return read_html(html, origin, **fields)
    text = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None:
        raise MalformedInputError(
            origin, "the record has no text: give one of 'text', 'content', 'body' or 'html'"
        )
    return Article(body=text, origin=origin, **fields)


def iter_json_records(text: str, origin: str) -> Iterator[Article | Failure]:
    """One JSON value: an object (one article) or a list of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(origin, "malformed", f"not valid JSON: {exc}")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        where = f"{origin}[{index}]" if isinstance(data, list) else origin
        yield _article_or_failure(record, where)


def iter_jsonl_records(text: str, origin: str) -> Iterator[Article | Failure]:
    """JSON Lines: one object a line; a bad line is a failure, not the end of the file."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, "malformed", f"not valid JSON: {exc.msg}")
            continue
        yield _article_or_failure(record, where)


def _article_or_failure(record: Any, origin: str) -> Article | Failure:
    try:
        return record_to_article(record, origin)
    except InputError as exc:
        return Failure(origin, exc.reason, exc.message)
