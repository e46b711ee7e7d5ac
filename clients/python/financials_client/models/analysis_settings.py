from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.analysis_settings_break_source import AnalysisSettingsBreakSource
from ..models.analysis_settings_detector import AnalysisSettingsDetector
from ..models.analysis_settings_leg import AnalysisSettingsLeg
from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalysisSettings")


@_attrs_define
class AnalysisSettings:
    """Everything `analyze` can be told; defaults follow TradingView's and LuxAlgo's.

    Attributes:
        anchor_prices (list[float] | None | Unset):
        anchor_times (list[datetime.datetime] | None | Unset):
        atr_length (int | Unset):  Default: 14.
        baseline_draws (int | Unset): Random levels per leg and ratio in the baseline. Default: 4.
        baseline_seed (int | Unset): Seed of the baseline's draws. Default: 0.
        break_source (AnalysisSettingsBreakSource | Unset):  Default: AnalysisSettingsBreakSource.CLOSE.
        detector (AnalysisSettingsDetector | Unset):  Default: AnalysisSettingsDetector.ZIGZAG.
        equal_tolerance_atr (float | Unset):  Default: 0.1.
        extension_ratios (list[float] | Unset):
        fvg_min_size_atr (float | Unset):  Default: 0.1.
        hit_rate_max_legs (int | None | Unset): Measure the most recent N legs; null measures all. Default: 2000.
        hit_rate_min_decided (int | Unset): Decided levels needed to quote a hit-rate. Default: 30.
        hold_reversal_atr (float | Unset):  Default: 1.0.
        internal_length (int | Unset):  Default: 5.
        leg (AnalysisSettingsLeg | Unset): `major`: the window's largest valid confirmed move; `latest`: the most recent
            confirmed leg; `anchors`: the caller's anchor_times or anchor_prices. Default: AnalysisSettingsLeg.MAJOR.
        max_items (int | None | Unset): Keep the most recent N of each list; null keeps all. Default: 200.
        max_zones (int | Unset):  Default: 8.
        order_block_displacement_atr (float | Unset): An order block needs its break to close this many ATR beyond the
            block; 0 keeps a block at every break. Default: 1.5.
        pivot_length (int | Unset):  Default: 10.
        retracement_ratios (list[float] | Unset):
        swing_length (int | Unset):  Default: 50.
        zigzag_depth (int | Unset):  Default: 10.
        zigzag_deviation (float | Unset): x ATR(10)/close, % Default: 3.0.
        zone_half_life_bars (int | Unset):  Default: 250.
        zone_lookback_bars (int | Unset):  Default: 1000.
        zone_tolerance_atr (float | Unset):  Default: 0.5.
    """

    anchor_prices: list[float] | None | Unset = UNSET
    anchor_times: list[datetime.datetime] | None | Unset = UNSET
    atr_length: int | Unset = 14
    baseline_draws: int | Unset = 4
    baseline_seed: int | Unset = 0
    break_source: AnalysisSettingsBreakSource | Unset = AnalysisSettingsBreakSource.CLOSE
    detector: AnalysisSettingsDetector | Unset = AnalysisSettingsDetector.ZIGZAG
    equal_tolerance_atr: float | Unset = 0.1
    extension_ratios: list[float] | Unset = UNSET
    fvg_min_size_atr: float | Unset = 0.1
    hit_rate_max_legs: int | None | Unset = 2000
    hit_rate_min_decided: int | Unset = 30
    hold_reversal_atr: float | Unset = 1.0
    internal_length: int | Unset = 5
    leg: AnalysisSettingsLeg | Unset = AnalysisSettingsLeg.MAJOR
    max_items: int | None | Unset = 200
    max_zones: int | Unset = 8
    order_block_displacement_atr: float | Unset = 1.5
    pivot_length: int | Unset = 10
    retracement_ratios: list[float] | Unset = UNSET
    swing_length: int | Unset = 50
    zigzag_depth: int | Unset = 10
    zigzag_deviation: float | Unset = 3.0
    zone_half_life_bars: int | Unset = 250
    zone_lookback_bars: int | Unset = 1000
    zone_tolerance_atr: float | Unset = 0.5

    def to_dict(self) -> dict[str, Any]:
        anchor_prices: list[float] | None | Unset
        if isinstance(self.anchor_prices, Unset):
            anchor_prices = UNSET
        elif isinstance(self.anchor_prices, list):
            anchor_prices = []
            for anchor_prices_type_0_item_data in self.anchor_prices:
                anchor_prices_type_0_item: float
                anchor_prices_type_0_item = anchor_prices_type_0_item_data
                anchor_prices.append(anchor_prices_type_0_item)

        else:
            anchor_prices = self.anchor_prices

        anchor_times: list[str] | None | Unset
        if isinstance(self.anchor_times, Unset):
            anchor_times = UNSET
        elif isinstance(self.anchor_times, list):
            anchor_times = []
            for anchor_times_type_0_item_data in self.anchor_times:
                anchor_times_type_0_item: str
                if isinstance(anchor_times_type_0_item_data, datetime.datetime):
                    anchor_times_type_0_item = anchor_times_type_0_item_data.isoformat()

                anchor_times.append(anchor_times_type_0_item)

        else:
            anchor_times = self.anchor_times

        atr_length = self.atr_length

        baseline_draws = self.baseline_draws

        baseline_seed = self.baseline_seed

        break_source: str | Unset = UNSET
        if not isinstance(self.break_source, Unset):
            break_source = self.break_source.value

        detector: str | Unset = UNSET
        if not isinstance(self.detector, Unset):
            detector = self.detector.value

        equal_tolerance_atr = self.equal_tolerance_atr

        extension_ratios: list[float] | Unset = UNSET
        if not isinstance(self.extension_ratios, Unset):
            extension_ratios = self.extension_ratios

        fvg_min_size_atr = self.fvg_min_size_atr

        hit_rate_max_legs: int | None | Unset
        if isinstance(self.hit_rate_max_legs, Unset):
            hit_rate_max_legs = UNSET
        else:
            hit_rate_max_legs = self.hit_rate_max_legs

        hit_rate_min_decided = self.hit_rate_min_decided

        hold_reversal_atr = self.hold_reversal_atr

        internal_length = self.internal_length

        leg: str | Unset = UNSET
        if not isinstance(self.leg, Unset):
            leg = self.leg.value

        max_items: int | None | Unset
        if isinstance(self.max_items, Unset):
            max_items = UNSET
        else:
            max_items = self.max_items

        max_zones = self.max_zones

        order_block_displacement_atr = self.order_block_displacement_atr

        pivot_length = self.pivot_length

        retracement_ratios: list[float] | Unset = UNSET
        if not isinstance(self.retracement_ratios, Unset):
            retracement_ratios = self.retracement_ratios

        swing_length = self.swing_length

        zigzag_depth = self.zigzag_depth

        zigzag_deviation = self.zigzag_deviation

        zone_half_life_bars = self.zone_half_life_bars

        zone_lookback_bars = self.zone_lookback_bars

        zone_tolerance_atr = self.zone_tolerance_atr

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if anchor_prices is not UNSET:
            field_dict["anchor_prices"] = anchor_prices
        if anchor_times is not UNSET:
            field_dict["anchor_times"] = anchor_times
        if atr_length is not UNSET:
            field_dict["atr_length"] = atr_length
        if baseline_draws is not UNSET:
            field_dict["baseline_draws"] = baseline_draws
        if baseline_seed is not UNSET:
            field_dict["baseline_seed"] = baseline_seed
        if break_source is not UNSET:
            field_dict["break_source"] = break_source
        if detector is not UNSET:
            field_dict["detector"] = detector
        if equal_tolerance_atr is not UNSET:
            field_dict["equal_tolerance_atr"] = equal_tolerance_atr
        if extension_ratios is not UNSET:
            field_dict["extension_ratios"] = extension_ratios
        if fvg_min_size_atr is not UNSET:
            field_dict["fvg_min_size_atr"] = fvg_min_size_atr
        if hit_rate_max_legs is not UNSET:
            field_dict["hit_rate_max_legs"] = hit_rate_max_legs
        if hit_rate_min_decided is not UNSET:
            field_dict["hit_rate_min_decided"] = hit_rate_min_decided
        if hold_reversal_atr is not UNSET:
            field_dict["hold_reversal_atr"] = hold_reversal_atr
        if internal_length is not UNSET:
            field_dict["internal_length"] = internal_length
        if leg is not UNSET:
            field_dict["leg"] = leg
        if max_items is not UNSET:
            field_dict["max_items"] = max_items
        if max_zones is not UNSET:
            field_dict["max_zones"] = max_zones
        if order_block_displacement_atr is not UNSET:
            field_dict["order_block_displacement_atr"] = order_block_displacement_atr
        if pivot_length is not UNSET:
            field_dict["pivot_length"] = pivot_length
        if retracement_ratios is not UNSET:
            field_dict["retracement_ratios"] = retracement_ratios
        if swing_length is not UNSET:
            field_dict["swing_length"] = swing_length
        if zigzag_depth is not UNSET:
            field_dict["zigzag_depth"] = zigzag_depth
        if zigzag_deviation is not UNSET:
            field_dict["zigzag_deviation"] = zigzag_deviation
        if zone_half_life_bars is not UNSET:
            field_dict["zone_half_life_bars"] = zone_half_life_bars
        if zone_lookback_bars is not UNSET:
            field_dict["zone_lookback_bars"] = zone_lookback_bars
        if zone_tolerance_atr is not UNSET:
            field_dict["zone_tolerance_atr"] = zone_tolerance_atr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_anchor_prices(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                anchor_prices_type_0 = []
                _anchor_prices_type_0 = data
                for anchor_prices_type_0_item_data in _anchor_prices_type_0:

                    def _parse_anchor_prices_type_0_item(data: object) -> float:
                        return cast(float, data)

                    anchor_prices_type_0_item = _parse_anchor_prices_type_0_item(anchor_prices_type_0_item_data)

                    anchor_prices_type_0.append(anchor_prices_type_0_item)

                return anchor_prices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        anchor_prices = _parse_anchor_prices(d.pop("anchor_prices", UNSET))

        def _parse_anchor_times(data: object) -> list[datetime.datetime] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                anchor_times_type_0 = []
                _anchor_times_type_0 = data
                for anchor_times_type_0_item_data in _anchor_times_type_0:

                    def _parse_anchor_times_type_0_item(data: object) -> datetime.datetime:
                        if not isinstance(data, str):
                            raise TypeError()
                        anchor_times_type_0_item_type_0 = datetime.datetime.fromisoformat(data)

                        return anchor_times_type_0_item_type_0

                    anchor_times_type_0_item = _parse_anchor_times_type_0_item(anchor_times_type_0_item_data)

                    anchor_times_type_0.append(anchor_times_type_0_item)

                return anchor_times_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[datetime.datetime] | None | Unset, data)

        anchor_times = _parse_anchor_times(d.pop("anchor_times", UNSET))

        atr_length = d.pop("atr_length", UNSET)

        baseline_draws = d.pop("baseline_draws", UNSET)

        baseline_seed = d.pop("baseline_seed", UNSET)

        _break_source = d.pop("break_source", UNSET)
        break_source: AnalysisSettingsBreakSource | Unset
        if isinstance(_break_source, Unset):
            break_source = UNSET
        else:
            break_source = AnalysisSettingsBreakSource(_break_source)

        _detector = d.pop("detector", UNSET)
        detector: AnalysisSettingsDetector | Unset
        if isinstance(_detector, Unset):
            detector = UNSET
        else:
            detector = AnalysisSettingsDetector(_detector)

        equal_tolerance_atr = d.pop("equal_tolerance_atr", UNSET)

        extension_ratios = cast(list[float], d.pop("extension_ratios", UNSET))

        fvg_min_size_atr = d.pop("fvg_min_size_atr", UNSET)

        def _parse_hit_rate_max_legs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hit_rate_max_legs = _parse_hit_rate_max_legs(d.pop("hit_rate_max_legs", UNSET))

        hit_rate_min_decided = d.pop("hit_rate_min_decided", UNSET)

        hold_reversal_atr = d.pop("hold_reversal_atr", UNSET)

        internal_length = d.pop("internal_length", UNSET)

        _leg = d.pop("leg", UNSET)
        leg: AnalysisSettingsLeg | Unset
        if isinstance(_leg, Unset):
            leg = UNSET
        else:
            leg = AnalysisSettingsLeg(_leg)

        def _parse_max_items(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_items = _parse_max_items(d.pop("max_items", UNSET))

        max_zones = d.pop("max_zones", UNSET)

        order_block_displacement_atr = d.pop("order_block_displacement_atr", UNSET)

        pivot_length = d.pop("pivot_length", UNSET)

        retracement_ratios = cast(list[float], d.pop("retracement_ratios", UNSET))

        swing_length = d.pop("swing_length", UNSET)

        zigzag_depth = d.pop("zigzag_depth", UNSET)

        zigzag_deviation = d.pop("zigzag_deviation", UNSET)

        zone_half_life_bars = d.pop("zone_half_life_bars", UNSET)

        zone_lookback_bars = d.pop("zone_lookback_bars", UNSET)

        zone_tolerance_atr = d.pop("zone_tolerance_atr", UNSET)

        analysis_settings = cls(
            anchor_prices=anchor_prices,
            anchor_times=anchor_times,
            atr_length=atr_length,
            baseline_draws=baseline_draws,
            baseline_seed=baseline_seed,
            break_source=break_source,
            detector=detector,
            equal_tolerance_atr=equal_tolerance_atr,
            extension_ratios=extension_ratios,
            fvg_min_size_atr=fvg_min_size_atr,
            hit_rate_max_legs=hit_rate_max_legs,
            hit_rate_min_decided=hit_rate_min_decided,
            hold_reversal_atr=hold_reversal_atr,
            internal_length=internal_length,
            leg=leg,
            max_items=max_items,
            max_zones=max_zones,
            order_block_displacement_atr=order_block_displacement_atr,
            pivot_length=pivot_length,
            retracement_ratios=retracement_ratios,
            swing_length=swing_length,
            zigzag_depth=zigzag_depth,
            zigzag_deviation=zigzag_deviation,
            zone_half_life_bars=zone_half_life_bars,
            zone_lookback_bars=zone_lookback_bars,
            zone_tolerance_atr=zone_tolerance_atr,
        )

        return analysis_settings
