"""Starting the app (its Reflex lifespan) prepares persistence before anything is served."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from app.config import get_settings
from app.services.container import Services


async def test_the_app_migrates_the_database_and_serves_files_once_started(
    mounted_asgi_app: Any, api: FastAPI, client: httpx.AsyncClient
) -> None:
    database = get_settings().data_dir / "financials.db"
    assert not database.exists()

    async with mounted_asgi_app.router.lifespan_context(mounted_asgi_app):
        assert database.is_file()
        services = api.state.services
        assert isinstance(services, Services)
        persistence = services.persistence
        key = "charts/0123456789abcdef0123456789abcdef/chart.png"
        await persistence.objects.put(key, b"\x89PNG")
        link = await persistence.objects.signed_url(key, timedelta(minutes=1))
        assert (await client.get(link)).content == b"\x89PNG"

    assert getattr(api.state, "services", None) is None, "closed and removed on shutdown"
    response = await client.get("/api/analyses")
    assert response.status_code == 503, "before start-up the API says so"
