"""Support and resistance zones: bands where recent swings clustered.

Prices of recent swings are sorted and grouped greedily while a group stays within the
tolerance (a multiple of the current ATR), so a zone is never wider than one tolerance
however many swings crowd a price area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.bars import Bars
from analysis.models import Zone
from analysis.swings import SwingSet

MIN_TOUCHES = 2


@dataclass(frozen=True, slots=True)
class ZoneSettings:
    tolerance: float  # price units
    lookback_bars: int
    half_life_bars: int
    max_zones: int


def strength(touches: int, age_bars: int, half_life: int) -> float:
    """Touches, halved for every `half_life` bars since the last one."""
    return float(touches * 0.5 ** (age_bars / half_life))


def support_resistance(bars: Bars, swings: SwingSet, settings: ZoneSettings) -> list[Zone]:
    n = len(bars)
    recent = (swings.index >= n - settings.lookback_bars) & (swings.confirmed < n)
    prices, index = swings.price[recent], swings.index[recent]
    order = np.argsort(prices, kind="stable")
    prices, index = prices[order], index[order]
    last_close = float(bars.close[-1])

    zones: list[Zone] = []
    start = 0
    while start < len(prices):
        stop = int(np.searchsorted(prices, prices[start] + settings.tolerance, side="right"))
        members = slice(start, stop)
        touches = stop - start
        if touches >= MIN_TOUCHES:
            zones.append(_zone(bars, prices[members], index[members], settings, last_close))
        start = stop
    zones.sort(key=lambda z: z.strength, reverse=True)
    return zones[: settings.max_zones]


def _zone(
    bars: Bars, prices: np.ndarray, index: np.ndarray, settings: ZoneSettings, last_close: float
) -> Zone:
    low, high = float(prices.min()), float(prices.max())
    min_width = settings.tolerance / 2
    if high - low < min_width:  # a band, not a line: swings rarely repeat to the tick
        mid = (low + high) / 2
        low, high = mid - min_width / 2, mid + min_width / 2
    first, last = int(index.min()), int(index.max())
    touches = len(prices)
    age = len(bars) - 1 - last
    score = strength(touches, age, settings.half_life_bars)
    return Zone(
        low=low,
        high=high,
        role="support" if (low + high) / 2 <= last_close else "resistance",
        touches=touches,
        first_touch=bars.time(first),
        last_touch=bars.time(last),
        strength=round(score, 4),
        explanation=(
            f"{touches} swing touches, the last {age} bars ago: "
            f"{touches} x 0.5^({age}/{settings.half_life_bars}) = {score:.2f}"
        ),
    )
