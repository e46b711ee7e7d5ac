"""Market data: where bars come from (Yahoo, the bundled sample, a user's CSV).

Callers use the `MarketDataProvider` port and the models below; `app/wiring` picks and
composes the adapters (`auto` = Yahoo with the sample as offline fallback, each behind the cache).

The names that need pandas (`HistoryRequest`, `PriceHistory`, `Quote`, the port) are loaded
on first use, so that importing a light submodule (`symbols`, which the chat planner and
`financials parse` use to resolve names) does not import pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from integrations.market_data.errors import (
    InvalidRangeError,
    MarketDataError,
    NetworkUnreachableError,
    RateLimitedError,
    SourceUnavailableError,
    UnknownSymbolError,
)
from integrations.market_data.matches import SymbolMatch

if TYPE_CHECKING:
    from integrations.market_data.models import HistoryRequest, PriceHistory, Quote, SourceName
    from integrations.market_data.port import MarketDataProvider

_LAZY = {
    "HistoryRequest": "integrations.market_data.models",
    "PriceHistory": "integrations.market_data.models",
    "Quote": "integrations.market_data.models",
    "SourceName": "integrations.market_data.models",
    "MarketDataProvider": "integrations.market_data.port",
}

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


def __getattr__(name: str) -> object:
    """The pandas-backed names, imported when first asked for (PEP 562)."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
