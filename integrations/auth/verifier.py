"""Bearer JWT verification: one code path for every issuer.

Explicit algorithm allow-list (RS256, ES256): `alg=none` and HMAC algorithms are refused
before any key is touched, which also closes the RS/HS confusion attack (an attacker
signing with the RSA public key as an HMAC secret).
"""

from __future__ import annotations

import hmac
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    InvalidTokenError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet

from integrations.auth.keys import KeySource
from integrations.auth.models import Principal, TokenRejectedError
from integrations.auth.scopes import scopes_from_claims

ALLOWED_ALGORITHMS = ("RS256", "ES256")


def _header(token: str) -> dict[str, object]:
    try:
        return dict(jws.extract_compact(token.encode()).protected)
    except (JoseError, ValueError, UnicodeError) as exc:
        raise TokenRejectedError("the token is not a well-formed JWT") from exc


def _kids(keys: KeySet) -> set[str]:
    return {str(key.kid) for key in keys.keys if key.kid}


class JwtVerifier:
    def __init__(
        self,
        keys: KeySource,
        issuer: str,
        audience: str,
        algorithms: Collection[str] = ALLOWED_ALGORITHMS,
        leeway_seconds: int = 30,
    ) -> None:
        self._keys = keys
        self.issuer, self.audience = issuer, audience
        self._algorithms = list(algorithms)
        self._leeway = leeway_seconds

    async def verify(self, token: str) -> Principal:
        """The caller a bearer access token names."""
        claims = await self.verify_claims(token)
        return Principal(
            sub=str(claims["sub"]),
            scopes=scopes_from_claims(claims),
            issuer=str(claims["iss"]),
            expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=UTC),
            name=str(claims["name"]) if "name" in claims else None,
            email=str(claims["email"]) if "email" in claims else None,
        )

    async def verify_claims(self, token: str, *, nonce: str | None = None) -> dict[str, Any]:
        """The claims of a token whose signature, issuer, audience and expiry all check out.

        `nonce`, when given, must be the token's `nonce` claim: an OIDC ID token carries the
        value the sign-in request sent, which ties the token to that one sign-in (no replay).
        """
        header = _header(token)
        alg = header.get("alg")
        if alg not in self._algorithms:
            raise TokenRejectedError(
                f"tokens signed with {alg!r} are not accepted; use {' or '.join(self._algorithms)}"
            )
        kid = header.get("kid")
        keys = await self._keys.key_set()
        if isinstance(kid, str) and kid not in _kids(keys):
            keys = await self._keys.key_set(refresh=True)  # the issuer may have rotated keys
            if kid not in _kids(keys):
                raise TokenRejectedError(f"the token was signed with an unknown key ({kid})")
        try:
            decoded = jwt.decode(token, keys, algorithms=self._algorithms)
        except BadSignatureError as exc:
            raise TokenRejectedError("the token's signature does not verify") from exc
        except (JoseError, ValueError) as exc:
            raise TokenRejectedError(f"the token cannot be verified: {exc}") from exc

        registry = jwt.JWTClaimsRegistry(
            leeway=self._leeway,
            iss={"essential": True, "value": self.issuer},
            aud={"essential": True, "value": self.audience},
            sub={"essential": True},
            exp={"essential": True},
        )
        claims = decoded.claims
        try:
            registry.validate(claims)
        except ExpiredTokenError as exc:
            raise TokenRejectedError("the token has expired; get a new one") from exc
        except MissingClaimError as exc:
            raise TokenRejectedError(
                f"the token lacks a required claim: {exc.description}"
            ) from exc
        except InvalidClaimError as exc:
            raise TokenRejectedError(f"the token is not valid here: {exc.description}") from exc
        except InvalidTokenError as exc:
            raise TokenRejectedError(
                f"the token is not valid yet or anymore: {exc.description}"
            ) from exc
        if nonce is not None and not hmac.compare_digest(
            str(claims.get("nonce", "")).encode(), nonce.encode()
        ):
            raise TokenRejectedError("the token's nonce is not the one this sign-in sent")
        return dict(claims)
