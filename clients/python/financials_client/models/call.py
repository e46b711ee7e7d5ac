from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.call_bias import CallBias
from ..types import UNSET, Unset

T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """What a reading says price will do, pinned to the bar it was made on.

    Attributes:
        as_of (datetime.datetime): The reading's last bar: grading starts after it.
        atr (float): ATR at the `as_of` bar, the move's yardstick.
        bias (CallBias):
        close (float): The close of the `as_of` bar.
        confidence (float): The analyst's own, 0 to 1.
        horizon_bars (int): Bars after `as_of`.
        invalidation (float | None | Unset): A price through which the call is wrong.
        watch_levels (list[float] | Unset): Prices the reading watches.
    """

    as_of: datetime.datetime
    atr: float
    bias: CallBias
    close: float
    confidence: float
    horizon_bars: int
    invalidation: float | None | Unset = UNSET
    watch_levels: list[float] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        atr = self.atr

        bias = self.bias.value

        close = self.close

        confidence = self.confidence

        horizon_bars = self.horizon_bars

        invalidation: float | None | Unset
        if isinstance(self.invalidation, Unset):
            invalidation = UNSET
        else:
            invalidation = self.invalidation

        watch_levels: list[float] | Unset = UNSET
        if not isinstance(self.watch_levels, Unset):
            watch_levels = self.watch_levels

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "atr": atr,
                "bias": bias,
                "close": close,
                "confidence": confidence,
                "horizon_bars": horizon_bars,
            }
        )
        if invalidation is not UNSET:
            field_dict["invalidation"] = invalidation
        if watch_levels is not UNSET:
            field_dict["watch_levels"] = watch_levels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        atr = d.pop("atr")

        bias = CallBias(d.pop("bias"))

        close = d.pop("close")

        confidence = d.pop("confidence")

        horizon_bars = d.pop("horizon_bars")

        def _parse_invalidation(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        invalidation = _parse_invalidation(d.pop("invalidation", UNSET))

        watch_levels = cast(list[float], d.pop("watch_levels", UNSET))

        call = cls(
            as_of=as_of,
            atr=atr,
            bias=bias,
            close=close,
            confidence=confidence,
            horizon_bars=horizon_bars,
            invalidation=invalidation,
            watch_levels=watch_levels,
        )

        return call
