"""`ChartSpec`: everything a chart shows, decided once, so both renderers draw the same thing.

Positions on the x axis are bar positions within the displayed window (0 = first bar shown),
so the static chart can skip weekends and nights like trading platforms do, and the
interactive one maps them back to timestamps.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Literal, TypeVar, get_args

import pandas as pd
from pydantic import BaseModel, ConfigDict

from analysis.bars import Bars, to_bars
from analysis.charts.theme import PALETTES, Palette, ThemeName, fib_color
from analysis.errors import AnalysisInputError
from analysis.models import (
    Analysis,
    AnchorState,
    FairValueGap,
    FibAnchor,
    OrderBlock,
    Zone,
)
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
    "anchors",
]
ALL_LAYERS: tuple[LayerName, ...] = get_args(LayerName)
BoxT = TypeVar("BoxT", FairValueGap, OrderBlock)
Focus = Literal["fibonacci", "structure", "levels"]
FOCUSES: tuple[Focus, ...] = get_args(Focus)
# What each question draws: a chart answers one question, the JSON keeps everything.
FOCUS_LAYERS: dict[Focus, tuple[LayerName, ...]] = {
    "fibonacci": ("volume", "fibonacci", "golden_pocket", "anchors", "last_price"),
    "structure": (
        "volume",
        "swings",
        "structure",
        "fair_value_gaps",
        "order_blocks",
        "last_price",
    ),
    "levels": ("volume", "zones", "last_price"),
}
# How much of each layer is worth drawing before it becomes clutter.
MAX_SWINGS = 40
MAX_INTERNAL_EVENTS = 6
MAX_SWING_EVENTS = 10
MAX_GAPS = 3
MAX_BLOCKS = 3
# Open gaps and blocks are drawn only this close to the last close (in ATR): farther ones
# are history, and on the bundled stocks the open blocks within 5 ATR are 0-2 per chart.
NEAR_PRICE_ATR = 5.0
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


class MarginLabel(_Spec):
    """A label in the right margin, pointing at a price; renderers merge and stack them.

    The text is `key (detail)`; labels merged because they sit too close read
    `key1 / key2 (detail1 / detail2)`. An `edge` label stands for a level beyond the price
    axis (a far extension) and sits at the top or bottom of the margin instead.
    """

    layer: LayerName
    price: float
    key: str
    detail: str
    color: str
    edge: Literal["top", "bottom"] | None = None

    @property
    def text(self) -> str:
        return f"{self.key} ({self.detail})"


class AnchorMark(_Spec):
    """One end of the Fibonacci leg on the chart, with its state."""

    x: int | None  # None: an anchor given as a price has no bar
    price: float
    role: Literal["start", "end", "provisional end"]
    state: AnchorState
    above: bool  # a high: marker and label above the bar
    text: str


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
    focus: Focus = "fibonacci"
    subtitle: list[str] = []  # short facts under the title, joined with " · "
    margin_labels: list[MarginLabel] = []
    anchors: list[AnchorMark] = []

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


def _y_range(bars: Bars, window: _Window, analysis: Analysis, focus: Focus) -> tuple[float, float]:
    """The candles' range, widened to the retracements only when Fibonacci is the question."""
    low = float(bars.low[window.offset :].min())
    high = float(bars.high[window.offset :].max())
    fib = analysis.fibonacci
    if fib is not None and focus == "fibonacci":
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
) -> tuple[list[Level], list[MarginLabel], tuple[float, float]]:
    """Levels drawn as lines, their margin labels, and the y range that fits them.

    Extensions within `EXTENSION_REACH` of the range are drawn; of those beyond it, the
    nearest on each side becomes an edge label, so far targets are named without squashing
    the candles into a thin band.
    """
    fib = analysis.fibonacci
    if fib is None:
        return [], [], y_range
    lo, hi = y_range
    reach = (hi - lo) * EXTENSION_REACH
    x0 = window.pos_or_start(fib.start.index)
    levels: list[Level] = []
    beyond: list[tuple[float, Literal["top", "bottom"], MarginLabel]] = []
    for level in [*fib.retracements, *fib.extensions]:
        color = fib_color(palette, level.ratio, level.kind)
        price = format_price(level.price, decimals)
        if level.kind == "extension" and not lo - reach <= level.price <= hi + reach:
            side: Literal["top", "bottom"] = "top" if level.price > hi else "bottom"
            arrow = "▲" if side == "top" else "▼"
            label = MarginLabel(
                layer="fibonacci",
                price=level.price,
                key=f"{arrow} {level.ratio:g}",
                detail=price,
                color=color,
                edge=side,
            )
            beyond.append((abs(level.price - (hi if side == "top" else lo)), side, label))
            continue
        levels.append(
            Level(
                ratio=level.ratio,
                kind=level.kind,
                price=level.price,
                x0=x0,
                label=f"{level.ratio:g} ({price})",
                color=color,
            )
        )
    labels = [
        MarginLabel(
            layer="fibonacci",
            price=lv.price,
            key=f"{lv.ratio:g}",
            detail=format_price(lv.price, decimals),
            color=lv.color,
        )
        for lv in levels
    ]
    for side in ("top", "bottom"):
        nearest = sorted((d, lb) for d, sd, lb in beyond if sd == side)
        labels.extend(lb for _, lb in nearest[:1])
    prices = [lv.price for lv in levels]
    pad = (hi - lo) * 0.02
    return levels, labels, (min(lo, min(prices) - pad), max(hi, max(prices) + pad))


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


