"""Typed results of `analyze`, with a stable JSON form documented in docs/analysis.md.

Every bar reference carries both its position (`index`, 0-based in the analysed frame) and
its timestamp, so a consumer can draw it or look it up without the frame.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SwingKind = Literal["high", "low"]
SwingLabel = Literal["HH", "HL", "LH", "LL"]
Direction = Literal["bullish", "bearish"]
Trend = Literal["bullish", "bearish", "ranging"]
Detector = Literal["pivot", "zigzag"]
BreakSource = Literal["close", "wick"]
Scale = Literal["internal", "swing"]
AnchorSource = Literal["detected", "times", "prices"]
AnchorState = Literal["confirmed", "provisional", "given"]
LegChoice = Literal["major", "latest", "anchors"]
LegRole = Literal["major", "latest", "provisional"]
Verdict = Literal["edge", "no edge", "worse than random", "not enough history"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Swing(_Model):
    """A confirmed swing point: a real bar extreme that will never move again."""

    index: int = Field(description="Bar position of the extreme.")
    time: datetime
    price: float = Field(description="The bar's high (for `high`) or low (for `low`).")
    kind: SwingKind
    confirmed_index: int = Field(description="First bar at which the swing was known.")
    confirmed_time: datetime
    label: SwingLabel | None = Field(
        default=None,
        description="Versus the previous swing of the same kind; null for the first one.",
    )


class FibLevel(_Model):
    ratio: float
    price: float
    kind: Literal["retracement", "extension"]


class PricePosition(_Model):
    """Where the last close sits among the retracement levels."""

    close: float
    above: FibLevel | None = Field(description="Nearest level above the close, if any.")
    below: FibLevel | None = Field(description="Nearest level below the close, if any.")
    retracement: float = Field(
        description="How far the close has retraced the leg: 0 at the end, 1 at the start."
    )


class FibAnchor(_Model):
    """One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar."""

    price: float
    kind: SwingKind
    index: int | None = None
    time: datetime | None = None
    confirmed_index: int | None = Field(
        default=None, description="First bar at which this anchor was known to be an extreme."
    )
    state: AnchorState = Field(
        default="given",
        description=(
            "`confirmed`: a swing that can no longer move; `provisional`: the live extreme "
            "since the last confirmed swing, which moves if price goes beyond it; `given`: "
            "the caller's time or price."
        ),
    )


class LegOption(_Model):
    """A leg the analysis considered, named so the user can switch to it."""

    role: LegRole = Field(
        description=(
            "`major`: the largest confirmed swing-to-swing move price has not invalidated; "
            "`latest`: the most recent confirmed leg; `provisional`: from the last confirmed "
            "swing to the live extreme (TradingView Auto Fib's leg), which can still move."
        )
    )
    start: FibAnchor
    end: FibAnchor
    direction: Direction
    retraced: float = Field(description="How far the last close has retraced it (0 end, 1 start).")
    broken: bool = Field(description="A close beyond the start came after the end.")
    chosen: bool
    summary: str = Field(description="One line for people: the leg, its state and how to pick it.")


class ProvisionalLeg(_Model):
    """The chosen leg extended to the live extreme beyond its confirmed end: it still moves."""

    end: FibAnchor
    retracements: list[FibLevel]
    golden_pocket: tuple[float, float]
    note: str


class Fibonacci(_Model):
    start: FibAnchor
    end: FibAnchor
    direction: Direction = Field(description="bullish when the leg runs up (start is a low).")
    anchor_source: AnchorSource
    leg: LegChoice = Field(description="How the leg was chosen.")
    retracements: list[FibLevel]
    extensions: list[FibLevel]
    golden_pocket: tuple[float, float] = Field(
        description="Prices of the 0.618 and 0.65 retracements (low, high)."
    )
    position: PricePosition
    broken: bool = Field(
        default=False, description="Price has closed beyond the leg's start since its end."
    )
    provisional: ProvisionalLeg | None = Field(
        default=None,
        description="The leg to the live extreme, when price went beyond the confirmed end.",
    )
    alternatives: list[LegOption] = Field(
        default_factory=list, description="Every leg considered, the chosen one marked."
    )
    note: str | None = Field(default=None, description="Why this leg, or what is wrong with it.")


class StructureEvent(_Model):
    """A close (or wick) beyond a confirmed swing: break of structure or change of character."""

    kind: Literal["BOS", "CHoCH"]
    direction: Direction
    scale: Scale
    level: float
    swing: Swing = Field(description="The swing whose level was broken.")
    index: int = Field(description="The breaking bar.")
    time: datetime


class EqualLevel(_Model):
    """Two consecutive swings of one kind within the tolerance: resting liquidity."""

    kind: Literal["EQH", "EQL"]
    first: Swing
    second: Swing
    difference: float


class StructureScale(_Model):
    scale: Scale
    length: int
    trend: Trend = Field(description="From the latest swing labels: HH+HL bullish, LH+LL bearish.")
    bias: Direction | None = Field(description="Direction of the latest BOS/CHoCH, if any.")
    swings: list[Swing]
    events: list[StructureEvent]
    equal_levels: list[EqualLevel]
    note: str | None = Field(default=None, description="Why this scale is empty, if it is.")


class MarketStructure(_Model):
    break_source: BreakSource
    internal: StructureScale
    swing: StructureScale


class Zone(_Model):
    """A support/resistance band where swings clustered."""

    low: float
    high: float
    role: Literal["support", "resistance"] = Field(description="Relative to the last close.")
    touches: int
    first_touch: datetime
    last_touch: datetime
    strength: float
    explanation: str


class _Box(_Model):
    """A price box left by a fast move, and when price came back through it."""

    direction: Direction
    top: float
    bottom: float
    index: int
    time: datetime
    mitigated_index: int | None = Field(
        description="First later bar that traded to the box's far edge; null while open."
    )
    mitigated_time: datetime | None


class FairValueGap(_Box):
    """A three-candle imbalance: the gap between candle 1 and candle 3 that candle 2 left.

    `index` is the third candle, when the gap became known.
    """


class OrderBlock(_Box):
    """The last opposite candle before the displacement that broke structure."""

    scale: Scale
    break_index: int = Field(description="The structure break that validated the block.")
    break_time: datetime


class RateCounts(_Model):
    """Outcomes of one set of levels, with the hit-rate and its 95% Wilson interval."""

    legs: int = Field(description="Levels still ahead of price when their leg was confirmed.")
    reached: int
    held: int
    broke: int
    hit_rate: float | None = Field(description="held / (held + broke); null when neither.")
    interval: tuple[float, float] | None = Field(
        description="95% Wilson score interval of the hit-rate; null when nothing was decided."
    )


class LevelHitRate(RateCounts):
    """One ratio's own counts (inherited) beside its baseline, with the verdict."""

    ratio: float
    kind: Literal["retracement", "extension"]
    baseline: RateCounts = Field(description="The same figures for random levels (null model).")
    difference: float | None = Field(description="hit_rate - baseline hit_rate.")
    difference_interval: tuple[float, float] | None = Field(
        description="95% cluster-bootstrap interval of the difference (legs grouped by start)."
    )
    verdict: Verdict
    verdict_text: str = Field(description="The verdict in plain words, with the numbers.")


