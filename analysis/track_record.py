"""Directional accuracy of graded calls, with its 95% interval and a verdict beside a baseline.

Accuracy counts decided calls only: right / (right + wrong). A flat outcome (the move stayed
inside the threshold) is neither, and is reported as its own count, never hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from analysis.grading import Outcome
from analysis.stats import wilson_interval

MIN_GRADED = 30
RecordVerdict = Literal[
    "beats the baseline",
    "no edge over the baseline",
    "worse than the baseline",
    "not enough graded calls",
]


class Accuracy(BaseModel):
    """Right among decided calls, with the Wilson 95% interval."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    right: int = Field(ge=0)
    wrong: int = Field(ge=0)
    flat: int = Field(ge=0)
    rate: float | None = Field(description="right / (right + wrong); null when none decided.")
    interval: tuple[float, float] | None

    @property
    def decided(self) -> int:
        return self.right + self.wrong

    def text(self) -> str:
        """`54% [48-60] of 212 decided`, or `no decided calls`."""
        if self.rate is None or self.interval is None:
            return "no decided calls"
        low, high = self.interval
        return f"{self.rate:.0%} [{low:.0%}-{high:.0%}] of {self.decided} decided"


def accuracy(outcomes: Iterable[Outcome]) -> Accuracy:
    counts = {"right": 0, "wrong": 0, "flat": 0}
    for outcome in outcomes:
        counts[outcome] += 1
    decided = counts["right"] + counts["wrong"]
    return Accuracy(
        right=counts["right"],
        wrong=counts["wrong"],
        flat=counts["flat"],
        rate=None if decided == 0 else round(counts["right"] / decided, 4),
        interval=wilson_interval(counts["right"], decided),
    )


def verdict_against(
    own: Accuracy, baseline: Accuracy, min_graded: int = MIN_GRADED
) -> RecordVerdict:
    """Beats the baseline only when the two 95% intervals do not overlap (a cautious test)."""
    if own.decided < min_graded or own.interval is None or baseline.interval is None:
        return "not enough graded calls"
    if own.interval[0] > baseline.interval[1]:
        return "beats the baseline"
    if own.interval[1] < baseline.interval[0]:
        return "worse than the baseline"
    return "no edge over the baseline"