def _distance_atr(box: FairValueGap | OrderBlock, analysis: Analysis) -> float:
    """How far the last close is from the box, in ATR (0 inside it)."""
    close, atr = analysis.series.last_close, analysis.series.atr
    if box.bottom <= close <= box.top:
        return 0.0
    gap = min(abs(close - box.top), abs(close - box.bottom))
    return gap / atr if atr > 0 else float("inf")


def _near_open(boxes: Sequence[BoxT], analysis: Analysis, window: _Window, keep: int) -> list[BoxT]:
    """Open boxes within `NEAR_PRICE_ATR` of the last close, nearest first, at most `keep`,
    none overlapping a nearer one in price."""
    known = [
        b
        for b in boxes
        if b.mitigated_index is None
        and window.visible(b.break_index if isinstance(b, OrderBlock) else b.index)
        and _distance_atr(b, analysis) <= NEAR_PRICE_ATR
    ]
    chosen: list[BoxT] = []
    for box in sorted(known, key=lambda b: _distance_atr(b, analysis)):
        # A box inside the price band of a nearer one adds ink, not information.
        if any(box.bottom < c.top and c.bottom < box.top for c in chosen):
            continue
        chosen.append(box)
    return chosen[:keep]


def _clip(low: float, high: float, y_range: tuple[float, float]) -> tuple[float, float] | None:
    low, high = max(low, y_range[0]), min(high, y_range[1])
    return (low, high) if low < high else None


def _imbalances(
    analysis: Analysis,
    window: _Window,
    y_range: tuple[float, float],
    palette: Palette,
    decimals: int,
) -> tuple[list[Box], list[Box], list[MarginLabel]]:
    end = window.last
    gaps, blocks, labels = [], [], []
    for g in _near_open(analysis.fair_value_gaps, analysis, window, MAX_GAPS):
        band = _clip(g.bottom, g.top, y_range)
        if band is None:
            continue
        side = "bull" if g.direction == "bullish" else "bear"
        gaps.append(
            Box(
                x0=window.pos(g.index - 2),
                x1=end,
                low=band[0],
                high=band[1],
                color=palette.gap,
                label="FVG",
            )
        )
        labels.append(_box_label("fair_value_gaps", f"FVG {side}", g, palette.gap, decimals))
    for b in _near_open(analysis.order_blocks, analysis, window, MAX_BLOCKS):
        band = _clip(b.bottom, b.top, y_range)
        if band is None:
            continue
        bullish = b.direction == "bullish"
        color = palette.order_block_bull if bullish else palette.order_block_bear
        blocks.append(
            Box(x0=window.pos(b.index), x1=end, low=band[0], high=band[1], color=color, label="OB")
        )
        key = f"OB {'bull' if bullish else 'bear'} {b.scale}"
        labels.append(_box_label("order_blocks", key, b, color, decimals))
    return gaps, blocks, labels


