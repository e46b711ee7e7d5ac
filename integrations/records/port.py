"""The records port: where analyses are kept so they outlive restarts and redeploys.

Async because the app is (FastAPI and Reflex event handlers); adapters over sync drivers run
them in a worker thread.
"""

from __future__ import annotations

from typing import Protocol

from integrations.paging import DEFAULT_PAGE_SIZE, Page
from integrations.records.models import MAX_CALLS, AnalysisRecord


class AnalysisRepository(Protocol):
    async def start(self) -> None:
        """Prepares the store (schema migrations, indexes); safe to call on every start."""
        ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Returns when the store answers; raises otherwise (readiness checks call it)."""
        ...

    async def save(self, record: AnalysisRecord) -> None:
        """Inserts, or replaces the record with the same id and owner.

        Raises `RecordConflictError` when the id belongs to another owner.
        """
        ...

    async def get(self, record_id: str, *, owner: str) -> AnalysisRecord | None:
        """The owner's record, or None; another owner's record is None too."""
        ...

    async def list_for_owner(
        self,
        owner: str,
        *,
        symbol: str | None = None,
        limit: int = DEFAULT_PAGE_SIZE,
        cursor: str | None = None,
    ) -> Page[AnalysisRecord]:
        """The owner's records, newest first, optionally for one symbol only.

        Raises `InvalidPageRequestError` for a bad `limit` or `cursor`.
        """
        ...

    async def ungraded_calls(self, *, limit: int = MAX_CALLS) -> list[AnalysisRecord]:
        """Every owner's done records with a call and no grade yet, oldest first.

        For the grader (`financials grade`, the app's background task), never for a user.
        """
        ...

    async def graded_calls(
        self, *, owner: str | None = None, limit: int = MAX_CALLS
    ) -> list[AnalysisRecord]:
        """Records whose call is graded, newest first: one owner's, or everyone's (None)."""
        ...
