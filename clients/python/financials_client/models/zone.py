from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.zone_role import ZoneRole

T = TypeVar("T", bound="Zone")


@_attrs_define
class Zone:
    """A support/resistance band where swings clustered.

    Attributes:
        explanation (str):
        first_touch (datetime.datetime):
        high (float):
        last_touch (datetime.datetime):
        low (float):
        role (ZoneRole): Relative to the last close.
        strength (float):
        touches (int):
    """

    explanation: str
    first_touch: datetime.datetime
    high: float
    last_touch: datetime.datetime
    low: float
    role: ZoneRole
    strength: float
    touches: int

    def to_dict(self) -> dict[str, Any]:
        explanation = self.explanation

        first_touch = self.first_touch.isoformat()

        high = self.high

        last_touch = self.last_touch.isoformat()

        low = self.low

        role = self.role.value

        strength = self.strength

        touches = self.touches

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "explanation": explanation,
                "first_touch": first_touch,
                "high": high,
                "last_touch": last_touch,
                "low": low,
                "role": role,
                "strength": strength,
                "touches": touches,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        explanation = d.pop("explanation")

        first_touch = datetime.datetime.fromisoformat(d.pop("first_touch"))

        high = d.pop("high")

        last_touch = datetime.datetime.fromisoformat(d.pop("last_touch"))

        low = d.pop("low")

        role = ZoneRole(d.pop("role"))

        strength = d.pop("strength")

        touches = d.pop("touches")

        zone = cls(
            explanation=explanation,
            first_touch=first_touch,
            high=high,
            last_touch=last_touch,
            low=low,
            role=role,
            strength=strength,
            touches=touches,
        )

        return zone