def _box_label(
    layer: LayerName, key: str, box: FairValueGap | OrderBlock | Zone, color: str, decimals: int
) -> MarginLabel:
    low, high = (box.low, box.high) if isinstance(box, Zone) else (box.bottom, box.top)
    return MarginLabel(
        layer=layer,
        price=(low + high) / 2,
        key=key,
        detail=f"{format_price(low, decimals)}–{format_price(high, decimals)}",
        color=color,
    )


def _zones(
    analysis: Analysis, window: _Window, palette: Palette, decimals: int
) -> tuple[list[Box], list[MarginLabel]]:
    boxes, labels = [], []
    for z in analysis.zones:
        color = palette.zone_support if z.role == "support" else palette.zone_resistance
        boxes.append(
            Box(
                x0=window.pos_of_time(z.first_touch),
                x1=window.last,
                low=z.low,
                high=z.high,
                color=color,
                label=f"{z.role} x{z.touches}",
            )
        )
        key = f"{'S' if z.role == 'support' else 'R'} {z.touches}× · {z.strength:.1f}"
        labels.append(_box_label("zones", key, z, color, decimals))
    return boxes, labels


def _anchors(analysis: Analysis, window: _Window, decimals: int) -> list[AnchorMark]:
    fib = analysis.fibonacci
    if fib is None:
        return []
    ends: list[tuple[Literal["start", "end", "provisional end"], FibAnchor]] = [
        ("start", fib.start),
        ("end", fib.end),
    ]
    if fib.provisional is not None:
        ends.append(("provisional end", fib.provisional.end))
    marks = []
    for role, anchor in ends:
        x = None if anchor.index is None else window.pos(anchor.index)
        marks.append(
            AnchorMark(
                x=x,
                price=anchor.price,
                role=role,
                state=anchor.state,
                above=anchor.kind == "high",
                text=_anchor_text(role, anchor, decimals),
            )
        )
    return marks


def _anchor_text(role: str, anchor: FibAnchor, decimals: int) -> str:
    price = format_price(anchor.price, decimals)
    if role == "provisional end":
        return f"provisional end {price} · can still move"
    return f"{role} {price} · {anchor.state}"


def _when(moment: datetime | None) -> str:
    return "" if moment is None else f" ({moment:%Y-%m-%d})"


def _fibonacci_text(
    analysis: Analysis, symbol: str, interval: str, decimals: int
) -> tuple[str, list[str]]:
    fib = analysis.fibonacci
    if fib is None:
        return f"{symbol} {interval} · Fibonacci: no leg yet", list(analysis.notes[:1])
    leg = " → ".join(format_price(a.price, decimals) for a in (fib.start, fib.end))
    title = f"{symbol} {interval} · Fibonacci {fib.direction} leg {leg}"
    parts = [
        f"{role} {a.kind} {format_price(a.price, decimals)}{_when(a.time)} {a.state}"
        for role, a in (("start", fib.start), ("end", fib.end))
    ]
    parts.append(f"leg: {fib.leg}")
    if fib.provisional is not None:
        p = fib.provisional
        parts.append(f"dashed: provisional end {format_price(p.end.price, decimals)}, {p.note}")
    if fib.broken:
        parts.append("broken: price closed beyond the start")
    if fib.note:
        parts.append(fib.note)
    return title, parts


