"""Who is signed in to the web UI: a signed, expiring session cookie.

The cookie holds a compact HS256 JWT (joserfc) signed with the server's session secret, so
any replica can read it without shared storage, and nobody can forge or extend it without
the secret. The sign-in flow's own short-lived cookie (state, PKCE code verifier, nonce and
where to go after) is signed the same way, for another audience, so one can never pass for
the other.

The services container holds the one `SessionTokens` (built from the session secret by the
wiring): the UI reads `read_session(services.sessions, cookie_header)`, the API's login
routes issue the cookie after a successful sign-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.requests import cookie_parser

SESSION_COOKIE = "financials_session"
# Who the one-click development login signs in, unless another name is chosen.
DEFAULT_DEV_USER = "dev-user"
LOGIN_FLOW_COOKIE = "financials_login"
LOGIN_FLOW_TTL_SECONDS = 600  # long enough to type a password, short enough to not linger

_ALGORITHM = "HS256"
_SESSION_AUDIENCE = "financials-session"
_FLOW_AUDIENCE = "financials-login-flow"


class SessionUser(BaseModel):
    """The signed-in person: `sub` keys their history (`dev:<name>` for the dev login)."""

    model_config = ConfigDict(frozen=True)

    sub: str = Field(min_length=1, max_length=255)
    name: str | None = Field(default=None, max_length=255)


class LoginFlow(BaseModel):
    """What the callback needs from the request that started a sign-in."""

    model_config = ConfigDict(frozen=True)

    state: str = Field(min_length=1)
    code_verifier: str = Field(min_length=43, max_length=128)
    nonce: str = Field(min_length=1)
    next: str = "/"


class SessionTokens:
    """Issues and reads the signed tokens behind both cookies."""

    def __init__(
        self,
        secret: bytes,
        ttl_seconds: int,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = OctKey.import_key(secret)
        self.ttl_seconds = ttl_seconds
        self._clock = clock

    def _now(self) -> int:
        return int(self._clock())

    def _encode(self, claims: dict[str, Any], audience: str, ttl_seconds: int) -> str:
        now = self._now()
        payload = {**claims, "aud": audience, "iat": now, "exp": now + ttl_seconds}
        return jwt.encode({"alg": _ALGORITHM}, payload, self._key, algorithms=[_ALGORITHM])

    def _decode(self, token: str | None, audience: str) -> dict[str, Any] | None:
        if not token:
            return None
        try:
            decoded = jwt.decode(token, self._key, algorithms=[_ALGORITHM])
            jwt.JWTClaimsRegistry(
                now=self._now,
                aud={"essential": True, "value": audience},
                iat={"essential": True},
                exp={"essential": True},
            ).validate(decoded.claims)
        except (JoseError, ValueError, TypeError, KeyError, UnicodeError):
            return None
        return dict(decoded.claims)

    def issue(self, user: SessionUser) -> str:
        return self._encode(user.model_dump(), _SESSION_AUDIENCE, self.ttl_seconds)

    def read(self, token: str | None) -> SessionUser | None:
        claims = self._decode(token, _SESSION_AUDIENCE)
        if claims is None:
            return None
        try:
            return SessionUser.model_validate(
                {"sub": claims.get("sub"), "name": claims.get("name")}
            )
        except ValidationError:
            return None

    def issue_flow(self, flow: LoginFlow) -> str:
        return self._encode(flow.model_dump(), _FLOW_AUDIENCE, LOGIN_FLOW_TTL_SECONDS)

    def read_flow(self, token: str | None) -> LoginFlow | None:
        claims = self._decode(token, _FLOW_AUDIENCE)
        if claims is None:
            return None
        fields = {name: claims.get(name) for name in LoginFlow.model_fields}
        try:
            return LoginFlow.model_validate(fields)
        except ValidationError:
            return None


def cookie_value(cookie_header: str | None, name: str) -> str | None:
    """One cookie from a raw `Cookie:` header; None when absent or the header is garbage."""
    if not cookie_header:
        return None
    try:
        return cookie_parser(cookie_header).get(name) or None
    except (ValueError, TypeError):
        return None


def read_session(tokens: SessionTokens, cookie_header: str | None) -> SessionUser | None:
    """The signed-in user of a raw `Cookie:` header, or None (missing, forged or expired).

    Never raises on bad input: a browser may send anything.
    """
    return tokens.read(cookie_value(cookie_header, SESSION_COOKIE))
