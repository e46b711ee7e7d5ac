"""Scans and watchlists in MongoDB through beanie: the record id is `_id`, the owner leads
the one index, a watchlist's `_id` is its owner.

A save is one `find_one_and_update` with upsert on (`_id`, owner): `$set` for the fields and
`$max` for `cancel_requested` (false < true in BSON order), so a progress save never undoes a
cancel stored meanwhile; an id that is another owner's fails the upsert's insert on `_id`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import Document, SortDirection, init_beanie
from pydantic import Field
from pymongo import ASCENDING, DESCENDING, AsyncMongoClient, IndexModel, ReturnDocument
from pymongo.errors import DuplicateKeyError

from integrations.paging import DEFAULT_PAGE_SIZE, Page, check_page_size
from integrations.records.errors import RecordConflictError
from integrations.records.scans import (
    ScanRecord,
    ScanStatus,
    Watchlist,
    page_of_scans,
    read_scan_position,
)


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
    cancel_requested: bool = False

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


def _to_record(document: ScanDocument) -> ScanRecord:
    return ScanRecord.model_validate(document.model_dump(exclude={"revision_id"}))


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

    async def save_scan(self, record: ScanRecord) -> ScanRecord:
        fields = record.model_dump(exclude={"id", "owner", "cancel_requested"})
        for _attempt in range(2):
            try:
                stored = await ScanDocument.get_pymongo_collection().find_one_and_update(
                    {"_id": record.id, "owner": record.owner},
                    {"$set": fields, "$max": {"cancel_requested": record.cancel_requested}},
                    projection={"cancel_requested": True},
                    upsert=True,
                    return_document=ReturnDocument.AFTER,
                )
            except DuplicateKeyError:
                # Another owner's id, or another upsert of ours won the insert: look again.
                if await ScanDocument.find_one({"_id": record.id, "owner": record.owner}):
                    continue
                raise RecordConflictError(record.id) from None
            flag = stored is not None and bool(stored.get("cancel_requested"))
            return record.model_copy(update={"cancel_requested": flag})
        raise RecordConflictError(record.id)

    async def get_scan(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        document = await ScanDocument.find_one({"_id": scan_id, "owner": owner})
        return None if document is None else _to_record(document)

    async def list_scans(
        self, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
    ) -> Page[ScanRecord]:
        check_page_size(limit)
        position = read_scan_position(cursor)
        query: dict[str, Any] = {"owner": owner}
        if position is not None:
            query["$or"] = [
                {"created_at": {"$lt": position.created_at}},
                {"created_at": position.created_at, "_id": {"$lt": position.id}},
            ]
        documents = (
            await ScanDocument.find(query)
            .sort([("created_at", SortDirection.DESCENDING), ("_id", SortDirection.DESCENDING)])
            .limit(limit + 1)
            .to_list()
        )
        return page_of_scans([_to_record(document) for document in documents], limit)

    async def request_cancel(self, scan_id: str, *, owner: str) -> ScanRecord | None:
        await ScanDocument.get_pymongo_collection().update_one(
            {"_id": scan_id, "owner": owner, "status": ScanStatus.RUNNING.value},
            {"$set": {"cancel_requested": True}},
        )
        return await self.get_scan(scan_id, owner=owner)

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
