from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_block_direction import OrderBlockDirection
from ..models.order_block_scale import OrderBlockScale

T = TypeVar("T", bound="OrderBlock")


@_attrs_define
class OrderBlock:
    """The last opposite candle before the displacement that broke structure.

    Attributes:
        bottom (float):
        break_index (int): The structure break that validated the block.
        break_time (datetime.datetime):
        direction (OrderBlockDirection):
        index (int):
        mitigated_index (int | None): First later bar that traded to the box's far edge; null while open.
        mitigated_time (datetime.datetime | None):
        scale (OrderBlockScale):
        time (datetime.datetime):
        top (float):
    """

    bottom: float
    break_index: int
    break_time: datetime.datetime
    direction: OrderBlockDirection
    index: int
    mitigated_index: int | None
    mitigated_time: datetime.datetime | None
    scale: OrderBlockScale
    time: datetime.datetime
    top: float

    def to_dict(self) -> dict[str, Any]:
        bottom = self.bottom

        break_index = self.break_index

        break_time = self.break_time.isoformat()

        direction = self.direction.value

        index = self.index

        mitigated_index: int | None
        mitigated_index = self.mitigated_index

        mitigated_time: None | str
        if isinstance(self.mitigated_time, datetime.datetime):
            mitigated_time = self.mitigated_time.isoformat()
        else:
            mitigated_time = self.mitigated_time

        scale = self.scale.value

        time = self.time.isoformat()

        top = self.top

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bottom": bottom,
                "break_index": break_index,
                "break_time": break_time,
                "direction": direction,
                "index": index,
                "mitigated_index": mitigated_index,
                "mitigated_time": mitigated_time,
                "scale": scale,
                "time": time,
                "top": top,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bottom = d.pop("bottom")

        break_index = d.pop("break_index")

        break_time = datetime.datetime.fromisoformat(d.pop("break_time"))

        direction = OrderBlockDirection(d.pop("direction"))

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

        scale = OrderBlockScale(d.pop("scale"))

        time = datetime.datetime.fromisoformat(d.pop("time"))

        top = d.pop("top")

        order_block = cls(
            bottom=bottom,
            break_index=break_index,
            break_time=break_time,
            direction=direction,
            index=index,
            mitigated_index=mitigated_index,
            mitigated_time=mitigated_time,
            scale=scale,
            time=time,
            top=top,
        )

        return order_block
