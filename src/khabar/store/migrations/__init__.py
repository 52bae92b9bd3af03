"""Alembic migration scripts of the khabar store (run through ``khabar.store.migrate``)."""
