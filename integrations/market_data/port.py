"""The port every market-data source implements, so callers never know which one answered."""

from __future__ import annotations

from typing import Protocol

from integrations.market_data.matches import SymbolMatch
from integrations.market_data.models import HistoryRequest, PriceHistory, Quote


class MarketDataProvider(Protocol):
    """Bars, quotes and symbol lookup from one source (or a composition of sources).

    Every method raises a `MarketDataError` subclass for anything a user could cause or
    should hear about; the message is fit to show as is.
    """

    async def history(self, request: HistoryRequest) -> PriceHistory:
        """Bars for the request, oldest first; the result names its source."""
        ...

    async def quote(self, symbol: str) -> Quote:
        """Last price, change, day and 52-week ranges of a symbol."""
        ...

    async def resolve(self, text: str) -> list[SymbolMatch]:
        """Ticker candidates for a name, alias or ticker, best first; empty if none fit."""
        ...