class HitRates(_Model):
    detector: Detector
    legs_total: int
    method: str
    null_model: str = Field(description="How the baseline's random levels are drawn.")
    min_decided: int = Field(description="Decided levels needed before any rate is quoted.")
    levels: list[LevelHitRate]


class Confluence(_Model):
    ratio: float
    price: float
    zone: Zone
    score: float
    explanation: str


class SeriesInfo(_Model):
    bars: int
    first_time: datetime
    last_time: datetime
    last_close: float
    atr: float = Field(description="ATR at the last bar, the yardstick for every tolerance.")


class AnalysisSettings(_Model):
    """Everything `analyze` can be told; defaults follow TradingView's and LuxAlgo's."""

    detector: Detector = "zigzag"
    pivot_length: int = Field(default=10, ge=1, le=500)
    zigzag_depth: int = Field(default=10, ge=2, le=500)
    zigzag_deviation: float = Field(default=3.0, ge=0, le=100, description="x ATR(10)/close, %")
    atr_length: int = Field(default=14, ge=1, le=1000)
    retracement_ratios: tuple[float, ...] = Field(
        default=(0, 0.236, 0.382, 0.5, 0.618, 0.786, 1), min_length=1, max_length=20
    )
    extension_ratios: tuple[float, ...] = Field(
        default=(1.272, 1.414, 1.618, 2.0, 2.618, 3.618, 4.236), max_length=20
    )
    leg: LegChoice = Field(
        default="major",
        description=(
            "`major`: the window's largest valid confirmed move; `latest`: the most recent "
            "confirmed leg; `anchors`: the caller's anchor_times or anchor_prices."
        ),
    )
    anchor_times: tuple[datetime, datetime] | None = None
    anchor_prices: tuple[float, float] | None = None
    internal_length: int = Field(default=5, ge=1, le=500)
    swing_length: int = Field(default=50, ge=1, le=1000)
    break_source: BreakSource = "close"
    equal_tolerance_atr: float = Field(default=0.1, ge=0, le=10)
    zone_tolerance_atr: float = Field(default=0.5, gt=0, le=10)
    zone_lookback_bars: int = Field(default=1000, ge=10)
    zone_half_life_bars: int = Field(default=250, ge=1)
    max_zones: int = Field(default=8, ge=1, le=100)
    fvg_min_size_atr: float = Field(default=0.1, ge=0, le=10)
    hold_reversal_atr: float = Field(default=1.0, gt=0, le=20)
    hit_rate_max_legs: int | None = Field(
        default=2000, ge=1, description="Measure the most recent N legs; null measures all."
    )
    hit_rate_min_decided: int = Field(
        default=30, ge=1, le=10_000, description="Decided levels needed to quote a hit-rate."
    )
    baseline_draws: int = Field(
        default=4, ge=1, le=100, description="Random levels per leg and ratio in the baseline."
    )
    baseline_seed: int = Field(default=0, ge=0, description="Seed of the baseline's draws.")
    max_items: int | None = Field(
        default=200, ge=1, description="Keep the most recent N of each list; null keeps all."
    )
    order_block_displacement_atr: float = Field(
        default=1.5,
        ge=0,
        le=20,
        description=(
            "An order block needs its break to close this many ATR beyond the block; "
            "0 keeps a block at every break."
        ),
    )

    @field_validator("retracement_ratios")
    @classmethod
    def _retracements_within_leg(cls, ratios: tuple[float, ...]) -> tuple[float, ...]:
        bad = [r for r in ratios if not 0 <= r <= 1]
        if bad:
            raise ValueError(
                f"retracement ratios must be between 0 and 1 (e.g. 0.618), got {bad}; "
                "put ratios above 1 in extension_ratios"
            )
        return tuple(sorted(set(ratios)))

    @field_validator("extension_ratios")
    @classmethod
    def _extensions_beyond_leg(cls, ratios: tuple[float, ...]) -> tuple[float, ...]:
        bad = [r for r in ratios if not 1 < r <= 10]
        if bad:
            raise ValueError(f"extension ratios must be above 1 and at most 10, got {bad}")
        return tuple(sorted(set(ratios)))

    @model_validator(mode="after")
    def _one_kind_of_anchor(self) -> AnalysisSettings:
        if self.anchor_times is not None and self.anchor_prices is not None:
            raise ValueError("give Fibonacci anchors as times or as prices, not both")
        if self.anchor_prices is not None:
            start, end = self.anchor_prices
            if start == end or min(start, end) <= 0:
                raise ValueError("anchor prices must be two different positive prices")
        if self.anchor_times is not None and self.anchor_times[0] >= self.anchor_times[1]:
            raise ValueError("the first anchor time must come before the second")
        has_anchors = self.anchor_times is not None or self.anchor_prices is not None
        if self.leg == "anchors" and not has_anchors:
            raise ValueError("leg 'anchors' needs anchor_times or anchor_prices")
        return self


class Analysis(_Model):
    """The full result of `analyze`: every number the chart and the AI text may use."""

    series: SeriesInfo
    settings: AnalysisSettings
    swings: list[Swing] = Field(description="Confirmed swings of the chosen detector.")
    fibonacci: Fibonacci | None
    structure: MarketStructure
    zones: list[Zone]
    fair_value_gaps: list[FairValueGap]
    order_blocks: list[OrderBlock]
    hit_rates: HitRates
    confluence: list[Confluence]
    notes: list[str] = Field(description="Plain-English caveats, e.g. too few bars for a scale.")
