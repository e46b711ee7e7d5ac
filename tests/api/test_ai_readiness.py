"""Production without an AI key is not silently fine: readiness says `degraded` and why, and
start-up warns; `FINANCIALS_AI=offline` makes it intended and quiet."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from app.config import MISSING_AI_KEY, get_settings
from tests.api.conftest import lifespan
from tests.support.log_recorder import LogRecorder


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production settings with every secret but the AI key (tokens from an issuer)."""
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    monkeypatch.setenv("FINANCIALS_FILES_SIGNING_KEY", "f" * 32)
    monkeypatch.setenv("FINANCIALS_SESSION_SECRET", "s" * 32)
    monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", "https://issuer.example")
    monkeypatch.setenv("FINANCIALS_OIDC_CLIENT_ID", "financials")
    get_settings.cache_clear()


async def _ai_check(client: httpx.AsyncClient) -> tuple[int, str, dict[str, object]]:
    response = await client.get("/api/health/ready")
    body = response.json()
    return response.status_code, body["status"], body["checks"]["ai"]


@pytest.mark.usefixtures("production")
async def test_production_without_a_key_is_degraded_with_the_reason(
    client: httpx.AsyncClient, api: FastAPI
) -> None:
    async with lifespan(api):
        status, overall, ai = await _ai_check(client)

    assert status == 200, "still ready: the offline analyst answers"
    assert overall == "degraded"
    assert ai["state"] == "degraded"
    assert "FINANCIALS_DASHSCOPE_API_KEY is not set" in str(ai["detail"])
    assert "FINANCIALS_AI=offline" in str(ai["detail"])


@pytest.mark.usefixtures("production")
async def test_production_without_a_key_warns_at_start_up(
    monkeypatch: pytest.MonkeyPatch, api: FastAPI
) -> None:
    log = LogRecorder()
    monkeypatch.setattr("app.wiring.ai.log", log)
    async with lifespan(api):
        pass

    assert [event for level, event, _ in log.records if level == "warning"] == [MISSING_AI_KEY]


@pytest.mark.usefixtures("production")
async def test_offline_on_purpose_is_ok_and_silent(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, api: FastAPI
) -> None:
    monkeypatch.setenv("FINANCIALS_AI", "offline")
    get_settings.cache_clear()
    log = LogRecorder()
    monkeypatch.setattr("app.wiring.ai.log", log)
    async with lifespan(api):
        status, overall, ai = await _ai_check(client)

    assert (status, overall, ai["state"]) == (200, "ok", "ok")
    assert ai["detail"] == "offline analyst and planner (FINANCIALS_AI=offline)"
    assert not [event for level, event, _ in log.records if level == "warning"]


@pytest.mark.usefixtures("production")
async def test_production_with_a_key_is_ok(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, api: FastAPI
) -> None:
    monkeypatch.setenv("FINANCIALS_DASHSCOPE_API_KEY", "sk-test")
    get_settings.cache_clear()
    async with lifespan(api):
        status, overall, ai = await _ai_check(client)

    assert (status, overall, ai["state"]) == (200, "ok", "ok")
    assert str(ai["detail"]).startswith("dashscope:")


async def test_development_without_a_key_is_not_degraded(
    client: httpx.AsyncClient, api: FastAPI
) -> None:
    async with lifespan(api):
        status, overall, ai = await _ai_check(client)

    assert (status, overall, ai["state"]) == (200, "ok", "ok")
