"""BOS, CHoCH, trend and equal highs/lows on a series drawn by hand."""

from __future__ import annotations

from analysis import AnalysisSettings, analyze
from tests.support.bars import from_closes, path, turn_indices

# Highs 14, 16, 18 (HH, HH); lows 11, 12 (HL), then a fall through 12 to 9 (LL).
TURNS = (10, 14, 11, 16, 12, 18, 9, 11)
AT = turn_indices(*TURNS)  # 0, 4, 7, 12, 16, 22, 31, 33
INTERNAL = AnalysisSettings(detector="pivot", pivot_length=2, internal_length=2, swing_length=50)


def test_breaks_are_found_at_the_first_close_beyond_the_swing() -> None:
    frame = from_closes(path(*TURNS))
    internal = analyze(frame, INTERNAL).structure.internal
    events = [(e.kind, e.direction, e.level, e.index) for e in internal.events]
    assert events == [
        ("BOS", "bullish", 14, 11),  # first close above 14 is 15, at bar 11
        ("BOS", "bullish", 16, 21),  # first close above 16 is 17, at bar 21
        ("CHoCH", "bearish", 12, 29),  # first close below 12 reverses the bias
    ]
    assert internal.events[0].swing.index == AT[1]
    assert internal.events[0].time == frame.index[11].to_pydatetime()
    assert internal.bias == "bearish"


def test_trend_comes_from_the_latest_swing_labels() -> None:
    internal = analyze(from_closes(path(*TURNS)), INTERNAL).structure.internal
    # last high HH but last low LL: neither a clean uptrend nor a downtrend
    assert internal.trend == "ranging"
    uptrend = analyze(from_closes(path(10, 14, 11, 16, 12, 18, 15)), INTERNAL)
    assert uptrend.structure.internal.trend == "bullish"
    downtrend = analyze(from_closes(path(20, 16, 19, 14, 17, 12, 15)), INTERNAL)
    assert downtrend.structure.internal.trend == "bearish"


def test_wick_mode_breaks_on_the_high_not_the_close() -> None:
    frame = from_closes(path(*TURNS))
    frame.loc[frame.index[9], "high"] = 14.5  # a wick above 14, close at 13
    by_close = analyze(frame, INTERNAL).structure.internal.events[0]
    by_wick = analyze(
        frame, INTERNAL.model_copy(update={"break_source": "wick"})
    ).structure.internal.events[0]
    assert (by_close.index, by_wick.index) == (11, 9)
    assert analyze(frame, INTERNAL).structure.break_source == "close"


def test_a_newer_swing_replaces_an_unbroken_one() -> None:
    # high 14, then a lower high 13 replaces it: a close at 13.5 breaks 13, not 14
    frame = from_closes(path(10, 14, 11, 13, 12, 13.5, 12.5), wick=0)
    events = analyze(frame, INTERNAL).structure.internal.events
    assert [(e.direction, e.level) for e in events] == [("bullish", 13)]


def test_equal_highs_within_tolerance_are_reported() -> None:
    frame = from_closes(path(10, 14, 11, 14, 10, 12))
    equal = analyze(frame, INTERNAL).structure.internal.equal_levels
    assert [(e.kind, e.first.price, e.second.price, e.difference) for e in equal] == [
        ("EQH", 14, 14, 0)
    ]


def test_a_scale_with_too_few_bars_is_empty_and_says_why() -> None:
    result = analyze(from_closes(path(*TURNS)), INTERNAL)
    swing = result.structure.swing
    assert swing.events == []
    assert swing.swings == []
    assert swing.note == "the swing scale (length 50) needs 101 bars; got 34"
    assert swing.note in result.notes


def test_order_block_is_the_last_down_candle_at_the_origin_of_the_move() -> None:
    result = analyze(from_closes(path(*TURNS)), INTERNAL)
    first = result.order_blocks[0]
    assert (first.direction, first.scale, first.break_index) == ("bullish", "internal", 11)
    # lowest low between the swing high (bar 4) and the break is bar 7, a down candle
    assert first.index == AT[2] == 7
    assert (first.bottom, first.top) == (11, 12)
    # mitigated when price trades back to the block's bottom (close 11 again at bar 29)
    assert first.mitigated_index == 29


def test_an_order_block_needs_a_break_that_displaced_price_by_k_atr() -> None:
    frame = from_closes(path(*TURNS))

    def blocks(k: float) -> list[int]:
        config = INTERNAL.model_copy(update={"order_block_displacement_atr": k})
        return [b.break_index for b in analyze(frame, config).order_blocks]

    # The bar-11 break closed at 15, 3 points above the block's top (12) with ATR 0.875 at
    # the block: a 3.43 ATR displacement. The other two breaks moved 4.3 and 6.2 ATR.
    assert blocks(0) == blocks(3.4) == [11, 21, 29]
    assert blocks(3.5) == [21, 29]
    assert blocks(6.3) == []
    assert AnalysisSettings().order_block_displacement_atr == 1.5
