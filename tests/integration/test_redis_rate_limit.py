"""Rate limits shared through a real redis-server: replicas share one budget, and an outage
falls back to per-process limits instead of failing requests."""

from __future__ import annotations

from redis.asyncio import Redis

from app.bench.redis_server import RedisServer
from integrations.ratelimit.port import BucketPolicy
from integrations.ratelimit.redis_limiter import KEY_PREFIX, RedisRateLimiter

POLICY = BucketPolicy(per_minute=60, burst=3)


async def test_two_replicas_draw_on_one_budget(redis_server: RedisServer) -> None:
    first = RedisRateLimiter(Redis.from_url(redis_server.url), POLICY)
    second = RedisRateLimiter(Redis.from_url(redis_server.url), POLICY)
    results = [
        (await limiter.take("sub:alice")).allowed for limiter in (first, second, first, second)
    ]
    assert results == [True, True, True, False]
    refused = await second.take("sub:alice")
    assert 0 < refused.retry_after_seconds <= 1.0
    assert (await first.take("sub:bob")).allowed


async def test_an_outage_falls_back_to_local_limits_and_recovers(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(
        Redis.from_url(redis_server.url, socket_timeout=0.5, socket_connect_timeout=0.5),
        POLICY,
        cool_down_seconds=0,  # try Redis again on the next call
    )
    assert (await limiter.take("sub:alice")).allowed
    redis_server.kill()
    local = [(await limiter.take("sub:alice")).allowed for _ in range(4)]
    assert local == [True, True, True, False], "the local bucket still limits"
    redis_server.restart()
    assert (await limiter.take("sub:carol")).allowed
    assert await Redis.from_url(redis_server.url).exists(KEY_PREFIX + "sub:carol"), "back on Redis"
