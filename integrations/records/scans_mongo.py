"""Scans and watchlists in MongoDB through beanie: the record id is `_id`, the owner leads
the one index, a watchlist's `_id` is its owner."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import Document, init_beanie
from beanie.exceptions import DocumentNotFound
from pydantic import Field
from pymongo import ASCENDING, DESCENDING, AsyncMongoClient, IndexModel
from pymongo.errors import DuplicateKeyError

from integrations.records.errors import RecordConflictError
from integrations.records.scans import ScanRecord, ScanStatus, Watchlist


class ScanDocument(Document):
    id: str  # type: ignore[assignment]  # our 32-hex record id instead of an ObjectId
    owner: str
    created_at: datetime
    updated_at: datetime
    status: ScanStatus
    universe: str
    request_json: str
    executor: str
    total: int
    scanned: int
    failed: int
    rows_json: str
    failures_json: str
    pooled_json: str | None = None
    error: str | None = None

    class Settings:
        name = "scan_records"
        indexes = [  # noqa: RUF012  (beanie reads a plain class attribute)
            IndexModel(
                [("owner", ASCENDING), ("created_at", DESCENDING), ("_id", DESCENDING)],
                name="owner_created_desc",
            )
        ]


class WatchlistDocument(Document):
    id: str  # type: ignore[assignment]  # the owner
    symbols: list[str] = Field(default_factory=list)
    updated_at: datetime

    class Settings:
        name = "watchlists"


class MongoScanRepository:
    """`ScanRepository` on MongoDB; `start` binds beanie and creates the index."""

    def __init__(self, client: AsyncMongoClient[Any], database: str) -> None:
        self._client = client
        self._database = database

    @classmethod
    def from_uri(cls, uri: str, database: str) -> MongoScanRepository:
        return cls(AsyncMongoClient(uri, tz_aware=True), database)

    async def start(self) -> None:
        await init_beanie(
            database=self._client[self._database],
            document_models=[ScanDocument, WatchlistDocument],
        )

    async def close(self) -> None:
        await self._client.close()

    async def save_scan(self, record: ScanRecord) -> None:
        document = ScanDocument(**record.model_dump())
        for _attempt in range(2):
            try:
                await ScanDocument.find_one({"_id": record.id, "owner": record.owner}).replace_one(
                    document
                )
                return
            except DocumentNotFound:
                pass
            try:
                await document.insert()
                return
            except DuplicateKeyError:
                if await ScanDocument.find_one({"_id": record.id, "owner": record.owner}):
                    continue
                raise RecordConflictError(record.id) from None
        raise RecordConflictError(record.id)

    async def get_scan(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        document = await ScanDocument.find_one({"_id": scan_id, "owner": owner})
        if document is None:
            return None
        return ScanRecord.model_validate(document.model_dump(exclude={"revision_id"}))

    async def save_watchlist(self, watchlist: Watchlist) -> None:
        document = WatchlistDocument(
            id=watchlist.owner, symbols=list(watchlist.symbols), updated_at=watchlist.updated_at
        )
        await document.save()

    async def get_watchlist(self, owner: str) -> Watchlist | None:
        document = await WatchlistDocument.get(owner)
        if document is None:
            return None
        return Watchlist(
            owner=owner, symbols=tuple(document.symbols), updated_at=document.updated_at
        )
