"""How numbers are written for people and models: prices at the chart's precision
(`analysis.prices`), percentages with one decimal. The facts the model reads and the offline
analyst's sentences use these same roundings, and grounding tolerates exactly them.
"""

from __future__ import annotations

from analysis.prices import format_price, price_decimals

__all__ = [
    "format_percent",
    "format_price",
    "format_ratio",
    "percent",
    "price_decimals",
]


def percent(fraction: float) -> float:
    """A fraction as a percentage rounded to one decimal: 0.3333 -> 33.3."""
    return round(fraction * 100, 1)


def format_percent(value: float) -> str:
    return f"{value:.1f}%"


def format_ratio(ratio: float) -> str:
    """Fibonacci ratios as traders write them: 0.618, 0.5, 1, 1.272."""
    return f"{ratio:g}"
