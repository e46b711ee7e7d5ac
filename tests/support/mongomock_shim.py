"""The one thing mongomock-motor lacks for beanie >= 2.1, shimmed and nothing more.

beanie's `init_beanie` now starts with
`database.list_collection_names(authorizedCollections=True, nameOnly=True)`; mongomock's
`Database.list_collection_names(filter=None, session=None)` takes neither keyword and raises
`TypeError`. Both options only ask a real server to skip authorization checks and metadata for
collections the user may not list; mongomock has no users and returns names only, so dropping
them changes no result. Any other keyword still fails loudly.

One more difference is not beanie's but the client's: mongomock-motor mimics motor, whose
`close()` is plain, while pymongo's `AsyncMongoClient.close()` is a coroutine that the adapter
awaits. `MockAsyncMongoClient` wraps the mock to give it that one coroutine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mongomock.database
import pytest
from mongomock_motor import AsyncMongoMockClient

_IGNORED = {"authorizedCollections", "nameOnly"}


def allow_beanie_collection_listing(monkeypatch: pytest.MonkeyPatch) -> None:
    original: Callable[..., Any] = mongomock.database.Database.list_collection_names

    def list_collection_names(self: Any, *args: Any, **kwargs: Any) -> Any:
        for name in _IGNORED:
            kwargs.pop(name, None)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(mongomock.database.Database, "list_collection_names", list_collection_names)


class MockAsyncMongoClient:
    """What the adapter uses of `AsyncMongoClient`: databases by name and an awaitable close."""

    def __init__(self, **options: Any) -> None:
        self._mock = AsyncMongoMockClient(**options)

    def __getitem__(self, name: str) -> Any:
        return self._mock[name]

    async def close(self) -> None:
        self._mock.close()
