"""Token buckets in this process: right for one replica; with several, use Redis."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from integrations.ratelimit.port import BucketPolicy, RateDecision

MAX_TRACKED_CALLERS = 100_000


class MemoryRateLimiter:
    def __init__(self, policy: BucketPolicy, clock: Callable[[], float] = time.monotonic) -> None:
        self._policy = policy
        self._clock = clock
        # caller -> (tokens, last refill time); least recently seen callers are forgotten
        # first, which only ever gives a forgotten caller a full bucket.
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, key: str) -> RateDecision:
        now = self._clock()
        policy = self._policy
        tokens, last = self._buckets.pop(key, (float(policy.burst), now))
        tokens = min(float(policy.burst), tokens + (now - last) * policy.refill_per_second)
        if tokens >= 1.0:
            tokens -= 1.0
            decision = RateDecision(allowed=True, remaining=int(tokens), retry_after_seconds=0)
        else:
            wait = (1.0 - tokens) / policy.refill_per_second
            decision = RateDecision(allowed=False, remaining=0, retry_after_seconds=wait)
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > MAX_TRACKED_CALLERS:
            self._buckets.popitem(last=False)
        return decision

    async def ping(self) -> None:
        """Local buckets always answer."""
