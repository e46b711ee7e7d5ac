"""The development issuer's public face: its keys and metadata, as any OIDC issuer has.

Served only when no real issuer is configured, so a client (or `RemoteJwks`) can verify dev
tokens exactly as it would a provider's.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from app.api.deps import rate_limited
from app.api.problems import problem_responses
from app.wiring import AUTH_ROUTE, current_auth
from integrations.auth.dev_issuer import DevIssuer
from integrations.auth.models import Principal

router = APIRouter(tags=["auth"])


def _dev_issuer() -> DevIssuer:
    dev = current_auth().dev_issuer
    if dev is None:
        raise HTTPException(
            404, "no development issuer: tokens come from the configured OIDC issuer"
        )
    return dev


@router.get(
    "/auth/jwks", summary="Development issuer's public keys", responses=problem_responses(404)
)
def jwks() -> dict[str, list[dict[str, object]]]:
    return _dev_issuer().public_jwks()


@router.get(
    "/auth/.well-known/openid-configuration",
    summary="Development issuer's metadata",
    responses=problem_responses(404),
)
def metadata() -> dict[str, object]:
    dev = _dev_issuer()
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
