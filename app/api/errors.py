"""Every error leaves the API as `application/problem+json` (RFC 9457), never as a traceback.

Auth failures also carry the RFC 6750 `WWW-Authenticate` challenge, so OAuth clients know
whether to refresh their token or ask for more scope.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from analysis import AnalysisInputError
from app.api.deps import RateLimitedError
from app.api.problems import problem_response
from app.logging import get_logger
from app.services.container import NotStartedError
from integrations.auth.models import AuthError, InsufficientScopeError
from integrations.market_data import (
    InvalidRangeError,
    MarketDataError,
    UnknownSymbolError,
)
from integrations.market_data import RateLimitedError as MarketRateLimitedError

log = get_logger("financials.api")
REALM = "financials"
MARKET_RETRY_AFTER_S = 60


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', "'")


def _challenge(error: AuthError) -> str:
    parts = [f'Bearer realm="{REALM}"']
    if error.error:
        parts.append(f'error="{error.error}"')
        parts.append(f'error_description="{_quote(error.description)}"')
    if isinstance(error, InsufficientScopeError):
        parts.append(f'scope="{error.required}"')
    return ", ".join(parts)


async def _auth_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AuthError)
    title = "Not allowed" if exc.status_code == 403 else "Not authenticated"
    response = problem_response(exc.status_code, title, exc.description)
    response.headers["WWW-Authenticate"] = _challenge(exc)
    return response


def _field(location: tuple[object, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path")]
    return ".".join(parts) or "request"


async def _invalid_request(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors()[:10]:
        message = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
        problems.append(f"{_field(tuple(error.get('loc', ())))}: {message}")
    return problem_response(422, "Invalid request", "; ".join(problems))


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    response = problem_response(exc.status_code, str(exc.detail), str(exc.detail))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _rate_limited(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RateLimitedError)
    response = problem_response(
        429,
        "Too many requests",
        f"this caller is over its request rate; retry after {exc.retry_after} s",
    )
    response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def _market_data_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MarketDataError)
    if isinstance(exc, UnknownSymbolError):
        # A well-formed name that names nothing: the resource is missing, the request is fine.
        return problem_response(404, "Unknown symbol", str(exc))
    if isinstance(exc, InvalidRangeError):
        return problem_response(422, "Invalid period or interval", str(exc))
    response = problem_response(503, "Market data unavailable", str(exc))
    if isinstance(exc, MarketRateLimitedError):
        response.headers["Retry-After"] = str(MARKET_RETRY_AFTER_S)
    return response


async def _analysis_input_error(_: Request, exc: Exception) -> JSONResponse:
    return problem_response(422, "Cannot analyse these bars", str(exc))


async def _not_started(_: Request, exc: Exception) -> JSONResponse:
    response = problem_response(503, "Starting up", "the app is starting; try again shortly")
    response.headers["Retry-After"] = "1"
    return response


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", path=request.url.path)
    return problem_response(
        500,
        "Unexpected error",
        "something went wrong on our side; nothing you sent was lost. Please try again, and "
        "quote the X-Request-ID header if it keeps happening",
    )


def install_error_handlers(api: FastAPI) -> None:
    api.add_exception_handler(NotStartedError, _not_started)
    api.add_exception_handler(AuthError, _auth_error)
    api.add_exception_handler(RateLimitedError, _rate_limited)
    api.add_exception_handler(MarketDataError, _market_data_error)
    api.add_exception_handler(AnalysisInputError, _analysis_input_error)
    api.add_exception_handler(RequestValidationError, _invalid_request)
    api.add_exception_handler(StarletteHTTPException, _http_error)
    api.add_exception_handler(Exception, _unexpected)
