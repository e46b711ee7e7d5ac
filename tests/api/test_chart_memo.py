"""An identical chart request within a minute is drawn once; each still gets its record."""

from __future__ import annotations

import pytest

from app.services import analyses
from app.services.memo import Lru
from app.services.schemas import ChartRequest
from tests.api.conftest import Started


async def test_a_repeated_request_draws_once_and_another_theme_draws_again(
    monkeypatch: pytest.MonkeyPatch, started: Started
) -> None:
    drawn: list[str] = []
    from analysis.charts.static import render_png as real

    def counting(spec: object, *size: int) -> bytes:
        drawn.append(getattr(spec, "theme", "?"))
        return real(spec, *size)  # type: ignore[arg-type]

    monkeypatch.setattr(analyses, "render_png", counting)
    monkeypatch.setattr(analyses, "_charts", Lru())
    ports = started.services.analysis
    light = ChartRequest(symbol="AAPL", period="1y", interpret=False)
    first = await analyses.run_chart_analysis(ports, "alice", light)
    second = await analyses.run_chart_analysis(ports, "alice", light)
    await analyses.run_chart_analysis(
        ports, "alice", ChartRequest(symbol="AAPL", period="1y", interpret=False, theme="dark")
    )
    assert len(drawn) in (2, 3), "a minute may turn between the first two"
    assert drawn[-1] == "dark"
    assert first.id != second.id, "each request still keeps its own record and image"
