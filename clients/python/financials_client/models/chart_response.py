from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ai_summary import AiSummary
    from ..models.analysis import Analysis
    from ..models.chart_link import ChartLink
    from ..models.timings_ms import TimingsMs


T = TypeVar("T", bound="ChartResponse")


@_attrs_define
class ChartResponse:
    """
    Attributes:
        analysis (Analysis): The full result of `analyze`: every number the chart and the AI text may use.
        chart (ChartLink):
        id (str): The analysis id, for GET /api/analyses/{id}.
        interval (str):
        name (None | str):
        notice (None | str): e.g. the offline notice when sample data answered.
        source (str):
        summary (AiSummary | None): Null when `interpret` was false.
        symbol (str):
        timings_ms (TimingsMs):
    """

    analysis: Analysis
    chart: ChartLink
    id: str
    interval: str
    name: None | str
    notice: None | str
    source: str
    summary: AiSummary | None
    symbol: str
    timings_ms: TimingsMs
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ai_summary import AiSummary  # noqa: PLC0415

        analysis = self.analysis.to_dict()

        chart = self.chart.to_dict()

        id = self.id

        interval = self.interval

        name: None | str
        name = self.name

        notice: None | str
        notice = self.notice

        source = self.source

        summary: dict[str, Any] | None
        if isinstance(self.summary, AiSummary):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        symbol = self.symbol

        timings_ms = self.timings_ms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "analysis": analysis,
                "chart": chart,
                "id": id,
                "interval": interval,
                "name": name,
                "notice": notice,
                "source": source,
                "summary": summary,
                "symbol": symbol,
                "timings_ms": timings_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ai_summary import AiSummary  # noqa: PLC0415
        from ..models.analysis import Analysis  # noqa: PLC0415
        from ..models.chart_link import ChartLink  # noqa: PLC0415
        from ..models.timings_ms import TimingsMs  # noqa: PLC0415

        d = dict(src_dict)
        analysis = Analysis.from_dict(d.pop("analysis"))

        chart = ChartLink.from_dict(d.pop("chart"))

        id = d.pop("id")

        interval = d.pop("interval")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_notice(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notice = _parse_notice(d.pop("notice"))

        source = d.pop("source")

        def _parse_summary(data: object) -> AiSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = AiSummary.from_dict(data)

                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AiSummary | None, data)

        summary = _parse_summary(d.pop("summary"))

        symbol = d.pop("symbol")

        timings_ms = TimingsMs.from_dict(d.pop("timings_ms"))

        chart_response = cls(
            analysis=analysis,
            chart=chart,
            id=id,
            interval=interval,
            name=name,
            notice=notice,
            source=source,
            summary=summary,
            symbol=symbol,
            timings_ms=timings_ms,
        )

        chart_response.additional_properties = d
        return chart_response

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
