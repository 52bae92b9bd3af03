"""The pipeline: ordered, named stages over one Document.

``Pipeline`` checks when it is built that every stage's requirements are set
by the input or by an earlier stage, and fails with a message naming what is
missing. It analyses one text (``nlp(text, ...)``), one :class:`Article`
(``nlp.process``) or many (``nlp.pipe``, on several processes if asked).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Literal

from khabar import __version__
from khabar.config import Config
from khabar.document import Document
from khabar.errors import EmptyInputError, InputError, InputTooLargeError, PipelineError
from khabar.read.article import Article, Failure
from khabar.read.dates import parse_published
from khabar.registry import INITIAL_PARTS, Stage, build_stage, stage_class


class Pipeline:
    def __init__(self, stages: list[Stage], config: Config) -> None:
        check_stages([(s.name, s.requires, s.sets) for s in stages])
        self.stages = stages
        self.config = config

    @classmethod
    def from_config(cls, config: Config) -> Pipeline:
        # Check the plan from the classes before building anything heavy.
        plan = []
        for name in config.pipeline:
            klass = stage_class(name)
            plan.append((name, tuple(klass.requires), tuple(klass.sets)))
        check_stages(plan)
        return cls([build_stage(name, config) for name in config.pipeline], config)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    @property
    def version(self) -> str:
        """Identifies what produced a document: khabar's version and the stages run."""
        return f"khabar {__version__} [{' '.join(self.names)}]"

    # -- one article ------------------------------------------------------
    def __call__(
        self,
        text: str,
        *,
        published: str | None = None,
        url: str | None = None,
        title: str | None = None,
        id: str | None = None,
        source: str | None = None,
        language: str | None = None,
    ) -> Document:
        article = Article(
            body=text,
            id=id,
            url=url,
            source=source,
            published=published,
            title=title,
            language=language,
        )
        return self.process(article)

    def process(self, article: Article) -> Document:
        doc = self.make_document(article)
        for stage in self.stages:
            doc = stage(doc)
            doc.stages.append(stage.name)
        return doc

    def make_document(self, article: Article) -> Document:
        body = article.body
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > self.config.max_input_bytes:
            raise InputTooLargeError(
                article.origin,
                f"{size:,} bytes is over the limit of {self.config.max_input_bytes:,} "
                "(raise it with --max-bytes or the max_input_bytes setting)",
            )
        if not body.strip() and not (article.title or "").strip():
            raise EmptyInputError(article.origin, "no text to analyse")
        published = parse_published(article.published)
        weak = article.published_weak
        if published is None:
            published = parse_published(self.config.default_published)
            weak = published is not None
        language = article.language
        if self.config.language != "auto":
            language = self.config.language
        doc = Document(
            text=body,
            id=article.id or _content_id(article),
            url=article.url,
            source=article.source,
            language=language,
            published=published,
            title=article.title.strip() if article.title else None,
        )
        doc.published_weak = weak
        doc.headline_first_line = article.headline_first_line and not doc.title
        doc.byline.authors.extend(article.authors)
        return doc

    # -- many articles ----------------------------------------------------
    def pipe(
        self,
        items: Iterable[Article | Failure | str],
        *,
        n_process: int = 1,
        batch_size: int = 16,
        errors: Literal["raise", "record"] = "raise",
    ) -> Iterator[Document | Failure]:
        """Analyse many articles, in input order.

        With ``errors="record"`` an input that fails becomes a :class:`Failure`
        in the output instead of stopping the batch; failures read by a reader
        pass through either way.
        """
        if n_process < 1:
            raise PipelineError("n_process must be 1 or more")
        articles = (Article(body=i) if isinstance(i, str) else i for i in items)
        if n_process == 1:
            for item in articles:
                yield _run_one(self, item, errors)
            return
        context = multiprocessing.get_context("fork")
        with context.Pool(
            n_process, initializer=_init_worker, initargs=(self.config, errors)
        ) as pool:
            yield from pool.imap(_work, articles, chunksize=batch_size)


def check_stages(plan: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    """Fail unless each stage's requirements are set before it runs."""
    available = set(INITIAL_PARTS)
    for name, requires, sets in plan:
        missing = [part for part in requires if part not in available]
        if missing:
            hints = [_setter_hint(part) for part in missing]
            raise PipelineError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage sets; "
                + "; ".join(hints)
            )
        available.update(sets)


def _setter_hint(part: str) -> str:
    from khabar.registry import stage_names

    for candidate in stage_names():
        try:
            if part in stage_class(candidate).sets:
                return f"add stage {candidate!r} before it to set {part}"
        except PipelineError:
            continue
    return f"no known stage sets {part}"


def _content_id(article: Article) -> str:
    digest = hashlib.sha1()
    digest.update((article.title or "").encode("utf-8", "surrogatepass"))
    digest.update(b"\n")
    digest.update(article.body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _run_one(
    nlp: Pipeline, item: Article | Failure, errors: Literal["raise", "record"]
) -> Document | Failure:
    if isinstance(item, Failure):
        return item
    if errors == "raise":
        return nlp.process(item)
    try:
        return nlp.process(item)
    except InputError as exc:
        return Failure(item.origin, exc.reason, exc.message)
    except Exception as exc:  # a bug in a stage must not lose the rest of a batch
        return Failure(item.origin, "internal-error", f"{type(exc).__name__}: {exc}")


_worker: tuple[Pipeline, Literal["raise", "record"]] | None = None


def _init_worker(config: Config, errors: Literal["raise", "record"]) -> None:
    global _worker
    _worker = (Pipeline.from_config(config), errors)
    tune_gc()


def tune_gc() -> None:
    """For a process that analyses many articles: move the loaded resources out of the
    collector's way and collect less often. Analysis makes thousands of small objects per
    article, and the default thresholds spend 1-1.5 ms an article re-scanning the lexicons."""
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)


def _work(item: Article | Failure) -> Document | Failure:
    if _worker is None:
        raise PipelineError("worker used before it was initialised")
    nlp, errors = _worker
    return _run_one(nlp, item, errors)
