"""API tests go through the ASGI app Reflex builds, so `/api` is proven to be mounted."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest


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
