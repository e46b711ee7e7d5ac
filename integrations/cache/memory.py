"""In-process cache: time-to-live per entry, least recently used evicted past a byte budget."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from cachetools import TLRUCache

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


class _Entry(NamedTuple):
    ttl: float
    value: bytes


def _expires(_key: str, entry: _Entry, now: float) -> float:
    return now + entry.ttl


def _size(entry: _Entry) -> int:
    return len(entry.value)


class MemoryCache:
    """The default cache: nothing to run, nothing shared between processes."""

    name = "memory"

    def __init__(
        self, max_bytes: int = DEFAULT_MAX_BYTES, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._entries: TLRUCache[str, _Entry] = TLRUCache(
            maxsize=max_bytes, ttu=_expires, timer=clock, getsizeof=_size
        )

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        return entry.value if entry is not None else None

    async def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        if len(value) > self._entries.maxsize:
            return  # larger than the whole budget: not worth evicting everything for
        self._entries[key] = _Entry(ttl_seconds, value)

    async def close(self) -> None:
        self._entries.clear()

    async def ping(self) -> None:
        """Memory always answers."""
