"""Redis cache (redis-py asyncio), shared by every app process and surviving restarts.

A cache must never take requests down with it: when Redis is unreachable every call returns
quickly (short timeouts, no client-side retries) as a miss, one warning is logged per outage,
and Redis is not asked again for `retry_after_seconds` so requests do not each pay a timeout.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import structlog
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError


def redact(url: str) -> str:
    """The URL without its password, fit for a log line."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class RedisCache:
    name = "redis"

    def __init__(
        self,
        url: str,
        *,
        timeout_seconds: float = 0.5,
        retry_after_seconds: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = redact(url)
        self._client = Redis.from_url(
            url,
            socket_connect_timeout=timeout_seconds,
            socket_timeout=timeout_seconds,
            retry=Retry(NoBackoff(), 0),
        )
        self._retry_after = retry_after_seconds
        self._clock = clock
        self._down_until: float | None = None  # set while an outage is known

    @property
    def available(self) -> bool:
        """False while an outage is known (after a failure, until a call succeeds again)."""
        return self._down_until is None

    async def get(self, key: str) -> bytes | None:
        if self._resting():
            return None
        try:
            value = await self._client.get(key)
        except (RedisError, OSError) as exc:
            self._failed(exc)
            return None
        self._succeeded()
        return value if isinstance(value, bytes) else None

    async def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        if self._resting():
            return
        try:
            await self._client.set(key, value, px=max(1, int(ttl_seconds * 1000)))
        except (RedisError, OSError) as exc:
            self._failed(exc)
            return
        self._succeeded()

    async def close(self) -> None:
        await self._client.aclose()

    async def ping(self) -> None:
        answered = self._client.ping()  # typed for the sync and async clients alike
        if not isinstance(answered, bool):
            await answered

    def _resting(self) -> bool:
        return self._down_until is not None and self._clock() < self._down_until

    def _failed(self, exc: BaseException) -> None:
        if self._down_until is None:
            structlog.get_logger(__name__).warning(
                "cache.redis_unavailable",
                url=self._url,
                error=str(exc) or type(exc).__name__,
                effect="requests go on without the cache",
            )
        self._down_until = self._clock() + self._retry_after

    def _succeeded(self) -> None:
        if self._down_until is not None:
            structlog.get_logger(__name__).info("cache.redis_recovered", url=self._url)
            self._down_until = None
