"""Setups as typed filters on one symbol's `Analysis`; a scan keeps a symbol when all match.

Each filter says what it found (`SetupMatch`): the level or box it measured price against,
and how far the last close is from it, so a row can show the distance in % and in ATR.
Distances are 0 inside a band and the gap to its nearest edge outside it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from analysis.fibonacci import GOLDEN_POCKET
from analysis.models import Analysis, Direction, Scale, Trend

SetupKind = Literal[
    "golden-pocket",
    "near-fib",
    "near-zone",
    "structure-break",
    "open-imbalance",
    "confluence",
    "trend",
]
SETUP_KINDS: tuple[SetupKind, ...] = (
    "golden-pocket",
    "near-fib",
    "near-zone",
    "structure-break",
    "open-imbalance",
    "confluence",
    "trend",
)


class SetupMatch(BaseModel):
    """What one filter found on one symbol."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    setup: SetupKind
    label: str = Field(description="The level or event in words, e.g. `0.618 retracement`.")
    low: float | None = Field(default=None, description="Bottom of the level or band, if any.")
    high: float | None = Field(default=None, description="Top of the level or band, if any.")
    distance: float | None = Field(
        default=None, description="Close to the level or band, in price; 0 inside a band."
    )
    ratio: float | None = Field(default=None, description="The Fibonacci ratio, if one.")


def _gap(close: float, low: float, high: float) -> float:
    return max(low - close, close - high, 0.0)


def _kind_is_required(schema: dict[str, Any]) -> None:
    """`kind` has a default in Python but tells the setups apart in JSON: callers send it."""
    schema["required"] = sorted({*schema.get("required", []), "kind"})


class _Setup(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_kind_is_required)

    @model_validator(mode="before")
    @classmethod
    def _numbers_are_numbers(cls, data: Any) -> Any:
        """JSON numbers only: `"1"` or `true` for a threshold is a mistake, not a number
        (pydantic's lax mode would take it; strict mode would refuse `5.0` for 5 bars)."""
        if isinstance(data, dict):
            for name, field in cls.model_fields.items():
                value = data.get(name)
                if field.annotation in (int, float) and isinstance(value, str | bool):
                    raise ValueError(f"{name} must be a number, got {value!r}")
        return data


class GoldenPocketSetup(_Setup):
    """The close inside the chosen leg's 0.618-0.65 retracement band, or within k x ATR of it."""

    kind: Literal["golden-pocket"] = "golden-pocket"
    within_atr: float = Field(default=0.5, ge=0, le=20)

    def match(self, analysis: Analysis) -> SetupMatch | None:
        fib = analysis.fibonacci
        if fib is None or fib.broken:
            return None
        low, high = sorted(fib.golden_pocket)
        gap = _gap(analysis.series.last_close, low, high)
        if gap > self.within_atr * analysis.series.atr:
            return None
        label = f"golden pocket {GOLDEN_POCKET[0]:g}-{GOLDEN_POCKET[1]:g}"
        return SetupMatch(
            setup=self.kind, label=label, low=low, high=high, distance=gap, ratio=0.618
        )


class FibonacciSetup(_Setup):
    """The close within k x ATR of one retracement ratio of the chosen leg."""

    kind: Literal["near-fib"] = "near-fib"
    ratio: float = Field(default=0.618, ge=0, le=1)
    within_atr: float = Field(default=0.5, ge=0, le=20)

    def match(self, analysis: Analysis) -> SetupMatch | None:
        fib = analysis.fibonacci
        if fib is None or fib.broken:
            return None
        level = next((lv for lv in fib.retracements if abs(lv.ratio - self.ratio) < 1e-9), None)
        if level is None:
            return None
        gap = abs(analysis.series.last_close - level.price)
        if gap > self.within_atr * analysis.series.atr:
            return None
        return SetupMatch(
            setup=self.kind,
            label=f"{level.ratio:g} retracement",
            low=level.price,
            high=level.price,
            distance=gap,
            ratio=level.ratio,
        )


class ZoneSetup(_Setup):
    """The close inside a support/resistance zone, or within k x ATR of one (nearest wins)."""

    kind: Literal["near-zone"] = "near-zone"
    role: Literal["support", "resistance", "any"] = "any"
    within_atr: float = Field(default=0.5, ge=0, le=20)

    def match(self, analysis: Analysis) -> SetupMatch | None:
        close, atr = analysis.series.last_close, analysis.series.atr
        zones = [z for z in analysis.zones if self.role in ("any", z.role)]
        best = min(zones, key=lambda z: _gap(close, z.low, z.high), default=None)
        if best is None:
            return None
        gap = _gap(close, best.low, best.high)
        if gap > self.within_atr * atr:
            return None
        return SetupMatch(
            setup=self.kind,
            label=f"{best.role} zone ({best.touches} touches)",
            low=best.low,
            high=best.high,
            distance=gap,
        )


