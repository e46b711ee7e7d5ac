"""The object-store port: chart images and other blobs, private, shared through expiring links.

Async like the rest of the app; adapters over sync SDKs run their calls in worker threads.
Every method checks the key with `integrations.storage.keys.check_key` first.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Protocol


class ObjectStore(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Returns when objects can be stored; raises otherwise (readiness checks call it)."""
        ...

    async def put(self, key: str, data: bytes) -> None:
        """Stores `data` under `key` whole (a reader never sees half of it), replacing any."""
        ...

    async def get(self, key: str) -> bytes:
        """Raises `ObjectNotFoundError` when nothing is stored under `key`."""
        ...

    async def delete(self, key: str) -> None:
        """Removes the object; a key with nothing stored is not an error."""
        ...

    async def signed_url(self, key: str, expires: timedelta) -> str:
        """A GET link that works for `expires` from now, and only for this key."""
        ...
