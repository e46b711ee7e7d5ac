"""Redis cache (redis-py asyncio), shared by every app process and surviving restarts.

A cache must never take requests down with it, nor slow them down while it is away: calls
have short timeouts and no client-side retries, and a circuit breaker (`integrations.breaker`)
skips Redis entirely once it has failed, probing it in the background until it answers. A
skipped call is a miss (get) or a dropped write (set); one warning is logged per outage.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from integrations.breaker import CircuitBreaker


def redact(url: str) -> str:
    """The URL without its password, fit for a log line."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def redis_client(url: str, timeout_seconds: float = 0.5) -> Redis:
    """A client that fails fast: short timeouts, no retries (the breaker decides what next)."""
    return Redis.from_url(
        url,
        socket_connect_timeout=timeout_seconds,
        socket_timeout=timeout_seconds,
        retry=Retry(NoBackoff(), 0),
    )


async def ping(client: Redis) -> None:
    answered = client.ping()  # typed for the sync and async clients alike
    if not isinstance(answered, bool):
        await answered


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
        self._client = redis_client(url, timeout_seconds)
        self.breaker = CircuitBreaker(
            "cache.redis",
            lambda: ping(self._client),
            cool_down_seconds=retry_after_seconds,
            probe_timeout_seconds=timeout_seconds,
            clock=clock,
            context={"url": self._url},
        )

    @property
    def available(self) -> bool:
        """False while an outage is known (the circuit is open)."""
        return not self.breaker.is_open

    async def get(self, key: str) -> bytes | None:
        if not self.breaker.allows():
            return None
        try:
            value = await self._client.get(key)
        except (RedisError, OSError) as exc:
            self.breaker.failed(exc)
            return None
        self.breaker.succeeded()
        return value if isinstance(value, bytes) else None

    async def set(self, key: str, value: bytes, ttl_seconds: float) -> None:
        if not self.breaker.allows():
            return
        try:
            await self._client.set(key, value, px=max(1, int(ttl_seconds * 1000)))
        except (RedisError, OSError) as exc:
            self.breaker.failed(exc)
            return
        self.breaker.succeeded()

    async def close(self) -> None:
        await self.breaker.close()
        await self._client.aclose()

    async def ping(self) -> None:
        """Readiness: while the circuit is open, says why at once instead of waiting."""
        self.breaker.check()
        await ping(self._client)
