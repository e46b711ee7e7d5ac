"""Over-large bodies get 413 and over-eager callers 429 with Retry-After, as problem+json;
and `/metrics` serves Prometheus text."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.config import get_settings
from integrations.ratelimit.memory import MemoryRateLimiter
from integrations.ratelimit.port import BucketPolicy
from tests.api.conftest import Started


@pytest.fixture
def token(started: Started) -> str:
    assert started.auth.dev_issuer is not None
    return started.auth.dev_issuer.mint("alice", ["charts:read"])


@pytest.fixture
def tight_limit(started: Started) -> Iterator[None]:
    with started.replaced(limiter=MemoryRateLimiter(BucketPolicy(per_minute=6, burst=2))):
        yield


@pytest.mark.usefixtures("tight_limit")
async def test_over_the_rate_is_429_with_retry_after(client: httpx.AsyncClient, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    statuses = [(await client.get("/api/me", headers=headers)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = await client.get("/api/me", headers=headers)
    assert refused.headers["content-type"] == "application/problem+json"
    assert int(refused.headers["retry-after"]) >= 1
    assert "retry after" in refused.json()["detail"]


async def test_a_body_over_the_limit_is_413(client: httpx.AsyncClient) -> None:
    limit = get_settings().max_request_bytes
    response = await client.post("/api/me", content=b"x" * (limit + 1))
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert f"{limit:,} bytes" in response.json()["detail"]


async def test_metrics_are_exposed_for_prometheus(client: httpx.AsyncClient) -> None:
    await client.get("/api/health")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert "http_requests_total" in response.text
    assert 'handler="/api/health"' in response.text
