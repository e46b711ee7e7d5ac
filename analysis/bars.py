"""Validated OHLCV bars as contiguous float arrays, the form every detector works on.

Validation happens once, here, so the detectors can assume clean input and stay vectorised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

import numpy as np
import numpy.typing as npt
import pandas as pd

from analysis.errors import AnalysisInputError

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_EPOCH = datetime(1970, 1, 1)
_UTC_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
REQUIRED_COLUMNS = ("open", "high", "low", "close", "volume")
PRICE_COLUMNS = ("open", "high", "low", "close")


@dataclass(frozen=True, slots=True)
class Bars:
    """OHLCV columns as float64 arrays plus the timestamps, all of one length."""

    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray
    times: pd.DatetimeIndex
    micros: IntArray  # the times as int64 microseconds since the epoch (UTC)
    tz: tzinfo | None  # the index's time zone, read once (pandas' property is slow)

    def __len__(self) -> int:
        return len(self.close)

    def time(self, index: int) -> datetime:
        """The bar's timestamp as a `datetime` (microseconds, the index's time zone).

        Built from int64 microseconds directly: pandas' per-item access is ~20x slower
        and this is called for every reported swing, event and box.
        """
        micros = int(self.micros[index])
        if self.tz is None:
            return _EPOCH + timedelta(microseconds=micros)
        return (_UTC_EPOCH + timedelta(microseconds=micros)).astimezone(self.tz)


def _first_time(frame: pd.DataFrame, mask: npt.NDArray[np.bool_]) -> str:
    return str(frame.index[int(np.argmax(mask))])


def to_bars(frame: pd.DataFrame, min_bars: int = 1) -> Bars:
    """Check the frame and return its columns as arrays, or raise `AnalysisInputError`.

    Checks: a DatetimeIndex sorted ascending without duplicates, the five OHLCV columns
    (any letter case), no missing or non-finite OHLC value, high >= max(open, close),
    low <= min(open, close), and at least `min_bars` rows.
    """
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisInputError(f"expected a pandas DataFrame of bars, got {type(frame).__name__}")
    if not isinstance(frame.index, pd.DatetimeIndex):
        raise AnalysisInputError(
            f"bars need a DatetimeIndex (one timestamp per bar); got {type(frame.index).__name__}"
        )
    columns = {str(c).lower(): c for c in frame.columns}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise AnalysisInputError(
            f"missing column(s) {', '.join(missing)}; bars need columns "
            f"{', '.join(REQUIRED_COLUMNS)} (any letter case)"
        )
    if len(frame) < min_bars:
        raise AnalysisInputError(
            f"{len(frame)} bars is too few for these settings: at least {min_bars} are needed; "
            "ask for a longer period or a shorter swing length"
        )
    index = frame.index
    if index.hasnans:
        raise AnalysisInputError(
            f"timestamp missing at row {int(np.argmax(index.isna()))}; every bar needs a time"
        )
    if not index.is_monotonic_increasing:
        order = index.asi8
        bad = np.flatnonzero(np.diff(order) < 0)
        raise AnalysisInputError(
            f"timestamps must be sorted ascending; {index[bad[0] + 1]} comes after {index[bad[0]]}"
        )
    if index.has_duplicates:
        raise AnalysisInputError(
            f"duplicate timestamp {index[index.duplicated()][0]}; each bar needs its own time"
        )

    arrays: dict[str, FloatArray] = {}
    for name in REQUIRED_COLUMNS:
        try:
            values = np.ascontiguousarray(frame[columns[name]].to_numpy(dtype=np.float64))
        except (TypeError, ValueError) as exc:
            raise AnalysisInputError(f"column {name} must be numeric: {exc}") from exc
        arrays[name] = values
    for name in PRICE_COLUMNS:
        bad_mask = ~np.isfinite(arrays[name])
        if bad_mask.any():
            raise AnalysisInputError(
                f"{name} is missing or not a finite number at {_first_time(frame, bad_mask)}; "
                "drop or fill incomplete bars first"
            )
    arrays["volume"] = np.nan_to_num(arrays["volume"], nan=0.0)

    o, h, low, c = arrays["open"], arrays["high"], arrays["low"], arrays["close"]
    high_bad = h < np.maximum(o, c)
    if high_bad.any():
        raise AnalysisInputError(
            f"high is below open or close at {_first_time(frame, high_bad)}; "
            "each bar needs high >= max(open, close)"
        )
    low_bad = low > np.minimum(o, c)
    if low_bad.any():
        raise AnalysisInputError(
            f"low is above open or close at {_first_time(frame, low_bad)}; "
            "each bar needs low <= min(open, close)"
        )
    times = pd.DatetimeIndex(index)
    return Bars(
        open=o,
        high=h,
        low=low,
        close=c,
        volume=arrays["volume"],
        times=times,
        micros=times.as_unit("us").asi8.astype(np.int64),
        tz=times.tz,
    )
