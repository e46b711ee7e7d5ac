"""The interactive chart: a Plotly figure drawn from the same `ChartSpec` as the PNG.

Each layer is its own trace (boxes as filled polygons separated by gaps), so the legend
toggles layers, hover shows values, and zoom works; shapes would be neither toggleable nor
hoverable.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import plotly.graph_objects as go

from analysis.charts.labels import Rect, declutter, merged_text, stack_by_group
from analysis.charts.spec import AnchorMark, Box, ChartSpec, MarginLabel
from analysis.prices import format_price


@dataclass(frozen=True)
class Frame:
    """The figure's fixed size and type: the label layout below is computed in pixels, so
    it holds only at this height; the width follows the page, so horizontal estimates assume
    a typical one. A phone gets its own frame: shorter, small type, no subtitle (the answer
    lists the leg), a legend laid over the plot and few, level x labels."""

    height: int
    assumed_width: int
    margin: tuple[int, int, int]  # left, top, bottom
    label_row: int  # px between margin label rows
    label_font: int  # px, margin labels and edge notes
    title_font: int
    title_width: int  # characters per title line
    subtitle: bool
    x_ticks: int  # 0: Plotly's own choice
    legend_inside: bool

    @property
    def char_px(self) -> float:
        """Average width of a label character."""
        return self.label_font * 0.6


LAPTOP = Frame(
    height=640,
    assumed_width=1100,
    margin=(55, 80, 90),
    label_row=16,
    label_font=11,
    title_font=16,
    title_width=150,
    subtitle=True,
    x_ticks=0,
    legend_inside=False,
)
PHONE = Frame(
    height=460,
    assumed_width=370,
    margin=(40, 58, 30),
    label_row=13,
    label_font=9,
    title_font=12,
    title_width=44,
    subtitle=False,
    x_ticks=3,
    legend_inside=True,
)
Device = Literal["laptop", "phone"]
FRAMES: dict[Device, Frame] = {"laptop": LAPTOP, "phone": PHONE}


LAYER_TITLES = {
    "fibonacci": "Fibonacci",
    "golden_pocket": "Golden pocket",
    "swings": "Swings",
    "structure": "BOS / CHoCH",
    "zones": "Support / resistance",
    "fair_value_gaps": "Fair value gaps",
    "order_blocks": "Order blocks",
    "last_price": "Last price",
    "anchors": "Fibonacci anchors",
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
    """One line per level in its own colour, all toggled by one "Fibonacci" legend entry.

    The labels are margin annotations (`_margin_annotations`), so none sits on the bars.
    """
    end = times[-1]
    return [
        go.Scatter(
            x=[times[level.x0], end],
            y=[level.price, level.price],
            mode="lines",
            line={"width": 1.2, "color": level.color},
            name=LAYER_TITLES["fibonacci"],
            legendgroup="fibonacci",
            showlegend=i == 0,
            hovertemplate=f"{level.label}<extra>Fibonacci</extra>",
        )
        for i, level in enumerate(spec.levels)
    ]


def _panel(spec: ChartSpec, frame: Frame) -> tuple[float, float]:
    """Pixel top and height of the price panel inside the fixed-height figure."""
    _, top, bottom = frame.margin
    share = 0.78 if spec.has("volume") else 1.0
    return top, (frame.height - top - bottom) * share


def _pixel_y(spec: ChartSpec, price: float, frame: Frame = LAPTOP) -> float:
    top, height = _panel(spec, frame)
    low, high = spec.y_range
    return top + (high - price) / (high - low) * height


def _margin_annotations(spec: ChartSpec, frame: Frame) -> tuple[list[dict[str, object]], int]:
    """Right-margin labels merged and stacked like the PNG's, and the margin width they need.

    Each label is an annotation whose arrow runs from the text to its level at the last bar,
    so a label pushed out of the way still points at its price.
    """
    labels = [lb for lb in spec.margin_labels if spec.has(lb.layer)]
    top, height = _panel(spec, frame)
    row = frame.label_row
    step = row / height  # one label row, as a share of the panel
    notes: list[dict[str, object]] = []
    texts: list[str] = []
    for side in ("top", "bottom"):
        for i, lb in enumerate(x for x in labels if x.edge == side):
            y = (
                1.0 - i * step
                if side == "top"
                else (0.22 if spec.has("volume") else 0.0) + i * step
            )
            notes.append(_edge_note(lb, y, "top" if side == "top" else "bottom", frame))
            texts.append(lb.text)
    inside = [lb for lb in labels if lb.edge is None]
    n_edges = len(labels) - len(inside)
    low = top + row / 2 + row * n_edges
    high = top + height - row / 2
    ys = [_pixel_y(spec, lb.price, frame) for lb in inside]
    for group in stack_by_group(ys, [lb.layer for lb in inside], row, low, high):
        members = [inside[i] for i in group.members]
        text = merged_text([m.key for m in members], [m.detail for m in members])
        texts.append(text)
        target = (
            members[0].price if len(members) == 1 else sum(m.price for m in members) / len(members)
        )
        notes.append(
            {
                "x": spec.candles.times[-1],
                "y": target,
                "xref": "x",
                "yref": "y",
                "text": text,
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 0.8,
                "arrowcolor": members[0].color,
                "ax": 18,
                "ay": group.position - _pixel_y(spec, target, frame),
                "axref": "pixel",
                "ayref": "pixel",
                "xanchor": "left",
                "font": {"color": members[0].color, "size": frame.label_font},
                "name": members[0].layer,
            }
        )
    widest = max((len(t) for t in texts), default=0)
    return notes, int(min(0.35 * frame.assumed_width, 30 + widest * frame.char_px))


def _edge_note(label: MarginLabel, y: float, anchor: str, frame: Frame) -> dict[str, object]:
    return {
        "x": 1.0,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "text": label.text,
        "showarrow": False,
        "xanchor": "left",
        "yanchor": anchor,
        "xshift": 18,
        "font": {"color": label.color, "size": frame.label_font},
        "name": label.layer,
    }


def _text_rects(
    spec: ChartSpec, points: Sequence[tuple[int, float, str, str]], margin_px: int, frame: Frame
) -> list[Rect]:
    """Estimated pixel boxes of texts at Plotly `textposition`s ("top center", ...)."""
    n = max(1, len(spec.candles.times))
    left_px = frame.margin[0]
    plot_w = frame.assumed_width - left_px - margin_px
    rects = []
    for x, price, text, position in points:
        px = left_px + (x + 0.5) / n * plot_w
        py = _pixel_y(spec, price, frame)
        vertical, horizontal = position.split()
        w = len(text) * LAPTOP.char_px  # inline texts keep Plotly's 11 px on every frame
        left = {"left": px - w - 4, "right": px + 4}.get(horizontal, px - w / 2)
        top = {"top": py - 20, "bottom": py + 6}.get(vertical, py - 7)
        rects.append((left, top, left + w, top + 14))
    return rects


def _anchor_positions(spec: ChartSpec) -> list[str]:
    """The leg runs away from its start, so the start's right side is free; the ends are
    labelled above a high, below a low, leftwards near the last bar."""
    last = max(1, len(spec.candles.times) - 1)
    return [
        "middle right"
        if m.role == "start"
        else ("top " if m.above else "bottom ") + ("left" if (m.x or 0) > 0.8 * last else "center")
        for m in spec.anchors
        if m.x is not None
    ]


def _anchor_traces(
    spec: ChartSpec, times: list[datetime], keep: Sequence[bool]
) -> list[go.Scatter]:
    """Anchors as circles (filled: confirmed) with their state; the leg as a thin line,
    dashed to a provisional end."""
    marks: dict[str, AnchorMark] = {m.role: m for m in spec.anchors if m.x is not None}
    pal = spec.palette
    traces = []
    start = marks.get("start")
    for role, dash, opacity in (("end", "dot", 0.6), ("provisional end", "dash", 0.5)):
        end = marks.get(role)
        if start is None or end is None or start.x is None or end.x is None:
            continue
        traces.append(
            go.Scatter(
                x=[times[start.x], times[end.x]],
                y=[start.price, end.price],
                mode="lines",
                line={"dash": dash, "width": 1, "color": pal.muted},
                opacity=opacity,
                name=LAYER_TITLES["anchors"],
                legendgroup="anchors",
                showlegend=False,
                hoverinfo="skip",
            )
        )
    shown = [m for m in spec.anchors if m.x is not None]
    if shown:
        traces.append(
            go.Scatter(
                x=[times[m.x] for m in shown if m.x is not None],
                y=[m.price for m in shown],
                mode="markers+text",
                # A label that would collide is left to the hover (and the subtitle).
                text=[m.text if k else "" for m, k in zip(shown, keep, strict=True)],
                customdata=[m.text for m in shown],
                textposition=_anchor_positions(spec),
                cliponaxis=False,
                marker={
                    "symbol": [
                        "circle" if m.state == "confirmed" else "circle-open" for m in shown
                    ],
                    "size": 9,
                    "color": pal.muted,
                    "line": {"width": 1.6, "color": pal.muted},
                },
                name=LAYER_TITLES["anchors"],
                legendgroup="anchors",
                hovertemplate="%{customdata}<extra>anchor</extra>",
            )
        )
    return traces


def figure(spec: ChartSpec, *, frame: Frame = LAPTOP) -> go.Figure:
    """Candles with volume below and one toggleable trace per annotation layer, laid out
    for `frame` (a laptop's or a phone's)."""
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
        opacity = 0.25 if spec.focus == "levels" else 0.12
        fig.add_trace(_boxes_trace(spec.zones, times, LAYER_TITLES["zones"], opacity, d))
    if spec.has("golden_pocket") and spec.golden_pocket is not None:
        fig.add_trace(
            _boxes_trace([spec.golden_pocket], times, LAYER_TITLES["golden_pocket"], 0.2, d)
        )
    if spec.has("fair_value_gaps") and spec.gaps:
        fig.add_trace(_boxes_trace(spec.gaps, times, LAYER_TITLES["fair_value_gaps"], 0.15, d))
    if spec.has("order_blocks") and spec.order_blocks:
        fig.add_trace(_boxes_trace(spec.order_blocks, times, LAYER_TITLES["order_blocks"], 0.2, d))
    notes, margin_px = _margin_annotations(spec, frame)
    # Inline texts that would collide are left to the hover: estimated boxes, first wins.
    anchor_points = (
        [
            (m.x, m.price, m.text, pos)
            for m, pos in zip(
                [m for m in spec.anchors if m.x is not None], _anchor_positions(spec), strict=True
            )
            if m.x is not None
        ]
        if spec.has("anchors")
        else []
    )
    seg_points = (
        [((s.x0 + s.x1) // 2, s.price, s.text, "top center") for s in spec.structure]
        if spec.has("structure")
        else []
    )
    swing_points = (
        [(m.x, m.price, m.text, "top center" if m.above else "bottom center") for m in spec.swings]
        if spec.has("swings")
        else []
    )
    points = anchor_points + seg_points + swing_points
    keep = declutter(_text_rects(spec, points, margin_px, frame))
    keep_anchor, keep = keep[: len(anchor_points)], keep[len(anchor_points) :]
    keep_seg, keep_swing = keep[: len(seg_points)], keep[len(seg_points) :]
    if spec.has("fibonacci") and spec.levels:
        fig.add_traces(_level_traces(spec, times))
    if spec.has("anchors") and spec.anchors:
        fig.add_traces(_anchor_traces(spec, times, keep_anchor))
    if spec.has("structure") and spec.structure:
        xs: list[datetime | None] = []
        ys: list[float | None] = []
        texts: list[str] = []
        for seg, shown in zip(
            spec.structure, keep_seg or [True] * len(spec.structure), strict=True
        ):
            mid = times[(seg.x0 + seg.x1) // 2]
            xs += [times[seg.x0], mid, times[seg.x1], None]
            ys += [seg.price, seg.price, seg.price, None]
            texts += ["", seg.text if shown else "", "", ""]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+text",
                text=texts,
                textposition="top center",
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
                text=[m.text if k else "" for m, k in zip(spec.swings, keep_swing, strict=True)],
                customdata=[m.text for m in spec.swings],
                textposition=["top center" if m.above else "bottom center" for m in spec.swings],
                marker={
                    "symbol": ["triangle-down" if m.above else "triangle-up" for m in spec.swings],
                    "size": 8,
                    "color": pal.swing,
                },
                cliponaxis=False,
                name=LAYER_TITLES["swings"],
                legendgroup="swings",
                hovertemplate=f"%{{customdata}} %{{y:,.{d}f}}<extra>swing</extra>",
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
    left, top, bottom = frame.margin
    fig.update_layout(
        title={"text": _title(spec, frame), "x": 0.01, "font": {"size": frame.title_font}},
        template="plotly_dark" if spec.theme == "dark" else "plotly_white",
        paper_bgcolor=pal.background,
        plot_bgcolor=pal.panel,
        font={"color": pal.text},
        height=frame.height,
        annotations=notes,
        xaxis={
            # Set, not autoranged: the margin labels' arrows would otherwise widen it.
            "range": [times[0] - (pad := _half_bar(times)), times[-1] + pad],
            "rangeslider": {"visible": False},
            "gridcolor": pal.grid,
            "rangebreaks": [{"bounds": ["sat", "mon"]}] if weekends else [],
            # Under the volume panel, so no date label runs into the volume bars.
            "anchor": "y2" if spec.has("volume") else "y",
            # The margins keep every label inside the chart: "allow" skips Plotly's pass
            # that measures each tick label to hide the ones past the edge (a third of a
            # second of the browser's first draw).
            "ticklabeloverflow": "allow",
            **(
                {"nticks": frame.x_ticks, "tickangle": 0, "tickfont": {"size": 10}}
                if frame.x_ticks
                else {}
            ),
            # A crosshair: the hover line runs across both panels; the unified hover shows
            # the bar's open, high, low and close.
            "showspikes": True,
            "spikemode": "across",
            "spikesnap": "cursor",
            "spikethickness": 1,
            "spikedash": "dot",
        },
        yaxis={
            "domain": [0.22, 1.0] if spec.has("volume") else [0, 1],
            "side": "left",  # the right edge belongs to the level labels
            "gridcolor": pal.grid,
            "range": list(spec.y_range),
            "ticklabeloverflow": "allow",
            "showspikes": True,
            "spikemode": "across",
            "spikesnap": "cursor",
            "spikethickness": 1,
            "spikedash": "dot",
        },
        yaxis2={"domain": [0, 0.18], "showgrid": False, "showticklabels": False},
        legend=_legend(spec, frame),
        margin={
            "l": left,
            "t": top,
            "b": bottom,
            "r": max(110 if frame.subtitle else 60, margin_px),
        },
        hovermode="x unified",
    )
    return fig


def _title(spec: ChartSpec, frame: Frame) -> str:
    """The title in lines that fit the frame, and the subtitle where the frame has room."""
    lines = [
        piece
        for line in _wrap(spec.title, frame.title_width)
        for piece in textwrap.wrap(line, frame.title_width)
    ]
    title = "<br>".join(lines)
    subtitle = "<br>".join(_wrap(" · ".join(spec.subtitle), 150)) if frame.subtitle else ""
    return title if not subtitle else f"{title}<br><sup>{subtitle}</sup>"


def _legend(spec: ChartSpec, frame: Frame) -> dict[str, object]:
    """Below the plot on a laptop; on a phone, laid over the plot's top left corner, so
    showing it (the page folds it away) never changes the plot's size."""
    if not frame.legend_inside:
        return {"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0, "font": {"size": 10}}
    return {
        "orientation": "v",
        "x": 0.01,
        "y": 0.99,
        "xanchor": "left",
        "yanchor": "top",
        "bgcolor": _alpha(spec.palette.panel[:7], 0.85),
        "font": {"size": 9},
    }


def _half_bar(times: list[datetime]) -> timedelta:
    return (times[-1] - times[-2]) / 2 if len(times) > 1 else timedelta(hours=12)


def _wrap(text: str, width: int) -> list[str]:
    """Break a " · "-joined line at its separators into lines of at most `width` characters."""
    lines: list[str] = []
    for part in text.split(" · ") if text else []:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines
