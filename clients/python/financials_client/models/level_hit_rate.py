from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.level_hit_rate_kind import LevelHitRateKind
from ..models.level_hit_rate_verdict import LevelHitRateVerdict

if TYPE_CHECKING:
    from ..models.rate_counts import RateCounts


T = TypeVar("T", bound="LevelHitRate")


@_attrs_define
class LevelHitRate:
    """One ratio's own counts (inherited) beside its baseline, with the verdict.

    Attributes:
        baseline (RateCounts): Outcomes of one set of levels, with the hit-rate and its 95% Wilson interval.
        broke (int):
        difference (float | None): hit_rate - baseline hit_rate.
        difference_interval (list[float] | None): 95% cluster-bootstrap interval of the difference (legs grouped by
            start).
        held (int):
        hit_rate (float | None): held / (held + broke); null when neither.
        interval (list[float] | None): 95% Wilson score interval of the hit-rate; null when nothing was decided.
        kind (LevelHitRateKind):
        legs (int): Levels still ahead of price when their leg was confirmed.
        ratio (float):
        reached (int):
        verdict (LevelHitRateVerdict):
        verdict_text (str): The verdict in plain words, with the numbers.
    """

    baseline: RateCounts
    broke: int
    difference: float | None
    difference_interval: list[float] | None
    held: int
    hit_rate: float | None
    interval: list[float] | None
    kind: LevelHitRateKind
    legs: int
    ratio: float
    reached: int
    verdict: LevelHitRateVerdict
    verdict_text: str

    def to_dict(self) -> dict[str, Any]:
        baseline = self.baseline.to_dict()

        broke = self.broke

        difference: float | None
        difference = self.difference

        difference_interval: list[float] | None
        if isinstance(self.difference_interval, list):
            difference_interval = []
            for difference_interval_type_0_item_data in self.difference_interval:
                difference_interval_type_0_item: float
                difference_interval_type_0_item = difference_interval_type_0_item_data
                difference_interval.append(difference_interval_type_0_item)

        else:
            difference_interval = self.difference_interval

        held = self.held

        hit_rate: float | None
        hit_rate = self.hit_rate

        interval: list[float] | None
        if isinstance(self.interval, list):
            interval = []
            for interval_type_0_item_data in self.interval:
                interval_type_0_item: float
                interval_type_0_item = interval_type_0_item_data
                interval.append(interval_type_0_item)

        else:
            interval = self.interval

        kind = self.kind.value

        legs = self.legs

        ratio = self.ratio

        reached = self.reached

        verdict = self.verdict.value

        verdict_text = self.verdict_text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "baseline": baseline,
                "broke": broke,
                "difference": difference,
                "difference_interval": difference_interval,
                "held": held,
                "hit_rate": hit_rate,
                "interval": interval,
                "kind": kind,
                "legs": legs,
                "ratio": ratio,
                "reached": reached,
                "verdict": verdict,
                "verdict_text": verdict_text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_counts import RateCounts  # noqa: PLC0415

        d = dict(src_dict)
        baseline = RateCounts.from_dict(d.pop("baseline"))

        broke = d.pop("broke")

        def _parse_difference(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        difference = _parse_difference(d.pop("difference"))

        def _parse_difference_interval(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                difference_interval_type_0 = []
                _difference_interval_type_0 = data
                for difference_interval_type_0_item_data in _difference_interval_type_0:

                    def _parse_difference_interval_type_0_item(data: object) -> float:
                        return cast(float, data)

                    difference_interval_type_0_item = _parse_difference_interval_type_0_item(
                        difference_interval_type_0_item_data
                    )

                    difference_interval_type_0.append(difference_interval_type_0_item)

                return difference_interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        difference_interval = _parse_difference_interval(d.pop("difference_interval"))

        held = d.pop("held")

        def _parse_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hit_rate = _parse_hit_rate(d.pop("hit_rate"))

        def _parse_interval(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interval_type_0 = []
                _interval_type_0 = data
                for interval_type_0_item_data in _interval_type_0:

                    def _parse_interval_type_0_item(data: object) -> float:
                        return cast(float, data)

                    interval_type_0_item = _parse_interval_type_0_item(interval_type_0_item_data)

                    interval_type_0.append(interval_type_0_item)

                return interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        interval = _parse_interval(d.pop("interval"))

        kind = LevelHitRateKind(d.pop("kind"))

        legs = d.pop("legs")

        ratio = d.pop("ratio")

        reached = d.pop("reached")

        verdict = LevelHitRateVerdict(d.pop("verdict"))

        verdict_text = d.pop("verdict_text")

        level_hit_rate = cls(
            baseline=baseline,
            broke=broke,
            difference=difference,
            difference_interval=difference_interval,
            held=held,
            hit_rate=hit_rate,
            interval=interval,
            kind=kind,
            legs=legs,
            ratio=ratio,
            reached=reached,
            verdict=verdict,
            verdict_text=verdict_text,
        )

        return level_hit_rate
