from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.structure_scale_bias_type_0 import StructureScaleBiasType0
from ..models.structure_scale_scale import StructureScaleScale
from ..models.structure_scale_trend import StructureScaleTrend
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.equal_level import EqualLevel
    from ..models.structure_event import StructureEvent
    from ..models.swing import Swing


T = TypeVar("T", bound="StructureScale")


@_attrs_define
class StructureScale:
    """
    Attributes:
        bias (None | StructureScaleBiasType0): Direction of the latest BOS/CHoCH, if any.
        equal_levels (list[EqualLevel]):
        events (list[StructureEvent]):
        length (int):
        scale (StructureScaleScale):
        swings (list[Swing]):
        trend (StructureScaleTrend): From the latest swing labels: HH+HL bullish, LH+LL bearish.
        note (None | str | Unset): Why this scale is empty, if it is.
    """

    bias: None | StructureScaleBiasType0
    equal_levels: list[EqualLevel]
    events: list[StructureEvent]
    length: int
    scale: StructureScaleScale
    swings: list[Swing]
    trend: StructureScaleTrend
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bias: None | str
        if isinstance(self.bias, StructureScaleBiasType0):
            bias = self.bias.value
        else:
            bias = self.bias

        equal_levels = []
        for equal_levels_item_data in self.equal_levels:
            equal_levels_item = equal_levels_item_data.to_dict()
            equal_levels.append(equal_levels_item)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        length = self.length

        scale = self.scale.value

        swings = []
        for swings_item_data in self.swings:
            swings_item = swings_item_data.to_dict()
            swings.append(swings_item)

        trend = self.trend.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bias": bias,
                "equal_levels": equal_levels,
                "events": events,
                "length": length,
                "scale": scale,
                "swings": swings,
                "trend": trend,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.equal_level import EqualLevel  # noqa: PLC0415
        from ..models.structure_event import StructureEvent  # noqa: PLC0415
        from ..models.swing import Swing  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_bias(data: object) -> None | StructureScaleBiasType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bias_type_0 = StructureScaleBiasType0(data)

                return bias_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StructureScaleBiasType0, data)

        bias = _parse_bias(d.pop("bias"))

        equal_levels = []
        _equal_levels = d.pop("equal_levels")
        for equal_levels_item_data in _equal_levels:
            equal_levels_item = EqualLevel.from_dict(equal_levels_item_data)

            equal_levels.append(equal_levels_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = StructureEvent.from_dict(events_item_data)

            events.append(events_item)

        length = d.pop("length")

        scale = StructureScaleScale(d.pop("scale"))

        swings = []
        _swings = d.pop("swings")
        for swings_item_data in _swings:
            swings_item = Swing.from_dict(swings_item_data)

            swings.append(swings_item)

        trend = StructureScaleTrend(d.pop("trend"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        structure_scale = cls(
            bias=bias,
            equal_levels=equal_levels,
            events=events,
            length=length,
            scale=scale,
            swings=swings,
            trend=trend,
            note=note,
        )

        return structure_scale
