"""Browser sign-in for the web UI: OIDC authorization code + PKCE, or a one-click dev login.

These routes speak to browsers, not API clients: they set and clear the session cookie
(`app/services/sessions.py`) and redirect, and are not behind the bearer-token auth. The
flow's secrets (state, PKCE code verifier, nonce, where to go after) travel in a short-lived
signed cookie rather than server memory, so the callback may reach any replica.

Redirects after sign-in and sign-out go to a relative path of our own UI only (`next`);
anything else becomes `/`, so these routes cannot be used to bounce people to other sites.
"""

from __future__ import annotations

import hmac
import html
import re
from pathlib import Path
from string import Template
from typing import Annotated
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.api.cookies import clear_cookie, set_cookie
from app.api.deps import ServicesDep
from app.api.problems import problem_response, problem_responses
from app.logging import get_logger
from app.services.container import Services
from app.services.sessions import (
    DEFAULT_DEV_USER,
    LOGIN_FLOW_COOKIE,
    LOGIN_FLOW_TTL_SECONDS,
    SESSION_COOKIE,
    LoginFlow,
    SessionTokens,
    SessionUser,
    cookie_value,
    read_session,
)
from app.urls import AUTH_ROUTE, DEV_LOGIN_ROUTE, frontend_url, login_callback_url
from integrations.auth.models import TokenRejectedError
from integrations.auth.oidc_login import (
    CodeExchangeError,
    OidcLogin,
    ProviderUnavailableError,
)

router = APIRouter(prefix="/auth", tags=["sign-in"])
log = get_logger("financials.login")

DEV_USER_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,40}")
# Documented, and checked by the handler itself so a bad name gets our message (400).
_DEV_USER_SCHEMA = {"pattern": f"^{DEV_USER_PATTERN.pattern}$"}
_DEV_USER_TEXT = "Local user name: 1-40 of A-Z a-z 0-9 . _ -"
MAX_NEXT_CHARS = 2048

NextParam = Annotated[
    str | None,
    Query(description="Where in the UI to go afterwards: a path on this site, e.g. `/`."),
]


def safe_next(value: str | None) -> str:
    """`value` if it is a path on this site, else `/`: no open redirects.

    Refused: absolute URLs, scheme-relative `//host`, backslashes (browsers read `/\\host` as
    `//host`), control characters, and anything too long to be a real UI path.
    """
    if (
        not value
        or len(value) > MAX_NEXT_CHARS
        or not value.startswith("/")
        or value.startswith("//")
        or "\\" in value
        or any(ord(char) < 0x20 or ord(char) == 0x7F for char in value)
    ):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value


def _signed_in(
    request: Request, tokens: SessionTokens, user: SessionUser, next_path: str
) -> RedirectResponse:
    response = RedirectResponse(frontend_url(next_path), status_code=303)
    set_cookie(response, request, SESSION_COOKIE, tokens.issue(user), tokens.ttl_seconds)
    clear_cookie(response, request, LOGIN_FLOW_COOKIE)
    log.info("signed in", sub=user.sub)
    return response


@router.get(
    "/login",
    summary="Start signing in (redirects to the issuer, or to the dev login)",
    status_code=303,
    response_class=RedirectResponse,
    responses=problem_responses(502, 503),
)
async def login(request: Request, services: ServicesDep, next: NextParam = None) -> Response:
    next_path = safe_next(next)
    sign_in = services.login
    if sign_in.oidc is None:
        if sign_in.dev_login:
            return RedirectResponse(
                f"{DEV_LOGIN_ROUTE}?{urlencode({'next': next_path})}", status_code=303
            )
        return problem_response(
            503,
            "Sign-in is not configured",
            "set FINANCIALS_OIDC_ISSUER and FINANCIALS_OIDC_CLIENT_ID to sign in at an OIDC "
            "provider (the development login is off in production and when an issuer is set)",
        )
    try:
        started = await sign_in.oidc.begin(login_callback_url())
    except ProviderUnavailableError as exc:
        return problem_response(502, "Sign-in provider unavailable", str(exc))
    flow = LoginFlow(
        state=started.state,
        code_verifier=started.code_verifier,
        nonce=started.nonce,
        next=next_path,
    )
    response = RedirectResponse(started.url, status_code=303)
    set_cookie(
        response,
        request,
        LOGIN_FLOW_COOKIE,
        services.sessions.issue_flow(flow),
        LOGIN_FLOW_TTL_SECONDS,
    )
    return response


