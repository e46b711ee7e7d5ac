from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.structure_setup_direction_type_0 import StructureSetupDirectionType0
from ..models.structure_setup_event import StructureSetupEvent
from ..models.structure_setup_scale import StructureSetupScale
from ..types import UNSET, Unset

T = TypeVar("T", bound="StructureSetup")


@_attrs_define
class StructureSetup:
    """A BOS or CHoCH on the given scale at most N bars before the last (newest reported).

    Attributes:
        kind (Literal['structure-break']):  Default: 'structure-break'.
        direction (Literal['any'] | StructureSetupDirectionType0 | Unset):  Default: 'any'.
        event (StructureSetupEvent | Unset):  Default: StructureSetupEvent.ANY.
        scale (StructureSetupScale | Unset):  Default: StructureSetupScale.INTERNAL.
        within_bars (int | Unset):  Default: 5.
    """

    kind: Literal["structure-break"] = "structure-break"
    direction: Literal["any"] | StructureSetupDirectionType0 | Unset = "any"
    event: StructureSetupEvent | Unset = StructureSetupEvent.ANY
    scale: StructureSetupScale | Unset = StructureSetupScale.INTERNAL
    within_bars: int | Unset = 5

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        direction: Literal["any"] | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, StructureSetupDirectionType0):
            direction = self.direction.value
        else:
            direction = self.direction

        event: str | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.value

        scale: str | Unset = UNSET
        if not isinstance(self.scale, Unset):
            scale = self.scale.value

        within_bars = self.within_bars

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction
        if event is not UNSET:
            field_dict["event"] = event
        if scale is not UNSET:
            field_dict["scale"] = scale
        if within_bars is not UNSET:
            field_dict["within_bars"] = within_bars

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["structure-break"], d.pop("kind"))
        if kind != "structure-break":
            raise ValueError(f"kind must match const 'structure-break', got '{kind}'")

        def _parse_direction(data: object) -> Literal["any"] | StructureSetupDirectionType0 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = StructureSetupDirectionType0(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            direction_type_1 = cast(Literal["any"], data)
            if direction_type_1 != "any":
                raise ValueError(f"direction_type_1 must match const 'any', got '{direction_type_1}'")
            return direction_type_1

        direction = _parse_direction(d.pop("direction", UNSET))

        _event = d.pop("event", UNSET)
        event: StructureSetupEvent | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = StructureSetupEvent(_event)

        _scale = d.pop("scale", UNSET)
        scale: StructureSetupScale | Unset
        if isinstance(_scale, Unset):
            scale = UNSET
        else:
            scale = StructureSetupScale(_scale)

        within_bars = d.pop("within_bars", UNSET)

        structure_setup = cls(
            kind=kind,
            direction=direction,
            event=event,
            scale=scale,
            within_bars=within_bars,
        )

        return structure_setup
