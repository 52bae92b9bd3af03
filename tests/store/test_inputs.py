"""Feeds and WARC archives as ingest inputs (files written by the test)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.read.article import Article, Failure
from khabar.store.inputs import iter_inputs, kind_of

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><language>ar</language>
<item><title>قمة في الرياض</title><link>https://example.org/a</link>
<guid>a-1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;اجتمع القادة في الرياض لبحث التعاون.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/b</link></item>
</channel></rss>"""

PAGE = """<html><head><title>Port reopens</title></head><body><article>
<h1>Port reopens</h1><p>The port of Hodeidah reopened on Monday after repairs, officials said,
and the first ships unloaded grain and fuel for the region.</p>
<p>Aid agencies welcomed the move and asked for more berths.</p></article></body></html>"""


def write_warc(path: Path) -> None:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://example.org/port",
            "response",
            payload=io.BytesIO(PAGE.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/x.png",
                "response",
                payload=io.BytesIO(b"\x89PNG"),
                http_headers=image,
            )
        )


def test_kinds() -> None:
    assert kind_of("https://example.org/feed") == "feed"
    assert kind_of("crawl.warc.gz") == "warc"
    assert kind_of("news.rss") == "feed"
    assert kind_of("a.jsonl.gz") == "file"


def test_feed_and_warc(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz")
    (tmp_path / "note.txt").write_text("A plain text article about the harbour.", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    by_url = {a.url: a for a in articles}
    feed = by_url["https://example.org/a"]
    assert feed.title == "قمة في الرياض" and feed.published == "2024-03-05"
    assert feed.source == "Test Wire" and "الرياض" in feed.body and "<p>" not in feed.body
    assert "Hodeidah" in by_url["https://example.org/port"].body
    assert any("harbour" in a.body for a in articles)
    assert [f.reason for f in failures] == ["empty"]
