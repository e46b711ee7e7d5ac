"""Hit-rates pooled over many series: the reference a single symbol's thin history needs.

The scan engine (`analysis.scan.pooling`) measures and pools; this is its in-memory entry
point for frames already at hand (the shipped reference table).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.models import AnalysisSettings, HitRates
from analysis.scan.pooling import pool_hit_rates, symbol_samples


def universe_hit_rates(
    frames: Mapping[str, pd.DataFrame], settings: AnalysisSettings | None = None
) -> HitRates:
    """Every ratio's verdict on all the series' legs together."""
    settings = settings or AnalysisSettings(hit_rate_max_legs=None)
    return pool_hit_rates([symbol_samples(frame, settings) for frame in frames.values()], settings)
