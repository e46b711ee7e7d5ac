"""Fibonacci ratios in messages and plans: only the levels a chart draws."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from analysis import AnalysisSettings
from language.models import PlannedCall
from language.ratios import find_ratio
from language.vocabulary import FIB_RATIOS


def test_the_planner_knows_exactly_the_ratios_a_chart_draws() -> None:
    defaults = AnalysisSettings()
    assert (*defaults.retracement_ratios, *defaults.extension_ratios) == FIB_RATIOS


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("what about the 0.618?", 0.618),
        ("the 61.8%", 0.618),
        ("the 786", 0.786),
        ("and the 1.618 extension", 1.618),
        ("50% retracement", 0.5),
        ("the golden ratio", 0.618),
        ("tesla 0.382", 0.382),  # three decimals: nothing else looks like that
    ],
)
def test_a_level_is_read_however_traders_write_it(text: str, ratio: float) -> None:
    asked = find_ratio(text)
    assert asked is not None
    assert asked.ratio == ratio


@pytest.mark.parametrize(
    "text", ["is tesla up 50% this year", "the 500 level on the s&p", "apple 0.5", "the 5% move"]
)
def test_a_number_that_is_no_level_is_left_alone(text: str) -> None:
    assert find_ratio(text) is None


def test_a_level_the_chart_does_not_draw_is_returned_unknown() -> None:
    asked = find_ratio("what about the 0.7?")
    assert asked is not None
    assert (asked.ratio, asked.written) == (None, "0.7")


def test_a_planned_ratio_is_a_drawn_ratio_on_a_fibonacci_call() -> None:
    assert PlannedCall(tool="fibonacci", symbols=["AAPL"], ratio=0.6180).ratio == 0.618
    with pytest.raises(ValidationError, match=r"0\.7 is not a Fibonacci ratio of the chart"):
        PlannedCall(tool="fibonacci", symbols=["AAPL"], ratio=0.7)
    with pytest.raises(ValidationError, match="a ratio belongs to a fibonacci call"):
        PlannedCall(tool="structure", symbols=["AAPL"], ratio=0.618)
