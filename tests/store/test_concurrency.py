"""Two ingest processes and a reader on one store, and a kill -9 in the middle of an ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, text

from khabar.store import EventFilter, open_store, query_events, store_counts

WORKER = str(Path(__file__).parent / "ingest_proc.py")


def start(db: str, first: int, last: int, delay: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, WORKER, db, str(first), str(last), str(delay)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def distinct_hashes(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        unique = conn.execute(
            text("SELECT count(DISTINCT content_hash) FROM articles")
        ).scalar_one()
    return total, unique


def test_two_writers_and_a_reader_lose_nothing(db_url: str) -> None:
    engine = open_store(db_url)
    # Overlapping ranges: 0..59 and 30..89, so 30 articles race between the writers.
    writers = [start(db_url, 0, 60, 0.002), start(db_url, 30, 90, 0.002)]
    reads = 0
    while any(w.poll() is None for w in writers):
        list(query_events(engine, EventFilter(text="council budget"), limit=5))
        store_counts(engine)
        reads += 1
        time.sleep(0.05)
    for w in writers:
        _, err = w.communicate()
        assert w.returncode == 0, err
    assert reads > 0
    assert distinct_hashes(engine) == (90, 90)
    counts = store_counts(engine)
    assert counts["documents"] == 90 and counts["failures"] == 0
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    engine.dispose()


def test_kill_9_then_rerun_loses_and_duplicates_nothing(db_url: str) -> None:
    engine = open_store(db_url)
    proc = start(db_url, 0, 200, 0.01)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and store_counts(engine)["articles"] < 20:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = store_counts(engine)["articles"]
    assert 0 < stored < 200, "the kill should land in the middle of the ingest"
    rerun = start(db_url, 0, 200, 0.0)
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    added, duplicates = map(int, out.split())
    assert (added, duplicates) == (200 - stored, stored)
    assert distinct_hashes(engine) == (200, 200)
    counts = store_counts(engine)
    assert counts["documents"] == counts["articles"] == 200
    engine.dispose()
