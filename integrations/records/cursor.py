"""Keyset paging over (created_at, id), newest first, shared by every records adapter."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from integrations import paging
from integrations.paging import Page, decode_cursor
from integrations.records.models import AnalysisRecord, RecordId
from integrations.timeutil import UtcMillis


class RecordPosition(BaseModel):
    """The last record of a page; the next page holds what sorts strictly after it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    created_at: UtcMillis
    id: RecordId


def read_position(cursor: str | None) -> RecordPosition | None:
    return None if cursor is None else decode_cursor(cursor, RecordPosition)


def page_of(fetched: list[AnalysisRecord], limit: int) -> Page[AnalysisRecord]:
    """`fetched` is up to `limit + 1` records in order; the extra one proves a next page."""
    return paging.page_of(
        fetched, limit, lambda last: RecordPosition(created_at=last.created_at, id=last.id)
    )
