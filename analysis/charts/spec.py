"""`ChartSpec`: everything a chart shows, decided once, so both renderers draw the same thing.

Positions on the x axis are bar positions within the displayed window (0 = first bar shown),
so the static chart can skip weekends and nights like trading platforms do, and the
interactive one maps them back to timestamps.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Literal, get_args

import pandas as pd
from pydantic import BaseModel, ConfigDict

from analysis.bars import Bars, to_bars
from analysis.charts.theme import PALETTES, Palette, ThemeName, fib_color
from analysis.errors import AnalysisInputError
from analysis.models import Analysis
from analysis.prices import format_price, price_decimals

LayerName = Literal[
    "volume",
    "fibonacci",
    "golden_pocket",
    "swings",
    "structure",
    "zones",
    "fair_value_gaps",
    "order_blocks",
    "last_price",
]
ALL_LAYERS: tuple[LayerName, ...] = get_args(LayerName)
# How much of each layer is worth drawing before it becomes clutter.
MAX_SWINGS = 40
MAX_INTERNAL_EVENTS = 6
MAX_SWING_EVENTS = 10
MAX_GAPS = 5
MAX_BLOCKS = 3
EXTENSION_REACH = 0.15  # show extensions within 15% of the price range beyond it


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Candles(_Spec):
    times: list[datetime]
    open: list[float]
    high: list[float]
    low: list[float]
    close: list[float]
    volume: list[float]


class Level(_Spec):
    """A horizontal Fibonacci level from `x0` to the right edge."""

    ratio: float
    kind: Literal["retracement", "extension"]
    price: float
    x0: int
    label: str
    color: str


class Box(_Spec):
    """A price band between two bar positions (zones, gaps, order blocks, golden pocket)."""

    x0: int
    x1: int
    low: float
    high: float
    color: str
    label: str | None = None


class Marker(_Spec):
    """A swing point with its structure label."""

    x: int
    price: float
    text: str
    above: bool


class Segment(_Spec):
    """A broken level, from the swing to the breaking bar, labelled BOS or CHoCH."""

    x0: int
    x1: int
    price: float
    text: str
    color: str
    major: bool  # swing scale (drawn heavier) or internal scale


class ChartSpec(_Spec):
    title: str
    footer: str
    theme: ThemeName
    palette: Palette
    layers: list[LayerName]
    candles: Candles
    y_range: tuple[float, float]
    levels: list[Level]
    golden_pocket: Box | None
    swings: list[Marker]
    structure: list[Segment]
    zones: list[Box]
    gaps: list[Box]
    order_blocks: list[Box]
    last_price: float
    price_decimals: int

    def has(self, layer: LayerName) -> bool:
        return layer in self.layers


class _Window:
    """Maps analysis bar indices onto positions in the displayed window."""

    def __init__(self, bars: Bars, max_bars: int | None) -> None:
        self.n_all = len(bars)
        shown = self.n_all if max_bars is None else min(self.n_all, max_bars)
        self.offset = self.n_all - shown
        self.last = shown - 1
        self.times = bars.times

    def pos(self, index: int) -> int:
        return max(0, index - self.offset)

    def pos_or_start(self, index: int | None) -> int:
        """Anchors given as prices have no bar: their drawings start at the window's left edge."""
        return 0 if index is None else self.pos(index)

    def visible(self, index: int) -> bool:
        return index >= self.offset

    def pos_of_time(self, when: datetime) -> int:
        found = int(self.times.searchsorted(pd.Timestamp(when)))
        return self.pos(min(found, self.n_all - 1))


def _check_same_bars(bars: Bars, analysis: Analysis) -> None:
    series = analysis.series
    if len(bars) != series.bars or bars.time(len(bars) - 1) != series.last_time:
        raise AnalysisInputError(
            f"the bars ({len(bars)} up to {bars.time(len(bars) - 1)}) are not the ones analysed "
            f"({series.bars} up to {series.last_time}); chart the analysed bars"
        )


def _y_range(bars: Bars, window: _Window, analysis: Analysis) -> tuple[float, float]:
    low = float(bars.low[window.offset :].min())
    high = float(bars.high[window.offset :].max())
    fib = analysis.fibonacci
    if fib is not None:
        prices = [lv.price for lv in fib.retracements]
        low, high = min(low, *prices), max(high, *prices)
    pad = (high - low) * 0.04 or abs(high) * 0.01 or 1.0
    return low - pad, high + pad


