"""Every adapter of a port behind one parametrized fixture, so they are held to one contract.

Embedded adapters always run; PostgreSQL runs when this machine has it, and skips with the
reason otherwise.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from integrations.chat_history.port import ChatHistoryStore
from integrations.chat_history.sql import SqlChatHistoryStore
from integrations.records.port import AnalysisRepository
from integrations.records.sql import SqlAnalysisRepository
from integrations.sql import create_sql_engine, sqlite_url
from tests.support.postgres import fresh_schema

SQL_BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture
def sql_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "data" / "financials.db")
    else:
        with fresh_schema() as url:
            yield url


@asynccontextmanager
async def _started(port: Any) -> AsyncIterator[Any]:
    await port.start()
    try:
        yield port
    finally:
        await port.close()


@pytest.fixture(params=SQL_BACKENDS)
async def repository(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[AnalysisRepository]:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "data" / "financials.db")
        async with _started(SqlAnalysisRepository(create_sql_engine(url))) as started:
            yield started
        return
    with fresh_schema() as url:
        async with _started(SqlAnalysisRepository(create_sql_engine(url))) as started:
            yield started


@pytest.fixture(params=SQL_BACKENDS)
async def chat_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[ChatHistoryStore]:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "data" / "financials.db")
        async with _started(SqlChatHistoryStore(create_sql_engine(url))) as started:
            yield started
        return
    with fresh_schema() as url:
        async with _started(SqlChatHistoryStore(create_sql_engine(url))) as started:
            yield started
