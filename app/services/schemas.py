"""Bodies of the analysis use cases: what the API returns, the UI shows and the CLI prints.

They are the public contract (OpenAPI documents them), so they are separate from the
records layer's storage models, which may change shape without breaking clients.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from analysis import Analysis


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


class TimingsMs(_Body):
    data: float | None = None
    analysis: float | None = None
    chart: float | None = None
    ai: float | None = None
    total: float | None = None


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


class AnalysisPage(_Body):
    items: list[AnalysisListItem]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null: last.")


class AnalysisDetail(AnalysisListItem):
    analysis: Analysis | None = Field(description="The full analysis of a `done` record.")
    summary: AiSummary | None
    timings_ms: TimingsMs
