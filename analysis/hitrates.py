"""How often each Fibonacci level actually held, measured on the series' own past legs.

Every leg is taken as a trader would have drawn it at the time (from the bar its end became
known), so the statistic uses no knowledge of how the leg later turned out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from analysis.bars import Bars, FloatArray, IntArray
from analysis.fibonacci import extension_price, retracement_price
from analysis.models import Detector, HitRates, LevelHitRate
from analysis.swings import Legs
from analysis.windows import BarCrossings

METHOD = (
    "For each of the last {legs} legs drawn by the {detector} detector (start -> end, taken "
    "from the bar the end became known): a level counts only if price was still on the near "
    "side of it then. Retracements are watched until price makes a new extreme beyond the "
    "leg's end, extensions until price closes back beyond the leg's start. A level is reached "
    "when a bar trades to it; it held when, from the next bar on, price moved {k} x ATR away "
    "from it in the leg's favour before any close beyond it, and broke when a close beyond it "
    "came first (the touching bar's own close included). hit_rate = held / (held + broke)."
)


def _strictly_below(x: FloatArray) -> FloatArray:
    return np.nextafter(x, -np.inf)


def _strictly_above(x: FloatArray) -> FloatArray:
    return np.nextafter(x, np.inf)


def _outcomes(
    bars: Bars,
    atr: FloatArray,
    cx: BarCrossings,
    level: FloatArray,
    start: IntArray,
    watch_end: IntArray,
    support: np.ndarray,
    k: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(reached, held, broke) per level; `support` levels are approached from above."""
    n = len(bars)
    reach = np.full(len(level), n, dtype=np.int64)
    hold = np.full(len(level), n, dtype=np.int64)
    brk = np.full(len(level), n, dtype=np.int64)
    sup, res = support, ~support
    reach[sup] = cx.low_at_or_below.first(start[sup], level[sup])
    reach[res] = cx.high_at_or_above.first(start[res], level[res])
    reached = (reach < n) & (reach <= watch_end)
    at = np.minimum(reach, n - 1)
    away = k * atr[at]
    rs, rr = sup & reached, res & reached
    # A close beyond counts from the touching bar itself (the close comes after the touch);
    # the bounce only from the next bar, since the touching bar's far extreme may have come
    # before the touch.
    brk[rs] = cx.close_at_or_below.first(reach[rs], _strictly_below(level[rs]))
    hold[rs] = cx.high_at_or_above.first(reach[rs] + 1, level[rs] + away[rs])
    brk[rr] = cx.close_at_or_above.first(reach[rr], _strictly_above(level[rr]))
    hold[rr] = cx.low_at_or_below.first(reach[rr] + 1, level[rr] - away[rr])
    held = reached & (hold < brk)
    broke = reached & (brk <= hold) & (brk < n)
    return reached, held, broke


def hit_rates(
    bars: Bars,
    atr: FloatArray,
    crossings: BarCrossings,
    legs: Legs,
    detector: Detector,
    retracements: Sequence[float],
    extensions: Sequence[float],
    k: float,
    max_legs: int | None,
) -> HitRates:
    n = len(bars)
    measurable = legs.known < n - 1
    rows = np.flatnonzero(measurable)
    if max_legs is not None:
        rows = rows[-max_legs:]
    s, e, known = legs.start_price[rows], legs.end_price[rows], legs.known[rows]
    up = e > s
    start = known + 1
    close_then = bars.close[known]
    cx = crossings
    # Watch windows: retracements until a new extreme beyond the end, extensions until a
    # close back beyond the start.
    new_high = cx.high_at_or_above.first(start, _strictly_above(e))
    new_low = cx.low_at_or_below.first(start, _strictly_below(e))
    retr_end = np.where(up, new_high, new_low)
    fail_up = cx.close_at_or_below.first(start, _strictly_below(s))
    fail_down = cx.close_at_or_above.first(start, _strictly_above(s))
    ext_end = np.where(up, fail_up, fail_down)

    results: list[LevelHitRate] = []
    for kind, ratios in (("retracement", retracements), ("extension", extensions)):
        for ratio in ratios:
            if kind == "retracement":
                level = retracement_price(s, e, ratio)
                support = up.copy()
                watch_end = retr_end
            else:
                level = extension_price(s, e, ratio)
                support = ~up
                watch_end = ext_end
            ahead = np.where(support, close_then > level, close_then < level)
            lv, st, we, sp = level[ahead], start[ahead], watch_end[ahead], support[ahead]
            reached, held, broke = _outcomes(bars, atr, cx, lv, st, we, sp, k)
            n_held, n_broke = int(held.sum()), int(broke.sum())
            decided = n_held + n_broke
            results.append(
                LevelHitRate(
                    ratio=ratio,
                    kind=kind,
                    legs=int(ahead.sum()),
                    reached=int(reached.sum()),
                    held=n_held,
                    broke=n_broke,
                    hit_rate=round(n_held / decided, 4) if decided else None,
                )
            )
    return HitRates(
        detector=detector,
        legs_total=len(rows),
        method=METHOD.format(legs=len(rows), detector=detector, k=k),
        levels=results,
    )
