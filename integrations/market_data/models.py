"""The typed boundary of market data: what a caller asks for and what every source returns.

Periods and intervals are the one vocabulary of `language.vocabulary` (Yahoo Finance's
spellings); every source honours it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, cast

import numpy as np
import pandas as pd
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
    field_validator,
    model_validator,
)

from integrations.market_data.errors import InvalidRangeError, MarketDataError
from language.vocabulary import INTERVALS, INTRADAY_INTERVALS, PERIODS, Interval, Period

SourceName = Literal["yahoo", "sample", "csv"]

COLUMNS = ("open", "high", "low", "close", "volume")
DEFAULT_PERIOD: Period = "6mo"


def is_intraday(interval: str) -> bool:
    return interval in INTRADAY_INTERVALS


class HistoryRequest(BaseModel):
    """Bars of one symbol over a period (relative to now) or a start/end date range.

    `end` is inclusive (the last day wanted), unlike Yahoo's exclusive end: people say "from
    March to June 30" and mean June 30 included.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: str = Field(min_length=1, max_length=40)
    interval: Interval = "1d"
    period: Period | None = None
    start: date | None = None
    end: date | None = None

    @field_validator("symbol")
    @classmethod
    def _clean_symbol(cls, value: str) -> str:
        cleaned = value.strip().upper()
        if not cleaned or any(c.isspace() for c in cleaned):
            raise ValueError(f"a symbol is one word like AAPL or BTC-USD, got {value!r}")
        return cleaned

    @field_validator("start", "end", mode="before")
    @classmethod
    def _date_only(cls, value: object) -> object:
        return value.date() if isinstance(value, datetime) else value

    @model_validator(mode="after")
    def _one_range(self) -> HistoryRequest:
        if self.period is not None and (self.start is not None or self.end is not None):
            raise InvalidRangeError(
                f"give either a period ({self.period}) or start/end dates, not both"
            )
        if self.period is None and self.start is None:
            raise InvalidRangeError(
                "give a period (one of "
                + ", ".join(PERIODS)
                + ") or a start date"
                + (" (an end date alone is not enough)" if self.end is not None else "")
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidRangeError(
                f"the end date {self.end} is before the start date {self.start}"
            )
        return self

    @classmethod
    def create(
        cls,
        symbol: str,
        *,
        period: str | None = None,
        start: date | datetime | str | None = None,
        end: date | datetime | str | None = None,
        interval: str = "1d",
    ) -> HistoryRequest:
        """Build a request from loose input, defaulting to the last six months.

        Raises `InvalidRangeError` (never pydantic's `ValidationError`) with one sentence a
        user can act on.
        """
        if period is None and start is None and end is None:
            period = DEFAULT_PERIOD
        try:
            return cls.model_validate(
                {
                    "symbol": symbol,
                    "period": period,
                    "start": start,
                    "end": end,
                    "interval": interval,
                }
            )
        except ValidationError as exc:
            raise _readable(exc) from None

    @property
    def range_key(self) -> str:
        """The range as one token, for cache keys and messages: `6mo` or `2020-01-02..`."""
        if self.period is not None:
            return self.period
        return f"{self.start}..{self.end or ''}"


def _readable(exc: ValidationError) -> MarketDataError:
    error = exc.errors()[0]
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, MarketDataError):
        return cause
    field = ".".join(str(part) for part in error["loc"]) or "request"
    accepted = {"period": PERIODS, "interval": INTERVALS}.get(field)
    if accepted is not None:
        given = error.get("input")
        return InvalidRangeError(
            f"{field} {given!r} is not accepted; use one of {', '.join(accepted)}"
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    return InvalidRangeError(f"{field}: {message}")


class Bar(BaseModel):
    """One bar in JSON form (the frame is the working form)."""

    time: datetime
    open: float
    high: float
    low: float
    close: float
    volume: float


class PriceHistory(BaseModel):
    """Clean OHLCV bars of one symbol, with the source that produced them named.

    `bars` is a DataFrame with a DatetimeIndex (tz-aware when the source knows the exchange's
    time zone) and float columns open/high/low/close/volume, ready for `analysis.analyze`.
    Use `frame()` to work on it: the model is shared (cached), so it must not be mutated.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    symbol: str
    interval: Interval
    source: SourceName
    notice: str | None = Field(
        default=None, description="What the user should know about the data, e.g. offline."
    )
    currency: str | None = None
    timezone: str | None = Field(default=None, description="IANA name of the exchange's zone.")
    exchange: str | None = None
    name: str | None = None
    bars: pd.DataFrame

    @field_validator("bars")
    @classmethod
    def _shape(cls, frame: pd.DataFrame) -> pd.DataFrame:
        if not isinstance(frame.index, pd.DatetimeIndex):
            raise ValueError("bars need a DatetimeIndex")
        if tuple(frame.columns) != COLUMNS:
            raise ValueError(f"bars need exactly the columns {', '.join(COLUMNS)}")
        if any(dtype != np.float64 for dtype in frame.dtypes):  # dtypes: no per-column Series
            return frame.astype(np.float64)
        return frame

    def frame(self) -> pd.DataFrame:
        """The bars as a frame the caller may change (copy-on-write: no copy until then)."""
        return self.bars.copy(deep=False)

    def __len__(self) -> int:
        return len(self.bars)

    @property
    def times(self) -> pd.DatetimeIndex:
        """The bars' timestamps (the frame's index, typed as what it is)."""
        return cast(pd.DatetimeIndex, self.bars.index)

    @property
    def first_time(self) -> pd.Timestamp | None:
        return self.bars.index[0] if len(self.bars) else None

    @property
    def last_time(self) -> pd.Timestamp | None:
        return self.bars.index[-1] if len(self.bars) else None

    @field_serializer("bars")
    def _bars_json(self, frame: pd.DataFrame) -> list[dict[str, Any]]:
        return [
            Bar(time=t.to_pydatetime(), open=o, high=h, low=lo, close=c, volume=v).model_dump()
            for t, o, h, lo, c, v in zip(
                frame.index,
                frame["open"].tolist(),
                frame["high"].tolist(),
                frame["low"].tolist(),
                frame["close"].tolist(),
                frame["volume"].tolist(),
                strict=True,
            )
        ]


class Quote(BaseModel):
    """The latest price of a symbol and where it sits in its day and 52-week ranges."""

    model_config = ConfigDict(frozen=True)

    symbol: str
    source: SourceName
    name: str | None = None
    currency: str | None = None
    exchange: str | None = None
    last_price: float
    previous_close: float | None = None
    change: float | None = Field(default=None, description="last_price - previous_close")
    change_percent: float | None = Field(default=None, description="change / previous_close")
    day_low: float | None = None
    day_high: float | None = None
    year_low: float | None = None
    year_high: float | None = None
    as_of: datetime | None = Field(default=None, description="Time of the last price, if known.")
    notice: str | None = None


def change_of(last: float, previous: float | None) -> tuple[float | None, float | None]:
    """Absolute and relative change versus the previous close, when there is one."""
    if previous is None or previous == 0:
        return None, None
    return last - previous, (last - previous) / previous
