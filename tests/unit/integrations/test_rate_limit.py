"""Token buckets: a burst is allowed, then the rate; callers do not share buckets."""

from __future__ import annotations

import pytest

from integrations.ratelimit.memory import MemoryRateLimiter
from integrations.ratelimit.port import BucketPolicy


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_burst_then_refill_at_the_rate() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(BucketPolicy(per_minute=60, burst=3), clock=clock)
    assert [(await limiter.take("a")).allowed for _ in range(4)] == [True, True, True, False]
    refused = await limiter.take("a")
    assert refused.retry_after_seconds == pytest.approx(1.0)
    clock.now += 1.0
    assert (await limiter.take("a")).allowed
    assert not (await limiter.take("a")).allowed


async def test_callers_have_their_own_buckets() -> None:
    limiter = MemoryRateLimiter(BucketPolicy(per_minute=60, burst=1), clock=Clock())
    assert (await limiter.take("alice")).allowed
    assert not (await limiter.take("alice")).allowed
    assert (await limiter.take("bob")).allowed


async def test_an_idle_bucket_refills_only_to_the_burst() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(BucketPolicy(per_minute=600, burst=2), clock=clock)
    await limiter.take("a")
    clock.now += 3600
    assert [(await limiter.take("a")).allowed for _ in range(3)] == [True, True, False]
