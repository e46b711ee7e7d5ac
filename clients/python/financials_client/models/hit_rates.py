from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.hit_rates_detector import HitRatesDetector

if TYPE_CHECKING:
    from ..models.level_hit_rate import LevelHitRate


T = TypeVar("T", bound="HitRates")


@_attrs_define
class HitRates:
    """
    Attributes:
        detector (HitRatesDetector):
        legs_total (int):
        levels (list[LevelHitRate]):
        method (str):
        min_decided (int): Decided levels needed before any rate is quoted.
        null_model (str): How the baseline's random levels are drawn.
    """

    detector: HitRatesDetector
    legs_total: int
    levels: list[LevelHitRate]
    method: str
    min_decided: int
    null_model: str

    def to_dict(self) -> dict[str, Any]:
        detector = self.detector.value

        legs_total = self.legs_total

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

        method = self.method

        min_decided = self.min_decided

        null_model = self.null_model

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "detector": detector,
                "legs_total": legs_total,
                "levels": levels,
                "method": method,
                "min_decided": min_decided,
                "null_model": null_model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_hit_rate import LevelHitRate  # noqa: PLC0415

        d = dict(src_dict)
        detector = HitRatesDetector(d.pop("detector"))

        legs_total = d.pop("legs_total")

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = LevelHitRate.from_dict(levels_item_data)

            levels.append(levels_item)

        method = d.pop("method")

        min_decided = d.pop("min_decided")

        null_model = d.pop("null_model")

        hit_rates = cls(
            detector=detector,
            legs_total=legs_total,
            levels=levels,
            method=method,
            min_decided=min_decided,
            null_model=null_model,
        )

        return hit_rates
