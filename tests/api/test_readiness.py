"""`GET /api/health/ready`: each dependency's state; a required one down means 503."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from app.config import get_settings
from app.services.container import Persistence
from app.services.readiness import Probe, check_readiness
from tests.api.conftest import lifespan


@pytest.fixture
async def persistence(api: FastAPI) -> AsyncIterator[Persistence]:
    async with lifespan(api) as services:
        yield services.persistence


@pytest.mark.usefixtures("persistence")
async def test_ready_when_every_dependency_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {
        "database",
        "chat_history",
        "storage",
        "cache",
        "rate_limit",
        "ai",
    }
    assert body["checks"]["ai"]["detail"] == "offline analyst and planner (no DASHSCOPE_API_KEY)"
    assert body["checks"]["cache"] == {
        "state": "ok",
        "required": False,
        "latency_ms": body["checks"]["cache"]["latency_ms"],
        "detail": "MemoryCache",
    }
    assert body["checks"]["database"]["detail"] == "SqlAnalysisRepository"


async def test_not_ready_when_storage_cannot_be_written(
    client: httpx.AsyncClient, persistence: Persistence, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.access", lambda *_a, **_k: False)
    response = await client.get("/api/health/ready")
    assert response.status_code == 503
    storage = response.json()["checks"]["storage"]
    assert storage["state"] == "failed"
    assert "cannot write chart images" in storage["detail"]


async def test_not_ready_before_start(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "failed"


async def test_an_optional_failure_only_degrades() -> None:
    async def broken() -> None:
        raise ConnectionError("redis down")

    async def fine() -> None:
        return None

    report = await check_readiness(
        [Probe("database", True, fine, "sql"), Probe("cache", False, broken, "redis")]
    )
    assert report.status == "degraded"
    assert report.ready
    assert report.checks["cache"].state == "degraded"
    assert "ConnectionError: redis down" in report.checks["cache"].detail


async def test_a_dependency_that_hangs_is_reported_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.services.readiness.PROBE_TIMEOUT_S", 0.05)

    async def hangs() -> None:
        await asyncio.sleep(10)

    report = await check_readiness([Probe("database", True, hangs, "postgresql")])
    assert not report.ready
    assert "no answer within 0.05 s" in report.checks["database"].detail


async def test_redis_down_degrades_but_stays_ready(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, api: FastAPI
) -> None:
    monkeypatch.setenv("FINANCIALS_REDIS_URL", "redis://127.0.0.1:9/0")  # nothing listens
    get_settings.cache_clear()
    async with lifespan(api):
        response = await client.get("/api/health/ready")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["state"] == "degraded"
    assert response.json()["checks"]["rate_limit"]["state"] == "degraded"
    assert "RedisRateLimiter" in response.json()["checks"]["rate_limit"]["detail"]
