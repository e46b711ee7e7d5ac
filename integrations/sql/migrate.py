"""Applies the Alembic migrations in `migrations/` from code, on every start.

Runs inside one transaction on the caller's engine, so a failed migration leaves the schema as
it was (PostgreSQL and SQLite both have transactional DDL). Workers and replicas that start
together on a fresh database must not run the same DDL at once, so migrating holds a
database-wide lock: on PostgreSQL an advisory lock (held until the transaction ends), on a
SQLite file an exclusive file lock beside it. The first holder migrates; the others wait, then
find the schema at head and do nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "financials_schema_version"
_PG_LOCK_KEY = 0x66696E616E6369  # "financi": any constant shared by every replica
LOCK_TIMEOUT_S = 120.0
_LOCK_POLL_S = 0.05


class MigrationLockTimeoutError(RuntimeError):
    """Another process held the migration lock for longer than any migration takes."""


def alembic_config(connection: Connection) -> Config:
    """A file-less Alembic config bound to `connection` (read by `migrations/env.py`)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def lock_path(database: str) -> Path:
    """The file whose lock serialises migrations of the SQLite database at `database`."""
    path = Path(database)
    return path.with_name(f"{path.name}.migrate.lock")


@contextlib.contextmanager
def _file_lock(path: Path, timeout_seconds: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_seconds
    with path.open("a+b") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise MigrationLockTimeoutError(
                        f"another process has been migrating {path.stem} for over "
                        f"{timeout_seconds:g} s; if none is running, delete {path}"
                    ) from None
                time.sleep(_LOCK_POLL_S)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _sqlite_lock(engine: Engine, timeout_seconds: float) -> Iterator[None]:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # an in-memory database is private to its process
        return
    with _file_lock(lock_path(database), timeout_seconds):
        yield


def upgrade_to_head(engine: Engine, lock_timeout_seconds: float = LOCK_TIMEOUT_S) -> None:
    with _sqlite_lock(engine, lock_timeout_seconds), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        command.upgrade(alembic_config(connection), "head")
