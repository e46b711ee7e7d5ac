"""Scans and watchlists in the embedded SQL database (the engine the analysis records use)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from integrations.records.errors import RecordConflictError
from integrations.records.scan_tables import ScanRow, WatchlistRow
from integrations.records.scans import ScanRecord, Watchlist
from integrations.sql.store import SqlStore


class SqlScanRepository(SqlStore):
    """`ScanRepository` on a SQLAlchemy engine; `start` applies the migrations."""

    async def save_scan(self, record: ScanRecord) -> None:
        await self._run(lambda: self._save(record))

    def _save(self, record: ScanRecord) -> None:
        try:
            with Session(self._engine) as session, session.begin():
                existing = session.get(ScanRow, record.id, with_for_update=True)
                if existing is not None and existing.owner != record.owner:
                    raise RecordConflictError(record.id)
                session.merge(ScanRow(**record.model_dump(mode="python")))
        except IntegrityError as exc:
            raise RecordConflictError(record.id) from exc

    async def get_scan(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        def fetch() -> ScanRecord | None:
            with Session(self._engine) as session:
                row = session.get(ScanRow, scan_id)
                if row is None or row.owner != owner:
                    return None
                return ScanRecord.model_validate(row.model_dump())

        return await self._run(fetch)

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
