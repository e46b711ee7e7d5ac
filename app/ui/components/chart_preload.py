"""The hidden chart that gets the chart library ready before the first answer.

Loading Plotly with the page is not enough: the first chart the browser draws also pays for
compiling every drawing routine it runs for the first time (candlesticks, bars, text labels,
annotations, a second axis, the hover), about a second and a half in our e2e runs, where
later charts took a few hundred milliseconds. So the page draws a tiny chart of the same
kinds at load, out of sight, and the first answer's chart draws at the later charts' speed.
"""

from __future__ import annotations

from datetime import date, timedelta

import plotly.graph_objects as go
import reflex as rx

# A week of made-up bars: enough for every trace kind our charts use to be drawn once.
_DAYS = [date(2024, 1, 1) + timedelta(days=i) for i in range(7)]
_OPEN = [10.0, 10.4, 10.1, 10.8, 11.2, 10.9, 11.5]
_CLOSE = [10.4, 10.1, 10.8, 11.2, 10.9, 11.5, 11.3]


def warm_up_figure() -> go.Figure:
    """Candles, volume on a second axis, level lines with labels, markers with text, an
    annotation with an arrow, the unified hover and spikes: what an answer's chart draws."""
    high = [max(o, c) + 0.2 for o, c in zip(_OPEN, _CLOSE, strict=True)]
    low = [min(o, c) - 0.2 for o, c in zip(_OPEN, _CLOSE, strict=True)]
    fig = go.Figure()
    fig.add_candlestick(x=_DAYS, open=_OPEN, high=high, low=low, close=_CLOSE, name="Price")
    fig.add_bar(x=_DAYS, y=[5, 7, 6, 8, 9, 6, 7], yaxis="y2", name="Volume")
    fig.add_scatter(x=[_DAYS[0], _DAYS[-1]], y=[10.5, 10.5], mode="lines", name="0.618")
    fig.add_scatter(
        x=[_DAYS[1], _DAYS[4]], y=[low[1], high[4]], mode="markers+text", text=["L", "H"]
    )
    fig.update_layout(
        template="plotly_white",
        height=300,
        hovermode="x unified",
        annotations=[{"x": _DAYS[-1], "y": 10.5, "text": "0.618 (10.50)", "showarrow": True}],
        xaxis={"rangeslider": {"visible": False}, "showspikes": True, "anchor": "y2"},
        yaxis={"domain": [0.25, 1]},
        yaxis2={"domain": [0, 0.2]},
    )
    return fig


def chart_preload() -> rx.Component:
    """The warm-up chart, drawn at a real size but out of sight and out of the way."""
    return rx.box(
        rx.plotly.finance(data=warm_up_figure(), template=None, width="480px", height="300px"),
        position="fixed",
        left="-10000px",
        top="0",
        width="480px",
        height="300px",
        overflow="hidden",
        opacity="0",
        pointer_events="none",
        aria_hidden="true",
        id="chart-preload",
    )
