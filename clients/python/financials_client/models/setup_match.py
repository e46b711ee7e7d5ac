from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.setup_match_setup import SetupMatchSetup
from ..types import UNSET, Unset

T = TypeVar("T", bound="SetupMatch")


@_attrs_define
class SetupMatch:
    """What one filter found on one symbol.

    Attributes:
        label (str): The level or event in words, e.g. `0.618 retracement`.
        setup (SetupMatchSetup):
        distance (float | None | Unset): Close to the level or band, in price; 0 inside a band.
        high (float | None | Unset): Top of the level or band, if any.
        low (float | None | Unset): Bottom of the level or band, if any.
        ratio (float | None | Unset): The Fibonacci ratio, if one.
    """

    label: str
    setup: SetupMatchSetup
    distance: float | None | Unset = UNSET
    high: float | None | Unset = UNSET
    low: float | None | Unset = UNSET
    ratio: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        setup = self.setup.value

        distance: float | None | Unset
        if isinstance(self.distance, Unset):
            distance = UNSET
        else:
            distance = self.distance

        high: float | None | Unset
        if isinstance(self.high, Unset):
            high = UNSET
        else:
            high = self.high

        low: float | None | Unset
        if isinstance(self.low, Unset):
            low = UNSET
        else:
            low = self.low

        ratio: float | None | Unset
        if isinstance(self.ratio, Unset):
            ratio = UNSET
        else:
            ratio = self.ratio

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "setup": setup,
            }
        )
        if distance is not UNSET:
            field_dict["distance"] = distance
        if high is not UNSET:
            field_dict["high"] = high
        if low is not UNSET:
            field_dict["low"] = low
        if ratio is not UNSET:
            field_dict["ratio"] = ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        setup = SetupMatchSetup(d.pop("setup"))

        def _parse_distance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance = _parse_distance(d.pop("distance", UNSET))

        def _parse_high(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        high = _parse_high(d.pop("high", UNSET))

        def _parse_low(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        low = _parse_low(d.pop("low", UNSET))

        def _parse_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ratio = _parse_ratio(d.pop("ratio", UNSET))

        setup_match = cls(
            label=label,
            setup=setup,
            distance=distance,
            high=high,
            low=low,
            ratio=ratio,
        )

        return setup_match
