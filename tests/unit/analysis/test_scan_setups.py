"""Each scan setup on bars drawn so the answer can be worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import Analysis, analyze
from analysis.scan import (
    ConfluenceSetup,
    FibonacciSetup,
    GoldenPocketSetup,
    ImbalanceSetup,
    Setup,
    StructureSetup,
    TrendSetup,
    ZoneSetup,
    scan_analysis,
    setup_from_kind,
)
from tests.support.bars import from_closes

WICK = 0.3


def _leg(start: float, end: float, bars: int) -> list[float]:
    return [float(x) for x in np.linspace(start, end, bars)][1:]


def _rally_then_pullback(last: float) -> pd.DataFrame:
    """100 -> 120 -> 110 -> 200 -> 150 -> 165 -> `last`: the major leg runs from the first
    bar's low (99.7) to the 200 bar's high (200.3), so its golden pocket is
    200.3 - 0.65 x 100.6 = 134.91 to 200.3 - 0.618 x 100.6 = 138.13."""
    closes = [100.0, *_leg(100, 120, 30), *_leg(120, 110, 15), *_leg(110, 200, 60)]
    closes += [*_leg(200, 150, 25), *_leg(150, 165, 12), *_leg(165, last, 12)]
    return from_closes(closes, wick=WICK)


@pytest.fixture(scope="module")
def in_pocket() -> Analysis:
    return analyze(_rally_then_pullback(136.5))


@pytest.fixture(scope="module")
def shallow() -> Analysis:
    return analyze(_rally_then_pullback(175.0))


@pytest.fixture(scope="module")
def range_bound() -> Analysis:
    """Five swings between 100 and 110, closing at 101 just above the support."""
    closes = [105.0]
    for _ in range(5):
        closes += [*_leg(closes[-1], 110, 8), *_leg(110, 100, 8)]
    closes += [*_leg(100, 106, 8), *_leg(106, 101, 6)]
    return analyze(from_closes(closes, wick=WICK))


@pytest.fixture(scope="module")
def gapped_up() -> Analysis:
    """Flat at 100, one jump to 110, then 110.5: a bullish gap 100.3-109.7 left open."""
    return analyze(from_closes([100.0] * 30 + [110.0] + [110.5] * 10, wick=WICK))


def test_the_golden_pocket_matches_only_a_close_inside_it(
    in_pocket: Analysis, shallow: Analysis
) -> None:
    found = GoldenPocketSetup(within_atr=0).match(in_pocket)
    assert found is not None
    assert found.low == pytest.approx(134.91, abs=0.01)
    assert found.high == pytest.approx(138.13, abs=0.01)
    assert found.distance == 0
    assert GoldenPocketSetup(within_atr=2).match(shallow) is None


def test_a_fibonacci_ratio_matches_within_k_atr_only(in_pocket: Analysis) -> None:
    near = FibonacciSetup(ratio=0.618, within_atr=1.0).match(in_pocket)
    assert near is not None
    assert near.distance == pytest.approx(138.13 - 136.5, abs=0.01)
    assert FibonacciSetup(ratio=0.618, within_atr=0.1).match(in_pocket) is None
    assert FibonacciSetup(ratio=0.382, within_atr=1.0).match(in_pocket) is None


def test_a_fresh_bearish_choch_is_found_within_its_bars(in_pocket: Analysis) -> None:
    # 165 -> 136.5 in 11 steps of 2.59: the 6th close (149.45) is the first under the 149.7
    # higher low, 5 bars before the last.
    fresh = StructureSetup(event="CHoCH", direction="bearish", within_bars=5)
    found = fresh.match(in_pocket)
    assert found is not None
    assert found.low == pytest.approx(149.7)
    assert (
        StructureSetup(event="CHoCH", direction="bullish", within_bars=5).match(in_pocket) is None
    )
    assert StructureSetup(event="CHoCH", within_bars=4).match(in_pocket) is None


def test_the_trend_filter_reads_the_scale_asked_for(shallow: Analysis, in_pocket: Analysis) -> None:
    assert TrendSetup(trend="bullish", scale="internal").match(shallow) is not None
    assert TrendSetup(trend="bearish", scale="internal").match(shallow) is None
    # 149 bars are too few for the 50-bar swing scale: it has no swings, so no trend.
    assert TrendSetup(trend="bullish", scale="swing").match(in_pocket) is None


def test_near_a_support_zone_but_not_a_resistance(range_bound: Analysis) -> None:
    found = ZoneSetup(role="support", within_atr=1.0).match(range_bound)
    assert found is not None
    assert found.high is not None
    assert found.high < 100
    assert ZoneSetup(role="support", within_atr=0.1).match(range_bound) is None
    assert ZoneSetup(role="resistance", within_atr=1.0).match(range_bound) is None


def test_confluence_needs_its_score(range_bound: Analysis) -> None:
    # The leg's 1.0 retracement (99.7) sits inside the five-touch support zone.
    assert ConfluenceSetup(min_score=1.0).match(range_bound) is not None
    assert ConfluenceSetup(min_score=100.0).match(range_bound) is None


def test_an_open_gap_near_price(gapped_up: Analysis) -> None:
    found = ImbalanceSetup(box="fvg", direction="bullish", within_atr=1.0).match(gapped_up)
    assert found is not None
    assert found.low == pytest.approx(100.3)
    assert found.high == pytest.approx(109.7)
    assert ImbalanceSetup(box="fvg", direction="bearish").match(gapped_up) is None
    assert ImbalanceSetup(box="order-block").match(gapped_up) is None


def test_setups_combine_and_the_row_carries_the_distance_and_the_verdict(
    in_pocket: Analysis,
) -> None:
    both: list[Setup] = [GoldenPocketSetup(within_atr=0), setup_from_kind("structure-break")]
    row = scan_analysis("TEST", in_pocket, both)
    assert row is not None
    assert row.setup == "golden-pocket + structure-break"
    assert row.distance_pct == 0
    assert row.distance_atr == 0
    assert row.level_stats is not None
    assert row.level_stats.ratio == 0.618
    assert row.level_stats.verdict == "not enough history"
    assert row.last_close == pytest.approx(136.5)
    assert scan_analysis("TEST", in_pocket, [*both, TrendSetup(trend="bearish")]) is None


def test_an_unknown_setup_name_says_which_are_accepted() -> None:
    with pytest.raises(ValueError, match="accepted: golden-pocket, near-fib"):
        setup_from_kind("cup-and-handle")
