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

from analysis.charts.labels import spread
from analysis.charts.spec import Box, ChartSpec
from analysis.prices import format_price

DEFAULT_SIZE = (1600, 900)
VISION_SIZE = (1024, 576)
LABEL_PX = 13
SMALL_PX = 11
TITLE_PX = 18
Layer = Literal[
    "title", "footer", "axis", "fibonacci", "swings", "structure", "last_price", "zones"
]


@dataclass(frozen=True)
class PlacedLabel:
    """A label as drawn: its layer, text and pixel box (left, top, right, bottom)."""

    layer: Layer
    text: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class RenderedChart:
    png: bytes
    width: int
    height: int
    labels: list[PlacedLabel]


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
    """Pixel geometry of the chart: the price panel, the volume panel and the margins."""

    def __init__(self, spec: ChartSpec, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.left, self.right = 14.0, width - 92.0
        self.top, self.bottom = 46.0, height - 52.0
        n = len(spec.candles.close)
        # Room right of the last bar for the Fibonacci labels.
        self.bars_right = self.right - min(170, (self.right - self.left) * 0.16)
        volume = spec.has("volume")
        self.volume_h = (self.bottom - self.top) * 0.16 if volume else 0.0
        self.price_bottom = self.bottom - self.volume_h - (8 if volume else 0)
        self.n = max(n, 1)
        self.low, self.high = spec.y_range
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
        self.f = _Frame(spec, width, height)

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
        box = self._draw.textbbox(xy, text, font=font, anchor=anchor)
        if avoid and any(_overlap(box, placed.box) for placed in self.labels):
            return False
        if background is not None:
            pad = 2
            self._draw.rounded_rectangle(
                (box[0] - pad - 1, box[1] - pad, box[2] + pad + 1, box[3] + pad),
                radius=3,
                fill=background,
            )
        self._draw.text(xy, text, fill=color, font=font, anchor=anchor)
        left, top, right, bottom = (float(v) for v in box)
        self.labels.append(PlacedLabel(layer=layer, text=text, box=(left, top, right, bottom)))
        return True

    def finish_shapes(self) -> None:
        self.image = Image.frombytes("RGB", self.size, self.shapes.tobytes())
        self._draw = ImageDraw.Draw(self.image)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
    count = min(8, len(times))
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


def _fib_label_positions(p: _Painter) -> list[float]:
    """Label heights kept apart; a leader line joins each moved label to its level."""
    f, levels = p.f, p.spec.levels
    gap = LABEL_PX + 6
    wanted = [f.y(lv.price) for lv in levels]
    placed = spread(wanted, gap, f.top + gap / 2, f.price_bottom - gap / 2)
    font = _font(LABEL_PX)
    for level, y_line, y_label in zip(levels, wanted, placed, strict=True):
        label_left = f.right - 6 - font.getlength(level.label) - 4
        if abs(y_label - y_line) > 1:
            p.line([(f.bars_right + 4, y_line), (label_left, y_label)], level.color, 0.8)
    return placed


def _fib_labels(p: _Painter, placed: list[float]) -> None:
    f = p.f
    for level, y in zip(p.spec.levels, placed, strict=True):
        p.text(
            "fibonacci",
            (f.right - 6, y),
            level.label,
            level.color,
            LABEL_PX,
            anchor="rm",
            background=p.pal.background,
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
    y_ticks = nice_ticks(f.low, f.high)
    y_labels, x_labels = _grid_and_axes(p, y_ticks)
    if spec.has("zones"):
        _boxes(p, spec.zones, 36)
    if spec.has("golden_pocket") and spec.golden_pocket is not None:
        _boxes(p, [spec.golden_pocket], 46)
    if spec.has("fair_value_gaps"):
        _boxes(p, spec.gaps, 40)
    if spec.has("order_blocks"):
        _boxes(p, spec.order_blocks, 50)
    if spec.has("volume"):
        _volume(p)
    fib_positions: list[float] = []
    if spec.has("fibonacci") and spec.levels:
        _fib_lines(p)
        fib_positions = _fib_label_positions(p)
    _candles(p)
    if spec.has("structure"):
        _structure(p)
    if spec.has("swings"):
        _swings(p)
    last_y = f.y(spec.last_price)
    if spec.has("last_price"):
        p.dashed(f.left, f.right, last_y, pal.last_price, 1.0)
    p.finish_shapes()

    # Text goes on top of every shape, most important first: later labels that would
    # overlap an earlier one are skipped.
    p.text("title", (f.left, f.top / 2), spec.title, pal.text, TITLE_PX, anchor="lm", bold=True)
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
        p.text("axis", (x, f.bottom + 6), label, pal.muted, SMALL_PX, anchor=anchor)
    if fib_positions:
        _fib_labels(p, fib_positions)
    if spec.has("structure"):
        _structure_labels(p)
    if spec.has("swings"):
        _swing_labels(p)

    buffer = io.BytesIO()
    # The fastest zlib level: encoding is the largest cost and charts compress well anyway.
    # (A 256-colour palette would be smaller but shifts the theme's exact colours.)
    p.image.save(buffer, format="png", compress_level=1)
    return RenderedChart(png=buffer.getvalue(), width=width, height=height, labels=p.labels)


def render_png(
    spec: ChartSpec, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1]
) -> bytes:
    """PNG bytes of exactly `width` x `height` pixels."""
    return render(spec, width, height).png
