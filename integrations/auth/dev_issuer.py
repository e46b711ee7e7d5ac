"""The built-in development issuer: a local RSA key that signs tokens for laptops and tests.

Its tokens go through the same `JwtVerifier` as any OIDC provider's; only the key source
differs. It must never run in production (the app refuses to start with it there).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from integrations.once import read_or_create

if TYPE_CHECKING:
    from integrations.auth.keys import StaticKeys

DEV_AUDIENCE = "financials-api"
DEFAULT_TTL_SECONDS = 3600


class DevIssuer:
    def __init__(self, key_path: Path, issuer: str) -> None:
        self.issuer = issuer
        self._key = self._load_or_create(key_path)

    @staticmethod
    def _load_or_create(path: Path) -> RSAKey:
        """One key for every worker, even when they start together (`integrations.once`)."""

        def new_key() -> str:
            key = RSAKey.generate_key(2048, parameters={"kid": uuid.uuid4().hex[:16], "use": "sig"})
            return json.dumps(key.as_dict(private=True))

        return RSAKey.import_key(json.loads(read_or_create(path, new_key)))

    def public_jwks(self) -> dict[str, list[dict[str, object]]]:
        public = self._key.as_dict(private=False)
        return {"keys": [{**public, "alg": "RS256"}]}

    def key_source(self) -> StaticKeys:
        # Imported here: the key sources bring an HTTP client, which minting (the CLI's
        # `financials token`) does not need.
        from integrations.auth.keys import StaticKeys

        return StaticKeys(KeySet.import_key_set(self.public_jwks()))  # type: ignore[arg-type]

    def mint(
        self,
        sub: str,
        scopes: Iterable[str],
        audience: str = DEV_AUDIENCE,
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
        name: str | None = None,
    ) -> str:
        now = int(time.time())
        claims: dict[str, object] = {
            "iss": self.issuer,
            "sub": sub,
            "aud": audience,
            "iat": now,
            "nbf": now,
            "exp": now + ttl_seconds,
            "scope": " ".join(scopes),
        }
        if name:
            claims["name"] = name
        header = {"alg": "RS256", "kid": str(self._key.kid)}
        return jwt.encode(header, claims, self._key, algorithms=["RS256"])
