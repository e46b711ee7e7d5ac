"""The few numbers a reading of the chart needs, built from the Analysis.

The cloud model gets these (as compact JSON, beside the PNG) instead of the whole analysis:
hundreds of swings would drown the signal and cost tokens. The offline analyst writes from
them, and grounding accepts the numbers they hold, so all three agree on what "our numbers"
are. Prices are rounded to the chart's precision (`numbers.price_decimals`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from analysis import Analysis
from analysis.models import (
    Direction,
    FairValueGap,
    FibLevel,
    HitRates,
    LegChoice,
    LevelHitRate,
    OrderBlock,
    Scale,
    StructureEvent,
    Trend,
    Verdict,
    Zone,
)
from language.numbers import percent, price_decimals

MAX_ZONES = 6
MAX_EVENTS = 3
MAX_BOXES = 3
MAX_CONFLUENCE = 3
MAX_EQUAL_LEVELS = 2

_Rounder = Callable[[float], float]
BoxKind = Literal["fair value gap", "order block"]


class _Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FactLevel(_Fact):
    """A Fibonacci level with how often it held on this series' past legs."""

    ratio: float
    kind: Literal["retracement", "extension"]
    price: float
    hit_rate_pct: float | None = Field(
        default=None, description="held / (held + broke), percent; absent when untested."
    )
    held: int
    broke: int
    baseline_hit_rate_pct: float | None = Field(
        default=None, description="The same for random levels of the same depth, percent."
    )
    verdict: Verdict = Field(
        default="not enough history",
        description="edge / no edge / worse than random / not enough history (vs the baseline).",
    )


class FactFibonacci(_Fact):
    direction: Direction
    start_price: float
    start_date: str | None = None
    end_price: float
    end_date: str | None = None
    golden_pocket: tuple[float, float]
    retraced_pct: float = Field(description="How far the last close retraced the leg, percent.")
    levels: list[FactLevel]
    leg: LegChoice = Field(default="major", description="How the leg was chosen.")
    broken: bool = Field(default=False, description="Price closed beyond the start since.")
    provisional_end_price: float | None = Field(
        default=None, description="The unconfirmed new extreme beyond the leg's end, if any."
    )


class FactEvent(_Fact):
    kind: Literal["BOS", "CHoCH"]
    direction: Direction
    scale: Scale
    level: float
    date: str


class FactZone(_Fact):
    low: float
    high: float
    role: Literal["support", "resistance"]
    touches: int
    strength: float


class NearestLevel(_Fact):
    """The closest level on one side of the last close, and how far it is."""

    label: str = Field(description="e.g. `0.618 retracement` or `support zone`.")
    price: float
    distance: float = Field(description="|close - price|, in price.")
    distance_pct: float = Field(description="distance / close, percent.")
    hit_rate_pct: float | None = None
    zone: FactZone | None = None


class FactConfluence(_Fact):
    ratio: float
    price: float
    zone_low: float
    zone_high: float
    score: float


class FactBox(_Fact):
    kind: BoxKind
    direction: Direction
    top: float
    bottom: float
    date: str


class FactEqualLevel(_Fact):
    kind: Literal["EQH", "EQL"]
    first: float
    second: float


class GroundingFacts(_Fact):
    """What the AI may cite. Every field is a number of the analysis or derived exactly."""

    bars: int
    first_date: str
    last_date: str
    last_close: float
    atr: float
    price_decimals: int
    trend_internal: Trend
    trend_swing: Trend
    last_event: FactEvent | None = None
    recent_events: list[FactEvent]
    fibonacci: FactFibonacci | None = None
    nearest_support: NearestLevel | None = None
    nearest_resistance: NearestLevel | None = None
    zones: list[FactZone]
    confluence: list[FactConfluence]
    open_boxes: list[FactBox]
    equal_levels: list[FactEqualLevel]
    hit_rate_legs: int
    hit_rate_min_decided: int = Field(
        default=30, description="Decided legs needed before a level's hit-rate is judged."
    )
    notes: list[str]


def when(moment: datetime) -> str:
    """A date for daily bars, a time too for intraday ones."""
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()
    return moment.isoformat(timespec="minutes")


