from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.scan_row_trend import ScanRowTrend
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_statistic import LevelStatistic
    from ..models.setup_match import SetupMatch


T = TypeVar("T", bound="ScanRow")


@_attrs_define
class ScanRow:
    """A symbol that matched every setup of a scan.

    Attributes:
        atr (float):
        distance_atr (float | None): |close - level| / ATR at the last bar.
        distance_pct (float | None): |close - level| / close, in %.
        last_close (float):
        last_time (datetime.datetime):
        level (str): What the distance is measured to.
        level_stats (LevelStatistic | None): This symbol's own hit-rate verdict for the matched ratio, if any.
        matches (list[SetupMatch]):
        setup (str): The setups matched, joined by ` + `.
        symbol (str):
        trend (ScanRowTrend): Swing-scale trend from the latest swing labels.
        universe_stats (LevelStatistic | None | Unset): The same ratio's verdict pooled over every series the scan
            measured.
    """

    atr: float
    distance_atr: float | None
    distance_pct: float | None
    last_close: float
    last_time: datetime.datetime
    level: str
    level_stats: LevelStatistic | None
    matches: list[SetupMatch]
    setup: str
    symbol: str
    trend: ScanRowTrend
    universe_stats: LevelStatistic | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_statistic import LevelStatistic  # noqa: PLC0415

        atr = self.atr

        distance_atr: float | None
        distance_atr = self.distance_atr

        distance_pct: float | None
        distance_pct = self.distance_pct

        last_close = self.last_close

        last_time = self.last_time.isoformat()

        level = self.level

        level_stats: dict[str, Any] | None
        if isinstance(self.level_stats, LevelStatistic):
            level_stats = self.level_stats.to_dict()
        else:
            level_stats = self.level_stats

        matches = []
        for matches_item_data in self.matches:
            matches_item = matches_item_data.to_dict()
            matches.append(matches_item)

        setup = self.setup

        symbol = self.symbol

        trend = self.trend.value

        universe_stats: dict[str, Any] | None | Unset
        if isinstance(self.universe_stats, Unset):
            universe_stats = UNSET
        elif isinstance(self.universe_stats, LevelStatistic):
            universe_stats = self.universe_stats.to_dict()
        else:
            universe_stats = self.universe_stats

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "atr": atr,
                "distance_atr": distance_atr,
                "distance_pct": distance_pct,
                "last_close": last_close,
                "last_time": last_time,
                "level": level,
                "level_stats": level_stats,
                "matches": matches,
                "setup": setup,
                "symbol": symbol,
                "trend": trend,
            }
        )
        if universe_stats is not UNSET:
            field_dict["universe_stats"] = universe_stats

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_statistic import LevelStatistic  # noqa: PLC0415
        from ..models.setup_match import SetupMatch  # noqa: PLC0415

        d = dict(src_dict)
        atr = d.pop("atr")

        def _parse_distance_atr(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_atr = _parse_distance_atr(d.pop("distance_atr"))

        def _parse_distance_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_pct = _parse_distance_pct(d.pop("distance_pct"))

        last_close = d.pop("last_close")

        last_time = datetime.datetime.fromisoformat(d.pop("last_time"))

        level = d.pop("level")

        def _parse_level_stats(data: object) -> LevelStatistic | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                level_stats_type_0 = LevelStatistic.from_dict(data)

                return level_stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelStatistic | None, data)

        level_stats = _parse_level_stats(d.pop("level_stats"))

        matches = []
        _matches = d.pop("matches")
        for matches_item_data in _matches:
            matches_item = SetupMatch.from_dict(matches_item_data)

            matches.append(matches_item)

        setup = d.pop("setup")

        symbol = d.pop("symbol")

        trend = ScanRowTrend(d.pop("trend"))

        def _parse_universe_stats(data: object) -> LevelStatistic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                universe_stats_type_0 = LevelStatistic.from_dict(data)

                return universe_stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelStatistic | None | Unset, data)

        universe_stats = _parse_universe_stats(d.pop("universe_stats", UNSET))

        scan_row = cls(
            atr=atr,
            distance_atr=distance_atr,
            distance_pct=distance_pct,
            last_close=last_close,
            last_time=last_time,
            level=level,
            level_stats=level_stats,
            matches=matches,
            setup=setup,
            symbol=symbol,
            trend=trend,
            universe_stats=universe_stats,
        )

        return scan_row
