"""The API's rate limiter: shared through Redis with several replicas, else per process."""

from __future__ import annotations

from app.config import Settings
from integrations.ratelimit.memory import MemoryRateLimiter
from integrations.ratelimit.port import BucketPolicy, RateLimiter


def build_limiter(settings: Settings) -> RateLimiter:
    """Shared through Redis when `FINANCIALS_REDIS_URL` is set (several replicas), else local."""
    policy = BucketPolicy(
        per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst
    )
    if settings.redis_url:
        from integrations.ratelimit.redis_limiter import RedisRateLimiter

        return RedisRateLimiter.from_url(settings.redis_url, policy)
    return MemoryRateLimiter(policy)
