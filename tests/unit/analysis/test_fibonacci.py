"""Fibonacci levels at the prices traders expect, on detected or given anchors."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from analysis import AnalysisInputError, AnalysisSettings, analyze
from tests.support.bars import from_closes, path, turn_indices

UP = AnalysisSettings(detector="pivot", pivot_length=2, anchor_prices=(100.0, 200.0))


def _levels(result_levels: list) -> dict[float, float]:  # type: ignore[type-arg]
    return {lv.ratio: round(lv.price, 6) for lv in result_levels}


def test_default_ratios_are_the_standard_ones_not_openbbs() -> None:
    settings = AnalysisSettings()
    assert settings.retracement_ratios == (0, 0.236, 0.382, 0.5, 0.618, 0.786, 1)
    assert 0.235 not in settings.retracement_ratios
    assert 0.65 not in settings.retracement_ratios
    assert settings.extension_ratios == (1.272, 1.414, 1.618, 2.0, 2.618, 3.618, 4.236)


def test_bullish_leg_retracements_and_extensions() -> None:
    fib = analyze(from_closes(path(150, 160, 140, 150)), UP).fibonacci
    assert fib is not None
    assert fib.direction == "bullish"
    assert fib.anchor_source == "prices"
    assert _levels(fib.retracements) == {
        0: 200,
        0.236: 176.4,
        0.382: 161.8,
        0.5: 150,
        0.618: 138.2,
        0.786: 121.4,
        1: 100,
    }
    assert _levels(fib.extensions) == {
        1.272: 227.2,
        1.414: 241.4,
        1.618: 261.8,
        2.0: 300,
        2.618: 361.8,
        3.618: 461.8,
        4.236: 523.6,
    }
    assert fib.golden_pocket == pytest.approx((135.0, 138.2))


def test_bearish_leg_mirrors_the_levels() -> None:
    settings = UP.model_copy(update={"anchor_prices": (200.0, 100.0)})
    fib = analyze(from_closes(path(150, 160, 140, 150)), settings).fibonacci
    assert fib is not None
    assert fib.direction == "bearish"
    assert _levels(fib.retracements)[0.618] == 161.8
    assert _levels(fib.extensions)[1.618] == 38.2
    assert fib.golden_pocket == pytest.approx((161.8, 165.0))


def test_position_names_the_levels_around_the_last_close() -> None:
    # last close 145 sits between 0.618 (138.2) and 0.5 (150) of the 100 -> 200 leg
    fib = analyze(from_closes(path(150, 160, 145)), UP).fibonacci
    assert fib is not None
    assert fib.position.close == 145
    assert fib.position.above is not None
    assert fib.position.below is not None
    assert fib.position.above.ratio == 0.5
    assert fib.position.below.ratio == 0.618
    assert fib.position.retracement == pytest.approx(0.55)


def test_latest_leg_ends_on_the_last_confirmed_swing_not_on_the_live_extreme() -> None:
    """The 115 low is a pivot, but a lower low may still replace it: it is not an anchor."""
    turns = (100, 120, 110, 130, 115, 118)
    at = turn_indices(*turns)
    frame = from_closes(path(*turns))
    settings = AnalysisSettings(detector="pivot", pivot_length=2, leg="latest")
    fib = analyze(frame, settings).fibonacci
    assert fib is not None
    assert (fib.anchor_source, fib.leg) == ("detected", "latest")
    assert (fib.start.price, fib.end.price) == (110, 130)
    assert (fib.start.index, fib.end.index) == (at[2], at[3])
    assert (fib.start.state, fib.end.state) == ("confirmed", "confirmed")
    assert (fib.start.kind, fib.end.kind) == ("low", "high")
    # final once the next opposite swing (the 115 low) was confirmed, 2 bars after it
    assert fib.end.confirmed_index == at[4] + 2
    assert fib.end.time == frame.index[at[3]].to_pydatetime()
    assert fib.direction == "bullish"
    live = [o for o in fib.alternatives if o.role == "provisional"]
    assert [(o.start.price, o.end.price, o.end.state) for o in live] == [(130, 115, "provisional")]


def test_anchor_times_take_the_bar_extremes() -> None:
    turns = (100, 120, 110, 130, 115, 118)
    at = turn_indices(*turns)
    frame = from_closes(path(*turns), wick=0.5)
    settings = AnalysisSettings(
        pivot_length=2,
        detector="pivot",
        anchor_times=(frame.index[at[2]].to_pydatetime(), frame.index[at[3]].to_pydatetime()),
    )
    fib = analyze(frame, settings).fibonacci
    assert fib is not None
    assert fib.anchor_source == "times"
    assert fib.start.price == frame["low"].iloc[at[2]] == 109.5
    assert fib.end.price == frame["high"].iloc[at[3]] == 130.5


def test_anchor_time_outside_the_bars_is_a_clear_error() -> None:
    frame = from_closes(path(100, 120, 110, 130))
    settings = AnalysisSettings(
        pivot_length=2, detector="pivot", anchor_times=(datetime(1990, 1, 1), datetime(1990, 2, 1))
    )
    with pytest.raises(AnalysisInputError, match="outside the bars"):
        analyze(frame, settings)


def test_no_leg_yet_is_reported_in_notes() -> None:
    result = analyze(
        from_closes(path(100, 130)), AnalysisSettings(detector="pivot", pivot_length=2)
    )
    assert result.fibonacci is None
    assert any("no Fibonacci leg yet" in note for note in result.notes)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("retracement_ratios", (0.5, 1.5), "between 0 and 1"),
        ("extension_ratios", (0.5,), "above 1"),
        ("anchor_prices", (100.0, 100.0), "two different positive prices"),
        ("anchor_times", (datetime(2024, 2, 1), datetime(2024, 1, 1)), "must come before"),
    ],
)
def test_bad_settings_say_what_is_accepted(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        AnalysisSettings(**{field: value})


def test_anchors_as_both_times_and_prices_are_refused() -> None:
    with pytest.raises(ValidationError, match="as times or as prices, not both"):
        AnalysisSettings(
            anchor_times=(datetime(2024, 1, 1), datetime(2024, 2, 1)),
            anchor_prices=(100.0, 200.0),
        )


def test_two_anchor_times_on_the_same_bar_are_a_clear_error() -> None:
    frame = from_closes(path(100, 120, 110, 130))
    day = frame.index[3].to_pydatetime()
    settings = AnalysisSettings(
        pivot_length=2, detector="pivot", anchor_times=(day, day.replace(hour=1))
    )
    with pytest.raises(AnalysisInputError, match="fall on the same bar; pick two bars"):
        analyze(frame, settings)


def test_custom_ratios_are_sorted_and_deduplicated() -> None:
    settings = AnalysisSettings(retracement_ratios=(0.618, 0.5, 0.618))
    assert settings.retracement_ratios == (0.5, 0.618)
