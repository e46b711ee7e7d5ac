"""Browser sign-in at a real OIDC provider (oidc-provider-mock on loopback, PKCE enforced).

Our side runs in the mounted app; the provider is a real HTTP server. The browser is played
by two httpx clients: one for our app (its cookie jar is the browser's) and one for the
provider, where the person "signs in" by posting the provider's authorization form.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.config import get_settings
from app.services.container import Login
from app.services.sessions import (
    LOGIN_FLOW_COOKIE,
    SESSION_COOKIE,
    LoginFlow,
    read_session,
)
from app.urls import login_callback_url
from app.wiring.auth import build_login, build_session_tokens
from tests.api.conftest import Started as AppStarted
from tests.support.oidc_provider import CLIENT_ID, MockProvider, mock_provider, s256, user
from tests.support.problems import assert_refused

FRONTEND = "http://localhost:3000"


@pytest.fixture
async def provider(
    monkeypatch: pytest.MonkeyPatch, started: AppStarted
) -> AsyncIterator[MockProvider]:
    alice = user("alice", name="Alice Example", email="alice@example.com")
    with mock_provider([alice]) as running:
        monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", running.url)
        monkeypatch.setenv("FINANCIALS_OIDC_CLIENT_ID", CLIENT_ID)
        # A confidential client, as a server-side app is (the mock takes any secret; without
        # its PKCE extension it does not admit public clients at the token endpoint).
        monkeypatch.setenv("FINANCIALS_OIDC_CLIENT_SECRET", "client-secret")
        get_settings.cache_clear()
        async with started.sign_in_as_configured():
            yield running


@dataclass(frozen=True)
class Started:
    """A sign-in our app started: where it sent the browser, and its flow cookie."""

    authorization_url: str
    query: dict[str, str]
    flow: LoginFlow
    flow_cookie: str


async def _start(client: httpx.AsyncClient, next_path: str = "/history") -> Started:
    response = await client.get("/api/auth/login", params={"next": next_path})
    assert response.status_code == 303, response.text
    flow_cookie = response.cookies[LOGIN_FLOW_COOKIE]
    flow = build_session_tokens(get_settings()).read_flow(flow_cookie)
    assert flow is not None
    location = response.headers["location"]
    query = {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}
    return Started(location, query, flow, flow_cookie)


async def _authorize(started: Started, sub: str = "alice", action: str | None = None) -> str:
    """The person signs in at the provider (or denies); returns where it sends the browser."""
    form = {"sub": sub} if action is None else {"action": action}
    async with httpx.AsyncClient() as browser:
        response = await browser.post(started.authorization_url, data=form)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


async def test_sign_in_with_authorization_code_and_pkce(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client, "/history?symbol=AAPL")
    assert started.authorization_url.startswith(provider.authorization_endpoint + "?")
    query = started.query
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == login_callback_url()
    assert query["scope"] == "openid profile email"
    assert query["state"] == started.flow.state
    assert query["nonce"] == started.flow.nonce
    assert query["code_challenge_method"] == "S256"
    assert query["code_challenge"] == s256(started.flow.code_verifier)
    assert started.flow.next == "/history?symbol=AAPL"

    back = await _authorize(started)
    assert back.startswith(login_callback_url() + "?")
    response = await client.get(_path_of(back))

    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"{FRONTEND}/history?symbol=AAPL"
    # The provider saw the verifier whose challenge it was given (it enforces this too).
    assert provider.token_requests[-1]["code_verifier"] == started.flow.code_verifier
    session = response.cookies[SESSION_COOKIE]
    assert (
        read_session(build_session_tokens(get_settings()), f"{SESSION_COOKIE}={session}")
        is not None
    )
    assert response.cookies.get(LOGIN_FLOW_COOKIE) is None, "the one-time flow cookie is gone"

    me = await client.get("/api/auth/session")
    assert me.status_code == 200
    assert me.json() == {"sub": "alice", "name": "Alice Example"}


async def test_name_falls_back_to_the_email(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    # The mock gives an unknown subject just an email claim.
    started = await _start(client)
    response = await client.get(_path_of(await _authorize(started, sub="bob@example.com")))
    assert response.status_code == 303, response.text
    assert (await client.get("/api/auth/session")).json() == {
        "sub": "bob@example.com",
        "name": "bob@example.com",
    }


async def test_a_code_without_its_pkce_verifier_is_refused(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client)
    back = await _authorize(started)
    # The same sign-in, but the flow cookie carries another verifier: the provider must refuse.
    other = started.flow.model_copy(update={"code_verifier": "x" * 64})
    client.cookies.clear()
    cookie = f"{LOGIN_FLOW_COOKIE}={build_session_tokens(get_settings()).issue_flow(other)}"
    response = await client.get(_path_of(back), headers={"Cookie": cookie})
    assert_refused(response, 400, "code_verifier does not match")
    assert provider.token_requests[-1]["code_verifier"] == "x" * 64


async def test_state_mismatch_is_refused_before_any_exchange(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client)
    back = await _authorize(started)
    code = parse_qs(urlsplit(back).query)["code"][0]
    response = await client.get("/api/auth/callback", params={"code": code, "state": "forged"})
    assert_refused(response, 400, "does not belong to the sign-in this browser started")
    assert provider.token_requests == [], "no code is exchanged on a state mismatch"


async def test_a_callback_without_the_flow_cookie_is_refused(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client)
    back = await _authorize(started)
    client.cookies.clear()  # another browser, or the cookie expired
    response = await client.get(_path_of(back))
    assert_refused(response, 400, "not started in this browser")
    assert "/api/auth/login" in response.json()["detail"], "says how to start again"


async def test_an_id_token_for_another_nonce_is_refused(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client)
    back = await _authorize(started)
    replayed = started.flow.model_copy(update={"nonce": "another-sign-in"})
    client.cookies.clear()
    cookie = f"{LOGIN_FLOW_COOKIE}={build_session_tokens(get_settings()).issue_flow(replayed)}"
    response = await client.get(_path_of(back), headers={"Cookie": cookie})
    assert_refused(response, 401, "nonce")


async def test_access_denied_at_the_provider_is_answered_clearly(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client)
    back = await _authorize(started, action="deny")
    assert "error=access_denied" in back
    response = await client.get(_path_of(back))
    assert_refused(response, 403, "access_denied")
    assert provider.token_requests == []


async def test_next_outside_our_site_becomes_the_home_page(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    started = await _start(client, "https://evil.example/phish")
    assert started.flow.next == "/"
    response = await client.get(_path_of(await _authorize(started)))
    assert response.headers["location"] == f"{FRONTEND}/"


async def test_dev_login_is_refused_when_an_issuer_is_configured(
    client: httpx.AsyncClient, provider: MockProvider
) -> None:
    response = await client.post("/api/auth/dev-login", data={"user": "mallory"})
    assert_refused(response, 403, "/api/auth/login")
    assert_refused(await client.get("/api/auth/dev-login"), 403, "OIDC issuer is configured")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_an_unreachable_provider_is_a_502_not_a_crash(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, started: AppStarted
) -> None:
    monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("FINANCIALS_OIDC_CLIENT_ID", CLIENT_ID)
    get_settings.cache_clear()
    async with started.sign_in_as_configured():
        response = await client.get("/api/auth/login")
    assert_refused(response, 502, "could not be read")


async def test_an_issuer_without_a_client_id_cannot_sign_in(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, started: AppStarted
) -> None:
    monkeypatch.setenv("FINANCIALS_OIDC_ISSUER", "https://login.example.com")
    get_settings.cache_clear()
    async with httpx.AsyncClient() as http:
        login = build_login(get_settings(), http)
        assert login == Login(oidc=None, dev_login=False)
    async with started.sign_in_as_configured():
        response = await client.get("/api/auth/login")
    assert_refused(response, 503, "FINANCIALS_OIDC_CLIENT_ID")
