"""The grader: arithmetic on hand-made series, and no look-ahead or look-past-the-horizon."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.grading import Bias, Call, Outcome, grade_call, later_bars
from analysis.track_record import accuracy, verdict_against
from tests.support.bars import from_closes

# Day 0 closes at 100; ATR 2, so the flat band (0.5 ATR) is +-1.
CLOSES = [100.0, 101.0, 103.0, 102.0, 99.0, 104.0, 90.0, 90.0]


def _call(bias: Bias, frame: pd.DataFrame, *, horizon: int = 5, **extra: object) -> Call:
    fields: dict[str, object] = {
        "bias": bias,
        "horizon_bars": horizon,
        "confidence": 0.5,
        "as_of": frame.index[0].to_pydatetime(),
        "close": 100.0,
        "atr": 2.0,
        **extra,
    }
    return Call.model_validate(fields)


def test_a_bullish_call_graded_by_hand() -> None:
    frame = from_closes(CLOSES)
    call = _call("bullish", frame, watch_levels=(103.5, 110.0, 95.0), invalidation=98.5)

    grade = grade_call(call, frame)

    assert grade is not None
    # Five bars after day 0: closes 101 103 102 99 104; the horizon close is 104, +2 ATR.
    assert grade.end_close == 104.0
    assert grade.end_time == datetime(2024, 1, 6)
    assert grade.move_atr == 2.0
    assert (grade.realised, grade.outcome) == ("up", "right")
    # Target: the nearest watched level above the close, 103.5. Highs are body tops
    # (101 103 103 102 104): 103.5 is first reached on the fifth bar; the lowest low, 99,
    # never reaches the invalidation at 98.5.
    assert grade.target == 103.5
    assert grade.levels == "target first"
    # Highest high 104 (+2 ATR), lowest low 99 (-0.5 ATR).
    assert grade.max_favourable_atr == 2.0
    assert grade.max_adverse_atr == 0.5


def test_the_same_bars_grade_a_bearish_call_wrong_and_a_neutral_one_wrong() -> None:
    frame = from_closes(CLOSES)
    bearish = grade_call(_call("bearish", frame, watch_levels=(95.0,), invalidation=103.0), frame)
    neutral = grade_call(_call("neutral", frame), frame)

    assert bearish is not None
    assert neutral is not None
    assert bearish.outcome == "wrong"
    assert bearish.levels == "invalidated first"  # the second bar's high, 103, touches it
    assert (bearish.max_favourable_atr, bearish.max_adverse_atr) == (0.5, 2.0)
    assert neutral.outcome == "wrong"
    assert neutral.max_favourable_atr is None
    assert neutral.max_adverse_atr == 2.0  # the larger excursion either way


def test_a_move_inside_the_threshold_is_flat_and_a_neutral_call_is_right() -> None:
    frame = from_closes([100.0, 100.5, 99.8, 100.9])
    bullish = grade_call(_call("bullish", frame, horizon=3), frame)
    neutral = grade_call(_call("neutral", frame, horizon=3), frame)

    assert bullish is not None
    assert neutral is not None
    assert bullish.move_atr == pytest.approx(0.45)
    assert (bullish.realised, bullish.outcome) == ("flat", "flat")
    assert neutral.outcome == "right"
    # At a threshold of 0.25 ATR the same move is up.
    tighter = grade_call(_call("bullish", frame, horizon=3), frame, threshold_atr=0.25)
    assert tighter is not None
    assert tighter.outcome == "right"


def test_a_bar_through_both_levels_counts_as_invalidated_first() -> None:
    frame = from_closes([100.0, 100.0, 100.0], wick=5.0)  # one bar spans 95..105
    call = _call("bullish", frame, horizon=2, watch_levels=(104.0,), invalidation=96.0)

    grade = grade_call(call, frame)

    assert grade is not None
    assert grade.levels == "invalidated first"


def test_no_target_on_the_calls_side_or_no_invalidation_is_no_level() -> None:
    frame = from_closes(CLOSES)
    below_only = _call("bullish", frame, watch_levels=(95.0,), invalidation=98.0)
    no_stop = _call("bullish", frame, watch_levels=(103.5,))

    assert below_only.target() is None
    for call in (below_only, no_stop):
        grade = grade_call(call, frame)
        assert grade is not None
        assert grade.levels == "no level"


def test_a_level_neither_reached_nor_broken_is_neither() -> None:
    frame = from_closes(CLOSES)
    grade = grade_call(_call("bullish", frame, watch_levels=(120.0,), invalidation=80.0), frame)
    assert grade is not None
    assert grade.levels == "neither"


def test_no_grade_until_the_horizon_has_passed() -> None:
    frame = from_closes(CLOSES)
    call = _call("bullish", frame, horizon=7)
    assert grade_call(call, frame.iloc[:7]) is None, "six later bars of seven: not yet"
    assert grade_call(call, frame) is not None


def test_a_bad_threshold_is_refused_with_what_is_accepted() -> None:
    frame = from_closes(CLOSES)
    with pytest.raises(ValueError, match="positive number of ATR"):
        grade_call(_call("bullish", frame), frame, threshold_atr=0)


def test_a_call_refuses_what_cannot_be_graded() -> None:
    frame = from_closes(CLOSES)
    with pytest.raises(ValueError, match="positive prices"):
        _call("bullish", frame, watch_levels=(-1.0,))
    with pytest.raises(ValueError, match="greater than 0"):
        _call("bullish", frame, atr=0.0)


def _walk(seed: int, n: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return from_closes(list(100 * np.exp(np.cumsum(rng.normal(0, 0.02, n)))), wick=0.3)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    cut=st.integers(0, 30),
    horizon=st.integers(1, 15),
    extra=st.integers(0, 20),
    bias=st.sampled_from(["bullish", "bearish", "neutral"]),
)
def test_grading_sees_only_the_bars_after_the_cut_up_to_the_horizon(
    seed: int, cut: int, horizon: int, extra: int, bias: Bias
) -> None:
    frame = _walk(seed, cut + horizon + 25)
    close = float(frame["close"].iloc[cut])
    call = Call(
        bias=bias,
        horizon_bars=horizon,
        watch_levels=(close * 1.03, close * 0.97),
        invalidation=close * (0.98 if bias == "bullish" else 1.02),
        confidence=0.5,
        as_of=frame.index[cut].to_pydatetime(),
        close=close,
        atr=close * 0.02,
    )
    exact = frame.iloc[: cut + 1 + horizon]  # up to the horizon, nothing after
    longer = frame.iloc[: cut + 1 + horizon + extra]

    # Bars after the horizon change nothing...
    assert grade_call(call, exact) == grade_call(call, longer)
    # ...and neither do the bars up to the cut: only the closes after it are read.
    scrambled = longer.copy()
    scrambled.iloc[: cut + 1] = scrambled.iloc[: cut + 1] * 3.0
    assert grade_call(call, scrambled) == grade_call(call, longer)
    assert len(later_bars(longer, call)) == horizon
    assert later_bars(longer, call).index[0] > frame.index[cut]


def _outcomes(right: int, wrong: int = 0, flat: int = 0) -> list[Outcome]:
    return [*(["right"] * right), *(["wrong"] * wrong), *(["flat"] * flat)]  # type: ignore[list-item]


def test_accuracy_counts_decided_calls_and_is_never_shown_without_its_interval() -> None:
    record = accuracy(_outcomes(54, 46, 10))

    assert (record.right, record.wrong, record.flat, record.decided) == (54, 46, 10, 100)
    assert record.rate == 0.54
    assert record.interval == (0.4426, 0.6344)
    assert record.text() == "54% [44%-63%] of 100 decided"
    coin = accuracy(_outcomes(50, 50))
    assert verdict_against(record, coin) == "no edge over the baseline"
    assert verdict_against(accuracy(_outcomes(10)), coin) == "not enough graded calls"
    assert verdict_against(accuracy(_outcomes(90, 10)), coin) == ("beats the baseline")
    assert accuracy([]).text() == "no decided calls"
