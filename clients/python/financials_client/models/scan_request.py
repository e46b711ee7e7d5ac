from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.scan_request_interval import ScanRequestInterval
from ..models.scan_request_period import ScanRequestPeriod
from ..models.scan_request_source_type_0 import ScanRequestSourceType0
from ..models.scan_request_universe import ScanRequestUniverse
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.confluence_setup import ConfluenceSetup
    from ..models.fibonacci_setup import FibonacciSetup
    from ..models.golden_pocket_setup import GoldenPocketSetup
    from ..models.imbalance_setup import ImbalanceSetup
    from ..models.structure_setup import StructureSetup
    from ..models.trend_setup import TrendSetup
    from ..models.zone_setup import ZoneSetup


T = TypeVar("T", bound="ScanRequest")


@_attrs_define
class ScanRequest:
    """A universe (or explicit symbols) and the setups every kept symbol must match.

    Attributes:
        interval (ScanRequestInterval | Unset):  Default: ScanRequestInterval.VALUE_10.
        period (ScanRequestPeriod | Unset):  Default: ScanRequestPeriod.VALUE_7.
        setups (list[ConfluenceSetup | FibonacciSetup | GoldenPocketSetup | ImbalanceSetup | StructureSetup | TrendSetup
            | ZoneSetup] | Unset): All must match; an empty list keeps every symbol (statistics only).
        source (None | ScanRequestSourceType0 | Unset): Market data source; unset: the configured one.
        symbols (list[str] | None | Unset): Scan these symbols instead of a universe.
        universe (ScanRequestUniverse | Unset): A shipped universe, or `watchlist` (your saved list). Default:
            ScanRequestUniverse.BUNDLED.
    """

    interval: ScanRequestInterval | Unset = ScanRequestInterval.VALUE_10
    period: ScanRequestPeriod | Unset = ScanRequestPeriod.VALUE_7
    setups: (
        list[
            ConfluenceSetup
            | FibonacciSetup
            | GoldenPocketSetup
            | ImbalanceSetup
            | StructureSetup
            | TrendSetup
            | ZoneSetup
        ]
        | Unset
    ) = UNSET
    source: None | ScanRequestSourceType0 | Unset = UNSET
    symbols: list[str] | None | Unset = UNSET
    universe: ScanRequestUniverse | Unset = ScanRequestUniverse.BUNDLED

    def to_dict(self) -> dict[str, Any]:
        from ..models.confluence_setup import ConfluenceSetup  # noqa: PLC0415
        from ..models.fibonacci_setup import FibonacciSetup  # noqa: PLC0415
        from ..models.golden_pocket_setup import GoldenPocketSetup  # noqa: PLC0415
        from ..models.imbalance_setup import ImbalanceSetup  # noqa: PLC0415
        from ..models.structure_setup import StructureSetup  # noqa: PLC0415
        from ..models.zone_setup import ZoneSetup  # noqa: PLC0415

        interval: str | Unset = UNSET
        if not isinstance(self.interval, Unset):
            interval = self.interval.value

        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value

        setups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.setups, Unset):
            setups = []
            for setups_item_data in self.setups:
                setups_item: dict[str, Any]
                if isinstance(setups_item_data, GoldenPocketSetup):
                    setups_item = setups_item_data.to_dict()
                elif isinstance(setups_item_data, FibonacciSetup):
                    setups_item = setups_item_data.to_dict()
                elif isinstance(setups_item_data, ZoneSetup):
                    setups_item = setups_item_data.to_dict()
                elif isinstance(setups_item_data, StructureSetup):
                    setups_item = setups_item_data.to_dict()
                elif isinstance(setups_item_data, ImbalanceSetup):
                    setups_item = setups_item_data.to_dict()
                elif isinstance(setups_item_data, ConfluenceSetup):
                    setups_item = setups_item_data.to_dict()
                else:
                    setups_item = setups_item_data.to_dict()

                setups.append(setups_item)

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ScanRequestSourceType0):
            source = self.source.value
        else:
            source = self.source

        symbols: list[str] | None | Unset
        if isinstance(self.symbols, Unset):
            symbols = UNSET
        elif isinstance(self.symbols, list):
            symbols = self.symbols

        else:
            symbols = self.symbols

        universe: str | Unset = UNSET
        if not isinstance(self.universe, Unset):
            universe = self.universe.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if interval is not UNSET:
            field_dict["interval"] = interval
        if period is not UNSET:
            field_dict["period"] = period
        if setups is not UNSET:
            field_dict["setups"] = setups
        if source is not UNSET:
            field_dict["source"] = source
        if symbols is not UNSET:
            field_dict["symbols"] = symbols
        if universe is not UNSET:
            field_dict["universe"] = universe

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.confluence_setup import ConfluenceSetup  # noqa: PLC0415
        from ..models.fibonacci_setup import FibonacciSetup  # noqa: PLC0415
        from ..models.golden_pocket_setup import GoldenPocketSetup  # noqa: PLC0415
        from ..models.imbalance_setup import ImbalanceSetup  # noqa: PLC0415
        from ..models.structure_setup import StructureSetup  # noqa: PLC0415
        from ..models.trend_setup import TrendSetup  # noqa: PLC0415
        from ..models.zone_setup import ZoneSetup  # noqa: PLC0415

        d = dict(src_dict)
        _interval = d.pop("interval", UNSET)
        interval: ScanRequestInterval | Unset
        if isinstance(_interval, Unset):
            interval = UNSET
        else:
            interval = ScanRequestInterval(_interval)

        _period = d.pop("period", UNSET)
        period: ScanRequestPeriod | Unset
        if isinstance(_period, Unset):
            period = UNSET
        else:
            period = ScanRequestPeriod(_period)

        _setups = d.pop("setups", UNSET)
        setups: (
            list[
                ConfluenceSetup
                | FibonacciSetup
                | GoldenPocketSetup
                | ImbalanceSetup
                | StructureSetup
                | TrendSetup
                | ZoneSetup
            ]
            | Unset
        ) = UNSET
        if _setups is not UNSET:
            setups = []
            for setups_item_data in _setups:

                def _parse_setups_item(
                    data: object,
                ) -> (
                    ConfluenceSetup
                    | FibonacciSetup
                    | GoldenPocketSetup
                    | ImbalanceSetup
                    | StructureSetup
                    | TrendSetup
                    | ZoneSetup
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        setups_item_type_0 = GoldenPocketSetup.from_dict(data)

                        return setups_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        setups_item_type_1 = FibonacciSetup.from_dict(data)

                        return setups_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        setups_item_type_2 = ZoneSetup.from_dict(data)

                        return setups_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        setups_item_type_3 = StructureSetup.from_dict(data)

                        return setups_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        setups_item_type_4 = ImbalanceSetup.from_dict(data)

                        return setups_item_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        setups_item_type_5 = ConfluenceSetup.from_dict(data)

                        return setups_item_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    setups_item_type_6 = TrendSetup.from_dict(data)

                    return setups_item_type_6

                setups_item = _parse_setups_item(setups_item_data)

                setups.append(setups_item)

        def _parse_source(data: object) -> None | ScanRequestSourceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = ScanRequestSourceType0(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScanRequestSourceType0 | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_symbols(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                symbols_type_0 = cast(list[str], data)

                return symbols_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        symbols = _parse_symbols(d.pop("symbols", UNSET))

        _universe = d.pop("universe", UNSET)
        universe: ScanRequestUniverse | Unset
        if isinstance(_universe, Unset):
            universe = UNSET
        else:
            universe = ScanRequestUniverse(_universe)

        scan_request = cls(
            interval=interval,
            period=period,
            setups=setups,
            source=source,
            symbols=symbols,
            universe=universe,
        )

        return scan_request
