"""Intervals for hit-rates: Wilson for one rate, a cluster bootstrap for a difference.

Legs that share a swing are not independent draws (one failed low starts several legs), so
the difference between a level's hit-rate and its baseline is resampled by cluster: whole
groups of legs with the same start are reweighted together (a Poisson bootstrap).
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Z95 = 1.959963984540054
BOOTSTRAP_SAMPLES = 1000


def wilson_interval(successes: int, trials: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of `successes / trials`; None when there were no trials."""
    if trials <= 0:
        return None
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return (round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4))


class ClusterBootstrap:
    """Resampling weights over clusters, drawn once and shared by every level's statistic."""

    def __init__(self, clusters: int, seed: int, samples: int = BOOTSTRAP_SAMPLES) -> None:
        # Poisson(1) weights per cluster: the bootstrap's multinomial counts in the limit,
        # an order of magnitude cheaper to draw for thousands of clusters.
        rng = np.random.default_rng(seed)
        self.clusters = clusters
        self._weights = rng.poisson(1.0, size=(samples, clusters)).astype(np.float64)

    def difference_interval(
        self,
        held: npt.NDArray[np.float64],
        decided: npt.NDArray[np.float64],
        base_held: npt.NDArray[np.float64],
        base_decided: npt.NDArray[np.float64],
    ) -> tuple[float, float] | None:
        """95% interval of held/decided - base_held/base_decided, all summed per cluster."""
        if self.clusters < 2:
            return None
        w = self._weights
        with np.errstate(invalid="ignore", divide="ignore"):
            diff = (w @ held) / (w @ decided) - (w @ base_held) / (w @ base_decided)
        diff = diff[np.isfinite(diff)]
        if len(diff) < len(w) // 2:
            return None
        low, high = np.percentile(diff, [2.5, 97.5])
        return (round(float(low), 4), round(float(high), 4))
