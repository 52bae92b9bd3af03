"""Inputs for ingest: what ``khabar.read`` reads, plus RSS/Atom feeds and WARC archives.

Feeds (files or http(s) URLs) are parsed with feedparser: each entry becomes an
article from the entry's own content or summary (pages behind the links are not
fetched). WARC files (``.warc``, ``.warc.gz``) are read with warcio: each HTML
response record becomes an article through khabar's HTML reader. Everything
else goes to :func:`khabar.read.sources.iter_articles`.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.errors import InputError
from khabar.read.article import Article, Failure

FEED_SUFFIXES = (".rss", ".atom", ".rdf")
WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_BYTES = 10_000_000


def kind_of(name: str) -> str:
    """``feed``, ``warc`` or ``file`` (anything ``khabar.read`` understands)."""
    lower = name.lower()
    if lower.startswith(("http://", "https://")):
        return "feed"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(FEED_SUFFIXES):
        return "feed"
    return "file"


def expand(inputs: list[str]) -> list[str]:
    """Globs expanded and feed/WARC files inside directories listed, so each goes to its reader."""
    expanded: list[str] = []
    for name in inputs:
        path = Path(name)
        if kind_of(name) == "file" and glob.has_magic(name) and not path.exists():
            expanded.extend(sorted(glob.glob(name, recursive=True)) or [name])
        elif path.is_dir():
            special = sorted(
                str(p) for p in path.rglob("*") if p.is_file() and kind_of(str(p)) != "file"
            )
            expanded.extend([*special, name])
        else:
            expanded.append(name)
    return expanded


def iter_inputs(inputs: list[str]) -> Iterator[Article | Failure]:
    """Articles and failures from every input, in order."""
    from khabar.read.sources import iter_articles

    for name in expand(inputs):
        kind = kind_of(name)
        if kind == "feed":
            yield from read_feed(name)
        elif kind == "warc":
            yield from read_warc(name)
        else:
            yield from iter_articles([name])


def read_feed(name: str) -> Iterator[Article | Failure]:
    import feedparser

    from khabar.read.html import looks_like_html

    parsed: Any = feedparser.parse(name)
    if parsed.bozo and not parsed.entries:
        yield Failure(name, "malformed", f"not a readable feed: {parsed.get('bozo_exception')}")
        return
    source = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        origin = f"{name}#{number}"
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        if looks_like_html(body) or "<" in body:
            body = _html_text(body)
        if not body.strip():
            yield Failure(origin, "empty", "feed entry has no content or summary")
            continue
        yield Article(
            body=body,
            id=entry.get("id"),
            url=entry.get("link"),
            source=source,
            published=_feed_date(entry),
            title=entry.get("title"),
            language=parsed.feed.get("language"),
            origin=origin,
        )


def _feed_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"


def _html_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml.etree.ParserError):
        return fragment
    paragraphs = [p.text_content().strip() for p in root.iter("p")]
    text = "\n".join(p for p in paragraphs if p)
    return text or root.text_content().strip()


def read_warc(name: str) -> Iterator[Article | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    from khabar.read.encoding import decode_bytes
    from khabar.read.html import read_html

    try:
        stream = open(name, "rb")
    except OSError as exc:
        yield Failure(name, "not-found", str(exc))
        return
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if not record.http_headers.get_statuscode().startswith("2"):
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{name}:{url}"
                try:
                    html = decode_bytes(record.content_stream().read(), origin, MAX_BYTES)
                    yield read_html(html, origin, url=url)
                except InputError as exc:
                    yield Failure(origin, exc.reason, exc.message)
        except Exception as exc:  # warcio raises plain exceptions on damaged archives
            yield Failure(name, "malformed", f"damaged WARC archive: {exc}")
