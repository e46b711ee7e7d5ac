"""Bodies of the analysis use cases: what the API returns, the UI shows and the CLI prints.

They are the public contract (OpenAPI documents them), so they are separate from the
records layer's storage models, which may change shape without breaking clients.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic.config import JsonDict

from analysis import Analysis, AnalysisSettings
from analysis.grading import Call, Grade
from analysis.models import Detector
from integrations.records.models import Timings
from language.vocabulary import Interval, Period


class _Body(BaseModel):
    model_config = ConfigDict(frozen=True)


class ChartLink(_Body):
    url: str = Field(description="Expiring link to the PNG; open it within its lifetime.")
    expires_at: datetime
    width: int
    height: int


class AiSummary(_Body):
    text: str
    provider: str = Field(description="e.g. `dashscope`, or `offline analyst` without a key.")
    model: str
    ungrounded: list[str] = Field(
        default_factory=list,
        description="Numbers in the text that match nothing in the analysis (check them).",
    )
    call: Call | None = Field(
        default=None,
        description="The reading's call (bias, horizon, levels, invalidation, confidence), "
        "pinned to the last bar; null when the analyst gave no valid call.",
    )
    track_record: str | None = Field(
        default=None,
        description="What graded calls of this kind did (with interval and sample), or that "
        "there are not enough graded calls yet.",
    )


class TimingsMs(_Body):
    data: float | None = None
    analysis: float | None = None
    chart: float | None = None
    ai: float | None = None
    total: float | None = None

    @classmethod
    def of(cls, t: Timings) -> TimingsMs:
        return cls(
            data=t.data_ms, analysis=t.analysis_ms, chart=t.chart_ms, ai=t.ai_ms, total=t.total_ms
        )


class AnalysisListItem(_Body):
    id: str
    created_at: datetime
    status: str = Field(description="`pending`, `done` or `failed`.")
    symbol: str
    interval: str
    period: str | None
    tool: str
    source: str
    error: str | None
    chart: ChartLink | None = Field(description="Link to the chart of a `done` analysis.")
    grade: Grade | None = Field(
        default=None, description="The reading's call graded on what price did next, once known."
    )


class AnalysisPage(_Body):
    items: list[AnalysisListItem]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null: last.")


class AnalysisDetail(AnalysisListItem):
    analysis: Analysis | None = Field(description="The full analysis of a `done` record.")
    summary: AiSummary | None
    timings_ms: TimingsMs


def _not_both(first: str, second: str) -> JsonDict:
    both: JsonDict = {name: {"type": "string"} for name in (first, second)}
    return {"required": [first, second], "properties": both}


class ChartRequest(_Body):
    """What to analyse and draw: a symbol (ticker or name) over a period or a date range."""

    # The schema states what the validator below refuses, so a client (or a fuzzer) that
    # follows the document never sends a period together with dates.
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={
            "not": {"anyOf": [_not_both("period", "start"), _not_both("period", "end")]},
            "if": {"required": ["end"], "properties": {"end": {"type": "string"}}},
            "then": {"required": ["start"], "properties": {"start": {"type": "string"}}},
        },
    )

    symbol: str = Field(
        min_length=1,
        max_length=64,
        description="A ticker or a name: AAPL, tesla, bitcoin, s&p 500, eur/usd, 0700.HK.",
        examples=["TSLA"],
    )
    period: Period | None = Field(default=None, description="Look-back from today (default 6mo).")
    start: date | None = Field(default=None, description="First day, instead of `period`.")
    end: date | None = Field(default=None, description="Last day, with `start`.")
    interval: Interval = "1d"
    source: Literal["auto", "yahoo", "sample"] | None = Field(
        default=None, description="Market data source; default: the server's setting."
    )
    detector: Detector = "zigzag"
    leg: Literal["major", "latest"] = Field(
        default="major",
        description=(
            "Fibonacci leg: `major`, the window's largest confirmed move price has not broken; "
            "`latest`, the most recent confirmed leg."
        ),
    )
    ratios: list[float] | None = Field(
        default=None,
        min_length=1,
        max_length=20,
        # Documented here, checked by AnalysisSettings (whose message names the fix).
        json_schema_extra={"items": {"type": "number", "minimum": 0, "maximum": 1}},
        description="Retracement ratios between 0 and 1; default 0, .236, .382, .5, .618, .786, 1.",
    )
    theme: Literal["light", "dark"] = "light"
    interpret: bool = Field(default=True, description="Add the AI reading of the chart.")

    @model_validator(mode="after")
    def _valid_settings(self) -> Self:
        """Fail at the boundary (422) rather than deep inside the analysis."""
        if self.period is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either `period` or `start`/`end`, not both")
        if self.end is not None and self.start is None:
            raise ValueError("an `end` needs a `start`; or give a `period` instead")
        try:
            self.analysis_settings()
        except ValidationError as exc:
            raise ValueError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
        return self

    def analysis_settings(self) -> AnalysisSettings:
        values: dict[str, object] = {"detector": self.detector, "leg": self.leg}
        if self.ratios is not None:
            values["retracement_ratios"] = tuple(self.ratios)
        return AnalysisSettings.model_validate(values)


class AnalysisResult(_Body):
    """The fast path: the analysis without chart, record or AI."""

    symbol: str
    name: str | None
    interval: str
    source: str
    notice: str | None = Field(description="e.g. the offline notice when sample data answered.")
    analysis: Analysis


class ChartResponse(AnalysisResult):
    id: str = Field(description="The analysis id, for GET /api/analyses/{id}.")
    chart: ChartLink
    summary: AiSummary | None = Field(description="Null when `interpret` was false.")
    timings_ms: TimingsMs
