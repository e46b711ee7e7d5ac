"""The call a reading ends with, and the offline analyst's rule for making one.

The rule (also in docs/track-record.md) reads three signals of the analysis, each +1 bullish,
-1 bearish or 0: the swing-scale trend, the internal trend, and the direction of the last
structure event (0 when there is none). Their sum is the score.

- **Bias**: bullish at +2 or more, bearish at -2 or less, neutral otherwise.
- **Horizon**: `OFFLINE_HORIZON_BARS` bars of the chart's interval.
- **Levels to watch**: the nearest resistance for a bullish call, the nearest support for a
  bearish one, both for a neutral one (the grounding facts' nearest levels).
- **Invalidation**: the nearest support for a bullish call, the nearest resistance for a
  bearish one, none for a neutral one.
- **Confidence**: |score| / 3 for a directional call (2 or 3 of 3 signals agree); 1/3 for a
  neutral one.

A call is pinned to the reading's last bar (its time, close and ATR), where grading starts.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from analysis import Analysis
from analysis.grading import MAX_HORIZON_BARS, MAX_WATCH_LEVELS, Bias, Call
from analysis.models import Direction, Trend
from language.facts import GroundingFacts
from language.numbers import format_price

OFFLINE_HORIZON_BARS = 10
SIGNALS = 3


class StatedCall(BaseModel):
    """A call as an analyst states it, before it is pinned to a bar (Qwen's JSON shape)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    bias: Bias
    horizon_bars: int = Field(ge=1, le=MAX_HORIZON_BARS)
    watch_levels: list[float] = Field(default_factory=list, max_length=MAX_WATCH_LEVELS)
    invalidation: float | None = Field(default=None, gt=0)
    confidence: float = Field(ge=0, le=1)


def pinned(stated: StatedCall, analysis: Analysis) -> Call | None:
    """The call at the analysis' last bar; None when the bar cannot carry one (ATR of 0)."""
    series = analysis.series
    try:
        return Call(
            bias=stated.bias,
            horizon_bars=stated.horizon_bars,
            watch_levels=tuple(stated.watch_levels),
            invalidation=stated.invalidation,
            confidence=stated.confidence,
            as_of=series.last_time,
            close=series.last_close,
            atr=series.atr,
        )
    except ValidationError:
        return None


def _trend(trend: Trend) -> int:
    return {"bullish": 1, "bearish": -1, "ranging": 0}[trend]


def _direction(direction: Direction | None) -> int:
    return 0 if direction is None else (1 if direction == "bullish" else -1)


def score(facts: GroundingFacts) -> int:
    """The sum of the three signals, -3 to +3."""
    event = facts.last_event
    return (
        _trend(facts.trend_swing)
        + _trend(facts.trend_internal)
        + _direction(None if event is None else event.direction)
    )


def offline_call(facts: GroundingFacts) -> StatedCall:
    """The offline analyst's call: the rule of this module, nothing else."""
    total = score(facts)
    support = None if facts.nearest_support is None else facts.nearest_support.price
    resistance = None if facts.nearest_resistance is None else facts.nearest_resistance.price
    if total >= 2:
        return StatedCall(
            bias="bullish",
            horizon_bars=OFFLINE_HORIZON_BARS,
            watch_levels=[resistance] if resistance is not None else [],
            invalidation=support if support is not None and support > 0 else None,
            confidence=round(abs(total) / SIGNALS, 4),
        )
    if total <= -2:
        return StatedCall(
            bias="bearish",
            horizon_bars=OFFLINE_HORIZON_BARS,
            watch_levels=[support] if support is not None and support > 0 else [],
            invalidation=resistance,
            confidence=round(abs(total) / SIGNALS, 4),
        )
    return StatedCall(
        bias="neutral",
        horizon_bars=OFFLINE_HORIZON_BARS,
        watch_levels=[level for level in (support, resistance) if level is not None and level > 0],
        invalidation=None,
        confidence=round(1 / SIGNALS, 4),
    )


def call_sentence(call: StatedCall, decimals: int) -> str:
    """The call in words, with only prices the facts hold and counts."""
    watching = ", ".join(format_price(level, decimals) for level in call.watch_levels)
    parts = [f"Call: {call.bias} over the next {call.horizon_bars} bars"]
    if watching:
        parts.append(f"watching {watching}")
    if call.invalidation is not None:
        parts.append(f"invalidated through {format_price(call.invalidation, decimals)}")
    return ", ".join(parts) + "."


_CALL_BLOCK = re.compile(r"```(?:json)?\s*(?P<body>.*?)\s*```", re.DOTALL | re.IGNORECASE)


class CallReply(BaseModel):
    """The JSON block a cloud model is asked to end its reading with: `{"call": {...}}`."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    call: StatedCall


def split_call(text: str) -> tuple[str, StatedCall | None, str | None]:
    """(the reading without its JSON block, the validated call or None, why there is none).

    The last fenced JSON block is the call. A reply without one, or with one that is not
    valid JSON or not a valid call, keeps its text and gets no call: a call is never guessed.
    """
    blocks = list(_CALL_BLOCK.finditer(text))
    if not blocks:
        return text, None, "the reply has no JSON call block"
    block = blocks[-1]
    reading = (text[: block.start()] + text[block.end() :]).strip()
    try:
        return reading, CallReply.model_validate_json(block.group("body")).call, None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the block"
        return reading, None, f"the JSON call is invalid at {where}: {first['msg']}"
