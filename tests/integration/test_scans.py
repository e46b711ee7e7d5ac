"""Scans over the bundled series: the process pool and a real Dask `LocalCluster` give the
same rows, a symbol without data is a failure row with its reason, and a cancelled scan is
stored as cancelled."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from analysis.scan import setup_from_kind
from app.config import get_settings
from app.services import scans
from app.services.scan_schemas import ScanOutcome, ScanRequest, ScanTask
from app.services.scans import ScanJobs, ScanPorts
from app.wiring.scans import scan_symbol
from integrations.records.scans import ScanStatus
from integrations.records.scans_sql import SqlScanRepository
from integrations.scans import ScanExecutor
from integrations.scans.dask_cluster import DaskScanExecutor
from integrations.scans.inprocess import ProcessPoolScanExecutor, ThreadScanExecutor
from integrations.sql import create_sql_engine, sqlite_url

# Every bundled series, one unknown symbol, and nothing filtered out: each series gives a
# row, so both executors must agree on every figure of every row.
REQUEST = ScanRequest(symbols=("AAPL", "FB", "GOOG", "IBM", "MSFT", "NOPE"), setups=())


@pytest.fixture
async def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "sample")
    get_settings.cache_clear()
    repo = SqlScanRepository(create_sql_engine(sqlite_url(tmp_path / "scans.db")))
    await repo.start()
    yield repo
    await repo.close()


async def _scan(executor: ScanExecutor, repository: Any, request: ScanRequest = REQUEST) -> Any:
    await executor.start()
    try:
        ports = ScanPorts(executor, repository, scan_symbol, ScanJobs())
        return await scans.run_scan(ports, request, "alice")
    finally:
        await executor.close()


async def test_dask_gives_the_same_rows_as_the_process_pool_and_reports_the_failure(
    repository: Any,
) -> None:
    from distributed import LocalCluster

    pool = await _scan(ProcessPoolScanExecutor(workers=2), repository)
    async with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        asynchronous=True,
        dashboard_address=None,
    ) as cluster:
        dask = await _scan(DaskScanExecutor(cluster.scheduler_address), repository)

    assert pool.status is ScanStatus.DONE
    assert [r.symbol for r in pool.rows] == sorted(r.symbol for r in pool.rows)  # no distance
    assert {r.symbol for r in pool.rows} == {"AAPL", "FB", "GOOG", "IBM", "MSFT"}
    assert scans.rows_json(dask) == scans.rows_json(pool)
    assert dask.pooled == pool.pooled
    assert [f.symbol for f in pool.failures] == ["NOPE"]
    assert "NOPE" in pool.failures[0].reason
    assert pool.progress.startswith("6 / 6 scanned, 1 failed: NOPE (")
    # The pooled statistics are the shipped reference's, made by the same engine.
    assert pool.pooled is not None
    assert pool.pooled.legs_total > sum(r.level_stats is not None for r in pool.rows)
    stored = await repository.get_scan(pool.id, owner="alice")
    assert stored is not None
    assert stored.status is ScanStatus.DONE
    assert await repository.get_scan(pool.id, owner="bob") is None


def _slow(task: ScanTask) -> ScanOutcome:
    import time

    time.sleep(0.2)
    return scan_symbol(task)


async def test_a_cancelled_scan_stops_and_says_so(repository: Any) -> None:
    executor = ThreadScanExecutor(workers=1)
    ports = ScanPorts(executor, repository, _slow, ScanJobs())
    request = ScanRequest(universe="sp500", setups=(setup_from_kind("golden-pocket"),))
    started = await scans.start_scan(ports, request, "alice")
    await asyncio.sleep(0.5)
    cancelled = await scans.cancel_scan(ports, started.id, "alice")
    assert cancelled.status is ScanStatus.CANCELLED
    assert 0 < cancelled.scanned < cancelled.total == 500
    assert not ports.jobs.tasks


async def test_a_scan_running_in_one_process_is_cancelled_through_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two sets of ports over one SQLite file, each with its own engine and its own running
    # jobs: as two API replicas, or the CLI and the API.
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "sample")
    get_settings.cache_clear()
    database = tmp_path / "shared.db"
    begun: list[str] = []

    def counted(task: ScanTask) -> ScanOutcome:
        begun.append(task.symbol)
        return _slow(task)

    runner_repo = SqlScanRepository(create_sql_engine(sqlite_url(database)))
    other_repo = SqlScanRepository(create_sql_engine(sqlite_url(database)))
    await runner_repo.start()
    await other_repo.start()
    runner_executor = ThreadScanExecutor(workers=1)
    runner = ScanPorts(runner_executor, runner_repo, counted, ScanJobs())
    other = ScanPorts(ThreadScanExecutor(workers=1), other_repo, counted, ScanJobs())
    try:
        request = ScanRequest(universe="sp500", setups=(setup_from_kind("golden-pocket"),))
        started = await scans.start_scan(runner, request, "alice")
        running = runner.jobs.tasks[started.id]
        for _ in range(200):  # until the runner has stored some progress
            seen = await scans.get_scan(other, started.id, "alice")
            if seen.scanned:
                break
            await asyncio.sleep(0.05)
        with pytest.raises(scans.ScanNotFoundError):
            await scans.cancel_scan(other, started.id, "bob")

        asked = await scans.cancel_scan(other, started.id, "alice")
        assert not other.jobs.tasks, "the scan does not run where the cancel was asked"
        assert asked.status is ScanStatus.RUNNING
        assert asked.cancel_requested
        assert asked.progress.endswith("; cancelling")

        final = await running  # the runner stops at its next progress save
        stored = await scans.get_scan(other, started.id, "alice")
    finally:
        await runner.jobs.close()
        await runner_repo.close()
        await other_repo.close()
    assert final.status is ScanStatus.CANCELLED
    assert stored.status is ScanStatus.CANCELLED
    assert 0 < stored.scanned < stored.total == 500
    # Its tasks stopped: none began after the one running when it stopped.
    assert len(begun) <= stored.scanned + runner_executor.workers
    assert not stored.progress.endswith("; cancelling")
    again = await scans.cancel_scan(other, started.id, "alice")
    assert again.status is ScanStatus.CANCELLED, "a finished scan is left as it is"
