"""Offline source: real daily bars of AAPL, FB, GOOG, IBM and MSFT, March 2000 to March 2013.

The data is the public-domain Quandl WIKI series that `bokeh_sampledata` ships
(`_data/stocks.csv.gz`), read directly with pandas (10x faster than the package's loader).
Its open/high/low/close are UNADJUSTED: AAPL's 2:1 splits of June 2000 and February 2005
look like -50% crashes that would wreck any swing or Fibonacci analysis. So every bar is
multiplied by adj_close/close, rescaled so that the LAST bar keeps its real price: the series
reads as Yahoo would have shown it on 2013-03-01 (splits and dividends adjusted backwards).
Real crashes stay: AAPL's -52% of 2000-09-29 (a profit warning) is history, not a split.
Volume is divided by the same factor, which keeps each bar's turnover (price x volume) as it was.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pandas as pd

from integrations.market_data.errors import InvalidRangeError, UnknownSymbolError
from integrations.market_data.fetcher import fetch_history
from integrations.market_data.frames import (
    coverage,
    quote_from_bars,
    resample,
    slice_range,
    validated,
)
from integrations.market_data.matches import SymbolMatch
from integrations.market_data.models import (
    COLUMNS,
    HistoryRequest,
    PriceHistory,
    Quote,
    is_intraday,
)
from integrations.market_data.symbols import SymbolTable, default_table

SAMPLE_TICKERS = ("AAPL", "FB", "GOOG", "IBM", "MSFT")
SAMPLE_NOTICE = "bundled sample data, 2000–2013 (daily, split-adjusted), not live prices"
TIMEZONE = "America/New_York"
# Today's tickers of the sample's companies, so "meta" or "GOOGL" still find their history.
_RENAMED = {"META": "FB", "GOOGL": "GOOG"}
_NAMES = {
    "AAPL": ("Apple Inc.", "NMS"),
    "FB": ("Facebook Inc. (now Meta Platforms)", "NMS"),
    "GOOG": ("Google Inc. (now Alphabet)", "NMS"),
    "IBM": ("International Business Machines Corporation", "NYQ"),
    "MSFT": ("Microsoft Corporation", "NMS"),
}


def available() -> str:
    return ", ".join(SAMPLE_TICKERS)


@cache
def sample_frames() -> dict[str, pd.DataFrame]:
    """Each ticker's adjusted daily bars, midnight New York time, read once per process."""
    path = files("bokeh_sampledata").joinpath("_data", "stocks.csv.gz")
    with path.open("rb") as handle:
        raw = pd.read_csv(handle, compression="gzip", parse_dates=["Date"])
    frames = {}
    for ticker, rows in raw.groupby("Ticker", sort=True):
        factor = rows["Adj Close"] / rows["Close"]
        factor = factor / factor.iloc[-1]
        frame = pd.DataFrame(
            {
                "open": rows["Open"] * factor,
                "high": rows["High"] * factor,
                "low": rows["Low"] * factor,
                "close": rows["Close"] * factor,
                "volume": rows["Volume"] / factor,
            }
        )
        frame.index = pd.DatetimeIndex(rows["Date"], name="date").tz_localize(TIMEZONE)
        # Four decimals drop the float noise of the rescaling (441.40000000000515 -> 441.4).
        frames[str(ticker)] = frame.sort_index()[list(COLUMNS)].astype("float64").round(4)
    return frames


@dataclass(frozen=True, slots=True)
class SampleQuery:
    ticker: str
    request: HistoryRequest


class SampleProvider:
    """`MarketDataProvider` over the bundled sample; works with no network at all."""

    name = "sample"

    def __init__(self, table: SymbolTable | None = None) -> None:
        self._table = table or default_table()

    def ticker(self, symbol: str) -> str:
        """The sample's ticker for a symbol, or `UnknownSymbolError` listing what exists."""
        wanted = symbol.strip().upper()
        ticker = _RENAMED.get(wanted, wanted)
        if ticker not in SAMPLE_TICKERS:
            raise UnknownSymbolError(
                f"{wanted} is not in the bundled sample data; available offline: {available()}"
            )
        return ticker

    def transform_query(self, request: HistoryRequest) -> SampleQuery:
        ticker = self.ticker(request.symbol)
        if is_intraday(request.interval):
            raise InvalidRangeError(
                f"the bundled sample has daily bars only, so {request.interval} bars cannot be "
                "made from it; the nearest it has is 1d (also 5d, 1wk, 1mo and 3mo)"
            )
        return SampleQuery(ticker=ticker, request=request)

    async def extract_data(self, query: SampleQuery) -> pd.DataFrame:
        frames = await asyncio.to_thread(sample_frames)
        return frames[query.ticker]

    def transform_data(self, query: SampleQuery, data: pd.DataFrame) -> PriceHistory:
        request = query.request
        bars = slice_range(data, request)
        if bars.empty:
            raise InvalidRangeError(
                f"the bundled sample has no {query.ticker} bars from {request.start} to "
                f"{request.end or 'its end'}; it covers {coverage(data)}"
            )
        bars = resample(bars, request.interval)
        name, exchange = _NAMES[query.ticker]
        return PriceHistory(
            symbol=query.ticker,
            interval=request.interval,
            source="sample",
            notice=SAMPLE_NOTICE,
            currency="USD",
            timezone=TIMEZONE,
            exchange=exchange,
            name=name,
            bars=validated(bars),
        )

    async def history(self, request: HistoryRequest) -> PriceHistory:
        return await fetch_history(self, request)

    async def quote(self, symbol: str) -> Quote:
        ticker = self.ticker(symbol)
        frames = await asyncio.to_thread(sample_frames)
        name, exchange = _NAMES[ticker]
        return quote_from_bars(
            frames[ticker],
            symbol=ticker,
            source="sample",
            name=name,
            currency="USD",
            exchange=exchange,
            notice=SAMPLE_NOTICE,
        )

    async def resolve(self, text: str) -> list[SymbolMatch]:
        return self._table.resolve(text)
