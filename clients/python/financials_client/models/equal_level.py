from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.equal_level_kind import EqualLevelKind

if TYPE_CHECKING:
    from ..models.swing import Swing


T = TypeVar("T", bound="EqualLevel")


@_attrs_define
class EqualLevel:
    """Two consecutive swings of one kind within the tolerance: resting liquidity.

    Attributes:
        difference (float):
        first (Swing): A confirmed swing point: a real bar extreme that will never move again.
        kind (EqualLevelKind):
        second (Swing): A confirmed swing point: a real bar extreme that will never move again.
    """

    difference: float
    first: Swing
    kind: EqualLevelKind
    second: Swing

    def to_dict(self) -> dict[str, Any]:
        difference = self.difference

        first = self.first.to_dict()

        kind = self.kind.value

        second = self.second.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "difference": difference,
                "first": first,
                "kind": kind,
                "second": second,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.swing import Swing  # noqa: PLC0415

        d = dict(src_dict)
        difference = d.pop("difference")

        first = Swing.from_dict(d.pop("first"))

        kind = EqualLevelKind(d.pop("kind"))

        second = Swing.from_dict(d.pop("second"))

        equal_level = cls(
            difference=difference,
            first=first,
            kind=kind,
            second=second,
        )

        return equal_level
