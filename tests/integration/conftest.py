"""Every adapter of a port behind one parametrized fixture, so they are held to one contract.

Embedded adapters always run; PostgreSQL runs when this machine has it; the cloud services
run only with credentials (see `tests/support/cloud.py`), and skip with the reason otherwise.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from pymongo import AsyncMongoClient
from sqlalchemy import column, select, table

from app.bench.redis_server import RedisServer, redis_server_binary
from integrations.chat_history.port import ChatHistoryStore
from integrations.chat_history.sql import SqlChatHistoryStore
from integrations.chat_history.tablestore import TablestoreChatHistoryStore, TablestoreConfig
from integrations.records.mongo import MongoAnalysisRepository
from integrations.records.port import AnalysisRepository
from integrations.records.scans_sql import SqlScanRepository
from integrations.records.sql import SqlAnalysisRepository
from integrations.sql import create_sql_engine, sqlite_url
from integrations.sql.migrate import VERSION_TABLE
from integrations.storage.local import LocalObjectStore
from integrations.storage.oss import OssConfig, OssObjectStore
from integrations.storage.port import ObjectStore
from integrations.storage.signing import UrlSigner
from tests.support import cloud
from tests.support.fake_clock import FakeClock
from tests.support.mongomock_shim import MockAsyncMongoClient, allow_beanie_collection_listing
from tests.support.oss_server import loopback_oss
from tests.support.postgres import fresh_schema
from tests.support.tablestore_fake import FakeTablestore

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


@pytest.fixture(params=[*SQL_BACKENDS, "mongomock", "mongodb"])
async def repository(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AnalysisRepository]:
    backend = request.param
    if backend == "sqlite":
        port: AnalysisRepository = SqlAnalysisRepository(
            create_sql_engine(sqlite_url(tmp_path / "data" / "financials.db"))
        )
    elif backend == "postgresql":
        with fresh_schema() as url:
            async with _started(SqlAnalysisRepository(create_sql_engine(url))) as started:
                yield started
        return
    elif backend == "mongomock":
        allow_beanie_collection_listing(monkeypatch)
        client = cast("AsyncMongoClient[Any]", MockAsyncMongoClient(tz_aware=True))
        port = MongoAnalysisRepository(client, "financials_test")
    else:
        if cloud.MONGODB_URI is None:
            pytest.skip(cloud.missing_reason("MongoDB", ("FINANCIALS_MONGODB_URI",)))
        database = f"financials_test_{uuid.uuid4().hex[:8]}"
        client = AsyncMongoClient(cloud.MONGODB_URI, tz_aware=True)
        try:
            async with _started(MongoAnalysisRepository(client, database)) as started:
                yield started
        finally:
            cleanup: AsyncMongoClient[Any] = AsyncMongoClient(cloud.MONGODB_URI)
            await cleanup.drop_database(database)
            await cleanup.close()
        return
    async with _started(port) as started:
        yield started


@pytest.fixture
def fake_tablestore() -> FakeTablestore:
    return FakeTablestore(rows_per_response=2)


@pytest.fixture(params=[*SQL_BACKENDS, "tablestore-fake", "tablestore"])
async def chat_store(
    request: pytest.FixtureRequest, tmp_path: Path, fake_tablestore: FakeTablestore
) -> AsyncIterator[ChatHistoryStore]:
    backend = request.param
    if backend == "sqlite":
        port: ChatHistoryStore = SqlChatHistoryStore(
            create_sql_engine(sqlite_url(tmp_path / "data" / "financials.db"))
        )
    elif backend == "postgresql":
        with fresh_schema() as url:
            async with _started(SqlChatHistoryStore(create_sql_engine(url))) as started:
                yield started
        return
    elif backend == "tablestore-fake":
        port = TablestoreChatHistoryStore(fake_tablestore.client, table_prefix="test_")
    else:
        values = cloud.group(cloud.TABLESTORE_NAMES)
        if values is None:
            pytest.skip(cloud.missing_reason("Tablestore", cloud.TABLESTORE_NAMES))
        config = TablestoreConfig(
            endpoint=values["FINANCIALS_TABLESTORE_ENDPOINT"],
            instance=values["FINANCIALS_TABLESTORE_INSTANCE"],
            table_prefix=f"financials_test_{uuid.uuid4().hex[:8]}_",
        )
        keys = cloud.credentials(values, "TABLESTORE")
        real = TablestoreChatHistoryStore.from_config(config, keys)
        try:
            async with _started(real) as started:
                yield started
        finally:
            client = real._client  # the test owns these throwaway tables
            for table in client.list_table():
                if table.startswith(config.table_prefix):
                    client.delete_table(table)
        return
    async with _started(port) as started:
        yield started


@dataclass(frozen=True)
class StoreUnderTest:
    """An object store, how a browser would open its links, and its clock, when the test has it."""

    store: ObjectStore
    open_link: Callable[[str], Awaitable[httpx.Response]]
    advance_clock: Callable[[int], None] | None


@pytest.fixture(params=["local", "oss-loopback", "oss"])
async def object_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[StoreUnderTest]:
    backend = request.param
    if backend == "local":
        import dataclasses

        from app.api.main import create_api
        from app.config import get_settings
        from app.services.container import Persistence
        from app.wiring import open_services

        clock = FakeClock()
        store = LocalObjectStore(tmp_path / "objects", UrlSigner(b"k" * 32, clock=clock))
        engine = create_sql_engine(sqlite_url(tmp_path / "unused.db"))
        persistence = Persistence(
            records=SqlAnalysisRepository(engine),
            chat_history=SqlChatHistoryStore(engine),
            scans=SqlScanRepository(engine),
            objects=store,
            local_files=store,
        )
        api = create_api()
        transport = httpx.ASGITransport(app=api)
        async with (
            open_services(get_settings()) as services,
            httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser,
            _started(store),
        ):
            api.state.services = dataclasses.replace(services, persistence=persistence)
            yield StoreUnderTest(store, browser.get, clock.advance)
        return
    if backend == "oss-loopback":
        with loopback_oss("charts", "test-id", "test-secret") as oss:
            bucket_store = OssObjectStore.from_config(
                OssConfig(endpoint=oss.endpoint, bucket="charts", region="cn-hangzhou"),
                cloud.static_keys("test-id", "test-secret"),
            )

            def advance(seconds: int) -> None:
                oss.state.clock_offset_s += seconds

            async with httpx.AsyncClient() as browser, _started(bucket_store):
                yield StoreUnderTest(bucket_store, browser.get, advance)
        return
    values = cloud.group(cloud.OSS_NAMES)
    if values is None:
        pytest.skip(cloud.missing_reason("OSS", cloud.OSS_NAMES))
    real = OssObjectStore.from_config(
        OssConfig(
            endpoint=values["FINANCIALS_OSS_ENDPOINT"],
            bucket=values["FINANCIALS_OSS_BUCKET"],
            region=values["FINANCIALS_OSS_REGION"],
        ),
        cloud.credentials(values, "OSS"),
    )
    async with httpx.AsyncClient() as browser, _started(real):
        yield StoreUnderTest(real, browser.get, None)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """Our own redis-server on a free loopback port (the machine's 6379 is never touched)."""
    binary = redis_server_binary()
    if binary is None:
        pytest.fail("redis-server is missing: run `make system-deps` (Debian: redis-server)")
    with RedisServer(binary) as running:
        assert running.port != 6379
        yield running


def schema_versions(url: str) -> list[str]:
    """The Alembic versions recorded in the database at `url` (one after a clean upgrade)."""
    engine = create_sql_engine(url)
    try:
        with engine.connect() as connection:
            versions: Any = connection.execute(
                select(column("version_num")).select_from(table(VERSION_TABLE))
            )
            return [str(v) for v in versions.scalars().all()]
    finally:
        engine.dispose()