def _restart_hint(next_path: str) -> str:
    return f"start again at {AUTH_ROUTE}/login?{urlencode({'next': next_path})}"


def _failed(
    request: Request, status: int, title: str, detail: str, next_path: str = "/"
) -> JSONResponse:
    log.warning("sign-in failed", reason=title, detail=detail)
    response = problem_response(status, title, f"{detail}; {_restart_hint(next_path)}")
    clear_cookie(response, request, LOGIN_FLOW_COOKIE)
    return response


def _checked_flow(
    request: Request, flow: LoginFlow | None, state: str | None, code: str | None
) -> tuple[LoginFlow, str] | JSONResponse:
    """The sign-in this browser started and the code that finishes it, or why not."""
    next_path = flow.next if flow is not None else "/"
    if flow is None:
        return _failed(
            request,
            400,
            "Sign-in expired",
            "this sign-in was not started in this browser or took longer than "
            f"{LOGIN_FLOW_TTL_SECONDS // 60} minutes",
        )
    if state is None or not hmac.compare_digest(state.encode(), flow.state.encode()):
        return _failed(
            request,
            400,
            "Sign-in state mismatch",
            "the answer from the sign-in provider does not belong to the sign-in this browser "
            "started",
            next_path,
        )
    if not code:
        return _failed(
            request, 400, "No authorization code", "the provider sent no `code`", next_path
        )
    return flow, code


async def _finish(
    request: Request, oidc: OidcLogin, tokens: SessionTokens, flow: LoginFlow, code: str
) -> Response:
    """Trades the code for the ID token and signs the person in."""
    next_path = flow.next
    try:
        identity = await oidc.finish(code, login_callback_url(), flow.code_verifier, flow.nonce)
    except CodeExchangeError as exc:
        return _failed(request, 400, "Sign-in failed", str(exc), next_path)
    except ProviderUnavailableError as exc:
        return _failed(request, 502, "Sign-in provider unavailable", str(exc), next_path)
    except TokenRejectedError as exc:
        return _failed(
            request, 401, "Sign-in failed", f"the ID token was refused: {exc}", next_path
        )
    user = SessionUser(sub=identity.sub, name=identity.name)
    return _signed_in(request, tokens, user, next_path)


@router.get(
    "/callback",
    summary="Where the issuer sends the browser back after sign-in",
    status_code=303,
    response_class=RedirectResponse,
    responses=problem_responses(400, 401, 403, 404, 502),
)
async def callback(
    request: Request,
    services: ServicesDep,
    code: str | None = None,
    state: str | None = None,
    error: str | None = None,
    error_description: str | None = None,
) -> Response:
    oidc = services.login.oidc
    if oidc is None:
        return problem_response(
            404, "No sign-in provider", "no OIDC issuer is configured, so there is no callback"
        )
    flow = services.sessions.read_flow(
        cookie_value(request.headers.get("cookie"), LOGIN_FLOW_COOKIE)
    )
    if error is not None:
        reason = f"{error}: {error_description}" if error_description else error
        status = 403 if error == "access_denied" else 400
        next_path = flow.next if flow is not None else "/"
        return _failed(
            request, status, "Sign-in refused", f"the sign-in provider said {reason}", next_path
        )
    checked = _checked_flow(request, flow, state, code)
    if isinstance(checked, JSONResponse):
        return checked
    return await _finish(request, oidc, services.sessions, *checked)


# The one-click form of the development login; `$action`, `$user` and `$next` are filled in,
# HTML-escaped.
_DEV_PAGE = Template((Path(__file__).parent.parent / "templates" / "dev_login.html").read_text())


