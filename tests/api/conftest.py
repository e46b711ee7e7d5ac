"""API tests go through the ASGI app Reflex builds, so `/api` is proven to be mounted."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.config import get_settings
from app.services.container import Auth, Login, MarketData, Persistence, Services
from app.wiring import open_services
from app.wiring.auth import build_login, build_session_tokens


@pytest.fixture(scope="session")
def mounted_asgi_app() -> object:
    """The composed Reflex backend (our FastAPI app wrapping Reflex's routes)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("__REFLEX_SKIP_COMPILE", "true")  # Reflex's internal name; the API needs no frontend
    try:
        from app.app import app

        return app()
    finally:
        mp.undo()


@pytest.fixture(scope="session")
def api(mounted_asgi_app: object) -> FastAPI:
    """Our FastAPI app inside the composed backend: where the lifespan keeps the services."""
    from app.app import app

    assert isinstance(app.api_transformer, FastAPI)
    return app.api_transformer


@pytest.fixture
async def client(mounted_asgi_app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mounted_asgi_app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@dataclass(frozen=True)
class Started:
    """The app's services as its lifespan builds them, plus a way to mint dev tokens and to
    swap a part for a fake (a new container, as a test of the app would build one)."""

    services: Services
    api: FastAPI

    @property
    def persistence(self) -> Persistence:
        return self.services.persistence

    @property
    def auth(self) -> Auth:
        return self.services.auth

    @property
    def market(self) -> MarketData:
        return self.services.market

    def headers(
        self, sub: str = "alice", scopes: str = "charts:read charts:write"
    ) -> dict[str, str]:
        assert self.auth.dev_issuer is not None
        token = self.auth.dev_issuer.mint(sub, scopes.split())
        return {"Authorization": f"Bearer {token}"}

    @asynccontextmanager
    async def sign_in_as_configured(self) -> AsyncIterator[Login]:
        """Sign-in and its settings rebuilt from the environment as it is now (a test
        changed it), served until the block ends."""
        settings = get_settings()
        async with httpx.AsyncClient() as http:
            login = build_login(settings, http)
            sessions = build_session_tokens(settings)
            with self.replaced(settings=settings, login=login, sessions=sessions):
                yield login

    @contextmanager
    def replaced(self, **parts: Any) -> Iterator[Services]:
        """The app serves a container with `parts` replaced, until the block ends."""
        with serving(self.api, dataclasses.replace(self.services, **parts)) as services:
            yield services


@contextmanager
def serving(api: FastAPI, services: Services) -> Iterator[Services]:
    """`services` is what the app serves with for the block, as the lifespan would set it."""
    previous = getattr(api.state, "services", None)
    api.state.services = services
    try:
        yield services
    finally:
        api.state.services = previous


@pytest.fixture
async def started(monkeypatch: pytest.MonkeyPatch, api: FastAPI) -> AsyncIterator[Started]:
    """What the app's lifespan builds, with the bundled sample as the market data source
    (deterministic and offline; tests of the `auto` fallback set their own source)."""
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "sample")
    get_settings.cache_clear()
    async with open_services(get_settings()) as services:
        with serving(api, services):
            yield Started(services=services, api=api)


@asynccontextmanager
async def lifespan(api: FastAPI) -> AsyncIterator[Services]:
    """What the app's lifespan does, with the settings as they are now: build, serve, close."""
    async with open_services(get_settings()) as services:
        with serving(api, services):
            yield services
