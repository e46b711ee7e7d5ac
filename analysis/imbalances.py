"""Fair value gaps and order blocks: where price moved so fast it left orders behind.

Both are "mitigated" at the first later bar that trades to the far edge of the box, the same
rule for both so the chart and the text can treat them alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.bars import Bars, BoolArray, FloatArray, IntArray
from analysis.structure import Breaks
from analysis.swings import SwingSet
from analysis.windows import BarCrossings


@dataclass(frozen=True, slots=True)
class Boxes:
    """Price boxes (gaps or blocks) with the bar that formed them and their mitigation."""

    index: IntArray
    bullish: BoolArray
    top: FloatArray
    bottom: FloatArray
    known: IntArray
    mitigated: IntArray  # len(bars) when not yet mitigated

    def __len__(self) -> int:
        return len(self.index)


def mitigation(
    crossings: BarCrossings,
    bullish: BoolArray,
    top: FloatArray,
    bottom: FloatArray,
    after: IntArray,
    n: int,
) -> IntArray:
    """First bar after `after` whose low reaches a bullish box's bottom (high: bearish top)."""
    out = np.full(len(after), n, dtype=np.int64)
    if len(after) == 0:
        return out
    start = after + 1
    if bullish.any():
        out[bullish] = crossings.low_at_or_below.first(start[bullish], bottom[bullish])
    if (~bullish).any():
        out[~bullish] = crossings.high_at_or_above.first(start[~bullish], top[~bullish])
    return out


def fair_value_gaps(
    bars: Bars, atr: FloatArray, crossings: BarCrossings, min_size_atr: float, keep: int | None
) -> Boxes:
    """Three-candle gaps: candle 3's low above candle 1's high (bullish) or the mirror.

    Gaps smaller than `min_size_atr` x ATR are noise and dropped; only the `keep` most recent
    are returned (all when None), each with its mitigation bar.
    """
    h, lo = bars.high, bars.low
    floor = min_size_atr * atr[2:]
    bull_size = lo[2:] - h[:-2]
    bear_size = lo[:-2] - h[2:]
    # A gap must be positive and at least the floor; sizes <= 0 are no gap at all.
    bull = (bull_size > 0) & (bull_size >= floor)
    bear = (bear_size > 0) & (bear_size >= floor)
    found = np.flatnonzero(bull | bear)
    idx = found + 2
    bullish = bull[found]
    top = np.where(bullish, lo[idx], lo[idx - 2])
    bottom = np.where(bullish, h[idx - 2], h[idx])
    if keep is not None:
        idx, bullish, top, bottom = idx[-keep:], bullish[-keep:], top[-keep:], bottom[-keep:]
    return Boxes(
        index=idx,
        bullish=bullish,
        top=top,
        bottom=bottom,
        known=idx,
        mitigated=mitigation(crossings, bullish, top, bottom, idx, len(bars)),
    )


def _block_candle(bars: Bars, first: int, brk: int, bullish: bool) -> int:
    """The last opposite candle from the broken swing to the origin of the move (or the origin)."""
    if bullish:
        origin = first + int(np.argmin(bars.low[first:brk]))
        opposite = bars.close[first : origin + 1] < bars.open[first : origin + 1]
    else:
        origin = first + int(np.argmax(bars.high[first:brk]))
        opposite = bars.close[first : origin + 1] > bars.open[first : origin + 1]
    candles = np.flatnonzero(opposite)
    return first + int(candles[-1]) if len(candles) else origin


def order_blocks(
    bars: Bars,
    atr: FloatArray,
    crossings: BarCrossings,
    swings: SwingSet,
    breaks: Breaks,
    displacement_atr: float,
    keep: int | None,
) -> Boxes:
    """For each structure break that displaced price, the last opposite candle at its origin.

    The origin is the most extreme bar between the broken swing and the break (the lowest low
    before a bullish break); the block is the last down candle at or before it (up candle for
    bearish breaks), or the origin bar itself when there is none. A break counts only if its
    close is at least `displacement_atr` x ATR (at the block) beyond the block's far edge:
    without that rule every small break leaves a block and the chart fills with boxes.
    Both inputs of the rule are known at the break bar, so a block never appears later.
    Breaks are walked from the newest, so `keep` bounds the work as well as the output.
    """
    found: list[tuple[int, int]] = []
    for row in range(len(breaks) - 1, -1, -1):
        if keep is not None and len(found) >= keep:
            break
        first = int(swings.index[breaks.swing_row[row]])
        brk = int(breaks.bar[row])
        bullish = bool(breaks.bullish[row])
        block = _block_candle(bars, first, brk, bullish)
        close = float(bars.close[brk])
        moved = close - float(bars.high[block]) if bullish else float(bars.low[block]) - close
        if moved >= displacement_atr * float(atr[block]):
            found.append((row, block))
    found.reverse()
    rows = np.array([r for r, _ in found], dtype=np.int64)
    index = np.array([b for _, b in found], dtype=np.int64)
    bullish_rows = breaks.bullish[rows]
    top, bottom = bars.high[index], bars.low[index]
    known = breaks.bar[rows]
    return Boxes(
        index=index,
        bullish=bullish_rows,
        top=top,
        bottom=bottom,
        known=known,
        mitigated=mitigation(crossings, bullish_rows, top, bottom, known, len(bars)),
    )
