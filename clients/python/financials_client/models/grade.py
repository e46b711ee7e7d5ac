from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grade_levels import GradeLevels
from ..models.grade_outcome import GradeOutcome
from ..models.grade_realised import GradeRealised

T = TypeVar("T", bound="Grade")


@_attrs_define
class Grade:
    """How the call fared over its horizon; see the module for each rule.

    Attributes:
        end_close (float):
        end_time (datetime.datetime): The horizon's bar, the last one graded.
        levels (GradeLevels):
        max_adverse_atr (float):
        max_favourable_atr (float | None): null for a neutral call.
        move_atr (float): (close at the horizon - reference close) / ATR.
        outcome (GradeOutcome):
        realised (GradeRealised):
        target (float | None):
        threshold_atr (float):
    """

    end_close: float
    end_time: datetime.datetime
    levels: GradeLevels
    max_adverse_atr: float
    max_favourable_atr: float | None
    move_atr: float
    outcome: GradeOutcome
    realised: GradeRealised
    target: float | None
    threshold_atr: float

    def to_dict(self) -> dict[str, Any]:
        end_close = self.end_close

        end_time = self.end_time.isoformat()

        levels = self.levels.value

        max_adverse_atr = self.max_adverse_atr

        max_favourable_atr: float | None
        max_favourable_atr = self.max_favourable_atr

        move_atr = self.move_atr

        outcome = self.outcome.value

        realised = self.realised.value

        target: float | None
        target = self.target

        threshold_atr = self.threshold_atr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end_close": end_close,
                "end_time": end_time,
                "levels": levels,
                "max_adverse_atr": max_adverse_atr,
                "max_favourable_atr": max_favourable_atr,
                "move_atr": move_atr,
                "outcome": outcome,
                "realised": realised,
                "target": target,
                "threshold_atr": threshold_atr,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end_close = d.pop("end_close")

        end_time = datetime.datetime.fromisoformat(d.pop("end_time"))

        levels = GradeLevels(d.pop("levels"))

        max_adverse_atr = d.pop("max_adverse_atr")

        def _parse_max_favourable_atr(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_favourable_atr = _parse_max_favourable_atr(d.pop("max_favourable_atr"))

        move_atr = d.pop("move_atr")

        outcome = GradeOutcome(d.pop("outcome"))

        realised = GradeRealised(d.pop("realised"))

        def _parse_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target = _parse_target(d.pop("target"))

        threshold_atr = d.pop("threshold_atr")

        grade = cls(
            end_close=end_close,
            end_time=end_time,
            levels=levels,
            max_adverse_atr=max_adverse_atr,
            max_favourable_atr=max_favourable_atr,
            move_atr=move_atr,
            outcome=outcome,
            realised=realised,
            target=target,
            threshold_atr=threshold_atr,
        )

        return grade
