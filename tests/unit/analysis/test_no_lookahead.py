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


def _check_all_cuts(frame: pd.DataFrame, config: AnalysisSettings, cuts: list[int]) -> None:
    full = analyze(frame, config)
    # The comparison means something only if there is something to compare.
    assert full.structure.internal.swings
    assert full.structure.internal.events
    for cut in cuts:
        _confirmed_before(full, analyze(frame.iloc[:cut], config), cut)


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
    _check_all_cuts(frame, config, list(range(150, len(frame), 75)))
