"""The Redis cache against a real redis-server (our own, on a free loopback port; the
machine's Redis on 6379 is never touched): shared between clients, and an outage slows
requests down without failing them."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import structlog

from app.bench.redis_server import RedisServer, free_port
from integrations.cache.redis_cache import RedisCache, redact
from integrations.market_data import HistoryRequest
from integrations.market_data.caching import CachedProvider, CacheTtl
from tests.support.market import FakeProvider

REQUEST = HistoryRequest.create("AAPL", period="1y")


def _events(logs: list[MutableMapping[str, Any]], name: str) -> list[MutableMapping[str, Any]]:
    return [entry for entry in logs if entry["event"] == name]


async def test_bars_cached_by_one_client_are_read_by_another(redis_server: RedisServer) -> None:
    first, second = RedisCache(redis_server.url), RedisCache(redis_server.url)
    source = FakeProvider()
    try:
        written = await CachedProvider(source, first, source="yahoo", ttl=CacheTtl()).history(
            REQUEST
        )
        read = await CachedProvider(source, second, source="yahoo", ttl=CacheTtl()).history(REQUEST)
    finally:
        await first.close()
        await second.close()
    assert len(source.requests) == 1, "the second client found the bars in Redis"
    assert read.bars.equals(written.bars)
    assert str(read.times.tz) == "America/New_York"


async def test_requests_survive_a_redis_crash_and_caching_resumes_after_restart(
    redis_server: RedisServer,
) -> None:
    cache = RedisCache(redis_server.url, retry_after_seconds=0)
    source = FakeProvider()
    cached = CachedProvider(source, cache, source="yahoo", ttl=CacheTtl())
    try:
        await cached.history(REQUEST)
        await cached.history(REQUEST)
        assert len(source.requests) == 1

        redis_server.kill()
        with structlog.testing.capture_logs() as logs:
            for _ in range(3):
                history = await cached.history(REQUEST)
                assert len(history) == 300
        assert len(source.requests) == 4, "every request went to the source"
        (warning,) = _events(logs, "cache.redis_unavailable")
        assert warning["log_level"] == "warning"
        assert warning["url"] == redis_server.url
        assert not cache.available

        redis_server.start()  # same port, empty
        with structlog.testing.capture_logs() as logs:
            await cached.history(REQUEST)  # a miss: Redis lost everything
            await cached.history(REQUEST)  # a hit again
        assert len(source.requests) == 5
        assert len(_events(logs, "cache.redis_recovered")) == 1
        assert _events(logs, "cache.redis_unavailable") == []
        assert cache.available
    finally:
        await cache.close()


async def test_an_unreachable_redis_from_the_start_costs_one_warning() -> None:
    cache = RedisCache(f"redis://127.0.0.1:{free_port()}/0", retry_after_seconds=0)
    source = FakeProvider()
    cached = CachedProvider(source, cache, source="yahoo", ttl=CacheTtl())
    try:
        with structlog.testing.capture_logs() as logs:
            for _ in range(3):
                await cached.history(REQUEST)
    finally:
        await cache.close()
    assert len(source.requests) == 3
    assert len(_events(logs, "cache.redis_unavailable")) == 1


async def test_during_an_outage_redis_is_left_alone_for_a_while() -> None:
    now = [0.0]
    cache = RedisCache(
        f"redis://127.0.0.1:{free_port()}/0", retry_after_seconds=5, clock=lambda: now[0]
    )
    try:
        for _ in range(2):
            assert await cache.get("k") is None  # two failures open the circuit
        assert cache.breaker.is_open
        assert not cache.breaker.allows(), "skipped during the cool-down"
        assert cache.breaker.skipped == 1
        now[0] = 6
        assert cache.breaker.allows(), "one trial call after the cool-down"
    finally:
        await cache.close()


def test_log_lines_never_show_the_password() -> None:
    assert redact("redis://:s3cret@cache.internal:6380/0") == "redis://:***@cache.internal:6380/0"
    assert redact("redis://localhost:6379/0") == "redis://localhost:6379/0"
