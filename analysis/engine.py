"""`analyze`: one call from OHLCV bars to every level, structure and statistic we report."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

import numpy as np
import pandas as pd

from analysis.bars import Bars, FloatArray, to_bars
from analysis.confluence import confluence
from analysis.fibonacci_leg import choose_fibonacci
from analysis.hitrates import LevelSample, level_samples, summarize
from analysis.imbalances import Boxes, fair_value_gaps, order_blocks
from analysis.legs import consecutive_legs, final_sequence, with_window_start
from analysis.models import (
    Analysis,
    AnalysisSettings,
    Direction,
    EqualLevel,
    FairValueGap,
    MarketStructure,
    OrderBlock,
    Scale,
    SeriesInfo,
    StructureEvent,
    StructureScale,
    Swing,
)
from analysis.structure import Breaks, equal_levels, find_breaks
from analysis.swings import (
    LABELS,
    ZIGZAG_ATR_LENGTH,
    SwingSet,
    label_codes,
    pivot_swings,
    zigzag_half_depth,
    zigzag_swings,
)
from analysis.volatility import rma, true_range
from analysis.windows import BarCrossings
from analysis.zones import ZoneSettings, support_resistance


def _tail(count: int, keep: int | None) -> range:
    return range(0 if keep is None else max(0, count - keep), count)


class _SwingWriter:
    """Turns rows of a SwingSet into `Swing` models, with their structure labels."""

    def __init__(self, bars: Bars, swings: SwingSet) -> None:
        self.bars, self.swings = bars, swings
        self.codes = label_codes(swings)

    def swing(self, row: int) -> Swing:
        s, bars = self.swings, self.bars
        index, confirmed = int(s.index[row]), int(s.confirmed[row])
        return Swing(
            index=index,
            time=bars.time(index),
            price=float(s.price[row]),
            kind="high" if s.is_high[row] else "low",
            confirmed_index=confirmed,
            confirmed_time=bars.time(confirmed),
            label=LABELS[int(self.codes[row])],
        )

    def latest(self, keep: int | None) -> list[Swing]:
        return [self.swing(r) for r in _tail(len(self.swings), keep)]

    def trend(self) -> str:
        last: dict[bool, str | None] = {}
        for is_high in (True, False):
            rows = np.flatnonzero(self.swings.is_high == is_high)
            last[is_high] = LABELS[int(self.codes[rows[-1]])] if len(rows) else None
        if last[True] == "HH" and last[False] == "HL":
            return "bullish"
        if last[True] == "LH" and last[False] == "LL":
            return "bearish"
        return "ranging"


class _PivotCache:
    """Pivot swings by length, computed once: the zigzag and the internal scale share one."""

    def __init__(self, bars: Bars) -> None:
        self._bars = bars
        self._by_length: dict[int, SwingSet] = {}

    def get(self, length: int) -> SwingSet:
        if length not in self._by_length:
            self._by_length[length] = pivot_swings(self._bars, length)
        return self._by_length[length]


def _min_bars(settings: AnalysisSettings) -> int:
    if settings.detector == "pivot":
        return 2 * settings.pivot_length + 1
    return 2 * zigzag_half_depth(settings.zigzag_depth) + 1


def _detector_swings(
    bars: Bars, tr: FloatArray, atr: FloatArray, pivots: _PivotCache, settings: AnalysisSettings
) -> tuple[SwingSet, SwingSet]:
    """(the detector's confirmed swings, the final alternating swings legs are drawn on)."""
    if settings.detector == "pivot":
        swings = pivots.get(settings.pivot_length)
        final = final_sequence(swings)
    else:
        candidates = pivots.get(zigzag_half_depth(settings.zigzag_depth))
        atr10 = atr if settings.atr_length == ZIGZAG_ATR_LENGTH else rma(tr, ZIGZAG_ATR_LENGTH)
        swings, _, _ = zigzag_swings(bars, candidates, atr10, settings.zigzag_deviation)
        final = swings
    return swings, with_window_start(bars, final)


def leg_inputs(
    frame: pd.DataFrame, settings: AnalysisSettings
) -> tuple[Bars, FloatArray, SwingSet]:
    """(bars, ATR, the final swings legs are drawn between), as `analyze` computes them."""
    bars = to_bars(frame, min_bars=_min_bars(settings))
    tr = true_range(bars)
    atr = rma(tr, settings.atr_length)
    return bars, atr, _detector_swings(bars, tr, atr, _PivotCache(bars), settings)[1]


def leg_swings(frame: pd.DataFrame, settings: AnalysisSettings) -> SwingSet:
    """The final swings Fibonacci legs are drawn between (for replay checks and research)."""
    return leg_inputs(frame, settings)[2]


def _events(
    writer: _SwingWriter, breaks: Breaks, scale: Scale, keep: int | None
) -> list[StructureEvent]:
    bars = writer.bars
    return [
        StructureEvent(
            kind="CHoCH" if breaks.choch[r] else "BOS",
            direction="bullish" if breaks.bullish[r] else "bearish",
            scale=scale,
            level=float(breaks.level[r]),
            swing=writer.swing(int(breaks.swing_row[r])),
            index=int(breaks.bar[r]),
            time=bars.time(int(breaks.bar[r])),
        )
        for r in _tail(len(breaks), keep)
    ]


def _structure_scale(
    bars: Bars,
    atr: np.ndarray,
    pivots: _PivotCache,
    scale: Scale,
    length: int,
    settings: AnalysisSettings,
) -> tuple[StructureScale, SwingSet, Breaks | None]:
    need = 2 * length + 1
    if len(bars) < need:
        empty = StructureScale(
            scale=scale,
            length=length,
            trend="ranging",
            bias=None,
            swings=[],
            events=[],
            equal_levels=[],
            note=f"the {scale} scale (length {length}) needs {need} bars; got {len(bars)}",
        )
        return empty, SwingSet.empty(), None
    swings = pivots.get(length)
    writer = _SwingWriter(bars, swings)
    breaks = find_breaks(bars, swings, settings.break_source)
    pairs = equal_levels(swings, atr, settings.equal_tolerance_atr)
    keep = settings.max_items
    equal = [
        EqualLevel(
            kind="EQH" if swings.is_high[pairs.second_row[r]] else "EQL",
            first=writer.swing(int(pairs.first_row[r])),
            second=writer.swing(int(pairs.second_row[r])),
            difference=float(
                abs(swings.price[pairs.second_row[r]] - swings.price[pairs.first_row[r]])
            ),
        )
        for r in _tail(len(pairs.first_row), keep)
    ]
    bias = None
    if len(breaks):
        bias = "bullish" if breaks.bullish[-1] else "bearish"
    result = StructureScale(
        scale=scale,
        length=length,
        trend=writer.trend(),
        bias=bias,
        swings=writer.latest(keep),
        events=_events(writer, breaks, scale, keep),
        equal_levels=equal,
    )
    return result, swings, breaks


def _time_or_none(bars: Bars, index: int) -> datetime | None:
    return bars.time(index) if index < len(bars) else None


class _BoxFields(TypedDict):
    direction: Direction
    top: float
    bottom: float
    index: int
    time: datetime
    mitigated_index: int | None
    mitigated_time: datetime | None


def _box_fields(bars: Bars, boxes: Boxes, r: int) -> _BoxFields:
    """What a fair value gap and an order block both report about their box."""
    index, mitigated = int(boxes.index[r]), int(boxes.mitigated[r])
    return _BoxFields(
        direction="bullish" if boxes.bullish[r] else "bearish",
        top=float(boxes.top[r]),
        bottom=float(boxes.bottom[r]),
        index=index,
        time=bars.time(index),
        mitigated_index=mitigated if mitigated < len(bars) else None,
        mitigated_time=_time_or_none(bars, mitigated),
    )


def _gaps(bars: Bars, boxes: Boxes) -> list[FairValueGap]:
    return [FairValueGap(**_box_fields(bars, boxes, r)) for r in range(len(boxes))]


def _blocks(bars: Bars, boxes: Boxes, scale: Scale) -> list[OrderBlock]:
    return [
        OrderBlock(
            **_box_fields(bars, boxes, r),
            scale=scale,
            break_index=int(boxes.known[r]),
            break_time=bars.time(int(boxes.known[r])),
        )
        for r in range(len(boxes))
    ]


def analyze(frame: pd.DataFrame, settings: AnalysisSettings | None = None) -> Analysis:
    """Swings, Fibonacci, structure, zones, gaps, order blocks, hit-rates and confluence.

    Raises `AnalysisInputError` for bars that cannot be analysed.
    """
    return analyze_measured(frame, settings)[0]


def analyze_measured(
    frame: pd.DataFrame, settings: AnalysisSettings | None = None
) -> tuple[Analysis, int, list[LevelSample]]:
    """`analyze`, plus what its hit-rates were summarised from: (the analysis, legs
    measured, one sample per ratio). A scan pools these samples over every series, so it
    takes them from here rather than measuring the legs a second time."""
    settings = settings or AnalysisSettings()
    bars = to_bars(frame, min_bars=_min_bars(settings))
    tr = true_range(bars)
    atr = rma(tr, settings.atr_length)
    notes: list[str] = []
    keep = settings.max_items

    pivots = _PivotCache(bars)
    crossings = BarCrossings(bars)
    swings, final = _detector_swings(bars, tr, atr, pivots, settings)
    fib = choose_fibonacci(bars, final, settings)
    if fib is None:
        notes.append(
            "no Fibonacci leg yet: the detector has not confirmed two swings (a high and a "
            "low, each followed by the opposite one); ask for a longer period or a smaller depth"
        )
    elif fib.note:
        notes.append(fib.note)

    internal, internal_swings, internal_breaks = _structure_scale(
        bars, atr, pivots, "internal", settings.internal_length, settings
    )
    swing_scale, swing_swings, swing_breaks = _structure_scale(
        bars, atr, pivots, "swing", settings.swing_length, settings
    )
    notes.extend(s.note for s in (internal, swing_scale) if s.note)

    zone_settings = ZoneSettings(
        tolerance=settings.zone_tolerance_atr * float(atr[-1]),
        lookback_bars=settings.zone_lookback_bars,
        half_life_bars=settings.zone_half_life_bars,
        max_zones=settings.max_zones,
    )
    zones = support_resistance(bars, internal_swings, zone_settings)

    blocks: list[OrderBlock] = []
    for scale, scale_swings, breaks in (
        ("internal", internal_swings, internal_breaks),
        ("swing", swing_swings, swing_breaks),
    ):
        if breaks is not None and len(breaks):
            boxes = order_blocks(
                bars,
                atr,
                crossings,
                scale_swings,
                breaks,
                settings.order_block_displacement_atr,
                keep,
            )
            blocks.extend(_blocks(bars, boxes, scale))  # type: ignore[arg-type]
    blocks.sort(key=lambda b: (b.break_index, b.scale))

    legs_measured, samples = level_samples(
        bars=bars, atr=atr, crossings=crossings, legs=consecutive_legs(final), settings=settings
    )
    writer = _SwingWriter(bars, swings)
    analysis = Analysis(
        series=SeriesInfo(
            bars=len(bars),
            first_time=bars.time(0),
            last_time=bars.time(len(bars) - 1),
            last_close=float(bars.close[-1]),
            atr=float(atr[-1]),
        ),
        settings=settings,
        swings=writer.latest(keep),
        fibonacci=fib,
        structure=MarketStructure(
            break_source=settings.break_source, internal=internal, swing=swing_scale
        ),
        zones=zones,
        fair_value_gaps=_gaps(
            bars, fair_value_gaps(bars, atr, crossings, settings.fvg_min_size_atr, keep)
        ),
        order_blocks=blocks,
        hit_rates=summarize(
            samples, legs_total=legs_measured, detector=settings.detector, settings=settings
        ),
        confluence=confluence(fib, zones),
        notes=notes,
    )
    return analysis, legs_measured, samples
