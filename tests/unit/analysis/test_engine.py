"""`analyze` as a whole: stable JSON, invariants on real and random series, output limits."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Analysis, AnalysisSettings, analyze
from tests.support.bars import SAMPLE_TICKERS, random_walk, sample_stock


def _check_invariants(frame_high: np.ndarray, frame_low: np.ndarray, result: Analysis) -> None:
    for swing in result.swings:
        bar_price = frame_high[swing.index] if swing.kind == "high" else frame_low[swing.index]
        assert swing.price == bar_price, "swings are real bar extremes"
        assert swing.confirmed_index > swing.index
    fib = result.fibonacci
    if fib is not None and fib.anchor_source == "detected":
        for anchor in (fib.start, fib.end):
            assert anchor.index is not None
            expected = (
                frame_high[anchor.index] if anchor.kind == "high" else frame_low[anchor.index]
            )
            assert anchor.price == expected, "Fibonacci anchors are real bar extremes"
        prices = [lv.price for lv in fib.retracements]
        ordered = sorted(prices) if fib.direction == "bearish" else sorted(prices, reverse=True)
        assert prices == ordered, "retracements step monotonically from end to start"
        ext = [lv.price for lv in fib.extensions]
        assert ext == (sorted(ext) if fib.direction == "bullish" else sorted(ext, reverse=True))
        low, high = fib.golden_pocket
        assert low < high
    for zone in result.zones:
        assert zone.low < zone.high
        assert zone.touches >= 2
    for gap in result.fair_value_gaps:
        assert gap.bottom < gap.top
        assert gap.mitigated_index is None or gap.mitigated_index > gap.index
    for block in result.order_blocks:
        assert block.bottom <= block.top
        assert block.index < block.break_index
    for scale in (result.structure.internal, result.structure.swing):
        for event in scale.events:
            assert event.index > event.swing.confirmed_index, "a swing breaks only once known"
            assert event.level == event.swing.price
        for before, after in zip(scale.events, scale.events[1:], strict=False):
            assert before.index <= after.index
            reversal = before.direction != after.direction
            assert (after.kind == "CHoCH") == reversal, "CHoCH exactly when the bias flips"
        if result.settings.max_items is None and scale.events:
            assert scale.events[0].kind == "BOS", "no bias before the first break"


@pytest.mark.parametrize("ticker", SAMPLE_TICKERS)
@pytest.mark.parametrize("detector", ["pivot", "zigzag"])
def test_real_series_satisfy_the_invariants(ticker: str, detector: str) -> None:
    frame = sample_stock(ticker)
    result = analyze(frame, AnalysisSettings(detector=detector))
    _check_invariants(frame["high"].to_numpy(), frame["low"].to_numpy(), result)
    assert result.fibonacci is not None
    assert result.structure.swing.events, "13 years of daily bars have swing-scale breaks"
    assert result.zones
    assert any(level.hit_rate is not None for level in result.hit_rates.levels)


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    n=st.integers(30, 600),
    detector=st.sampled_from(["pivot", "zigzag"]),
)
def test_random_series_satisfy_the_invariants(seed: int, n: int, detector: str) -> None:
    frame = random_walk(n, seed=seed)
    result = analyze(frame, AnalysisSettings(detector=detector, max_items=None))
    _check_invariants(frame["high"].to_numpy(), frame["low"].to_numpy(), result)


def test_json_form_round_trips_exactly() -> None:
    result = analyze(sample_stock("IBM").iloc[-400:])
    text = result.model_dump_json()
    assert Analysis.model_validate_json(text) == result
    top_level = set(json.loads(text))
    assert top_level == {
        "series",
        "settings",
        "swings",
        "fibonacci",
        "structure",
        "zones",
        "fair_value_gaps",
        "order_blocks",
        "hit_rates",
        "confluence",
        "notes",
    }


def test_same_input_same_output() -> None:
    frame = random_walk(1500, seed=11)
    assert analyze(frame).model_dump_json() == analyze(frame.copy()).model_dump_json()


def test_series_info_describes_the_input() -> None:
    frame = random_walk(300, seed=2)
    series = analyze(frame).series
    assert series.bars == 300
    assert series.first_time == frame.index[0].to_pydatetime()
    assert series.last_time == frame.index[-1].to_pydatetime()
    assert series.last_close == frame["close"].iloc[-1]
    assert series.atr > 0


def test_max_items_keeps_the_most_recent() -> None:
    frame = random_walk(3000, seed=5)
    everything = analyze(frame, AnalysisSettings(max_items=None))
    few = analyze(frame, AnalysisSettings(max_items=3))
    assert few.swings == everything.swings[-3:]
    assert few.structure.internal.events == everything.structure.internal.events[-3:]
    assert len(few.fair_value_gaps) == 3
    assert few.fair_value_gaps == everything.fair_value_gaps[-3:]
