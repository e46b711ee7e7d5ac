"""Level hit-rates on legs and bars written out by hand, so each outcome is known."""

from __future__ import annotations

import numpy as np

from analysis import AnalysisSettings, analyze
from analysis.bars import to_bars
from analysis.hitrates import hit_rates
from analysis.models import LevelHitRate
from analysis.stats import wilson_interval
from analysis.swings import Legs
from analysis.windows import BarCrossings
from tests.support.bars import ohlc, random_walk

# One up leg 100 -> 200, known at bar 2. Levels: 0.5 at 150, 0.618 at 138.2.
UP_LEG_BARS = [
    (100, 100, 100, 100),
    (100, 200, 100, 200),
    (200, 200, 190, 190),  # leg known here; price still above both levels
    (190, 190, 149, 151),  # touches 150 (0.5), closes above it
    (151, 152, 150.5, 151.5),  # 1 ATR above 150: the 0.5 held
    (151.5, 151.5, 137, 137.5),  # touches 138.2 and closes below it on the same bar
    (137.5, 140, 137, 139),
]


def _legs(*legs: tuple[int, float, int, float, int]) -> Legs:
    """(start index, start price, end index, end price, known at) per leg."""
    arr = np.array(legs, dtype=float)
    as_int = arr.astype(np.int64)
    return Legs(
        start_index=as_int[:, 0],
        start_price=arr[:, 1],
        end_index=as_int[:, 2],
        end_price=arr[:, 3],
        end_confirmed=as_int[:, 4],
        known=as_int[:, 4],
    )


def _rates(
    rows: list[tuple[float, float, float, float]],
    legs: Legs,
    retracements: tuple[float, ...] = (0.5, 0.618),
    extensions: tuple[float, ...] = (),
) -> dict[float, LevelHitRate]:
    bars = to_bars(ohlc(rows))
    atr = np.ones(len(bars))  # 1 point, so "1 x ATR away" is 1 point
    settings = AnalysisSettings(
        retracement_ratios=retracements or (0.5,),
        extension_ratios=extensions,
        hold_reversal_atr=1.0,
        hit_rate_max_legs=None,
    )
    result = hit_rates(
        bars=bars,
        atr=atr,
        crossings=BarCrossings(bars),
        legs=legs,
        detector="pivot",
        settings=settings,
    )
    return {level.ratio: level for level in result.levels}


def test_a_level_that_bounced_held_and_one_closed_through_broke() -> None:
    rates = _rates(UP_LEG_BARS, _legs((0, 100, 1, 200, 2)))
    half, golden = rates[0.5], rates[0.618]
    assert (half.legs, half.reached, half.held, half.broke, half.hit_rate) == (1, 1, 1, 0, 1.0)
    # the bar that touches 138.2 closes below it: a break, although the next bar bounces
    assert (golden.legs, golden.reached, golden.held, golden.broke) == (1, 1, 0, 1)
    assert golden.hit_rate == 0.0


def test_levels_already_passed_when_the_leg_was_known_are_not_counted() -> None:
    rows = [*UP_LEG_BARS[:2], (200, 200, 140, 145), *UP_LEG_BARS[3:]]
    rates = _rates(rows, _legs((0, 100, 1, 200, 2)))
    assert rates[0.5].legs == 0, "close 145 was already below 150"
    assert rates[0.5].hit_rate is None
    assert rates[0.618].legs == 1


def test_a_new_high_before_the_touch_ends_the_watch() -> None:
    rows = [
        *UP_LEG_BARS[:3],
        (190, 201, 189, 200),  # a new high beyond 200: traders redraw the leg
        (200, 200, 148, 149),  # only now does price reach 150
    ]
    rates = _rates(rows, _legs((0, 100, 1, 200, 2)))
    assert (rates[0.5].legs, rates[0.5].reached) == (1, 0)


def test_a_level_reached_but_undecided_counts_in_neither() -> None:
    # the touching bar's high (190) came before the touch, so it is no bounce
    rows = [*UP_LEG_BARS[:3], (190, 190, 149.5, 150.5)]
    rates = _rates(rows, _legs((0, 100, 1, 200, 2)))
    assert (rates[0.5].reached, rates[0.5].held, rates[0.5].broke) == (1, 0, 0)
    assert rates[0.5].hit_rate is None


def test_extensions_are_resistance_on_an_up_leg() -> None:
    rows = [
        *UP_LEG_BARS[:3],
        (190, 228, 189, 226),  # reaches 1.272 (227.2), closes below it
        (226, 227, 225, 225.5),  # 1 ATR below 227.2 (226.2) and no close above: held
    ]
    rates = _rates(rows, _legs((0, 100, 1, 200, 2)), retracements=(), extensions=(1.272,))
    ext = rates[1.272]
    assert (ext.kind, ext.legs, ext.reached, ext.held, ext.broke) == ("extension", 1, 1, 1, 0)


