"""FastAPI dependencies shared by the routers."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import Settings, get_settings
from app.services.container import NotStartedError, Services
from integrations.auth.models import InsufficientScopeError, MissingTokenError, Principal
from integrations.auth.scopes import CHARTS_READ, CHARTS_WRITE

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_services(request: Request) -> Services:
    """The container the lifespan built (`app.wiring.services_lifespan`)."""
    services: Services | None = getattr(request.app.state, "services", None)
    if services is None:
        raise NotStartedError
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

# auto_error=False: a missing token is answered by our problem+json handler with the
# RFC 6750 challenge, not FastAPI's plain 403.
_bearer = HTTPBearer(auto_error=False, description="An OIDC access token (JWT).")


async def principal(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise MissingTokenError("send an OIDC access token as `Authorization: Bearer <token>`")
    caller = await services.auth.verifier.verify(credentials.credentials)
    request.state.principal = caller
    return caller


class RateLimitedError(Exception):
    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__("rate limited")
        self.retry_after = max(1, math.ceil(retry_after_seconds))


async def rate_limited(
    caller: Annotated[Principal, Depends(principal)], services: ServicesDep
) -> Principal:
    """The verified caller, within its request budget.

    Keyed on the token's subject, after authentication: one user cannot exhaust another's
    budget by sharing an address, and a token cannot dodge it by changing address.
    """
    decision = await services.limiter.take(f"sub:{caller.sub}")
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


# The callers each router admits, one definition for all of them.
Reader = Annotated[Principal, Depends(require(CHARTS_READ))]
Writer = Annotated[Principal, Depends(require(CHARTS_WRITE))]


async def admit(request: Request, scope: str) -> Principal:
    """`require(scope)`'s checks in the same order (token, rate limit, scope), for an ASGI
    endpoint that FastAPI's dependencies do not reach (`/mcp`). Failures raise the errors
    the API's handlers answer: 401, 429, 403 as problem+json."""
    services = get_services(request)
    caller = await principal(request, services, await _bearer(request))
    return await require(scope)(await rate_limited(caller, services))
