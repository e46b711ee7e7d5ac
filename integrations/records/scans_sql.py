"""Scans and watchlists in the embedded SQL database (the engine the analysis records use).

A save is one `UPDATE` of the owner's row (its cancel request ORed in by the database, so a
progress save cannot undo a cancel another process stored meanwhile), or an `INSERT` when
there is none: no row is read and copied first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col
from sqlmodel import select as model_select

from integrations.paging import DEFAULT_PAGE_SIZE, Page, check_page_size
from integrations.records.errors import RecordConflictError
from integrations.records.scan_tables import ScanRow, WatchlistRow
from integrations.records.scans import (
    ScanRecord,
    ScanStatus,
    Watchlist,
    page_of_scans,
    read_scan_position,
)
from integrations.sql.keyset import newest_first
from integrations.sql.store import SqlStore

SCANS: Table = ScanRow.__table__  # type: ignore[attr-defined]


class SqlScanRepository(SqlStore):
    """`ScanRepository` on a SQLAlchemy engine; `start` applies the migrations."""

    async def save_scan(self, record: ScanRecord) -> ScanRecord:
        return await self._run(lambda: self._save(record))

    def _save(self, record: ScanRecord) -> ScanRecord:
        values = record.model_dump(mode="python")
        for _attempt in range(2):
            try:
                with self._engine.begin() as connection:
                    stored = self._update(connection, values)
                    if stored is None:
                        connection.execute(insert(SCANS).values(**values))
                        stored = record.cancel_requested
                return record.model_copy(update={"cancel_requested": stored})
            except IntegrityError:
                # Another writer inserted this id meanwhile: ours if the update now finds it.
                continue
        raise RecordConflictError(record.id)

    @staticmethod
    def _update(connection: Connection, values: dict[str, Any]) -> bool | None:
        """Updates the owner's row in place; its stored cancel request, or None if no row
        is the owner's (`RecordConflictError` if the id is another owner's)."""
        changes = {k: v for k, v in values.items() if k not in {"id", "owner"}}
        changes["cancel_requested"] = SCANS.c.cancel_requested | values["cancel_requested"]
        result = connection.execute(
            update(SCANS)
            .where(SCANS.c.id == values["id"], SCANS.c.owner == values["owner"])
            .values(**changes)
        )
        if result.rowcount == 0:
            owner = connection.execute(
                select(SCANS.c.owner).where(SCANS.c.id == values["id"])
            ).scalar_one_or_none()
            if owner is not None:
                raise RecordConflictError(values["id"])
            return None
        flag = connection.execute(
            select(SCANS.c.cancel_requested).where(SCANS.c.id == values["id"])
        ).scalar_one()
        return bool(flag)

    async def get_scan(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        def fetch() -> ScanRecord | None:
            with Session(self._engine) as session:
                row = session.get(ScanRow, scan_id)
                if row is None or row.owner != owner:
                    return None
                return ScanRecord.model_validate(row.model_dump())

        return await self._run(fetch)

    async def list_scans(
        self, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
    ) -> Page[ScanRecord]:
        check_page_size(limit)
        position = read_scan_position(cursor)
        statement = newest_first(
            model_select(ScanRow).where(col(ScanRow.owner) == owner),
            col(ScanRow.created_at),
            col(ScanRow.id),
            (position.created_at, position.id) if position is not None else None,
            limit,
        )

        def fetch() -> list[ScanRecord]:
            with Session(self._engine) as session:
                return [
                    ScanRecord.model_validate(row.model_dump()) for row in session.exec(statement)
                ]

        return page_of_scans(await self._run(fetch), limit)

    async def request_cancel(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        def write() -> None:
            with self._engine.begin() as connection:
                connection.execute(
                    update(SCANS)
                    .where(
                        SCANS.c.id == scan_id,
                        SCANS.c.owner == owner,
                        SCANS.c.status == ScanStatus.RUNNING.value,
                    )
                    .values(cancel_requested=True)
                )

        await self._run(write)
        return await self.get_scan(scan_id, owner=owner)

    async def save_watchlist(self, watchlist: Watchlist) -> None:
        def write() -> None:
            with Session(self._engine) as session, session.begin():
                session.merge(
                    WatchlistRow(
                        owner=watchlist.owner,
                        symbols=list(watchlist.symbols),
                        updated_at=watchlist.updated_at,
                    )
                )

        await self._run(write)

    async def get_watchlist(self, owner: str) -> Watchlist | None:
        def fetch() -> Watchlist | None:
            with Session(self._engine) as session:
                row = session.get(WatchlistRow, owner)
                if row is None:
                    return None
                return Watchlist(
                    owner=row.owner, symbols=tuple(row.symbols), updated_at=row.updated_at
                )

        return await self._run(fetch)
