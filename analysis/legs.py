"""Which Fibonacci leg to draw: the window's dominant confirmed move, or the latest one.

A leg is drawn between two *final* swings: alternating highs and lows, each final once the
next opposite swing has come, so it can no longer be replaced by a more extreme bar. A
prefix of the series has exactly the final swings of the full series confirmed before its
end, so a leg chosen from them keeps its anchors and levels as bars arrive; only the choice
of leg can change, and then the answer names the new leg.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.bars import Bars, IntArray
from analysis.swings import Legs, SwingSet, _legs_from_rows


@dataclass(frozen=True, slots=True)
class LegPick:
    """A leg as bar positions: start and end bar, the end's kind, and when it was final."""

    start: int
    end: int
    up: bool
    start_confirmed: int
    end_confirmed: int


def final_sequence(swings: SwingSet) -> SwingSet:
    """Alternating swings, each confirmed when the next opposite swing was confirmed.

    Runs of same-kind swings collapse to their extreme as they were known over time (a
    higher confirmed high replaces the last high while no low came between). The last point
    is never final: a more extreme swing of its kind may still replace it, so it is left out.
    """
    order = np.lexsort((~swings.is_high, swings.index, swings.confirmed))
    rows: list[int] = []
    final_at: list[int] = []
    for r in order.tolist():
        if rows and swings.is_high[r] == swings.is_high[rows[-1]]:
            last = rows[-1]
            beyond = (
                swings.price[r] > swings.price[last]
                if swings.is_high[r]
                else swings.price[r] < swings.price[last]
            )
            if beyond:
                rows[-1] = r
            continue
        if rows:
            final_at.append(int(swings.confirmed[r]))
        rows.append(r)
    taken = np.array(rows[: len(final_at)], dtype=np.int64)
    final = swings.take(taken)
    return SwingSet(
        index=final.index,
        price=final.price,
        is_high=final.is_high,
        confirmed=np.array(final_at, dtype=np.int64),
    )


def with_window_start(bars: Bars, final: SwingSet) -> SwingSet:
    """`final` preceded by the window's extremes before its first swing.

    A window that opens at its low and rallies has no swing low (no bars on its left), yet
    that low is where a trader anchors the year's move. Working back from the first final
    swing: the opposite extreme before it, then the extreme before that one when it goes
    beyond the swing after it (a year that opens at its high, dips, and makes a lower high).
    Bars before the first final swing cannot change, so these points are final with it.
    """
    if len(final) == 0 or final.index[0] == 0:
        return final
    points: list[tuple[int, float, bool]] = []
    seg_end, need_high = int(final.index[0]), not bool(final.is_high[0])
    after_price = float(final.price[0])
    while seg_end > 0:
        bar = int(np.argmax(bars.high[:seg_end]) if need_high else np.argmin(bars.low[:seg_end]))
        price = float(bars.high[bar] if need_high else bars.low[bar])
        beyond = price > after_price if need_high else price < after_price
        if points and not beyond:
            break
        points.insert(0, (bar, price, need_high))
        after_price = points[1][1] if len(points) > 1 else float(final.price[0])
        seg_end, need_high = bar, not need_high
    confirmed = int(final.confirmed[0])
    return SwingSet(
        index=np.concatenate([[p[0] for p in points], final.index]).astype(np.int64),
        price=np.concatenate([[p[1] for p in points], final.price]),
        is_high=np.concatenate([[p[2] for p in points], final.is_high]).astype(bool),
        confirmed=np.concatenate([[confirmed] * len(points), final.confirmed]).astype(np.int64),
    )


def consecutive_legs(final: SwingSet) -> Legs:
    """Each pair of neighbouring final swings, known when its end became final."""
    count = max(0, len(final) - 1)
    starts, ends = list(range(count)), list(range(1, count + 1))
    return _legs_from_rows(final, starts, ends, final.confirmed[1:].tolist())


def _pick(final: SwingSet, start_row: int, end_row: int) -> LegPick:
    return LegPick(
        start=int(final.index[start_row]),
        end=int(final.index[end_row]),
        up=bool(final.is_high[end_row]),
        start_confirmed=int(final.confirmed[start_row]),
        end_confirmed=int(final.confirmed[end_row]),
    )


def latest_leg(final: SwingSet) -> LegPick | None:
    """The most recent leg between two final swings."""
    if len(final) < 2:
        return None
    return _pick(final, len(final) - 2, len(final) - 1)


class LegCheck:
    """Answers "has price closed beyond this leg's start since its end?" in O(1)."""

    def __init__(self, bars: Bars) -> None:
        close = bars.close
        self._low_after = np.append(np.minimum.accumulate(close[::-1])[::-1], np.inf)
        self._high_after = np.append(np.maximum.accumulate(close[::-1])[::-1], -np.inf)
        self._bars = bars

    def broken(self, pick: LegPick) -> bool:
        after = pick.end + 1
        if pick.up:
            return bool(self._low_after[after] < self._bars.low[pick.start])
        return bool(self._high_after[after] > self._bars.high[pick.start])


def major_leg(final: SwingSet, check: LegCheck) -> LegPick | None:
    """The largest move between final swings, in time order, that price has not broken.

    For every final swing as the end, the best start is the most extreme opposite final
    swing before it; if price has closed beyond that start since the end, it has closed
    beyond every less extreme start too, so one check per end suffices. None when every
    leg was broken (or there is no leg).
    """
    best: tuple[float, int, int] | None = None
    for is_high in (True, False):
        ends = np.flatnonzero(final.is_high == is_high)
        opposite = np.where(final.is_high != is_high, final.price, np.nan)
        extreme = _running_extreme(opposite, lowest=is_high)
        for end_row in ends.tolist():
            start_row = int(extreme[end_row])
            if start_row < 0:
                continue
            size = abs(float(final.price[end_row] - final.price[start_row]))
            if best is not None and size <= best[0]:
                continue
            if not check.broken(_pick(final, start_row, end_row)):
                best = (size, start_row, end_row)
    return None if best is None else _pick(final, best[1], best[2])


def _running_extreme(prices: np.ndarray, *, lowest: bool) -> IntArray:
    """Per row, the row of the lowest (or highest) non-NaN price strictly before it; -1."""
    out = np.full(len(prices), -1, dtype=np.int64)
    best_row, best_price = -1, np.inf if lowest else -np.inf
    for row, price in enumerate(prices.tolist()):
        out[row] = best_row
        if price == price and (price < best_price if lowest else price > best_price):
            best_row, best_price = row, price
    return out


def live_extreme(bars: Bars, after: int, *, highs: bool) -> int | None:
    """The bar of the highest high (or lowest low) after bar `after`; None when none follow."""
    if after + 1 >= len(bars):
        return None
    window = bars.high[after + 1 :] if highs else bars.low[after + 1 :]
    return after + 1 + int(np.argmax(window) if highs else np.argmin(window))
