"""The cache port: a best-effort store of bytes with a time to live."""

from __future__ import annotations

from typing import Protocol


class Cache(Protocol):
    """Best effort: a cache that cannot answer returns None and drops writes, never raises,
    so a cache outage slows requests down but never fails them."""

    name: str

    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes, ttl_seconds: float) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raises when the cache cannot answer; only readiness checks call it."""
        ...
