"""Token buckets in Redis, so every replica draws on the same budget per caller.

One Lua script reads, refills and takes atomically, using Redis' own clock so replicas with
skewed clocks agree. If Redis fails, limits fall back to this process's buckets: a Redis
outage must not turn into either an open door or a closed API. A circuit breaker skips Redis
during the outage (so requests do not each wait for it) and probes it in the background.
"""

from __future__ import annotations

from redis.asyncio import Redis
from redis.exceptions import RedisError

from integrations.breaker import CircuitBreaker
from integrations.cache.redis_cache import ping, redact, redis_client
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
    def __init__(
        self,
        client: Redis,
        policy: BucketPolicy,
        *,
        cool_down_seconds: float = 2.0,
        context: dict[str, str] | None = None,
    ) -> None:
        self._client = client
        self._policy = policy
        self._script = client.register_script(TAKE)
        self._fallback = MemoryRateLimiter(policy)
        self.breaker = CircuitBreaker(
            "ratelimit.redis",
            lambda: ping(client),
            cool_down_seconds=cool_down_seconds,
            context=context,
        )

    @classmethod
    def from_url(cls, url: str, policy: BucketPolicy) -> RedisRateLimiter:
        """With a fail-fast client (short timeouts, no retries): the breaker does the rest."""
        return cls(redis_client(url), policy, context={"url": redact(url)})

    async def take(self, key: str) -> RateDecision:
        if not self.breaker.allows():
            return await self._fallback.take(key)
        policy = self._policy
        try:
            allowed, tokens, wait = await self._script(
                keys=[KEY_PREFIX + key], args=[policy.refill_per_second, policy.burst]
            )
        except (RedisError, OSError) as exc:
            self.breaker.failed(exc)
            return await self._fallback.take(key)
        self.breaker.succeeded()
        return RateDecision(
            allowed=bool(int(allowed)),
            remaining=int(float(tokens)),
            retry_after_seconds=float(wait),
        )

    async def ping(self) -> None:
        """Readiness: while the circuit is open, says why at once instead of waiting."""
        self.breaker.check()
        await ping(self._client)
