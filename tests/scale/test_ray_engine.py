"""A local 2-CPU Ray run stores the same documents as a local run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'khabar[ray]'")

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))

import fake_nlp  # noqa: E402
from fake_nlp import FakeNLP, article  # noqa: E402

from khabar.read.article import Failure  # noqa: E402
from khabar.scale.ray_engine import RayAnalyser  # noqa: E402
from khabar.store import export, ingest, ingest_with, open_store  # noqa: E402


def test_ray_and_local_runs_store_identical_documents(tmp_path: Path) -> None:
    items = [
        article(f"Item {i}: envoys met in Muscat.\n@event CONSULT asserted Iran>Houthis", i)
        for i in range(40)
    ]
    items.append(article("", 99))
    local = open_store(str(tmp_path / "local.db"))
    ingest(list(items), local, FakeNLP())
    remote = open_store(str(tmp_path / "ray.db"))
    # Workers unpickle the fake pipeline by value: its test module is not installed for them.
    ray.cloudpickle.register_pickle_by_value(fake_nlp)
    with RayAnalyser(workers=2, factory=FakeNLP, window=64) as analyser:
        summary = ingest_with(iter(list(items)), remote, analyser, FakeNLP().version)
    assert summary.added == 40 and summary.failed == 1
    out_local, out_ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    export(local, "jsonl", out_local)
    export(remote, "jsonl", out_ray)
    assert out_local.read_text(encoding="utf-8") == out_ray.read_text(encoding="utf-8")
    assert not isinstance(summary, Failure)
