"""Scans on a Dask distributed cluster (`FINANCIALS_DASK_SCHEDULER`, e.g. the operator's
`tcp://financials-scan-scheduler:8786` on ACK, or a `LocalCluster` in tests).

Only the small task descriptions go through the scheduler: each worker fetches its own bars
through the configured cache (Redis when set), analyses them, and sends back a row and the
level samples.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Sequence
from typing import Any, TypeVar

from integrations.scans.port import TaskResult, describe

T = TypeVar("T")
R = TypeVar("R")


class DaskScanExecutor:
    """`ScanExecutor` on a `distributed.Client` (asynchronous) connected to `address`."""

    name = "dask"

    def __init__(self, address: str) -> None:
        self._address = address
        self._client: Any = None

    async def start(self) -> None:
        from distributed import Client  # imported only when a cluster is configured

        self._client = await Client(self._address, asynchronous=True)  # type: ignore[no-untyped-call]

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.close()

    @property
    def workers(self) -> int:
        if self._client is None:
            return 0
        info = self._client.scheduler_info(n_workers=-1)
        return sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())

    def _started(self) -> Any:
        if self._client is None:
            raise RuntimeError("the Dask scan executor is not started")
        return self._client

    async def map(
        self, fn: Callable[[T], R], items: Sequence[T]
    ) -> AsyncGenerator[TaskResult[R], None]:
        from distributed import as_completed

        client = self._started()
        futures = client.map(fn, list(items), pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        remaining = set(index)
        try:
            async for future in as_completed(futures):  # type: ignore[no-untyped-call]
                remaining.discard(future.key)
                try:
                    value = await future
                except Exception as exc:  # the task raised or its worker was lost
                    yield TaskResult(index[future.key], None, describe(exc))
                else:
                    yield TaskResult(index[future.key], value)
        finally:
            left = [f for f in futures if f.key in remaining]
            if left:  # a cancelled scan stops its queued and running tasks
                await client.cancel(left)
