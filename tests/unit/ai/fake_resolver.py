"""A resolver that answers like market data's: names from a table, tickers passed through.

Market data's `resolve` passes any ticker-shaped text through with no name, short lower-case
words included ("xyz", "wind"); this one does the same, so the planner is tested against
that behaviour and not against a friendlier fake.
"""

from __future__ import annotations

from integrations.ai.symbols import TableSymbolResolver

TEST_NAMES: dict[str, tuple[str, str]] = {
    "tesla": ("TSLA", "Tesla"), "apple": ("AAPL", "Apple"),
    "microsoft": ("MSFT", "Microsoft"), "nvidia": ("NVDA", "NVIDIA"),
    "amd": ("AMD", "Advanced Micro Devices"), "amazon": ("AMZN", "Amazon"),
    "google": ("GOOGL", "Alphabet"), "alphabet": ("GOOGL", "Alphabet"),
    "meta": ("META", "Meta Platforms"), "facebook": ("META", "Meta Platforms"),
    "netflix": ("NFLX", "Netflix"), "intel": ("INTC", "Intel"),
    "palantir": ("PLTR", "Palantir"), "coinbase": ("COIN", "Coinbase"),
    "berkshire hathaway": ("BRK-B", "Berkshire Hathaway"),
    "bank of america": ("BAC", "Bank of America"), "jpmorgan": ("JPM", "JPMorgan Chase"),
    "disney": ("DIS", "Walt Disney"), "boeing": ("BA", "Boeing"), "ford": ("F", "Ford"),
    "coca cola": ("KO", "Coca-Cola"), "tencent": ("0700.HK", "Tencent"),
    "bitcoin": ("BTC-USD", "Bitcoin"), "btc": ("BTC-USD", "Bitcoin"),
    "btc/usd": ("BTC-USD", "Bitcoin"), "ethereum": ("ETH-USD", "Ethereum"),
    "eth": ("ETH-USD", "Ethereum"), "solana": ("SOL-USD", "Solana"),
    "s&p 500": ("^GSPC", "S&P 500"), "s&p": ("^GSPC", "S&P 500"), "spx": ("^GSPC", "S&P 500"),
    "nasdaq": ("^IXIC", "Nasdaq Composite"), "nasdaq 100": ("^NDX", "Nasdaq 100"),
    "dow jones": ("^DJI", "Dow Jones"), "dow": ("^DJI", "Dow Jones"),
    "nikkei 225": ("^N225", "Nikkei 225"), "nikkei": ("^N225", "Nikkei 225"),
    "gold": ("GC=F", "Gold"), "silver": ("SI=F", "Silver"), "crude oil": ("CL=F", "Crude Oil"),
    "oil": ("CL=F", "Crude Oil"), "eur/usd": ("EURUSD=X", "EUR/USD"),
    "eurusd": ("EURUSD=X", "EUR/USD"), "euro dollar": ("EURUSD=X", "EUR/USD"),
    "dollar index": ("DX-Y.NYB", "US Dollar Index"), "dxy": ("DX-Y.NYB", "US Dollar Index"),
    "spy": ("SPY", "SPDR S&P 500 ETF"), "qqq": ("QQQ", "Invesco QQQ"),
}  # fmt: skip


def fake_resolver() -> TableSymbolResolver:
    return TableSymbolResolver(TEST_NAMES)
