"""The MongoDB indexes start creates serve the list queries: owner first, then symbol, then the
newest-first sort, so a symbol filter seeks within one owner's records."""

from __future__ import annotations

from typing import Any, cast

import pytest
from pymongo import AsyncMongoClient

from integrations.records.mongo import COLLECTION, MongoAnalysisRepository
from tests.support.mongomock_shim import MockAsyncMongoClient, allow_beanie_collection_listing


async def test_start_creates_the_owner_symbol_created_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    allow_beanie_collection_listing(monkeypatch)
    client = cast("AsyncMongoClient[Any]", MockAsyncMongoClient(tz_aware=True))
    repository = MongoAnalysisRepository(client, "financials_indexes")
    await repository.start()
    try:
        info = await client["financials_indexes"][COLLECTION].index_information()
    finally:
        await repository.close()

    keys = {name: [tuple(part) for part in index["key"]] for name, index in info.items()}
    assert keys["owner_symbol_created_desc"] == [
        ("owner", 1),
        ("request.symbol", 1),
        ("created_at", -1),
        ("_id", -1),
    ]
    assert keys["owner_created_desc"][0] == ("owner", 1)
    assert not [name for name, key in keys.items() if key[0] == ("request.symbol", 1)], (
        "no index may lead with the symbol: every query filters on the owner first"
    )