def test_down_legs_mirror_up_legs() -> None:
    mirrored = [(-o, -low, -h, -c) for o, h, low, c in UP_LEG_BARS]
    rates = _rates(mirrored, _legs((0, -100, 1, -200, 2)))
    assert (rates[0.5].held, rates[0.5].broke) == (1, 0)
    assert (rates[0.618].held, rates[0.618].broke) == (0, 1)


def test_analysis_states_the_method_and_counts_legs() -> None:
    result = analyze(random_walk(2000, seed=3))
    rates = result.hit_rates
    assert rates.detector == "zigzag"
    assert rates.legs_total > 20
    assert "held = " not in rates.method  # the formula is spelled out, not abbreviated
    assert "hit_rate = held / (held + broke)" in rates.method
    for level in rates.levels:
        assert level.reached <= level.legs <= rates.legs_total
        assert level.held + level.broke <= level.reached
        if level.hit_rate is not None:
            assert 0 <= level.hit_rate <= 1


def test_max_legs_measures_only_the_most_recent() -> None:
    frame = random_walk(2000, seed=3)
    result = analyze(frame, AnalysisSettings(hit_rate_max_legs=5))
    assert result.hit_rates.legs_total == 5
    assert "last 5 legs" in result.hit_rates.method


def _bouncing_at_golden_ratio(cycles: int) -> tuple[list[tuple[float, float, float, float]], Legs]:
    """Up legs 100 -> 200 (shifted by 300 each cycle) that each turn exactly at the 0.618."""
    rows: list[tuple[float, float, float, float]] = []
    legs = []
    for c in range(cycles):
        base = 300.0 * c
        at = len(rows)
        rows += [
            (base + 100, base + 100, base + 100, base + 100),
            (base + 100, base + 200, base + 100, base + 199),
            (base + 199, base + 199, base + 190, base + 190),  # leg known here
            (base + 190, base + 190, base + 138.2, base + 139),  # touches the 0.618, closes above
            (base + 139, base + 150, base + 139, base + 149),  # 1 ATR away: held
            (base + 149, base + 250, base + 149, base + 250),  # new high: the watch ends
        ]
        legs.append((at, base + 100, at + 1, base + 200, at + 2))
    return rows, _legs(*legs)


def test_a_level_price_respects_every_time_has_an_edge_over_random_levels() -> None:
    rows, legs = _bouncing_at_golden_ratio(40)
    golden = _rates(rows, legs, retracements=(0.618,))[0.618]
    assert (golden.held, golden.broke) == (40, 0)
    assert golden.baseline.hit_rate is not None
    assert golden.baseline.hit_rate < 0.2
    assert golden.difference_interval is not None
    assert golden.difference_interval[0] > 0
    assert golden.verdict == "edge"
    assert golden.verdict_text.startswith("an edge over random levels on this history")


def test_too_few_decided_tests_is_not_enough_history_not_a_percentage() -> None:
    rows, legs = _bouncing_at_golden_ratio(5)
    golden = _rates(rows, legs, retracements=(0.618,))[0.618]
    assert golden.hit_rate == 1.0
    assert golden.verdict == "not enough history"
    assert golden.verdict_text == "not enough history: 5 decided level tests, 30 needed"
    assert "%" not in golden.verdict_text


def test_on_a_random_walk_fibonacci_levels_have_no_edge() -> None:
    """A random walk has no memory of its legs: the honest answer is "no edge"."""
    result = analyze(random_walk(20_000, seed=11))
    decided = [lv for lv in result.hit_rates.levels if lv.verdict != "not enough history"]
    assert len(decided) >= 8
    assert {lv.verdict for lv in decided} <= {"no edge", "edge", "worse than random"}
    no_edge = [lv for lv in decided if lv.verdict == "no edge"]
    assert len(no_edge) >= len(decided) - 1, [lv.verdict_text for lv in decided]
    golden = next(lv for lv in decided if lv.ratio == 0.618)
    assert golden.verdict_text.startswith("no edge over random levels on this history: held ")
    assert golden.interval is not None
    assert golden.hit_rate is not None
    assert golden.interval[0] <= golden.hit_rate <= golden.interval[1]


def test_every_rate_states_its_baseline_and_null_model() -> None:
    rates = analyze(random_walk(3000, seed=3)).hit_rates
    assert "uniform within 0.1 of r" in rates.null_model
    assert rates.min_decided == 30
    for level in rates.levels:
        assert level.baseline.legs >= level.legs  # draws x legs, among those still ahead
        if level.hit_rate is not None and level.baseline.hit_rate is not None:
            assert level.difference == round(level.hit_rate - level.baseline.hit_rate, 4)


def test_wilson_interval_matches_the_textbook_values() -> None:
    assert wilson_interval(5, 10) == (0.2366, 0.7634)
    assert wilson_interval(0, 10) == (0.0, 0.2775)
    assert wilson_interval(0, 0) is None
