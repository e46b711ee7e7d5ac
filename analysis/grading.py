"""Grading a reading's call on what price did next: bars after the reading only.

A call is made at the reading's last bar (`Call.as_of`, with that bar's close and ATR). The
grader looks only at the bars strictly after `as_of`, and only at the first `horizon_bars` of
them, so nothing the reading could not know and nothing after its horizon changes its grade
(a property test checks both). Rules, also in docs/track-record.md:

- **Direction.** The move is the close `horizon_bars` later minus the reference close, in ATR
  of the reference bar. It is *up* at or above `threshold_atr`, *down* at or below minus that,
  otherwise *flat*. A bullish call is right when up, wrong when down, flat when flat (bearish
  the mirror); a neutral call is right when flat and wrong otherwise.
- **Levels.** The target is the nearest watched level on the call's side of the reference
  close (above for bullish, below for bearish). Bar by bar, a high (bullish) or low (bearish)
  through the target reaches it, a low (bullish) or high (bearish) through the invalidation
  level invalidates; a bar that does both counts as invalidated first, since the order within
  a bar is unknown. Neutral calls, and calls without a target on their side or without an
  invalidation level, get `no level`.
- **Excursions.** The largest move in the call's favour and against it over the horizon, from
  highs and lows, in ATR; for a neutral call "against" is the larger move either way.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

Bias = Literal["bullish", "bearish", "neutral"]
Outcome = Literal["right", "wrong", "flat"]
Realised = Literal["up", "down", "flat"]
LevelOutcome = Literal["target first", "invalidated first", "neither", "no level"]

DEFAULT_THRESHOLD_ATR = 0.5
MAX_HORIZON_BARS = 500
MAX_WATCH_LEVELS = 5


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Call(_Model):
    """What a reading says price will do, pinned to the bar it was made on."""

    bias: Bias
    horizon_bars: int = Field(ge=1, le=MAX_HORIZON_BARS, description="Bars after `as_of`.")
    watch_levels: tuple[float, ...] = Field(
        default=(), max_length=MAX_WATCH_LEVELS, description="Prices the reading watches."
    )
    invalidation: float | None = Field(
        default=None, gt=0, description="A price through which the call is wrong."
    )
    confidence: float = Field(ge=0, le=1, description="The analyst's own, 0 to 1.")
    as_of: datetime = Field(description="The reading's last bar: grading starts after it.")
    close: float = Field(gt=0, description="The close of the `as_of` bar.")
    atr: float = Field(gt=0, description="ATR at the `as_of` bar, the move's yardstick.")

    @field_validator("watch_levels")
    @classmethod
    def _positive_prices(cls, levels: tuple[float, ...]) -> tuple[float, ...]:
        if any(not np.isfinite(level) or level <= 0 for level in levels):
            raise ValueError(f"watched levels must be positive prices, got {list(levels)}")
        return levels

    def target(self) -> float | None:
        """The nearest watched level on the call's side of the close, if any."""
        if self.bias == "bullish":
            above = [level for level in self.watch_levels if level > self.close]
            return min(above) if above else None
        if self.bias == "bearish":
            below = [level for level in self.watch_levels if level < self.close]
            return max(below) if below else None
        return None


class Grade(_Model):
    """How the call fared over its horizon; see the module for each rule."""

    outcome: Outcome
    realised: Realised
    move_atr: float = Field(description="(close at the horizon - reference close) / ATR.")
    threshold_atr: float
    end_time: datetime = Field(description="The horizon's bar, the last one graded.")
    end_close: float
    target: float | None
    levels: LevelOutcome
    max_favourable_atr: float | None = Field(description="null for a neutral call.")
    max_adverse_atr: float


def later_bars(frame: pd.DataFrame, call: Call) -> pd.DataFrame:
    """The first `horizon_bars` bars strictly after `as_of`: all the grader may see."""
    index = pd.DatetimeIndex(frame.index)
    as_of = pd.Timestamp(call.as_of)
    if index.tz is None and as_of.tz is not None:
        as_of = as_of.tz_convert("UTC").tz_localize(None)
    elif index.tz is not None and as_of.tz is None:
        as_of = as_of.tz_localize(index.tz)  # a naive time read off these same bars
    start = int(index.searchsorted(as_of, side="right"))
    return frame.iloc[start : start + call.horizon_bars]


def grade_call(
    call: Call, frame: pd.DataFrame, *, threshold_atr: float = DEFAULT_THRESHOLD_ATR
) -> Grade | None:
    """The call's grade, or None while fewer than `horizon_bars` bars follow `as_of`.

    `frame` is OHLC bars with a sorted DatetimeIndex (lower-case columns, as the market data
    providers return them); it may extend before `as_of` and after the horizon.
    """
    if threshold_atr <= 0:
        raise ValueError(
            f"the flat threshold must be a positive number of ATR, got {threshold_atr}"
        )
    window = later_bars(frame, call)
    if len(window) < call.horizon_bars:
        return None
    high = window["high"].to_numpy(dtype=np.float64)
    low = window["low"].to_numpy(dtype=np.float64)
    end_close = float(window["close"].iloc[-1])
    move_atr = (end_close - call.close) / call.atr
    realised: Realised = (
        "up" if move_atr >= threshold_atr else "down" if move_atr <= -threshold_atr else "flat"
    )
    up = max(0.0, float(high.max()) - call.close) / call.atr
    down = max(0.0, call.close - float(low.min())) / call.atr
    if call.bias == "bullish":
        favourable: float | None = up
        adverse = down
    elif call.bias == "bearish":
        favourable, adverse = down, up
    else:
        favourable, adverse = None, max(up, down)
    target = call.target()
    return Grade(
        outcome=_outcome(call.bias, realised),
        realised=realised,
        move_atr=round(move_atr, 4),
        threshold_atr=threshold_atr,
        end_time=pd.Timestamp(window.index[-1]).to_pydatetime(),
        end_close=end_close,
        target=target,
        levels=_levels(call, target, high, low),
        max_favourable_atr=None if favourable is None else round(favourable, 4),
        max_adverse_atr=round(adverse, 4),
    )


def _outcome(bias: Bias, realised: Realised) -> Outcome:
    if bias == "neutral":
        return "right" if realised == "flat" else "wrong"
    if realised == "flat":
        return "flat"
    agrees = (bias == "bullish") == (realised == "up")
    return "right" if agrees else "wrong"


def _levels(call: Call, target: float | None, high: np.ndarray, low: np.ndarray) -> LevelOutcome:
    if target is None or call.invalidation is None:
        return "no level"
    if call.bias == "bullish":
        reached, invalidated = high >= target, low <= call.invalidation
    else:
        reached, invalidated = low <= target, high >= call.invalidation
    first_reached = int(np.argmax(reached)) if reached.any() else None
    first_invalid = int(np.argmax(invalidated)) if invalidated.any() else None
    if first_invalid is not None and (first_reached is None or first_invalid <= first_reached):
        return "invalidated first"
    if first_reached is not None:
        return "target first"
    return "neither"
