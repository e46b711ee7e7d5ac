"""The rate-limit port: may this caller make one more request now?"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict


class RateDecision(BaseModel):
    model_config = ConfigDict(frozen=True)

    allowed: bool
    remaining: int
    retry_after_seconds: float  # 0 when allowed


class BucketPolicy(BaseModel):
    """`burst` requests at once, refilled at `per_minute` requests per minute."""

    model_config = ConfigDict(frozen=True)

    per_minute: int
    burst: int

    @property
    def refill_per_second(self) -> float:
        return self.per_minute / 60.0


class RateLimiter(Protocol):
    async def take(self, key: str) -> RateDecision: ...

    async def ping(self) -> None:
        """Raises when the shared store cannot answer; only readiness checks call it."""
        ...