class StructureSetup(_Setup):
    """A BOS or CHoCH on the given scale at most N bars before the last (newest reported)."""

    kind: Literal["structure-break"] = "structure-break"
    event: Literal["BOS", "CHoCH", "any"] = "any"
    direction: Direction | Literal["any"] = "any"
    scale: Scale = "internal"
    within_bars: int = Field(default=5, ge=1, le=10_000)

    def match(self, analysis: Analysis) -> SetupMatch | None:
        scale = getattr(analysis.structure, self.scale)
        last = analysis.series.bars - 1
        found = [
            e
            for e in scale.events
            if self.event in ("any", e.kind)
            and self.direction in ("any", e.direction)
            and last - e.index <= self.within_bars
        ]
        if not found:
            return None
        event = found[-1]
        ago = last - event.index
        return SetupMatch(
            setup=self.kind,
            label=f"{event.direction} {event.kind} ({event.scale}, {ago} bars ago)",
            low=event.level,
            high=event.level,
            distance=abs(analysis.series.last_close - event.level),
        )


class ImbalanceSetup(_Setup):
    """An open (unmitigated) fair value gap or order block within k x ATR of the close."""

    kind: Literal["open-imbalance"] = "open-imbalance"
    box: Literal["fvg", "order-block", "any"] = "any"
    direction: Direction | Literal["any"] = "any"
    within_atr: float = Field(default=1.0, ge=0, le=20)

    def match(self, analysis: Analysis) -> SetupMatch | None:
        close, atr = analysis.series.last_close, analysis.series.atr
        boxes: list[tuple[str, float, float, str]] = []
        if self.box in ("fvg", "any"):
            boxes += [
                ("fair value gap", g.bottom, g.top, g.direction)
                for g in analysis.fair_value_gaps
                if g.mitigated_index is None
            ]
        if self.box in ("order-block", "any"):
            boxes += [
                ("order block", b.bottom, b.top, b.direction)
                for b in analysis.order_blocks
                if b.mitigated_index is None
            ]
        boxes = [b for b in boxes if self.direction in ("any", b[3])]
        best = min(boxes, key=lambda b: _gap(close, b[1], b[2]), default=None)
        if best is None or _gap(close, best[1], best[2]) > self.within_atr * atr:
            return None
        name, low, high, direction = best
        return SetupMatch(
            setup=self.kind,
            label=f"open {direction} {name}",
            low=low,
            high=high,
            distance=_gap(close, low, high),
        )


class ConfluenceSetup(_Setup):
    """A Fibonacci level inside a zone with a confluence score of at least `min_score`."""

    kind: Literal["confluence"] = "confluence"
    min_score: float = Field(default=1.0, ge=0)

    def match(self, analysis: Analysis) -> SetupMatch | None:
        best = max(analysis.confluence, key=lambda c: c.score, default=None)
        if best is None or best.score < self.min_score:
            return None
        return SetupMatch(
            setup=self.kind,
            label=f"{best.ratio:g} in a {best.zone.role} zone (score {best.score:.2f})",
            low=best.price,
            high=best.price,
            distance=abs(analysis.series.last_close - best.price),
            ratio=best.ratio,
        )


class TrendSetup(_Setup):
    """The trend of one structure scale (from its swing labels) is the one asked for."""

    kind: Literal["trend"] = "trend"
    trend: Trend = "bullish"
    scale: Scale = "swing"

    def match(self, analysis: Analysis) -> SetupMatch | None:
        found = getattr(analysis.structure, self.scale).trend
        if found != self.trend:
            return None
        return SetupMatch(setup=self.kind, label=f"{found} ({self.scale} scale)")


Setup = Annotated[
    GoldenPocketSetup
    | FibonacciSetup
    | ZoneSetup
    | StructureSetup
    | ImbalanceSetup
    | ConfluenceSetup
    | TrendSetup,
    Field(discriminator="kind"),
]
_BY_KIND: dict[str, type[_Setup]] = {
    "golden-pocket": GoldenPocketSetup,
    "near-fib": FibonacciSetup,
    "near-zone": ZoneSetup,
    "structure-break": StructureSetup,
    "open-imbalance": ImbalanceSetup,
    "confluence": ConfluenceSetup,
    "trend": TrendSetup,
}


def setup_from_kind(kind: str) -> Setup:
    """A setup with its defaults from its name (the CLI's `--setup golden-pocket`)."""
    try:
        chosen = _BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown setup {kind!r}; accepted: {', '.join(SETUP_KINDS)}") from None
    setup: Setup = chosen()  # type: ignore[assignment]
    return setup
