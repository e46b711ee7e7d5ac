"""Small interactive charts beside the analysed one: a quote's sparkline, and several
symbols' performance rebased to 100 on one axis (compare).

Plotly figures built from closes only: they answer "how has it moved" at a glance, and the
analysed chart stays the place for levels and structure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import plotly.graph_objects as go

from analysis.charts.theme import PALETTES, ThemeName

# One colour per compared symbol, distinct on light and dark backgrounds.
SERIES_COLOURS = ("#2962ff", "#f23645", "#089981", "#ff9800", "#9c27b0")
Closes = tuple[Sequence[datetime], Sequence[float]]


def sparkline(times: Sequence[datetime], closes: Sequence[float], *, theme: ThemeName) -> go.Figure:
    """The closes as one line, no axes: up in the up colour, down in the down colour."""
    pal = PALETTES[theme]
    colour = pal.up if closes and closes[-1] >= closes[0] else pal.down
    fig = go.Figure(
        go.Scatter(
            x=list(times),
            y=list(closes),
            mode="lines",
            line={"color": colour, "width": 2},
            hovertemplate="%{x|%Y-%m-%d}: %{y}<extra></extra>",
            name="close",
        )
    )
    fig.update_layout(
        height=90,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        xaxis={"visible": False},
        yaxis={"visible": False},
        showlegend=False,
    )
    return fig


def rebased(closes: Sequence[float]) -> list[float]:
    """Closes as a percentage of the first: 100 at the start, 110 after a 10% gain."""
    if not closes or closes[0] == 0:
        return []
    first = closes[0]
    return [100.0 * close / first for close in closes]


def performance_overlay(series: Mapping[str, Closes], *, theme: ThemeName, title: str) -> go.Figure:
    """Each symbol's closes rebased to 100 at its first bar, one line each, one axis."""
    pal = PALETTES[theme]
    fig = go.Figure()
    for i, (symbol, (times, closes)) in enumerate(series.items()):
        fig.add_trace(
            go.Scatter(
                x=list(times),
                y=rebased(closes),
                mode="lines",
                name=symbol,
                line={"color": SERIES_COLOURS[i % len(SERIES_COLOURS)], "width": 2},
                hovertemplate=f"{symbol} %{{y:.1f}}<extra></extra>",
            )
        )
    fig.add_hline(y=100, line={"color": pal.muted, "width": 1, "dash": "dot"})
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        template="plotly_dark" if theme == "dark" else "plotly_white",
        paper_bgcolor=pal.background,
        plot_bgcolor=pal.panel,
        font={"color": pal.text},
        height=420,
        margin={"l": 50, "r": 20, "t": 50, "b": 40},
        yaxis={"title": {"text": "rebased to 100"}, "gridcolor": pal.grid},
        xaxis={"gridcolor": pal.grid, "showspikes": True, "spikemode": "across"},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        hovermode="x unified",
    )
    return fig
