"""The PostgreSQL the SQL contract tests also run on, when this machine has one.

Each use gets its own schema (dropped afterwards), so reruns and parallel runs never see each
other's rows. Without a reachable server the tests skip with the reason, as on a fresh laptop.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import psycopg
import pytest

# The PostgreSQL the project's machines run; FINANCIALS_TEST_POSTGRES_URL points elsewhere.
SERVER = os.environ.get("FINANCIALS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
_probe: str | None = None


def unreachable_reason() -> str | None:
    """Why PostgreSQL cannot be used (probed once), or None when it can."""
    global _probe
    if _probe is None:
        try:
            with psycopg.connect(SERVER, connect_timeout=3):
                _probe = ""
        except psycopg.Error as exc:
            _probe = f"PostgreSQL at {SERVER} is not reachable ({type(exc).__name__}); " + (
                "the SQL contract tests ran on SQLite only"
            )
    return _probe or None


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A SQLAlchemy URL whose connections see only a new, empty schema."""
    reason = unreachable_reason()
    if reason:
        pytest.skip(reason)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        url = SERVER.replace("postgresql://", "postgresql+psycopg://", 1)
        yield f"{url}?options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(SERVER, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
