"""Ingest benchmark on SaudiNewsNet (read in place; skipped when absent).

Measures, per store (SQLite, PostgreSQL) and size: articles/s with 1 and 2 workers and with Ray
on 2 workers, store size per 1k articles, peak memory (RSS of the run and its workers), query
latency p50/p95, syndication groups, and a kill -9/resume check.

    .venv/bin/python benchmarks/ingest.py --sizes 1000 --workers 1 2 --ray --kill-check
    KHABAR_TEST_PG=postgresql://... .venv/bin/python benchmarks/ingest.py --sizes 1000 10000 31000

Each configuration runs in its own process so that peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from itertools import islice
from pathlib import Path

from khabar.evaluation.paths import default_data_dir

CORPUS = Path(
    os.environ.get("KHABAR_SAUDINEWSNET")
    or default_data_dir() / "saudinewsnet" / "articles.jsonl.gz"
)


def fresh_db(kind: str, workdir: Path) -> str:
    if kind == "sqlite":
        return str(workdir / f"bench-{uuid.uuid4().hex[:8]}.db")
    from sqlalchemy import create_engine, text

    from khabar.store.engine import normalise_url

    base = os.environ["KHABAR_TEST_PG"]
    name = f"khabar_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


def drop_db(db: str) -> None:
    """Drop a benchmark database on the PostgreSQL server (SQLite files go with the temp dir)."""
    if "://" not in db:
        return
    from sqlalchemy import create_engine, text

    from khabar.store.engine import normalise_url

    admin = create_engine(normalise_url(os.environ["KHABAR_TEST_PG"]), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {db.rsplit('/', 1)[1]} WITH (FORCE)"))
    admin.dispose()


def db_bytes(db: str) -> int:
    from sqlalchemy import text

    from khabar.store import make_engine

    if "://" not in db:
        wal = Path(db + "-wal")
        return Path(db).stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    engine = make_engine(db)
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return int(size)


def query_latency(db: str, repeat: int = 10) -> dict[str, float]:
    from khabar.store import EventFilter, make_engine, query_events, search_articles, store_counts

    engine = make_engine(db)
    queries = [
        lambda: list(query_events(engine, EventFilter(types=["CONSULT"]), limit=50)),
        lambda: list(query_events(engine, EventFilter(actor="saudi"), limit=50)),
        lambda: list(query_events(engine, EventFilter(date_from="2015-07-01"), limit=50)),
        lambda: search_articles(engine, "وزير الخارجية", limit=50),
        lambda: search_articles(engine, "الرياض", limit=50),
        lambda: store_counts(engine),
    ]
    times = []
    for _ in range(repeat):
        for q in queries:
            start = time.perf_counter()
            q()
            times.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
    }


def run_one(db: str, size: int, workers: int, engine_kind: str) -> dict[str, object]:
    import khabar
    from khabar.store import ingest, ingest_with, iter_inputs, open_store, store_counts

    nlp = khabar.load()
    engine = open_store(db)
    items = islice(iter_inputs([str(CORPUS)]), size)
    if engine_kind == "ray":
        from khabar.scale.ray_engine import RayAnalyser

        with RayAnalyser(nlp.config, workers=workers) as analyser:
            summary = ingest_with(items, engine, analyser, nlp.version)
    else:
        summary = ingest(items, engine, nlp, workers=workers)
    counts = store_counts(engine)
    engine.dispose()
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    size_bytes = db_bytes(db)
    return {
        "articles": summary.added,
        "failed": summary.failed,
        "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.rate, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "db_mb_per_1k": round(size_bytes / 1e6 / max(counts["articles"], 1) * 1000, 2),
        "stories": counts["stories"],
        "events": counts["events"],
        **query_latency(db),
    }


def expected_counts(size: int) -> tuple[int, int]:
    """(distinct texts, unreadable inputs) among the first ``size`` inputs. An uninterrupted
    ingest stores each distinct text (content hash) once, as an article or, when its
    analysis fails, as a failure; an unreadable input is a failure too."""
    from khabar.read.article import Failure
    from khabar.store import iter_inputs
    from khabar.store.textnorm import content_hash

    hashes: set[str] = set()
    unreadable = 0
    for item in islice(iter_inputs([str(CORPUS)]), size):
        if isinstance(item, Failure):
            unreadable += 1
        else:
            hashes.add(content_hash(item.body, item.title))
    return len(hashes), unreadable


def kill_check(kind: str, size: int, workdir: Path) -> dict[str, object]:
    distinct, unreadable = expected_counts(size)
    db = fresh_db(kind, workdir)
    cmd = [sys.executable, __file__, "--one", db, str(size), "1", "local"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from khabar.store import make_engine, open_store, store_counts

    open_store(db).dispose()
    engine = make_engine(db)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and store_counts(engine)["articles"] < size // 3:
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = store_counts(engine)["articles"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = store_counts(engine)
    engine.dispose()
    drop_db(db)
    return {
        "inputs": size,
        "stored_at_kill": before,
        "articles_after_rerun": after["articles"],
        "documents_after_rerun": after["documents"],
        "failures": after["failures"],
        "distinct_texts": distinct,
        "unreadable_inputs": unreadable,
        # Every distinct text stored once (as an article or a failure), every article with
        # its document: nothing lost, nothing twice.
        "ok": after["articles"] == after["documents"]
        and after["articles"] + after["failures"] == distinct + unreadable,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--stores", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--ray", action="store_true", help="also Ray Data on 2 workers")
    parser.add_argument("--kill-check", action="store_true")
    parser.add_argument("--one", nargs=4, metavar=("DB", "SIZE", "WORKERS", "ENGINE"))
    args = parser.parse_args()
    if args.one:
        db, size, workers, engine_kind = args.one
        print(json.dumps(run_one(db, int(size), int(workers), engine_kind)))
        return 0
    if not CORPUS.exists():
        print(f"skipped: SaudiNewsNet not found at {CORPUS}")
        return 0
    stores = [s for s in args.stores if s == "sqlite" or os.environ.get("KHABAR_TEST_PG")]
    if "postgresql" in args.stores and "postgresql" not in stores:
        print("PostgreSQL skipped: set KHABAR_TEST_PG (scripts/start_postgres.sh prints it)")
    configs = [(w, "local") for w in args.workers] + ([(2, "ray")] if args.ray else [])
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for kind in stores:
            for size in args.sizes:
                for workers, engine_kind in configs:
                    db = fresh_db(kind, workdir)
                    out = subprocess.run(
                        [
                            sys.executable,
                            __file__,
                            "--one",
                            db,
                            str(size),
                            str(workers),
                            engine_kind,
                        ],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    result = json.loads(out.stdout.strip().splitlines()[-1])
                    drop_db(db)
                    label = {"store": kind, "size": size, "workers": workers, "engine": engine_kind}
                    print(json.dumps({**label, **result}), flush=True)
            if args.kill_check:
                check = kill_check(kind, min(args.sizes), workdir)
                print(json.dumps({"store": kind, "kill_check": check}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
