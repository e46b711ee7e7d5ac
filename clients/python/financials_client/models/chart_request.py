from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.chart_request_detector import ChartRequestDetector
from ..models.chart_request_interval import ChartRequestInterval
from ..models.chart_request_leg import ChartRequestLeg
from ..models.chart_request_period_type_0 import ChartRequestPeriodType0
from ..models.chart_request_source_type_0 import ChartRequestSourceType0
from ..models.chart_request_theme import ChartRequestTheme
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChartRequest")


@_attrs_define
class ChartRequest:
    """What to analyse and draw: a symbol (ticker or name) over a period or a date range.

    Attributes:
        symbol (str): A ticker or a name: AAPL, tesla, bitcoin, s&p 500, eur/usd, 0700.HK.
        detector (ChartRequestDetector | Unset):  Default: ChartRequestDetector.ZIGZAG.
        end (datetime.date | None | Unset): Last day, with `start`.
        interpret (bool | Unset): Add the AI reading of the chart. Default: True.
        interval (ChartRequestInterval | Unset):  Default: ChartRequestInterval.VALUE_10.
        leg (ChartRequestLeg | Unset): Fibonacci leg: `major`, the window's largest confirmed move price has not broken;
            `latest`, the most recent confirmed leg. Default: ChartRequestLeg.MAJOR.
        period (ChartRequestPeriodType0 | None | Unset): Look-back from today (default 6mo).
        ratios (list[float] | None | Unset): Retracement ratios between 0 and 1; default 0, .236, .382, .5, .618, .786,
            1.
        source (ChartRequestSourceType0 | None | Unset): Market data source; default: the server's setting.
        start (datetime.date | None | Unset): First day, instead of `period`.
        theme (ChartRequestTheme | Unset):  Default: ChartRequestTheme.LIGHT.
    """

    symbol: str
    detector: ChartRequestDetector | Unset = ChartRequestDetector.ZIGZAG
    end: datetime.date | None | Unset = UNSET
    interpret: bool | Unset = True
    interval: ChartRequestInterval | Unset = ChartRequestInterval.VALUE_10
    leg: ChartRequestLeg | Unset = ChartRequestLeg.MAJOR
    period: ChartRequestPeriodType0 | None | Unset = UNSET
    ratios: list[float] | None | Unset = UNSET
    source: ChartRequestSourceType0 | None | Unset = UNSET
    start: datetime.date | None | Unset = UNSET
    theme: ChartRequestTheme | Unset = ChartRequestTheme.LIGHT

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        detector: str | Unset = UNSET
        if not isinstance(self.detector, Unset):
            detector = self.detector.value

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        elif isinstance(self.end, datetime.date):
            end = self.end.isoformat()
        else:
            end = self.end

        interpret = self.interpret

        interval: str | Unset = UNSET
        if not isinstance(self.interval, Unset):
            interval = self.interval.value

        leg: str | Unset = UNSET
        if not isinstance(self.leg, Unset):
            leg = self.leg.value

        period: None | str | Unset
        if isinstance(self.period, Unset):
            period = UNSET
        elif isinstance(self.period, ChartRequestPeriodType0):
            period = self.period.value
        else:
            period = self.period

        ratios: list[float] | None | Unset
        if isinstance(self.ratios, Unset):
            ratios = UNSET
        elif isinstance(self.ratios, list):
            ratios = self.ratios

        else:
            ratios = self.ratios

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ChartRequestSourceType0):
            source = self.source.value
        else:
            source = self.source

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.date):
            start = self.start.isoformat()
        else:
            start = self.start

        theme: str | Unset = UNSET
        if not isinstance(self.theme, Unset):
            theme = self.theme.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbol": symbol,
            }
        )
        if detector is not UNSET:
            field_dict["detector"] = detector
        if end is not UNSET:
            field_dict["end"] = end
        if interpret is not UNSET:
            field_dict["interpret"] = interpret
        if interval is not UNSET:
            field_dict["interval"] = interval
        if leg is not UNSET:
            field_dict["leg"] = leg
        if period is not UNSET:
            field_dict["period"] = period
        if ratios is not UNSET:
            field_dict["ratios"] = ratios
        if source is not UNSET:
            field_dict["source"] = source
        if start is not UNSET:
            field_dict["start"] = start
        if theme is not UNSET:
            field_dict["theme"] = theme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        _detector = d.pop("detector", UNSET)
        detector: ChartRequestDetector | Unset
        if isinstance(_detector, Unset):
            detector = UNSET
        else:
            detector = ChartRequestDetector(_detector)

        def _parse_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_type_0 = datetime.date.fromisoformat(data)

                return end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))

        interpret = d.pop("interpret", UNSET)

        _interval = d.pop("interval", UNSET)
        interval: ChartRequestInterval | Unset
        if isinstance(_interval, Unset):
            interval = UNSET
        else:
            interval = ChartRequestInterval(_interval)

        _leg = d.pop("leg", UNSET)
        leg: ChartRequestLeg | Unset
        if isinstance(_leg, Unset):
            leg = UNSET
        else:
            leg = ChartRequestLeg(_leg)

        def _parse_period(data: object) -> ChartRequestPeriodType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_type_0 = ChartRequestPeriodType0(data)

                return period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChartRequestPeriodType0 | None | Unset, data)

        period = _parse_period(d.pop("period", UNSET))

        def _parse_ratios(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ratios_type_0 = cast(list[float], data)

                return ratios_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        ratios = _parse_ratios(d.pop("ratios", UNSET))

        def _parse_source(data: object) -> ChartRequestSourceType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = ChartRequestSourceType0(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChartRequestSourceType0 | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.date.fromisoformat(data)

                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        _theme = d.pop("theme", UNSET)
        theme: ChartRequestTheme | Unset
        if isinstance(_theme, Unset):
            theme = UNSET
        else:
            theme = ChartRequestTheme(_theme)

        chart_request = cls(
            symbol=symbol,
            detector=detector,
            end=end,
            interpret=interpret,
            interval=interval,
            leg=leg,
            period=period,
            ratios=ratios,
            source=source,
            start=start,
            theme=theme,
        )

        return chart_request
