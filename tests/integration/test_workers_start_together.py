"""Several workers starting together on a fresh database all come up, after one migration.

Three granian workers start at the same moment on an empty SQLite file (or an empty
PostgreSQL schema): each runs the migrations on start, and the database lock (SQLite: a file
lock beside the database; PostgreSQL: an advisory lock) lets one migrate while the others
wait and then find nothing to do. Without it they race on the same DDL and some die.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from integrations.sql import sqlite_url
from tests.integration.conftest import SQL_BACKENDS, schema_versions
from tests.support.api_server import api_server

pytestmark = pytest.mark.slow

WORKERS = 3


@pytest.mark.parametrize("sql_url", SQL_BACKENDS, indirect=True)
def test_three_workers_on_a_fresh_database_all_come_up(sql_url: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    settings = {} if sql_url.startswith("sqlite") else {"database_url": sql_url}
    with api_server(data_dir, workers=WORKERS, **settings) as server:
        for _ in range(4 * WORKERS):  # several connections, so several workers answer
            with httpx.Client(base_url=server.url) as client:
                assert client.get("/api/health/ready").status_code == 200
        log = server.log.read_text()
    started = set(re.findall(r"Started worker-(\d+)", log))
    assert started == {str(n) for n in range(1, WORKERS + 1)}, log[-3000:]
    assert "Traceback" not in log, log[-3000:]
    assert "respawn" not in log.lower(), "a worker died and was started again"
    url = sql_url if not sql_url.startswith("sqlite") else sqlite_url(data_dir / "financials.db")
    assert len(schema_versions(url)) == 1, "one schema version, migrated once"
