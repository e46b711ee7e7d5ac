from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SeriesInfo")


@_attrs_define
class SeriesInfo:
    """
    Attributes:
        atr (float): ATR at the last bar, the yardstick for every tolerance.
        bars (int):
        first_time (datetime.datetime):
        last_close (float):
        last_time (datetime.datetime):
    """

    atr: float
    bars: int
    first_time: datetime.datetime
    last_close: float
    last_time: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        atr = self.atr

        bars = self.bars

        first_time = self.first_time.isoformat()

        last_close = self.last_close

        last_time = self.last_time.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "atr": atr,
                "bars": bars,
                "first_time": first_time,
                "last_close": last_close,
                "last_time": last_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        atr = d.pop("atr")

        bars = d.pop("bars")

        first_time = datetime.datetime.fromisoformat(d.pop("first_time"))

        last_close = d.pop("last_close")

        last_time = datetime.datetime.fromisoformat(d.pop("last_time"))

        series_info = cls(
            atr=atr,
            bars=bars,
            first_time=first_time,
            last_close=last_close,
            last_time=last_time,
        )

        return series_info
