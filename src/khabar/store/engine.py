"""Store URLs and engines: a SQLite file by default, PostgreSQL for a shared server.

``--db`` takes a path (``khabar.db``), a ``sqlite:///`` URL or a
``postgresql://`` URL. SQLite runs in WAL mode with a busy timeout so that
several ingest processes and readers can share one file; write transactions
start with ``BEGIN IMMEDIATE`` so that two writers queue on the lock instead of
failing when a read turns into a write.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url

from khabar.store.errors import StoreError

SQLITE_BUSY_TIMEOUT_MS = 60_000
# Execution option that marks a connection as read-only, so it begins a plain
# (deferred) SQLite transaction and never waits for the write lock.
READ_ONLY = "khabar_read_only"


def normalise_url(db: str) -> str:
    """Turn what a user gives ``--db`` into a SQLAlchemy URL."""
    if not db:
        raise StoreError(
            "no store given: pass --db PATH for a SQLite file or --db postgresql://..."
        )
    if "://" not in db:
        return f"sqlite:///{db}"
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        # psycopg 3 is the driver khabar installs; SQLAlchemy's default would be psycopg2.
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith("postgresql+") or scheme.startswith("sqlite"):
        return db
    raise StoreError(
        f"unsupported store URL scheme {scheme!r}: use a file path, sqlite:/// or postgresql://"
    )


def dialect_of(db: str) -> str:
    """``"sqlite"`` or ``"postgresql"``."""
    return make_url(normalise_url(db)).get_backend_name()


def make_engine(db: str, **kwargs: Any) -> Engine:
    """Create an engine for ``db`` with the settings khabar relies on."""
    url = normalise_url(db)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
