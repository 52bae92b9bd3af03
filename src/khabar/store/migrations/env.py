"""Alembic environment: runs migrations on the engine that ``khabar.store.migrate`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, text

from khabar.store.schema import metadata

# Any constant shared by every khabar process: it names the PostgreSQL advisory lock.
_MIGRATION_LOCK = 0x6B686162


def run_migrations_online() -> None:
    engine = context.config.attributes.get("engine")
    if not isinstance(engine, Engine):
        raise RuntimeError("run khabar migrations through khabar.store.migrate.upgrade(engine)")
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            transactional_ddl=True,
        )
        context.run_migrations()


run_migrations_online()
