"""The annotation model both renderers draw from."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Analysis, AnalysisInputError, analyze
from tests.unit.charts.conftest import spec_for


def test_spec_carries_every_visible_level_and_the_candles(
    msft: tuple[pd.DataFrame, Analysis],
) -> None:
    frame, result = msft
    spec = spec_for(frame, result)
    assert len(spec.candles.close) == 250
    assert spec.candles.close == frame["close"].tolist()
    assert spec.last_price == frame["close"].iloc[-1]
    fib = result.fibonacci
    assert fib is not None
    retracements = [lv for lv in spec.levels if lv.kind == "retracement"]
    assert [lv.price for lv in retracements] == [lv.price for lv in fib.retracements]
    low, high = spec.y_range
    for level in spec.levels:
        assert low <= level.price <= high
        assert level.label == f"{level.ratio:g} ({level.price:,.{spec.price_decimals}f})"


def test_a_currency_pairs_levels_keep_four_decimals_like_the_ai_text(
    msft: tuple[pd.DataFrame, Analysis],
) -> None:
    frame, _ = msft
    scale = 1.085 / frame["close"].iloc[-1]
    pair = frame.assign(**{c: frame[c] * scale for c in ("open", "high", "low", "close")})
    spec = spec_for(pair, analyze(pair), symbol="EURUSD=X")
    assert spec.price_decimals == 4
    assert spec.levels
    for level in spec.levels:
        assert level.label == f"{level.ratio:g} ({level.price:.4f})"
    assert f"{spec.last_price:.4f}" == "1.0850"


def test_far_extensions_are_left_off_so_price_stays_readable(
    anchored: tuple[pd.DataFrame, Analysis],
) -> None:
    frame, result = anchored
    spec = spec_for(frame, result)
    # the leg spans the whole range, so 4.236 lies far above it
    assert 4.236 not in [lv.ratio for lv in spec.levels]
    assert len([lv for lv in spec.levels if lv.kind == "retracement"]) == 7


def test_window_shows_the_most_recent_bars_and_shifts_positions(
    msft: tuple[pd.DataFrame, Analysis],
) -> None:
    frame, result = msft
    spec = spec_for(frame, result, max_bars=100)
    assert len(spec.candles.close) == 100
    assert spec.candles.times[0] == frame.index[150].to_pydatetime()
    for marker in spec.swings:
        assert 0 <= marker.x < 100
        assert (
            spec.candles.high[marker.x] == marker.price
            or spec.candles.low[marker.x] == marker.price
        )


def test_layers_can_be_switched_off(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result, layers=["fibonacci", "volume"])
    assert spec.layers == ["volume", "fibonacci"]
    assert not spec.has("zones")


def test_footer_names_symbol_interval_source_and_time(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result)
    assert spec.footer == "MSFT · 1d · data: sample · 2026-11-24 09:30 UTC"
    assert spec.title.startswith("MSFT 1d · Fibonacci")


def test_bars_that_were_not_analysed_are_refused(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    with pytest.raises(AnalysisInputError, match="not the ones analysed"):
        spec_for(frame.iloc[:-5], result)


def test_dark_theme_uses_the_dark_palette(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    light, dark = spec_for(frame, result), spec_for(frame, result, theme="dark")
    assert light.palette.background == "#ffffff"
    assert dark.palette.background != light.palette.background