def _levels(
    analysis: Analysis,
    window: _Window,
    y_range: tuple[float, float],
    palette: Palette,
    decimals: int,
) -> tuple[list[Level], tuple[float, float]]:
    fib = analysis.fibonacci
    if fib is None:
        return [], y_range
    lo, hi = y_range
    reach = (hi - lo) * EXTENSION_REACH
    x0 = window.pos_or_start(fib.start.index)
    levels = []
    for level in [*fib.retracements, *fib.extensions]:
        if level.kind == "extension" and not lo - reach <= level.price <= hi + reach:
            continue
        levels.append(
            Level(
                ratio=level.ratio,
                kind=level.kind,
                price=level.price,
                x0=x0,
                label=f"{level.ratio:g} ({format_price(level.price, decimals)})",
                color=fib_color(palette, level.ratio, level.kind),
            )
        )
    prices = [lv.price for lv in levels]
    pad = (hi - lo) * 0.02
    return levels, (min(lo, min(prices) - pad), max(hi, max(prices) + pad))


def _structure(analysis: Analysis, window: _Window, palette: Palette) -> list[Segment]:
    segments = []
    for scale, keep in (
        (analysis.structure.swing, MAX_SWING_EVENTS),
        (analysis.structure.internal, MAX_INTERNAL_EVENTS),
    ):
        events = [e for e in scale.events if window.visible(e.index)][-keep:]
        for event in events:
            segments.append(
                Segment(
                    x0=window.pos(event.swing.index),
                    x1=window.pos(event.index),
                    price=event.level,
                    text=event.kind,
                    color=palette.bullish if event.direction == "bullish" else palette.bearish,
                    major=scale.scale == "swing",
                )
            )
    return segments


def build_chart_spec(
    frame: pd.DataFrame,
    analysis: Analysis,
    *,
    symbol: str,
    interval: str,
    source: str,
    generated_at: datetime,
    theme: ThemeName = "light",
    layers: Collection[LayerName] = ALL_LAYERS,
    title: str | None = None,
    max_bars: int | None = None,
) -> ChartSpec:
    """Decide every mark of the chart from the analysed bars and their analysis.

    `max_bars` shows only the most recent bars (all by default); marks that began before the
    window start at its left edge.
    """
    bars = to_bars(frame)
    _check_same_bars(bars, analysis)
    palette = PALETTES[theme]
    window = _Window(bars, max_bars)
    o = window.offset
    y_range = _y_range(bars, window, analysis)
    decimals = price_decimals(float(bars.close[-1]))
    levels, y_range = _levels(analysis, window, y_range, palette, decimals)
    fib = analysis.fibonacci
    end = window.last

    golden = None
    if fib is not None:
        low, high = fib.golden_pocket
        x0 = window.pos_or_start(fib.start.index)
        golden = Box(
            x0=x0, x1=end, low=low, high=high, color=palette.golden_pocket, label="golden pocket"
        )

    swings = [
        Marker(
            x=window.pos(s.index),
            price=s.price,
            text=s.label or ("H" if s.kind == "high" else "L"),
            above=s.kind == "high",
        )
        for s in analysis.swings
        if window.visible(s.index)
    ][-MAX_SWINGS:]
    zones = [
        Box(
            x0=window.pos_of_time(z.first_touch),
            x1=end,
            low=z.low,
            high=z.high,
            color=palette.zone_support if z.role == "support" else palette.zone_resistance,
            label=f"{z.role} x{z.touches}",
        )
        for z in analysis.zones
    ]
    gaps = [
        Box(
            x0=window.pos(g.index - 2),
            x1=end,
            low=g.bottom,
            high=g.top,
            color=palette.gap,
            label="FVG",
        )
        for g in analysis.fair_value_gaps
        if g.mitigated_index is None and window.visible(g.index)
    ][-MAX_GAPS:]
    blocks = [
        Box(
            x0=window.pos(b.index),
            x1=end,
            low=b.bottom,
            high=b.top,
            color=palette.order_block_bull
            if b.direction == "bullish"
            else palette.order_block_bear,
            label="OB",
        )
        for b in analysis.order_blocks
        if b.mitigated_index is None and window.visible(b.break_index)
    ][-MAX_BLOCKS:]

    if title is None:
        title = f"{symbol} {interval}"
        if fib is not None:
            leg = " → ".join(format_price(a.price, decimals) for a in (fib.start, fib.end))
            title += f" · Fibonacci {fib.direction} leg {leg}"
    stamp = generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return ChartSpec(
        title=title,
        footer=f"{symbol} · {interval} · data: {source} · {stamp}",
        theme=theme,
        palette=palette,
        layers=[layer for layer in ALL_LAYERS if layer in set(layers)],
        candles=Candles(
            times=[bars.time(i) for i in range(o, len(bars))],
            open=bars.open[o:].tolist(),
            high=bars.high[o:].tolist(),
            low=bars.low[o:].tolist(),
            close=bars.close[o:].tolist(),
            volume=bars.volume[o:].tolist(),
        ),
        y_range=y_range,
        levels=levels,
        golden_pocket=golden,
        swings=swings,
        structure=_structure(analysis, window, palette),
        zones=zones,
        gaps=gaps,
        order_blocks=blocks,
        last_price=float(bars.close[-1]),
        price_decimals=decimals,
    )
