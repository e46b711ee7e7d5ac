from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RateCounts")


@_attrs_define
class RateCounts:
    """Outcomes of one set of levels, with the hit-rate and its 95% Wilson interval.

    Attributes:
        broke (int):
        held (int):
        hit_rate (float | None): held / (held + broke); null when neither.
        interval (list[float] | None): 95% Wilson score interval of the hit-rate; null when nothing was decided.
        legs (int): Levels still ahead of price when their leg was confirmed.
        reached (int):
    """

    broke: int
    held: int
    hit_rate: float | None
    interval: list[float] | None
    legs: int
    reached: int

    def to_dict(self) -> dict[str, Any]:
        broke = self.broke

        held = self.held

        hit_rate: float | None
        hit_rate = self.hit_rate

        interval: list[float] | None
        if isinstance(self.interval, list):
            interval = []
            for interval_type_0_item_data in self.interval:
                interval_type_0_item: float
                interval_type_0_item = interval_type_0_item_data
                interval.append(interval_type_0_item)

        else:
            interval = self.interval

        legs = self.legs

        reached = self.reached

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "broke": broke,
                "held": held,
                "hit_rate": hit_rate,
                "interval": interval,
                "legs": legs,
                "reached": reached,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        broke = d.pop("broke")

        held = d.pop("held")

        def _parse_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hit_rate = _parse_hit_rate(d.pop("hit_rate"))

        def _parse_interval(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interval_type_0 = []
                _interval_type_0 = data
                for interval_type_0_item_data in _interval_type_0:

                    def _parse_interval_type_0_item(data: object) -> float:
                        return cast(float, data)

                    interval_type_0_item = _parse_interval_type_0_item(interval_type_0_item_data)

                    interval_type_0.append(interval_type_0_item)

                return interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        interval = _parse_interval(d.pop("interval"))

        legs = d.pop("legs")

        reached = d.pop("reached")

        rate_counts = cls(
            broke=broke,
            held=held,
            hit_rate=hit_rate,
            interval=interval,
            legs=legs,
            reached=reached,
        )

        return rate_counts
