"""The scanner's pure half: typed setup filters, one symbol's analysis in, a row or nothing out,
and the cross-symbol level statistics pooled from every scanned series.

No I/O: fetching bars and fanning out over a universe belong to `integrations.scans`.
"""

from analysis.scan.pooling import SymbolSamples, pool_hit_rates, symbol_samples
from analysis.scan.rows import LevelStatistic, ScanRow, scan_analysis, with_universe_stats
from analysis.scan.setups import (
    SETUP_KINDS,
    ConfluenceSetup,
    FibonacciSetup,
    GoldenPocketSetup,
    ImbalanceSetup,
    Setup,
    SetupKind,
    SetupMatch,
    StructureSetup,
    TrendSetup,
    ZoneSetup,
    setup_from_kind,
)
from analysis.scan.symbol import SymbolScan, scan_frame

__all__ = [
    "SETUP_KINDS",
    "ConfluenceSetup",
    "FibonacciSetup",
    "GoldenPocketSetup",
    "ImbalanceSetup",
    "LevelStatistic",
    "ScanRow",
    "Setup",
    "SetupKind",
    "SetupMatch",
    "StructureSetup",
    "SymbolSamples",
    "SymbolScan",
    "TrendSetup",
    "ZoneSetup",
    "pool_hit_rates",
    "scan_analysis",
    "scan_frame",
    "setup_from_kind",
    "symbol_samples",
    "with_universe_stats",
]
