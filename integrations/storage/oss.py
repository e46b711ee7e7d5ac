"""Objects in a private Alibaba Cloud OSS bucket, through the `oss2` SDK.

Every object is written with a private ACL whatever the bucket's default, so a mis-set bucket
still exposes nothing; people reach images only through `sign_url` links (OSS signature V1),
which expire. `oss2` is sync and does not retry single-object calls, so calls run in worker
threads and transient failures (network, 5xx, throttling) are retried with tenacity.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

import oss2
from oss2.exceptions import NoSuchKey, RequestError, ServerError
from pydantic import BaseModel, ConfigDict, Field, SecretStr
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from integrations.storage.errors import ObjectNotFoundError
from integrations.storage.keys import check_key, content_type_for

T = TypeVar("T")


class OssConfig(BaseModel):
    """Where the bucket is; `app/wiring.py` fills it from `FINANCIALS_OSS_*`."""

    model_config = ConfigDict(frozen=True)

    endpoint: str = Field(
        pattern=r"^https?://", description="e.g. https://oss-cn-hangzhou.aliyuncs.com"
    )
    bucket: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
    access_key_id: str = Field(min_length=1)
    access_key_secret: SecretStr


def _is_transient(error: BaseException) -> bool:
    if isinstance(error, RequestError):
        return True
    return isinstance(error, ServerError) and (error.status >= 500 or error.status == 429)


class OssObjectStore:
    """`ObjectStore` on an OSS bucket."""

    def __init__(
        self, bucket: Any, *, attempts: int = 3, retry_wait: timedelta = timedelta(seconds=0.5)
    ) -> None:
        self._bucket = bucket
        self._attempts = attempts
        self._retry_wait = retry_wait.total_seconds()

    @classmethod
    def from_config(cls, config: OssConfig) -> OssObjectStore:
        auth = oss2.Auth(config.access_key_id, config.access_key_secret.get_secret_value())
        return cls(oss2.Bucket(auth, config.endpoint, config.bucket, connect_timeout=10))

    async def _call(self, work: Callable[[], T]) -> T:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._attempts),
            wait=wait_exponential(multiplier=self._retry_wait, max=self._retry_wait * 8),
            retry=retry_if_exception(_is_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await asyncio.to_thread(work)
        raise AssertionError("tenacity either returns or re-raises")  # pragma: no cover

    async def start(self) -> None:
        """The bucket is provisioned by infrastructure; nothing to create here."""

    async def close(self) -> None:
        """`oss2` keeps a requests session that needs no closing."""

    async def ping(self) -> None:
        # A HEAD on an absent key: answers 404 when the bucket and credentials are good.
        await self._call(lambda: self._bucket.object_exists("health/ping"))

    async def put(self, key: str, data: bytes) -> None:
        headers = {"Content-Type": content_type_for(check_key(key)), "x-oss-object-acl": "private"}
        await self._call(lambda: self._bucket.put_object(key, data, headers=headers))

    async def get(self, key: str) -> bytes:
        check_key(key)

        def read() -> bytes:
            try:
                return bytes(self._bucket.get_object(key).read())
            except NoSuchKey:
                raise ObjectNotFoundError(key) from None

        return await self._call(read)

    async def delete(self, key: str) -> None:
        check_key(key)
        await self._call(lambda: self._bucket.delete_object(key))

    async def signed_url(self, key: str, expires: timedelta) -> str:
        check_key(key)
        seconds = int(expires.total_seconds())
        if seconds < 1:
            raise ValueError("a link must stay valid for at least one second")
        return str(self._bucket.sign_url("GET", key, seconds, slash_safe=True))


__all__ = ["OssConfig", "OssObjectStore"]
