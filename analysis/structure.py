"""Market structure: breaks of structure (BOS), changes of character (CHoCH), equal highs/lows.

LuxAlgo's rules, made explicit: the latest confirmed swing high (low) is the level to break;
a newer swing of that kind replaces it, broken or not; a close (or wick) beyond it is a break,
labelled CHoCH when it reverses the direction of the previous break and BOS otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.bars import Bars, BoolArray, FloatArray, IntArray
from analysis.models import BreakSource
from analysis.swings import SwingSet


@dataclass(frozen=True, slots=True)
class Breaks:
    """Structure events in time order; `swing_row` points into the scale's SwingSet."""

    bar: IntArray
    bullish: BoolArray
    choch: BoolArray
    swing_row: IntArray
    level: FloatArray

    def __len__(self) -> int:
        return len(self.bar)


def _first_breaks(
    source: FloatArray, rows: IntArray, swings: SwingSet, n: int, above: bool
) -> tuple[IntArray, IntArray]:
    """For swings of one kind, the first bar in each one's active span that crosses it.

    A swing is active from its confirmation until the next swing of its kind is confirmed.
    The spans do not overlap, so one pass over the bars with a per-bar threshold finds all.
    """
    if len(rows) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    starts = swings.confirmed[rows]
    ends = np.append(starts[1:], n)  # exclusive
    valid = starts < n
    rows, starts, ends = rows[valid], starts[valid], ends[valid]
    if len(rows) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    lengths = ends - starts
    threshold = np.repeat(swings.price[rows], lengths)
    span_start = int(starts[0])
    window = source[span_start : span_start + len(threshold)]
    crossed = window > threshold if above else window < threshold
    hits = np.flatnonzero(crossed) + span_start
    if len(hits) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    pos = np.searchsorted(hits, starts)
    pos_ok = pos < len(hits)
    first = np.where(pos_ok, hits[np.minimum(pos, len(hits) - 1)], n)
    broken = first < ends
    return first[broken], rows[broken]


def find_breaks(bars: Bars, swings: SwingSet, source: BreakSource) -> Breaks:
    n = len(bars)
    up_src = bars.close if source == "close" else bars.high
    down_src = bars.close if source == "close" else bars.low
    up_bar, up_row = _first_breaks(up_src, np.flatnonzero(swings.is_high), swings, n, True)
    dn_bar, dn_row = _first_breaks(down_src, np.flatnonzero(~swings.is_high), swings, n, False)

    bar = np.concatenate([up_bar, dn_bar])
    bullish = np.concatenate([np.ones(len(up_bar), bool), np.zeros(len(dn_bar), bool)])
    row = np.concatenate([up_row, dn_row])
    order = np.lexsort((~bullish, bar))  # same bar: the bullish break is checked first
    bar, bullish, row = bar[order], bullish[order], row[order]
    choch = np.zeros(len(bar), dtype=bool)
    choch[1:] = bullish[1:] != bullish[:-1]
    return Breaks(bar=bar, bullish=bullish, choch=choch, swing_row=row, level=swings.price[row])


@dataclass(frozen=True, slots=True)
class EqualPairs:
    first_row: IntArray
    second_row: IntArray


def equal_levels(swings: SwingSet, atr: FloatArray, tolerance_atr: float) -> EqualPairs:
    """Consecutive swings of one kind whose prices differ by at most tolerance x ATR."""
    firsts: list[IntArray] = []
    seconds: list[IntArray] = []
    for kind in (True, False):
        rows = np.flatnonzero(swings.is_high == kind)
        if len(rows) < 2:
            continue
        diff = np.abs(np.diff(swings.price[rows]))
        tol = tolerance_atr * atr[swings.index[rows[1:]]]
        close = diff <= tol
        firsts.append(rows[:-1][close])
        seconds.append(rows[1:][close])
    if not firsts:
        empty = np.empty(0, dtype=np.int64)
        return EqualPairs(empty, empty)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    order = np.argsort(swings.confirmed[second], kind="stable")
    return EqualPairs(first[order], second[order])
