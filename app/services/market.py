"""Market data use cases: what the CLI, the API and the chat call to get bars.

Text goes in as the user typed it ("tesla", "s&p 500", "0700.HK"); the symbol is resolved
first, so every caller accepts names as well as tickers and fails the same way.
"""

from __future__ import annotations

from datetime import date

from integrations.market_data import (
    HistoryRequest,
    MarketDataProvider,
    PriceHistory,
    Quote,
    SymbolMatch,
    UnknownSymbolError,
)

EXAMPLES = (
    "a ticker (AAPL, BTC-USD, ^GSPC, EURUSD=X, 0700.HK) or a name "
    "(apple, bitcoin, s&p 500, gold, eur/usd)"
)


async def resolve_symbol(provider: MarketDataProvider, text: str) -> SymbolMatch:
    """The best candidate for the text, or `UnknownSymbolError` saying what is accepted."""
    matches = await provider.resolve(text)
    if not matches:
        raise UnknownSymbolError(f"nothing matches {text.strip()!r}; type {EXAMPLES}")
    return matches[0]


async def get_history(
    provider: MarketDataProvider,
    text: str,
    *,
    period: str | None = None,
    start: date | None = None,
    end: date | None = None,
    interval: str = "1d",
) -> PriceHistory:
    """Bars for what the user typed; the last six months when no period or dates are given."""
    match = await resolve_symbol(provider, text)
    request = HistoryRequest.create(
        match.symbol, period=period, start=start, end=end, interval=interval
    )
    return await provider.history(request)


async def get_quote(provider: MarketDataProvider, text: str) -> Quote:
    match = await resolve_symbol(provider, text)
    return await provider.quote(match.symbol)
