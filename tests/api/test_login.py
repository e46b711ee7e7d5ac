"""Browser sign-in without an issuer (the embedded default): the one-click dev login, the
session and logout routes, the cookie's attributes, and no open redirects."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from app.config import get_settings
from app.services.container import Login
from app.services.sessions import SESSION_COOKIE, SessionUser, read_session
from app.wiring.auth import build_session_tokens
from tests.api.conftest import Started
from tests.support.problems import assert_refused

FRONTEND = "http://localhost:3000"


@pytest.fixture
async def dev_login(started: Started) -> AsyncIterator[Login]:
    async with started.sign_in_as_configured() as login:
        assert login.oidc is None
        assert login.dev_login
        yield login


def _set_cookie_header(response: httpx.Response, name: str) -> str:
    headers = [h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    assert len(headers) == 1, response.headers.get_list("set-cookie")
    return headers[0]


async def test_login_without_an_issuer_goes_to_the_dev_login(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    response = await client.get("/api/auth/login", params={"next": "/history"})
    assert response.status_code == 303
    assert response.headers["location"] == "/api/auth/dev-login?next=%2Fhistory"


async def test_dev_login_page_offers_a_prefilled_name(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    response = await client.get("/api/auth/dev-login", params={"next": '/x?a="><script>'})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert 'name="user" value="dev-user"' in page
    assert 'method="post" action="/api/auth/dev-login"' in page
    assert "Sign in</button>" in page
    assert "<script>" not in page, "next is escaped into the page"
    assert SESSION_COOKIE not in response.cookies, "showing the form signs nobody in"


async def test_dev_login_signs_in_a_local_user(client: httpx.AsyncClient, dev_login: Login) -> None:
    response = await client.post(
        "/api/auth/dev-login", data={"user": "alice", "next": "/history?symbol=AAPL"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{FRONTEND}/history?symbol=AAPL"
    header = _set_cookie_header(response, SESSION_COOKIE)
    attributes = {part.strip().lower() for part in header.split(";")[1:]}
    assert {"httponly", "path=/", "samesite=lax", "max-age=43200"} <= attributes
    assert "secure" not in attributes, "plain http in development"

    value = response.cookies[SESSION_COOKIE]
    user = read_session(
        build_session_tokens(get_settings()), f"theme=dark; {SESSION_COOKIE}={value}"
    )
    assert user == SessionUser(sub="dev:alice", name="alice")
    me = await client.get("/api/auth/session")
    assert me.json() == {"sub": "dev:alice", "name": "alice"}


async def test_one_click_with_query_parameters_works_too(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    response = await client.get("/api/auth/dev-login", params={"user": "bob.smith_2-x"})
    assert response.status_code == 303
    assert response.headers["location"] == f"{FRONTEND}/"
    assert (await client.get("/api/auth/session")).json()["sub"] == "dev:bob.smith_2-x"
    response = await client.post("/api/auth/dev-login?user=carol&next=/c")
    assert response.headers["location"] == f"{FRONTEND}/c"
    assert (await client.get("/api/auth/session")).json()["sub"] == "dev:carol"


async def test_cookies_are_secure_over_https(mounted_asgi_app: object, dev_login: Login) -> None:
    transport = httpx.ASGITransport(app=mounted_asgi_app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as https:
        response = await https.post("/api/auth/dev-login", data={"user": "alice"})
    assert "secure" in _set_cookie_header(response, SESSION_COOKIE).lower()


async def test_cookies_are_secure_behind_a_tls_proxy(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    response = await client.post(
        "/api/auth/dev-login", data={"user": "alice"}, headers={"X-Forwarded-Proto": "https"}
    )
    assert "secure" in _set_cookie_header(response, SESSION_COOKIE).lower()


@pytest.mark.parametrize("name", ["", "a" * 41, "two words", "ünïcode", "a/b", "<b>", "dev:alice"])
async def test_dev_login_refuses_bad_names(
    client: httpx.AsyncClient, dev_login: Login, name: str
) -> None:
    response = await client.post("/api/auth/dev-login", data={"user": name})
    assert_refused(response, 400, "1 to 40 characters")


@pytest.mark.parametrize(
    "next_path",
    [
        "//evil.example/x",
        "https://evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/ok\r\nSet-Cookie: x=1",
        "/" + "a" * 3000,
    ],
)
async def test_next_never_leaves_our_site(
    client: httpx.AsyncClient, dev_login: Login, next_path: str
) -> None:
    response = await client.post("/api/auth/dev-login", data={"user": "a", "next": next_path})
    assert response.headers["location"] == f"{FRONTEND}/"
    response = await client.get("/api/auth/logout", params={"next": next_path})
    assert response.headers["location"] == f"{FRONTEND}/"
    response = await client.get("/api/auth/login", params={"next": next_path})
    assert response.headers["location"] == "/api/auth/dev-login?next=%2F"


async def test_logout_clears_the_session(client: httpx.AsyncClient, dev_login: Login) -> None:
    await client.post("/api/auth/dev-login", data={"user": "alice"})
    assert (await client.get("/api/auth/session")).status_code == 200
    response = await client.get("/api/auth/logout", params={"next": "/bye"})
    assert response.status_code == 303
    assert response.headers["location"] == f"{FRONTEND}/bye"
    cleared = _set_cookie_header(response, SESSION_COOKIE).lower()
    assert "max-age=0" in cleared
    assert "path=/" in cleared
    assert_refused(await client.get("/api/auth/session"), 401, "/api/auth/login")


async def test_session_without_or_with_a_forged_cookie_is_401(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    assert_refused(await client.get("/api/auth/session"), 401, "no valid session cookie")
    response = await client.post("/api/auth/dev-login", data={"user": "alice"})
    value = response.cookies[SESSION_COOKIE]
    client.cookies.clear()
    forged = value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB")
    forged_header = {"Cookie": f"{SESSION_COOKIE}={forged}"}
    response = await client.get("/api/auth/session", headers=forged_header)
    assert_refused(response, 401, "no valid session cookie")


async def test_dev_login_does_not_exist_in_production(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, started: Started
) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    monkeypatch.setenv("FINANCIALS_SESSION_SECRET", "s" * 32)
    get_settings.cache_clear()
    async with started.sign_in_as_configured() as login:
        assert not login.dev_login
        assert_refused(
            await client.post("/api/auth/dev-login", data={"user": "a"}), 404, "production"
        )
        assert_refused(await client.get("/api/auth/dev-login"), 404, "production")
        assert_refused(await client.get("/api/auth/login"), 503, "FINANCIALS_OIDC_ISSUER")


async def test_a_post_without_a_name_signs_in_the_default_user(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    response = await client.post("/api/auth/dev-login")
    assert response.status_code == 303
    value = response.cookies[SESSION_COOKIE]
    user = read_session(build_session_tokens(get_settings()), f"{SESSION_COOKIE}={value}")
    assert user == SessionUser(sub="dev:dev-user", name="dev-user")


async def test_a_bad_name_in_the_query_is_refused_even_with_a_good_form_name(
    client: httpx.AsyncClient, dev_login: Login
) -> None:
    response = await client.post("/api/auth/dev-login?user=", data={"user": "alice"})
    assert_refused(response, 400, "1 to 40 characters")
