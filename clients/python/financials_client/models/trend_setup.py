from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trend_setup_scale import TrendSetupScale
from ..models.trend_setup_trend import TrendSetupTrend
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrendSetup")


@_attrs_define
class TrendSetup:
    """The trend of one structure scale (from its swing labels) is the one asked for.

    Attributes:
        kind (Literal['trend']):  Default: 'trend'.
        scale (TrendSetupScale | Unset):  Default: TrendSetupScale.SWING.
        trend (TrendSetupTrend | Unset):  Default: TrendSetupTrend.BULLISH.
    """

    kind: Literal["trend"] = "trend"
    scale: TrendSetupScale | Unset = TrendSetupScale.SWING
    trend: TrendSetupTrend | Unset = TrendSetupTrend.BULLISH

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        scale: str | Unset = UNSET
        if not isinstance(self.scale, Unset):
            scale = self.scale.value

        trend: str | Unset = UNSET
        if not isinstance(self.trend, Unset):
            trend = self.trend.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if scale is not UNSET:
            field_dict["scale"] = scale
        if trend is not UNSET:
            field_dict["trend"] = trend

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["trend"], d.pop("kind"))
        if kind != "trend":
            raise ValueError(f"kind must match const 'trend', got '{kind}'")

        _scale = d.pop("scale", UNSET)
        scale: TrendSetupScale | Unset
        if isinstance(_scale, Unset):
            scale = UNSET
        else:
            scale = TrendSetupScale(_scale)

        _trend = d.pop("trend", UNSET)
        trend: TrendSetupTrend | Unset
        if isinstance(_trend, Unset):
            trend = UNSET
        else:
            trend = TrendSetupTrend(_trend)

        trend_setup = cls(
            kind=kind,
            scale=scale,
            trend=trend,
        )

        return trend_setup
