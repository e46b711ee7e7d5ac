"""How numbers are written for people and models: one precision per chart.

Prices get enough decimals for their scale (2 for a stock at 430, 4 for EUR/USD at 1.0850,
8 for a coin at 0.00012), percentages one. The facts the model reads and the offline
analyst's sentences use these same roundings, and grounding tolerates exactly them.
"""

from __future__ import annotations

import math


def price_decimals(reference: float) -> int:
    """Decimals that show about five significant digits of `reference`, at least two."""
    if reference == 0 or not math.isfinite(reference):
        return 2
    return max(2, 4 - math.floor(math.log10(abs(reference))))


def round_price(value: float, decimals: int) -> float:
    return round(value, decimals)


def format_price(value: float, decimals: int) -> str:
    """`1,234.56`: thousands separators, fixed decimals (grounding reads both)."""
    return f"{value:,.{decimals}f}"


def percent(fraction: float) -> float:
    """A fraction as a percentage rounded to one decimal: 0.3333 -> 33.3."""
    return round(fraction * 100, 1)


def format_percent(value: float) -> str:
    return f"{value:.1f}%"


def format_ratio(ratio: float) -> str:
    """Fibonacci ratios as traders write them: 0.618, 0.5, 1, 1.272."""
    return f"{ratio:g}"
