from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.fib_level_kind import FibLevelKind

T = TypeVar("T", bound="FibLevel")


@_attrs_define
class FibLevel:
    """
    Attributes:
        kind (FibLevelKind):
        price (float):
        ratio (float):
    """

    kind: FibLevelKind
    price: float
    ratio: float

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        price = self.price

        ratio = self.ratio

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "price": price,
                "ratio": ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FibLevelKind(d.pop("kind"))

        price = d.pop("price")

        ratio = d.pop("ratio")

        fib_level = cls(
            kind=kind,
            price=price,
            ratio=ratio,
        )

        return fib_level
