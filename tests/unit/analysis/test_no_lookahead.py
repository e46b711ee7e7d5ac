"""No lookahead, proven: what `analyze` reports as confirmed on a prefix of the series is
exactly what it reports on the whole series with a confirmation before the prefix ends.

This is the property peers break (their swings and gaps "repaint"): if it holds, a backtest
on our output sees only what a trader could have seen at the time.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import Analysis, AnalysisSettings, analyze
from analysis.engine import leg_swings
from analysis.fibonacci import extension_price, retracement_price
from analysis.swings import SwingSet
from tests.support.bars import random_walk, sample_stock

SMALL = AnalysisSettings(
    internal_length=3, swing_length=8, zigzag_depth=6, pivot_length=4, max_items=None
)


def _confirmed_before(full: Analysis, prefix: Analysis, cut: int) -> None:
    """Compare everything confirmed at bars < cut between the full and the prefix result."""
    assert prefix.series.bars == cut

    def swings_before(a: Analysis) -> list[object]:
        return [s for s in a.swings if s.confirmed_index < cut]

    assert swings_before(prefix) == swings_before(full)
    assert len(prefix.swings) == len(swings_before(full)), "prefix reports an unconfirmed swing"

    for scale in ("internal", "swing"):
        p_scale = getattr(prefix.structure, scale)
        f_scale = getattr(full.structure, scale)
        assert p_scale.swings == [s for s in f_scale.swings if s.confirmed_index < cut]
        assert p_scale.events == [e for e in f_scale.events if e.index < cut]
        assert p_scale.equal_levels == [
            e for e in f_scale.equal_levels if e.second.confirmed_index < cut
        ]

    def known(index: int | None) -> int | None:
        return index if index is not None and index < cut else None

    def gaps(a: Analysis) -> list[tuple[object, ...]]:
        return [
            (g.index, g.direction, g.top, g.bottom, known(g.mitigated_index))
            for g in a.fair_value_gaps
            if g.index < cut
        ]

    assert gaps(prefix) == gaps(full)

    def blocks(a: Analysis) -> list[tuple[object, ...]]:
        return [
            (b.scale, b.index, b.break_index, b.top, b.bottom, known(b.mitigated_index))
            for b in a.order_blocks
            if b.break_index < cut
        ]

    assert blocks(prefix) == blocks(full)


def _fibonacci_stays(final: SwingSet, prefix: Analysis, cut: int) -> bool:
    """The prefix's levels are drawn from final swings of the full series known by the cut.

    Those bars are final in the full series too, so the levels can never move: later bars
    can only make another leg the chosen one. Returns whether there was a leg to check.
    """
    fib = prefix.fibonacci
    if fib is None:
        return False
    known = {
        (int(i), float(p), "high" if h else "low", int(c))
        for i, p, h, c in zip(final.index, final.price, final.is_high, final.confirmed, strict=True)
        if c < cut
    }
    for anchor in (fib.start, fib.end):
        assert anchor.state == "confirmed"
        assert (anchor.index, anchor.price, anchor.kind, anchor.confirmed_index) in known
    s, e = fib.start.price, fib.end.price
    assert [lv.price for lv in fib.retracements] == [
        retracement_price(s, e, lv.ratio) for lv in fib.retracements
    ]
    assert [lv.price for lv in fib.extensions] == [
        extension_price(s, e, lv.ratio) for lv in fib.extensions
    ]
    if fib.leg == "latest":  # the latest leg of a prefix is a leg of the full series' history
        pairs = [a for a in known if a[3] < cut]
        assert fib.end.confirmed_index == max(a[3] for a in pairs)
    return True


def _check_all_cuts(frame: pd.DataFrame, config: AnalysisSettings, cuts: list[int]) -> int:
    """Compare every cut; returns how many cuts had a Fibonacci leg to check."""
    full = analyze(frame, config)
    # The comparison means something only if there is something to compare.
    assert full.structure.internal.swings
    assert full.structure.internal.events
    legs_checked = 0
    for leg in ("major", "latest"):
        settings = config.model_copy(update={"leg": leg})
        final = leg_swings(frame, settings)
        for cut in cuts:
            prefix = analyze(frame.iloc[:cut], settings)
            _confirmed_before(full, prefix, cut)
            legs_checked += _fibonacci_stays(final, prefix, cut)
    return legs_checked


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    length=st.integers(60, 260),
    detector=st.sampled_from(["pivot", "zigzag"]),
    break_source=st.sampled_from(["close", "wick"]),
    data=st.data(),
)
def test_prefix_results_equal_full_results_confirmed_before_the_cut(
    seed: int, length: int, detector: str, break_source: str, data: st.DataObject
) -> None:
    frame = random_walk(length, seed=seed)
    config = SMALL.model_copy(update={"detector": detector, "break_source": break_source})
    # A short walk may never break its structure (seed 3993, 60 bars): nothing to compare.
    assume(analyze(frame, config).structure.internal.events)
    cuts = data.draw(st.lists(st.integers(20, length), min_size=1, max_size=4, unique=True))
    _check_all_cuts(frame, config, cuts)


@pytest.mark.parametrize("ticker", ["AAPL", "MSFT"])
@pytest.mark.parametrize("detector", ["pivot", "zigzag"])
def test_real_series_at_many_cuts(ticker: str, detector: str) -> None:
    frame = sample_stock(ticker).iloc[-900:]
    config = AnalysisSettings(detector=detector, max_items=None)
    # The displacement rule must leave blocks to compare, some of them still open.
    blocks = analyze(frame, config).order_blocks
    assert len(blocks) >= 10
    assert any(b.mitigated_index is None for b in blocks)
    cuts = list(range(150, len(frame), 75))
    assert _check_all_cuts(frame, config, cuts) == 2 * len(cuts), "every cut has a leg"
