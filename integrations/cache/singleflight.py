"""Concurrent requests for the same key share one piece of work (one fetch, one decode).

Fifty chat users asking for AAPL at the open must cost one Yahoo request, not fifty, or the
source rate-limits us. The work runs as its own task, so a caller that gives up (a closed
browser tab) does not cancel it for the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Hashable
from functools import partial
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class SingleFlight(Generic[T]):
    def __init__(self) -> None:
        self._flights: dict[Hashable, asyncio.Task[T]] = {}

    def __len__(self) -> int:
        """Keys with work in flight right now."""
        return len(self._flights)

    async def run(self, key: Hashable, work: Callable[[], Coroutine[Any, Any, T]]) -> T:
        """The result of `work()`, started only if no call for `key` is already running."""
        flight = self._flights.get(key)
        if flight is None:
            flight = asyncio.ensure_future(work())
            self._flights[key] = flight
            flight.add_done_callback(partial(self._land, key))
        return await asyncio.shield(flight)

    def _land(self, key: Hashable, flight: asyncio.Task[T]) -> None:
        if self._flights.get(key) is flight:
            del self._flights[key]
        if not flight.cancelled():
            flight.exception()  # the callers got it; do not also log it as never retrieved
