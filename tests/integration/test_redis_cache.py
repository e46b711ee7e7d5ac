"""The Redis cache against a real redis-server (our own, on a free loopback port; the
machine's Redis on 6379 is never touched): shared between clients, and an outage slows
requests down without failing them."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

import pytest
import structlog

from app.bench.redis_server import RedisServer, free_port, redis_server_binary
from integrations.cache.redis_cache import RedisCache, redact
from integrations.market_data import HistoryRequest
from integrations.market_data.caching import CachedProvider, CacheTtl
from tests.support.market import FakeProvider

REQUEST = HistoryRequest.create("AAPL", period="1y")


@pytest.fixture
def server() -> Iterator[RedisServer]:
    binary = redis_server_binary()
    if binary is None:
        pytest.fail("redis-server is missing: run `make system-deps` (Debian: redis-server)")
    with RedisServer(binary) as running:
        assert running.port != 6379
        yield running


def _events(logs: list[MutableMapping[str, Any]], name: str) -> list[MutableMapping[str, Any]]:
    return [entry for entry in logs if entry["event"] == name]


async def test_bars_cached_by_one_client_are_read_by_another(server: RedisServer) -> None:
    first, second = RedisCache(server.url), RedisCache(server.url)
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
    server: RedisServer,
) -> None:
    cache = RedisCache(server.url, retry_after_seconds=0)
    source = FakeProvider()
    cached = CachedProvider(source, cache, source="yahoo", ttl=CacheTtl())
    try:
        await cached.history(REQUEST)
        await cached.history(REQUEST)
        assert len(source.requests) == 1

        server.kill()
        with structlog.testing.capture_logs() as logs:
            for _ in range(3):
                history = await cached.history(REQUEST)
                assert len(history) == 300
        assert len(source.requests) == 4, "every request went to the source"
        (warning,) = _events(logs, "cache.redis_unavailable")
        assert warning["log_level"] == "warning"
        assert warning["url"] == server.url
        assert not cache.available

        server.start()  # same port, empty
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
        assert await cache.get("k") is None
        assert cache._resting(), "the failure starts a quiet period"
        now[0] = 6
        assert not cache._resting()
    finally:
        await cache.close()


def test_log_lines_never_show_the_password() -> None:
    assert redact("redis://:s3cret@cache.internal:6380/0") == "redis://:***@cache.internal:6380/0"
    assert redact("redis://localhost:6379/0") == "redis://localhost:6379/0"
