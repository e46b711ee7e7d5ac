"""The development issuer's public face: its keys and metadata, as any OIDC issuer has.

Served only when no real issuer is configured, so a client (or `RemoteJwks`) can verify dev
tokens exactly as it would a provider's.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from app.api.deps import ServicesDep, rate_limited
from app.api.problems import problem_responses
from app.urls import AUTH_ROUTE
from integrations.auth.dev_issuer import DevIssuer
from integrations.auth.models import Principal

router = APIRouter(tags=["auth"])


def _dev_issuer(services: ServicesDep) -> DevIssuer:
    dev = services.auth.dev_issuer
    if dev is None:
        raise HTTPException(
            404, "no development issuer: tokens come from the configured OIDC issuer"
        )
    return dev


DevIssuerDep = Annotated[DevIssuer, Depends(_dev_issuer)]


@router.get(
    "/auth/jwks", summary="Development issuer's public keys", responses=problem_responses(404)
)
def jwks(dev: DevIssuerDep) -> dict[str, list[dict[str, object]]]:
    return dev.public_jwks()


@router.get(
    "/auth/.well-known/openid-configuration",
    summary="Development issuer's metadata",
    responses=problem_responses(404),
)
def metadata(dev: DevIssuerDep) -> dict[str, object]:
    return {
        "issuer": dev.issuer,
        "jwks_uri": f"{dev.issuer}/jwks",
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["charts:read", "charts:write"],
    }


class Me(BaseModel):
    sub: str
    scopes: list[str]
    issuer: str


@router.get(
    "/me", summary="Who the bearer token says you are", responses=problem_responses(401, 429)
)
async def me(caller: Annotated[Principal, Depends(rate_limited)]) -> Me:
    return Me(sub=caller.sub, scopes=sorted(caller.scopes), issuer=caller.issuer)


__all__ = ["AUTH_ROUTE", "router"]
