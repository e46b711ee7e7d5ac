"""A real series, its analysis and chart specs, shared by the chart tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from analysis import Analysis, AnalysisSettings, analyze
from analysis.charts import ChartSpec, build_chart_spec
from tests.support.bars import sample_stock

GENERATED = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def msft() -> tuple[pd.DataFrame, Analysis]:
    frame = sample_stock("MSFT").iloc[-250:]
    return frame, analyze(frame)


def spec_for(
    frame: pd.DataFrame, result: Analysis, symbol: str = "MSFT", **kwargs: object
) -> ChartSpec:
    return build_chart_spec(
        frame,
        result,
        symbol=symbol,
        interval="1d",
        source="sample",
        generated_at=GENERATED,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def anchored() -> tuple[pd.DataFrame, Analysis]:
    """A leg given by prices inside the series' range, so every retracement is on the chart."""
    frame = sample_stock("MSFT").iloc[-250:]
    low, high = float(frame["low"].min()), float(frame["high"].max())
    return frame, analyze(frame, AnalysisSettings(anchor_prices=(low, high)))
