"""Scan throughput: 500 synthetic daily series of 5 years (and the bundled series), in-process
(process pool) and on a 2-worker Dask `LocalCluster`, beside `analyze` alone on one core.

The synthetic series are made on the workers from their seed (what "bars cached" costs: no
fetch), so only the task crosses to the worker, as in a real scan.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import analyze
from analysis.scan import GoldenPocketSetup, SymbolScan, scan_frame
from app.bench.timing import quiet
from integrations.scans import ScanExecutor

SERIES = 500
BARS = 1260  # five years of trading days
TARGET_PER_SECOND = 200


def synthetic(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.015, BARS)))
    open_ = np.concatenate([[100.0], close[:-1]])
    high = np.maximum(open_, close) * (1 + rng.random(BARS) * 0.01)
    low = np.minimum(open_, close) * (1 - rng.random(BARS) * 0.01)
    index = pd.date_range("2019-01-01", periods=BARS, freq="B")
    volume = rng.integers(1_000, 10_000, BARS).astype(float)
    return pd.DataFrame(
        {"open": open_, "high": high, "low": low, "close": close, "volume": volume}, index=index
    )


def scan_seed(seed: int) -> SymbolScan:
    """A worker's task for one synthetic series (module-level: it pickles by name)."""
    return scan_frame(f"S{seed:03d}", synthetic(seed), (GoldenPocketSetup(),))


@dataclass(frozen=True)
class Figures:
    series: int
    workers: int
    analyze_s_per_symbol: float
    scan_s_per_symbol: float
    in_process_per_s: float
    dask_per_s: float | None
    bundled_in_process_s: float
    matched: int


async def _run_executor(ex: ScanExecutor, count: int) -> tuple[float, int]:
    await ex.start()
    try:
        # Warm the workers (imports) before timing.
        async for _ in ex.map(scan_seed, list(range(ex.workers or 2))):
            pass
        began = time.perf_counter()
        matched = 0
        async for result in ex.map(scan_seed, list(range(count))):
            value = result.value
            matched += value is not None and value.row is not None
        return time.perf_counter() - began, matched
    finally:
        await ex.close()


async def _bundled(workers: int) -> float:
    """Seconds per scan of the bundled series, stored in a scratch SQLite file that is
    deleted afterwards: a benchmark leaves nothing in the configured database."""
    from app.services.scan_schemas import ScanRequest
    from app.services.scans import ScanJobs, ScanPorts, run_scan
    from app.wiring.scans import scan_symbol
    from integrations.records.scans_sql import SqlScanRepository
    from integrations.scans.inprocess import ProcessPoolScanExecutor
    from integrations.sql import create_sql_engine, sqlite_url

    executor = ProcessPoolScanExecutor(workers)
    with tempfile.TemporaryDirectory(prefix="financials-scan-bench-") as scratch:
        store = SqlScanRepository(create_sql_engine(sqlite_url(Path(scratch) / "scans.db")))
        await store.start()
        try:
            ports = ScanPorts(executor, store, scan_symbol, ScanJobs())
            request = ScanRequest(universe="bundled", source="sample")
            await run_scan(ports, request, "bench")  # warm the workers
            began = time.perf_counter()
            await run_scan(ports, request, "bench")
            elapsed = time.perf_counter() - began
        finally:
            await store.close()
            await executor.close()
    return elapsed


async def _measure(count: int, workers: int) -> Figures:
    from distributed import LocalCluster

    from integrations.scans.dask_cluster import DaskScanExecutor
    from integrations.scans.inprocess import ProcessPoolScanExecutor

    frames = [synthetic(s) for s in range(20)]
    began = time.perf_counter()
    for frame in frames:
        analyze(frame)
    analyze_each = (time.perf_counter() - began) / len(frames)
    began = time.perf_counter()
    for seed in range(20):
        scan_seed(seed)
    scan_each = (time.perf_counter() - began) / 20

    pool_s, matched = await _run_executor(ProcessPoolScanExecutor(workers), count)
    dask_s: float | None
    async with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        asynchronous=True,
        dashboard_address=None,
    ) as cluster:
        dask_s, _ = await _run_executor(DaskScanExecutor(cluster.scheduler_address), count)
    return Figures(
        series=count,
        workers=workers,
        analyze_s_per_symbol=analyze_each,
        scan_s_per_symbol=scan_each,
        in_process_per_s=count / pool_s,
        dask_per_s=count / dask_s if dask_s else None,
        bundled_in_process_s=await _bundled(workers),
        matched=matched,
    )


def run(count: int = SERIES, workers: int = 2) -> Figures:
    with quiet():
        return asyncio.run(_measure(count, workers))


def report(f: Figures) -> str:
    dask = "-" if f.dask_per_s is None else f"{f.dask_per_s:.1f}"
    ratio = "-" if f.dask_per_s is None else f"{f.in_process_per_s / f.dask_per_s:.2f}x"
    ceiling = f.workers / f.scan_s_per_symbol
    return "\n".join(
        [
            f"Scan: {f.series} synthetic daily series of {BARS} bars, golden-pocket setup, "
            f"{f.workers} workers ({f.matched} matched)",
            f"  analyze alone, one core:     {f.analyze_s_per_symbol * 1000:7.1f} ms/symbol",
            f"  scan task (analyze + pooled samples): {f.scan_s_per_symbol * 1000:7.1f} ms/symbol",
            f"  in-process pool:             {f.in_process_per_s:7.1f} symbols/s "
            f"(target {TARGET_PER_SECOND}/s; {f.workers} cores at this cost allow "
            f"{ceiling:.0f}/s at best)",
            f"  Dask LocalCluster:           {dask:>7} symbols/s "
            f"(in-process / Dask = {ratio}; target within 1.5x)",
            f"  bundled series (5), in-process: {f.bundled_in_process_s:.2f} s per scan",
            "  verdict: "
            + (
                "target met"
                if f.in_process_per_s >= TARGET_PER_SECOND
                else f"below the {TARGET_PER_SECOND}/s target on this machine"
            ),
        ]
    )
