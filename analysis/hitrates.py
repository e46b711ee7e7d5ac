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

    # Every (ratio, leg) pair is one query; all ratios go through the crossing indexes in
    # one batch, since per-call overhead would otherwise dominate short series.
    kinds = [("retracement", r) for r in retracements] + [("extension", x) for x in extensions]
    count = len(rows)
    level = (
        np.concatenate(
            [
                retracement_price(s, e, ratio)
                if kind == "retracement"
                else extension_price(s, e, ratio)
                for kind, ratio in kinds
            ]
        )
        if kinds
        else np.empty(0)
    )
    is_retracement = np.repeat([kind == "retracement" for kind, _ in kinds], count)
    up_all = np.tile(up, len(kinds))
    support = np.where(is_retracement, up_all, ~up_all)
    watch_end = np.where(
        is_retracement, np.tile(retr_end, len(kinds)), np.tile(ext_end, len(kinds))
    )
    close_all = np.tile(close_then, len(kinds))
    ahead = np.where(support, close_all > level, close_all < level)
    reached, held, broke = _outcomes(
        bars, atr, cx, level, np.tile(start, len(kinds)), watch_end, support, k
    )

    def per_ratio(flags: np.ndarray) -> list[int]:
        return (
            (flags & ahead).reshape(len(kinds), count).sum(axis=1).tolist()
            if count
            else [0] * len(kinds)
        )

    legs_n, reached_n, held_n, broke_n = (per_ratio(f) for f in (ahead, reached, held, broke))
    results: list[LevelHitRate] = []
    for pos, (kind, ratio) in enumerate(kinds):
        decided = held_n[pos] + broke_n[pos]
        results.append(
            LevelHitRate(
                ratio=ratio,
                kind=kind,
                legs=legs_n[pos],
                reached=reached_n[pos],
                held=held_n[pos],
                broke=broke_n[pos],
                hit_rate=round(held_n[pos] / decided, 4) if decided else None,
            )
        )
    return HitRates(
        detector=detector,
        legs_total=len(rows),
        method=METHOD.format(legs=len(rows), detector=detector, k=k),
        levels=results,
    )
