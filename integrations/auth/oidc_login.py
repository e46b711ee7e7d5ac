"""Signing people in at an OIDC issuer: the authorization code flow with PKCE (RFC 7636).

authlib builds the authorization URL and exchanges the code; the ID token that comes back is
checked by the same `JwtVerifier` as bearer tokens (signature against the issuer's JWKS,
`iss`, `aud` = our client id, `exp`), plus the `nonce` this sign-in sent. Nothing is kept
between the two halves here: `begin` returns the secrets (state, code verifier, nonce) for
the caller to keep, since the callback may reach another replica.
"""

from __future__ import annotations

import secrets
import warnings
from dataclasses import dataclass
from typing import Any

import authlib.deprecate  # noqa: F401  (installs authlib's warning filter before ours)
import httpx
from pydantic import SecretStr

from integrations.auth.keys import KeySource, RemoteJwks
from integrations.auth.models import TokenRejectedError
from integrations.auth.verifier import JwtVerifier

with warnings.catch_warnings():
    # authlib prefers the `httpx2` package and warns that plain httpx is deprecated; httpx is
    # what the rest of the app uses, and it still works.
    warnings.simplefilter("ignore", DeprecationWarning)
    from authlib.integrations.base_client import OAuthError
    from authlib.integrations.httpx_client import AsyncOAuth2Client

DISCOVERY_PATH = "/.well-known/openid-configuration"
TIMEOUT_SECONDS = 10.0


class LoginError(Exception):
    """A sign-in that cannot go on; the message is safe to show to the person."""


class ProviderUnavailableError(LoginError):
    """The issuer could not be reached or answered with something unusable."""


class CodeExchangeError(LoginError):
    """The token endpoint refused the code (expired, reused, or a wrong code verifier)."""


@dataclass(frozen=True)
class OidcClientConfig:
    issuer: str
    client_id: str
    client_secret: SecretStr | None = None
    scopes: str = "openid profile email"
    leeway_seconds: int = 30


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str


@dataclass(frozen=True)
class AuthorizationRequest:
    """Where to send the browser, and the secrets the callback needs to finish."""

    url: str
    state: str
    code_verifier: str
    nonce: str


@dataclass(frozen=True)
class SignedInIdentity:
    """Who the verified ID token says signed in."""

    sub: str
    name: str | None


def display_name(claims: dict[str, Any]) -> str | None:
    """The friendliest name the claims offer: `name`, then `preferred_username`, then email."""
    for claim in ("name", "preferred_username", "email"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


class OidcLogin:
    """One configured issuer and client; discovery and keys are fetched once and cached."""

    def __init__(
        self,
        config: OidcClientConfig,
        http: httpx.AsyncClient,
        keys: KeySource | None = None,
    ) -> None:
        self.config = config
        self.issuer = config.issuer.rstrip("/")
        self._http = http
        self._metadata: ProviderMetadata | None = None
        self._id_tokens = JwtVerifier(
            keys if keys is not None else RemoteJwks(self.issuer, http),
            issuer=self.issuer,
            audience=config.client_id,
            leeway_seconds=config.leeway_seconds,
        )

    async def metadata(self) -> ProviderMetadata:
        if self._metadata is None:
            url = self.issuer + DISCOVERY_PATH
            try:
                response = await self._http.get(url, timeout=TIMEOUT_SECONDS)
                response.raise_for_status()
                body = response.json()
            except (httpx.HTTPError, ValueError) as exc:
                raise ProviderUnavailableError(
                    f"the sign-in provider's metadata at {url} could not be read; try again shortly"
                ) from exc
            fields = ("issuer", "authorization_endpoint", "token_endpoint")
            if not isinstance(body, dict) or not all(isinstance(body.get(f), str) for f in fields):
                raise ProviderUnavailableError(f"{url} lacks {', '.join(fields)}")
            # OIDC Discovery §4.3: the metadata must name the issuer we asked, or it is not it.
            if body["issuer"].rstrip("/") != self.issuer:
                raise ProviderUnavailableError(
                    f"{url} names the issuer {body['issuer']!r}, not {self.issuer!r}"
                )
            self._metadata = ProviderMetadata(
                issuer=self.issuer,
                authorization_endpoint=body["authorization_endpoint"],
                token_endpoint=body["token_endpoint"],
            )
        return self._metadata

    def _oauth(self, redirect_uri: str) -> AsyncOAuth2Client:
        secret = self.config.client_secret
        return AsyncOAuth2Client(
            client_id=self.config.client_id,
            client_secret=secret.get_secret_value() if secret is not None else None,
            scope=self.config.scopes,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            timeout=TIMEOUT_SECONDS,
        )

    async def begin(self, redirect_uri: str) -> AuthorizationRequest:
        """The authorization URL, with fresh state, PKCE code verifier and nonce."""
        endpoint = (await self.metadata()).authorization_endpoint
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        code_verifier = secrets.token_urlsafe(48)  # 64 characters, within RFC 7636's 43-128
        async with self._oauth(redirect_uri) as oauth:
            url, _ = oauth.create_authorization_url(
                endpoint, state=state, code_verifier=code_verifier, nonce=nonce
            )
        return AuthorizationRequest(
            url=str(url), state=state, code_verifier=code_verifier, nonce=nonce
        )

    async def finish(
        self, code: str, redirect_uri: str, code_verifier: str, nonce: str
    ) -> SignedInIdentity:
        """Exchanges `code` (proving PKCE) and verifies the ID token it brings.

        Raises `CodeExchangeError`, `ProviderUnavailableError` or `TokenRejectedError`.
        """
        endpoint = (await self.metadata()).token_endpoint
        async with self._oauth(redirect_uri) as oauth:
            try:
                token = await oauth.fetch_token(
                    endpoint,
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=code_verifier,
                )
            except OAuthError as exc:
                detail = f"{exc.error}: {exc.description}" if exc.description else exc.error
                raise CodeExchangeError(
                    f"the sign-in provider refused the code ({detail})"
                ) from exc
            except (httpx.HTTPError, ValueError) as exc:
                raise ProviderUnavailableError(
                    "the sign-in provider's token endpoint could not be reached or answered "
                    "badly; try again shortly"
                ) from exc
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise TokenRejectedError(
                "the sign-in provider sent no ID token: is `openid` among the scopes?"
            )
        claims = await self._id_tokens.verify_claims(id_token, nonce=nonce)
        return SignedInIdentity(sub=str(claims["sub"]), name=display_name(claims))
