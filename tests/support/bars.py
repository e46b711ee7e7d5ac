"""Bar series for tests: random walks with a seed, series drawn from a close path, and the
real public-domain daily stocks that `bokeh_sampledata` ships."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

SAMPLE_TICKERS = ("AAPL", "GOOG", "IBM", "MSFT")


def random_walk(n: int, seed: int = 0, freq: str = "D", start: str = "2020-01-01") -> pd.DataFrame:
    """Geometric random walk with wicks; reproducible from the seed."""
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, n)))
    open_ = np.concatenate([[100.0], close[:-1]])
    high = np.maximum(open_, close) * (1 + rng.random(n) * 0.005)
    low = np.minimum(open_, close) * (1 - rng.random(n) * 0.005)
    index = pd.date_range(start, periods=n, freq=freq)
    volume = rng.integers(1_000, 10_000, n).astype(float)
    return pd.DataFrame(
        {"open": open_, "high": high, "low": low, "close": close, "volume": volume}, index=index
    )


def from_closes(
    closes: Sequence[float], wick: float = 0.0, start: str = "2024-01-01"
) -> pd.DataFrame:
    """Bars whose open is the previous close and whose wicks extend `wick` beyond the body.

    With wick=0 every high/low is a body edge, so the answer to a test can be read off the
    closes by hand.
    """
    close = np.asarray(closes, dtype=float)
    open_ = np.concatenate([[close[0]], close[:-1]])
    high = np.maximum(open_, close) + wick
    low = np.minimum(open_, close) - wick
    index = pd.date_range(start, periods=len(close), freq="D")
    return pd.DataFrame(
        {"open": open_, "high": high, "low": low, "close": close, "volume": 1.0}, index=index
    )


@cache
def _stocks() -> pd.DataFrame:
    from bokeh_sampledata.stocks import data

    frame: pd.DataFrame = data
    return frame


def sample_stock(ticker: str) -> pd.DataFrame:
    """Daily bars of one of the bundled real stocks (2000-2013), lower-case OHLCV columns."""
    rows = _stocks()[_stocks()["ticker"] == ticker]
    frame = rows.set_index(pd.DatetimeIndex(rows["date"], name="date"))[
        ["open", "high", "low", "close", "volume"]
    ].astype(float)
    return frame.sort_index()
