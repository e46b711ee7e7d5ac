from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.structure_event_direction import StructureEventDirection
from ..models.structure_event_kind import StructureEventKind
from ..models.structure_event_scale import StructureEventScale

if TYPE_CHECKING:
    from ..models.swing import Swing


T = TypeVar("T", bound="StructureEvent")


@_attrs_define
class StructureEvent:
    """A close (or wick) beyond a confirmed swing: break of structure or change of character.

    Attributes:
        direction (StructureEventDirection):
        index (int): The breaking bar.
        kind (StructureEventKind):
        level (float):
        scale (StructureEventScale):
        swing (Swing): A confirmed swing point: a real bar extreme that will never move again.
        time (datetime.datetime):
    """

    direction: StructureEventDirection
    index: int
    kind: StructureEventKind
    level: float
    scale: StructureEventScale
    swing: Swing
    time: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        direction = self.direction.value

        index = self.index

        kind = self.kind.value

        level = self.level

        scale = self.scale.value

        swing = self.swing.to_dict()

        time = self.time.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "direction": direction,
                "index": index,
                "kind": kind,
                "level": level,
                "scale": scale,
                "swing": swing,
                "time": time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.swing import Swing  # noqa: PLC0415

        d = dict(src_dict)
        direction = StructureEventDirection(d.pop("direction"))

        index = d.pop("index")

        kind = StructureEventKind(d.pop("kind"))

        level = d.pop("level")

        scale = StructureEventScale(d.pop("scale"))

        swing = Swing.from_dict(d.pop("swing"))

        time = datetime.datetime.fromisoformat(d.pop("time"))

        structure_event = cls(
            direction=direction,
            index=index,
            kind=kind,
            level=level,
            scale=scale,
            swing=swing,
            time=time,
        )

        return structure_event
