"""Paces the chat's in-between updates (progress steps, the reading as it streams).

Every update sent to the page replaces the conversation's message list there, and the page
re-renders every answer on it: a warm turn used to send a dozen updates within 200 ms, and a
conversation of a few charts spent seconds of the browser's time on them. The user cannot
read faster than a few updates a second, so at most one goes out per `every` seconds: the
newest one, at the end of the pause (so a slow step is never left unsaid).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

# Four updates a second: faster than anyone reads a progress line, slow enough that a
# turn sends a handful of updates, not a dozen.
UPDATE_EVERY_SECONDS = 0.25


@dataclass
class Pacer(Generic[T]):
    """Sends values through `send`, at most one per `every` seconds, newest first.

    `push` sends at once when the last send is old enough; otherwise it keeps the value
    and sends the newest kept one when the pause ends. `close` drops what is kept (the
    final answer replaces it anyway) and waits for a send in flight.
    """

    send: Callable[[T], Awaitable[None]]
    every: float = UPDATE_EVERY_SECONDS
    clock: Callable[[], float] = time.monotonic
    _sent_at: float | None = None
    _kept: tuple[T] | None = None
    _later: asyncio.Task[None] | None = field(default=None, repr=False)
    _pausing: bool = False

    async def push(self, value: T) -> None:
        if self._later is None and self._wait() <= 0:
            await self._send(value)
            return
        self._kept = (value,)
        if self._later is None:
            self._later = asyncio.create_task(self._send_kept(first_wait=self._wait()))

    async def close(self) -> None:
        self._kept = None
        later, self._later = self._later, None
        if later is None:
            return
        if self._pausing:
            later.cancel()  # only while it sleeps: a send in flight is let finish
        with contextlib.suppress(asyncio.CancelledError):
            await later

    def _wait(self) -> float:
        if self._sent_at is None:
            return 0.0
        return self._sent_at + self.every - self.clock()

    async def _send(self, value: T) -> None:
        self._sent_at = self.clock()
        await self.send(value)

    async def _send_kept(self, *, first_wait: float) -> None:
        """Sends the newest kept value after each pause, until a pause keeps nothing."""
        wait = first_wait
        try:
            while True:
                self._pausing = True
                try:
                    await asyncio.sleep(max(wait, 0.0))
                finally:
                    self._pausing = False
                kept, self._kept = self._kept, None
                if kept is None:
                    return
                await self._send(kept[0])
                wait = self.every
        finally:
            if self._later is asyncio.current_task():
                self._later = None
