from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.analysis import Analysis


T = TypeVar("T", bound="AnalysisResult")


@_attrs_define
class AnalysisResult:
    """The fast path: the analysis without chart, record or AI.

    Attributes:
        analysis (Analysis): The full result of `analyze`: every number the chart and the AI text may use.
        interval (str):
        name (None | str):
        notice (None | str): e.g. the offline notice when sample data answered.
        source (str):
        symbol (str):
    """

    analysis: Analysis
    interval: str
    name: None | str
    notice: None | str
    source: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        analysis = self.analysis.to_dict()

        interval = self.interval

        name: None | str
        name = self.name

        notice: None | str
        notice = self.notice

        source = self.source

        symbol = self.symbol

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "analysis": analysis,
                "interval": interval,
                "name": name,
                "notice": notice,
                "source": source,
                "symbol": symbol,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analysis import Analysis  # noqa: PLC0415

        d = dict(src_dict)
        analysis = Analysis.from_dict(d.pop("analysis"))

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

        symbol = d.pop("symbol")

        analysis_result = cls(
            analysis=analysis,
            interval=interval,
            name=name,
            notice=notice,
            source=source,
            symbol=symbol,
        )

        analysis_result.additional_properties = d
        return analysis_result

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
