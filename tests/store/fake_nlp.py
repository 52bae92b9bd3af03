"""A tiny stand-in pipeline for store tests: Documents built by hand from markers in the text.

A line ``@event TYPE STATUS Actor>Recipient`` adds an event; ``@fail`` makes the
article fail. Actors come from a small table written for these tests.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from khabar.document import Actor, Claim, Document, Event, Sentence, Span
from khabar.read.article import Article, Failure

ACTORS = {
    "Russia": ("RUS", "GOV", "Q159", "روسيا"),
    "Ukraine": ("UKR", "GOV", "Q212", "أوكرانيا"),
    "Iran": ("IRN", "GOV", "Q794", "إيران"),
    "Houthis": ("YEM", "REB", "Q1060563", "الحوثيون"),
    "Saudi Arabia": ("SAU", "GOV", "Q851", "السعودية"),
}
_EVENT = re.compile(r"@event (\w+) (\w+) ([^>\n]+)>([^\n]+)")


class FakeNLP:
    def __init__(self, version: str = "fake 1", delay: float = 0.0) -> None:
        self.version = version
        self.delay = delay

    def process(self, article: Article) -> Document:
        if self.delay:
            time.sleep(self.delay)
        if not article.body.strip():
            raise ValueError("no text to analyse")
        if "@fail" in article.body:
            raise ValueError("the fake pipeline was told to fail")
        text = article.body
        doc = Document(
            text=text,
            id=article.id or hashlib.sha1(text.encode()).hexdigest()[:16],
            url=article.url,
            source=article.source,
            language="ar" if re.search("[\u0600-\u06ff]", text) else "en",
            published=article.published,
            title=article.title,
            sentences=[Sentence(0, len(text))],
        )
        for n, match in enumerate(_EVENT.finditer(text), 1):
            kind, status, first, second = match.groups()
            ids = [_actor(doc, first.strip()), _actor(doc, second.strip())]
            claim = None
            if status == "denied":
                claim = f"c{n}"
                doc.claims.append(
                    Claim(claim, ids[1], doc.span(0, 5), None, Span(0, len(text)), stance="deny")
                )
            doc.events.append(
                Event(
                    id=f"e{n}",
                    type=kind,
                    trigger=doc.span(match.start(), match.start() + 6),
                    sentence=0,
                    actor=[ids[0]],
                    recipient=[ids[1]],
                    status=status,
                    claim=claim,
                    when={"text": "", "start": article.published, "end": article.published},
                )
            )
        return doc

    def pipe(
        self, items: Iterable[Article | Failure], *, n_process: int = 1, errors: Any = "record"
    ) -> Iterator[Document | Failure]:
        if n_process == 1:
            for item in items:
                yield _run(self, item)
            return
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            yield from pool.imap(_Work(self), items, chunksize=4)


class _Work:
    def __init__(self, nlp: FakeNLP) -> None:
        self.nlp = nlp

    def __call__(self, item: Article | Failure) -> Document | Failure:
        return _run(self.nlp, item)


def _run(nlp: FakeNLP, item: Article | Failure) -> Document | Failure:
    if isinstance(item, Failure):
        return item
    try:
        return nlp.process(item)
    except ValueError as exc:
        return Failure(item.origin, "analysis", str(exc))


def _actor(doc: Document, name: str) -> str:
    for actor in doc.actors:
        if actor.name == name:
            return actor.id
    country, sector, qid, arabic = ACTORS.get(name, (None, None, None, None))
    actor_id = f"a{len(doc.actors) + 1}"
    doc.actors.append(Actor(actor_id, name, arabic, "state", country, sector, qid))
    return actor_id


def article(body: str, n: int = 0, **fields: Any) -> Article:
    fields.setdefault("published", "2024-03-05")
    fields.setdefault("source", f"outlet{n}")
    return Article(body=body, origin=f"test:{n}", **fields)
