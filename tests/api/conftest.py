"""API tests go through the ASGI app Reflex builds, so `/api` is proven to be mounted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from app.config import get_settings
from app.wiring import (
    Auth,
    MarketData,
    Persistence,
    build_ai,
    build_auth,
    open_market_data,
    open_persistence,
    use_ai,
    use_auth,
    use_market_data,
    use_persistence,
)


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


@pytest.fixture
async def client(mounted_asgi_app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=mounted_asgi_app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@dataclass(frozen=True)
class Started:
    """The app's services as its lifespan opens them, plus a way to mint dev tokens."""

    persistence: Persistence
    auth: Auth
    market: MarketData

    def headers(
        self, sub: str = "alice", scopes: str = "charts:read charts:write"
    ) -> dict[str, str]:
        assert self.auth.dev_issuer is not None
        token = self.auth.dev_issuer.mint(sub, scopes.split())
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def started(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Started]:
    """What the app's lifespan opens, with the bundled sample as the market data source
    (deterministic and offline; tests of the `auto` fallback set their own source)."""
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "sample")
    get_settings.cache_clear()
    settings = get_settings()
    async with (
        open_persistence(settings) as persistence,
        use_persistence(persistence),
        httpx.AsyncClient() as http,
        use_auth(build_auth(settings, http)) as auth,
        open_market_data(settings) as market,
        use_market_data(market),
        use_ai(build_ai(settings)),
    ):
        yield Started(persistence=persistence, auth=auth, market=market)
