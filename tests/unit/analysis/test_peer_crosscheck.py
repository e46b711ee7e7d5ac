"""Our `pivot` swings against the peer library smartmoneyconcepts, where definitions meet.

The peer's `swing_highs_lows(swing_length=L)` differs from ours in three documented ways:
1. its window is lopsided: L-1 bars before and L after (ours: `length` on both sides), so we
   compare with our detector run at left=L-1, right=L;
2. it thins the swings: of two consecutive swings of one kind it keeps the more extreme
   (the later one when equal), and a bar that is both a high and a low keeps only the high;
3. it adds a fake swing at the first and the last bar (the opposite of its nearest real one),
   which is where it reads the future; and it finds nothing in the first 2L-1 bars (its
   rolling window needs them all), where ours starts after L;
4. on ties it is non-strict on both sides, ours is strict on the left (one swing per flat
   top). Real prices tie often (cents), so real series get a 1e-9-per-bar ramp that breaks
   ties the same way for both without changing any price a person would see.
Applying 2. to our raw swings and dropping 3. from both must give identical swings.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.bars import to_bars
from analysis.swings import pivot_points
from tests.support.bars import random_walk, sample_stock

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from smartmoneyconcepts import smc


def _peer_thinning(
    positions: list[int], kinds: list[int], high: np.ndarray, low: np.ndarray
) -> set[tuple[int, int]]:
    """The peer's consecutive-same-kind removal, repeated until nothing changes."""
    pos, kind = list(positions), list(kinds)
    while True:
        remove = [False] * len(pos)
        for i in range(len(pos) - 1):
            if kind[i] != kind[i + 1]:
                continue
            a, b = pos[i], pos[i + 1]
            if kind[i] == 1:
                if high[a] < high[b]:
                    remove[i] = True
                else:
                    remove[i + 1] = True
            elif low[a] > low[b]:
                remove[i] = True
            else:
                remove[i + 1] = True
        if not any(remove):
            return set(zip(pos, kind, strict=True))
        pos = [p for p, r in zip(pos, remove, strict=True) if not r]
        kind = [k for k, r in zip(kind, remove, strict=True) if not r]


@pytest.mark.parametrize(
    ("frame", "length"),
    [
        (random_walk(3000, seed=1), 5),
        (random_walk(3000, seed=2), 10),
        (sample_stock("MSFT"), 10),
        (sample_stock("AAPL"), 50),
    ],
    ids=["walk-5", "walk-10", "MSFT-10", "AAPL-50"],
)
def test_pivot_swings_equal_the_peers_where_definitions_coincide(
    frame: pd.DataFrame, length: int
) -> None:
    ramp = np.arange(len(frame)) * 1e-9
    frame = frame.copy()
    for column in ("open", "high", "low", "close"):
        frame[column] = frame[column] + ramp
    bars = to_bars(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        peer = smc.swing_highs_lows(frame.reset_index(drop=True), swing_length=length)
    flags = peer["HighLow"].to_numpy()
    n = len(frame)
    peer_swings = {(int(i), int(flags[i])) for i in np.flatnonzero(~np.isnan(flags))}
    peer_interior = {(i, k) for i, k in peer_swings if 0 < i < n - 1}

    highs, lows = pivot_points(bars.high, bars.low, left=length - 1, right=length)
    both = set(highs.tolist()) & set(lows.tolist())
    first_seen = 2 * length - 1
    raw = sorted(
        [(int(i), 1) for i in highs if i >= first_seen]
        + [(int(i), -1) for i in lows if i >= first_seen and int(i) not in both]
    )
    ours = _peer_thinning([p for p, _ in raw], [k for _, k in raw], bars.high, bars.low)

    assert len(ours) > 10
    assert ours == peer_interior
    # and the peer's extra swings are exactly its two invented end points
    assert {i for i, _ in peer_swings - peer_interior} <= {0, n - 1}
