"""The static PNG: anti-aliased shapes with aggdraw (the AGG rasteriser) and text with Pillow.

Chosen for speed, measured against matplotlib: at 1600x900 matplotlib spends ~50 ms drawing
its axes and ~1 ms per text label before any candle, while AGG draws 2,000 candles in a few
milliseconds; the PNG encoder is then the largest cost. No browser, no global state, no
system libraries beyond the wheels.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Literal

import aggdraw
from PIL import Image, ImageDraw, ImageFont

from analysis.charts.labels import Rect, merged_text, overlaps, stack_by_group
from analysis.charts.spec import Box, ChartSpec, LayerName, MarginLabel
from analysis.prices import format_price

DEFAULT_SIZE = (1600, 900)
VISION_SIZE = (1024, 576)
LABEL_PX = 13
SMALL_PX = 11
TITLE_PX = 18
Layer = Literal["title", "subtitle", "footer", "axis"] | LayerName
MARGIN_GAP = LABEL_PX + 6  # label rows in the right margin are this far apart
MARGIN_PAD = 30.0  # 6 px to the axis, 24 px for the leader lines
MAX_MARGIN = 0.3  # the label column takes at most this share of the plot's width
PROTECTED_BARS = 0.04  # no label may cover the most recent 4% of the bars (at least 3)


@dataclass(frozen=True)
class PlacedLabel:
    """A label as drawn: its layer, text and pixel box (left, top, right, bottom)."""

    layer: Layer
    text: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class RenderedChart:
    """The PNG, every label's box, and the pixel boxes of the latest candles.

    `protected` holds one box per candle among the most recent ones (high to low): no
    label is drawn over them, which a test checks together with label overlaps.
    """

    png: bytes
    width: int
    height: int
    labels: list[PlacedLabel]
    protected: list[tuple[float, float, float, float]]


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    data = resources.files("analysis.charts").joinpath("fonts", name).read_bytes()
    return ImageFont.truetype(io.BytesIO(data), size)


def _rgb(color: str) -> tuple[str, int]:
    """aggdraw wants #rrggbb plus a separate opacity; our palette may carry #rrggbbaa."""
    if len(color) == 9:
        return color[:7], int(color[7:], 16)
    return color, 255


def nice_ticks(low: float, high: float, count: int = 7) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [low, high]."""
    span = high - low
    if span <= 0 or not math.isfinite(span):
        return [low]
    raw = span / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _tick_decimals(step: float, price_decimals: int) -> int:
    """The chart's price precision, or more when the grid step is finer (0.0005 needs four)."""
    if step <= 0 or not math.isfinite(step):
        return price_decimals
    return max(price_decimals, min(8, -math.floor(math.log10(step))))


class _Frame:
    """Pixel geometry of the chart: the price panel, the volume panel and the margins.

    The right margin between the last bar and the price axis holds the labels; its width
    is set from the longest label once they are laid out (`set_margin`).
    """

    def __init__(self, spec: ChartSpec, width: int, height: int, subtitle_lines: int) -> None:
        self.width, self.height = width, height
        self.left, self.right = 14.0, width - 92.0
        self.title_y = 22.0
        self.top = 46.0 + 16.0 * subtitle_lines
        self.bottom = height - 52.0
        n = len(spec.candles.close)
        volume = spec.has("volume")
        self.volume_h = (self.bottom - self.top) * 0.16 if volume else 0.0
        self.price_bottom = self.bottom - self.volume_h - (8 if volume else 0)
        self.n = max(n, 1)
        self.low, self.high = spec.y_range
        self.set_margin(min(170, (self.right - self.left) * 0.16))

    def set_margin(self, margin: float) -> None:
        margin = min(margin, (self.right - self.left) * MAX_MARGIN)
        self.bars_right = self.right - margin
        self.step = (self.bars_right - self.left) / self.n

    def x(self, position: float) -> float:
        return self.left + (position + 0.5) * self.step

    def y(self, price: float) -> float:
        return self.top + (self.high - price) / (self.high - self.low) * (
            self.price_bottom - self.top
        )


