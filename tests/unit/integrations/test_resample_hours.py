"""2h and 4h bars from 1h bars: OHLCV rules, and never across two trading days."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from integrations.market_data.frames import resample_hours


def hourly(times: list[str], tz: str) -> pd.DataFrame:
    """1h bars at `times` whose prices rise by one a bar (open i+1, close i+1.5)."""
    n = len(times)
    step = np.arange(n, dtype=float)
    return pd.DataFrame(
        {
            "open": step + 1,
            "high": step + 2,
            "low": step + 0.5,
            "close": step + 1.5,
            "volume": np.full(n, 10.0),
        },
        index=pd.DatetimeIndex(pd.to_datetime(times).tz_localize(tz), name="date"),
    )


US_DAY = [f"2024-06-14 {hour:02d}:30" for hour in range(9, 16)]  # 09:30 ... 15:30


def test_a_us_session_makes_4h_bars_at_the_open_and_at_1330() -> None:
    bars = resample_hours(hourly(US_DAY, "America/New_York"), 4)

    assert [t.strftime("%H:%M") for t in bars.index] == ["09:30", "13:30"]
    morning, afternoon = bars.itertuples(index=False)
    assert (morning.open, morning.high, morning.low, morning.close) == (1, 5, 0.5, 4.5)
    assert (morning.volume, afternoon.volume) == (40, 30)  # the afternoon has three hours
    assert (afternoon.open, afternoon.close) == (5, 7.5)


def test_a_bar_never_spans_two_trading_days() -> None:
    two_days = US_DAY + [t.replace("06-14", "06-17") for t in US_DAY]  # Friday, then Monday
    frame = hourly(two_days, "America/New_York")

    bars = resample_hours(frame, 4)
    two_hour = resample_hours(frame, 2)

    assert len(bars) == 4
    assert [t.day for t in bars.index] == [14, 14, 17, 17]
    assert bars["close"].iloc[1] == frame["close"].iloc[6]  # Friday's close ends Friday's bar
    assert bars["open"].iloc[2] == frame["open"].iloc[7]  # Monday opens afresh
    assert [t.strftime("%H:%M") for t in two_hour.index[:4]] == ["09:30", "11:30", "13:30", "15:30"]


def test_a_24_hour_market_makes_six_4h_bars_a_day_from_midnight() -> None:
    day = [f"2024-06-14 {hour:02d}:00" for hour in range(24)]
    bars = resample_hours(hourly(day, "UTC"), 4)
    assert [t.hour for t in bars.index] == [0, 4, 8, 12, 16, 20]
    assert bars["volume"].tolist() == [40.0] * 6


def test_a_missing_bar_leaves_the_other_bins_in_place() -> None:
    gappy = [t for t in US_DAY if not t.endswith("10:30")]
    bars = resample_hours(hourly(gappy, "America/New_York"), 4)
    assert [t.strftime("%H:%M") for t in bars.index] == ["09:30", "13:30"]
    assert bars["volume"].tolist() == [30.0, 30.0]


@pytest.mark.parametrize("hours", [2, 4])
def test_totals_are_kept(hours: int) -> None:
    frame = hourly(US_DAY, "America/New_York")
    bars = resample_hours(frame, hours)
    assert bars["volume"].sum() == frame["volume"].sum()
    assert (bars["high"].max(), bars["low"].min()) == (frame["high"].max(), frame["low"].min())
    assert (bars["open"].iloc[0], bars["close"].iloc[-1]) == (1, 7.5)
