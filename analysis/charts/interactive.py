"""The interactive chart: a Plotly figure drawn from the same `ChartSpec` as the PNG.

Each layer is its own trace (boxes as filled polygons separated by gaps), so the legend
toggles layers, hover shows values, and zoom works; shapes would be neither toggleable nor
hoverable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import plotly.graph_objects as go

from analysis.charts.spec import Box, ChartSpec
from analysis.prices import format_price

LAYER_TITLES = {
    "fibonacci": "Fibonacci",
    "golden_pocket": "Golden pocket",
    "swings": "Swings",
    "structure": "BOS / CHoCH",
    "zones": "Support / resistance",
    "fair_value_gaps": "Fair value gaps",
    "order_blocks": "Order blocks",
    "last_price": "Last price",
}


def _alpha(color: str, alpha: float) -> str:
    """#rrggbb -> rgba(...) with the given opacity."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _boxes_trace(
    boxes: Sequence[Box], times: list[datetime], name: str, opacity: float, decimals: int
) -> go.Scatter:
    xs: list[datetime | None] = []
    ys: list[float | None] = []
    texts: list[str | None] = []
    for b in boxes:
        x0, x1 = times[b.x0], times[b.x1]
        xs += [x0, x1, x1, x0, x0, None]
        ys += [b.low, b.low, b.high, b.high, b.low, None]
        low, high = format_price(b.low, decimals), format_price(b.high, decimals)
        label = f"{b.label or name}: {low}–{high}"
        texts += [label] * 5 + [None]
    color = boxes[0].color[:7] if boxes else "#888888"
    return go.Scatter(
        x=xs,
        y=ys,
        text=texts,
        mode="lines",
        fill="toself",
        fillcolor=_alpha(color, opacity),
        line={"width": 0.5, "color": _alpha(color, min(1.0, opacity * 3))},
        name=name,
        hoverinfo="text",
        legendgroup=name,
    )


def _level_traces(spec: ChartSpec, times: list[datetime]) -> list[go.Scatter]:
    """One line per level in its own colour, all toggled by one "Fibonacci" legend entry."""
    end = times[-1]
    return [
        go.Scatter(
            x=[times[level.x0], end],
            y=[level.price, level.price],
            mode="lines+text",
            text=["", level.label],
            textposition="middle right",
            textfont={"color": level.color, "size": 11},
            cliponaxis=False,
            line={"width": 1.2, "color": level.color},
            name=LAYER_TITLES["fibonacci"],
            legendgroup="fibonacci",
            showlegend=i == 0,
            hovertemplate=f"{level.label}<extra>Fibonacci</extra>",
        )
        for i, level in enumerate(spec.levels)
    ]


def figure(spec: ChartSpec) -> go.Figure:
    """Candles with volume below and one toggleable trace per annotation layer."""
    c, pal, d = spec.candles, spec.palette, spec.price_decimals
    times = c.times
    fig = go.Figure()
    fig.add_trace(
        go.Candlestick(
            x=times,
            open=c.open,
            high=c.high,
            low=c.low,
            close=c.close,
            name="Price",
            yhoverformat=f",.{d}f",
            increasing={"line": {"color": pal.up}, "fillcolor": pal.up},
            decreasing={"line": {"color": pal.down}, "fillcolor": pal.down},
        )
    )
    if spec.has("volume"):
        colors = [pal.up if cl >= o else pal.down for o, cl in zip(c.open, c.close, strict=True)]
        fig.add_trace(
            go.Bar(
                x=times,
                y=c.volume,
                marker={"color": colors, "opacity": 0.35},
                name="Volume",
                yaxis="y2",
                hovertemplate="%{y:,.0f}<extra>Volume</extra>",
            )
        )
    if spec.has("zones") and spec.zones:
        fig.add_trace(_boxes_trace(spec.zones, times, LAYER_TITLES["zones"], 0.12, d))
    if spec.has("golden_pocket") and spec.golden_pocket is not None:
        fig.add_trace(
            _boxes_trace([spec.golden_pocket], times, LAYER_TITLES["golden_pocket"], 0.2, d)
        )
    if spec.has("fair_value_gaps") and spec.gaps:
        fig.add_trace(_boxes_trace(spec.gaps, times, LAYER_TITLES["fair_value_gaps"], 0.15, d))
    if spec.has("order_blocks") and spec.order_blocks:
        fig.add_trace(_boxes_trace(spec.order_blocks, times, LAYER_TITLES["order_blocks"], 0.2, d))
    if spec.has("fibonacci") and spec.levels:
        fig.add_traces(_level_traces(spec, times))
    if spec.has("structure") and spec.structure:
        xs: list[datetime | None] = []
        ys: list[float | None] = []
        texts: list[str] = []
        for seg in spec.structure:
            xs += [times[seg.x0], times[seg.x1], None]
            ys += [seg.price, seg.price, None]
            texts += ["", seg.text, ""]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+text",
                text=texts,
                textposition="top left",
                line={"dash": "dash", "width": 1.2, "color": pal.muted},
                name=LAYER_TITLES["structure"],
                legendgroup="structure",
                hovertemplate=f"%{{y:,.{d}f}}<extra>broken level</extra>",
            )
        )
    if spec.has("swings") and spec.swings:
        fig.add_trace(
            go.Scatter(
                x=[times[m.x] for m in spec.swings],
                y=[m.price for m in spec.swings],
                mode="markers+text",
                text=[m.text for m in spec.swings],
                textposition=["top center" if m.above else "bottom center" for m in spec.swings],
                marker={
                    "symbol": ["triangle-down" if m.above else "triangle-up" for m in spec.swings],
                    "size": 8,
                    "color": pal.swing,
                },
                name=LAYER_TITLES["swings"],
                legendgroup="swings",
                hovertemplate=f"%{{text}} %{{y:,.{d}f}}<extra>swing</extra>",
            )
        )
    if spec.has("last_price"):
        fig.add_trace(
            go.Scatter(
                x=[times[0], times[-1]],
                y=[spec.last_price, spec.last_price],
                mode="lines",
                line={"dash": "dot", "width": 1, "color": pal.last_price},
                name=f"{LAYER_TITLES['last_price']} {format_price(spec.last_price, d)}",
                legendgroup="last_price",
                hovertemplate=f"%{{y:,.{d}f}}<extra>last</extra>",
            )
        )
    daily = len(times) < 2 or (times[1] - times[0]).total_seconds() >= 86_400
    weekends = daily and not any(t.weekday() >= 5 for t in times)
    fig.update_layout(
        title={"text": spec.title, "x": 0.01, "font": {"size": 16}},
        template="plotly_dark" if spec.theme == "dark" else "plotly_white",
        paper_bgcolor=pal.background,
        plot_bgcolor=pal.panel,
        font={"color": pal.text},
        xaxis={
            "rangeslider": {"visible": False},
            "gridcolor": pal.grid,
            "rangebreaks": [{"bounds": ["sat", "mon"]}] if weekends else [],
        },
        yaxis={
            "domain": [0.22, 1.0] if spec.has("volume") else [0, 1],
            "side": "left",  # the right edge belongs to the level labels
            "gridcolor": pal.grid,
            "range": list(spec.y_range),
        },
        yaxis2={"domain": [0, 0.18], "showgrid": False, "showticklabels": False},
        legend={"orientation": "h", "y": -0.06, "yanchor": "top", "x": 0, "font": {"size": 10}},
        margin={"l": 55, "r": 110, "t": 50, "b": 90},
        hovermode="x unified",
    )
    return fig
