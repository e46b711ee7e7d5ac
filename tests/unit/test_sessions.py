"""Session cookies: signed, expiring, never raising on what a browser sends; the secret that
signs them, and production refusing to start without it."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey
from pydantic import ValidationError

from app.config import ConfigurationError, Settings, get_settings
from app.services.sessions import (
    SESSION_COOKIE,
    LoginFlow,
    SessionTokens,
    SessionUser,
    read_session,
)
from app.urls import frontend_url
from app.wiring import open_services
from app.wiring.auth import DEV_SESSION_KEY_FILE, build_session_tokens, session_secret
from integrations.auth.oidc_login import display_name

ALICE = SessionUser(sub="dev:alice", name="alice")


def _tokens() -> SessionTokens:
    """The app's codec for the settings as they are now (its container holds the same)."""
    return build_session_tokens(get_settings())


def issue_session(user: SessionUser) -> str:
    return _tokens().issue(user)


def _cookie(value: str) -> str:
    return f"{SESSION_COOKIE}={value}"


def test_an_issued_session_reads_back() -> None:
    assert read_session(_tokens(), _cookie(issue_session(ALICE))) == ALICE
    nameless = SessionUser(sub="idp|42", name=None)
    assert read_session(_tokens(), _cookie(issue_session(nameless))) == nameless


def test_the_session_cookie_is_found_among_others() -> None:
    header = f"theme=dark; {_cookie(issue_session(ALICE))}; other=1"
    assert read_session(_tokens(), header) == ALICE


def test_session_user_is_frozen() -> None:
    with pytest.raises(ValidationError):
        ALICE.sub = "dev:mallory"  # type: ignore[misc]


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "theme=dark",
        "financials_session=",
        "financials_session=not-a-jwt",
        "financials_session=a.b.c",
        'financials_session="\\x00\\xff"; ;;==;',
        "financials_session=" + "A" * 10_000,
        "\x00\x01garbage",
    ],
)
def test_bad_input_is_no_session_and_never_raises(header: str | None) -> None:
    assert read_session(_tokens(), header) is None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_a_tampered_payload_is_refused() -> None:
    header, payload, signature = issue_session(ALICE).split(".")
    claims = json.loads(_unb64(payload))
    claims["sub"] = "dev:mallory"
    forged = f"{header}.{_b64(json.dumps(claims).encode())}.{signature}"
    assert read_session(_tokens(), _cookie(forged)) is None


def test_a_tampered_signature_is_refused() -> None:
    header, payload, signature = issue_session(ALICE).split(".")
    raw = bytearray(_unb64(signature))
    raw[0] ^= 0x01
    assert read_session(_tokens(), _cookie(f"{header}.{payload}.{_b64(bytes(raw))}")) is None


def test_an_unsigned_token_is_refused() -> None:
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    now = int(time.time())
    claims = {"sub": "dev:mallory", "aud": "financials-session", "iat": now, "exp": now + 60}
    assert (
        read_session(_tokens(), _cookie(f"{header}.{_b64(json.dumps(claims).encode())}.")) is None
    )


def test_a_token_signed_with_another_secret_is_refused() -> None:
    stranger = SessionTokens(b"x" * 32, ttl_seconds=3600)
    assert read_session(_tokens(), _cookie(stranger.issue(ALICE))) is None


def test_an_expired_session_is_refused() -> None:
    secret = session_secret(get_settings())
    ttl = 3600
    yesterday = SessionTokens(secret, ttl_seconds=ttl, clock=lambda: time.time() - ttl - 1)
    assert read_session(_tokens(), _cookie(yesterday.issue(ALICE))) is None
    recent = SessionTokens(secret, ttl_seconds=ttl, clock=lambda: time.time() - ttl + 60)
    assert read_session(_tokens(), _cookie(recent.issue(ALICE))) == ALICE


