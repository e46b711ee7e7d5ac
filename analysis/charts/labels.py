"""Keep labels apart: the layout rules both renderers share.

Right-margin labels are first merged where they would sit nearly on top of each other
("0.5 / 0.618"), then stacked at least one label height apart with `spread`; when even the
stack does not fit the panel, the closest neighbours are merged until it does. Inline labels
(swings, BOS/CHoCH) are skipped when they would collide: `declutter`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, top, right, bottom


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


@dataclass(frozen=True, slots=True)
class Stacked:
    """One drawn label: the input rows it stands for and where its centre goes."""

    members: tuple[int, ...]
    wanted: float  # mean of the members' positions
    position: float


def stack(
    values: Sequence[float],
    min_gap: float,
    low: float,
    high: float,
    merge_within: float | None = None,
) -> list[Stacked]:
    """Group `values` (screen positions) into labels that fit between `low` and `high`.

    Neighbours closer than `merge_within` (default: half of `min_gap`) become one label;
    then, while the stack is taller than the panel, the closest pair of labels is merged.
    Labels are returned in ascending position, at least `min_gap` apart.
    """
    if not values:
        return []
    within = min_gap / 2 if merge_within is None else merge_within
    order = sorted(range(len(values)), key=lambda i: values[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and values[i] - values[groups[-1][0]] < within:
            groups[-1].append(i)
        else:
            groups.append([i])
    capacity = max(1, int((high - low) // min_gap) + 1)

    def centre(group: list[int]) -> float:
        return sum(values[i] for i in group) / len(group)

    while len(groups) > capacity:
        gaps = [centre(b) - centre(a) for a, b in itertools.pairwise(groups)]
        at = gaps.index(min(gaps))
        groups[at : at + 2] = [groups[at] + groups[at + 1]]
    wanted = [centre(g) for g in groups]
    placed = spread(wanted, min_gap, low, high)
    return [
        Stacked(members=tuple(g), wanted=w, position=p)
        for g, w, p in zip(groups, wanted, placed, strict=True)
    ]


def stack_by_group(
    values: Sequence[float], groups: Sequence[str], min_gap: float, low: float, high: float
) -> list[Stacked]:
    """`stack` within each group (only labels of one kind merge: "0.5 / 0.618" reads,
    "0.5 / support" would not), then all of them spread apart together."""
    out: list[Stacked] = []
    for name in dict.fromkeys(groups):
        rows = [i for i, g in enumerate(groups) if g == name]
        for group in stack([values[i] for i in rows], min_gap, low, high):
            members = tuple(rows[m] for m in group.members)
            out.append(Stacked(members=members, wanted=group.wanted, position=group.position))
    out.sort(key=lambda g: g.wanted)
    placed = spread([g.wanted for g in out], min_gap, low, high)
    return [Stacked(g.members, g.wanted, y) for g, y in zip(out, placed, strict=True)]


def merged_text(keys: Sequence[str], details: Sequence[str]) -> str:
    """`0.5 (27.15)` for one label, `0.5 / 0.618 (27.15 / 26.30)` for merged ones.

    A key repeated by several merged labels is written once with a count (`FVG bear ×2`).
    """
    counts = {key: keys.count(key) for key in keys}
    named = [key if n == 1 else f"{key} ×{n}" for key, n in counts.items()]
    return f"{' / '.join(named)} ({' / '.join(details)})"


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def declutter(boxes: Sequence[Rect], taken: Sequence[Rect] = ()) -> list[bool]:
    """Which boxes to keep, in order: a box that overlaps a kept (or taken) one is dropped."""
    kept: list[Rect] = list(taken)
    keep = []
    for box in boxes:
        ok = not any(overlaps(box, other) for other in kept)
        if ok:
            kept.append(box)
        keep.append(ok)
    return keep
