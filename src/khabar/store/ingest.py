"""Ingest: read inputs, analyse what is new, write it to the store in transactions.

Idempotent: an article is identified by the hash of its folded text
(:func:`khabar.store.textnorm.content_hash`), looked up before analysis and
enforced by a unique index when written, so a rerun, or a second process on
the same inputs, stores nothing twice. Resumable: every ``batch_size``
articles are committed in one transaction, so a process killed at any point
loses at most the batch in flight, which the next run analyses again.
``--reprocess`` re-analyses stored articles whose document was made by another
pipeline version.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from sqlalchemy import Engine, select

from khabar.document import Document
from khabar.read.article import Article, Failure
from khabar.store import write
from khabar.store.engine import READ_ONLY, make_engine
from khabar.store.migrate import upgrade
from khabar.store.schema import articles, documents
from khabar.store.textnorm import content_hash

BATCH_SIZE = 64
LOOKUP_CHUNK = 256


class Analyser(Protocol):
    """What ingest needs of a pipeline (``khabar.load()`` returns one)."""

    @property
    def version(self) -> str: ...

    def pipe(
        self, items: Iterable[Article | Failure], *, n_process: int = 1, errors: Any = "record"
    ) -> Iterator[Document | Failure]: ...


# Maps articles to documents in input order, e.g. a pipeline's pipe() or a Ray job.
MapFn = Callable[[Iterator[Article | Failure]], Iterator[Document | Failure]]


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    reprocessed: int = 0
    failed: int = 0
    syndicated: int = 0
    seconds: float = 0.0
    version: str = ""
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return (self.added + self.reprocessed) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rate"] = round(self.rate, 1)
        data["seconds"] = round(self.seconds, 2)
        return data


ProgressFn = Callable[[IngestSummary], None]


def open_store(db: str) -> Engine:
    """An engine on ``db``, migrated to the newest schema (created if new)."""
    engine = make_engine(db)
    upgrade(engine)
    return engine


def ingest(
    items: Iterable[Article | Failure],
    engine: Engine,
    nlp: Analyser,
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Analyse and store every new article of ``items`` with ``nlp`` on ``workers`` processes."""

    def analyse(stream: Iterator[Article | Failure]) -> Iterator[Document | Failure]:
        return nlp.pipe(stream, n_process=workers, errors="record")

    return ingest_with(
        items, engine, analyse, nlp.version, batch_size=batch_size, progress=progress
    )


def ingest_with(
    items: Iterable[Article | Failure],
    engine: Engine,
    analyse: MapFn,
    version: str,
    *,
    batch_size: int = BATCH_SIZE,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """:func:`ingest` with any order-keeping ``analyse`` function (local processes, Ray)."""
    summary = IngestSummary(version=version)
    started = time.perf_counter()
    pending: deque[tuple[Article | Failure, str]] = deque()
    new_items = _new_only(items, engine, pending, summary)
    batch: list[tuple[Article | Failure, str, Document | Failure]] = []
    for result in analyse(new_items):
        item, digest = pending.popleft()
        batch.append((item, digest, result))
        if len(batch) >= batch_size:
            _commit(engine, batch, version, summary)
            batch = []
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)
    if batch:
        _commit(engine, batch, version, summary)
    summary.seconds = time.perf_counter() - started
    if progress:
        progress(summary)
    return summary


def _new_only(
    items: Iterable[Article | Failure],
    engine: Engine,
    pending: deque[tuple[Article | Failure, str]],
    summary: IngestSummary,
) -> Iterator[Article | Failure]:
    """Items whose content is not stored yet; remembers each in ``pending`` for pairing.

    It may run in a pool's feeder thread, so it uses its own connections.
    """
    seen: set[str] = set()
    chunk: list[tuple[Article | Failure, str]] = []

    def flush() -> Iterator[Article | Failure]:
        hashes = [digest for item, digest in chunk if digest]
        stored: set[str] = set()
        if hashes:
            with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
                stored = set(
                    conn.execute(
                        select(articles.c.content_hash).where(articles.c.content_hash.in_(hashes))
                    ).scalars()
                )
        for item, digest in chunk:
            if digest and (digest in stored or digest in seen):
                summary.duplicates += 1
                continue
            if digest:
                seen.add(digest)
            pending.append((item, digest))
            yield item
        chunk.clear()

    for item in items:
        if isinstance(item, Article):
            summary.read += 1
            chunk.append((item, content_hash(item.body, item.title)))
        else:
            chunk.append((item, ""))
        if len(chunk) >= LOOKUP_CHUNK:
            yield from flush()
    yield from flush()


def _commit(
    engine: Engine,
    batch: list[tuple[Article | Failure, str, Document | Failure]],
    version: str,
    summary: IngestSummary,
) -> None:
    entries = []
    with engine.begin() as conn:
        for item, digest, result in batch:
            if isinstance(result, Failure):
                write.add_failure(conn, result)
                summary.failed += 1
                if len(summary.failures) < 20:
                    summary.failures.append(f"{result.origin}: {result.reason}: {result.message}")
            elif isinstance(item, Article):
                entries.append((item, result, digest))
        stored = write.add_articles(conn, entries, version)
    summary.added += len(stored)
    summary.duplicates += len(entries) - len(stored)
    summary.syndicated += sum(1 for pk, group in stored.values() if group != pk)


def stale_articles(engine: Engine, version: str, page: int = 500) -> Iterator[tuple[int, Article]]:
    """Stored articles whose document another pipeline version made, in pk order, page by page."""
    last = 0
    while True:
        with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
            rows = conn.execute(
                select(articles)
                .outerjoin(documents, documents.c.article_pk == articles.c.pk)
                .where(articles.c.pk > last)
                .where((documents.c.pipeline_version != version) | documents.c.article_pk.is_(None))
                .order_by(articles.c.pk)
                .limit(page)
            ).all()
        if not rows:
            return
        for row in rows:
            last = row.pk
            yield (
                row.pk,
                Article(
                    body=row.body,
                    id=row.doc_id,
                    url=row.url,
                    source=row.source,
                    published=row.published,
                    title=row.title,
                    origin=row.origin or f"store:{row.pk}",
                ),
            )


def reprocess(
    engine: Engine,
    nlp: Analyser,
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Re-analyse stored articles made by another pipeline version; resumable the same way."""
    version = nlp.version
    summary = IngestSummary(version=version)
    started = time.perf_counter()
    pks: deque[int] = deque()

    def stream() -> Iterator[Article]:
        for pk, article in stale_articles(engine, version):
            summary.read += 1
            pks.append(pk)
            yield article

    batch: list[tuple[int, Document | Failure]] = []

    def commit() -> None:
        with engine.begin() as conn:
            for pk, result in batch:
                if isinstance(result, Failure):
                    write.add_failure(conn, result)
                    summary.failed += 1
                else:
                    write.replace_analysis(conn, pk, result, version)
                    summary.reprocessed += 1
        batch.clear()
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    for result in nlp.pipe(stream(), n_process=workers, errors="record"):
        batch.append((pks.popleft(), result))
        if len(batch) >= batch_size:
            commit()
    commit()
    return summary
