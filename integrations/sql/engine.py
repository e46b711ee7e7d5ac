"""Engines for the embedded database, with the settings SQLite needs to be a safe default.

The adapters use a sync engine and run its calls in worker threads: any SQLAlchemy URL then
works with its usual driver (`sqlite`, `postgresql+psycopg`), Alembic runs on the same engine,
and nothing is lost on SQLite, whose async drivers use a thread per connection anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

SQLITE_BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run while one writer commits; busy_timeout waits out a writer instead
    # of failing with "database is locked"; foreign keys are off by default in SQLite.
    # busy_timeout first: switching a fresh file to WAL needs a lock another process that
    # is starting at the same moment may hold.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_sql_engine(url: str) -> Engine:
    """An engine for `url`; for a SQLite file, its folder is created first."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def ping(engine: Engine) -> None:
    """One round trip to the database; raises if it does not answer."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
