"""Bearer tokens, browser sign-in and session cookies: the issuer, the login, the secret."""

from __future__ import annotations

import httpx

from app.config import ConfigurationError, Settings
from app.logging import get_logger
from app.services.container import Auth, Login
from app.services.sessions import SessionTokens
from app.wiring.issuer import DEV_ISSUER_KEY_FILE as DEV_ISSUER_KEY_FILE
from app.wiring.issuer import dev_issuer as dev_issuer
from integrations.auth.keys import KeySource, RemoteJwks
from integrations.auth.oidc_login import OidcClientConfig, OidcLogin
from integrations.auth.verifier import JwtVerifier
from integrations.storage.signing import load_or_create_secret

DEV_SESSION_KEY_FILE = "session-signing.key"

log = get_logger("financials.wiring")


def build_auth(settings: Settings, http: httpx.AsyncClient) -> Auth:
    if settings.oidc_issuer is not None:
        keys: KeySource = RemoteJwks(settings.oidc_issuer, http)
        issuer, dev = settings.oidc_issuer, None
    else:
        dev = dev_issuer(settings)
        keys, issuer = dev.key_source(), dev.issuer
    verifier = JwtVerifier(
        keys,
        issuer=issuer,
        audience=settings.oidc_audience,
        leeway_seconds=settings.auth_leeway_seconds,
    )
    return Auth(verifier=verifier, dev_issuer=dev)


def session_secret(settings: Settings) -> bytes:
    """The secret signing session cookies; in development, one kept under the data folder."""
    if settings.session_secret is not None:
        return settings.session_secret.get_secret_value().encode()
    if settings.is_production:
        raise ConfigurationError(
            "FINANCIALS_SESSION_SECRET must be set in production (at least 32 random "
            "characters, e.g. `openssl rand -hex 32`, the same on every replica): it signs the "
            "session cookies that keep people signed in."
        )
    return load_or_create_secret(settings.data_dir / DEV_SESSION_KEY_FILE)


def build_session_tokens(settings: Settings) -> SessionTokens:
    """Refused in production without a session secret."""
    return SessionTokens(session_secret(settings), settings.session_ttl_seconds)


def build_login(settings: Settings, http: httpx.AsyncClient) -> Login:
    """Picks the sign-in: the issuer's when configured, else one click outside production."""
    if settings.oidc_issuer is None:
        return Login(oidc=None, dev_login=not settings.is_production)
    if settings.oidc_client_id is None:
        log.warning(
            "browser sign-in is off: set FINANCIALS_OIDC_CLIENT_ID to sign in at the issuer",
            issuer=settings.oidc_issuer,
        )
        return Login(oidc=None, dev_login=False)
    config = OidcClientConfig(
        issuer=settings.oidc_issuer,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        scopes=settings.oidc_scopes,
        leeway_seconds=settings.auth_leeway_seconds,
    )
    return Login(oidc=OidcLogin(config, http), dev_login=False)
