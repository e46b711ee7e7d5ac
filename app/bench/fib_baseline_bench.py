"""Fibonacci ratios against random levels of the same depth, on the bundled series.

Not a speed benchmark: the baseline that every hit-rate we show is compared with, measured
in the same run, so the printed table is the product's honesty check in numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from analysis import AnalysisSettings
from analysis.models import HitRates
from analysis.universe import universe_hit_rates

REFERENCE_FILE = Path(__file__).resolve().parents[1] / "services" / "data" / "fib_reference.json"


def universe(csv_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """The bundled daily series, plus every `*.csv` of `csv_dir` (named by file stem)."""
    from integrations.market_data.csv_file import read_bars_csv
    from integrations.market_data.sample import sample_frames

    frames = dict(sample_frames())
    for path in sorted(csv_dir.glob("*.csv")) if csv_dir else []:
        frames[path.stem.upper()] = read_bars_csv(path)
    return frames


def run(detector: str = "zigzag", csv_dir: Path | None = None) -> HitRates:
    settings = AnalysisSettings.model_validate({"detector": detector, "hit_rate_max_legs": None})
    return universe_hit_rates(universe(csv_dir), settings)


def reference_document(csv_dir: Path | None = None) -> dict[str, Any]:
    """The shipped reference table: per detector, pooled verdicts, with how it was made."""
    symbols = sorted(universe(csv_dir))
    return {
        "made_by": "financials reference" + (f" --csv-dir {csv_dir}" if csv_dir else ""),
        "universe": symbols,
        "asset_class": "equities" if csv_dir is None else "equities and CSV files",
        "interval": "1d",
        "method": "analysis.universe.universe_hit_rates with AnalysisSettings defaults "
        "(hit_rate_max_legs=null), each series' legs a cluster of its own",
        "detectors": {
            detector: run(detector, csv_dir).model_dump(mode="json")
            for detector in ("zigzag", "pivot")
        },
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def report(rates: HitRates) -> str:
    lines = [
        f"Fibonacci vs random levels ({rates.detector} legs on the bundled AAPL, FB, GOOG, IBM, "
        f"MSFT daily series, {rates.legs_total} legs)",
        f"{'level':>18} {'fibonacci':>10} {'random':>8} {'diff':>7} {'95% interval':>17} "
        f"{'n':>5}  verdict",
    ]
    for lv in rates.levels:
        span = (
            "-"
            if lv.difference_interval is None
            else f"{lv.difference_interval[0]:+.3f}..{lv.difference_interval[1]:+.3f}"
        )
        diff = "-" if lv.difference is None else f"{lv.difference:+.3f}"
        lines.append(
            f"{lv.ratio:>7g} {lv.kind:>10} {_pct(lv.hit_rate):>10} "
            f"{_pct(lv.baseline.hit_rate):>8} {diff:>7} {span:>17} {lv.held + lv.broke:>5}  "
            f"{lv.verdict}"
        )
    lines.append(f"null model: {rates.null_model}")
    return "\n".join(lines)
