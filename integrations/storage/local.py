"""Objects as files under a folder; links point at the app's own `/api/files` route.

Writes go to a temporary file that is renamed into place, so a crash never leaves half an
image under a real key.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from integrations.storage.errors import ObjectNotFoundError
from integrations.storage.keys import check_key
from integrations.storage.signing import UrlSigner


class LocalObjectStore:
    """`ObjectStore` on the local disk; `base_url` is where the files route is mounted."""

    def __init__(self, root: Path, signer: UrlSigner, *, base_url: str = "/api/files") -> None:
        self._root = root
        self._signer = signer
        self._base_url = base_url.rstrip("/")

    @property
    def signer(self) -> UrlSigner:
        return self._signer

    def _path(self, key: str) -> Path:
        return self._root.joinpath(*check_key(key).split("/"))

    async def start(self) -> None:
        await asyncio.to_thread(self._root.mkdir, parents=True, exist_ok=True)

    async def ping(self) -> None:
        if not await asyncio.to_thread(os.access, self._root, os.W_OK):
            raise PermissionError(f"cannot write chart images to {self._root}")

    async def close(self) -> None:
        """Nothing held open between calls."""

    async def put(self, key: str, data: bytes) -> None:
        path = self._path(key)

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
            try:
                with temporary.open("wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                temporary.replace(path)
            finally:
                temporary.unlink(missing_ok=True)

        await asyncio.to_thread(write)

    async def get(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFoundError(key) from None

    async def delete(self, key: str) -> None:
        path = self._path(key)
        await asyncio.to_thread(path.unlink, missing_ok=True)

    async def signed_url(self, key: str, expires: timedelta) -> str:
        check_key(key)
        seconds = int(expires.total_seconds())
        if seconds < 1:
            raise ValueError("a link must stay valid for at least one second")
        expires_at = self._signer.now() + seconds
        query = urlencode({"expires": expires_at, "sig": self._signer.signature(key, expires_at)})
        return f"{self._base_url}/{quote(key, safe='/')}?{query}"