def test_the_lifetime_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_SESSION_TTL_SECONDS", "600")
    get_settings.cache_clear()
    claims = jwt.decode(
        issue_session(ALICE), OctKey.import_key(session_secret(get_settings()))
    ).claims
    assert claims["exp"] - claims["iat"] == 600
    assert Settings(_env_file=None).session_ttl_seconds == 600
    assert Settings(_env_file=None, session_ttl_seconds=43200).session_ttl_seconds == 12 * 3600


def test_a_login_flow_token_is_not_a_session_and_back() -> None:
    tokens = _tokens()
    flow = LoginFlow(state="s", code_verifier="v" * 64, nonce="n", next="/x")
    flow_token = tokens.issue_flow(flow)
    assert tokens.read_flow(flow_token) == flow
    assert tokens.read(flow_token) is None
    assert tokens.read_flow(tokens.issue(ALICE)) is None


def test_a_configured_secret_signs_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_SESSION_SECRET", "k" * 40)
    get_settings.cache_clear()
    assert session_secret(get_settings()) == b"k" * 40
    token = issue_session(ALICE)
    assert SessionTokens(b"k" * 40, ttl_seconds=60).read(token) == ALICE
    assert not (get_settings().data_dir / DEV_SESSION_KEY_FILE).exists()


def test_development_keeps_one_secret_in_the_data_folder() -> None:
    settings = get_settings()
    first = session_secret(settings)
    path = settings.data_dir / DEV_SESSION_KEY_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    assert len(first) >= 32
    token = issue_session(ALICE)
    get_settings.cache_clear()  # a restart: the same secret, so sessions survive it
    assert session_secret(get_settings()) == first
    assert read_session(_tokens(), _cookie(token)) == ALICE


def test_a_short_secret_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_SESSION_SECRET", "too-short")
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(_env_file=None)


def test_production_refuses_to_start_without_a_session_secret(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    get_settings.cache_clear()
    with pytest.raises(ConfigurationError, match="FINANCIALS_SESSION_SECRET must be set"):
        session_secret(get_settings())
    assert not (get_settings().data_dir / DEV_SESSION_KEY_FILE).exists()


async def test_the_app_refuses_to_start_in_production_without_a_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    monkeypatch.setenv("FINANCIALS_FILES_SIGNING_KEY", "f" * 32)
    monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", "https://issuer.example")
    get_settings.cache_clear()
    with pytest.raises(ConfigurationError, match="FINANCIALS_SESSION_SECRET"):
        async with open_services(get_settings()):
            pass
    monkeypatch.setenv("FINANCIALS_SESSION_SECRET", "p" * 32)
    get_settings.cache_clear()
    async with open_services(get_settings()) as services:
        assert services.login.dev_login is False


def test_scopes_must_ask_for_openid() -> None:
    with pytest.raises(ValidationError, match="oidc_scopes"):
        Settings(_env_file=None, oidc_scopes="profile email")
    assert Settings(_env_file=None, oidc_scopes="email openid").oidc_scopes == "email openid"


@pytest.mark.parametrize(
    ("api_url", "deploy_url", "expected"),
    [
        ("http://localhost:8000", "http://localhost:3000", "http://localhost:3000/h?x=1"),
        ("https://app.example.com", "https://app.example.com", "/h?x=1"),
        ("https://app.example.com", "https://APP.example.com/", "/h?x=1"),
        ("https://api.example.com", "https://app.example.com", "https://app.example.com/h?x=1"),
        ("https://app.example.com", None, "/h?x=1"),
    ],
)
def test_redirects_go_to_the_frontend(
    monkeypatch: pytest.MonkeyPatch, api_url: str, deploy_url: str | None, expected: str
) -> None:
    config = SimpleNamespace(api_url=api_url, deploy_url=deploy_url)
    monkeypatch.setattr("app.urls.get_config", lambda: config)
    assert frontend_url("/h?x=1") == expected


def test_display_name_prefers_name_then_username_then_email() -> None:
    assert display_name({"name": "Alice", "preferred_username": "al", "email": "a@x"}) == "Alice"
    assert display_name({"name": " ", "preferred_username": "al", "email": "a@x"}) == "al"
    assert display_name({"email": "a@x"}) == "a@x"
    assert display_name({"sub": "42"}) is None
