"""A resolver that answers like market data's: names from a table, tickers passed through.

Market data's `resolve` passes any ticker-shaped text through with no name, short lower-case
words included ("xyz", "wind"); this one does the same, so the planner is tested against
that behaviour and not against a friendlier fake.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

_TICKER = re.compile(r"^\^?[A-Z0-9]{1,12}(?:[.\-][A-Z0-9]{1,6})?(?:=[XF])?$")
_TOKEN = re.compile(r"[a-z0-9]+")


class Candidate(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: str
    name: str | None = None


def normalize(text: str) -> str:
    """ "S&P 500", "s&p500" and "SP 500" all become "sp500"; "Tesla, Inc." stays "teslainc"."""
    return "".join(_TOKEN.findall(text.lower().replace("&", " ")))


def looks_like_ticker(text: str) -> bool:
    """Upper-case ticker shapes, short words, or text with a ticker's punctuation."""
    stripped = text.strip()
    if not _TICKER.match(stripped.upper()):
        return False
    return stripped.isupper() or len(stripped) <= 5 or any(c in stripped for c in ".-=^")


class TableSymbolResolver:
    """`SymbolResolver` over a name table: {"tesla": ("TSLA", "Tesla"), ...}."""

    def __init__(self, table: Mapping[str, tuple[str, str]]) -> None:
        self._by_key = {
            normalize(alias): Candidate(symbol=s, name=n) for alias, (s, n) in table.items()
        }
        for symbol, name in table.values():
            self._by_key.setdefault(normalize(symbol), Candidate(symbol=symbol, name=name))

    async def resolve(self, text: str) -> Sequence[Candidate]:
        stripped = " ".join(text.split()).lstrip("$")
        if not stripped:
            return []
        known = self._by_key.get(normalize(stripped))
        if known is not None:
            return [known]
        if looks_like_ticker(stripped):
            return [Candidate(symbol=stripped.upper())]
        return []


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
    "general motors": ("GM", "General Motors"), "gm": ("GM", "General Motors"),
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
