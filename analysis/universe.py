"""Hit-rates pooled over many series: the reference a single symbol's thin history needs.

One symbol's daily history rarely has the 30 decided tests per ratio a verdict needs; a
universe of series does. Legs of different series are separate clusters in the bootstrap.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.engine import leg_inputs
from analysis.hitrates import LevelSample, level_samples, pooled, summarize
from analysis.legs import consecutive_legs
from analysis.models import AnalysisSettings, HitRates
from analysis.windows import BarCrossings


def series_samples(
    frame: pd.DataFrame, settings: AnalysisSettings
) -> tuple[int, list[LevelSample]]:
    """(legs measured, one sample per ratio) for one series, as `analyze` measures them."""
    bars, atr, final = leg_inputs(frame, settings)
    return level_samples(
        bars=bars,
        atr=atr,
        crossings=BarCrossings(bars),
        legs=consecutive_legs(final),
        settings=settings,
    )


def universe_hit_rates(
    frames: Mapping[str, pd.DataFrame], settings: AnalysisSettings | None = None
) -> HitRates:
    """Every ratio's verdict on all the series' legs together."""
    settings = settings or AnalysisSettings(hit_rate_max_legs=None)
    measured = [series_samples(frame, settings) for frame in frames.values()]
    by_ratio = zip(*(samples for _, samples in measured), strict=True)
    return summarize(
        [pooled(list(samples)) for samples in by_ratio],
        legs_total=sum(count for count, _ in measured),
        detector=settings.detector,
        settings=settings,
    )