def _structure_text(analysis: Analysis, symbol: str, interval: str) -> tuple[str, list[str]]:
    ms = analysis.structure
    title = (
        f"{symbol} {interval} · Market structure: swing trend {ms.swing.trend}, "
        f"internal trend {ms.internal.trend}"
    )
    parts = []
    for scale in (ms.swing, ms.internal):
        if scale.events:
            e = scale.events[-1]
            parts.append(f"last {scale.scale} break: {e.kind} {e.direction}{_when(e.time)}")
    parts.append(f"boxes: open order blocks and gaps within {NEAR_PRICE_ATR:g} ATR of the close")
    return title, parts


def _levels_text(
    analysis: Analysis, symbol: str, interval: str, decimals: int
) -> tuple[str, list[str]]:
    support = sum(z.role == "support" for z in analysis.zones)
    resistance = len(analysis.zones) - support
    title = (
        f"{symbol} {interval} · Support and resistance: {support} support, "
        f"{resistance} resistance zones"
    )
    close = format_price(analysis.series.last_close, decimals)
    half_life = analysis.settings.zone_half_life_bars
    parts = [
        f"last close {close}",
        "labels: S support / R resistance, touches×, strength",
        f"strength = touches × 0.5^(bars since last touch / {half_life})",
    ]
    return title, parts


def build_chart_spec(
    frame: pd.DataFrame,
    analysis: Analysis,
    *,
    symbol: str,
    interval: str,
    source: str,
    generated_at: datetime,
    theme: ThemeName = "light",
    layers: Collection[LayerName] | None = None,
    title: str | None = None,
    max_bars: int | None = None,
    focus: Focus = "fibonacci",
) -> ChartSpec:
    """Decide every mark of the chart from the analysed bars and their analysis.

    `focus` is the question the chart answers: `fibonacci` (levels, golden pocket, anchors
    with their state), `structure` (swings, BOS/CHoCH, trend, open blocks and gaps near
    price; no Fibonacci ladder) or `levels` (support/resistance zones with touches and
    strength). It picks the layers unless `layers` is given, and the title.
    `max_bars` shows only the most recent bars (all by default); marks that began before the
    window start at its left edge.
    """
    if focus not in FOCUSES:
        raise AnalysisInputError(f"unknown chart focus {focus!r}; use one of {', '.join(FOCUSES)}")
    bars = to_bars(frame)
    _check_same_bars(bars, analysis)
    palette = PALETTES[theme]
    chosen = set(FOCUS_LAYERS[focus] if layers is None else layers)
    window = _Window(bars, max_bars)
    o = window.offset
    y_range = _y_range(bars, window, analysis, focus)
    decimals = price_decimals(float(bars.close[-1]))
    margin: list[MarginLabel] = []
    levels: list[Level] = []
    if "fibonacci" in chosen:
        levels, fib_labels, y_range = _levels(analysis, window, y_range, palette, decimals)
        margin.extend(fib_labels)
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
    zones, zone_labels = _zones(analysis, window, palette, decimals)
    if "zones" in chosen:
        margin.extend(zone_labels)
    gaps, blocks, box_labels = _imbalances(analysis, window, y_range, palette, decimals)
    margin.extend(lb for lb in box_labels if lb.layer in chosen)

    if focus == "structure":
        auto_title, subtitle = _structure_text(analysis, symbol, interval)
    elif focus == "levels":
        auto_title, subtitle = _levels_text(analysis, symbol, interval, decimals)
    else:
        auto_title, subtitle = _fibonacci_text(analysis, symbol, interval, decimals)
    stamp = generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return ChartSpec(
        title=auto_title if title is None else title,
        footer=f"{symbol} · {interval} · data: {source} · {stamp}",
        theme=theme,
        palette=palette,
        layers=[layer for layer in ALL_LAYERS if layer in chosen],
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
        focus=focus,
        subtitle=subtitle,
        margin_labels=margin,
        anchors=_anchors(analysis, window, decimals),
    )
