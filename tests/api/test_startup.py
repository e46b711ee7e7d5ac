"""Starting the app (its Reflex lifespan) prepares persistence before anything is served."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from app.config import get_settings
from app.wiring import NotStartedError, current_persistence


async def test_the_app_migrates_the_database_and_serves_files_once_started(
    mounted_asgi_app: Any, client: httpx.AsyncClient
) -> None:
    database = get_settings().data_dir / "financials.db"
    assert not database.exists()

    async with mounted_asgi_app.router.lifespan_context(mounted_asgi_app):
        assert database.is_file()
        persistence = current_persistence()
        key = "charts/0123456789abcdef0123456789abcdef/chart.png"
        await persistence.objects.put(key, b"\x89PNG")
        link = await persistence.objects.signed_url(key, timedelta(minutes=1))
        assert (await client.get(link)).content == b"\x89PNG"

    with pytest.raises(NotStartedError):
        current_persistence()
