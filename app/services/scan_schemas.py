"""What a scan is asked with and answers with: one shape for the API, the CLI and the chat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from analysis import AnalysisSettings
from analysis.models import HitRates
from analysis.scan import GoldenPocketSetup, ScanRow, Setup, SymbolSamples
from app.config import MarketDataSource
from integrations.records.scans import ScanStatus
from language.vocabulary import Interval, Period, ScanUniverse

MAX_SCAN_SYMBOLS = 2_000
# One list of universe names, the planner's (a test holds it equal to the shipped ones).
UniverseName = ScanUniverse
MAX_SETUPS = 8


class ScanRequest(BaseModel):
    """A universe (or explicit symbols) and the setups every kept symbol must match."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    universe: UniverseName = Field(
        default="bundled", description="A shipped universe, or `watchlist` (your saved list)."
    )
    symbols: tuple[Annotated[str, Field(pattern=r"^[A-Za-z0-9.^=_/-]{1,32}$")], ...] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_SCAN_SYMBOLS,
        description="Scan these symbols instead of a universe.",
    )
    setups: tuple[Setup, ...] = Field(
        default=(GoldenPocketSetup(),),
        max_length=MAX_SETUPS,
        description="All must match; an empty list keeps every symbol (statistics only).",
    )
    interval: Interval = "1d"
    period: Period = "5y"
    source: MarketDataSource | None = Field(
        default=None, description="Market data source; unset: the configured one."
    )

    @field_validator("symbols")
    @classmethod
    def _clean(cls, symbols: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if symbols is None:
            return None
        return tuple(dict.fromkeys(s.upper() for s in symbols))


@dataclass(frozen=True, slots=True)
class ScanTask:
    """One symbol's work, sent to a worker: no bars, only what to fetch and how to scan."""

    symbol: str
    interval: str
    period: str
    setups: tuple[Setup, ...]
    settings: AnalysisSettings
    source: str | None = None
    # A user's own file (a folder or zip universe): its bytes travel with the task, since
    # the file is only on the machine that read it; its name labels its errors.
    csv: bytes | None = None
    csv_name: str | None = None


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """A worker's answer: the row (None if no setup matched) and samples, or why it failed."""

    symbol: str
    row: ScanRow | None = None
    samples: SymbolSamples | None = None
    error: str | None = None


class SymbolFailure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    symbol: str
    reason: str


class ScanSummary(BaseModel):
    """One of a user's scans in a list: its progress, without its rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    status: ScanStatus
    universe: str
    executor: str
    created_at: datetime
    updated_at: datetime
    total: int
    scanned: int
    failed: int
    progress: str = Field(description='e.g. "212 / 503 scanned, 3 failed".')
    cancel_requested: bool = Field(
        default=False,
        description="A cancel was asked; a scan running in another process stops at its next "
        "progress save (within about a second of a result) and then says `cancelled`.",
    )


class ScanView(ScanSummary):
    """A scan's progress and one page of its rows (sorted by distance in ATR, then symbol)."""

    failures: list[SymbolFailure]
    matched: int = Field(description="Rows in all (the page holds `limit` of them).")
    offset: int
    limit: int
    next_offset: int | None
    rows: list[ScanRow]
    pooled: HitRates | None = Field(
        description="Level statistics pooled over every series this scan measured."
    )
    error: str | None = None


class ScanPage(BaseModel):
    """A page of a user's scans, newest first; pass `next_cursor` back for the next."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    items: list[ScanSummary]
    next_cursor: str | None = None
