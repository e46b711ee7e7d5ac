"""The plain verdict on a level's hit-rate: what the numbers allow us to say, in words.

A hit-rate is quoted only beside its baseline and only with enough history; when the
difference's interval includes zero we say there is no edge, whatever the rate looks like.
"""

from __future__ import annotations

from analysis.models import LevelHitRate, RateCounts, Verdict


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _span(interval: tuple[float, float] | None) -> str:
    return "" if interval is None else f" [{interval[0]:.0%}-{interval[1]:.0%}]"


def verdict_of(
    own: RateCounts,
    random: RateCounts,
    difference_interval: tuple[float, float] | None,
    min_decided: int,
) -> tuple[Verdict, str]:
    decided = own.held + own.broke
    if decided < min_decided or own.hit_rate is None or difference_interval is None:
        return (
            "not enough history",
            f"not enough history: {decided} decided level tests, {min_decided} needed",
        )
    figures = (
        f"held {_pct(own.hit_rate)}{_span(own.interval)} vs {_pct(random.hit_rate)} for "
        f"random levels of the same depth, {decided} tests"
    )
    low, high = difference_interval
    if low > 0:
        return "edge", f"an edge over random levels on this history: {figures}"
    if high < 0:
        return "worse than random", f"worse than random levels on this history: {figures}"
    return "no edge", f"no edge over random levels on this history: {figures}"


def short_verdict(rate: LevelHitRate) -> str:
    """A table cell: the verdict first, then the rate beside its baseline and the sample."""
    decided = rate.held + rate.broke
    if rate.verdict == "not enough history":
        return f"not enough history (n={decided})"
    base = rate.baseline.hit_rate
    return f"{rate.verdict}: {_pct(rate.hit_rate)} vs {_pct(base)} random (n={decided})"
