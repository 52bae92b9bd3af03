"""Schema migrations with Alembic; the scripts live in ``khabar/store/migrations``.

:func:`upgrade` brings a store to the newest schema and is safe to call from
several processes at once: on PostgreSQL an advisory lock serialises them, on
SQLite the migration runs inside one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

SCRIPT_LOCATION = "khabar.store:migrations"


def alembic_config(engine: Engine) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    config = AlembicConfig()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return ScriptDirectory.from_config(config).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the store to ``revision`` (the newest by default)."""
    if current_revision(engine) == head_revision() and revision == "head":
        return
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)
