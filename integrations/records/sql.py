"""Records in the embedded SQL database (SQLite by default, any SQLAlchemy URL).

Sync SQLAlchemy in worker threads: see `integrations.sql.engine` for why.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from integrations.paging import DEFAULT_PAGE_SIZE, Page, check_page_size
from integrations.records.cursor import page_of, read_position
from integrations.records.errors import RecordConflictError
from integrations.records.models import (
    MAX_CALLS,
    AnalysisRecord,
    AnalysisRequest,
    AnalysisStatus,
    Timings,
    check_calls_limit,
    normalize_symbol,
)
from integrations.records.sql_tables import AnalysisRow
from integrations.sql.keyset import newest_first
from integrations.sql.store import SqlStore


def _to_row(record: AnalysisRecord) -> AnalysisRow:
    request, timings = record.request, record.timings
    return AnalysisRow(
        id=record.id,
        owner=record.owner,
        created_at=record.created_at,
        status=record.status.value,
        symbol=request.symbol,
        interval=request.interval,
        period=request.period,
        start_at=request.start,
        end_at=request.end,
        tool=request.tool,
        source=request.source,
        detector=request.detector,
        result_json=record.result_json,
        chart_keys=list(record.chart_keys),
        ai_text=record.ai_text,
        ai_provider=record.ai_provider,
        ai_model=record.ai_model,
        data_ms=timings.data_ms,
        analysis_ms=timings.analysis_ms,
        chart_ms=timings.chart_ms,
        ai_ms=timings.ai_ms,
        total_ms=timings.total_ms,
        error=record.error,
        call_json=record.call_json,
        grade_json=record.grade_json,
        graded_at=record.graded_at,
    )


def _to_record(row: AnalysisRow) -> AnalysisRecord:
    return AnalysisRecord(
        id=row.id,
        owner=row.owner,
        created_at=row.created_at,
        status=AnalysisStatus(row.status),
        request=AnalysisRequest(
            symbol=row.symbol,
            interval=row.interval,
            period=row.period,
            start=row.start_at,
            end=row.end_at,
            tool=row.tool,
            source=row.source,
            detector=row.detector,
        ),
        result_json=row.result_json,
        chart_keys=tuple(row.chart_keys),
        ai_text=row.ai_text,
        ai_provider=row.ai_provider,
        ai_model=row.ai_model,
        timings=Timings(
            data_ms=row.data_ms,
            analysis_ms=row.analysis_ms,
            chart_ms=row.chart_ms,
            ai_ms=row.ai_ms,
            total_ms=row.total_ms,
        ),
        error=row.error,
        call_json=row.call_json,
        grade_json=row.grade_json,
        graded_at=row.graded_at,
    )


class SqlAnalysisRepository(SqlStore):
    """`AnalysisRepository` on a SQLAlchemy engine; `start` applies the migrations."""

    async def save(self, record: AnalysisRecord) -> None:
        await self._run(lambda: self._save(record))

    def _save(self, record: AnalysisRecord) -> None:
        try:
            with Session(self._engine) as session, session.begin():
                existing = session.get(AnalysisRow, record.id, with_for_update=True)
                if existing is not None and existing.owner != record.owner:
                    raise RecordConflictError(record.id)
                session.merge(_to_row(record))
        except IntegrityError as exc:  # another writer inserted the same id meanwhile
            raise RecordConflictError(record.id) from exc

    async def get(self, record_id: str, *, owner: str) -> AnalysisRecord | None:
        return await self._run(lambda: self._get(record_id, owner))

    def _get(self, record_id: str, owner: str) -> AnalysisRecord | None:
        with Session(self._engine) as session:
            row = session.get(AnalysisRow, record_id)
            return _to_record(row) if row is not None and row.owner == owner else None

    async def list_for_owner(
        self,
        owner: str,
        *,
        symbol: str | None = None,
        limit: int = DEFAULT_PAGE_SIZE,
        cursor: str | None = None,
    ) -> Page[AnalysisRecord]:
        check_page_size(limit)
        position = read_position(cursor)
        statement = select(AnalysisRow).where(col(AnalysisRow.owner) == owner)
        if symbol is not None:
            statement = statement.where(col(AnalysisRow.symbol) == normalize_symbol(symbol))
        statement = newest_first(
            statement,
            col(AnalysisRow.created_at),
            col(AnalysisRow.id),
            (position.created_at, position.id) if position is not None else None,
            limit,
        )

        def fetch() -> list[AnalysisRecord]:
            with Session(self._engine) as session:
                return [_to_record(row) for row in session.exec(statement)]

        return page_of(await self._run(fetch), limit)

    async def ungraded_calls(self, *, limit: int = MAX_CALLS) -> list[AnalysisRecord]:
        check_calls_limit(limit)
        statement = (
            select(AnalysisRow)
            .where(col(AnalysisRow.graded_at).is_(None))
            .where(col(AnalysisRow.call_json).is_not(None))
            .where(col(AnalysisRow.status) == AnalysisStatus.DONE.value)
            .order_by(col(AnalysisRow.created_at), col(AnalysisRow.id))
            .limit(limit)
        )
        return await self._run(lambda: self._fetch(statement))

    async def graded_calls(
        self, *, owner: str | None = None, limit: int = MAX_CALLS
    ) -> list[AnalysisRecord]:
        check_calls_limit(limit)
        statement = select(AnalysisRow).where(col(AnalysisRow.graded_at).is_not(None))
        if owner is not None:
            statement = statement.where(col(AnalysisRow.owner) == owner)
        statement = statement.order_by(
            col(AnalysisRow.created_at).desc(), col(AnalysisRow.id).desc()
        ).limit(limit)
        return await self._run(lambda: self._fetch(statement))

    def _fetch(self, statement: SelectOfScalar[AnalysisRow]) -> list[AnalysisRecord]:
        with Session(self._engine) as session:
            return [_to_record(row) for row in session.exec(statement)]