class _Painter:
    """Draws shapes with aggdraw and text with Pillow, and remembers each label's box."""

    def __init__(self, spec: ChartSpec, width: int, height: int) -> None:
        self.spec, self.pal = spec, spec.palette
        self.size = (width, height)
        # Shapes go into aggdraw's own buffer (one copy out, instead of in and out).
        self.shapes = aggdraw.Draw("RGB", self.size, self.pal.background)
        self.labels: list[PlacedLabel] = []
        self.subtitle = _wrap(" · ".join(spec.subtitle), _font(SMALL_PX), width - 28.0, 2)
        self.f = _Frame(spec, width, height, len(self.subtitle))
        self.protected: list[Rect] = []

    # --- shapes -------------------------------------------------------------------------
    def line(self, points: list[tuple[float, float]], color: str, width: float = 1.0) -> None:
        rgb, alpha = _rgb(color)
        flat = [c for p in points for c in p]
        self.shapes.line(flat, aggdraw.Pen(rgb, width, alpha))

    def dashed(self, x0: float, x1: float, y: float, color: str, width: float) -> None:
        rgb, alpha = _rgb(color)
        pen = aggdraw.Pen(rgb, width, alpha)
        path = aggdraw.Path()
        x, dash, gap = x0, 6.0, 4.0
        while x < x1:
            path.moveto(x, y)
            path.lineto(min(x + dash, x1), y)
            x += dash + gap
        self.shapes.path(path, pen)

    def dashed_between(
        self, a: tuple[float, float], b: tuple[float, float], color: str, width: float
    ) -> None:
        rgb, alpha = _rgb(color)
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        if length == 0:
            return
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        path = aggdraw.Path()
        t = 0.0
        while t < length:
            u = min(t + 7.0, length)
            path.moveto(a[0] + ux * t, a[1] + uy * t)
            path.lineto(a[0] + ux * u, a[1] + uy * u)
            t += 12.0
        self.shapes.path(path, aggdraw.Pen(rgb, width, alpha))

    def circle(self, xy: tuple[float, float], radius: float, color: str, filled: bool) -> None:
        rgb, _ = _rgb(color)
        x, y = xy
        box = (x - radius, y - radius, x + radius, y + radius)
        brush = aggdraw.Brush(rgb) if filled else aggdraw.Brush(self.pal.background)
        self.shapes.ellipse(box, aggdraw.Pen(rgb, 1.6), brush)

    def rects(
        self, rects: list[tuple[float, float, float, float]], color: str, opacity: int | None = None
    ) -> None:
        if not rects:
            return
        rgb, alpha = _rgb(color)
        brush = aggdraw.Brush(rgb, alpha if opacity is None else opacity)
        path = aggdraw.Path()
        # Filled subpaths close themselves; Path.close() is quadratic in aggdraw.
        for x0, y0, x1, y1 in rects:
            path.moveto(x0, y0)
            path.lineto(x1, y0)
            path.lineto(x1, y1)
            path.lineto(x0, y1)
        self.shapes.path(path, None, brush)

    def segments(
        self, segs: list[tuple[float, float, float, float]], color: str, width: float
    ) -> None:
        if not segs:
            return
        rgb, alpha = _rgb(color)
        path = aggdraw.Path()
        for x0, y0, x1, y1 in segs:
            path.moveto(x0, y0)
            path.lineto(x1, y1)
        self.shapes.path(path, aggdraw.Pen(rgb, width, alpha))

    def triangles(self, points: list[tuple[float, float]], down: bool, color: str) -> None:
        if not points:
            return
        rgb, _ = _rgb(color)
        path = aggdraw.Path()
        s = 4.0
        for x, y in points:
            tip = y + s if down else y - s
            base = y - s if down else y + s
            path.moveto(x - s, base)
            path.lineto(x + s, base)
            path.lineto(x, tip)
        self.shapes.path(path, None, aggdraw.Brush(rgb))

    # --- text ---------------------------------------------------------------------------
    def text(
        self,
        layer: Layer,
        xy: tuple[float, float],
        text: str,
        color: str,
        size: int,
        anchor: str = "la",
        bold: bool = False,
        background: str | None = None,
        avoid: bool = False,
    ) -> bool:
        """Draw a label; with `avoid`, skip it (and return False) if it would overlap one."""
        font = _font(size, bold)
        box = self.text_box(xy, text, size, anchor, bold)
        if avoid and not self.free(box):
            return False
        if background is not None:
            pad = 2
            self._draw.rounded_rectangle(
                (box[0] - pad - 1, box[1] - pad, box[2] + pad + 1, box[3] + pad),
                radius=3,
                fill=background,
            )
        self._draw.text(xy, text, fill=color, font=font, anchor=anchor)
        self.labels.append(PlacedLabel(layer=layer, text=text, box=box))
        return True

    def free(self, box: Rect) -> bool:
        """No label there yet, and not over the latest candles."""
        padded = (box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2)
        return not any(overlaps(padded, placed.box) for placed in self.labels) and not any(
            overlaps(padded, candle) for candle in self.protected
        )

    def text_box(
        self, xy: tuple[float, float], text: str, size: int, anchor: str, bold: bool = False
    ) -> Rect:
        left, top, right, bottom = self._draw.textbbox(
            xy, text, font=_font(size, bold), anchor=anchor
        )
        return (float(left), float(top), float(right), float(bottom))

    def finish_shapes(self) -> None:
        self.image = Image.frombytes("RGB", self.size, self.shapes.tobytes())
        self._draw = ImageDraw.Draw(self.image)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float, max_lines: int) -> list[str]:
    """Break a " · "-joined line at its separators to fit `width`; the last line is cut."""
    if not text:
        return []
    lines: list[str] = []
    current = ""
    for part in text.split(" · "):
        candidate = part if not current else f"{current} · {part}"
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = part
    lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " · ".join(lines[max_lines - 1 :])]
    last = lines[-1]
    while font.getlength(last) > width and len(last) > 1:
        last = last[:-2] + "…"
    lines[-1] = last
    return lines


