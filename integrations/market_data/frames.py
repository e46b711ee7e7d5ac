"""Frame operations the sources share: range slicing, resampling, quotes from bars.

Yahoo does most of these server-side; the bundled sample and a user's CSV have only their own
bars, so they slice periods relative to their LAST bar (the sample ends in 2013, "6mo" there
means its final six months) and build coarser intervals from daily bars here. No source
serves 2h or 4h bars: every source builds them from its 1h (or shorter) bars with
`resample_hours`.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from analysis import AnalysisInputError
from analysis.bars import to_bars
from integrations.market_data.errors import InvalidRangeError
from integrations.market_data.models import (
    COLUMNS,
    HistoryRequest,
    Quote,
    SourceName,
    change_of,
)

# Calendar length of each period; "1d", "5d", "ytd" and "max" are handled by bar count/date.
_PERIOD_OFFSETS = {
    "1mo": pd.DateOffset(months=1),
    "3mo": pd.DateOffset(months=3),
    "6mo": pd.DateOffset(months=6),
    "1y": pd.DateOffset(years=1),
    "2y": pd.DateOffset(years=2),
    "5y": pd.DateOffset(years=5),
    "10y": pd.DateOffset(years=10),
}
# Multi-day intervals built from daily bars; bins are labelled by their first day.
_RESAMPLE_RULES = {"1wk": "W-MON", "1mo": "MS", "3mo": "QS-JAN"}
AGGREGATED_INTERVALS = frozenset({"5d", *_RESAMPLE_RULES})
YEAR_BARS = 252
_OHLCV_AGG = {"open": "first", "high": "max", "low": "min", "close": "last", "volume": "sum"}


def _day(frame: pd.DataFrame, day: date) -> pd.Timestamp:
    stamp = pd.Timestamp(day)
    tz = frame.index.tz  # type: ignore[attr-defined]
    return stamp.tz_localize(tz) if tz is not None else stamp


def slice_range(frame: pd.DataFrame, request: HistoryRequest) -> pd.DataFrame:
    """The bars the request's period or dates cover, periods counted back from the last bar.

    "1d" is the last bar's day and "5d" the last five days with bars, as Yahoo counts them.
    """
    if frame.empty:
        return frame
    index = pd.DatetimeIndex(frame.index)
    if request.period is None:
        assert request.start is not None  # HistoryRequest guarantees a start without a period
        mask = index >= _day(frame, request.start)
        if request.end is not None:
            mask &= index < _day(frame, request.end) + pd.Timedelta(days=1)
        return frame[mask]
    if request.period == "max":
        return frame
    days = index.normalize()
    last = index[-1]
    if request.period in ("1d", "5d"):
        first_day = days.unique()[-int(request.period[0])]
        return frame[days >= first_day]
    if request.period == "ytd":
        return frame[index >= last.normalize().replace(month=1, day=1)]
    return frame[index > last - _PERIOD_OFFSETS[request.period]]


def resample(frame: pd.DataFrame, interval: str) -> pd.DataFrame:
    """Daily bars aggregated to 5d, 1wk, 1mo or 3mo; other intervals are returned unchanged.

    Open is the bin's first open, high its highest high, low its lowest low, close its last
    close and volume the sum. Weeks start on Monday, months and quarters on their first day;
    "5d" is runs of five bars counted from the first, as Yahoo counts them.
    """
    if interval not in AGGREGATED_INTERVALS or frame.empty:
        return frame
    if interval == "5d":
        groups = np.arange(len(frame)) // 5
        grouped = frame.groupby(groups).agg(_OHLCV_AGG)
        grouped.index = frame.index[::5]
        return grouped[list(COLUMNS)]
    binned = frame.resample(_RESAMPLE_RULES[interval], label="left", closed="left").agg(_OHLCV_AGG)
    return binned.dropna(subset=["open"])[list(COLUMNS)]


def resample_hours(frame: pd.DataFrame, hours: int) -> pd.DataFrame:
    """Intraday bars of at most an hour aggregated to `hours`-hour bars, one trading day at
    a time.

    Bars are grouped by their day in the frame's time zone (the exchange's), so a bar never
    spans two days or an overnight gap. Within a day the bins start at the day's first bar
    and are `hours` long: US stocks' 1h bars (09:30 to 15:30) make 4h bars at 09:30 and
    13:30, the second holding the three hours to the close; a crypto day from 00:00 makes six.
    A bin takes the bars that start inside it, so a missing bar leaves the rest in place.
    Each bar is labelled with its bin's start: open is the first open, high the highest high,
    low the lowest low, close the last close, volume the sum.
    """
    if frame.empty:
        return frame
    index = pd.DatetimeIndex(frame.index)
    days = index.normalize()
    first_of_day = pd.Series(index, index=index).groupby(days).transform("min")
    width = pd.Timedelta(hours=hours)
    steps = (index - pd.DatetimeIndex(first_of_day)) // width
    starts = pd.DatetimeIndex(first_of_day) + steps * width
    binned = frame.groupby(starts, sort=True).agg(_OHLCV_AGG)[list(COLUMNS)]
    binned.index = pd.DatetimeIndex(binned.index, name=frame.index.name)
    return binned


def validated(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame if the analysis engine accepts it; else `InvalidRangeError` naming the bar."""
    try:
        to_bars(frame)
    except AnalysisInputError as exc:
        raise InvalidRangeError(f"the bars are not usable: {exc}") from exc
    return frame


def coverage(frame: pd.DataFrame) -> str:
    """The dates a frame spans ("2000-03-01 to 2013-03-01"), for error messages."""
    return f"{frame.index[0]:%Y-%m-%d} to {frame.index[-1]:%Y-%m-%d}"


def quote_from_bars(
    frame: pd.DataFrame,
    *,
    symbol: str,
    source: SourceName,
    name: str | None = None,
    currency: str | None = None,
    exchange: str | None = None,
    notice: str | None = None,
) -> Quote:
    """A quote read off daily bars: the last close, its change, and the ranges around it.

    The 52-week range spans the last 252 bars (a year of trading days).
    """
    if frame.empty:
        raise InvalidRangeError(f"there are no bars of {symbol} to quote")
    last = frame.iloc[-1]
    previous = float(frame["close"].iloc[-2]) if len(frame) > 1 else None
    year = frame.iloc[-YEAR_BARS:]
    change, change_percent = change_of(float(last["close"]), previous)
    return Quote(
        symbol=symbol,
        source=source,
        name=name,
        currency=currency,
        exchange=exchange,
        last_price=float(last["close"]),
        previous_close=previous,
        change=change,
        change_percent=change_percent,
        day_low=float(last["low"]),
        day_high=float(last["high"]),
        year_low=float(year["low"].min()),
        year_high=float(year["high"].max()),
        as_of=pd.Timestamp(frame.index[-1]).to_pydatetime(),
        notice=notice,
    )
