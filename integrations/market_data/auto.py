"""The default source: Yahoo when the network is there, the bundled sample when it is not.

Going offline must cost one quick check, not a timeout on every request: before the first
Yahoo call (and again once a known outage has lasted `outage_seconds`) a TCP connection to
Yahoo is tried with a short timeout, and its outcome is remembered. A Yahoo call that fails
for lack of network also starts an outage. While offline every answer comes from the sample
and says so in its `notice`; symbols the sample lacks get an error listing what it has.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import structlog

from integrations.market_data.errors import (
    NetworkUnreachableError,
    SourceUnavailableError,
    UnknownSymbolError,
)
from integrations.market_data.matches import SymbolMatch
from integrations.market_data.models import HistoryRequest, PriceHistory, Quote
from integrations.market_data.port import MarketDataProvider

OFFLINE_NOTICE = "offline: bundled sample data, 2000–2013"
YAHOO_HOST = "query2.finance.yahoo.com"

Probe = Callable[[], Awaitable[bool]]


def tcp_probe(host: str = YAHOO_HOST, port: int = 443, timeout_seconds: float = 1.5) -> Probe:
    """A check that `host:port` accepts a TCP connection (DNS included) within the timeout."""

    async def reachable() -> bool:
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout_seconds)
        except (OSError, TimeoutError):
            return False
        writer.close()
        return True

    return reachable


class AutoProvider:
    """`MarketDataProvider` that prefers `online` and falls back to `offline` when offline."""

    name = "auto"

    def __init__(
        self,
        online: MarketDataProvider,
        offline: MarketDataProvider,
        *,
        probe: Probe | None = None,
        outage_seconds: float = 300.0,
        trust_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`outage_seconds`: how long an outage is assumed before looking again;
        `trust_seconds`: how long a successful probe vouches for the network."""
        self._online = online
        self._offline = offline
        self._probe = probe or tcp_probe()
        self._outage_seconds = outage_seconds
        self._trust_seconds = trust_seconds
        self._clock = clock
        self._offline_until: float | None = None
        self._online_until: float | None = None
        self._probing: asyncio.Task[bool] | None = None

    @property
    def offline(self) -> bool:
        """True while an outage is remembered."""
        return self._offline_until is not None and self._clock() < self._offline_until

    async def _is_offline(self) -> bool:
        now = self._clock()
        if self._offline_until is not None and now < self._offline_until:
            return True
        if self._online_until is not None and now < self._online_until:
            return False
        if self._probing is None or self._probing.done():
            # One probe for everyone waiting: concurrent requests share its answer.
            self._probing = asyncio.ensure_future(self._probe())
        if await asyncio.shield(self._probing):
            if self._offline_until is not None:
                structlog.get_logger(__name__).info("market_data.online_again")
            self._offline_until = None
            self._online_until = self._clock() + self._trust_seconds
            return False
        self._went_offline("no connection to Yahoo Finance")
        return True

    def _went_offline(self, reason: str) -> None:
        if not self.offline:
            structlog.get_logger(__name__).warning(
                "market_data.offline",
                reason=reason,
                effect="answering from the bundled sample data",
                retry_in_seconds=self._outage_seconds,
            )
        self._offline_until = self._clock() + self._outage_seconds
        self._online_until = None

    @staticmethod
    def _unavailable(exc: UnknownSymbolError) -> SourceUnavailableError:
        return SourceUnavailableError(
            f"Yahoo Finance is unreachable (no network), and {exc}. Try again when online."
        )

    async def history(self, request: HistoryRequest) -> PriceHistory:
        if not await self._is_offline():
            try:
                return await self._online.history(request)
            except NetworkUnreachableError as exc:
                self._went_offline(str(exc))
        try:
            result = await self._offline.history(request)
        except UnknownSymbolError as exc:
            raise self._unavailable(exc) from exc
        return result.model_copy(update={"notice": OFFLINE_NOTICE})

    async def quote(self, symbol: str) -> Quote:
        if not await self._is_offline():
            try:
                return await self._online.quote(symbol)
            except NetworkUnreachableError as exc:
                self._went_offline(str(exc))
        try:
            result = await self._offline.quote(symbol)
        except UnknownSymbolError as exc:
            raise self._unavailable(exc) from exc
        return result.model_copy(update={"notice": OFFLINE_NOTICE})

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return await self._online.resolve(text)
