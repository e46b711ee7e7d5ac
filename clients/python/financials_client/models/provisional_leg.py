from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.fib_anchor import FibAnchor
    from ..models.fib_level import FibLevel


T = TypeVar("T", bound="ProvisionalLeg")


@_attrs_define
class ProvisionalLeg:
    """The chosen leg extended to the live extreme beyond its confirmed end: it still moves.

    Attributes:
        end (FibAnchor): One end of the Fibonacci leg: a bar extreme, or a caller's price with no bar.
        golden_pocket (list[float]):
        note (str):
        retracements (list[FibLevel]):
    """

    end: FibAnchor
    golden_pocket: list[float]
    note: str
    retracements: list[FibLevel]

    def to_dict(self) -> dict[str, Any]:
        end = self.end.to_dict()

        golden_pocket = []
        for golden_pocket_item_data in self.golden_pocket:
            golden_pocket_item: float
            golden_pocket_item = golden_pocket_item_data
            golden_pocket.append(golden_pocket_item)

        note = self.note

        retracements = []
        for retracements_item_data in self.retracements:
            retracements_item = retracements_item_data.to_dict()
            retracements.append(retracements_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "golden_pocket": golden_pocket,
                "note": note,
                "retracements": retracements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fib_anchor import FibAnchor  # noqa: PLC0415
        from ..models.fib_level import FibLevel  # noqa: PLC0415

        d = dict(src_dict)
        end = FibAnchor.from_dict(d.pop("end"))

        golden_pocket = []
        _golden_pocket = d.pop("golden_pocket")
        for golden_pocket_item_data in _golden_pocket:

            def _parse_golden_pocket_item(data: object) -> float:
                return cast(float, data)

            golden_pocket_item = _parse_golden_pocket_item(golden_pocket_item_data)

            golden_pocket.append(golden_pocket_item)

        note = d.pop("note")

        retracements = []
        _retracements = d.pop("retracements")
        for retracements_item_data in _retracements:
            retracements_item = FibLevel.from_dict(retracements_item_data)

            retracements.append(retracements_item)

        provisional_leg = cls(
            end=end,
            golden_pocket=golden_pocket,
            note=note,
            retracements=retracements,
        )

        return provisional_leg
