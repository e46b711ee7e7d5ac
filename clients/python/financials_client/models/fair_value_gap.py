from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fair_value_gap_direction import FairValueGapDirection

T = TypeVar("T", bound="FairValueGap")


@_attrs_define
class FairValueGap:
    """A three-candle imbalance: the gap between candle 1 and candle 3 that candle 2 left.

    `index` is the third candle, when the gap became known.

        Attributes:
            bottom (float):
            direction (FairValueGapDirection):
            index (int):
            mitigated_index (int | None): First later bar that traded to the box's far edge; null while open.
            mitigated_time (datetime.datetime | None):
            time (datetime.datetime):
            top (float):
    """

    bottom: float
    direction: FairValueGapDirection
    index: int
    mitigated_index: int | None
    mitigated_time: datetime.datetime | None
    time: datetime.datetime
    top: float

    def to_dict(self) -> dict[str, Any]:
        bottom = self.bottom

        direction = self.direction.value

        index = self.index

        mitigated_index: int | None
        mitigated_index = self.mitigated_index

        mitigated_time: None | str
        if isinstance(self.mitigated_time, datetime.datetime):
            mitigated_time = self.mitigated_time.isoformat()
        else:
            mitigated_time = self.mitigated_time

        time = self.time.isoformat()

        top = self.top

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bottom": bottom,
                "direction": direction,
                "index": index,
                "mitigated_index": mitigated_index,
                "mitigated_time": mitigated_time,
                "time": time,
                "top": top,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bottom = d.pop("bottom")

        direction = FairValueGapDirection(d.pop("direction"))

        index = d.pop("index")

        def _parse_mitigated_index(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mitigated_index = _parse_mitigated_index(d.pop("mitigated_index"))

        def _parse_mitigated_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mitigated_time_type_0 = datetime.datetime.fromisoformat(data)

                return mitigated_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        mitigated_time = _parse_mitigated_time(d.pop("mitigated_time"))

        time = datetime.datetime.fromisoformat(d.pop("time"))

        top = d.pop("top")

        fair_value_gap = cls(
            bottom=bottom,
            direction=direction,
            index=index,
            mitigated_index=mitigated_index,
            mitigated_time=mitigated_time,
            time=time,
            top=top,
        )

        return fair_value_gap
