"""Keep stacked labels apart: the one layout rule both renderers share."""

from __future__ import annotations

from collections.abc import Sequence


def spread(values: Sequence[float], min_gap: float, low: float, high: float) -> list[float]:
    """Positions as close to `values` as possible, at least `min_gap` apart, within bounds.

    Sorted greedy push upwards, then back down from the top if the stack overflows `high`;
    the returned list is in the order of `values`.
    """
    if not values:
        return []
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [0.0] * len(values)
    prev = low - min_gap
    for i in order:
        placed[i] = max(values[i], prev + min_gap)
        prev = placed[i]
    ceiling = high
    for i in reversed(order):
        if placed[i] > ceiling:
            placed[i] = ceiling
        ceiling = placed[i] - min_gap
    return placed