def grounding_facts(analysis: Analysis) -> GroundingFacts:
    series = analysis.series
    decimals = price_decimals(series.last_close)

    def p(value: float) -> float:
        return round(value, decimals)

    def zone_fact(zone: Zone) -> FactZone:
        return FactZone(
            low=p(zone.low),
            high=p(zone.high),
            role=zone.role,
            touches=zone.touches,
            strength=round(zone.strength, 2),
        )

    events = sorted(
        [*analysis.structure.internal.events, *analysis.structure.swing.events],
        key=lambda e: (e.index, e.scale == "swing"),
    )
    recent = [_event(e, p) for e in events[-MAX_EVENTS:]]
    fib_levels = _fib_levels(analysis, p)
    zones = [zone_fact(z) for z in analysis.zones[:MAX_ZONES]]
    support, resistance = _nearest(series.last_close, fib_levels, zones, p)
    fib = analysis.fibonacci
    return GroundingFacts(
        bars=series.bars,
        first_date=when(series.first_time),
        last_date=when(series.last_time),
        last_close=p(series.last_close),
        atr=p(series.atr),
        price_decimals=decimals,
        trend_internal=analysis.structure.internal.trend,
        trend_swing=analysis.structure.swing.trend,
        last_event=recent[-1] if recent else None,
        recent_events=recent,
        fibonacci=None
        if fib is None
        else FactFibonacci(
            direction=fib.direction,
            start_price=p(fib.start.price),
            start_date=None if fib.start.time is None else when(fib.start.time),
            end_price=p(fib.end.price),
            end_date=None if fib.end.time is None else when(fib.end.time),
            golden_pocket=(p(fib.golden_pocket[0]), p(fib.golden_pocket[1])),
            retraced_pct=percent(fib.position.retracement),
            levels=fib_levels,
            leg=fib.leg,
            broken=fib.broken,
            provisional_end_price=None if fib.provisional is None else p(fib.provisional.end.price),
        ),
        nearest_support=support,
        nearest_resistance=resistance,
        zones=zones,
        confluence=[
            FactConfluence(
                ratio=c.ratio,
                price=p(c.price),
                zone_low=p(c.zone.low),
                zone_high=p(c.zone.high),
                score=round(c.score, 2),
            )
            for c in analysis.confluence[:MAX_CONFLUENCE]
        ],
        open_boxes=_open_boxes(analysis, p),
        equal_levels=[
            FactEqualLevel(kind=e.kind, first=p(e.first.price), second=p(e.second.price))
            for e in sorted(
                [*analysis.structure.internal.equal_levels, *analysis.structure.swing.equal_levels],
                key=lambda e: e.second.index,
            )[-MAX_EQUAL_LEVELS:]
        ],
        hit_rate_legs=analysis.hit_rates.legs_total,
        hit_rate_min_decided=analysis.hit_rates.min_decided,
        notes=list(analysis.notes),
    )


def _event(event: StructureEvent, p: _Rounder) -> FactEvent:
    return FactEvent(
        kind=event.kind,
        direction=event.direction,
        scale=event.scale,
        level=p(event.level),
        date=when(event.time),
    )


def _hit_rate(rates: HitRates, level: FibLevel) -> LevelHitRate | None:
    for rate in rates.levels:
        if rate.kind == level.kind and abs(rate.ratio - level.ratio) < 1e-9:
            return rate
    return None


def _fib_levels(analysis: Analysis, p: _Rounder) -> list[FactLevel]:
    fib = analysis.fibonacci
    if fib is None:
        return []
    levels = []
    for level in [*fib.retracements, *fib.extensions]:
        rate = _hit_rate(analysis.hit_rates, level)
        levels.append(
            FactLevel(
                ratio=level.ratio,
                kind=level.kind,
                price=p(level.price),
                hit_rate_pct=None
                if rate is None or rate.hit_rate is None
                else percent(rate.hit_rate),
                held=0 if rate is None else rate.held,
                broke=0 if rate is None else rate.broke,
                baseline_hit_rate_pct=None
                if rate is None or rate.baseline.hit_rate is None
                else percent(rate.baseline.hit_rate),
                verdict="not enough history" if rate is None else rate.verdict,
            )
        )
    return levels


def _nearest(
    close: float, levels: list[FactLevel], zones: list[FactZone], p: _Rounder
) -> tuple[NearestLevel | None, NearestLevel | None]:
    """Nearest level at or below the close, and nearest above: Fibonacci levels and zone edges.

    A zone around the close gives both: its low as support and its high as resistance.
    Ties go to the Fibonacci level, which carries a hit-rate.
    """
    candidates: list[tuple[float, int, NearestLevel]] = []

    def add(
        price: float,
        order: int,
        label: str,
        hit_rate_pct: float | None = None,
        zone: FactZone | None = None,
    ) -> None:
        distance = abs(close - price)
        nearest = NearestLevel(
            label=label,
            price=price,
            distance=p(distance),
            distance_pct=percent(distance / close) if close else 0.0,
            hit_rate_pct=hit_rate_pct,
            zone=zone,
        )
        candidates.append((price, order, nearest))

    for level in levels:
        add(level.price, 0, _level_label(level), hit_rate_pct=level.hit_rate_pct)
    for zone in zones:
        add(zone.low, 1, f"{zone.role} zone", zone=zone)
        add(zone.high, 1, f"{zone.role} zone", zone=zone)
    rounded_close = p(close)
    below = [c for c in candidates if c[0] <= rounded_close]
    above = [c for c in candidates if c[0] > rounded_close]
    support = min(below, key=lambda c: (rounded_close - c[0], c[1]), default=None)
    resistance = min(above, key=lambda c: (c[0] - rounded_close, c[1]), default=None)
    return (
        None if support is None else support[2],
        None if resistance is None else resistance[2],
    )


def _level_label(level: FactLevel) -> str:
    """`0.618 retracement`; the two anchors are named too, as "the 1 retracement" reads oddly."""
    label = f"{level.ratio:g} {level.kind}"
    if level.kind == "retracement" and level.ratio in (0, 1):
        label += " (the leg's end)" if level.ratio == 0 else " (the leg's start)"
    return label


def _open_boxes(analysis: Analysis, p: _Rounder) -> list[FactBox]:
    sources: tuple[tuple[BoxKind, Sequence[FairValueGap | OrderBlock]], ...] = (
        ("fair value gap", analysis.fair_value_gaps),
        ("order block", analysis.order_blocks),
    )
    boxes = [
        (
            item.index,
            FactBox(
                kind=kind,
                direction=item.direction,
                top=p(item.top),
                bottom=p(item.bottom),
                date=when(item.time),
            ),
        )
        for kind, items in sources
        for item in items
        if item.mitigated_index is None
    ]
    boxes.sort(key=lambda item: item[0])
    return [box for _, box in boxes[-MAX_BOXES:]]