def _time_format(times: list[datetime]) -> str:
    if len(times) < 2:
        return "%Y-%m-%d"
    span = (times[-1] - times[0]).total_seconds()
    if span > 3 * 365 * 86400:
        return "%Y-%m"
    if span >= 3 * 86400:
        return "%Y-%m-%d"
    return "%m-%d %H:%M"


def _boxes(p: _Painter, boxes: list[Box], opacity: int) -> None:
    f = p.f
    by_color: dict[str, list[tuple[float, float, float, float]]] = {}
    for b in boxes:
        rect = (f.x(b.x0 - 0.5), f.y(b.high), f.x(b.x1 + 0.5), f.y(b.low))
        by_color.setdefault(b.color, []).append(rect)
    for color, rects in by_color.items():
        p.rects(rects, color, opacity)


def _grid_and_axes(
    p: _Painter, y_ticks: list[float]
) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """Grid lines; returns the y and x tick labels, written once every shape is drawn."""
    f, pal, spec = p.f, p.pal, p.spec
    times = spec.candles.times
    # About one date per 110 px of bars, so dates never touch even beside a wide margin.
    count = min(8, len(times), max(2, int((f.bars_right - f.left) // 110)))
    x_ticks = sorted({round(i * (len(times) - 1) / max(1, count - 1)) for i in range(count)})
    p.segments([(f.x(i), f.top, f.x(i), f.bottom) for i in x_ticks], pal.grid, 1)
    p.segments([(f.left, f.y(v), f.right, f.y(v)) for v in y_ticks], pal.grid, 1)
    p.segments(
        [(f.right, f.top, f.right, f.bottom), (f.left, f.bottom, f.right, f.bottom)], pal.grid, 1
    )
    fmt = _time_format(times)
    x_labels = [(f.x(i), times[i].strftime(fmt)) for i in x_ticks]
    step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 0.0
    digits = _tick_decimals(step, spec.price_decimals)
    return [(v, format_price(v, digits)) for v in y_ticks], x_labels


def _candles(p: _Painter) -> None:
    f, pal, c = p.f, p.pal, p.spec.candles
    body_half = max(0.5, f.step * 0.35)
    wick_w = 1.0 if f.step >= 2 else 0.8
    for is_up, color in ((True, pal.up), (False, pal.down)):
        wicks, bodies = [], []
        for i, (o, h, lo, cl) in enumerate(zip(c.open, c.high, c.low, c.close, strict=True)):
            if (cl >= o) != is_up:
                continue
            x = f.x(i)
            wicks.append((x, f.y(h), x, f.y(lo)))
            top, bottom = f.y(max(o, cl)), f.y(min(o, cl))
            bodies.append((x - body_half, top, x + body_half, max(bottom, top + 1)))
        p.segments(wicks, color, wick_w)
        p.rects(bodies, color)


def _volume(p: _Painter) -> None:
    f, pal, c = p.f, p.pal, p.spec.candles
    peak = max(c.volume) if c.volume else 0
    if peak <= 0:
        return
    half = max(0.5, f.step * 0.4)
    for is_up, color in ((True, pal.volume_up), (False, pal.volume_down)):
        rects = [
            (f.x(i) - half, f.bottom - v / peak * f.volume_h * 0.95, f.x(i) + half, f.bottom)
            for i, (o, cl, v) in enumerate(zip(c.open, c.close, c.volume, strict=True))
            if (cl >= o) == is_up and v > 0
        ]
        p.rects(rects, color)


def _fib_lines(p: _Painter) -> None:
    f = p.f
    for level in p.spec.levels:
        y = f.y(level.price)
        p.line([(f.x(level.x0 - 0.5), y), (f.bars_right + 4, y)], level.color, 1.2)


@dataclass(frozen=True)
class _MarginRow:
    """One drawn margin label: its text, colour, row height and the prices it points at."""

    layer: Layer
    text: str
    color: str
    y: float
    targets: list[float]


def _margin_rows(p: _Painter) -> list[_MarginRow]:
    """Merge and stack the spec's margin labels; far levels go to the top or bottom edge."""
    f = p.f
    labels = [lb for lb in p.spec.margin_labels if p.spec.has(lb.layer)]
    edges = {side: [lb for lb in labels if lb.edge == side] for side in ("top", "bottom")}
    inside = [lb for lb in labels if lb.edge is None]
    low = f.top + MARGIN_GAP / 2 + MARGIN_GAP * len(edges["top"])
    high = f.price_bottom - MARGIN_GAP / 2 - MARGIN_GAP * len(edges["bottom"])
    rows: list[_MarginRow] = []
    for i, lb in enumerate(edges["top"]):
        y = f.top + MARGIN_GAP / 2 + i * MARGIN_GAP
        rows.append(_MarginRow(lb.layer, lb.text, lb.color, y, []))
    for i, lb in enumerate(edges["bottom"]):
        y = f.price_bottom - MARGIN_GAP / 2 - i * MARGIN_GAP
        rows.append(_MarginRow(lb.layer, lb.text, lb.color, y, []))
    ys = [f.y(lb.price) for lb in inside]
    for group in stack_by_group(ys, [lb.layer for lb in inside], MARGIN_GAP, low, high):
        members: list[MarginLabel] = [inside[i] for i in group.members]
        text = merged_text([m.key for m in members], [m.detail for m in members])
        targets = [f.y(m.price) for m in members]
        rows.append(_MarginRow(members[0].layer, text, members[0].color, group.position, targets))
    return rows


def _margin_width(rows: list[_MarginRow]) -> float:
    font = _font(LABEL_PX)
    widest = max((font.getlength(r.text) for r in rows), default=0.0)
    return widest + MARGIN_PAD


def _fit(rows: list[_MarginRow], f: _Frame) -> list[_MarginRow]:
    """Rows too wide for the widest margin lose their prices, then their end (with "…")."""
    font = _font(LABEL_PX)
    room = (f.right - f.left) * MAX_MARGIN - MARGIN_PAD
    out = []
    for row in rows:
        text = row.text
        if font.getlength(text) > room:
            text = text.split(" (")[0]
        while font.getlength(text) > room and len(text) > 1:
            text = text[:-2] + "…"
        out.append(_MarginRow(row.layer, text, row.color, row.y, row.targets))
    return out


def _margin_leaders(p: _Painter, rows: list[_MarginRow]) -> None:
    f, font = p.f, _font(LABEL_PX)
    for row in rows:
        label_left = f.right - 6 - font.getlength(row.text) - 4
        for target in row.targets:
            if abs(target - row.y) > 1:
                p.line([(f.bars_right + 4, target), (label_left, row.y)], row.color, 0.8)


def _margin_labels(p: _Painter, rows: list[_MarginRow]) -> None:
    f = p.f
    for row in rows:
        p.text(
            row.layer,
            (f.right - 6, row.y),
            row.text,
            row.color,
            LABEL_PX,
            anchor="rm",
            background=p.pal.background,
        )


def _protect_latest(p: _Painter) -> None:
    """Boxes of the latest candles, which labels must leave visible."""
    f, c = p.f, p.spec.candles
    n = len(c.close)
    count = min(n, max(3, round(n * PROTECTED_BARS)))
    half = max(1.0, f.step / 2)
    p.protected = [
        (f.x(i) - half, f.y(c.high[i]), f.x(i) + half, f.y(c.low[i])) for i in range(n - count, n)
    ]


def _anchors(p: _Painter) -> None:
    """The leg as a dotted line between its anchors; dashed and faded to a provisional end."""
    f, spec = p.f, p.spec
    points = {m.role: m for m in spec.anchors if m.x is not None}
    color = p.pal.muted
    start = points.get("start")
    for role in ("end", "provisional end"):
        end = points.get(role)
        if start is None or end is None:
            continue
        a = (f.x(start.x or 0), f.y(start.price))
        b = (f.x(end.x or 0), f.y(end.price))
        if role == "end":
            p.line([a, b], color + "99", 1.0)
        else:
            p.dashed_between(a, b, color + "88", 1.2)
    for mark in points.values():
        p.circle((f.x(mark.x or 0), f.y(mark.price)), 4.0, color, mark.state == "confirmed")


def _anchor_labels(p: _Painter) -> None:
    """Each anchor's role, price and state next to it, kept inside the image and off the
    latest bars (moved left of them when the anchor is one of them)."""
    f = p.f
    first_protected = min((b[0] for b in p.protected), default=f.right)
    for mark in p.spec.anchors:
        if mark.x is None:
            continue
        x, y = f.x(mark.x), f.y(mark.price) + (-10 if mark.above else 10)
        vertical = "d" if mark.above else "a"
        anchor, tx = "r" + vertical, x - 6
        box = p.text_box((tx, y), mark.text, SMALL_PX, anchor)
        if box[0] < f.left:  # no room left of the marker: write it to the right
            anchor, tx = "l" + vertical, x + 6
            box = p.text_box((tx, y), mark.text, SMALL_PX, anchor)
        if box[2] > first_protected - 2:
            tx -= box[2] - first_protected + 8
        for dy in (0, -16, 16, -32, 32):
            placed = p.text(
                "anchors",
                (tx, y + (dy if mark.above else -dy)),
                mark.text,
                p.pal.text if mark.state == "confirmed" else p.pal.muted,
                SMALL_PX,
                anchor=anchor,
                background=p.pal.background,
                avoid=True,
            )
            if placed:
                break


def _box_names(p: _Painter) -> None:
    """ "golden pocket" written inside its box at the left, where no recent bar is."""
    box = p.spec.golden_pocket
    if not p.spec.has("golden_pocket") or box is None:
        return
    f = p.f
    y = (f.y(box.high) + f.y(box.low)) / 2
    p.text(
        "golden_pocket",
        (f.x(box.x0) + 4, y),
        "golden pocket",
        p.pal.muted,
        SMALL_PX,
        anchor="lm",
        avoid=True,
    )


def _structure(p: _Painter) -> None:
    f = p.f
    for seg in p.spec.structure:
        y = f.y(seg.price)
        p.dashed(f.x(seg.x0), f.x(seg.x1), y, seg.color, 1.6 if seg.major else 1.0)


def _structure_labels(p: _Painter) -> None:
    f = p.f
    for seg in p.spec.structure:
        x = (f.x(seg.x0) + f.x(seg.x1)) / 2
        p.text(
            "structure",
            (x, f.y(seg.price) - 2),
            seg.text,
            seg.color,
            SMALL_PX,
            anchor="md",
            avoid=True,
        )


def _swings(p: _Painter) -> None:
    f, pal = p.f, p.pal
    highs = [(f.x(m.x), f.y(m.price) - 6) for m in p.spec.swings if m.above]
    lows = [(f.x(m.x), f.y(m.price) + 6) for m in p.spec.swings if not m.above]
    p.triangles(highs, down=True, color=pal.swing)
    p.triangles(lows, down=False, color=pal.swing)


def _swing_labels(p: _Painter) -> None:
    f, pal = p.f, p.pal
    for m in p.spec.swings:
        y = f.y(m.price) + (-12 if m.above else 12)
        p.text(
            "swings",
            (f.x(m.x), y),
            m.text,
            pal.swing,
            SMALL_PX,
            anchor="md" if m.above else "ma",
            avoid=True,
        )


def render(
    spec: ChartSpec, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1]
) -> RenderedChart:
    """Draw the chart and return the PNG with every label's position (for checks)."""
    p = _Painter(spec, width, height)
    f, pal = p.f, p.pal
    margin = _fit(_margin_rows(p), f)
    if margin:
        f.set_margin(_margin_width(margin))
    _protect_latest(p)
    y_ticks = nice_ticks(f.low, f.high)
    y_labels, x_labels = _grid_and_axes(p, y_ticks)
    if spec.has("zones"):
        _boxes(p, spec.zones, 70 if spec.focus == "levels" else 36)
    if spec.has("golden_pocket") and spec.golden_pocket is not None:
        _boxes(p, [spec.golden_pocket], 46)
    if spec.has("fair_value_gaps"):
        _boxes(p, spec.gaps, 40)
    if spec.has("order_blocks"):
        _boxes(p, spec.order_blocks, 50)
    if spec.has("volume"):
        _volume(p)
    if spec.has("fibonacci") and spec.levels:
        _fib_lines(p)
    _margin_leaders(p, margin)
    _candles(p)
    if spec.has("structure"):
        _structure(p)
    if spec.has("swings"):
        _swings(p)
    if spec.has("anchors"):
        _anchors(p)
    last_y = f.y(spec.last_price)
    if spec.has("last_price"):
        p.dashed(f.left, f.right, last_y, pal.last_price, 1.0)
    p.finish_shapes()

    # Text goes on top of every shape, most important first: later labels that would
    # overlap an earlier one are skipped.
    p.text("title", (f.left, f.title_y), spec.title, pal.text, TITLE_PX, anchor="lm", bold=True)
    for i, line in enumerate(p.subtitle):
        p.text("subtitle", (f.left, 40 + 16 * i), line, pal.muted, SMALL_PX, anchor="lm")
    p.text("footer", (f.left, height - 12), spec.footer, pal.muted, SMALL_PX, anchor="ld")
    if spec.has("last_price"):
        p.text(
            "last_price",
            (f.right + 8, last_y),
            format_price(spec.last_price, spec.price_decimals),
            "#ffffff",
            LABEL_PX,
            anchor="lm",
            background=pal.last_price,
        )
    for value, label in y_labels:
        p.text(
            "axis", (f.right + 8, f.y(value)), label, pal.muted, SMALL_PX, anchor="lm", avoid=True
        )
    for i, (x, label) in enumerate(x_labels):
        # The outermost dates align inwards so they are never cut at the image edge.
        anchor = "la" if i == 0 else "ra" if i == len(x_labels) - 1 else "ma"
        p.text("axis", (x, f.bottom + 6), label, pal.muted, SMALL_PX, anchor=anchor, avoid=True)
    _margin_labels(p, margin)
    if spec.has("anchors"):
        _anchor_labels(p)
    if spec.has("structure"):
        _structure_labels(p)
    if spec.has("swings"):
        _swing_labels(p)
    _box_names(p)

    buffer = io.BytesIO()
    # The fastest zlib level: encoding is the largest cost and charts compress well anyway.
    # (A 256-colour palette would be smaller but shifts the theme's exact colours.)
    p.image.save(buffer, format="png", compress_level=1)
    return RenderedChart(
        png=buffer.getvalue(),
        width=width,
        height=height,
        labels=p.labels,
        protected=p.protected,
    )


def render_png(
    spec: ChartSpec, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1]
) -> bytes:
    """PNG bytes of exactly `width` x `height` pixels."""
    return render(spec, width, height).png
