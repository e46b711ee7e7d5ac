"""Bearer JWT verification against a real OIDC issuer on loopback: every bad token refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from joserfc.jwk import RSAKey

from integrations.auth.keys import RemoteJwks
from integrations.auth.models import TokenRejectedError
from integrations.auth.verifier import JwtVerifier
from tests.support.oidc import AUDIENCE, LoopbackIssuer, loopback_issuer, rsa_key


@pytest.fixture
def issuer() -> Iterator[LoopbackIssuer]:
    with loopback_issuer() as running:
        yield running


@pytest.fixture
async def verifier(issuer: LoopbackIssuer) -> AsyncIterator[JwtVerifier]:
    async with httpx.AsyncClient() as client:
        keys = RemoteJwks(issuer.url, client, min_refresh=0)
        yield JwtVerifier(keys, issuer=issuer.url, audience=AUDIENCE)


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def test_a_valid_token_gives_the_subject_and_scopes(
    issuer: LoopbackIssuer, verifier: JwtVerifier
) -> None:
    principal = await verifier.verify(issuer.token(sub="alice", name="Alice"))
    assert principal.sub == "alice"
    assert principal.scopes == {"charts:read", "charts:write"}
    assert principal.issuer == issuer.url
    assert principal.name == "Alice"


async def test_es256_tokens_are_accepted(issuer: LoopbackIssuer, verifier: JwtVerifier) -> None:
    key = issuer.add_ec_key()
    assert (await verifier.verify(issuer.token(key=key, alg="ES256"))).sub == "alice"


async def test_scp_list_is_read_as_scopes(issuer: LoopbackIssuer, verifier: JwtVerifier) -> None:
    token = issuer.token(scope=None, scp=["charts:read"])
    assert (await verifier.verify(token)).scopes == {"charts:read"}


async def test_audience_list_containing_ours_is_accepted(
    issuer: LoopbackIssuer, verifier: JwtVerifier
) -> None:
    token = issuer.token(audience=["other-api", AUDIENCE])
    assert (await verifier.verify(token)).sub == "alice"


def _alg_none(issuer: LoopbackIssuer) -> str:
    claims = json.loads(base64.urlsafe_b64decode(issuer.token().split(".")[1] + "==").decode())
    return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."


def _hs_confusion(issuer: LoopbackIssuer) -> str:
    """HS256 signed with the issuer's RSA *public* key (public knowledge) as the secret."""
    rsa = issuer.keys[0]
    assert isinstance(rsa, RSAKey)
    claims = {"iss": issuer.url, "sub": "mallory", "aud": AUDIENCE, "exp": 9_999_999_999}
    signing_input = f"{_b64({'alg': 'HS256', 'kid': rsa.kid})}.{_b64(claims)}"
    mac = hmac.new(rsa.as_pem(private=False), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def _wrong_key(issuer: LoopbackIssuer) -> str:
    """Signed by another key that claims the published key's id."""
    return issuer.token(key=rsa_key(7, kid=issuer.keys[0].kid))


BAD_TOKENS = {
    "alg none": (_alg_none, "'none' are not accepted"),
    "HS/RS confusion": (_hs_confusion, "'HS256' are not accepted"),
    "wrong key": (_wrong_key, "signature does not verify"),
    "wrong audience": (lambda i: i.token(audience="someone-else"), "not valid here"),
    "wrong issuer": (lambda i: i.token(issuer="https://evil.example"), "not valid here"),
    "expired": (lambda i: i.token(lifetime=-120), "expired"),
    "not yet valid": (lambda i: i.token(not_before=600), "not yet valid"),
    "garbage": (lambda i: "not-a-jwt", "not a well-formed JWT"),
    "unknown key": (
        lambda i: i.token(key=rsa_key(8, kid="ghost")),
        "unknown key (ghost)",
    ),
}


@pytest.mark.parametrize("case", BAD_TOKENS, ids=list(BAD_TOKENS))
async def test_bad_tokens_are_refused_with_a_reason(
    issuer: LoopbackIssuer, verifier: JwtVerifier, case: str
) -> None:
    make, reason = BAD_TOKENS[case]
    with pytest.raises(TokenRejectedError, match=re.escape(reason)):
        await verifier.verify(make(issuer))


async def test_small_clock_skew_is_tolerated(issuer: LoopbackIssuer, verifier: JwtVerifier) -> None:
    assert (await verifier.verify(issuer.token(lifetime=-10))).sub == "alice"


async def test_rotated_keys_are_fetched_when_an_unknown_kid_arrives(
    issuer: LoopbackIssuer, verifier: JwtVerifier
) -> None:
    await verifier.verify(issuer.token())
    fetched = issuer.jwks_requests
    new_key = issuer.add_rsa_key()  # the issuer rotates
    assert (await verifier.verify(issuer.token(key=new_key))).sub == "alice"
    assert issuer.jwks_requests == fetched + 1
    await verifier.verify(issuer.token(key=new_key))
    assert issuer.jwks_requests == fetched + 1, "keys are cached, not fetched per request"


async def test_unknown_kids_do_not_hammer_the_issuer(issuer: LoopbackIssuer) -> None:
    async with httpx.AsyncClient() as client:
        verifier = JwtVerifier(
            RemoteJwks(issuer.url, client, min_refresh=300), issuer=issuer.url, audience=AUDIENCE
        )
        await verifier.verify(issuer.token())
        stranger = rsa_key(8, kid="ghost")
        for _ in range(5):
            with pytest.raises(TokenRejectedError):
                await verifier.verify(issuer.token(key=stranger))
        assert issuer.jwks_requests == 1


async def test_an_unreachable_issuer_is_a_clear_refusal() -> None:
    async with httpx.AsyncClient() as client:
        verifier = JwtVerifier(
            RemoteJwks("http://127.0.0.1:9", client), issuer="x", audience=AUDIENCE
        )
        with loopback_issuer() as other:
            token = other.token()
        with pytest.raises(TokenRejectedError, match="could not be fetched"):
            await verifier.verify(token)


async def test_an_id_token_must_carry_the_nonce_the_sign_in_sent(
    issuer: LoopbackIssuer, verifier: JwtVerifier
) -> None:
    claims = await verifier.verify_claims(issuer.token(nonce="n-1"), nonce="n-1")
    assert claims["nonce"] == "n-1"
    with pytest.raises(TokenRejectedError, match="nonce"):
        await verifier.verify_claims(issuer.token(nonce="n-1"), nonce="n-2")
    with pytest.raises(TokenRejectedError, match="nonce"):
        await verifier.verify_claims(issuer.token(), nonce="n-1")
    # Without a nonce to compare, as for bearer tokens, none is required.
    assert (await verifier.verify_claims(issuer.token()))["sub"] == "alice"
