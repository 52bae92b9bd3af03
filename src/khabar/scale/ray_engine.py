"""``--engine ray``: the same pipeline mapped over a Ray cluster with Ray Data.

Each Ray worker builds the pipeline once (``khabar.load(config)``, or any
picklable ``factory``) and analyses batches of articles; documents travel back
as khabar/1 JSON, so a Ray run stores exactly what a local run stores. Results
are put back in input order by index. Ray is an optional extra
(``pip install khabar[ray]``) imported only here.

To use a real cluster, start it (``ray start --head`` on one machine,
``ray start --address=HEAD:6379`` on the others, each with khabar installed)
and pass ``--ray-address HEAD:6379`` (or set ``RAY_ADDRESS``); see docs/store.md.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from itertools import islice
from types import TracebackType
from typing import Any

from khabar.config import Config
from khabar.document import Document
from khabar.errors import ConfigError
from khabar.read.article import Article, Failure

WINDOW = 2048
BATCH_SIZE = 32


def _load(config: Config) -> Any:
    import khabar

    return khabar.load(config)


class _AnalyseBatch:
    """A Ray Data callable class: builds the pipeline once per worker."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.nlp = factory()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [Article(**json.loads(a)) for a in batch["article"]]
        outputs = []
        for result in self.nlp.pipe(articles, n_process=1, errors="record"):
            if isinstance(result, Failure):
                outputs.append(json.dumps({"failure": asdict(result)}, ensure_ascii=False))
            else:
                outputs.append(json.dumps({"document": result.to_dict()}, ensure_ascii=False))
        return {"index": batch["index"], "result": outputs}


def _decode(payload: str) -> Document | Failure:
    data = json.loads(payload)
    if "failure" in data:
        return Failure(**data["failure"])
    return Document.from_dict(data["document"])


class RayAnalyser:
    """Maps articles to documents on Ray, in input order (an ingest ``MapFn``)."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        workers: int = 2,
        address: str | None = None,
        factory: Callable[[], Any] | None = None,
        window: int = WINDOW,
    ) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ConfigError(
                "--engine ray needs Ray: pip install 'khabar[ray]' (ray[data])"
            ) from exc
        self.ray = ray
        self.workers = workers
        self.window = window
        self.factory = factory or functools.partial(_load, config or Config())
        self.started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address:
                options["address"] = address
            else:
                options["num_cpus"] = workers
            ray.init(**options)
            self.started = True

    def __enter__(self) -> RayAnalyser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
            self.started = False

    def __call__(self, items: Iterator[Article | Failure]) -> Iterator[Document | Failure]:
        while True:
            window = list(islice(items, self.window))
            if not window:
                return
            yield from self.map_window(window)

    def map_window(self, window: list[Article | Failure]) -> list[Document | Failure]:
        results: list[Document | Failure | None] = [
            item if isinstance(item, Failure) else None for item in window
        ]
        rows = [
            {"index": i, "article": json.dumps(asdict(item), ensure_ascii=False)}
            for i, item in enumerate(window)
            if isinstance(item, Article)
        ]
        if rows:
            dataset = self.ray.data.from_items(rows).map_batches(
                _AnalyseBatch,
                fn_constructor_kwargs={"factory": self.factory},
                batch_size=BATCH_SIZE,
                concurrency=self.workers,
                num_cpus=1,
            )
            for row in dataset.take_all():
                results[int(row["index"])] = _decode(row["result"])
        return [r for r in results if r is not None]


def analyse_to_parquet(
    items: Iterator[Article | Failure], out_dir: str, analyser: RayAnalyser
) -> int:
    """Analyse on Ray and write documents as Parquet files (id, source, published, document)."""
    from pathlib import Path

    import pyarrow as pa
    import pyarrow.parquet as pq

    Path(out_dir).mkdir(parents=True, exist_ok=True)
    count = 0
    part = 0
    while True:
        window = list(islice(items, analyser.window))
        if not window:
            return count
        docs = [d for d in analyser.map_window(window) if isinstance(d, Document)]
        table = pa.Table.from_pylist(
            [
                {"id": d.id, "source": d.source, "published": d.published, "document": d.to_json()}
                for d in docs
            ]
        )
        pq.write_table(table, f"{out_dir}/part-{part:05d}.parquet")
        part += 1
        count += len(docs)
