from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.zone import Zone


T = TypeVar("T", bound="Confluence")


@_attrs_define
class Confluence:
    """
    Attributes:
        explanation (str):
        price (float):
        ratio (float):
        score (float):
        zone (Zone): A support/resistance band where swings clustered.
    """

    explanation: str
    price: float
    ratio: float
    score: float
    zone: Zone

    def to_dict(self) -> dict[str, Any]:
        explanation = self.explanation

        price = self.price

        ratio = self.ratio

        score = self.score

        zone = self.zone.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "explanation": explanation,
                "price": price,
                "ratio": ratio,
                "score": score,
                "zone": zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.zone import Zone  # noqa: PLC0415

        d = dict(src_dict)
        explanation = d.pop("explanation")

        price = d.pop("price")

        ratio = d.pop("ratio")

        score = d.pop("score")

        zone = Zone.from_dict(d.pop("zone"))

        confluence = cls(
            explanation=explanation,
            price=price,
            ratio=ratio,
            score=score,
            zone=zone,
        )

        return confluence
