"""Market data: where bars come from (Yahoo, the bundled sample, a user's CSV).

Callers use the `MarketDataProvider` port and the models below; `app/wiring.py` picks and
composes the adapters (`auto` = Yahoo with the sample as offline fallback, each behind the cache).
"""

from integrations.market_data.errors import (
    InvalidRangeError,
    MarketDataError,
    NetworkUnreachableError,
    RateLimitedError,
    SourceUnavailableError,
    UnknownSymbolError,
)
from integrations.market_data.models import (
    HistoryRequest,
    PriceHistory,
    Quote,
    SourceName,
    SymbolMatch,
)
from integrations.market_data.port import MarketDataProvider

__all__ = [
    "HistoryRequest",
    "InvalidRangeError",
    "MarketDataError",
    "MarketDataProvider",
    "NetworkUnreachableError",
    "PriceHistory",
    "Quote",
    "RateLimitedError",
    "SourceName",
    "SourceUnavailableError",
    "SymbolMatch",
    "UnknownSymbolError",
]
