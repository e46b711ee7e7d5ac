from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chart_link import ChartLink
    from ..models.grade import Grade


T = TypeVar("T", bound="AnalysisListItem")


@_attrs_define
class AnalysisListItem:
    """
    Attributes:
        chart (ChartLink | None): Link to the chart of a `done` analysis.
        created_at (datetime.datetime):
        error (None | str):
        id (str):
        interval (str):
        period (None | str):
        source (str):
        status (str): `pending`, `done` or `failed`.
        symbol (str):
        tool (str):
        grade (Grade | None | Unset): The reading's call graded on what price did next, once known.
    """

    chart: ChartLink | None
    created_at: datetime.datetime
    error: None | str
    id: str
    interval: str
    period: None | str
    source: str
    status: str
    symbol: str
    tool: str
    grade: Grade | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chart_link import ChartLink  # noqa: PLC0415
        from ..models.grade import Grade  # noqa: PLC0415

        chart: dict[str, Any] | None
        if isinstance(self.chart, ChartLink):
            chart = self.chart.to_dict()
        else:
            chart = self.chart

        created_at = self.created_at.isoformat()

        error: None | str
        error = self.error

        id = self.id

        interval = self.interval

        period: None | str
        period = self.period

        source = self.source

        status = self.status

        symbol = self.symbol

        tool = self.tool

        grade: dict[str, Any] | None | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chart": chart,
                "created_at": created_at,
                "error": error,
                "id": id,
                "interval": interval,
                "period": period,
                "source": source,
                "status": status,
                "symbol": symbol,
                "tool": tool,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chart_link import ChartLink  # noqa: PLC0415
        from ..models.grade import Grade  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_chart(data: object) -> ChartLink | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                chart_type_0 = ChartLink.from_dict(data)

                return chart_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChartLink | None, data)

        chart = _parse_chart(d.pop("chart"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        id = d.pop("id")

        interval = d.pop("interval")

        def _parse_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        period = _parse_period(d.pop("period"))

        source = d.pop("source")

        status = d.pop("status")

        symbol = d.pop("symbol")

        tool = d.pop("tool")

        def _parse_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                grade_type_0 = Grade.from_dict(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        analysis_list_item = cls(
            chart=chart,
            created_at=created_at,
            error=error,
            id=id,
            interval=interval,
            period=period,
            source=source,
            status=status,
            symbol=symbol,
            tool=tool,
            grade=grade,
        )

        analysis_list_item.additional_properties = d
        return analysis_list_item

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
