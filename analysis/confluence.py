"""Fibonacci levels that sit inside a support/resistance zone: two methods agreeing."""

from __future__ import annotations

from analysis.fibonacci import GOLDEN_POCKET
from analysis.models import Confluence, Fibonacci, Zone

GOLDEN_POCKET_BONUS = 1.5


def confluence(fib: Fibonacci | None, zones: list[Zone]) -> list[Confluence]:
    """Each (level, zone) pair where the level lies in the zone, strongest first.

    Score = zone strength, x1.5 for a level in the golden pocket (0.618-0.65).
    """
    if fib is None:
        return []
    found: list[Confluence] = []
    for level in [*fib.retracements, *fib.extensions]:
        for zone in zones:
            if not zone.low <= level.price <= zone.high:
                continue
            golden = level.kind == "retracement" and (
                GOLDEN_POCKET[0] <= level.ratio <= GOLDEN_POCKET[1]
            )
            score = zone.strength * (GOLDEN_POCKET_BONUS if golden else 1.0)
            found.append(
                Confluence(
                    ratio=level.ratio,
                    price=level.price,
                    zone=zone,
                    score=round(score, 4),
                    explanation=(
                        f"the {level.ratio:g} {level.kind} at {level.price:.2f} lies in the "
                        f"{zone.role} zone {zone.low:.2f}-{zone.high:.2f} "
                        f"(strength {zone.strength:.2f}{', golden pocket x1.5' if golden else ''})"
                    ),
                )
            )
    found.sort(key=lambda c: c.score, reverse=True)
    return found
