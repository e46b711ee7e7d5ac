"""O(n) sliding-window extremes and "first bar at or after s where price crosses v".

These two primitives carry every detector: swings need rolling maxima, and mitigation, breaks
and hit-rates all ask when price first reached a level. Both are vectorised over all queries
at once, so the cost stays near-linear even for a million bars and a hundred thousand levels.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import numpy as np

from analysis.bars import Bars, FloatArray, IntArray


def rolling_max(values: FloatArray, window: int) -> FloatArray:
    """Trailing max over `window` bars (NaN for the first window-1), van Herk/Gil-Werman."""
    return _rolling(values, window, np.maximum, -np.inf)


def rolling_min(values: FloatArray, window: int) -> FloatArray:
    return _rolling(values, window, np.minimum, np.inf)


_SHIFT_LIMIT = 16


def _rolling(values: FloatArray, window: int, op: np.ufunc, fill: float) -> FloatArray:
    n = len(values)
    out = np.full(n, np.nan)
    if window < 1 or n < window:
        return out
    if window <= _SHIFT_LIMIT:  # a few shifted maxima beat the block method for short windows
        acc = values[window - 1 :].copy()
        for shift in range(1, window):
            op(acc, values[window - 1 - shift : n - shift], out=acc)
        out[window - 1 :] = acc
        return out
    pad = (-n) % window
    blocks = np.concatenate([values, np.full(pad, fill)]).reshape(-1, window)
    prefix = op.accumulate(blocks, axis=1).ravel()
    suffix = op.accumulate(blocks[:, ::-1].copy(), axis=1)[:, ::-1].ravel()
    # Window [j-w+1, j] = suffix from its first bar's block + prefix up to j.
    out[window - 1 :] = op(suffix[: n - window + 1], prefix[window - 1 : n])
    return out


Side = Literal["at_or_below", "at_or_above"]


class CrossingIndex:
    """Answers many "first j >= start with values[j] <= level" queries (or >=) at once.

    A pyramid of block minima (or maxima), level k holding the extreme of each 2**k bars,
    lets each query climb until a block contains a crossing and then descend into it:
    about 2*log2(n) vectorised steps for any number of queries.
    """

    def __init__(self, values: FloatArray, side: Side) -> None:
        self._n = len(values)
        sign = 1.0 if side == "at_or_below" else -1.0
        # Work on minima of sign*values: "values <= v" becomes "m <= sign*v" either way.
        size = 1 << max(1, int(np.ceil(np.log2(max(self._n, 2)))))
        base = np.full(size, np.inf)
        base[: self._n] = sign * values
        self._sign = sign
        self._levels = [base]
        while len(self._levels[-1]) > 1:
            prev = self._levels[-1]
            self._levels.append(np.minimum(prev[0::2], prev[1::2]))

    def first(self, starts: IntArray, levels: FloatArray) -> IntArray:
        """First index >= start where the crossing holds; `len(values)` when never."""
        starts = np.asarray(starts, dtype=np.int64)
        targets = self._sign * np.asarray(levels, dtype=np.float64)
        result = np.full(len(starts), self._n, dtype=np.int64)
        live = starts < self._n
        if not live.any():
            return result
        idx = np.where(live, starts, 0)
        base = self._levels[0]
        found = live & (base[idx] <= targets)
        result[found] = idx[found]

        # Climb: at each level, look at the right sibling of the block already checked.
        # Only the rows still searching are carried along, so near crossings cost little.
        rows = np.flatnonzero(live & ~found)
        node = idx[rows]
        hit_level = np.full(len(starts), -1, dtype=np.int64)
        hit_node = np.zeros(len(starts), dtype=np.int64)
        for k in range(len(self._levels) - 1):
            if len(rows) == 0:
                break
            level = self._levels[k]
            sibling = node + 1
            candidate = ((node & 1) == 0) & (sibling < len(level))
            has = candidate.copy()
            has[candidate] = level[sibling[candidate]] <= targets[rows[candidate]]
            hit_level[rows[has]] = k
            hit_node[rows[has]] = sibling[has]
            keep = ~has
            rows, node = rows[keep], node[keep] >> 1

        # Descend, top level first, into the block that holds the first crossing.
        for k in range(len(self._levels) - 1, 0, -1):
            rows = np.flatnonzero(hit_level == k)
            if len(rows) == 0:
                continue
            left = hit_node[rows] * 2
            go_left = self._levels[k - 1][left] <= targets[rows]
            hit_node[rows] = np.where(go_left, left, left + 1)
            hit_level[rows] = k - 1
        leaves = hit_level == 0
        result[leaves] = hit_node[leaves]
        return result


class BarCrossings:
    """The crossing indexes of one series, each built on first use and then shared."""

    def __init__(self, bars: Bars) -> None:
        self._bars = bars

    @cached_property
    def low_at_or_below(self) -> CrossingIndex:
        return CrossingIndex(self._bars.low, "at_or_below")

    @cached_property
    def high_at_or_above(self) -> CrossingIndex:
        return CrossingIndex(self._bars.high, "at_or_above")

    @cached_property
    def close_at_or_below(self) -> CrossingIndex:
        return CrossingIndex(self._bars.close, "at_or_below")

    @cached_property
    def close_at_or_above(self) -> CrossingIndex:
        return CrossingIndex(self._bars.close, "at_or_above")
