"""Drawing a chart must not drag in market data clients or the web stack."""

from __future__ import annotations

from tests.support.imports import loaded_by


def test_chart_modules_import_without_yfinance_or_the_web_stack() -> None:
    charts = ["analysis.charts.static", "analysis.charts.interactive"]
    watched = ("yfinance", "reflex", "fastapi", "starlette", "app", "integrations", "matplotlib")
    assert loaded_by(charts, watched) == []
