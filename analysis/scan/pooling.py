"""The cross-symbol level statistics: each scanned series' level samples, pooled.

One symbol's daily history rarely has the 30 decided tests per ratio a verdict needs; a
universe of series does. The scan measures each series where its bars are (a worker) and
ships back only its samples, which pool by adding counts and keeping each series' legs as
clusters of their own in the bootstrap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.engine import leg_inputs
from analysis.hitrates import LevelSample, level_samples, pooled, summarize
from analysis.legs import consecutive_legs
from analysis.models import AnalysisSettings, HitRates
from analysis.windows import BarCrossings


@dataclass(frozen=True, slots=True)
class SymbolSamples:
    """One series' measured legs and one sample per ratio (small, picklable)."""

    legs: int
    samples: tuple[LevelSample, ...]


def symbol_samples(frame: pd.DataFrame, settings: AnalysisSettings) -> SymbolSamples:
    """Legs and per-ratio samples of one series, measured as `analyze` measures them."""
    bars, atr, final = leg_inputs(frame, settings)
    legs, samples = level_samples(
        bars=bars,
        atr=atr,
        crossings=BarCrossings(bars),
        legs=consecutive_legs(final),
        settings=settings,
    )
    return SymbolSamples(legs=legs, samples=tuple(samples))


def pool_hit_rates(measured: Sequence[SymbolSamples], settings: AnalysisSettings) -> HitRates:
    """Every ratio's verdict over all the series' legs together."""
    by_ratio = zip(*(m.samples for m in measured), strict=True)
    return summarize(
        [pooled(list(samples)) for samples in by_ratio],
        legs_total=sum(m.legs for m in measured),
        detector=settings.detector,
        settings=settings,
    )
