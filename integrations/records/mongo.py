"""Records in MongoDB (Alibaba Cloud ApsaraDB for MongoDB) through beanie on pymongo's async client.

The record id is the document `_id`, so an owner check and an insert are each one atomic
operation on the primary key; indexes serve the two list queries, both scoped to one owner:
newest first, and one symbol newest first (owner leads: every query filters on it, so the
index seeks to the owner's records rather than every user's records of that symbol).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beanie import Document, SortDirection, init_beanie
from beanie.exceptions import DocumentNotFound
from pydantic import Field
from pymongo import ASCENDING, DESCENDING, AsyncMongoClient, IndexModel
from pymongo.errors import DuplicateKeyError

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

COLLECTION = "analysis_records"


class AnalysisDocument(Document):
    """The stored shape of an `AnalysisRecord`; `id` is the record id."""

    id: str  # type: ignore[assignment]  # our 32-hex record id instead of an ObjectId
    owner: str
    created_at: datetime
    status: AnalysisStatus
    request: AnalysisRequest
    result_json: str | None = None
    chart_keys: list[str] = Field(default_factory=list)
    ai_text: str | None = None
    ai_provider: str | None = None
    ai_model: str | None = None
    timings: Timings = Timings()
    error: str | None = None
    call_json: str | None = None
    grade_json: str | None = None
    graded_at: datetime | None = None

    class Settings:
        name = COLLECTION
        indexes = [  # noqa: RUF012  (beanie reads a plain class attribute)
            IndexModel(
                [("owner", ASCENDING), ("created_at", DESCENDING), ("_id", DESCENDING)],
                name="owner_created_desc",
            ),
            IndexModel(
                [
                    ("owner", ASCENDING),
                    ("request.symbol", ASCENDING),
                    ("created_at", DESCENDING),
                    ("_id", DESCENDING),
                ],
                name="owner_symbol_created_desc",
            ),
            # The grader's queue (graded_at null, oldest first) and the record page's reads.
            IndexModel([("graded_at", ASCENDING), ("created_at", ASCENDING)], name="graded"),
        ]


def _to_document(record: AnalysisRecord) -> AnalysisDocument:
    return AnalysisDocument(**record.model_dump())


def _to_record(document: AnalysisDocument) -> AnalysisRecord:
    return AnalysisRecord.model_validate(document.model_dump(exclude={"revision_id"}))


class MongoAnalysisRepository:
    """`AnalysisRepository` on MongoDB; `start` binds beanie and creates the indexes."""

    def __init__(self, client: AsyncMongoClient[Any], database: str) -> None:
        self._client = client
        self._database = database

    @classmethod
    def from_uri(cls, uri: str, database: str) -> MongoAnalysisRepository:
        return cls(AsyncMongoClient(uri, tz_aware=True), database)

    async def start(self) -> None:
        await init_beanie(database=self._client[self._database], document_models=[AnalysisDocument])

    async def close(self) -> None:
        await self._client.close()

    async def ping(self) -> None:
        # A query round trip: it proves the server answers and the database is readable.
        await AnalysisDocument.find_one({"_id": "__ping__"})

    async def save(self, record: AnalysisRecord) -> None:
        document = _to_document(record)
        # Replace the owner's record, else insert; a duplicate id on insert is either another
        # owner's record (a conflict) or the same owner's, inserted meanwhile (replace again).
        for _attempt in range(2):
            try:
                await AnalysisDocument.find_one(
                    {"_id": record.id, "owner": record.owner}
                ).replace_one(document)
                return
            except DocumentNotFound:
                pass
            try:
                await document.insert()
                return
            except DuplicateKeyError:
                if await AnalysisDocument.find_one({"_id": record.id, "owner": record.owner}):
                    continue
                raise RecordConflictError(record.id) from None
        raise RecordConflictError(record.id)

    async def get(self, record_id: str, *, owner: str) -> AnalysisRecord | None:
        document = await AnalysisDocument.find_one({"_id": record_id, "owner": owner})
        return None if document is None else _to_record(document)

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
        query: dict[str, Any] = {"owner": owner}
        if symbol is not None:
            query["request.symbol"] = normalize_symbol(symbol)
        if position is not None:
            query["$or"] = [
                {"created_at": {"$lt": position.created_at}},
                {"created_at": position.created_at, "_id": {"$lt": position.id}},
            ]
        documents = (
            await AnalysisDocument.find(query)
            .sort([("created_at", SortDirection.DESCENDING), ("_id", SortDirection.DESCENDING)])
            .limit(limit + 1)
            .to_list()
        )
        return page_of([_to_record(document) for document in documents], limit)

    async def ungraded_calls(self, *, limit: int = MAX_CALLS) -> list[AnalysisRecord]:
        check_calls_limit(limit)
        query = {"graded_at": None, "call_json": {"$ne": None}, "status": AnalysisStatus.DONE}
        documents = (
            await AnalysisDocument.find(query)
            .sort([("created_at", SortDirection.ASCENDING), ("_id", SortDirection.ASCENDING)])
            .limit(limit)
            .to_list()
        )
        return [_to_record(document) for document in documents]

    async def graded_calls(
        self, *, owner: str | None = None, limit: int = MAX_CALLS
    ) -> list[AnalysisRecord]:
        check_calls_limit(limit)
        query: dict[str, Any] = {"graded_at": {"$ne": None}}
        if owner is not None:
            query["owner"] = owner
        documents = (
            await AnalysisDocument.find(query)
            .sort([("created_at", SortDirection.DESCENDING), ("_id", SortDirection.DESCENDING)])
            .limit(limit)
            .to_list()
        )
        return [_to_record(document) for document in documents]
