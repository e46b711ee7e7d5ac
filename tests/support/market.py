"""Market-data test doubles: a provider that counts its calls and can fail or stall."""

from __future__ import annotations

import asyncio

import pandas as pd

from integrations.market_data import HistoryRequest, PriceHistory, Quote, SymbolMatch
from integrations.market_data.models import SourceName
from integrations.market_data.symbols import default_table
from tests.support.bars import random_walk


def history_of(
    symbol: str = "AAPL", n: int = 300, source: SourceName = "yahoo", interval: str = "1d"
) -> PriceHistory:
    frame = random_walk(n, seed=1)
    frame.index = pd.DatetimeIndex(frame.index).tz_localize("America/New_York")
    return PriceHistory(
        symbol=symbol,
        interval=interval,
        source=source,
        currency="USD",
        timezone="America/New_York",
        bars=frame,
    )


class FakeProvider:
    """Answers every request with a random walk; `error` makes it raise instead."""

    def __init__(
        self,
        *,
        source: SourceName = "yahoo",
        error: Exception | None = None,
        delay: float = 0.0,
    ) -> None:
        self.source = source
        self.error = error
        self.delay = delay
        self.requests: list[HistoryRequest] = []
        self.quotes: list[str] = []

    async def history(self, request: HistoryRequest) -> PriceHistory:
        self.requests.append(request)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        return history_of(request.symbol, source=self.source, interval=request.interval)

    async def quote(self, symbol: str) -> Quote:
        self.quotes.append(symbol)
        if self.error is not None:
            raise self.error
        return Quote(symbol=symbol, source=self.source, last_price=100.0)

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return default_table().resolve(text)
