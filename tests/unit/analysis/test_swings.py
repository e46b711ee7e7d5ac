"""Swing detectors on series whose swings are known by construction."""

from __future__ import annotations

import numpy as np
import pytest

from analysis import AnalysisSettings, analyze
from analysis.bars import to_bars
from analysis.swings import LABELS, label_codes, pivot_swings, zigzag_swings
from analysis.volatility import atr
from tests.support.bars import from_closes, path, turn_indices

TURNS = (10, 14, 11, 16, 12, 15, 8, 10)


def test_pivots_are_the_turning_points_confirmed_length_bars_later() -> None:
    bars = to_bars(from_closes(path(*TURNS)))
    swings = pivot_swings(bars, length=2)
    turns = turn_indices(*TURNS)
    # The first and last turning points lack bars on one side, so they are not swings.
    assert swings.index.tolist() == turns[1:-1]
    assert swings.price.tolist() == list(TURNS[1:-1])
    assert swings.is_high.tolist() == [True, False, True, False, True, False]
    assert (swings.confirmed == swings.index + 2).all()


def test_a_flat_top_yields_its_first_bar_only() -> None:
    # With open = previous close and no wicks, the bar after each peak has the same high.
    bars = to_bars(from_closes(path(10, 14, 10)))
    swings = pivot_swings(bars, length=2)
    assert bars.high[4] == bars.high[5] == 14
    assert swings.index.tolist() == [4]


def test_labels_compare_with_the_previous_swing_of_the_same_kind() -> None:
    bars = to_bars(from_closes(path(*TURNS)))
    swings = pivot_swings(bars, length=2)
    labels = [LABELS[c] for c in label_codes(swings)]
    # highs 14, 16, 15 -> -, HH, LH ; lows 11, 12, 8 -> -, HL, LL
    assert labels == [None, None, "HH", "HL", "LH", "LL"]


def test_analysis_reports_labelled_swings_with_times() -> None:
    frame = from_closes(path(*TURNS))
    result = analyze(frame, AnalysisSettings(detector="pivot", pivot_length=2))
    assert [(s.kind, s.price, s.label) for s in result.swings] == [
        ("high", 14, None),
        ("low", 11, None),
        ("high", 16, "HH"),
        ("low", 12, "HL"),
        ("high", 15, "LH"),
        ("low", 8, "LL"),
    ]
    first = result.swings[0]
    assert first.time == frame.index[first.index].to_pydatetime()
    assert first.confirmed_time == frame.index[first.index + 2].to_pydatetime()


ZIGZAG = (100, 110, 108, 115, 104, 112, 106, 108)


def test_zigzag_ignores_moves_below_the_deviation_and_extends_runs() -> None:
    bars = to_bars(from_closes(path(*ZIGZAG)))
    at = turn_indices(*ZIGZAG)
    candidates = pivot_swings(bars, 2)
    final, pending, legs = zigzag_swings(bars, candidates, atr(bars, 10), deviation=3)
    # 110 -> 108 is under 3% (ATR is 1 point): the high runs on to 115.
    assert final.index.tolist() == [at[3], at[4], at[5]]
    assert final.price.tolist() == [115, 104, 112]
    # Each point is final once the next opposite point is added (its bar + 2 to detect it).
    assert final.confirmed.tolist() == [at[4] + 2, at[5] + 2, at[6] + 2]
    assert pending.price.tolist() == [106]
    # Legs as they were drawn over time: 115->104, 104->112, 112->106.
    assert list(zip(legs.start_price.tolist(), legs.end_price.tolist(), strict=True)) == [
        (115, 104),
        (104, 112),
        (112, 106),
    ]


def test_zigzag_alternates_and_every_point_is_a_bar_extreme() -> None:
    from tests.support.bars import random_walk

    bars = to_bars(random_walk(3000, seed=7))
    final, _, _ = zigzag_swings(bars, pivot_swings(bars, 5), atr(bars, 10), deviation=3)
    assert len(final) > 10
    assert (final.is_high[1:] != final.is_high[:-1]).all()
    highs = final.is_high
    assert np.array_equal(final.price[highs], bars.high[final.index[highs]])
    assert np.array_equal(final.price[~highs], bars.low[final.index[~highs]])
    assert (final.confirmed > final.index).all()


@pytest.mark.parametrize("detector", ["pivot", "zigzag"])
def test_detector_setting_chooses_the_swings(detector: str) -> None:
    frame = from_closes(path(*ZIGZAG))
    result = analyze(frame, AnalysisSettings(detector=detector, pivot_length=2, zigzag_depth=4))
    prices = [s.price for s in result.swings]
    if detector == "zigzag":
        assert prices == [115, 104, 112]
    else:
        assert prices == [110, 108, 115, 104, 112, 106]
