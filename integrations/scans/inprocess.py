"""The embedded default: a process pool sized to the cores (analysis is CPU-bound NumPy)."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import AsyncGenerator, Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from integrations.scans.port import TaskResult, describe

T = TypeVar("T")
R = TypeVar("R")


def core_count() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ProcessPoolScanExecutor:
    """`ScanExecutor` on a `ProcessPoolExecutor`, started on first use and kept until close.

    Workers are spawned (not forked): forking a process that runs an event loop and threads
    copies their locks mid-use.
    """

    name = "in-process"

    def __init__(self, workers: int | None = None) -> None:
        self._workers = workers or core_count()
        self._pool: ProcessPoolExecutor | None = None

    @property
    def workers(self) -> int:
        return self._workers

    async def start(self) -> None:
        """Nothing to do: the pool starts with the first scan, so an app that never scans
        never spawns it."""

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)

    async def map(
        self, fn: Callable[[T], R], items: Sequence[T]
    ) -> AsyncGenerator[TaskResult[R], None]:
        pool = self._get_pool()
        futures: dict[asyncio.Future[R], int] = {}
        for index, item in enumerate(items):
            submitted: Future[R] = pool.submit(fn, item)
            futures[asyncio.wrap_future(submitted)] = index
        pending = set(futures)
        try:
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for future in done:
                    index = futures[future]
                    exc = future.exception()
                    if exc is None:
                        yield TaskResult(index, future.result())
                    else:
                        yield TaskResult(index, None, describe(exc))
        finally:
            for future in pending:  # a cancelled scan: tasks not started never will
                future.cancel()


class ThreadScanExecutor:
    """`ScanExecutor` that runs tasks in this process's threads, `workers` at a time.

    For small scans and tests, where spawning a process pool costs more than the work; the
    NumPy parts release the GIL only in places, so it does not scale like the pool.
    """

    name = "in-thread"

    def __init__(self, workers: int = 1) -> None:
        self._workers = workers

    @property
    def workers(self) -> int:
        return self._workers

    async def start(self) -> None:
        """Nothing to start."""

    async def close(self) -> None:
        """Nothing to close."""

    async def map(
        self, fn: Callable[[T], R], items: Sequence[T]
    ) -> AsyncGenerator[TaskResult[R], None]:
        gate = asyncio.Semaphore(self._workers)

        async def one(index: int, item: T) -> TaskResult[R]:
            async with gate:
                try:
                    return TaskResult(index, await asyncio.to_thread(fn, item))
                except Exception as exc:
                    return TaskResult(index, None, describe(exc))

        tasks = [asyncio.create_task(one(i, item)) for i, item in enumerate(items)]
        try:
            for finished in asyncio.as_completed(tasks):
                yield await finished
        finally:
            for task in tasks:
                task.cancel()
