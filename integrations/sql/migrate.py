"""Applies the Alembic migrations in `migrations/` from code, on every start.

Runs inside one transaction on the caller's engine, so a failed migration leaves the schema as
it was (PostgreSQL and SQLite both have transactional DDL). On PostgreSQL an advisory lock
makes replicas that start together migrate one after another.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "financials_schema_version"
_PG_LOCK_KEY = 0x66696E616E6369  # "financi": any constant shared by every replica


def alembic_config(connection: Connection) -> Config:
    """A file-less Alembic config bound to `connection` (read by `migrations/env.py`)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        command.upgrade(alembic_config(connection), "head")
