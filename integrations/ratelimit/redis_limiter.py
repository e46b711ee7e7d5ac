"""Token buckets in Redis, so every replica draws on the same budget per caller.

One Lua script reads, refills and takes atomically, using Redis' own clock so replicas with
skewed clocks agree. If Redis fails, limits fall back to this process's buckets (logged once
per outage): a Redis outage must not turn into either an open door or a closed API.
"""

from __future__ import annotations

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from integrations.ratelimit.memory import MemoryRateLimiter
from integrations.ratelimit.port import BucketPolicy, RateDecision

KEY_PREFIX = "financials:ratelimit:v1:"

TAKE = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(tokens), tostring(wait)}
"""


class RedisRateLimiter:
    def __init__(self, client: Redis, policy: BucketPolicy) -> None:
        self._client = client
        self._policy = policy
        self._script = client.register_script(TAKE)
        self._fallback = MemoryRateLimiter(policy)
        self._outage = False

    async def take(self, key: str) -> RateDecision:
        policy = self._policy
        try:
            allowed, tokens, wait = await self._script(
                keys=[KEY_PREFIX + key], args=[policy.refill_per_second, policy.burst]
            )
        except (RedisError, OSError) as exc:
            if not self._outage:
                structlog.get_logger(__name__).warning(
                    "ratelimit.redis_unavailable",
                    error=str(exc) or type(exc).__name__,
                    effect="limits are per process until Redis answers again",
                )
                self._outage = True
            return await self._fallback.take(key)
        if self._outage:
            structlog.get_logger(__name__).info("ratelimit.redis_recovered")
            self._outage = False
        return RateDecision(
            allowed=bool(int(allowed)),
            remaining=int(float(tokens)),
            retry_after_seconds=float(wait),
        )
