from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.level_statistic_verdict import LevelStatisticVerdict

T = TypeVar("T", bound="LevelStatistic")


@_attrs_define
class LevelStatistic:
    """A Fibonacci ratio's hit-rate verdict on one symbol or pooled over a universe.

    Attributes:
        ratio (float):
        summary (str): Verdict, rate vs random baseline and sample, in a cell.
        text (str): The verdict in plain words with the numbers.
        verdict (LevelStatisticVerdict):
    """

    ratio: float
    summary: str
    text: str
    verdict: LevelStatisticVerdict

    def to_dict(self) -> dict[str, Any]:
        ratio = self.ratio

        summary = self.summary

        text = self.text

        verdict = self.verdict.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ratio": ratio,
                "summary": summary,
                "text": text,
                "verdict": verdict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ratio = d.pop("ratio")

        summary = d.pop("summary")

        text = d.pop("text")

        verdict = LevelStatisticVerdict(d.pop("verdict"))

        level_statistic = cls(
            ratio=ratio,
            summary=summary,
            text=text,
            verdict=verdict,
        )

        return level_statistic
