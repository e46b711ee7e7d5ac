"""Objects in a private Alibaba Cloud OSS bucket, through the `oss2` SDK.

Every object is written with a private ACL whatever the bucket's default, so a mis-set bucket
still exposes nothing; people reach images only through `sign_url` links, which expire.
Requests and links are signed with OSS Signature V4 (`oss2.ProviderAuthV4`, scoped to the
bucket's region): OSS refuses V1 for accounts made since 2025-03-01 and buckets made since
2025-09-01. The keys come from a `CredentialSource` asked before each signature, so
short-lived RRSA keys are renewed without a restart. `oss2` is sync and does not retry
single-object calls, so calls run in worker threads and transient failures (network, 5xx,
throttling) are retried with tenacity.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

import oss2
from oss2.exceptions import NoSuchKey, RequestError, ServerError
from pydantic import BaseModel, ConfigDict, Field
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from integrations.credentials import CredentialSource
from integrations.storage.errors import ObjectNotFoundError
from integrations.storage.keys import check_key, content_type_for

T = TypeVar("T")
REGION_PATTERN = r"^[a-z]{2}(-[a-z0-9]+)+$"


class OssConfig(BaseModel):
    """Where the bucket is; `app/wiring.py` fills it from `FINANCIALS_OSS_*`."""

    model_config = ConfigDict(frozen=True)

    endpoint: str = Field(
        pattern=r"^https?://", description="e.g. https://oss-cn-hangzhou.aliyuncs.com"
    )
    bucket: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
    region: str = Field(
        pattern=REGION_PATTERN, description="The bucket's region, e.g. cn-hangzhou (V4 scope)."
    )


class _OssCredentials(oss2.credentials.CredentialsProvider):  # type: ignore[misc]
    """oss2's provider interface on our credential chain."""

    def __init__(self, source: CredentialSource) -> None:
        self._source = source

    def get_credentials(self) -> oss2.credentials.Credentials:
        key = self._source.get()
        return oss2.credentials.Credentials(
            key.access_key_id, key.access_key_secret, key.security_token or ""
        )


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
    def from_config(
        cls, config: OssConfig, credentials: CredentialSource, **retries: Any
    ) -> OssObjectStore:
        """A V4-signing bucket client; `retries` are the constructor's attempts/retry_wait."""
        auth = oss2.ProviderAuthV4(_OssCredentials(credentials))
        bucket = oss2.Bucket(
            auth, config.endpoint, config.bucket, connect_timeout=10, region=config.region
        )
        return cls(bucket, **retries)

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
