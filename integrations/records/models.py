"""What an analysis record holds, validated once here so every adapter stores the same thing.

The analysis result itself is kept as the JSON text the engine produced (`result_json`): the
record layer does not depend on the engine's `Analysis` model, and the service layer turns it
back with `Analysis.model_validate_json`.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from integrations.timeutil import UtcMillis, utc_now

RECORD_ID_PATTERN = r"^[0-9a-f]{32}$"
RecordId = Annotated[str, Field(pattern=RECORD_ID_PATTERN)]
Owner = Annotated[str, Field(min_length=1, max_length=255)]
ShortText = Annotated[str, Field(min_length=1, max_length=64)]
# Yahoo-style tickers: TSLA, BRK.B, ^GSPC, BTC-USD, EURUSD=X; also BTC/USDT for crypto sources.
SYMBOL_PATTERN = r"^[A-Z0-9.^=_/-]{1,32}$"


def _upper(value: str) -> str:
    return value.strip().upper()


Symbol = Annotated[str, AfterValidator(_upper), Field(pattern=SYMBOL_PATTERN)]
ChartKey = Annotated[str, Field(min_length=1, max_length=512)]


# The most calls one grader run or one record page reads at once.
MAX_CALLS = 5000


def check_calls_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_CALLS:
        raise ValueError(f"ask for 1 to {MAX_CALLS} calls at once, not {limit}")
    return limit


def new_record_id() -> str:
    return uuid.uuid4().hex


def normalize_symbol(symbol: str) -> str:
    """How stored symbols are compared, so `tsla` finds `TSLA`."""
    return _upper(symbol)


class AnalysisStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class AnalysisRequest(BaseModel):
    """What the user asked for: enough to re-run the analysis."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: Symbol
    interval: ShortText = Field(description="Bar size, e.g. `1d`, `1h`.")
    period: ShortText | None = Field(default=None, description="Look-back, e.g. `3mo`.")
    start: UtcMillis | None = None
    end: UtcMillis | None = None
    tool: ShortText = Field(description="Which analysis, e.g. `fibonacci`.")
    source: ShortText = Field(description="Market data source, e.g. `yahoo`.")
    detector: ShortText | None = Field(default=None, description="Swing detector, if any.")

    @model_validator(mode="after")
    def _one_time_window(self) -> Self:
        if self.period is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either `period` or `start`/`end`, not both")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("`end` must not be before `start`")
        return self


class Timings(BaseModel):
    """Where the time went, in milliseconds; a stage that did not run stays None."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    data_ms: float | None = Field(default=None, ge=0)
    analysis_ms: float | None = Field(default=None, ge=0)
    chart_ms: float | None = Field(default=None, ge=0)
    ai_ms: float | None = Field(default=None, ge=0)
    total_ms: float | None = Field(default=None, ge=0)


class AnalysisRecord(BaseModel):
    """One analysis a user ran, from request to result, chart, AI text and timings.

    The invariants a reader relies on are enforced here rather than in each adapter: a `done`
    record always has its result and at least one chart image, and a `failed` one says why.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId = Field(default_factory=new_record_id)
    owner: Owner = Field(description="The `sub` of the user who ran it.")
    created_at: UtcMillis = Field(default_factory=utc_now)
    status: AnalysisStatus = AnalysisStatus.PENDING
    request: AnalysisRequest
    result_json: str | None = Field(default=None, description="The engine's `Analysis` JSON.")
    chart_keys: tuple[ChartKey, ...] = ()
    ai_text: str | None = None
    ai_provider: ShortText | None = None
    ai_model: ShortText | None = None
    timings: Timings = Timings()
    error: str | None = Field(default=None, max_length=4000)
    call_json: str | None = Field(
        default=None, description="The reading's call (`analysis.grading.Call` JSON), if any."
    )
    grade_json: str | None = Field(
        default=None, description="The call's grade (`analysis.grading.Grade` JSON), once known."
    )
    graded_at: UtcMillis | None = Field(default=None, description="When the grade was stored.")

    @property
    def awaits_grade(self) -> bool:
        return self.call_json is not None and self.grade_json is None

    @model_validator(mode="after")
    def _status_is_backed_by_its_data(self) -> Self:
        if self.status is AnalysisStatus.DONE and (self.result_json is None or not self.chart_keys):
            raise ValueError("a `done` analysis needs its `result_json` and at least one chart key")
        if self.status is AnalysisStatus.FAILED and not self.error:
            raise ValueError("a `failed` analysis needs an `error` message")
        if self.grade_json is not None and (self.call_json is None or self.graded_at is None):
            raise ValueError("a grade needs the call it grades and the time it was stored")
        return self
