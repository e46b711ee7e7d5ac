"""Liveness: cheap, unauthenticated, and honest about what it checked."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app import __version__
from app.api.deps import SettingsDep
from app.config import MISSING_AI_KEY, Settings
from app.services.container import Services
from app.services.readiness import Probe, Readiness, check_readiness

router = APIRouter(tags=["health"])

CheckState = Literal["ok", "degraded", "failed"]


class Health(BaseModel):
    """Liveness report; `status` is `ok` unless a check failed outright."""

    status: Literal["ok", "degraded"]
    version: str
    environment: str
    checks: dict[str, CheckState] = Field(
        description="Each local check and its state; later dependencies add their own."
    )


def _data_dir_state(settings: Settings) -> CheckState:
    """The embedded adapters write under `data_dir`; a read-only folder degrades them."""
    path = settings.data_dir
    target = path if path.exists() else path.parent
    return "ok" if os.access(target.resolve(), os.W_OK) else "degraded"


@router.get("/health", response_model=Health, summary="Liveness")
def health(settings: SettingsDep) -> Health:
    checks: dict[str, CheckState] = {"settings": "ok", "data_dir": _data_dir_state(settings)}
    status: Literal["ok", "degraded"] = (
        "ok" if all(state == "ok" for state in checks.values()) else "degraded"
    )
    return Health(status=status, version=__version__, environment=settings.env, checks=checks)


def _probes(services: Services) -> list[Probe]:
    persistence = services.persistence
    cache = services.market.cache
    limiter = services.limiter
    return [
        Probe("database", True, persistence.records.ping, type(persistence.records).__name__),
        Probe(
            "chat_history",
            True,
            persistence.chat_history.ping,
            type(persistence.chat_history).__name__,
        ),
        Probe("storage", True, persistence.objects.ping, type(persistence.objects).__name__),
        # Without the cache requests are slower, not failing: degraded, still ready.
        Probe("cache", False, cache.ping, type(cache).__name__),
        # Without Redis, limits are per process: degraded, still ready.
        Probe("rate_limit", False, limiter.ping, type(limiter).__name__),
        # Not called (a model call costs money); says which analyst answers, and is degraded
        # when production lacks the key without FINANCIALS_AI=offline saying it is meant.
        Probe("ai", False, _ai_check(services.settings), _ai_detail(services)),
    ]


def _ai_check(settings: Settings) -> Callable[[], Awaitable[None]]:
    missing = settings.missing_ai_key

    async def check() -> None:
        if missing:
            raise MissingAiKeyError(MISSING_AI_KEY)

    return check


class MissingAiKeyError(RuntimeError):
    """Production without an AI key: still ready, but not what was deployed."""


def _ai_detail(services: Services) -> str:
    ai, settings = services.ai, services.settings
    if ai.provider == "dashscope":
        return f"dashscope: {settings.vl_model} reads charts, {settings.chat_model} plans chat"
    if settings.ai == "offline":
        return "offline analyst and planner (FINANCIALS_AI=offline)"
    return "offline analyst and planner (no DASHSCOPE_API_KEY)"


@router.get(
    "/health/ready",
    response_model=Readiness,
    summary="Readiness: every dependency's state",
    responses={503: {"model": Readiness, "description": "A required dependency is down."}},
)
async def ready(request: Request) -> JSONResponse:
    # Not `Depends(get_services)`: before start-up this is a readiness report, not a problem.
    services: Services | None = getattr(request.app.state, "services", None)
    if services is None:
        report = Readiness(status="failed", checks={})
        return JSONResponse(report.model_dump(), status_code=503)
    report = await check_readiness(_probes(services))
    return JSONResponse(report.model_dump(), status_code=200 if report.ready else 503)
