"""Where verification keys come from: an OIDC issuer's JWKS over HTTPS, or a fixed set."""

from __future__ import annotations

import time
from typing import Protocol

import httpx
import structlog
from joserfc.jwk import KeySet

from integrations.auth.models import TokenRejectedError

log = structlog.get_logger(__name__)


class KeySource(Protocol):
    async def key_set(self, refresh: bool = False) -> KeySet:
        """The current keys; `refresh` asks for a fresh copy (an unknown `kid` was seen)."""
        ...


class StaticKeys:
    """A fixed key set, e.g. the development issuer's public key."""

    def __init__(self, keys: KeySet) -> None:
        self._keys = keys

    async def key_set(self, refresh: bool = False) -> KeySet:
        return self._keys


class RemoteJwks:
    """An OIDC issuer's keys, discovered from its metadata and cached.

    Keys are kept for `ttl` seconds; an unknown `kid` triggers a refetch (issuers rotate
    keys), but at most once per `min_refresh` seconds so bad tokens cannot hammer the issuer.
    """

    def __init__(
        self,
        issuer: str,
        client: httpx.AsyncClient,
        ttl: float = 3600.0,
        min_refresh: float = 30.0,
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self._client = client
        self._ttl, self._min_refresh = ttl, min_refresh
        self._keys: KeySet | None = None
        self._fetched_at = 0.0
        self._jwks_uri: str | None = None

    async def _discover(self) -> str:
        if self._jwks_uri is None:
            url = f"{self.issuer}/.well-known/openid-configuration"
            metadata = await self._get_json(url)
            jwks_uri = metadata.get("jwks_uri")
            if not isinstance(jwks_uri, str):
                raise TokenRejectedError(f"the issuer's metadata at {url} has no jwks_uri")
            self._jwks_uri = jwks_uri
        return self._jwks_uri

    async def _get_json(self, url: str) -> dict[str, object]:
        try:
            response = await self._client.get(url, timeout=5.0)
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("jwks_fetch_failed", url=url, error=str(exc))
            raise TokenRejectedError(
                "the token issuer's keys could not be fetched; try again shortly"
            ) from exc
        if not isinstance(body, dict):
            raise TokenRejectedError(f"{url} did not return a JSON object")
        return body

    async def key_set(self, refresh: bool = False) -> KeySet:
        now = time.monotonic()
        age = now - self._fetched_at
        stale = self._keys is None or age > self._ttl
        if stale or (refresh and age > self._min_refresh):
            body = await self._get_json(await self._discover())
            try:
                self._keys = KeySet.import_key_set(body)  # type: ignore[arg-type]
            except (ValueError, TypeError, KeyError) as exc:
                raise TokenRejectedError("the issuer published keys that cannot be read") from exc
            self._fetched_at = now
        assert self._keys is not None
        return self._keys
