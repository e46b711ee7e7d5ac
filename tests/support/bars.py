"""Bar series for tests: random walks with a seed, series drawn from a close path, and the
real public-domain daily stocks that `bokeh_sampledata` ships."""

from __future__ import annotations

import itertools
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


def path(*turns: float, step: float = 1.0) -> list[float]:
    """Closes that walk in straight lines of about `step` through the turning points.

    `path(10, 14, 11)` is 10, 11, 12, 13, 14, 13, 12, 11: each turning point lands on a known
    bar, so tests can state exactly where swings and breaks must be found.
    """
    closes: list[float] = [float(turns[0])]
    for a, b in itertools.pairwise(turns):
        steps = max(1, round(abs(b - a) / step))
        closes.extend(np.linspace(a, b, steps + 1)[1:].tolist())
    return closes


def turn_indices(*turns: float, step: float = 1.0) -> list[int]:
    """The bar index of each turning point in `path(*turns)`."""
    indices = [0]
    for a, b in itertools.pairwise(turns):
        indices.append(indices[-1] + max(1, round(abs(b - a) / step)))
    return indices


def ohlc(
    rows: Sequence[tuple[float, float, float, float]], start: str = "2024-01-01"
) -> pd.DataFrame:
    """Bars written out by hand as (open, high, low, close)."""
    frame = pd.DataFrame(rows, columns=["open", "high", "low", "close"], dtype=float)
    frame["volume"] = 1.0
    frame.index = pd.date_range(start, periods=len(rows), freq="D")
    return frame
