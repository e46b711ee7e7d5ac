"""Input validation: one error type whose message says what is wrong, where, and what works."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import AnalysisInputError, AnalysisSettings, analyze
from analysis.bars import to_bars
from tests.support.bars import from_closes, random_walk


def _error(frame: object, min_bars: int = 1) -> str:
    with pytest.raises(AnalysisInputError) as caught:
        to_bars(frame, min_bars=min_bars)  # type: ignore[arg-type]
    return str(caught.value)


def test_clean_bars_become_float_arrays_with_their_times() -> None:
    frame = random_walk(30)
    bars = to_bars(frame)
    assert len(bars) == 30
    assert bars.close.dtype == np.float64
    assert bars.time(5) == frame.index[5].to_pydatetime()


def test_column_names_match_in_any_letter_case() -> None:
    frame = random_walk(10).rename(columns=str.upper)
    assert len(to_bars(frame)) == 10


def test_timezone_aware_times_are_kept() -> None:
    frame = random_walk(10).tz_localize("America/New_York")
    bars = to_bars(frame)
    assert bars.time(3) == frame.index[3].to_pydatetime()
    assert bars.time(3).utcoffset() is not None


def test_a_bar_without_a_time_is_named_by_its_row() -> None:
    frame = random_walk(10)
    frame.index = frame.index.where(np.arange(10) != 4, pd.NaT)
    message = _error(frame)
    assert "timestamp missing at row 4" in message
    assert "every bar needs a time" in message


def test_not_a_frame() -> None:
    assert "expected a pandas DataFrame" in _error([1, 2, 3])


def test_index_must_be_timestamps() -> None:
    message = _error(random_walk(10).reset_index(drop=True))
    assert "DatetimeIndex" in message


def test_missing_columns_are_named_with_what_is_accepted() -> None:
    message = _error(random_walk(10).drop(columns=["volume", "low"]))
    assert "missing column(s) low, volume" in message
    assert "open, high, low, close, volume" in message


def test_unsorted_times_name_the_offending_timestamp() -> None:
    frame = random_walk(10)
    frame = frame.iloc[[0, 1, 2, 4, 3, 5, 6, 7, 8, 9]]
    message = _error(frame)
    assert "sorted ascending" in message
    assert str(frame.index[4]) in message


def test_duplicate_times_are_refused() -> None:
    frame = random_walk(10)
    frame.index = frame.index[[0, 1, 2, 3, 3, 5, 6, 7, 8, 9]]
    message = _error(frame)
    assert "duplicate timestamp" in message
    assert str(frame.index[3]) in message


def test_missing_price_names_column_and_first_timestamp() -> None:
    frame = random_walk(10)
    frame.loc[frame.index[6], "close"] = np.nan
    frame.loc[frame.index[8], "close"] = np.nan
    message = _error(frame)
    assert message.startswith("close is missing")
    assert str(frame.index[6]) in message


def test_high_below_body_is_refused_at_its_timestamp() -> None:
    frame = random_walk(10)
    frame.loc[frame.index[4], "high"] = frame["close"].iloc[4] - 1
    message = _error(frame)
    assert "high is below open or close" in message
    assert str(frame.index[4]) in message


def test_low_above_body_is_refused_at_its_timestamp() -> None:
    frame = random_walk(10)
    frame.loc[frame.index[7], "low"] = frame["open"].iloc[7] + 1
    assert str(frame.index[7]) in _error(frame)


def test_missing_volume_is_treated_as_zero() -> None:
    frame = random_walk(10)
    frame["volume"] = np.nan
    assert to_bars(frame).volume.sum() == 0


def test_non_numeric_column_is_refused() -> None:
    frame = random_walk(5)
    frame["open"] = ["a", "b", "c", "d", "e"]
    assert "column open must be numeric" in _error(frame)


def test_too_few_bars_for_the_settings_says_how_many_are_needed() -> None:
    frame = from_closes([1, 2, 3, 4, 5, 6])
    with pytest.raises(AnalysisInputError, match=r"6 bars is too few.*at least 21"):
        analyze(frame, AnalysisSettings(detector="pivot", pivot_length=10))


def test_analyze_validates_before_anything_else() -> None:
    frame = random_walk(100)
    frame.loc[frame.index[50], "low"] = np.inf
    with pytest.raises(AnalysisInputError, match="low is missing or not a finite number"):
        analyze(frame)


def test_empty_frame_is_too_few_bars() -> None:
    empty = pd.DataFrame(
        columns=["open", "high", "low", "close", "volume"], index=pd.DatetimeIndex([])
    )
    with pytest.raises(AnalysisInputError, match="0 bars is too few"):
        analyze(empty)