def _dev_login_refused(services: Services) -> JSONResponse | None:
    if services.settings.is_production:
        return problem_response(
            404, "No development login", "the development login does not exist in production"
        )
    if not services.login.dev_login:
        return problem_response(
            403,
            "Development login is off",
            f"an OIDC issuer is configured: sign in at {AUTH_ROUTE}/login",
        )
    return None


def _dev_sign_in(
    request: Request, services: Services, user: str | None, next: str | None
) -> Response:
    refused = _dev_login_refused(services)
    if refused is not None:
        return refused
    next_path = safe_next(next)
    if user is None:
        page = _DEV_PAGE.substitute(
            action=html.escape(DEV_LOGIN_ROUTE),
            user=DEFAULT_DEV_USER,
            next=html.escape(next_path),
        )
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})
    if not DEV_USER_PATTERN.fullmatch(user):
        return problem_response(
            400,
            "Invalid user name",
            "the name must be 1 to 40 characters: letters, digits, `.`, `_` or `-`",
        )
    user_signed_in = SessionUser(sub=f"dev:{user}", name=user)
    return _signed_in(request, services.sessions, user_signed_in, next_path)


@router.get(
    "/dev-login",
    summary="Development sign-in: a form, or with `user`, signs in as that local user",
    response_class=HTMLResponse,
    responses={303: {"description": "Signed in"}, **problem_responses(400, 403, 404)},
)
async def dev_login_page(
    request: Request,
    services: ServicesDep,
    user: Annotated[
        str | None, Query(description=_DEV_USER_TEXT, json_schema_extra=_DEV_USER_SCHEMA)
    ] = None,
    next: NextParam = None,
) -> Response:
    return _dev_sign_in(request, services, user, next)


@router.post(
    "/dev-login",
    summary="Development sign-in as a local user (form or query fields `user`, `next`); "
    f"without a name, as `{DEFAULT_DEV_USER}`",
    status_code=303,
    response_class=RedirectResponse,
    responses=problem_responses(400, 403, 404),
)
async def dev_login_submit(
    request: Request,
    services: ServicesDep,
    user: Annotated[
        str | None, Form(description=_DEV_USER_TEXT, json_schema_extra=_DEV_USER_SCHEMA)
    ] = None,
    next: Annotated[str | None, Form()] = None,
    user_in_query: Annotated[
        str | None,
        Query(alias="user", description=_DEV_USER_TEXT, json_schema_extra=_DEV_USER_SCHEMA),
    ] = None,
    next_in_query: Annotated[str | None, Query(alias="next")] = None,
) -> Response:
    # One click signs in: with no name at all, as the default local user the form offers.
    # FastAPI reads an empty form field as absent; an empty name is a bad name, not none.
    sent = (await request.form()).get("user")
    user = sent if isinstance(sent, str) else user
    # A bad name anywhere is refused, even if the other place holds a good one.
    given = [name for name in (user, user_in_query) if name is not None]
    bad = [name for name in given if not DEV_USER_PATTERN.fullmatch(name)]
    chosen = (bad or given or [DEFAULT_DEV_USER])[0]
    next = next if next is not None else next_in_query
    return _dev_sign_in(request, services, chosen, next)


@router.get(
    "/logout",
    summary="Sign out: clears the session cookie and redirects",
    status_code=303,
    response_class=RedirectResponse,
)
async def logout(request: Request, next: NextParam = None) -> RedirectResponse:
    response = RedirectResponse(frontend_url(safe_next(next)), status_code=303)
    clear_cookie(response, request, SESSION_COOKIE)
    clear_cookie(response, request, LOGIN_FLOW_COOKIE)
    return response


class SessionInfo(BaseModel):
    sub: str
    name: str | None


@router.get(
    "/session",
    summary="Who the session cookie says is signed in",
    response_model=SessionInfo,
    responses=problem_responses(401),
)
async def session(request: Request, services: ServicesDep) -> Response | SessionInfo:
    user = read_session(services.sessions, request.headers.get("cookie"))
    if user is None:
        return problem_response(
            401, "Not signed in", f"no valid session cookie; sign in at {AUTH_ROUTE}/login"
        )
    return SessionInfo(sub=user.sub, name=user.name)
