from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TimingsMs")


@_attrs_define
class TimingsMs:
    """
    Attributes:
        ai (float | None | Unset):
        analysis (float | None | Unset):
        chart (float | None | Unset):
        data (float | None | Unset):
        total (float | None | Unset):
    """

    ai: float | None | Unset = UNSET
    analysis: float | None | Unset = UNSET
    chart: float | None | Unset = UNSET
    data: float | None | Unset = UNSET
    total: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ai: float | None | Unset
        if isinstance(self.ai, Unset):
            ai = UNSET
        else:
            ai = self.ai

        analysis: float | None | Unset
        if isinstance(self.analysis, Unset):
            analysis = UNSET
        else:
            analysis = self.analysis

        chart: float | None | Unset
        if isinstance(self.chart, Unset):
            chart = UNSET
        else:
            chart = self.chart

        data: float | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        else:
            data = self.data

        total: float | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ai is not UNSET:
            field_dict["ai"] = ai
        if analysis is not UNSET:
            field_dict["analysis"] = analysis
        if chart is not UNSET:
            field_dict["chart"] = chart
        if data is not UNSET:
            field_dict["data"] = data
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ai(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ai = _parse_ai(d.pop("ai", UNSET))

        def _parse_analysis(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        analysis = _parse_analysis(d.pop("analysis", UNSET))

        def _parse_chart(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        chart = _parse_chart(d.pop("chart", UNSET))

        def _parse_data(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_total(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        timings_ms = cls(
            ai=ai,
            analysis=analysis,
            chart=chart,
            data=data,
            total=total,
        )

        timings_ms.additional_properties = d
        return timings_ms

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
