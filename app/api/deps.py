"""FastAPI dependencies shared by the routers."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import Settings, get_settings
from app.wiring import current_auth, current_limiter
from integrations.auth.models import InsufficientScopeError, MissingTokenError, Principal

SettingsDep = Annotated[Settings, Depends(get_settings)]

# auto_error=False: a missing token is answered by our problem+json handler with the
# RFC 6750 challenge, not FastAPI's plain 403.
_bearer = HTTPBearer(auto_error=False, description="An OIDC access token (JWT).")


async def principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise MissingTokenError("send an OIDC access token as `Authorization: Bearer <token>`")
    caller = await current_auth().verifier.verify(credentials.credentials)
    request.state.principal = caller
    return caller


class RateLimitedError(Exception):
    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__("rate limited")
        self.retry_after = max(1, math.ceil(retry_after_seconds))


async def rate_limited(caller: Annotated[Principal, Depends(principal)]) -> Principal:
    """The verified caller, within its request budget.

    Keyed on the token's subject, after authentication: one user cannot exhaust another's
    budget by sharing an address, and a token cannot dodge it by changing address.
    """
    decision = await current_limiter().take(f"sub:{caller.sub}")
    if not decision.allowed:
        raise RateLimitedError(decision.retry_after_seconds)
    return caller


def require(scope: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency that admits rate-limited callers whose token grants `scope`."""

    async def check(caller: Annotated[Principal, Depends(rate_limited)]) -> Principal:
        if not caller.can(scope):
            raise InsufficientScopeError(scope, caller.scopes)
        return caller

    check.__name__ = f"require_{scope.replace(':', '_')}"
    return check
