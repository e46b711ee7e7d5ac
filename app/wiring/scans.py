"""Scans: which executor (a Dask cluster when `FINANCIALS_DASK_SCHEDULER` is set, else a
process pool sized to the cores) and the per-symbol work its workers run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from analysis import AnalysisInputError
from analysis.scan import scan_frame
from app.config import Settings, get_settings
from app.services import market
from app.services.container import Scanning
from app.services.scan_schemas import ScanOutcome, ScanTask
from app.services.scans import ScanJobs
from app.wiring.market import build_cache, build_market_data, csv_market_data
from integrations.market_data import MarketDataError, PriceHistory
from integrations.scans import ScanExecutor
from integrations.scans.dask_cluster import DaskScanExecutor
from integrations.scans.inprocess import ProcessPoolScanExecutor


def build_executor(settings: Settings, workers: int | None = None) -> ScanExecutor:
    if settings.dask_scheduler:
        return DaskScanExecutor(settings.dask_scheduler)
    return ProcessPoolScanExecutor(workers)


async def _fetch(task: ScanTask, settings: Settings) -> PriceHistory:
    if task.csv is not None:  # the user's own file, read as a single uploaded CSV is
        provider = csv_market_data(task.csv, filename=task.csv_name)
        return await market.get_history(
            provider, task.symbol, period=task.period, interval=task.interval
        )
    cache = build_cache(settings)
    try:
        provider = build_market_data(settings, cache, task.source)  # type: ignore[arg-type]
        return await market.get_history(
            provider, task.symbol, period=task.period, interval=task.interval
        )
    finally:
        await cache.close()


def scan_symbol(task: ScanTask) -> ScanOutcome:
    """One symbol on a worker: bars through the worker's own configured cache (Redis when
    `FINANCIALS_REDIS_URL` is set, so every worker shares it), then analyse and filter.

    The worker reads its settings from its environment, as the app does: only the task's
    names and setups cross the scheduler, never bars or secrets.
    """
    try:
        history = asyncio.run(_fetch(task, get_settings()))
    except MarketDataError as exc:
        return ScanOutcome(symbol=task.symbol, error=str(exc))
    try:
        scanned = scan_frame(task.symbol, history.frame(), task.setups, task.settings)
    except AnalysisInputError as exc:
        return ScanOutcome(symbol=task.symbol, error=str(exc))
    return ScanOutcome(symbol=task.symbol, row=scanned.row, samples=scanned.samples)


@asynccontextmanager
async def open_scanning(settings: Settings) -> AsyncIterator[Scanning]:
    """The executor started (a Dask client connects here) and closed after the running scans
    are cancelled."""
    executor = build_executor(settings)
    await executor.start()
    jobs = ScanJobs()
    try:
        yield Scanning(executor=executor, jobs=jobs, task=scan_symbol)
    finally:
        await jobs.close()
        await executor.close()
