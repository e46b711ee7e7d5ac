"""What every SQL adapter does alike: run sync SQLAlchemy work in a thread, migrate on start,
answer pings, dispose of the engine on close."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine

from integrations.sql.engine import ping
from integrations.sql.migrate import upgrade_to_head

T = TypeVar("T")


class SqlStore:
    """Base of the SQL adapters; `start` applies the migrations."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.to_thread(work)

    async def start(self) -> None:
        await self._run(lambda: upgrade_to_head(self._engine))

    async def ping(self) -> None:
        await self._run(lambda: ping(self._engine))

    async def close(self) -> None:
        await self._run(self._engine.dispose)
