"""Which leg the Fibonacci answer draws: the window's dominant valid move by default."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import AnalysisSettings, analyze
from tests.support.bars import from_closes, path, sample_stock, turn_indices

PIVOT = AnalysisSettings(detector="pivot", pivot_length=2)


def test_major_is_the_windows_dominant_move_not_the_latest_small_one() -> None:
    turns = (100, 200, 150, 180, 160, 175, 165)
    at = turn_indices(*turns)
    fib = analyze(from_closes(path(*turns)), PIVOT).fibonacci
    assert fib is not None
    assert fib.leg == "major"
    assert (fib.start.price, fib.end.price) == (100, 200)
    assert (fib.start.index, fib.end.index) == (at[0], at[1])
    assert not fib.broken
    latest = [o for o in fib.alternatives if o.role == "latest"]
    assert [(o.start.price, o.end.price, o.chosen) for o in latest] == [(180, 160, False)]
    assert "leg=latest" in latest[0].summary


def test_a_broken_dominant_leg_gives_way_to_the_largest_valid_one() -> None:
    # 100 -> 200 was the biggest move, but price has since closed below 100: it failed
    # (the 95 low is the live bar, not a confirmed swing).
    turns = (100, 200, 150, 180, 95)
    fib = analyze(from_closes(path(*turns)), PIVOT).fibonacci
    assert fib is not None
    assert (fib.start.price, fib.end.price) == (200, 150)
    assert not fib.broken


def test_asking_for_the_latest_leg_says_when_it_has_failed() -> None:
    # The latest confirmed leg 180 -> 160 failed when price closed above 180 (at 190).
    turns = (100, 200, 150, 180, 160, 190, 140)
    settings = PIVOT.model_copy(update={"leg": "latest"})
    result = analyze(from_closes(path(*turns)), settings)
    fib = result.fibonacci
    assert fib is not None
    assert (fib.leg, fib.start.price, fib.end.price) == ("latest", 180, 160)
    assert fib.broken
    assert fib.note is not None
    assert "broken" in fib.note
    assert "major leg" in fib.note
    assert fib.note in result.notes


def test_a_move_beyond_the_confirmed_end_is_a_provisional_extension() -> None:
    # The 200 high is final (the 150 low after it is confirmed); price then rallies to 230
    # without a confirmed swing after it: the leg may be extending.
    turns = (100, 200, 150, 230)
    fib = analyze(from_closes(path(*turns)), PIVOT).fibonacci
    assert fib is not None
    assert (fib.start.price, fib.end.price, fib.end.state) == (100, 200, "confirmed")
    assert fib.provisional is not None
    assert (fib.provisional.end.price, fib.provisional.end.state) == (230, "provisional")
    assert fib.provisional.note == "end not confirmed: moves if price makes a new high"
    drawn = {lv.ratio: lv.price for lv in fib.retracements}
    assert drawn[0.5] == 150, "the drawn levels stay on the confirmed end"


def test_leg_anchors_needs_anchors() -> None:
    with pytest.raises(ValueError, match="leg 'anchors' needs anchor_times or anchor_prices"):
        AnalysisSettings(leg="anchors")


def _extreme_bars(frame: pd.DataFrame) -> tuple[int, int]:
    return int(frame["high"].to_numpy().argmax()), int(frame["low"].to_numpy().argmin())


@pytest.mark.parametrize("ticker", ["AAPL", "MSFT", "IBM", "GOOG"])
def test_on_real_years_the_default_leg_spans_the_windows_high_and_low(ticker: str) -> None:
    """Known by construction: every one-year window whose highest high and lowest low both
    lie well inside it (confirmed, not the live bar) and whose leg price has not broken must
    be drawn from exactly those two bars."""
    series = sample_stock(ticker)
    checked = 0
    for end in range(300, len(series), 63):
        window = series.iloc[end - 252 : end]
        high_bar, low_bar = _extreme_bars(window)
        if max(high_bar, low_bar) > len(window) - 40:
            continue  # an extreme in the last bars may not be confirmed yet
        fib = analyze(window).fibonacci
        assert fib is not None
        assert {fib.start.index, fib.end.index} == {high_bar, low_bar}, window.index[-1]
        assert (fib.start.state, fib.end.state) == ("confirmed", "confirmed")
        checked += 1
    assert checked >= 5, "too few windows qualified for the check to mean anything"


def test_aapl_year_to_march_2013_draws_the_705_top_not_the_last_small_leg() -> None:
    """The case a user met: the small recent leg had failed; the year's move had not."""
    window = sample_stock("AAPL").loc[:"2013-03-01"].iloc[-252:]
    fib = analyze(window).fibonacci
    assert fib is not None
    assert fib.start.price == window["high"].max() == 705.07
    assert fib.start.time is not None
    assert fib.start.time.date().isoformat() == "2012-09-21"
    assert fib.direction == "bearish"
    assert fib.provisional is not None, "the close is a new low beyond the confirmed one"
    assert fib.provisional.end.price == window["low"].min()


def test_anchor_times_on_a_leg_price_has_since_broken_say_so() -> None:
    # 100 -> 200 given by time; price later closes at 95, below the leg's start.
    turns = (100, 200, 150, 95)
    at = turn_indices(*turns)
    frame = from_closes(path(*turns))
    times = (frame.index[at[0]].to_pydatetime(), frame.index[at[1]].to_pydatetime())
    result = analyze(frame, PIVOT.model_copy(update={"anchor_times": times}))
    fib = result.fibonacci
    assert fib is not None
    assert (fib.leg, fib.start.state, fib.broken) == ("anchors", "given", True)
    assert fib.note == "price has closed beyond the leg's start since its end"
    assert fib.note in result.notes
