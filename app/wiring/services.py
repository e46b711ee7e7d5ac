"""The composition root's one function that puts the concerns together (`open_services`)
and the Reflex lifespan task that hands the result to the API and the UI."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import httpx
from fastapi import FastAPI

from app.config import MarketDataSource, Settings, get_settings
from app.services.container import Services
from app.wiring.ai import open_ai
from app.wiring.auth import build_auth, build_login, build_session_tokens
from app.wiring.grader import grade_forever
from app.wiring.limits import build_limiter
from app.wiring.market import open_market_data
from app.wiring.persistence import open_persistence
from app.wiring.scans import open_scanning

if TYPE_CHECKING:
    import reflex as rx


@asynccontextmanager
async def open_services(
    settings: Settings, *, source: MarketDataSource | None = None
) -> AsyncIterator[Services]:
    """Every port started (migrations, indexes, tables) and closed again afterwards.

    Refuses to start, naming the variable to set, when production lacks a secret.
    """
    sessions = build_session_tokens(settings)
    async with (
        open_persistence(settings) as persistence,
        httpx.AsyncClient() as http,
        open_market_data(settings, source) as market,
        open_ai(settings) as ai,
        open_scanning(settings) as scanning,
    ):
        yield Services(
            settings=settings,
            persistence=persistence,
            auth=build_auth(settings, http),
            login=build_login(settings, http),
            market=market,
            ai=ai,
            limiter=build_limiter(settings),
            sessions=sessions,
            scanning=scanning,
        )


@asynccontextmanager
async def services_lifespan(app: rx.App) -> AsyncIterator[None]:
    """Reflex lifespan task: the app does not serve until its services are built.

    They are kept on the FastAPI app's `state`, where `Depends(get_services)` and the UI's
    accessor find them; removed again on shutdown. The MCP endpoint's session manager and
    the call grader (`grader`) run alongside them (FastAPI's own lifespan does not run under
    Reflex).
    """
    from app.api.mcp import serving_mcp

    api = app.api_transformer
    assert isinstance(api, FastAPI)
    async with open_services(get_settings()) as services, serving_mcp(api, services):
        api.state.services = services
        grader = asyncio.create_task(grade_forever(services), name="grade calls")
        try:
            yield
        finally:
            grader.cancel()
            del api.state.services
