"""Store fixtures: every store test runs on SQLite and, when KHABAR_TEST_PG is set, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from khabar.store import open_store
from khabar.store.engine import normalise_url

PG_URL = os.environ.get("KHABAR_TEST_PG")
PG_SKIP = "PostgreSQL tests need KHABAR_TEST_PG=postgresql://... (see scripts/start_postgres.sh)"


def fresh_pg_database() -> str:
    """A new, empty database on the test server; its URL."""
    if not PG_URL:
        pytest.skip(PG_SKIP)
    name = f"khabar_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    if not PG_URL:
        return
    name = url.rsplit("/", 1)[1]
    admin = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    url = fresh_pg_database()
    yield url
    drop_pg_database(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_store(db_url)
    yield eng
    eng.dispose()
