"""A small table resolver: the CLI's fallback until market data's resolver is wired in.

It behaves like market data's `resolve` on purpose (names and aliases from a table; text
shaped like a ticker passed through with no name), so the planner meets the same answers
from both. `app.wiring.ai_symbol_resolver` is the seam where the real one replaces it.
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


# Names people type most; market data's table has hundreds more.
BUILTIN_NAMES: dict[str, tuple[str, str]] = {
    "apple": ("AAPL", "Apple"), "microsoft": ("MSFT", "Microsoft"),
    "tesla": ("TSLA", "Tesla"), "nvidia": ("NVDA", "NVIDIA"),
    "amazon": ("AMZN", "Amazon"), "google": ("GOOGL", "Alphabet"),
    "alphabet": ("GOOGL", "Alphabet"), "meta": ("META", "Meta Platforms"),
    "facebook": ("META", "Meta Platforms"), "netflix": ("NFLX", "Netflix"),
    "amd": ("AMD", "Advanced Micro Devices"), "intel": ("INTC", "Intel"),
    "palantir": ("PLTR", "Palantir"), "coinbase": ("COIN", "Coinbase"),
    "berkshire": ("BRK-B", "Berkshire Hathaway"), "jpmorgan": ("JPM", "JPMorgan Chase"),
    "disney": ("DIS", "Walt Disney"), "boeing": ("BA", "Boeing"),
    "coca cola": ("KO", "Coca-Cola"), "tencent": ("0700.HK", "Tencent"),
    "alibaba": ("BABA", "Alibaba"), "bitcoin": ("BTC-USD", "Bitcoin"),
    "btc": ("BTC-USD", "Bitcoin"), "ethereum": ("ETH-USD", "Ethereum"),
    "eth": ("ETH-USD", "Ethereum"), "solana": ("SOL-USD", "Solana"),
    "s&p 500": ("^GSPC", "S&P 500"), "s&p": ("^GSPC", "S&P 500"), "spx": ("^GSPC", "S&P 500"),
    "nasdaq": ("^IXIC", "Nasdaq Composite"), "nasdaq 100": ("^NDX", "Nasdaq 100"),
    "dow": ("^DJI", "Dow Jones"), "dow jones": ("^DJI", "Dow Jones"),
    "gold": ("GC=F", "Gold"), "silver": ("SI=F", "Silver"), "oil": ("CL=F", "Crude Oil"),
    "crude": ("CL=F", "Crude Oil"), "eur/usd": ("EURUSD=X", "EUR/USD"),
    "euro": ("EURUSD=X", "EUR/USD"), "gbp/usd": ("GBPUSD=X", "GBP/USD"),
    "usd/jpy": ("JPY=X", "USD/JPY"), "spy": ("SPY", "SPDR S&P 500 ETF"),
    "qqq": ("QQQ", "Invesco QQQ"),
}  # fmt: skip


def builtin_resolver() -> TableSymbolResolver:
    return TableSymbolResolver(BUILTIN_NAMES)
