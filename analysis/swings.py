"""Causal swing detectors: fixed-window pivots and TradingView's Auto Fib zigzag.

Both report a swing only from the bar at which it could have been known (`confirmed`), so a
result computed on a prefix of the series is exactly the earlier part of the full result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from analysis.bars import Bars, BoolArray, FloatArray, IntArray
from analysis.windows import rolling_max, rolling_min

ZIGZAG_ATR_LENGTH = 10  # TradingView's Auto Fib: deviation x ATR(10) / close


@dataclass(frozen=True, slots=True)
class SwingSet:
    """Swings as parallel arrays, ordered by bar index (a high before a low on one bar)."""

    index: IntArray
    price: FloatArray
    is_high: BoolArray
    confirmed: IntArray

    def __len__(self) -> int:
        return len(self.index)

    def take(self, mask_or_rows: IntArray | BoolArray) -> SwingSet:
        return SwingSet(
            index=self.index[mask_or_rows],
            price=self.price[mask_or_rows],
            is_high=self.is_high[mask_or_rows],
            confirmed=self.confirmed[mask_or_rows],
        )

    @staticmethod
    def empty() -> SwingSet:
        return SwingSet(
            index=np.empty(0, dtype=np.int64),
            price=np.empty(0),
            is_high=np.empty(0, dtype=bool),
            confirmed=np.empty(0, dtype=np.int64),
        )


@dataclass(frozen=True, slots=True)
class Legs:
    """Every leg as it was known at the time (start -> end, known from bar `known`)."""

    start_index: IntArray
    start_price: FloatArray
    end_index: IntArray
    end_price: FloatArray
    end_confirmed: IntArray
    known: IntArray

    def __len__(self) -> int:
        return len(self.known)


def pivot_points(
    high: FloatArray, low: FloatArray, left: int, right: int
) -> tuple[IntArray, IntArray]:
    """Bars whose high beats the `left` bars before it and is not beaten by the `right` after.

    Strict on the left and non-strict on the right, as TradingView's pivots are, so a flat top
    yields its first bar only. Returns (high pivot indices, low pivot indices).
    """
    n = len(high)
    if n < left + right + 1:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    centre = np.arange(left, n - right)
    rolled: dict[tuple[int, bool], FloatArray] = {}

    def side(window: int, ends: IntArray, highs: bool) -> FloatArray:
        if window == 0:
            return np.full(len(ends), -np.inf if highs else np.inf)
        if (window, highs) not in rolled:
            rolled[window, highs] = rolling_max(high, window) if highs else rolling_min(low, window)
        return rolled[window, highs][ends]

    h, lo = high[centre], low[centre]
    is_high = (h > side(left, centre - 1, True)) & (h >= side(right, centre + right, True))
    is_low = (lo < side(left, centre - 1, False)) & (lo <= side(right, centre + right, False))
    return centre[is_high].astype(np.int64), centre[is_low].astype(np.int64)


def _merge(high_idx: IntArray, low_idx: IntArray, bars: Bars, lag: int) -> SwingSet:
    index = np.concatenate([high_idx, low_idx])
    is_high = np.concatenate([np.ones(len(high_idx), bool), np.zeros(len(low_idx), bool)])
    order = np.lexsort((~is_high, index))
    index, is_high = index[order], is_high[order]
    price = np.where(is_high, bars.high[index], bars.low[index])
    return SwingSet(index=index, price=price, is_high=is_high, confirmed=index + lag)


def pivot_swings(bars: Bars, length: int) -> SwingSet:
    """Swings with `length` bars on each side, confirmed `length` bars later."""
    highs, lows = pivot_points(bars.high, bars.low, length, length)
    return _merge(highs, lows, bars, length)


def _legs_from_rows(
    swings: SwingSet, start_rows: list[int], end_rows: list[int], known: list[int]
) -> Legs:
    start = np.array(start_rows, dtype=np.int64)
    end = np.array(end_rows, dtype=np.int64)
    return Legs(
        start_index=swings.index[start],
        start_price=swings.price[start],
        end_index=swings.index[end],
        end_price=swings.price[end],
        end_confirmed=swings.confirmed[end],
        known=np.array(known, dtype=np.int64),
    )


def zigzag_half_depth(depth: int) -> int:
    """TradingView's zigzag looks for pivots with `max(2, depth // 2)` bars on each side."""
    return max(2, depth // 2)


def zigzag_swings(
    bars: Bars, candidates: SwingSet, atr10: FloatArray, deviation: float
) -> tuple[SwingSet, SwingSet, Legs]:
    """TradingView's Auto Fib zigzag, made causal.

    `candidates` are pivots with `zigzag_half_depth(depth)` bars each side. A candidate of the
    same kind as the last zigzag point replaces it when more extreme; an opposite one is added
    when it moves at least `deviation` x ATR(10)/close percent from the last point (`atr10`
    is that ATR, `ZIGZAG_ATR_LENGTH` bars). A zigzag
    point is final (confirmed) only when the next opposite point is added, because until then
    it can still be extended.

    Returns (final swings, the pending last point if any, every leg as known over time).
    """
    cand = candidates
    seen_at = cand.confirmed
    threshold = atr10 / bars.close * 100.0 * deviation
    points: list[int] = []  # candidate rows in the zigzag
    confirmed_at: list[int] = []  # detection bar of the next opposite point, per point
    leg_start: list[int] = []
    leg_end: list[int] = []
    leg_known: list[int] = []
    last_high = False
    last_price = 0.0
    rows = zip(
        range(len(cand)),
        cand.price.tolist(),
        cand.is_high.tolist(),
        seen_at.tolist(),
        threshold[seen_at].tolist(),
        strict=True,
    )
    for r, price, is_high, seen, limit in rows:
        if not points:
            points.append(r)
            last_high, last_price = is_high, price
            continue
        if is_high == last_high:
            if (price <= last_price) if is_high else (price >= last_price):
                continue
            points[-1] = r
        else:
            if abs(price - last_price) * 100.0 < limit * abs(last_price):
                continue
            confirmed_at.append(seen)
            points.append(r)
        last_high, last_price = is_high, price
        if len(points) >= 2:
            leg_start.append(points[-2])
            leg_end.append(r)
            leg_known.append(seen)

    taken = np.array(points, dtype=np.int64)
    final_rows = taken[: len(confirmed_at)]
    final = SwingSet(
        index=cand.index[final_rows],
        price=cand.price[final_rows],
        is_high=cand.is_high[final_rows],
        confirmed=np.array(confirmed_at, dtype=np.int64),
    )
    pending = cand.take(taken[len(confirmed_at) :])
    return final, pending, _legs_from_rows(cand, leg_start, leg_end, leg_known)


LABELS: tuple[str | None, ...] = (None, "HH", "LH", "HL", "LL")


def label_codes(swings: SwingSet) -> npt.NDArray[np.int8]:
    """Codes into `LABELS` versus the previous swing of the same kind (0 for the first).

    HH/LH for highs, HL/LL for lows; a swing that only equals the previous one is not higher
    (LH) or not lower (HL).
    """
    codes = np.zeros(len(swings), dtype=np.int8)
    for kind_high, beyond_code, short_code in ((True, 1, 2), (False, 4, 3)):
        rows = np.flatnonzero(swings.is_high == kind_high)
        prices = swings.price[rows]
        beyond = prices[1:] > prices[:-1] if kind_high else prices[1:] < prices[:-1]
        codes[rows[1:]] = np.where(beyond, beyond_code, short_code)
    return codes
