"""One contract for every `ScanRepository`: a user's scans and watchlist, and a cancel request
that a progress save cannot undo.

SQLite always runs; PostgreSQL at 127.0.0.1:5432 (db `test`) when reachable, skipping with the
reason otherwise; MongoDB through mongomock (the fake the records contract uses) always, and a
real server only with FINANCIALS_MONGODB_URI.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from pymongo import AsyncMongoClient

from integrations.paging import InvalidPageRequestError
from integrations.records.errors import RecordConflictError
from integrations.records.scans import (
    ScanRecord,
    ScanRepository,
    ScanStatus,
    Watchlist,
    touched,
)
from integrations.records.scans_mongo import MongoScanRepository
from integrations.records.scans_sql import SqlScanRepository
from integrations.sql import create_sql_engine, sqlite_url
from tests.integration.conftest import SQL_BACKENDS, _started
from tests.support import cloud
from tests.support.mongomock_shim import MockAsyncMongoClient, allow_beanie_collection_listing
from tests.support.postgres import fresh_schema

BASE = datetime(2026, 12, 4, 9, 30, 15, 250000, tzinfo=UTC)


@pytest.fixture(params=[*SQL_BACKENDS, "mongomock", "mongodb"])
async def scans(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[ScanRepository]:
    backend = request.param
    if backend == "sqlite":
        engine = create_sql_engine(sqlite_url(tmp_path / "data" / "financials.db"))
        async with _started(SqlScanRepository(engine)) as started:
            yield started
    elif backend == "postgresql":
        with fresh_schema() as url:
            async with _started(SqlScanRepository(create_sql_engine(url))) as started:
                yield started
    elif backend == "mongomock":
        allow_beanie_collection_listing(monkeypatch)
        client = cast("AsyncMongoClient[Any]", MockAsyncMongoClient(tz_aware=True))
        async with _started(MongoScanRepository(client, "financials_test")) as started:
            yield started
    else:
        if cloud.MONGODB_URI is None:
            pytest.skip(cloud.missing_reason("MongoDB", ("FINANCIALS_MONGODB_URI",)))
        database = f"financials_test_{uuid.uuid4().hex[:8]}"
        real = MongoScanRepository(AsyncMongoClient(cloud.MONGODB_URI, tz_aware=True), database)
        try:
            async with _started(real) as started:
                yield started
        finally:
            cleanup: AsyncMongoClient[Any] = AsyncMongoClient(cloud.MONGODB_URI)
            await cleanup.drop_database(database)
            await cleanup.close()


def _scan(owner: str = "alice", *, minutes: int = 0, total: int = 3) -> ScanRecord:
    at = BASE + timedelta(minutes=minutes)
    return ScanRecord(
        owner=owner,
        created_at=at,
        updated_at=at,
        universe="bundled",
        request_json='{"universe": "bundled", "setups": []}',
        executor="in-process",
        total=total,
    )


def _done(record: ScanRecord) -> ScanRecord:
    return touched(
        record,
        status=ScanStatus.DONE,
        scanned=3,
        failed=1,
        rows_json='[{"symbol": "AAPL", "note": "żółw 🐢"}, {"symbol": "IBM"}]',
        failures_json='[{"symbol": "NOPE", "reason": "no data for NOPE"}]',
        pooled_json='{"legs_total": 412}',
    )


async def test_a_saved_scan_reads_back_field_for_field(scans: ScanRepository) -> None:
    record = _done(_scan())
    stored = await scans.save_scan(record)
    assert stored == record
    read = await scans.get_scan(record.id, owner="alice")
    assert read == record
    assert read is not None
    assert read.rows_json == record.rows_json, "the rows come back byte for byte"
    assert read.created_at.tzinfo is not None


async def test_progress_saves_replace_the_scan(scans: ScanRepository) -> None:
    record = _scan()
    await scans.save_scan(record)
    progressed = touched(record, scanned=2, rows_json='[{"symbol": "AAPL"}]')
    await scans.save_scan(progressed)
    finished = _done(progressed)
    await scans.save_scan(finished)
    assert await scans.get_scan(record.id, owner="alice") == finished
    page = await scans.list_scans("alice")
    assert [s.id for s in page.items] == [record.id], "one scan, saved three times"


async def test_scans_are_their_owners_own(scans: ScanRepository) -> None:
    mine = _scan("alice")
    await scans.save_scan(mine)
    await scans.save_scan(_scan("bob", minutes=1))
    assert await scans.get_scan(mine.id, owner="bob") is None
    with pytest.raises(RecordConflictError):
        await scans.save_scan(mine.model_copy(update={"owner": "bob"}))
    assert await scans.get_scan(mine.id, owner="alice") == mine, "bob's save changed nothing"
    assert [s.id for s in (await scans.list_scans("alice")).items] == [mine.id]
    assert await scans.request_cancel(mine.id, owner="bob") is None
    assert (await scans.get_scan(mine.id, owner="alice")) == mine, "bob cannot cancel it"


async def test_scans_list_newest_first_in_pages_without_skips_or_repeats(
    scans: ScanRepository,
) -> None:
    # Two pairs share a creation time: the id breaks the tie at a page boundary.
    records = [_scan(minutes=m) for m in (0, 1, 1, 2, 3, 3, 4)]
    for record in records:
        await scans.save_scan(record)
    await scans.save_scan(_scan("bob", minutes=9))
    expected = [r.id for r in sorted(records, key=lambda r: (r.created_at, r.id), reverse=True)]
    seen: list[str] = []
    cursor: str | None = None
    while True:
        page = await scans.list_scans("alice", limit=2, cursor=cursor)
        assert len(page.items) <= 2
        seen.extend(s.id for s in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == expected
    with pytest.raises(InvalidPageRequestError, match="next_cursor"):
        await scans.list_scans("alice", cursor="not-a-cursor")
    with pytest.raises(InvalidPageRequestError, match="1 to 100"):
        await scans.list_scans("alice", limit=0)
    assert (await scans.list_scans("carol")).items == []


async def test_a_cancel_request_survives_the_running_scans_next_save(
    scans: ScanRepository,
) -> None:
    record = _scan()
    await scans.save_scan(record)
    asked = await scans.request_cancel(record.id, owner="alice")
    assert asked is not None
    assert asked.cancel_requested
    assert asked.status is ScanStatus.RUNNING, "it stops when its own process sees the request"
    # The running process saves its progress from its own copy, which has no request in it.
    progressed = touched(record, scanned=1)
    assert not progressed.cancel_requested
    stored = await scans.save_scan(progressed)
    assert stored.cancel_requested, "the save tells the running scan to stop"
    assert stored.scanned == 1
    read = await scans.get_scan(record.id, owner="alice")
    assert read is not None
    assert read.cancel_requested
    assert read.scanned == 1
    cancelled = await scans.save_scan(touched(progressed, status=ScanStatus.CANCELLED))
    assert cancelled.status is ScanStatus.CANCELLED
    assert cancelled.cancel_requested


async def test_a_finished_or_missing_scan_takes_no_cancel_request(scans: ScanRepository) -> None:
    finished = _done(_scan())
    await scans.save_scan(finished)
    after = await scans.request_cancel(finished.id, owner="alice")
    assert after == finished, "a scan that finished stays as it finished"
    assert await scans.request_cancel("0" * 32, owner="alice") is None
    fresh = await scans.save_scan(_scan(minutes=1))
    assert not fresh.cancel_requested, "a request is the scan's own, not the owner's"


async def test_a_watchlist_is_saved_replaced_and_its_owners_own(scans: ScanRepository) -> None:
    assert await scans.get_watchlist("alice") is None
    first = Watchlist(owner="alice", symbols=("AAPL", "MSFT"), updated_at=BASE)
    await scans.save_watchlist(first)
    assert await scans.get_watchlist("alice") == first
    second = Watchlist(
        owner="alice", symbols=("BTC-USD", "^GSPC"), updated_at=BASE + timedelta(hours=1)
    )
    await scans.save_watchlist(second)
    assert await scans.get_watchlist("alice") == second
    assert await scans.get_watchlist("bob") is None
