"""Fibonacci retracements and extensions on one leg, with the golden pocket and the price's
position among the levels.

Prices follow the definitions traders use (and OpenBB's docs, not its code):
retracement `end - r * (end - start)`, extension `start + e * (end - start)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from analysis.bars import FloatArray
from analysis.models import (
    AnchorSource,
    FibAnchor,
    FibLevel,
    Fibonacci,
    LegChoice,
    PricePosition,
)

GOLDEN_POCKET = (0.618, 0.65)


@overload
def retracement_price(start: float, end: float, ratio: float) -> float: ...
@overload
def retracement_price(start: FloatArray, end: FloatArray, ratio: float) -> FloatArray: ...
def retracement_price(
    start: float | FloatArray, end: float | FloatArray, ratio: float
) -> float | FloatArray:
    return end - ratio * (end - start)


@overload
def extension_price(start: float, end: float, ratio: float) -> float: ...
@overload
def extension_price(start: FloatArray, end: FloatArray, ratio: float) -> FloatArray: ...
def extension_price(
    start: float | FloatArray, end: float | FloatArray, ratio: float
) -> float | FloatArray:
    return start + ratio * (end - start)


def _position(close: float, start: float, end: float, levels: list[FibLevel]) -> PricePosition:
    above = [lv for lv in levels if lv.price >= close]
    below = [lv for lv in levels if lv.price <= close]
    return PricePosition(
        close=close,
        above=min(above, key=lambda lv: lv.price) if above else None,
        below=max(below, key=lambda lv: lv.price) if below else None,
        retracement=(end - close) / (end - start),
    )


def fibonacci(
    start: FibAnchor,
    end: FibAnchor,
    close: float,
    retracements: Sequence[float],
    extensions: Sequence[float],
    anchor_source: AnchorSource,
    leg: LegChoice,
) -> Fibonacci:
    s, e = start.price, end.price
    retr = [
        FibLevel(ratio=r, price=retracement_price(s, e, r), kind="retracement")
        for r in retracements
    ]
    ext = [FibLevel(ratio=x, price=extension_price(s, e, x), kind="extension") for x in extensions]
    pocket = sorted(retracement_price(s, e, r) for r in GOLDEN_POCKET)
    return Fibonacci(
        start=start,
        end=end,
        direction="bullish" if e > s else "bearish",
        anchor_source=anchor_source,
        leg=leg,
        retracements=retr,
        extensions=ext,
        golden_pocket=(pocket[0], pocket[1]),
        position=_position(close, s, e, retr),
    )
