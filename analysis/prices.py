"""How prices are written: one precision per chart, for the drawing, the tables and the AI text.

Prices get enough decimals for their scale (2 for a stock at 430, 4 for EUR/USD at 1.0850,
8 for a coin at 0.00012). The chart labels, the levels table and the facts the model reads
all use it, so a number in the text is the number on the chart.
"""

from __future__ import annotations

import math


def price_decimals(reference: float) -> int:
    """Decimals that show about five significant digits of `reference`, at least two."""
    if reference == 0 or not math.isfinite(reference):
        return 2
    return max(2, 4 - math.floor(math.log10(abs(reference))))


def format_price(value: float, decimals: int) -> str:
    """`1,234.56`: thousands separators, fixed decimals (grounding reads both)."""
    return f"{value:,.{decimals}f}"


def format_change(change: float, fraction: float, decimals: int) -> str:
    """`+1.25 (+0.53%)`: a move in price and in percent, as quote boards write it."""
    return f"{change:+,.{decimals}f} ({fraction:+.2%})"
