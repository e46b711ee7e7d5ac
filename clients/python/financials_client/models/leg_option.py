from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.leg_option_direction import LegOptionDirection
from ..models.leg_option_role import LegOptionRole

if TYPE_CHECKING:
    from ..models.fib_anchor import FibAnchor


T = TypeVar("T", bound="LegOption")


@_attrs_define
class LegOption:
    """A leg the analysis considered, named so the user can switch to it.

    Attributes:
        broken (bool): A close beyond the start came after the end.
        chosen (bool):
        direction (LegOptionDirection):
        end (FibAnchor): One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar.
        retraced (float): How far the last close has retraced it (0 end, 1 start).
        role (LegOptionRole): `major`: the largest confirmed swing-to-swing move price has not invalidated; `latest`:
            the most recent confirmed leg; `provisional`: from the last confirmed swing to the live extreme (TradingView
            Auto Fib's leg), which can still move.
        start (FibAnchor): One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar.
        summary (str): One line for people: the leg, its state and how to pick it.
    """

    broken: bool
    chosen: bool
    direction: LegOptionDirection
    end: FibAnchor
    retraced: float
    role: LegOptionRole
    start: FibAnchor
    summary: str

    def to_dict(self) -> dict[str, Any]:
        broken = self.broken

        chosen = self.chosen

        direction = self.direction.value

        end = self.end.to_dict()

        retraced = self.retraced

        role = self.role.value

        start = self.start.to_dict()

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "broken": broken,
                "chosen": chosen,
                "direction": direction,
                "end": end,
                "retraced": retraced,
                "role": role,
                "start": start,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fib_anchor import FibAnchor  # noqa: PLC0415

        d = dict(src_dict)
        broken = d.pop("broken")

        chosen = d.pop("chosen")

        direction = LegOptionDirection(d.pop("direction"))

        end = FibAnchor.from_dict(d.pop("end"))

        retraced = d.pop("retraced")

        role = LegOptionRole(d.pop("role"))

        start = FibAnchor.from_dict(d.pop("start"))

        summary = d.pop("summary")

        leg_option = cls(
            broken=broken,
            chosen=chosen,
            direction=direction,
            end=end,
            retraced=retraced,
            role=role,
            start=start,
            summary=summary,
        )

        return leg_option
