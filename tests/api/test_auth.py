"""Bearer auth through the mounted app: the dev issuer, a real issuer on loopback, and every
refusal as problem+json with the RFC 6750 challenge."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from app.config import get_settings
from app.services.container import Auth
from app.wiring.auth import build_auth
from tests.api.conftest import Started
from tests.support.oidc import AUDIENCE, LoopbackIssuer, loopback_issuer


@pytest.fixture
def dev_auth(started: Started) -> Auth:
    return started.auth


@pytest.fixture
async def oidc(monkeypatch: pytest.MonkeyPatch, started: Started) -> AsyncIterator[LoopbackIssuer]:
    with loopback_issuer() as issuer:
        monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", issuer.url)
        get_settings.cache_clear()
        async with httpx.AsyncClient() as http:
            with started.replaced(auth=build_auth(get_settings(), http)):
                yield issuer


def _assert_refused(response: httpx.Response, status: int, error: str | None, words: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["detail"]
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith('Bearer realm="financials"')
    if error is None:
        assert "error=" not in challenge
    else:
        assert f'error="{error}"' in challenge


async def test_dev_token_identifies_the_caller(client: httpx.AsyncClient, dev_auth: Auth) -> None:
    assert dev_auth.dev_issuer is not None
    token = dev_auth.dev_issuer.mint("alice", ["charts:read"])
    response = await client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["sub"] == "alice"
    assert response.json()["scopes"] == ["charts:read"]


async def test_no_token_gets_a_bare_challenge(client: httpx.AsyncClient, dev_auth: Auth) -> None:
    response = await client.get("/api/me")
    _assert_refused(response, 401, None, "Authorization: Bearer")


async def test_a_basic_auth_header_is_not_a_bearer_token(
    client: httpx.AsyncClient, dev_auth: Auth
) -> None:
    response = await client.get("/api/me", headers={"Authorization": "Basic YWxpY2U6eA=="})
    _assert_refused(response, 401, None, "Bearer")


async def test_dev_issuer_publishes_its_keys_and_metadata(
    client: httpx.AsyncClient, dev_auth: Auth
) -> None:
    keys = (await client.get("/api/auth/jwks")).json()["keys"]
    assert keys[0]["kty"] == "RSA"
    assert "d" not in keys[0], "the private part never leaves the server"
    meta = (await client.get("/api/auth/.well-known/openid-configuration")).json()
    assert meta["jwks_uri"].endswith("/api/auth/jwks")


async def test_dev_keys_survive_a_restart(dev_auth: Auth) -> None:
    assert dev_auth.dev_issuer is not None
    token = dev_auth.dev_issuer.mint("alice", ["charts:read"])
    async with httpx.AsyncClient() as http:
        again = build_auth(get_settings(), http)
        assert (await again.verifier.verify(token)).sub == "alice"


async def test_oidc_tokens_are_verified_against_the_issuers_jwks(
    client: httpx.AsyncClient, oidc: LoopbackIssuer
) -> None:
    token = oidc.token(sub="bob", scope="charts:read")
    response = await client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert response.json() == {"sub": "bob", "scopes": ["charts:read"], "issuer": oidc.url}
    assert (await client.get("/api/auth/jwks")).status_code == 404


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda i: i.token(lifetime=-300), "expired"),
        (lambda i: i.token(audience="other"), "not valid here"),
        (lambda i: i.token() + "x", "signature"),
    ],
    ids=["expired", "wrong audience", "tampered"],
)
async def test_bad_oidc_tokens_get_invalid_token(
    client: httpx.AsyncClient, oidc: LoopbackIssuer, make: object, words: str
) -> None:
    token = make(oidc)  # type: ignore[operator]
    response = await client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    _assert_refused(response, 401, "invalid_token", words)


async def test_dev_tokens_are_refused_when_a_real_issuer_is_configured(
    client: httpx.AsyncClient,
    dev_auth: Auth,
    monkeypatch: pytest.MonkeyPatch,
    started: Started,
) -> None:
    assert dev_auth.dev_issuer is not None
    dev_token = dev_auth.dev_issuer.mint("alice", ["charts:read"], audience=AUDIENCE)
    with loopback_issuer() as issuer:
        monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", issuer.url)
        get_settings.cache_clear()
        async with httpx.AsyncClient() as http:
            with started.replaced(auth=build_auth(get_settings(), http)):
                response = await client.get(
                    "/api/me", headers={"Authorization": f"Bearer {dev_token}"}
                )
    _assert_refused(response, 401, "invalid_token", "unknown key")
