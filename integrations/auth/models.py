"""Who is calling, and the two ways a call can be refused."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class Principal(BaseModel):
    """The verified caller: the token's subject and what it may do."""

    model_config = ConfigDict(frozen=True)

    sub: str
    scopes: frozenset[str]
    issuer: str
    expires_at: datetime
    name: str | None = None
    email: str | None = None

    def can(self, scope: str) -> bool:
        return scope in self.scopes


class AuthError(Exception):
    """A refused call; `error` is the RFC 6750 error code for the WWW-Authenticate header."""

    status_code = 401
    error = "invalid_token"

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


class MissingTokenError(AuthError):
    """No bearer token: RFC 6750 says to answer with a bare challenge, no error code."""

    error = ""


class TokenRejectedError(AuthError):
    """The token is malformed, expired, for another audience, or not signed by the issuer."""


class InsufficientScopeError(AuthError):
    status_code = 403
    error = "insufficient_scope"

    def __init__(self, required: str, granted: frozenset[str]) -> None:
        have = " ".join(sorted(granted)) or "none"
        super().__init__(f"this call needs the scope {required!r}; the token grants: {have}")
        self.required = required
