"""What a scan record and a watchlist hold, and the port that keeps them per user.

Like analysis records, the results are kept as the JSON text the service produced
(`rows_json`, `failures_json`, `pooled_json`): the record layer does not depend on the scan
engine's models. A running scan's record is rewritten as results arrive, so `GET` shows its
progress; a scan whose process died stays `running` with its last counts.

Cancelling works across processes through the record: `request_cancel` sets
`cancel_requested` on a running scan, `save_scan` never clears it, and the process running
the scan reads it back from its next progress save and stops.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from integrations import paging
from integrations.paging import DEFAULT_PAGE_SIZE, Page, decode_cursor
from integrations.records.cursor import RecordPosition
from integrations.records.models import Owner, RecordId, ShortText, Symbol, new_record_id
from integrations.timeutil import UtcMillis, utc_now

MAX_WATCHLIST = 500


class ScanStatus(StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ScanRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId = Field(default_factory=new_record_id)
    owner: Owner
    created_at: UtcMillis = Field(default_factory=utc_now)
    updated_at: UtcMillis = Field(default_factory=utc_now)
    status: ScanStatus = ScanStatus.RUNNING
    universe: ShortText
    request_json: str = Field(description="The scan request as the service validated it.")
    executor: ShortText
    total: int = Field(ge=0)
    scanned: int = Field(default=0, ge=0)
    failed: int = Field(default=0, ge=0)
    rows_json: str = "[]"
    failures_json: str = "[]"
    pooled_json: str | None = Field(default=None, description="Pooled level statistics.")
    error: str | None = Field(default=None, max_length=4000)
    cancel_requested: bool = Field(
        default=False, description="Someone asked to cancel it; its running process stops."
    )

    @model_validator(mode="after")
    def _counts_add_up(self) -> Self:
        if self.scanned > self.total or self.failed > self.scanned:
            raise ValueError("a scan cannot have scanned more than its total, nor failed more")
        if self.status is ScanStatus.FAILED and not self.error:
            raise ValueError("a `failed` scan needs an `error` message")
        return self


class Watchlist(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    owner: Owner
    symbols: tuple[Symbol, ...] = Field(max_length=MAX_WATCHLIST)
    updated_at: UtcMillis = Field(default_factory=utc_now)


class ScanRepository(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def save_scan(self, record: ScanRecord) -> ScanRecord:
        """Inserts or replaces, and returns the record as stored: a `cancel_requested` already
        stored is kept (so a progress save never undoes a cancel asked meanwhile).
        `RecordConflictError` when the id is another owner's."""
        ...

    async def get_scan(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        """The owner's scan, or None (another owner's scan is None too)."""
        ...

    async def list_scans(
        self, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
    ) -> Page[ScanRecord]:
        """The owner's scans, newest first; `InvalidPageRequestError` for a bad page."""
        ...

    async def request_cancel(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        """Sets `cancel_requested` if the owner's scan is still running (in one step, so a
        scan finishing meanwhile stays as it finished); the record as stored, or None."""
        ...

    async def save_watchlist(self, watchlist: Watchlist) -> None: ...

    async def get_watchlist(self, owner: str) -> Watchlist | None: ...


def touched(record: ScanRecord, **changes: object) -> ScanRecord:
    """The record with `changes` and a new `updated_at`, validated again."""
    data = record.model_dump() | changes | {"updated_at": utc_now()}
    return ScanRecord.model_validate(data)


def read_scan_position(cursor: str | None) -> RecordPosition | None:
    return None if cursor is None else decode_cursor(cursor, RecordPosition)


def page_of_scans(fetched: list[ScanRecord], limit: int) -> Page[ScanRecord]:
    """`fetched` is up to `limit + 1` scans, newest first; the extra one proves a next page."""
    return paging.page_of(
        fetched, limit, lambda last: RecordPosition(created_at=last.created_at, id=last.id)
    )


__all__ = [
    "MAX_WATCHLIST",
    "ScanRecord",
    "ScanRepository",
    "ScanStatus",
    "Watchlist",
    "touched",
]
