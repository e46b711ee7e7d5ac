"""Production without an AI key is not silently fine: readiness says `degraded` and why, and
start-up warns; `FINANCIALS_AI=offline` makes it intended and quiet."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from app.config import get_settings
from app.wiring import (
    MISSING_AI_KEY,
    ai_lifespan,
    open_market_data,
    open_persistence,
    use_market_data,
    use_persistence,
)
from tests.support.log_recorder import LogRecorder


@asynccontextmanager
async def _started() -> AsyncIterator[None]:
    """Persistence and market data as the app's lifespan starts them (the AI is per test)."""
    settings = get_settings()
    async with (
        open_persistence(settings) as opened,
        use_persistence(opened),
        open_market_data(settings) as market,
        use_market_data(market),
    ):
        yield


@pytest.fixture
async def production(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    monkeypatch.setenv("FINANCIALS_FILES_SIGNING_KEY", "f" * 32)
    get_settings.cache_clear()
    async with _started():
        yield


async def _ai_check(client: httpx.AsyncClient) -> tuple[int, str, dict[str, object]]:
    response = await client.get("/api/health/ready")
    body = response.json()
    return response.status_code, body["status"], body["checks"]["ai"]


@pytest.mark.usefixtures("production")
async def test_production_without_a_key_is_degraded_with_the_reason(
    client: httpx.AsyncClient,
) -> None:
    async with ai_lifespan():
        status, overall, ai = await _ai_check(client)

    assert status == 200, "still ready: the offline analyst answers"
    assert overall == "degraded"
    assert ai["state"] == "degraded"
    assert "FINANCIALS_DASHSCOPE_API_KEY is not set" in str(ai["detail"])
    assert "FINANCIALS_AI=offline" in str(ai["detail"])


@pytest.mark.usefixtures("production")
async def test_production_without_a_key_warns_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    log = LogRecorder()
    monkeypatch.setattr("app.wiring.log", log)
    async with ai_lifespan():
        pass

    assert [event for level, event, _ in log.records if level == "warning"] == [MISSING_AI_KEY]


@pytest.mark.usefixtures("production")
async def test_offline_on_purpose_is_ok_and_silent(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINANCIALS_AI", "offline")
    get_settings.cache_clear()
    log = LogRecorder()
    monkeypatch.setattr("app.wiring.log", log)
    async with ai_lifespan():
        status, overall, ai = await _ai_check(client)

    assert (status, overall, ai["state"]) == (200, "ok", "ok")
    assert ai["detail"] == "offline analyst and planner (FINANCIALS_AI=offline)"
    assert not [event for level, event, _ in log.records if level == "warning"]


@pytest.mark.usefixtures("production")
async def test_production_with_a_key_is_ok(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINANCIALS_DASHSCOPE_API_KEY", "sk-test")
    get_settings.cache_clear()
    async with ai_lifespan():
        status, overall, ai = await _ai_check(client)

    assert (status, overall, ai["state"]) == (200, "ok", "ok")
    assert str(ai["detail"]).startswith("dashscope:")


async def test_development_without_a_key_is_not_degraded(client: httpx.AsyncClient) -> None:
    async with _started(), ai_lifespan():
        status, overall, ai = await _ai_check(client)

    assert (status, overall, ai["state"]) == (200, "ok", "ok")
