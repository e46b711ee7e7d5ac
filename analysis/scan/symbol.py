"""What a worker does with one symbol's bars: analyse, filter, and measure for the pool."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.engine import analyze_measured
from analysis.models import AnalysisSettings
from analysis.scan.pooling import SymbolSamples
from analysis.scan.rows import ScanRow, scan_analysis
from analysis.scan.setups import Setup


@dataclass(frozen=True, slots=True)
class SymbolScan:
    """A symbol's row (None when a setup did not match) and its samples for the pool."""

    symbol: str
    row: ScanRow | None
    samples: SymbolSamples | None


def scan_frame(
    symbol: str,
    frame: pd.DataFrame,
    setups: Sequence[Setup],
    settings: AnalysisSettings | None = None,
    *,
    measure: bool = True,
) -> SymbolScan:
    """Raises `AnalysisInputError` for bars that cannot be analysed (the caller reports it).

    The pooled samples are the ones the analysis summarised its own hit-rates from: the
    legs are measured once per symbol.
    """
    analysis, legs, samples = analyze_measured(frame, settings or AnalysisSettings())
    return SymbolScan(
        symbol=symbol,
        row=scan_analysis(symbol, analysis, setups),
        samples=SymbolSamples(legs=legs, samples=tuple(samples)) if measure else None,
    )
